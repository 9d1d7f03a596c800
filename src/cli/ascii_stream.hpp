// An output stream that spells math glyphs in ASCII (tutor::ascii_math) on the way out, so
// that --ascii holds for every message, not only for the formulas the printer writes.
#pragma once

#include <ostream>
#include <streambuf>
#include <string>

namespace tutor::cli {

class AsciiStreamBuf final : public std::streambuf {
 public:
  explicit AsciiStreamBuf(std::ostream& target) : target_(target) {}
  ~AsciiStreamBuf() override { sync(); }

 protected:
  int_type overflow(int_type c) override;
  int sync() override;

 private:
  // Whole lines are converted, so a glyph's UTF-8 bytes are never split.
  std::ostream& target_;
  std::string pending_;
};

// TARGET, or a stream converting into TARGET when ASCII is on. Keep the returned object
// alive while writing.
class AsciiOut {
 public:
  AsciiOut(std::ostream& target, bool ascii);
  std::ostream& stream() { return ascii_ ? filtered_ : target_; }

 private:
  std::ostream& target_;
  bool ascii_;
  AsciiStreamBuf buf_;
  std::ostream filtered_;
};

}  // namespace tutor::cli
