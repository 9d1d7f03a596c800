#include "base/errors.hpp"

#include <algorithm>

#include "base/text.hpp"

namespace tutor {

Error::Error(Message msg, std::optional<Span> span, std::string input)
    : std::runtime_error(render(Lang::en, msg)),
      msg_(std::move(msg)),
      span_(span),
      input_(std::move(input)) {}

SyntaxError::SyntaxError(Message msg, Span span, std::string input)
    : Error(std::move(msg), span, std::move(input)) {}

std::string format_error(Lang lang, const Error& err, bool ascii) {
  std::string out =
      tr(lang, "error.prefix") + ": " + sanitize(render(lang, err.message()), ascii) + "\n";
  if (!err.span()) return out;
  // Long input is shown as a window around the span, so the caret stays on screen.
  const std::string& in = err.input();
  Span span = *err.span();
  span.begin = std::min(span.begin, in.size());
  span.end = std::clamp(span.end, span.begin, in.size());
  constexpr std::size_t kWindow = 60;
  std::size_t from = span.begin > kWindow ? span.begin - kWindow : 0;
  std::size_t to = std::min(in.size(), std::max(span.end, span.begin + 1) + kWindow);
  // Keep the window on UTF-8 boundaries.
  while (from > 0 && (static_cast<unsigned char>(in[from]) & 0xC0) == 0x80) --from;
  while (to < in.size() && (static_cast<unsigned char>(in[to]) & 0xC0) == 0x80) ++to;
  std::string lead = from > 0 ? "..." : "";
  std::string trail = to < in.size() ? "..." : "";
  std::string before = lead + sanitize(in.substr(from, span.begin - from), ascii);
  std::string marked = sanitize(in.substr(span.begin, span.end - span.begin), ascii);
  std::string after = sanitize(in.substr(span.end, to - span.end), ascii) + trail;
  std::size_t col = display_width(before);
  std::size_t len = std::max<std::size_t>(1, display_width(marked));
  out += "  " + before + marked + after + "\n";
  out += "  " + std::string(col, ' ') + std::string(len, '^') + "\n";
  return out;
}

}  // namespace tutor
