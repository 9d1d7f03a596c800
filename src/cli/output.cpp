#include "cli/output.hpp"

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

Style math_style(const Context& ctx) { return ctx.ascii ? Style::ascii : Style::text; }

std::string json_text(const nlohmann::ordered_json& j) {
  // Invalid UTF-8 from the user becomes U+FFFD rather than an exception.
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string format_of(const Invocation& inv) { return inv.value("--format").value_or("text"); }

}  // namespace tutor::cli
