// Text tables: columns aligned by display width, spans, alignment, gaps and rules.
#include "base/table.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tutor {
namespace {

TEST(TextTable, EmptyTableIsEmpty) {
  EXPECT_EQ(TextTable().str(), "");
}

// Options, rows, and the table they make; nothing else set.
struct Layout {
  std::string name;
  TableOptions options;
  std::vector<std::vector<std::string>> rows;
  std::string table;
};

TEST(TextTable, Layouts) {
  const auto bytes = [](std::string_view s) { return s.size(); };
  const std::vector<Layout> layouts = {
      {"columns align by display width",
       {.indent = "  "},
       {{"변수", "값"}, {"x", "1"}},
       "  변수  값\n"
       "  x     1\n"},
      {"no trailing spaces", {}, {{"a", ""}, {"bbb", "c"}}, "a\nbbb  c\n"},
      {"a short row spans the rest without widening the first column",
       {.indent = "  "},
       {{"1", "2", "3"}, {"a long note below"}, {"4", "5", "6"}},
       "  1  2  3\n"
       "  a long note below\n"
       "  4  5  6\n"},
      {"cells of several lines", {.gap = " | "}, {{"one\ntwo", "x"}}, "one | x\ntwo |\n"},
      // A control byte the caller turns into a space later takes a column, though
      // display_width gives it none.
      {"measure counts markers as the caller says",
       {.measure = bytes},
       {{"a\x01", "b"}, {"cc", "d"}},
       "a\x01  b\ncc  d\n"},
      {"within its width nothing changes",
       {.indent = "  ", .width = 12},
       {{"k", "θ"}, {"0", "5"}},
       "  k  θ\n  0  5\n"},
      // 2 + 7 + 2 + 28 = 39 columns; the reason gives up 19 of its 28 and wraps at 9.
      {"too wide, the widest column narrows and its cells wrap",
       {.indent = "  ", .width = 20},
       {{"η = 0.1", "converged at step 84 because"}},
       "  η = 0.1  converged\n"
       "           at step\n"
       "           84\n"
       "           because\n"},
      // 2 + 2 + 10 = 14: the second column keeps 10 columns, five Hangul syllables.
      {"narrowed Korean cells wrap by display width",
       {.width = 14},
       {{"층", "그래디언트가 소실됩니다"}},
       "층  그래디언트\n"
       "    가\n"
       "    소실됩니다\n"},
  };
  for (const auto& l : layouts) {
    TextTable t(l.options);
    for (const auto& r : l.rows) t.add_row(r);
    EXPECT_EQ(t.str(), l.table) << l.name;
  }
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
