#include "course/markdown.hpp"

#include <md4c.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <set>

#include "base/table.hpp"
#include "base/text.hpp"
#include "labs/mermaid.hpp"
#include "math/latex.hpp"

namespace tutor {

namespace {

// md4c (CommonMark) finds the blocks and spans; the tutor lays them out. Fenced code only:
// an indented line in a lesson is a continuation, never code. No raw HTML: a terminal cannot
// show it, so it stays text. And '_' marks underline rather than emphasis, so that each of
// the two has one delimiter to write back.
constexpr unsigned kDialect = MD_FLAG_LATEXMATHSPANS | MD_FLAG_TABLES | MD_FLAG_NOHTML |
                              MD_FLAG_NOINDENTEDCODEBLOCKS | MD_FLAG_UNDERLINE;

// Spans a terminal does not style keep the delimiters they were written with: 2*x*cos(x^2)
// is an answer in ASCII, not "x" in italics.
struct Literal {
  MD_SPANTYPE span;
  std::string_view delimiter;
};
constexpr std::array kLiteral{Literal{MD_SPAN_EM, "*"}, Literal{MD_SPAN_U, "_"}};

std::string_view literal_delimiter(MD_SPANTYPE span) {
  for (const auto& l : kLiteral) {
    if (l.span == span) return l.delimiter;
  }
  return {};
}

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

std::string rule(const MarkdownOptions& opt, std::size_t width) {
  std::string out;
  for (std::size_t i = 0; i < width; ++i) out += opt.ascii ? "-" : "─";
  return out;
}

// The entities a lesson might write; any other stays as typed.
std::string entity(std::string_view e) {
  struct Named {
    std::string_view name, text;
  };
  static constexpr std::array kNamed{
      Named{"&amp;", "&"},  Named{"&lt;", "<"},    Named{"&gt;", ">"},    Named{"&quot;", "\""},
      Named{"&nbsp;", " "}, Named{"&times;", "×"}, Named{"&middot;", "·"}};
  for (const auto& n : kNamed) {
    if (n.name == e) return std::string(n.text);
  }
  return std::string(e);
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
  // A line of a formula or of code, four columns in; past the width it goes on two deeper.
  void indented(std::string_view s) {
    if (4 + columns(s) <= opt.width) {
      line("    " + std::string(s));
      return;
    }
    for (const auto& l : wrap_text(s, opt.width, "    ", "      ")) line(l);
  }
  void paragraph(const std::string& marked, std::string_view first = "",
                 std::string_view rest = "") {
    for (const auto& l : wrap_text(marked, opt.width, first, rest)) line(l);
  }
};

// The document as md4c walks it, written out block by block.
class Renderer {
 public:
  // INLINE_ONLY: one line's spans, unwrapped, with no blank lines around them.
  Renderer(const MarkdownOptions& opt, bool inline_only) : w_{opt, {}}, inline_(inline_only) {}

  std::string result() && {
    while (w_.out.ends_with("\n\n")) w_.out.pop_back();
    if (w_.out.starts_with("\n")) w_.out.erase(0, 1);
    return std::move(w_.out);
  }

  void enter_block(MD_BLOCKTYPE type, void* detail) {
    flush();
    switch (type) {
      case MD_BLOCK_UL:
      case MD_BLOCK_OL: {
        List l;
        if (type == MD_BLOCK_OL) {
          const auto* d = static_cast<MD_BLOCK_OL_DETAIL*>(detail);
          l.ordered = true;
          l.next = d->start;
          l.delimiter = d->mark_delimiter;
          l.tight = d->is_tight != 0;
        } else {
          l.tight = static_cast<MD_BLOCK_UL_DETAIL*>(detail)->is_tight != 0;
        }
        // A list inside a tight item follows its text directly.
        if (lists_.empty() || !lists_.back().tight) w_.blank();
        lists_.push_back(l);
        break;
      }
      case MD_BLOCK_LI: {
        List& l = lists_.back();
        if (!l.tight) w_.blank();
        const std::string pad(2 * lists_.size(), ' ');
        const std::string bullet =
            l.ordered ? std::to_string(l.next++) + l.delimiter + " " : (opt().ascii ? "- " : "• ");
        first_ = pad + bullet;
        rest_ = pad + std::string(columns(bullet), ' ');
        break;
      }
      case MD_BLOCK_H:
        level_ = static_cast<MD_BLOCK_H_DETAIL*>(detail)->level;
        break;
      case MD_BLOCK_CODE: {
        const auto* d = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
        code_info_ = std::string(d->info.text, d->info.size);
        code_.clear();
        break;
      }
      case MD_BLOCK_QUOTE:
        ++quotes_;
        break;
      case MD_BLOCK_TABLE:
        rows_.clear();
        break;
      case MD_BLOCK_TR:
        rows_.emplace_back();
        break;
      case MD_BLOCK_P:
        if (lists_.empty() || !lists_.back().tight) w_.blank();
        break;
      default:
        break;
    }
  }

