// Typed errors. Library code throws these; only the front ends turn them into text.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

#include "base/i18n.hpp"

namespace tutor {

// A range of bytes [begin, end) in the text the user typed.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const Span&) const = default;
};

// Bad input of any kind: a message to show and, for text the user typed, where it is.
// what() is the English text, for logs and tests.
class Error : public std::runtime_error {
 public:
  explicit Error(Message msg, std::optional<Span> span = std::nullopt, std::string input = {});
  const Message& message() const { return msg_; }
  const std::string& key() const { return msg_.key; }
  const std::optional<Span>& span() const { return span_; }
  // The text the span points into (empty when there is no span).
  const std::string& input() const { return input_; }

 private:
  Message msg_;
  std::optional<Span> span_;
  std::string input_;
};

// An expression the parser refused: a syntax error or a limit. Always has a span.
class SyntaxError : public Error {
 public:
  SyntaxError(Message msg, Span span, std::string input);
};

// The message, then the input and a caret line under the span, for a terminal. Columns
// are counted in display width, so Korean and other wide characters line up.
std::string format_error(Lang lang, const Error& err, bool ascii = false);

}  // namespace tutor
