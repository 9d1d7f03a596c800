// The learner's progress file as the front ends use it: loaded once, with a warning when it
// was corrupt (and moved aside) or cannot be written, and saved after every change so that
// quitting at any point loses nothing.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>

#include "cli/command.hpp"
#include "course/progress.hpp"

namespace tutor::cli {

class ProgressFile {
 public:
  // Loads the file (see progress_path()), writing any warning to ctx.err. Never throws.
  explicit ProgressFile(Context& ctx);

  const Progress& get() const { return progress_; }
  const std::optional<std::filesystem::path>& path() const { return path_; }

  // Applies CHANGE and saves. A file that cannot be written gets one warning on ctx.err,
  // and the tutor goes on without recording. Never throws.
  void update(const std::function<void(Progress&)>& change);

 private:
  Context& ctx_;
  std::optional<std::filesystem::path> path_;  // nullopt: nowhere to record
  Progress progress_;
};

}  // namespace tutor::cli
