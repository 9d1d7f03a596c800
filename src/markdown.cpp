#include "tutor/markdown.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "tutor/graph.hpp"
#include "tutor/graph_render.hpp"
#include "tutor/latex.hpp"
#include "tutor/symbols.hpp"
#include "tutor/syntax.hpp"
#include "tutor/text.hpp"

namespace tutor {

namespace {

// Zero-width markers inside rendered text until the lines are laid out, so that a bold word
// or a formula is measured by what shows. kKeep is a space that must not break a line (inside
// inline math and code).
constexpr char kKeep = '\x01';
constexpr char kBoldOn = '\x02';
constexpr char kBoldOff = '\x03';
constexpr char kCodeOn = '\x04';
constexpr char kCodeOff = '\x05';

std::size_t columns(std::string_view s) {
  return display_width(s) + static_cast<std::size_t>(std::count(s.begin(), s.end(), kKeep));
}

// The markers turned into escapes (or nothing), and kept spaces into spaces.
std::string finish(std::string_view s, const MarkdownOptions& opt) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case kKeep:
        out += ' ';
        break;
      case kBoldOn:
        if (opt.color) out += "\x1b[1m";
        break;
      case kCodeOn:
        if (opt.color) out += "\x1b[36m";
        break;
      case kBoldOff:
      case kCodeOff:
        if (opt.color) out += "\x1b[0m";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string keep_spaces(std::string s) {
  std::replace(s.begin(), s.end(), ' ', kKeep);
  return s;
}

// Inline Markdown with markers: **bold**, `code`, $math$, and backslash escapes.
std::string inline_marked(std::string_view s, const MarkdownOptions& opt) {
  std::string out;
  bool bold = false;
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) {
      out += s[i + 1];
      i += 2;
      continue;
    }
    if (c == '*' && i + 1 < s.size() && s[i + 1] == '*') {
      out += bold ? kBoldOff : kBoldOn;
      bold = !bold;
      i += 2;
      continue;
    }
    if (c == '`') {
      auto end = s.find('`', i + 1);
      if (end != std::string_view::npos) {
        std::string code = sanitize(s.substr(i + 1, end - i - 1), opt.ascii);
        out += kCodeOn;
        out += keep_spaces(opt.color ? code : "`" + code + "`");
        out += kCodeOff;
        i = end + 1;
        continue;
      }
    }
    if (c == '$') {
      auto end = s.find('$', i + 1);
      if (end != std::string_view::npos) {
        std::string math = latex_to_text(s.substr(i + 1, end - i - 1), {opt.ascii});
        std::replace(math.begin(), math.end(), '\n', ' ');
        out += keep_spaces(math);
        i = end + 1;
        continue;
      }
    }
    out += c;
    ++i;
  }
  if (bold) out += kBoldOff;
  return out;
}

std::string rule(const MarkdownOptions& opt, std::size_t width) {
  std::string out;
  for (std::size_t i = 0; i < width; ++i) out += opt.ascii ? "-" : "─";
  return out;
}

struct Writer {
  const MarkdownOptions& opt;
  std::string out;

  void blank() {
    if (!out.empty() && !out.ends_with("\n\n")) out += '\n';
  }
  void line(std::string_view s) {
    out += finish(s, opt);
    out += '\n';
  }
  void paragraph(const std::string& marked, std::string_view first = "",
                 std::string_view rest = "") {
    for (const auto& l : wrap_text(marked, opt.width, first, rest)) line(l);
  }
};

// Display math: each line of the formula indented, not wrapped (a formula cut in two reads
// worse than one that runs past the edge).
void display_math(Writer& w, std::string_view latex) {
  for (const auto& l : render_latex(latex, {w.opt.ascii}).lines) w.line("    " + l);
}

