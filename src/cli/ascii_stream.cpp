#include "cli/ascii_stream.hpp"

#include "base/text.hpp"

namespace tutor::cli {

AsciiStreamBuf::int_type AsciiStreamBuf::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  pending_ += traits_type::to_char_type(c);
  if (c == '\n') sync();
  return c;
}

int AsciiStreamBuf::sync() {
  if (!pending_.empty()) {
    target_ << ascii_math(pending_);
    pending_.clear();
  }
  target_.flush();
  return 0;
}

AsciiOut::AsciiOut(std::ostream& target, bool ascii)
    : target_(target), ascii_(ascii), buf_(target), filtered_(&buf_) {}

}  // namespace tutor::cli
