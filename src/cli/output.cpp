#include "cli/output.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "tutor/text.hpp"

namespace tutor::cli {

std::string aligned(const std::vector<std::pair<std::string, std::string>>& rows) {
  std::size_t width = 0;
  for (const auto& [label, value] : rows) width = std::max(width, display_width(label) + 1);
  std::string out;
  for (const auto& [label, value] : rows) {
    out += pad_right(label + ":", width + 2);
    out += value;
    out += '\n';
  }
  return out;
}

Style math_style(const Context& ctx) {
  return ctx.ascii ? Style::ascii : Style::text;
}

std::string json_text(const nlohmann::ordered_json& j) {
  // Invalid UTF-8 from the user becomes U+FFFD rather than an exception.
  std::string text = j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  // The dump escapes C0 controls but writes DEL and the C1 controls (U+0080..U+009F, among
  // them the 8-bit CSI U+009B) raw, and a terminal may act on them. They can only occur
  // inside strings, where \u escapes mean the same.
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (c == 0x7F) {
      out += "\\u007f";
    } else if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {
      out += fmt::format("\\u{:04x}", next);
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string format_of(const Invocation& inv) {
  return inv.value("--format").value_or("text");
}

}  // namespace tutor::cli