// A Mermaid flowchart: with a `%% tutor: EXPR` line, the tutor's own drawing of EXPR's
// graph; otherwise each edge as "from ──▶ to" with the node labels.
void mermaid(Writer& w, const std::vector<std::string>& body) {
  for (const auto& l : body) {
    std::string t = trim(l);
    if (!t.starts_with("%% tutor:")) continue;
    try {
      SymbolTable syms;
      Parsed p = parse(trim(t.substr(9)), syms);
      Graph g = build_graph(p.expr);
      if (auto drawing = draw_graph(g, w.opt.ascii)) {
        for (const auto& d : split_lines(*drawing)) w.line("    " + sanitize(d, w.opt.ascii));
        return;
      }
    } catch (const std::exception&) {
      // Fall back to the edges below.
    }
  }
  std::map<std::string, std::string> labels;
  std::vector<std::pair<std::string, std::string>> edges;
  auto node = [&](std::string text) {
    text = trim(text);
    auto open = text.find_first_of("[(");
    std::string id = trim(text.substr(0, open));
    if (open != std::string::npos) {
      std::string label = text.substr(open + 1);
      while (!label.empty() && (label.back() == ']' || label.back() == ')')) label.pop_back();
      if (label.size() >= 2 && label.front() == '"' && label.back() == '"') {
        label = label.substr(1, label.size() - 2);
      }
      labels[id] = label;
    }
    return id;
  };
  for (const auto& l : body) {
    std::string t = trim(l);
    auto arrow = t.find("-->");
    if (arrow == std::string::npos || t.starts_with("%%")) continue;
    edges.emplace_back(node(t.substr(0, arrow)), node(t.substr(arrow + 3)));
  }
  auto label = [&](const std::string& id) {
    auto it = labels.find(id);
    return sanitize(it == labels.end() ? id : it->second, w.opt.ascii);
  };
  for (const auto& [from, to] : edges) {
    w.line("    " + label(from) + (w.opt.ascii ? " ---> " : " ──▶ ") + label(to));
  }
}

std::vector<std::string> table_cells(std::string_view row) {
  std::string t = trim(row);
  if (t.starts_with("|")) t.erase(0, 1);
  if (t.ends_with("|")) t.pop_back();
  std::vector<std::string> cells;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= t.size(); ++i) {
    if (i == t.size() || (t[i] == '|' && (i == 0 || t[i - 1] != '\\'))) {
      cells.push_back(trim(t.substr(start, i - start)));
      start = i + 1;
    }
  }
  return cells;
}

bool separator_row(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
    return !c.empty() && c.find_first_not_of(":- ") == std::string::npos;
  });
}

void table(Writer& w, const std::vector<std::string>& rows) {
  std::vector<std::vector<std::string>> cells;
  bool header = false;
  for (const auto& r : rows) {
    auto c = table_cells(r);
    if (separator_row(c)) {
      header = cells.size() == 1;
      continue;
    }
    for (auto& x : c) x = inline_marked(x, w.opt);
    cells.push_back(std::move(c));
  }
  std::vector<std::size_t> widths;
  for (const auto& r : cells) {
    if (widths.size() < r.size()) widths.resize(r.size(), 0);
    for (std::size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], columns(r[i]));
  }
  const std::string bar = w.opt.ascii ? " | " : " │ ";
  // Too wide for the terminal: the widest column gives up room (down to kNarrowest columns)
  // and its cells wrap onto several lines.
  constexpr std::size_t kNarrowest = 12;
  auto total = [&] {
    std::size_t t = 2 + (widths.empty() ? 0 : 3 * (widths.size() - 1));
    for (auto x : widths) t += x;
    return t;
  };
  while (total() > w.opt.width) {
    auto widest = std::max_element(widths.begin(), widths.end());
    if (widest == widths.end() || *widest <= kNarrowest) break;
    *widest = std::max(kNarrowest, *widest - std::min(*widest, total() - w.opt.width));
  }
  for (std::size_t k = 0; k < cells.size(); ++k) {
    std::vector<std::vector<std::string>> wrapped(widths.size());
    std::size_t height = 1;
    for (std::size_t i = 0; i < widths.size(); ++i) {
      std::string cell = i < cells[k].size() ? cells[k][i] : "";
      wrapped[i] = wrap_text(cell, widths[i]);
      height = std::max(height, wrapped[i].size());
    }
    for (std::size_t h = 0; h < height; ++h) {
      std::string line = "  ";
      for (std::size_t i = 0; i < widths.size(); ++i) {
        std::string part = h < wrapped[i].size() ? wrapped[i][h] : "";
        if (i > 0) line += bar;
        line += part + std::string(widths[i] - std::min(widths[i], columns(part)), ' ');
      }
      while (line.ends_with(' ')) line.pop_back();
      w.line(line);
    }
    if (k == 0 && header) {
      std::string sep = "  ";
      for (std::size_t i = 0; i < widths.size(); ++i) {
        if (i > 0) sep += w.opt.ascii ? "-+-" : "─┼─";
        sep += rule(w.opt, widths[i]);
      }
      w.line(sep);
    }
  }
}