  void leave_block(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        lists_.pop_back();
        if (lists_.empty() || !lists_.back().tight) w_.blank();
        break;
      case MD_BLOCK_LI:
        flush();
        first_ = rest_ = "";
        break;
      case MD_BLOCK_H:
        heading();
        break;
      case MD_BLOCK_HR:
        w_.blank();
        w_.line(rule(opt(), std::min<std::size_t>(opt().width, 40)));
        w_.blank();
        break;
      case MD_BLOCK_CODE:
        code_block();
        break;
      case MD_BLOCK_QUOTE:
        flush();
        --quotes_;
        w_.blank();
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        rows_.back().push_back(take_text());
        break;
      case MD_BLOCK_TABLE:
        table();
        break;
      default:
        flush();
        break;
    }
  }

  void enter_span(MD_SPANTYPE type, void* detail) {
    text_ += literal_delimiter(type);
    switch (type) {
      case MD_SPAN_STRONG:
        toggle_bold();
        break;
      case MD_SPAN_A: {
        const auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
        href_.assign(d->href.text, d->href.size);
        break;
      }
      case MD_SPAN_CODE:
      case MD_SPAN_LATEXMATH:
      case MD_SPAN_LATEXMATH_DISPLAY:
        raw_.clear();
        break;
      default:
        break;
    }
  }

  void leave_span(MD_SPANTYPE type) {
    text_ += literal_delimiter(type);
    switch (type) {
      case MD_SPAN_STRONG:
        toggle_bold();
        break;
      case MD_SPAN_A:
        // A terminal cannot follow a link, so the address is written out.
        if (!href_.empty()) text_ += " (" + sanitize(href_, opt().ascii) + ")";
        break;
      case MD_SPAN_CODE: {
        // Code shows as itself, in colour where colour is allowed; the backticks only mark
        // it in the source.
        text_ += kCodeOn;
        text_ += keep_spaces(sanitize(raw_, opt().ascii));
        text_ += kCodeOff;
        break;
      }
      case MD_SPAN_LATEXMATH:
        inline_math();
        break;
      case MD_SPAN_LATEXMATH_DISPLAY:
        // Display math stands on its own lines, each indented; a line wider than the
        // terminal goes on under a deeper indent. One line has no room.
        if (inline_) {
          inline_math();
          break;
        }
        flush();
        w_.blank();
        for (const auto& l : render_latex(raw_, {opt().ascii}).lines) w_.indented(l);
        w_.blank();
        break;
      default:
        break;
    }
  }

  void text(MD_TEXTTYPE type, std::string_view s) {
    switch (type) {
      case MD_TEXT_CODE:
      case MD_TEXT_LATEXMATH:
        if (in_code_block()) {
          code_ += s;
        } else {
          raw_ += s;
        }
        break;
      case MD_TEXT_NULLCHAR:
        text_ += "\xEF\xBF\xBD";
        break;
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR:
        text_ += ' ';
        break;
      case MD_TEXT_ENTITY:
        text_ += entity(s);
        break;
      default:
        // CommonMark does not close **bold** before a letter when a bracket ends it, as in
        // **역전파(backpropagation)**는: a Korean particle follows with no space. Every **
        // md4c leaves as text toggles bold, as the tutor has always read it.
        for (std::size_t k = 0; k < s.size(); ++k) {
          if (s.substr(k, 2) == "**") {
            toggle_bold();
            ++k;
          } else {
            text_ += s[k];
          }
        }
        break;
    }
  }

 private:
  struct List {
    bool ordered = false;
    bool tight = true;
    unsigned next = 1;
    char delimiter = '.';
  };

  const MarkdownOptions& opt() const { return w_.opt; }
  bool in_code_block() const { return code_info_.has_value(); }

  void inline_math() {
    std::string math = latex_to_text(raw_, {opt().ascii});
    std::replace(math.begin(), math.end(), '\n', ' ');
    text_ += keep_spaces(math);
  }

  void toggle_bold() {
    text_ += bold_ ? kBoldOff : kBoldOn;
    bold_ = !bold_;
  }

  // The inline text gathered so far, bold closed at its end; the next block starts afresh.
  std::string take_text() {
    if (bold_) toggle_bold();
    std::string t = std::move(text_);
    text_.clear();
    return t;
  }

