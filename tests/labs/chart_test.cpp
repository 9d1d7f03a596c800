// Terminal charts: literal small cases, drawn by hand from the layout rules in chart.hpp.
#include "labs/chart.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "base/text.hpp"

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

// The y labels of CHART: the text before " ┤" or " +" on each plot row, by row.
std::vector<std::pair<std::size_t, std::string>> y_labels(const std::string& chart) {
  std::vector<std::pair<std::size_t, std::string>> out;
  std::istringstream in(chart);
  std::string line;
  std::getline(in, line);  // the title
  for (std::size_t row = 0; std::getline(in, line); ++row) {
    for (const std::string tick : {" ┤", " +"}) {
      const auto at = line.find(tick);
      if (at == std::string::npos || line.find_first_not_of(' ') >= at) continue;
      out.emplace_back(row,
                       line.substr(line.find_first_not_of(' '), at - line.find_first_not_of(' ')));
      break;
    }
  }
  return out;
}

TEST(Chart, LogAxisLabelsArePowersOfTen) {
  // A vanishing gradient (1 down to 1e-14), a diverging descent (1e-15 to 1e15), an exploding
  // gradient (1.5 to 3325) and a span of six decades, in braille and in ASCII.
  const std::vector<std::pair<double, double>> spans = {
      {1e-14, 1}, {1e-15, 1e15}, {1.5, 3325}, {1e-3, 1e3}};
  for (const auto& [lo, hi] : spans) {
    for (bool ascii : {false, true}) {
      ChartOptions o;
      o.ascii = ascii;
      o.scale = ChartScale::log;
      const std::string s = render_chart({{"g", {0, 1}, {lo, hi}}}, o);
      const auto labels = y_labels(s);
      ASSERT_EQ(labels.size(), 3u) << s;
      for (const auto& [row, text] : labels) {
        const double v = std::stod(text);
        EXPECT_GT(v, 0) << s;
        EXPECT_NEAR(std::log10(v), std::round(std::log10(v)), 1e-12) << text << "\n" << s;
      }
    }
  }
}

TEST(Chart, TheMiddlePowerOfTenSitsOnTheRowWhereItIsDrawn) {
  // y = 10^(x − 14), x = 0..14: a straight line from 1e-14 to 1. In ASCII (one dot a cell)
  // the axis runs over 11 rows for 14 decades; 1e-06 falls at row 6·11/14 ≈ 4.71, row 5,
  // nearer the middle row (5) than 1e-07 at 5.5; it is drawn there, in column 8.
  ChartSeries line{"g", {}, {}};
  for (int x = 0; x <= 14; ++x) {
    line.x.push_back(x);
    line.y.push_back(std::pow(10.0, x - 14));
  }
  ChartOptions o;
  o.ascii = true;
  o.width = 15;
  const std::string s = render_chart({line}, o);
  const auto labels = y_labels(s);
  ASSERT_EQ(labels.size(), 3u) << s;
  EXPECT_EQ(labels[0], (std::pair<std::size_t, std::string>{0, "1"})) << s;
  EXPECT_EQ(labels[1], (std::pair<std::size_t, std::string>{5, "1e-06"})) << s;
  EXPECT_EQ(labels[2], (std::pair<std::size_t, std::string>{11, "1e-14"})) << s;
  std::istringstream in(s);
  std::string row;
  for (int i = 0; i <= 6; ++i) std::getline(in, row);  // the title and rows 0..5
  EXPECT_EQ(row, "1e-06 +        *") << s;
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
