// Text tables for the terminal: columns aligned by display width (base/text.hpp), so Korean,
// two columns a character, lines up with ASCII. Every aligned table the tutor prints is one.
// Given a width, a table too wide for it stacks its groups of columns one under another (when
// it has groups), then narrows its widest columns and wraps their cells (tutor::wrap).
//
//   tutor::TextTable t({.indent = "  "});
//   t.add_row({"x", "1"});
//   t.add_row({"θ", "0.25"});
//   t.str();  // "  x  1\n  θ  0.25\n"
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tutor {

enum class Align { left, right };

// One cell; it may cover several columns, and hold several lines separated by '\n'.
struct TableCell {
  std::string text;
  std::size_t span = 1;  // columns covered, at least 1
};

struct TableOptions {
  std::string indent = "";  // before every line
  std::string gap = "  ";   // between two columns (" │ " draws a bar)
  // Columns a line of a cell takes; display_width unless the text carries markers of its own.
  std::function<std::size_t(std::string_view)> measure = nullptr;
  // The most columns a line may take, indent included; 0 means no limit.
  std::size_t width = 0;
  // Columns that belong together, as a run's k, θ and f do: a table too wide for its width
  // shows as many groups side by side as fit, and the rest below, a blank line apart. Rows
  // empty in a group's part are left out there. 0: no groups.
  std::size_t group = 0;
};

class TextTable {
 public:
  explicit TextTable(TableOptions options = {});

  // Column C's cells padded on the left instead of the right (numbers in a gradebook).
  void align(std::size_t column, Align a);
  // What separates column C from the next, instead of the table's gap.
  void gap_after(std::size_t column, std::string gap);
  // Column C at least WIDTH columns wide, whatever its cells hold (cells wrapped to a width).
  void width_at_least(std::size_t column, std::size_t width);

  // A row of one-column cells. A row shorter than the table ends in a cell that spans the
  // rest, so a note under a table does not widen its first column.
  void add_row(std::vector<std::string> cells);
  // A row whose cells may span several columns; the same rule for a short row.
  void add_cells(std::vector<TableCell> cells);
  // A rule under the row before: FILL repeated across each column, CROSS where a gap is.
  void add_rule(std::string_view fill, std::string_view cross);

  // Each column's width: its widest one-column cell (or its least width), widened (the rightmost
  // column a cell spans) where a spanning cell needs more room. Costs one pass over every cell.
  std::vector<std::size_t> widths() const;

  // The table, one line per row (more where a cell has several lines), each ending in '\n',
  // with no trailing spaces, laid out for the options' width. Empty when there are no rows.
  std::string str() const;

  // The narrowest a column becomes when the table narrows, unless it is narrower already.
  static constexpr std::size_t kNarrowest = 8;

 private:
  struct Row {
    std::vector<TableCell> cells;
    bool rule = false;
    std::string fill, cross;
  };
  std::size_t measure(std::string_view s) const;
  std::size_t columns() const;
  const std::string& gap(std::size_t column) const;
  // Columns a line of the table takes with column widths W.
  std::size_t total(const std::vector<std::size_t>& w) const;
  // Groups FROM..TO (columns from*group up to to*group) as a table of their own.
  TextTable part(std::size_t from, std::size_t to) const;
  // The table laid out with column widths W, cells wrapped to them.
  std::string lay_out(const std::vector<std::size_t>& w) const;

  TableOptions options_;
  std::vector<Align> align_;
  std::vector<std::string> gaps_;   // per column; empty means the table's gap
  std::vector<std::size_t> least_;  // per column; 0 means no least width
  std::vector<Row> rows_;
};

}  // namespace tutor
