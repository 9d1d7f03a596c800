// What a learner has done: lessons completed, questions answered, exercises solved, tries.
// Kept in $XDG_DATA_HOME/tutor/progress.json, written atomically.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace tutor {

struct Attempts {
  int tries = 0;          // answers given
  bool solved = false;    // answered correctly at least once
  bool revealed = false;  // the solution was shown before it was solved
};

struct Progress {
  std::set<int> lessons_completed;
  std::map<std::string, Attempts> questions;  // "lesson-2/q1"
  std::map<std::string, Attempts> exercises;  // "1", "2", "3"
};

struct LoadedProgress {
  Progress progress;
  // Set when the file was unreadable or corrupt: it was moved here (never deleted), and
  // the learner starts afresh with a warning.
  std::optional<std::filesystem::path> moved_aside;
};

// The most a progress file may be: years of answers take a few hundred kB.
inline constexpr std::size_t kMaxProgressBytes = std::size_t{16} << 20;

// Reads FILE. A missing file is empty progress. A corrupt one (or one past
// kMaxProgressBytes) is renamed to FILE.corrupt-<time> and reported in moved_aside. Never throws
// for bad content; throws tutor::Error only when a corrupt file cannot be moved aside.
LoadedProgress load_progress(const std::filesystem::path& file);

// Writes PROGRESS to FILE atomically. Throws tutor::Error when it cannot.
void save_progress(const std::filesystem::path& file, const Progress& progress);

// $XDG_DATA_HOME/tutor/progress.json (default ~/.local/share/tutor/progress.json).
std::optional<std::filesystem::path> progress_path();

// The JSON text of PROGRESS, and back (throws std::exception on malformed text).
std::string progress_json(const Progress& progress);
Progress parse_progress(const std::string& text);

}  // namespace tutor
