// The real `tutor` binary on a pseudo-terminal, for tests of what a person at a terminal
// sees: type keys, wait for text, read the screen. Every wait has a timeout, so a test
// can never hang.
#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tutor::testing {

class Pty {
 public:
  // Starts `tutor ARGS` on a COLS-wide terminal with a clean environment (LANG=C.UTF-8,
  // TERM=dumb) plus ENV.
  Pty(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
      unsigned short cols = 80);
  ~Pty();
  Pty(const Pty&) = delete;
  Pty& operator=(const Pty&) = delete;

  bool started() const { return pid_ > 0 && fd_ >= 0; }
  // Reads until TEXT appears after the mark; false after TIMEOUT_S seconds.
  bool wait_for(std::string_view text, double timeout_s = 15);
  // What arrived since the last mark; the next wait starts after it.
  std::string take();
  // Sends KEYS as typed; false when they could not all be written.
  bool type(std::string_view keys);
  // The exit status, or -1 after TIMEOUT_S seconds (output is drained meanwhile).
  int wait_exit(double timeout_s = 15);

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
  bool exited_ = false;
  std::string seen_;
  std::size_t mark_ = 0;
};

}  // namespace tutor::testing
