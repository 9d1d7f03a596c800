// The prompt's history file: shared by every session, appended to line by line, and kept
// to the last kHistoryLines lines.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tutor::repl {

inline constexpr int kHistoryLines = 1000;

// $XDG_STATE_HOME/tutor/history, or $HOME/.local/state/tutor/history when XDG_STATE_HOME
// is unset, empty or relative (as the XDG base directory specification says). nullopt
// when neither gives a place.
std::optional<std::filesystem::path> history_path(const char* xdg_state_home, const char* home);

// Readline's history, backed by a file.
class History {
 public:
  // Loads PATH (creating it and its folder, private to the user, when missing). On failure
  // the history lives in memory only and error() says why.
  explicit History(std::filesystem::path path);
  // Trims the file to the last kHistoryLines lines.
  ~History();
  History(const History&) = delete;
  History& operator=(const History&) = delete;

  // Adds LINE unless it is blank or the same as the line before, and appends it to the file
  // at once, so that a session that ends abruptly keeps it and other sessions see it.
  void add(std::string_view line);
  const std::string& error() const { return error_; }

 private:
  std::filesystem::path path_;
  bool usable_ = false;
  std::string error_;
};

}  // namespace tutor::repl
