// Writing files so that a crash never leaves one half-written: a temporary file in the
// same folder, flushed to disk, then renamed over the target.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace tutor {

enum class Overwrite { never, allowed };

// Writes CONTENT to PATH atomically, creating missing parent folders. With
// Overwrite::never an existing PATH is left alone and tutor::Error("error.file_exists")
// is thrown. Throws tutor::Error("error.file_write") when the file cannot be written; the
// target is then untouched.
void write_atomically(const std::filesystem::path& path, std::string_view content,
                      Overwrite overwrite = Overwrite::allowed);

// $XDG_DATA_HOME/tutor (default ~/.local/share/tutor), or nullopt with neither set.
std::optional<std::filesystem::path> data_dir();

}  // namespace tutor