std::size_t indent_of(std::string_view l) {
  std::size_t n = 0;
  while (n < l.size() && l[n] == ' ') ++n;
  return n;
}

// A list item's marker: "- ", "* ", "+ " or "12. ", with the text after it.
std::optional<std::pair<std::string, std::string>> list_item(std::string_view l) {
  std::string t = trim(l);
  if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ') {
    return std::pair{std::string("-"), trim(t.substr(2))};
  }
  std::size_t d = 0;
  while (d < t.size() && std::isdigit(static_cast<unsigned char>(t[d]))) ++d;
  if (d > 0 && d + 1 < t.size() && t[d] == '.' && t[d + 1] == ' ') {
    return std::pair{t.substr(0, d + 1), trim(t.substr(d + 2))};
  }
  return std::nullopt;
}

bool is_rule(std::string_view t) {
  return t.size() >= 3 && (t.find_first_not_of('-') == std::string_view::npos ||
                           t.find_first_not_of('*') == std::string_view::npos);
}

// Whether line T starts a block of its own, so it ends a paragraph.
bool starts_block(std::string_view t) {
  return t.empty() || t.starts_with("#") || t.starts_with("```") || t.starts_with("$$") ||
         t.starts_with("|") || t.starts_with(">") || is_rule(t) || list_item(t).has_value();
}

}  // namespace

std::vector<std::string> wrap_text(std::string_view text, std::size_t width, std::string_view first,
                                   std::string_view rest) {
  std::vector<std::string> out;
  std::string line(first);
  std::size_t used = columns(first);
  bool empty = true;  // no word on LINE yet
  auto flush = [&] {
    out.push_back(line);
    line = std::string(rest);
    used = columns(rest);
    empty = true;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    if (i >= text.size()) break;
    std::size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    std::string_view word = text.substr(i, j - i);
    i = j;
    std::size_t w = columns(word);
    if (!empty && used + 1 + w > width) flush();
    if (!empty) {
      line += ' ';
      ++used;
    }
    // A word that cannot fit on any line is cut at the edge, character by character.
    while (used + w > width && w > 0 && width > columns(rest) + 1) {
      std::size_t k = 0, taken = 0;
      while (k < word.size()) {
        std::size_t len = 1;
        decode_utf8(word, k, len);
        std::size_t cw = columns(word.substr(k, len));
        if (used + taken + cw > width) break;
        taken += cw;
        k += len;
      }
      if (k == 0) {
        if (empty) break;
        flush();
        continue;
      }
      line += word.substr(0, k);
      word = word.substr(k);
      w = columns(word);
      empty = false;
      flush();
    }
    line += word;
    used += w;
    empty = false;
  }
  if (!empty || out.empty()) out.push_back(line);
  for (auto& l : out) {
    while (l.ends_with(' ')) l.pop_back();
  }
  return out;
}

std::string render_inline(std::string_view text, const MarkdownOptions& options) {
  return finish(inline_marked(text, options), options);
}

