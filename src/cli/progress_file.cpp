#include "cli/progress_file.hpp"

#include <ostream>

#include "base/errors.hpp"
#include "base/text.hpp"

namespace tutor::cli {

ProgressFile::ProgressFile(Context& ctx) : ctx_(ctx), path_(progress_path()) {
  if (!path_) {
    *ctx_.err << tr(ctx_.lang, "progress.no_place") << "\n";
    return;
  }
  try {
    LoadedProgress loaded = load_progress(*path_);
    progress_ = std::move(loaded.progress);
    if (loaded.moved_aside) {
      *ctx_.err << tr(ctx_.lang, "progress.moved_aside", sanitize(loaded.moved_aside->string()))
                << "\n";
    }
  } catch (const Error& e) {
    *ctx_.err << tr(ctx_.lang, "progress.unusable", render(ctx_.lang, e.message())) << "\n";
    path_.reset();
  }
}

void ProgressFile::update(const std::function<void(Progress&)>& change) {
  change(progress_);
  if (!path_) return;
  try {
    save_progress(*path_, progress_);
  } catch (const Error& e) {
    *ctx_.err << tr(ctx_.lang, "progress.unusable", render(ctx_.lang, e.message())) << "\n";
    path_.reset();
  }
}

}  // namespace tutor::cli
