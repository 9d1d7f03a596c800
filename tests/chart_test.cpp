// Terminal charts: literal small cases, drawn by hand from the layout rules in chart.hpp.
#include "tutor/chart.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "tutor/text.hpp"

namespace tutor {
namespace {

ChartOptions small(std::size_t w, std::size_t h, bool ascii) {
  return {.width = w, .height = h, .ascii = ascii};
}

TEST(Chart, ConstantSeriesSitsOnTheMiddleRow) {
  // y = 3 everywhere: the axis runs from 2 to 4 and the line is the middle row.
  std::string s = render_chart({{"c", {0, 1, 2}, {3, 3, 3}}}, small(3, 3, true));
  EXPECT_EQ(s,
            "4 +\n"
            "3 +***\n"
            "2 +\n"
            "  +---\n"
            "   0 2\n"
            "   * c\n");
}

TEST(Chart, PowersOfTenGetALogScaleAndAStraightLine) {
  std::vector<ChartSeries> series = {{"g", {0, 1, 2, 3, 4}, {1, 10, 100, 1000, 10000}}};
  EXPECT_TRUE(wants_log_scale(series));
  std::string s = render_chart(series, small(5, 5, true));
  EXPECT_EQ(s,
            "(log scale)\n"
            "1e+04 +    *\n"
            "      |   *\n"
            "  100 +  *\n"
            "      | *\n"
            "    1 +*\n"
            "      +-----\n"
            "       0   4\n"
            "       * g\n");
}

TEST(Chart, BrailleDotsAndTheSeriesNumberAtItsEnd) {
  // Two cells of 2×4 dots: y = 5 falls on the top dot row of the lower cell (axis 4..6).
  ChartOptions o = small(2, 2, false);
  o.x_label = "k";
  std::string s = render_chart({{"c", {0, 1}, {5, 5}}}, o);
  EXPECT_EQ(s,
            "6 ┤\n"
            "4 ┤⠉1\n"
            "  └──\n"
            "   0 1  k\n"
            "   1 c\n");
}

TEST(Chart, LogScaleOnlyForPositiveValuesSpanningDecades) {
  EXPECT_FALSE(wants_log_scale({{"a", {0, 1}, {1, 100}}}));
  EXPECT_FALSE(wants_log_scale({{"a", {0, 1}, {-1, 1e6}}}));
  EXPECT_FALSE(wants_log_scale({{"a", {0, 1}, {0, 1e6}}}));
  EXPECT_TRUE(wants_log_scale({{"a", {0}, {1e-3}}, {"b", {0}, {10}}}));
}

TEST(Chart, AsciiFallbackUsesOnlyAscii) {
  std::string s =
      render_chart({{"a", {0, 1, 2}, {1, 2, 3}}, {"b", {0, 1, 2}, {3, 2, 1}}}, small(20, 6, true));
  for (unsigned char c : s) EXPECT_LT(c, 0x80) << s;
  EXPECT_NE(s.find("* a"), std::string::npos) << s;
  EXPECT_NE(s.find("o b"), std::string::npos) << s;
}

TEST(Chart, NonFiniteAndEmptySeriesDoNotBreakIt) {
  double inf = std::numeric_limits<double>::infinity();
  std::string s =
      render_chart({{"a", {0, 1}, {inf, std::nan("")}}, {"b", {}, {}}}, small(4, 2, true));
  EXPECT_NE(s.find("* a   o b"), std::string::npos) << s;
}

TEST(Chart, ColumnsNarrowThePlotAndWrapTheLegend) {
  std::vector<ChartSeries> s{{"η = 0.001 slow", {0, 1, 2}, {25, 16, 10}},
                             {"η = 0.1 converged", {0, 1, 2}, {25, 9, 1}},
                             {"η = 10 diverged", {0, 1, 2}, {25, 900, 9e4}}};
  ChartOptions o{.width = 60, .height = 6, .x_label = "k"};
  o.columns = 50;
  const std::string c = render_chart(s, o);
  std::size_t lines = 0, longest = 0;
  for (std::size_t at = 0, nl; (nl = c.find('\n', at)) != std::string::npos; at = nl + 1, ++lines) {
    longest = std::max(longest, display_width(c.substr(at, nl - at)));
  }
  EXPECT_LE(longest, 50u) << c;
  // Title, six rows, the axis, its labels, and the legend on two lines.
  EXPECT_EQ(lines, 11u) << c;
  EXPECT_NE(c.find("3 η = 10 diverged\n"), std::string::npos) << c;
}

}  // namespace
}  // namespace tutor
