#include "class/document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/text.hpp"

namespace tutor {

namespace doc {

DocSpan text(std::string s) {
  return {DocSpanKind::text, std::move(s)};
}
DocSpan strong(std::string s) {
  return {DocSpanKind::strong, std::move(s)};
}
DocSpan code(std::string s) {
  return {DocSpanKind::code, std::move(s)};
}
DocBlock heading(int level, std::vector<DocSpan> spans) {
  DocBlock b;
  b.kind = DocBlockKind::heading;
  b.level = level;
  b.spans = std::move(spans);
  return b;
}
DocBlock paragraph(std::vector<DocSpan> spans) {
  DocBlock b;
  b.spans = std::move(spans);
  return b;
}
DocBlock item(std::vector<DocSpan> spans) {
  DocBlock b;
  b.kind = DocBlockKind::item;
  b.spans = std::move(spans);
  return b;
}
DocBlock display(std::vector<std::string> lines, std::string latex) {
  DocBlock b;
  b.kind = DocBlockKind::display;
  b.lines = std::move(lines);
  b.latex = std::move(latex);
  return b;
}
DocBlock table(std::vector<std::vector<std::string>> rows) {
  DocBlock b;
  b.kind = DocBlockKind::table;
  b.rows = std::move(rows);
  return b;
}
DocBlock space(double height_cm) {
  DocBlock b;
  b.kind = DocBlockKind::space;
  b.height_cm = height_cm;
  return b;
}

}  // namespace doc

namespace {

// S on one line, safe to print: invalid UTF-8 replaced, line breaks, tabs and other control
// characters made spaces, runs of spaces made one (the ends are kept: a span may be the space
// between two others). Both formats start from this.
std::string one_line(std::string_view s) {
  std::string spaced(s);
  for (char& c : spaced) {
    if (c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f') c = ' ';
  }
  const std::string clean = sanitize(spaced);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

// ---- Markdown -------------------------------------------------------------------------

// A code span holding S: fenced by more backticks than S has in a row, padded when S starts
// or ends with a backtick, so that nothing inside ends it early.
std::string markdown_code(std::string_view raw) {
  const std::string s = trim(one_line(raw));
  std::size_t longest = 0, run = 0;
  for (char c : s) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const bool pad = s.empty() || s.front() == '`' || s.back() == '`';
  return fence + (pad ? " " : "") + s + (pad ? " " : "") + fence;
}

std::string markdown_spans(const std::vector<DocSpan>& spans) {
  std::string out;
  for (const auto& s : spans) {
    switch (s.kind) {
      case DocSpanKind::text:
        out += markdown_escape(s.text);
        break;
      case DocSpanKind::strong:
        out += "**" + markdown_escape(s.text) + "**";
        break;
      case DocSpanKind::code:
        out += markdown_code(s.text);
        break;
    }
  }
  return out;
}

std::string markdown_block(const DocBlock& b) {
  switch (b.kind) {
    case DocBlockKind::heading:
      return std::string(static_cast<std::size_t>(std::clamp(b.level, 1, 6)), '#') + " " +
             markdown_spans(b.spans) + "\n";
    case DocBlockKind::paragraph:
      return markdown_spans(b.spans) + "\n";
    case DocBlockKind::item:
      return "- " + markdown_spans(b.spans) + "\n";
    case DocBlockKind::display: {
      std::size_t longest = 2;
      for (const auto& l : b.lines) {
        std::size_t run = 0;
        for (char c : l) {
          run = c == '`' ? run + 1 : 0;
          longest = std::max(longest, run);
        }
      }
      const std::string fence(longest + 1, '`');
      std::string out = fence + "text\n";
      for (const auto& l : b.lines) out += sanitize(l) + "\n";
      return out + fence + "\n";
    }
    case DocBlockKind::table: {
      std::string out;
      for (std::size_t r = 0; r < b.rows.size(); ++r) {
        out += "|";
        for (const auto& cell : b.rows[r]) out += " " + markdown_escape(cell) + " |";
        out += "\n";
        if (r == 0) {
          out += "|";
          for (std::size_t c = 0; c < b.rows[0].size(); ++c) out += " --- |";
          out += "\n";
        }
      }
      return out;
    }
    case DocBlockKind::space:
      return {};
  }
  return {};
}

// ---- LaTeX ----------------------------------------------------------------------------

// The glyphs the tutor's printer and messages use, as pdflatex can set them.
const std::map<long, std::string_view>& latex_glyphs() {
  static const std::map<long, std::string_view> glyphs = {
      {0x00B2, "\\ensuremath{^{2}}"},
      {0x00B3, "\\ensuremath{^{3}}"},
      {0x00B9, "\\ensuremath{^{1}}"},
      {0x2070, "\\ensuremath{^{0}}"},
      {0x2074, "\\ensuremath{^{4}}"},
      {0x2075, "\\ensuremath{^{5}}"},
      {0x2076, "\\ensuremath{^{6}}"},
      {0x2077, "\\ensuremath{^{7}}"},
      {0x2078, "\\ensuremath{^{8}}"},
      {0x2079, "\\ensuremath{^{9}}"},
      {0x207B, "\\ensuremath{^{-}}"},
      {0x2080, "\\ensuremath{_{0}}"},
      {0x2081, "\\ensuremath{_{1}}"},
      {0x2082, "\\ensuremath{_{2}}"},
      {0x2083, "\\ensuremath{_{3}}"},
      {0x2099, "\\ensuremath{_{n}}"},
      {0x2096, "\\ensuremath{_{k}}"},
      {0x00B7, "\\ensuremath{\\cdot}"},
      {0x22C5, "\\ensuremath{\\cdot}"},
      {0x00D7, "\\ensuremath{\\times}"},
      {0x2212, "\\ensuremath{-}"},
      {0x00B1, "\\ensuremath{\\pm}"},
      {0x221A, "\\ensuremath{\\surd}"},
      {0x2202, "\\ensuremath{\\partial}"},
      {0x2207, "\\ensuremath{\\nabla}"},
      {0x2208, "\\ensuremath{\\in}"},
      {0x2248, "\\ensuremath{\\approx}"},
      {0x2260, "\\ensuremath{\\neq}"},
      {0x2264, "\\ensuremath{\\leq}"},
      {0x2265, "\\ensuremath{\\geq}"},
      {0x221E, "\\ensuremath{\\infty}"},
      {0x2192, "\\ensuremath{\\to}"},
      {0x2190, "\\ensuremath{\\leftarrow}"},
      {0x22EE, "\\ensuremath{\\vdots}"},
      {0x2026, "\\ldots{}"},
      {0x2032, "\\ensuremath{'}"},
      {0x2033, "\\ensuremath{''}"},
      {0x2018, "`"},
      {0x2019, "'"},
      {0x201C, "``"},
      {0x201D, "''"},
      {0x2013, "--"},
      {0x2014, "---"},
      {0x00A0, "~"},
      {0x03B1, "\\ensuremath{\\alpha}"},
      {0x03B2, "\\ensuremath{\\beta}"},
      {0x03B3, "\\ensuremath{\\gamma}"},
      {0x03B4, "\\ensuremath{\\delta}"},
      {0x03B5, "\\ensuremath{\\varepsilon}"},
      {0x03B7, "\\ensuremath{\\eta}"},
      {0x03B8, "\\ensuremath{\\theta}"},
      {0x03BB, "\\ensuremath{\\lambda}"},
      {0x03BC, "\\ensuremath{\\mu}"},
      {0x03C0, "\\ensuremath{\\pi}"},
      {0x03C3, "\\ensuremath{\\sigma}"},
      {0x03C4, "\\ensuremath{\\tau}"},
      {0x03C6, "\\ensuremath{\\varphi}"},
      {0x03C9, "\\ensuremath{\\omega}"},
      {0x0394, "\\ensuremath{\\Delta}"},
      {0x03A3, "\\ensuremath{\\Sigma}"},
  };
  return glyphs;
}

bool hangul(long cp) {
  return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
         (cp >= 0x3130 && cp <= 0x318F);
}

std::string latex_spans(const std::vector<DocSpan>& spans) {
  std::string out;
  for (const auto& s : spans) {
    switch (s.kind) {
      case DocSpanKind::text:
        out += latex_escape(s.text);
        break;
      case DocSpanKind::strong:
        out += "\\textbf{" + latex_escape(s.text) + "}";
        break;
      case DocSpanKind::code:
        out += "\\texttt{" + latex_escape(trim(s.text)) + "}";
        break;
    }
  }
  return out;
}

// A preformatted line: leading spaces kept as room, the rest as text.
std::string latex_line(std::string_view line) {
  std::size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos) return "~";
  std::string out = indent > 0 ? fmt::format("\\hspace*{{{}em}}", indent * 0.5) : std::string();
  return out + latex_escape(line.substr(indent));
}

std::string latex_block(const DocBlock& b) {
  switch (b.kind) {
    case DocBlockKind::heading:
      return std::string(b.level <= 1 ? "\\section*{" : "\\subsection*{") + latex_spans(b.spans) +
             "}\n";
    case DocBlockKind::paragraph:
      return latex_spans(b.spans) + "\n";
    case DocBlockKind::item:
      return "\\item " + latex_spans(b.spans) + "\n";
    case DocBlockKind::display: {
      if (!b.latex.empty()) return b.latex + "\n";
      std::string out = "\\begin{flushleft}\\ttfamily\n";
      for (std::size_t i = 0; i < b.lines.size(); ++i) {
        out += latex_line(b.lines[i]) + (i + 1 < b.lines.size() ? "\\\\\n" : "\n");
      }
      return out + "\\end{flushleft}\n";
    }
    case DocBlockKind::table: {
      if (b.rows.empty()) return {};
      std::string out = "\\begin{tabular}{" + std::string(b.rows[0].size(), 'r') + "}\n";
      for (std::size_t r = 0; r < b.rows.size(); ++r) {
        std::vector<std::string> cells;
        for (const auto& c : b.rows[r]) cells.push_back(latex_escape(c));
        out += join(cells, " & ") + " \\\\\n";
        if (r == 0) out += "\\hline\n";
      }
      return out + "\\end{tabular}\n";
    }
    case DocBlockKind::space:
      return fmt::format("\\vspace*{{{:.1f}cm}}\n", b.height_cm);
  }
  return {};
}

}  // namespace

std::string markdown_escape(std::string_view raw) {
  const std::string s = one_line(raw);
  std::string out;
  out.reserve(s.size() + s.size() / 4);
  // A list marker, a heading underline or a rule starts a block only at the start of a line,
  // and a span may begin one: so far only spaces, or only digits ("1. " and "2) " start an
  // ordered list; "0.8" and "-3" start nothing).
  bool at_start = true;
  bool digits = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const char next = i + 1 < s.size() ? s[i + 1] : ' ';
    const bool number_follows = next >= '0' && next <= '9';
    bool escape = std::string_view("\\`*_[]<>!&|~$#").find(c) != std::string_view::npos;
    if (at_start && (c == '=' || ((c == '-' || c == '+') && !number_follows))) escape = true;
    if (digits && (c == '.' || c == ')') && next == ' ') escape = true;
    if (c != ' ') {
      digits = (at_start || digits) && c >= '0' && c <= '9';
      at_start = false;
    }
    if (escape) out += '\\';
    out += c;
  }
  return out;
}

std::string latex_escape(std::string_view raw) {
  const std::string s = one_line(raw);
  std::string out;
  out.reserve(s.size() * 2);
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    const long cp = decode_utf8(s, i, len);
    switch (cp) {
      case '\\':
        out += "\\textbackslash{}";
        break;
      case '{':
      case '}':
      case '$':
      case '&':
      case '#':
      case '%':
      case '_':
        out += '\\';
        out += static_cast<char>(cp);
        break;
      case '^':
        out += "\\textasciicircum{}";
        break;
      case '~':
        out += "\\textasciitilde{}";
        break;
      case '<':
        out += "\\textless{}";
        break;
      case '>':
        out += "\\textgreater{}";
        break;
      case '|':
        out += "\\textbar{}";
        break;
      case '"':
        out += "{\\ttfamily\\char34}";
        break;
      default:
        if (cp >= 0x20 && cp < 0x7F) {
          out += static_cast<char>(cp);
        } else if (auto g = latex_glyphs().find(cp); g != latex_glyphs().end()) {
          out += g->second;
        } else if (hangul(cp) || (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7)) {
          out.append(s, i, len);
        } else {
          out += fmt::format("[U+{:04X}]", cp < 0 ? 0xFFFD : cp);
        }
    }
    i += len;
  }
  return out;
}