  // The inline text gathered so far, as a paragraph: in a list item behind its bullet (then
  // its hanging indent), in a quote behind the bar.
  void flush() {
    if (inline_) {
      w_.out += finish(take_text(), opt());
      return;
    }
    const std::string t = trim(take_text());
    if (t.empty()) return;
    std::string first = first_, rest = rest_;
    if (quotes_ > 0) {
      const std::string bar = opt().ascii ? "| " : "│ ";
      first += bar;
      rest += bar;
    }
    w_.paragraph(t, first, rest);
    first_ = rest_;
  }

  void heading() {
    const std::string title = trim(take_text());
    w_.blank();
    w_.line(std::string(1, kBoldOn) + title + kBoldOff);
    if (level_ <= 2) {
      std::string under;
      for (std::size_t k = 0; k < columns(title); ++k) {
        under += level_ == 1 ? (opt().ascii ? "=" : "═") : (opt().ascii ? "-" : "─");
      }
      w_.line(under);
    }
    w_.blank();
  }

  void code_block() {
    const std::string info = trim(*code_info_);
    code_info_.reset();
    w_.blank();
    if (info == "mermaid") {
      for (const auto& l : mermaid_text(code_, opt().ascii)) w_.line("    " + l);
    } else {
      for (const auto& l : split_lines(code_)) w_.indented(sanitize(l, opt().ascii));
    }
    w_.blank();
  }

  // The header row, a rule, then the body, columns a bar apart. Too wide for the terminal,
  // the table narrows its widest columns and wraps their cells (base/table.hpp).
  void table() {
    TextTable t({.indent = "  ",
                 .gap = opt().ascii ? " | " : " │ ",
                 .measure = columns,
                 .width = opt().width});
    for (std::size_t k = 0; k < rows_.size(); ++k) {
      t.add_row(rows_[k]);
      if (k == 0) t.add_rule(opt().ascii ? "-" : "─", opt().ascii ? "-+-" : "─┼─");
    }
    w_.blank();
    for (const auto& l : split_lines(t.str())) w_.line(l);
    w_.blank();
  }

  Writer w_;
  bool inline_ = false;
  bool bold_ = false;         // inside **bold** in text_
  std::string text_;          // inline text of the block being read, with markers
  std::string raw_;           // the source of the code or math span being read
  std::string href_;          // the address of the link being read
  std::string first_, rest_;  // prefixes of a list item's first line and the lines after
  std::vector<List> lists_;
  int quotes_ = 0;
  unsigned level_ = 1;
  std::optional<std::string> code_info_;  // set inside a code block
  std::string code_;
  std::vector<std::vector<std::string>> rows_;
};

// md4c's callbacks, each handing on to the object behind USER.
template <class R>
MD_PARSER parser_for() {
  MD_PARSER p{};
  p.flags = kDialect;
  p.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) {
    static_cast<R*>(u)->enter_block(t, d);
    return 0;
  };
  p.leave_block = [](MD_BLOCKTYPE t, void*, void* u) {
    static_cast<R*>(u)->leave_block(t);
    return 0;
  };
  p.enter_span = [](MD_SPANTYPE t, void* d, void* u) {
    static_cast<R*>(u)->enter_span(t, d);
    return 0;
  };
  p.leave_span = [](MD_SPANTYPE t, void*, void* u) {
    static_cast<R*>(u)->leave_span(t);
    return 0;
  };
  p.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
    static_cast<R*>(u)->text(t, std::string_view(s, n));
    return 0;
  };
  return p;
}

// The math of a document, found the way the renderer finds it, with the line each span
// starts on: what markdown_problems checks.
class MathFinder {
 public:
  explicit MathFinder(std::string_view doc) : doc_(doc) {}

