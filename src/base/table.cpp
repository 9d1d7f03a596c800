#include "base/table.hpp"

#include <algorithm>

#include "base/text.hpp"

namespace tutor {

TextTable::TextTable(TableOptions options) : options_(std::move(options)) {}

void TextTable::align(std::size_t column, Align a) {
  if (align_.size() <= column) align_.resize(column + 1, Align::left);
  align_[column] = a;
}

void TextTable::gap_after(std::size_t column, std::string gap) {
  if (gaps_.size() <= column) gaps_.resize(column + 1);
  gaps_[column] = std::move(gap);
}

void TextTable::width_at_least(std::size_t column, std::size_t width) {
  if (least_.size() <= column) least_.resize(column + 1, 0);
  least_[column] = width;
}

void TextTable::add_row(std::vector<std::string> cells) {
  std::vector<TableCell> row;
  row.reserve(cells.size());
  for (auto& c : cells) row.push_back({std::move(c), 1});
  add_cells(std::move(row));
}

void TextTable::add_cells(std::vector<TableCell> cells) {
  for (auto& c : cells) c.span = std::max<std::size_t>(c.span, 1);
  rows_.push_back({std::move(cells), false, {}, {}});
}

void TextTable::add_rule(std::string_view fill, std::string_view cross) {
  rows_.push_back({{}, true, std::string(fill), std::string(cross)});
}

std::size_t TextTable::measure(std::string_view s) const {
  return options_.measure ? options_.measure(s) : display_width(s);
}

std::size_t TextTable::columns() const {
  std::size_t n = 0;
  for (const auto& r : rows_) {
    std::size_t k = 0;
    for (const auto& c : r.cells) k += c.span;
    n = std::max(n, k);
  }
  return n;
}

const std::string& TextTable::gap(std::size_t column) const {
  return column < gaps_.size() && !gaps_[column].empty() ? gaps_[column] : options_.gap;
}

namespace {

// The span of each cell of ROW in a table of N columns: the last cell of a short row takes
// the rest.
std::vector<std::size_t> spans_of(const std::vector<TableCell>& row, std::size_t n) {
  std::vector<std::size_t> spans;
  std::size_t used = 0;
  for (const auto& c : row) {
    spans.push_back(c.span);
    used += c.span;
  }
  if (!spans.empty() && used < n) spans.back() += n - used;
  return spans;
}

}  // namespace

std::vector<std::size_t> TextTable::widths() const {
  const std::size_t n = columns();
  std::vector<std::size_t> w(n, 0);
  for (std::size_t c = 0; c < n && c < least_.size(); ++c) w[c] = least_[c];
  auto widest_line = [this](const std::string& text) {
    std::size_t m = 0;
    for (const auto& l : split_lines(text)) m = std::max(m, measure(l));
    return m;
  };
  // One-column cells first, so that a spanning cell only asks for what they leave short.
  for (const auto& r : rows_) {
    const auto spans = spans_of(r.cells, n);
    for (std::size_t i = 0, col = 0; i < r.cells.size(); col += spans[i++]) {
      if (spans[i] == 1) w[col] = std::max(w[col], widest_line(r.cells[i].text));
    }
  }
  for (const auto& r : rows_) {
    const auto spans = spans_of(r.cells, n);
    for (std::size_t i = 0, col = 0; i < r.cells.size(); col += spans[i++]) {
      if (spans[i] == 1) continue;
      const std::size_t last = col + spans[i] - 1;
      std::size_t have = 0;
      for (std::size_t c = col; c <= last; ++c) have += w[c] + (c < last ? measure(gap(c)) : 0);
      const std::size_t need = widest_line(r.cells[i].text);
      if (need > have) w[last] += need - have;
    }
  }
  return w;
}

std::size_t TextTable::total(const std::vector<std::size_t>& w) const {
  std::size_t t = measure(options_.indent);
  for (std::size_t c = 0; c < w.size(); ++c) t += w[c] + (c + 1 < w.size() ? measure(gap(c)) : 0);
  return t;
}

TextTable TextTable::part(std::size_t from, std::size_t to) const {
  const std::size_t n = columns();
  const std::size_t lo = from * options_.group, hi = std::min(to * options_.group, n);
  TableOptions o = options_;
  o.group = 0;
  TextTable t(o);
  for (std::size_t c = lo; c < hi; ++c) {
    if (c < align_.size()) t.align(c - lo, align_[c]);
    if (c < gaps_.size() && !gaps_[c].empty()) t.gap_after(c - lo, gaps_[c]);
    if (c < least_.size()) t.width_at_least(c - lo, least_[c]);
  }
  for (const auto& r : rows_) {
    if (r.rule) {
      t.add_rule(r.fill, r.cross);
      continue;
    }
    const auto spans = spans_of(r.cells, n);
    std::vector<TableCell> cells;
    bool any = false;
    for (std::size_t i = 0, col = 0; i < r.cells.size(); col += spans[i++]) {
      const std::size_t end = col + spans[i];
      if (end <= lo || col >= hi) continue;
      cells.push_back({r.cells[i].text, std::min(end, hi) - std::max(col, lo)});
      any = any || !r.cells[i].text.empty();
    }
    if (any) t.add_cells(std::move(cells));
  }
  return t;
}

std::string TextTable::str() const {
  std::vector<std::size_t> w = widths();
  const std::size_t limit = options_.width;
  if (limit == 0 || total(w) <= limit) return lay_out(w);
  const std::size_t n = columns(), g = options_.group;
  if (g > 0 && n > g) {
    // As many groups side by side as fit (at least one), the next ones below.
    const std::size_t groups = (n + g - 1) / g;
    std::string out;
    for (std::size_t from = 0; from < groups;) {
      std::size_t to = from + 1;
      while (to < groups) {
        const TextTable wider = part(from, to + 1);
        if (wider.total(wider.widths()) > limit) break;
        ++to;
      }
      if (!out.empty()) out += "\n";
      out += part(from, to).str();
      from = to;
    }
    return out;
  }
  // The widest column gives up room, down to kNarrowest, until the table fits.
  while (total(w) > limit) {
    auto widest = std::max_element(w.begin(), w.end());
    if (widest == w.end() || *widest <= kNarrowest) break;
    *widest -= std::min(*widest - kNarrowest, total(w) - limit);
  }
  return lay_out(w);
}

std::string TextTable::lay_out(const std::vector<std::size_t>& w) const {
  const std::size_t n = columns();
  const Measure measure_line = options_.measure
                                   ? Measure(options_.measure)
                                   : Measure([](std::string_view s) { return display_width(s); });
  // A cell's lines, each wrapped to the WIDTH it has.
  auto lines_of = [&](const std::string& text, std::size_t width) {
    std::vector<std::string> out;
    for (const auto& l : split_lines(text)) {
      if (measure(l) <= width) {
        out.push_back(l);
        continue;
      }
      for (auto& piece : wrap(l, width, "", "", measure_line)) out.push_back(std::move(piece));
    }
    return out;
  };
  std::string out;
  auto emit = [&out](std::string line) {
    while (line.ends_with(' ')) line.pop_back();
    out += line + "\n";
  };
  for (const auto& r : rows_) {
    if (r.rule) {
      std::string line = options_.indent;
      for (std::size_t c = 0; c < n; ++c) {
        if (c > 0) line += r.cross;
        for (std::size_t k = 0; k < w[c]; ++k) line += r.fill;
      }
      emit(line);
      continue;
    }
    const auto spans = spans_of(r.cells, n);
    std::vector<std::size_t> widths;  // each cell's, its columns and the gaps between them
    std::vector<std::vector<std::string>> lines;
    std::size_t height = 1;
    for (std::size_t i = 0, col = 0; i < r.cells.size(); col += spans[i++]) {
      const std::size_t last = col + spans[i] - 1;
      std::size_t width = 0;
      for (std::size_t c = col; c <= last; ++c) width += w[c] + (c < last ? measure(gap(c)) : 0);
      widths.push_back(width);
      lines.push_back(lines_of(r.cells[i].text, width));
      height = std::max(height, lines.back().size());
    }
    for (std::size_t h = 0; h < height; ++h) {
      std::string line = options_.indent;
      for (std::size_t i = 0, col = 0; i < r.cells.size(); col += spans[i++]) {
        const std::size_t last = col + spans[i] - 1;
        const std::size_t width = widths[i];
        const std::string text = h < lines[i].size() ? lines[i][h] : "";
        const std::string pad(width - std::min(width, measure(text)), ' ');
        const bool right = col < align_.size() && align_[col] == Align::right;
        line += right ? pad + text : text + pad;
        if (last + 1 < n) line += gap(last);
      }
      emit(line);
    }
  }
  return out;
}

}  // namespace tutor
