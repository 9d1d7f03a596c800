#include "repl/paint.hpp"

#include <algorithm>

namespace tutor::repl {

namespace {
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kBoldRed = "\x1b[1;31m";
constexpr std::string_view kBoldBlue = "\x1b[1;34m";
constexpr std::string_view kReset = "\x1b[0m";

bool is_caret_line(std::string_view line) {
  return line.find('^') != std::string_view::npos &&
         std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '^'; });
}
}  // namespace

std::string bold(std::string_view s, bool color) {
  if (!color) return std::string(s);
  return std::string(kBold) + std::string(s) + std::string(kReset);
}

std::string prompt_text(bool color) {
  if (!color) return "tutor> ";
  return "\001" + std::string(kBoldBlue) + "\002tutor>\001" + std::string(kReset) + "\002 ";
}

std::string paint_errors(std::string_view text, Lang lang, bool color) {
  if (!color) return std::string(text);
  const std::string prefix = tr(lang, "error.prefix") + ":";
  std::string out;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (is_caret_line(line)) {
      std::size_t first = line.find('^');
      out += std::string(line.substr(0, first)) + std::string(kRed) +
             std::string(line.substr(first)) + std::string(kReset);
    } else if (std::size_t at = line.find(prefix); at != std::string_view::npos) {
      out += std::string(line.substr(0, at)) + std::string(kBoldRed) + prefix +
             std::string(kReset) + std::string(line.substr(at + prefix.size()));
    } else {
      out += line;
    }
    if (nl == std::string_view::npos) break;
    out += '\n';
    text.remove_prefix(nl + 1);
  }
  return out;
}

}  // namespace tutor::repl