  void enter_block(MD_BLOCKTYPE, void*) {}
  void leave_block(MD_BLOCKTYPE) {}
  void enter_span(MD_SPANTYPE type, void*) {
    if (type != MD_SPAN_LATEXMATH && type != MD_SPAN_LATEXMATH_DISPLAY) return;
    math_.clear();
    start_.reset();
  }
  void leave_span(MD_SPANTYPE type) {
    if (type != MD_SPAN_LATEXMATH && type != MD_SPAN_LATEXMATH_DISPLAY) return;
    // A display span is reported on the line of its opening $$, as the author wrote it.
    std::size_t at = start_.value_or(0);
    if (type == MD_SPAN_LATEXMATH_DISPLAY) {
      while (at > 0 && (doc_[at - 1] == ' ' || doc_[at - 1] == '\n' || doc_[at - 1] == '\r')) --at;
      at = at >= 2 ? at - 2 : 0;
    }
    for (const auto& u : render_latex(math_).unknown) {
      problems.push_back({line_of(at), Message{"lesson.bad_latex", {"\\" + u}}});
    }
  }
  void text(MD_TEXTTYPE type, std::string_view s) {
    const auto at = offset_of(s);
    if (type == MD_TEXT_LATEXMATH) {
      if (!start_) start_ = at;
      math_ += s;
      return;
    }
    if (type != MD_TEXT_NORMAL || !at) return;
    // A $ md4c left as text opens math that never closes, unless it was written \$.
    for (std::size_t k = 0; k < s.size(); ++k) {
      const std::size_t pos = *at + k;
      if (s[k] != '$' || (pos > 0 && doc_[pos - 1] == '\\')) continue;
      const std::size_t line = line_of(pos);
      if (!unclosed_lines_.insert(line).second) continue;
      const bool two = k + 1 < s.size() && s[k + 1] == '$';
      problems.push_back({line, Message{"lesson.unclosed_math", {two ? "$$" : "$"}}});
    }
  }

  std::vector<MarkdownProblem> problems;

 private:
  // Where S lies in the document; md4c hands out pieces of it, except for what it makes up.
  std::optional<std::size_t> offset_of(std::string_view s) const {
    if (s.data() < doc_.data() || s.data() > doc_.data() + doc_.size()) return std::nullopt;
    return static_cast<std::size_t>(s.data() - doc_.data());
  }
  std::size_t line_of(std::size_t pos) const {
    return static_cast<std::size_t>(std::count(doc_.begin(), doc_.begin() + pos, '\n'));
  }

  std::string_view doc_;
  std::string math_;
  std::optional<std::size_t> start_;
  std::set<std::size_t> unclosed_lines_;
};

// Where a backslash keeps LINE from opening a block (a heading, a quote, a list, a rule, a
// fence), so that it reads as text: "3) η = 10" is a choice, not a list that starts at 3.
std::optional<std::size_t> starts_block(std::string_view line) {
  const std::size_t at = line.find_first_not_of(' ');
  if (at == std::string_view::npos) return std::nullopt;
  const std::string_view t = line.substr(at);
  auto spaced = [&t](std::size_t k) { return k >= t.size() || t[k] == ' '; };
  std::size_t digits = 0;
  while (digits < t.size() && std::isdigit(static_cast<unsigned char>(t[digits]))) ++digits;
  if (digits > 0 && digits < t.size() && (t[digits] == '.' || t[digits] == ')') &&
      spaced(digits + 1)) {
    return at + digits;
  }
  if (t[0] == '>' || t.starts_with("```") || t.starts_with("~~~")) return at;
  const std::size_t hashes = t.find_first_not_of('#');
  if (hashes >= 1 && hashes <= 6 && spaced(hashes)) return at;
  if ((t[0] == '-' || t[0] == '+' || t[0] == '*') && spaced(1)) return at;
  const bool rule = (t[0] == '-' || t[0] == '*' || t[0] == '_') &&
                    t.find_first_not_of(std::string{t[0], ' '}) == std::string_view::npos;
  if (rule) return at;
  return std::nullopt;
}

}  // namespace

std::vector<std::string> wrap_text(std::string_view text, std::size_t width, std::string_view first,
                                   std::string_view rest) {
  return wrap(text, width, first, rest, columns);
}

std::string render_inline(std::string_view text, const MarkdownOptions& options) {
  std::string line(text);
  std::replace(line.begin(), line.end(), '\n', ' ');
  if (const auto at = starts_block(line)) line.insert(*at, "\\");
  Renderer r(options, true);
  const MD_PARSER p = parser_for<Renderer>();
  md_parse(line.data(), static_cast<MD_SIZE>(line.size()), &p, &r);
  return std::move(r).result();
}

std::string render_markdown(std::string_view text, const MarkdownOptions& options) {
  Renderer r(options, false);
  const MD_PARSER p = parser_for<Renderer>();
  md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &p, &r);
  return std::move(r).result();
}

std::vector<MarkdownProblem> markdown_problems(std::string_view text) {
  MathFinder f(text);
  const MD_PARSER p = parser_for<MathFinder>();
  md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &p, &f);
  std::vector<MarkdownProblem> out = std::move(f.problems);
  // md4c lets a fence run to the end of the text; an author almost always meant to close it.
  const auto lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!trim(lines[i]).starts_with("```")) continue;
    const std::size_t open = i;
    for (++i; i < lines.size() && !trim(lines[i]).starts_with("```"); ++i) {
    }
    if (i >= lines.size()) out.push_back({open, Message{"lesson.unclosed_fence", {}}});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });
  return out;
}

}  // namespace tutor
