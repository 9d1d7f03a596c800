// Text tables: columns aligned by display width, spans, alignment, gaps and rules.
#include "base/table.hpp"

#include <gtest/gtest.h>

namespace tutor {
namespace {

TEST(TextTable, EmptyTableIsEmpty) {
  EXPECT_EQ(TextTable().str(), "");
}

TEST(TextTable, ColumnsAlignByDisplayWidth) {
  TextTable t({.indent = "  "});
  t.add_row({"변수", "값"});
  t.add_row({"x", "1"});
  EXPECT_EQ(t.str(),
            "  변수  값\n"
            "  x     1\n");
}

TEST(TextTable, NoTrailingSpaces) {
  TextTable t;
  t.add_row({"a", ""});
  t.add_row({"bbb", "c"});
  EXPECT_EQ(t.str(), "a\nbbb  c\n");
}

TEST(TextTable, RightAlignedColumn) {
  TextTable t;
  t.align(1, Align::right);
  t.add_row({"name", "score"});
  t.add_row({"민수", "7"});
  EXPECT_EQ(t.str(),
            "name  score\n"
            "민수      7\n");
}

TEST(TextTable, GapPerColumn) {
  TextTable t({.gap = " "});
  t.gap_after(0, " | ");
  t.add_row({"a", "b", "c"});
  EXPECT_EQ(t.str(), "a | b c\n");
}

TEST(TextTable, ShortRowSpansTheRestWithoutWideningTheFirstColumn) {
  TextTable t({.indent = "  "});
  t.add_row({"1", "2", "3"});
  t.add_row({"a long note below"});
  t.add_row({"4", "5", "6"});
  EXPECT_EQ(t.str(),
            "  1  2  3\n"
            "  a long note below\n"
            "  4  5  6\n");
}

TEST(TextTable, SpanningCellWidensItsLastColumn) {
  TextTable t;
  t.add_cells({{"a wide title", 2}, {"z", 1}});
  t.add_row({"1", "2", "3"});
  // The title needs 12 columns; 1 + 2 + 1 leaves 8 for the second column.
  EXPECT_EQ(t.widths(), (std::vector<std::size_t>{1, 9, 1}));
  EXPECT_EQ(t.str(),
            "a wide title  z\n"
            "1  2          3\n");
}

TEST(TextTable, LeastWidth) {
  TextTable t;
  t.width_at_least(0, 4);
  t.add_row({"ab", "c"});
  EXPECT_EQ(t.widths(), (std::vector<std::size_t>{4, 1}));
  EXPECT_EQ(t.str(), "ab    c\n");
}

TEST(TextTable, CellsOfSeveralLines) {
  TextTable t({.gap = " | "});
  t.add_row({"one\ntwo", "x"});
  EXPECT_EQ(t.str(), "one | x\ntwo |\n");
}

TEST(TextTable, RuleUnderAHeader) {
  TextTable t({.indent = "  ", .gap = " │ "});
  t.add_row({"f", "f′"});
  t.add_rule("─", "─┼─");
  t.add_row({"x²", "2x"});
  EXPECT_EQ(t.str(),
            "  f  │ f′\n"
            "  ───┼───\n"
            "  x² │ 2x\n");
}

TEST(TextTable, MeasureCountsMarkersAsTheCallerSays) {
  // A control byte the caller turns into a space later takes a column, though display_width
  // gives it none.
  TextTable t({.measure = [](std::string_view s) { return s.size(); }});
  t.add_row({"a\x01", "b"});
  t.add_row({"cc", "d"});
  EXPECT_EQ(t.str(), "a\x01  b\ncc  d\n");
}

TEST(TextTable, WithinItsWidthNothingChanges) {
  TextTable t({.indent = "  ", .width = 12});
  t.add_row({"k", "θ"});
  t.add_row({"0", "5"});
  EXPECT_EQ(t.str(), "  k  θ\n  0  5\n");
}

TEST(TextTable, TooWideTheWidestColumnNarrowsAndItsCellsWrap) {
  // 2 + 7 + 2 + 28 = 39 columns; the reason gives up 19 of its 28 and wraps at 9.
  TextTable t({.indent = "  ", .width = 20});
  t.add_row({"η = 0.1", "converged at step 84 because"});
  EXPECT_EQ(t.str(),
            "  η = 0.1  converged\n"
            "           at step\n"
            "           84\n"
            "           because\n");
}

TEST(TextTable, NarrowedKoreanCellsWrapByDisplayWidth) {
  TextTable t({.width = 14});
  t.add_row({"층", "그래디언트가 소실됩니다"});
  // 2 + 2 + 10 = 14: the second column keeps 10 columns, five Hangul syllables.
  EXPECT_EQ(t.str(),
            "층  그래디언트\n"
            "    가\n"
            "    소실됩니다\n");
}

TEST(TextTable, TooWideGroupsStackOneUnderAnother) {
  // Two groups of two columns: 2 + 3 + 2 = 7 columns each, 17 side by side.
  TextTable t({.gap = "   ", .width = 12, .group = 2});
  t.add_cells({{"A", 2}, {"B", 2}});
  t.add_row({"a1", "a2", "b1", "b2"});
  t.add_row({"x", "y", "", ""});
  EXPECT_EQ(t.str(),
            "A\n"
            "a1   a2\n"
            "x    y\n"
            "\n"
            "B\n"
            "b1   b2\n");
  // Wide enough, the groups stay side by side.
  TextTable wide({.gap = "   ", .width = 17, .group = 2});
  wide.add_cells({{"A", 2}, {"B", 2}});
  wide.add_row({"a1", "a2", "b1", "b2"});
  EXPECT_EQ(wide.str(), "A         B\na1   a2   b1   b2\n");
}

}  // namespace
}  // namespace tutor
