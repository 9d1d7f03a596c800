#include "cli/output.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/errors.hpp"
#include "base/table.hpp"
#include "base/text.hpp"
#include "math/steps.hpp"

namespace tutor::cli {

std::string aligned(const std::vector<std::pair<std::string, std::string>>& rows) {
  TextTable t;
  for (const auto& [label, value] : rows) t.add_row({label + ":", value});
  return t.str();
}

std::string wrapped(const Context& ctx, const std::string& text) {
  return wrap_lines(ctx.ascii ? ascii_math(text) : text, ctx.width);
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

int checked_order(int n, const std::string& where) {
  if (n < 1 || n > kMaxOrder) {
    throw Error(Message{"diff.bad_order", {std::to_string(n), std::to_string(kMaxOrder)}},
                Span{0, where.size()}, where);
  }
  return n;
}

int parse_order(const std::string& text) {
  const std::string t = trim(text);
  const bool digits =
      !t.empty() && t.size() < 4 && (t[0] == '-' || (t[0] >= '0' && t[0] <= '9')) &&
      std::all_of(t.begin() + 1, t.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || t == "-") {
    throw Error(Message{"diff.bad_order", {sanitize(t), std::to_string(kMaxOrder)}},
                Span{0, text.size()}, text);
  }
  return checked_order(std::stoi(t), text);
}

}  // namespace tutor::cli
