#include "cli/terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace tutor::cli {

std::size_t terminal_width(const Context& ctx) {
  std::size_t width = 80;
  winsize ws{};
  if (ctx.out == &std::cout && isatty(STDOUT_FILENO) != 0 &&
      ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    width = ws.ws_col;
  } else if (const char* cols = std::getenv("COLUMNS")) {
    char* end = nullptr;
    long n = std::strtol(cols, &end, 10);
    if (end != cols && *end == '\0' && n > 0) width = static_cast<std::size_t>(n);
  }
  return std::clamp<std::size_t>(width, 20, kMaxWidth);
}

}  // namespace tutor::cli
