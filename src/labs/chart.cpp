#include "labs/chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>

#include "base/text.hpp"

namespace tutor {

namespace {

constexpr char kAsciiMarkers[] = {'*', 'o', '+', 'x', '#', '@', '%', '&', '=', '$'};
constexpr int kColors[] = {31, 32, 34, 35, 36, 33};
// However narrow the terminal, the plot keeps this many columns.
constexpr std::size_t kNarrowestPlot = 10;

// Braille dot bits by (column 0..1, row 0..3) inside a cell (Unicode's dot numbering).
constexpr std::uint8_t kBrailleBit[2][4] = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};

std::string utf8(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
  return s;
}

std::string label_of(double v) {
  return fmt::format("{:.3g}", v);
}

struct Cell {
  std::uint8_t dots = 0;
  int owner = -1;  // the series drawn last in this cell
  char tag = 0;    // a character that replaces the dots (a series' end tag or ASCII marker)
};

struct Range {
  double lo = 0, hi = 1;
  void fix() {
    if (!(hi > lo)) {
      lo -= 1;
      hi += 1;
    }
  }
};

// On a log axis from 10^LO to 10^HI (whole decades) drawn over DH dot rows, SY to a text row:
// the decade strictly inside whose dot falls nearest the middle of text row MID, if it falls
// on a row of its own (neither the top nor the bottom one).
std::optional<double> middle_decade(double lo, double hi, std::size_t DH, std::size_t sy,
                                    std::size_t mid) {
  const double centre = double(mid * sy) + double(sy - 1) / 2;
  const std::size_t last_row = (DH - 1) / sy;
  std::optional<double> best;
  double best_gap = 0;
  for (double d = lo + 1; d < hi; d += 1) {
    const double at = (hi - d) / (hi - lo) * double(DH - 1);
    const auto row = static_cast<std::size_t>(std::lround(at)) / sy;
    if (row == 0 || row == last_row) continue;
    const double gap = std::abs(at - centre);
    if (!best || gap < best_gap) {
      best = d;
      best_gap = gap;
    }
  }
  return best;
}

}  // namespace

char ascii_marker(std::size_t i) {
  return kAsciiMarkers[i % std::size(kAsciiMarkers)];
}

bool wants_log_scale(const std::vector<ChartSeries>& series) {
  double lo = std::numeric_limits<double>::infinity(), hi = 0;
  bool any = false;
  for (const auto& s : series) {
    for (double y : s.y) {
      if (!std::isfinite(y)) continue;
      if (y <= 0) return false;
      lo = std::min(lo, y);
      hi = std::max(hi, y);
      any = true;
    }
  }
  return any && hi >= 1e4 * lo;
}

