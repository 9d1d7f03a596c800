// Terminal text: display widths and making untrusted text safe to print.
#include "base/text.hpp"

#include <gtest/gtest.h>

namespace tutor {
namespace {

TEST(DisplayWidth, AsciiIsOneColumnHangulTwo) {
  EXPECT_EQ(display_width(""), 0u);
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("변수"), 4u);
  EXPECT_EQ(display_width("x² + 변수"), 9u);
  EXPECT_EQ(display_width("√θ·π"), 4u);
}

TEST(DisplayWidth, CombiningMarksAreZeroAndInvalidBytesOne) {
  EXPECT_EQ(display_width("e\xCC\x81"), 1u);  // e + combining acute
  EXPECT_EQ(display_width("a\xFF"
                          "b"),
            3u);
}

TEST(Sanitize, StripsTerminalEscapes) {
  std::string s = sanitize("x\x1B[31mred\x1B[0m");
  EXPECT_EQ(s.find('\x1B'), std::string::npos);
  EXPECT_EQ(s, "x\xEF\xBF\xBD[31mred\xEF\xBF\xBD[0m");
  EXPECT_EQ(sanitize("a\x07"
                     "b",
                     true),
            "a?b");
  EXPECT_EQ(sanitize("a\x9B"
                     "b",
                     true),
            "a?b");  // a lone C1 byte is invalid UTF-8
  EXPECT_EQ(sanitize("a\xC2\x9B"
                     "b",
                     true),
            "a?b");  // U+009B, the C1 escape
}

TEST(Sanitize, ReplacesInvalidUtf8AndKeepsValidText) {
  EXPECT_EQ(sanitize("x\xFFy", true), "x?y");
  EXPECT_EQ(sanitize("x\xC3y"), "x\xEF\xBF\xBDy");
  EXPECT_EQ(sanitize("2x·cos(x²) 변수"), "2x·cos(x²) 변수");
  EXPECT_EQ(sanitize("a\tb"), "a b");
  EXPECT_TRUE(valid_utf8(sanitize("\xE2\x88\xFF\xC3")));
}

TEST(Utf8, DecodeAndValidate) {
  std::size_t len = 0;
  EXPECT_EQ(decode_utf8("²", 0, len), 0xB2);
  EXPECT_EQ(len, 2u);
  EXPECT_EQ(decode_utf8("\xFF", 0, len), -1);
  EXPECT_EQ(len, 1u);
  EXPECT_TRUE(valid_utf8("θ √ 한"));
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));  // a surrogate
}

}  // namespace
}  // namespace tutor