std::string render_markdown(std::string_view text, const MarkdownOptions& opt) {
  Writer w{opt, {}};
  auto lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size();) {
    std::string t = trim(lines[i]);
    if (t.empty()) {
      w.blank();
      ++i;
      continue;
    }
    if (t.starts_with("```")) {
      std::string info = trim(t.substr(3));
      std::vector<std::string> body;
      for (++i; i < lines.size() && !trim(lines[i]).starts_with("```"); ++i)
        body.push_back(lines[i]);
      ++i;
      w.blank();
      if (info == "mermaid") {
        mermaid(w, body);
      } else {
        for (const auto& b : body) w.line("    " + sanitize(b, opt.ascii));
      }
      w.blank();
      continue;
    }
    if (t.starts_with("$$")) {
      // $$ … $$ on one line, or spread over several.
      std::string math = t.substr(2);
      bool closed = math.ends_with("$$");
      if (closed) math.resize(math.size() - 2);
      for (++i; !closed && i < lines.size(); ++i) {
        std::string l = lines[i];
        auto end = l.find("$$");
        if (end != std::string::npos) {
          math += "\n" + l.substr(0, end);
          closed = true;
        } else {
          math += "\n" + l;
        }
      }
      w.blank();
      display_math(w, math);
      w.blank();
      continue;
    }
    if (t.starts_with("#")) {
      std::size_t level = t.find_first_not_of('#');
      if (level == std::string::npos) level = t.size();
      std::string title = inline_marked(trim(t.substr(level)), opt);
      w.blank();
      w.line(std::string(1, kBoldOn) + title + kBoldOff);
      if (level <= 2) {
        std::string under;
        for (std::size_t k = 0; k < columns(title); ++k) {
          under += level == 1 ? (opt.ascii ? "=" : "═") : (opt.ascii ? "-" : "─");
        }
        w.line(under);
      }
      w.blank();
      ++i;
      continue;
    }
    if (is_rule(t)) {
      w.blank();
      w.line(rule(opt, std::min<std::size_t>(opt.width, 40)));
      w.blank();
      ++i;
      continue;
    }
    if (t.starts_with("|")) {
      std::vector<std::string> rows;
      for (; i < lines.size() && trim(lines[i]).starts_with("|"); ++i) rows.push_back(lines[i]);
      table(w, rows);
      continue;
    }
    if (t.starts_with(">")) {
      std::string quote;
      for (; i < lines.size() && trim(lines[i]).starts_with(">"); ++i) {
        quote += " " + trim(trim(lines[i]).substr(1));
      }
      w.paragraph(inline_marked(trim(quote), opt), opt.ascii ? "| " : "│ ",
                  opt.ascii ? "| " : "│ ");
      continue;
    }
    if (auto item = list_item(t)) {
      std::string pad((indent_of(lines[i]) / 2) * 2 + 2, ' ');
      std::string text = item->second;
      for (++i; i < lines.size(); ++i) {
        std::string next = trim(lines[i]);
        if (starts_block(next)) break;
        text += " " + next;
      }
      std::string bullet = item->first == "-" ? (opt.ascii ? "- " : "• ") : item->first + " ";
      w.paragraph(inline_marked(text, opt), pad + bullet, pad + std::string(columns(bullet), ' '));
      continue;
    }
    std::string para = t;
    for (++i; i < lines.size(); ++i) {
      std::string next = trim(lines[i]);
      if (starts_block(next)) break;
      para += " " + next;
    }
    w.paragraph(inline_marked(para, opt));
  }
  while (w.out.ends_with("\n\n")) w.out.pop_back();
  if (w.out.starts_with("\n")) w.out.erase(0, 1);
  return w.out;
}

std::vector<MarkdownProblem> markdown_problems(std::string_view text) {
  std::vector<MarkdownProblem> out;
  auto lines = split_lines(text);
  auto check_math = [&](std::string_view latex, std::size_t line) {
    for (const auto& u : render_latex(latex).unknown) {
      out.push_back({line, Message{"lesson.bad_latex", {"\\" + u}}});
    }
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string t = trim(lines[i]);
    if (t.starts_with("```")) {
      std::size_t open = i;
      for (++i; i < lines.size() && !trim(lines[i]).starts_with("```"); ++i) {
      }
      if (i >= lines.size()) out.push_back({open, Message{"lesson.unclosed_fence", {}}});
      continue;
    }
    if (t.starts_with("$$")) {
      std::size_t open = i;
      std::string math = t.substr(2);
      bool closed = math.ends_with("$$");
      if (closed) math.resize(math.size() - 2);
      for (++i; !closed && i < lines.size(); ++i) {
        auto end = lines[i].find("$$");
        math += "\n" + lines[i].substr(0, end);
        closed = end != std::string::npos;
      }
      if (!closed) out.push_back({open, Message{"lesson.unclosed_math", {"$$"}}});
      check_math(math, open);
      --i;
      continue;
    }
    // Inline math: pairs of $ outside code spans; escaped \$ is a dollar sign.
    bool in_code = false;
    std::optional<std::size_t> open;
    for (std::size_t k = 0; k < t.size(); ++k) {
      if (t[k] == '\\' && k + 1 < t.size() && !open) {
        ++k;
        continue;
      }
      if (t[k] == '`') in_code = !in_code;
      if (in_code || t[k] != '$') continue;
      if (open) {
        check_math(std::string_view(t).substr(*open + 1, k - *open - 1), i);
        open.reset();
      } else {
        open = k;
      }
    }
    if (open) out.push_back({i, Message{"lesson.unclosed_math", {"$"}}});
  }
  return out;
}

}  // namespace tutor
