#include "repl/history.hpp"

#include <fcntl.h>
#include <unistd.h>

// readline's headers need stdio first.
#include <readline/history.h>

#include <cstdio>
#include <cstring>
#include <system_error>

namespace tutor::repl {

std::optional<std::filesystem::path> history_path(const char* xdg_state_home, const char* home) {
  namespace fs = std::filesystem;
  if (xdg_state_home != nullptr && *xdg_state_home != '\0' &&
      fs::path(xdg_state_home).is_absolute()) {
    return fs::path(xdg_state_home) / "tutor" / "history";
  }
  if (home != nullptr && *home != '\0')
    return fs::path(home) / ".local" / "state" / "tutor" / "history";
  return std::nullopt;
}

History::History(std::filesystem::path path) : path_(std::move(path)) {
  stifle_history(kHistoryLines);
  std::error_code ec;
  std::filesystem::create_directories(path_.parent_path(), ec);
  if (ec) {
    error_ = ec.message();
    return;
  }
  // append_history needs the file to exist.
  int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) {
    error_ = std::strerror(errno);
    return;
  }
  ::close(fd);
  if (int rc = read_history(path_.c_str()); rc != 0) {
    error_ = std::strerror(rc);
    return;
  }
  usable_ = true;
}

History::~History() {
  if (usable_) history_truncate_file(path_.c_str(), kHistoryLines);
}

void History::add(std::string_view line) {
  if (line.find_first_not_of(" \t") == std::string_view::npos) return;
  std::string text(line);
  if (history_length > 0) {
    if (HIST_ENTRY* last = history_get(history_base + history_length - 1);
        last != nullptr && last->line != nullptr && text == last->line) {
      return;
    }
  }
  add_history(text.c_str());
  if (usable_) append_history(1, path_.c_str());
}

}  // namespace tutor::repl
