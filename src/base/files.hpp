// The tutor's files: read whole but never past a size limit, so that a huge or endless file
// (a quiz, a lesson, a class's answers, the progress file) cannot exhaust memory; and written
// so that a crash never leaves one half-written: a temporary file in the same folder, flushed
// to disk, then renamed over the target.
//
//   std::string text = tutor::read_bounded("class.csv", 64u << 20);
//   tutor::write_atomically("grades.json", text, tutor::Overwrite::never);
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "base/i18n.hpp"

namespace tutor {

// The whole of the file at PATH, when it has at most MAX_BYTES. Throws tutor::Error naming
// the path: "error.file_read" {path, reason} when it cannot be read (missing, a folder, no
// permission), "error.file_too_big" {path, "256 kB"} when it is larger. Reads at most
// MAX_BYTES + 1 bytes, whatever the file claims its size is (a pipe or /dev/zero too).
std::string read_bounded(const std::filesystem::path& path, std::size_t max_bytes);

// Whether MESSAGE is one of read_bounded's errors, which name their file themselves: lists
// of problems that put "file:line:" first show it without that prefix.
bool is_file_error(const Message& message);

enum class Overwrite { never, allowed };

// Writes CONTENT to PATH atomically, creating missing parent folders. With
// Overwrite::never an existing PATH is left alone and tutor::Error("error.file_exists")
// is thrown. Throws tutor::Error("error.file_write") when the file cannot be written; the
// target is then untouched.
void write_atomically(const std::filesystem::path& path, std::string_view content,
                      Overwrite overwrite = Overwrite::allowed);

// S made safe as one file name: letters, digits, '-', '_' and '.' kept, anything else '_',
// never empty, never starting with '.' (no hidden file, no "..") and at most 80 bytes. Two
// different ids may give the same name; callers that write several files tell them apart.
//
//   tutor::safe_file_name("Lee, Min")   // "Lee__Min"
std::string safe_file_name(std::string_view s);

// $XDG_DATA_HOME/tutor (default ~/.local/share/tutor), or nullopt with neither set.
std::optional<std::filesystem::path> data_dir();

}  // namespace tutor
