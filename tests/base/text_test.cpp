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

TEST(DisplayWidth, ColourEscapesTakeNoRoom) {
  EXPECT_EQ(display_width("\x1b[31mab\x1b[0m"), 2u);
  EXPECT_EQ(display_width("\x1b[1;32m변수\x1b[0m x"), 6u);
}

TEST(Wrap, BreaksAtSpacesWithinTheWidth) {
  EXPECT_EQ(wrap("one two three", 8), (std::vector<std::string>{"one two", "three"}));
  EXPECT_EQ(wrap("one two three", 13), (std::vector<std::string>{"one two three"}));
  EXPECT_EQ(wrap("", 10), (std::vector<std::string>{""}));
}

TEST(Wrap, HangulTakesTwoColumns) {
  // "가나 다라" is 4 + 1 + 4 = 9 columns.
  EXPECT_EQ(wrap("가나 다라 마바", 9), (std::vector<std::string>{"가나 다라", "마바"}));
  EXPECT_EQ(wrap("가나 다라 마바", 8), (std::vector<std::string>{"가나", "다라", "마바"}));
}

TEST(Wrap, PrefixesCountAndLongWordsAreCut) {
  EXPECT_EQ(wrap("a b c d", 5, "- ", "  "), (std::vector<std::string>{"- a b", "  c d"}));
  EXPECT_EQ(wrap("abcdefghij", 4), (std::vector<std::string>{"abcd", "efgh", "ij"}));
  EXPECT_EQ(wrap("한국어문장", 4), (std::vector<std::string>{"한국", "어문", "장"}));
}

TEST(Wrap, BracketsStayTogetherWhenTheyFitALine) {
  EXPECT_EQ(wrap("a = σ(w·x + b)", 10), (std::vector<std::string>{"a =", "σ(w·x + b)"}));
  // Too wide for a line of 12, "(the distance)" breaks like any other words.
  EXPECT_EQ(wrap("by (the distance) to", 12),
            (std::vector<std::string>{"by (the", "distance) to"}));
  EXPECT_EQ(wrap("by (the distance) to", 16),
            (std::vector<std::string>{"by", "(the distance)", "to"}));
  // Too wide for any line, the brackets break at their spaces after all.
  EXPECT_EQ(wrap("x (a b c d e f)", 7), (std::vector<std::string>{"x (a b", "c d e", "f)"}));
}

TEST(Wrap, MeasureOfTheCaller) {
  // Markers the caller turns into spaces later count one column each.
  auto bytes = [](std::string_view s) { return s.size(); };
  EXPECT_EQ(wrap("a\x01b c", 3, "", "", bytes), (std::vector<std::string>{"a\x01b", "c"}));
}

TEST(WrapLines, LinesThatFitStayAndLongOnesHangUnderTheirIndent) {
  EXPECT_EQ(wrap_lines("  aaa bbb ccc\nshort\n", 9), "  aaa bbb\n    ccc\nshort\n");
  EXPECT_EQ(wrap_lines("aaa bbb", 5), "aaa\n  bbb");
  EXPECT_EQ(wrap_lines("그래디언트가 소실됩니다\n", 12), "그래디언트가\n  소실됩니다\n");
  // A step nested too deep for the width starts at half of it.
  EXPECT_EQ(wrap_lines(std::string(30, ' ') + "a b c\n", 20), std::string(10, ' ') + "a b c\n");
}

}  // namespace
}  // namespace tutor