std::string document_markdown(const Document& d) {
  std::string out = "# " + markdown_escape(d.title) + "\n";
  DocBlockKind previous = DocBlockKind::heading;
  for (const auto& b : d.blocks) {
    if (b.kind == DocBlockKind::space) continue;
    // Items of one list stay together; every other block is its own paragraph.
    if (!(b.kind == DocBlockKind::item && previous == DocBlockKind::item)) out += "\n";
    out += markdown_block(b);
    previous = b.kind;
  }
  return out;
}

std::string document_latex(const Document& d) {
  std::string body =
      "\\begin{center}\\Large\\bfseries " + latex_escape(d.title) + "\\end{center}\n";
  bool in_list = false;
  for (const auto& b : d.blocks) {
    const bool item = b.kind == DocBlockKind::item;
    if (item && !in_list) body += "\\begin{itemize}\n";
    if (!item && in_list) body += "\\end{itemize}\n";
    in_list = item;
    if (!item) body += "\n";
    body += latex_block(b);
  }
  if (in_list) body += "\\end{itemize}\n";

  bool korean = false;
  for (std::size_t i = 0; i < body.size() && !korean;) {
    std::size_t len = 1;
    korean = hangul(decode_utf8(body, i, len));
    i += len;
  }
  std::string out =
      "\\documentclass[11pt]{article}\n"
      "\\usepackage[a4paper,margin=2cm]{geometry}\n"
      "\\usepackage{amsmath}\n"
      "\\usepackage{amssymb}\n";
  // Korean needs ko.TeX (Debian: texlive-lang-korean); pdflatex sets it with kotex too.
  if (korean) out += "\\usepackage{kotex}\n";
  out +=
      "\\setlength{\\parindent}{0pt}\n"
      "\\setlength{\\parskip}{0.6em}\n"
      "\\begin{document}\n";
  return out + body + "\\end{document}\n";
}

}  // namespace tutor
