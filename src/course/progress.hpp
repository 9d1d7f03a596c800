// What a learner has done: lessons completed, questions answered, exercises solved, tries.
// Kept in $XDG_DATA_HOME/tutor/progress.json, written atomically.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tutor {

struct Attempts {
  int tries = 0;          // answers given
  bool solved = false;    // answered correctly at least once
  bool revealed = false;  // the solution was shown before it was solved
};

// A skill of `tutor practice` (course/skills.hpp), as BKT estimates it (course/mastery.hpp).
struct SkillRecord {
  double mastery = 0;  // P(learnt); a skill without a record is at kBktInit
  int answered = 0;    // first tries
  int right = 0;       // of them, right
  int last = 0;        // the practice number (Progress::practised) it was last practised at
};

// One first try in `tutor practice`.
struct PracticeEntry {
  std::string skill;
  std::string function;  // input syntax; for a problem other than a derivative, its
                         // problem_id (course/skills.hpp)
  std::string wrt;
  bool right = false;
  std::string mistake;  // its tag, or empty
};

// The most practice entries kept: the newest, a few months of daily practice.
inline constexpr std::size_t kMaxHistory = 1000;

struct Progress {
  std::set<int> lessons_completed;
  std::map<std::string, Attempts> questions;  // "lesson-2/q1"
  std::map<std::string, Attempts> exercises;  // "1", "2", "3"
  // `tutor practice`: absent from older files, which load with none.
  std::map<std::string, SkillRecord> skills;  // by skill id
  int practised = 0;                          // problems practised, over every run
  std::vector<PracticeEntry> history;         // oldest first
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
