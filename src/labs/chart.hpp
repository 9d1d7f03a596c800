// Terminal charts: several series of (x, y) points drawn in text, with a legend.
//
// Unicode charts use braille dots (2×4 per character cell, and braille is one column wide on
// every terminal, Korean ones included); the ASCII fallback marks each series with its own
// character. The y axis turns logarithmic by itself when the values span many orders of
// magnitude, as a diverging or converging descent does.
//
//   std::string s = tutor::render_chart({{"η = 0.1", {0, 1, 2}, {25, 16, 10.24}}}, {});
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tutor {

struct ChartSeries {
  std::string label;
  std::vector<double> x;
  std::vector<double> y;  // same length as x; non-finite points are left out
};

enum class ChartScale { automatic, linear, log };

struct ChartOptions {
  std::size_t width = 60;  // plot columns, without the axis labels
  // The most columns a line of the whole chart may take (labels and legend included): the
  // plot narrows to fit, the title and legend wrap. 0 means no limit.
  std::size_t columns = 0;
  std::size_t height = 12;  // plot rows
  bool ascii = false;       // plain ASCII: '*', 'o', '+', ... instead of braille
  bool color = false;       // one ANSI colour per series (Unicode and ASCII alike)
  ChartScale scale = ChartScale::automatic;
  std::string title;                   // above the plot, e.g. "f(θ_k)"
  std::string x_label;                 // right of the x axis, e.g. "k"
  std::string log_note = "log scale";  // appended to the title on a log axis (translated)
};

// Whether the automatic scale picks log for these series: every finite y is positive and the
// largest is at least 10⁴ times the smallest.
bool wants_log_scale(const std::vector<ChartSeries>& series);

// The marker of series I in the ASCII chart and the legend ('*', 'o', '+', 'x', '#', '@', ...).
char ascii_marker(std::size_t i);

// The chart, ending in a newline: title, plot with y labels on the left, x axis, legend. The y
// labels mark the top, middle and bottom rows; on a log axis only powers of ten are labelled
// (the ends are whole decades, and the middle label is the power of ten drawn nearest the
// middle row, on the row where it is drawn).
// Series with no finite point (or no positive one on a log axis) appear only in the legend.
std::string render_chart(const std::vector<ChartSeries>& series, const ChartOptions& options);

}  // namespace tutor