std::string render_chart(const std::vector<ChartSeries>& series, const ChartOptions& o) {
  const bool log =
      o.scale == ChartScale::log || (o.scale == ChartScale::automatic && wants_log_scale(series));
  const std::size_t H = std::max<std::size_t>(o.height, 2);
  auto usable = [&](double x, double y) {
    return std::isfinite(x) && std::isfinite(y) && (!log || y > 0);
  };
  auto ty = [&](double y) { return log ? std::log10(y) : y; };

  Range xr{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
  Range yr = xr;
  bool any = false;
  for (const auto& s : series) {
    for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
      if (!usable(s.x[i], s.y[i])) continue;
      any = true;
      xr.lo = std::min(xr.lo, s.x[i]);
      xr.hi = std::max(xr.hi, s.x[i]);
      yr.lo = std::min(yr.lo, ty(s.y[i]));
      yr.hi = std::max(yr.hi, ty(s.y[i]));
    }
  }
  if (!any) xr = yr = Range{0, 1};
  if (log) {
    // Whole decades at the ends, so the axis labels are powers of ten.
    yr.lo = std::floor(yr.lo);
    yr.hi = std::ceil(yr.hi);
  }
  xr.fix();
  yr.fix();

  auto y_at_row = [&](std::size_t r) {
    double v = yr.hi - (yr.hi - yr.lo) * double(r) / double(H - 1);
    return log ? std::pow(10.0, v) : v;
  };
  // Dots per cell: 2×4 in braille, 1×1 in ASCII.
  const std::size_t sx = o.ascii ? 1 : 2, sy = o.ascii ? 1 : 4;
  const std::size_t DH = H * sy;
  const std::size_t mid = (H - 1) / 2;
  std::vector<std::string> labels(H);
  labels[0] = label_of(y_at_row(0));
  labels[H - 1] = label_of(y_at_row(H - 1));
  if (!log) {
    labels[mid] = label_of(y_at_row(mid));
  } else if (auto d = middle_decade(yr.lo, yr.hi, DH, sy, mid)) {
    // The ends are whole decades; in between, a power of ten on the row where it is drawn.
    const double at = (yr.hi - *d) / (yr.hi - yr.lo) * double(DH - 1);
    labels[static_cast<std::size_t>(std::lround(at)) / sy] = label_of(std::pow(10.0, *d));
  }
  std::size_t lw = 0;
  for (const auto& l : labels) lw = std::max(lw, l.size());

  // The plot gives up columns for the y labels, the axis and the x label to fit o.columns.
  std::size_t W = std::max<std::size_t>(o.width, 2);
  if (o.columns > 0) {
    const std::size_t beside = lw + 2 + (o.x_label.empty() ? 0 : 2 + display_width(o.x_label));
    W = std::min(W, o.columns > beside + kNarrowestPlot ? o.columns - beside : kNarrowestPlot);
  }

  const std::size_t DW = W * sx;
  std::vector<Cell> grid(W * H);
  auto dot_col = [&](double x) {
    return static_cast<long>(std::lround((x - xr.lo) / (xr.hi - xr.lo) * double(DW - 1)));
  };
  auto dot_row = [&](double y) {
    return static_cast<long>(std::lround((yr.hi - ty(y)) / (yr.hi - yr.lo) * double(DH - 1)));
  };
  auto plot = [&](long c, long r, int owner) {
    if (c < 0 || r < 0 || c >= long(DW) || r >= long(DH)) return;
    Cell& cell = grid[(r / sy) * W + c / sx];
    if (o.ascii) {
      cell.tag = ascii_marker(owner);
    } else {
      cell.dots |= kBrailleBit[c % sx][r % sy];
    }
    cell.owner = owner;
  };

  for (std::size_t si = 0; si < series.size(); ++si) {
    const auto& s = series[si];
    const int owner = static_cast<int>(si);
    bool have_prev = false;
    long pc = 0, pr = 0;
    for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
      if (!usable(s.x[i], s.y[i])) {
        have_prev = false;
        continue;
      }
      long c = dot_col(s.x[i]), r = dot_row(s.y[i]);
      if (have_prev && !o.ascii) {
        // Join consecutive points so a steep curve stays one line in braille.
        long steps = std::max(std::abs(c - pc), std::abs(r - pr));
        for (long t = 1; t < steps; ++t) {
          plot(pc + (c - pc) * t / steps, pr + (r - pr) * t / steps, owner);
        }
      }
      plot(c, r, owner);
      have_prev = true;
      pc = c;
      pr = r;
    }
    if (have_prev && !o.ascii) {
      // The series' number at its last point tells the curves apart without colour.
      Cell& end = grid[(pr / sy) * W + pc / sx];
      end.tag = static_cast<char>('1' + si % 9);
      end.owner = owner;
    }
  }

  const std::string vline = o.ascii ? "|" : "│";
  const std::string tick = o.ascii ? "+" : "┤";
  const std::string corner = o.ascii ? "+" : "└";
  const std::string hline = o.ascii ? "-" : "─";

  std::string out;
  if (!o.title.empty() || log) {
    std::string title = o.title;
    if (log) title += (o.title.empty() ? "(" : "  (") + o.log_note + ")";
    out += o.columns > 0 ? wrap_lines(o.ascii ? ascii_math(title) : title, o.columns) : title;
    out += "\n";
  }
  for (std::size_t r = 0; r < H; ++r) {
    out += std::string(lw - labels[r].size(), ' ') + labels[r] + " ";
    out += labels[r].empty() ? vline : tick;
    std::string row;
    for (std::size_t c = 0; c < W; ++c) {
      const Cell& cell = grid[r * W + c];
      std::string glyph;
      if (cell.tag != 0)
        glyph = std::string(1, cell.tag);
      else if (cell.dots != 0)
        glyph = utf8(0x2800 + cell.dots);
      else
        glyph = " ";
      if (o.color && cell.owner >= 0) {
        glyph = fmt::format("\x1b[{}m{}\x1b[0m", kColors[cell.owner % std::size(kColors)], glyph);
      }
      row += glyph;
    }
    // No trailing blanks: the chart copies cleanly and compares exactly.
    while (!row.empty() && row.back() == ' ') row.pop_back();
    out += row + "\n";
  }
  out += std::string(lw + 1, ' ') + corner;
  for (std::size_t c = 0; c < W; ++c) out += hline;
  out += "\n";
  std::string xlo = label_of(xr.lo), xhi = label_of(xr.hi);
  std::string axis = std::string(lw + 2, ' ') + xlo;
  std::size_t gap = W > xlo.size() + xhi.size() ? W - xlo.size() - xhi.size() : 1;
  axis += std::string(gap, ' ') + xhi;
  if (!o.x_label.empty()) axis += "  " + o.x_label;
  out += axis + "\n";

  // The legend's entries side by side, on as many lines as o.columns needs.
  const std::string indent(lw + 2, ' ');
  std::string legend;
  for (std::size_t si = 0; si < series.size(); ++si) {
    std::string mark = o.ascii ? std::string(1, ascii_marker(si))
                               : std::string(1, static_cast<char>('1' + si % 9));
    if (o.color) {
      mark = fmt::format("\x1b[{}m{}\x1b[0m", kColors[si % std::size(kColors)], mark);
    }
    const std::string entry = mark + " " + series[si].label;
    if (!legend.empty() && o.columns > 0 &&
        display_width(indent + legend + "   " + entry) > o.columns) {
      out += indent + legend + "\n";
      legend.clear();
    }
    legend += (legend.empty() ? "" : "   ") + entry;
  }
  if (!legend.empty()) out += indent + legend + "\n";
  return out;
}

}  // namespace tutor
