// A printable document, the one model behind the feedback files of `quiz grade --feedback`
// and the worksheets of `quiz print`: headings, paragraphs, list items, preformatted or
// typeset math blocks, tables and blank answer space, rendered to Markdown or to LaTeX.
//
// Text that comes from outside (student answers and ids, the teacher's prompts) is escaped
// by one function per format, markdown_escape and latex_escape, so an answer such as
// `# heading` or `\input{/etc/passwd}` stays text in either.
//
//   tutor::Document d{"Chain rule checkpoint", {}};
//   d.blocks.push_back(tutor::doc::paragraph({tutor::doc::text("Answer: "),
//   tutor::doc::code("cos(x^2)")})); tutor::document_markdown(d);  // "# Chain rule
//   checkpoint\n\nAnswer: `cos(x^2)`\n"
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tutor {

enum class DocSpanKind {
  text,    // plain words
  strong,  // bold words
  code,    // an expression or an answer, as typed or printed (monospace)
};

struct DocSpan {
  DocSpanKind kind = DocSpanKind::text;
  std::string text;
};

enum class DocBlockKind {
  heading,    // level 1 or 2
  paragraph,  // spans
  item,       // spans; consecutive items make one list
  display,    // lines shown as they are; in LaTeX the latex math instead when given
  table,      // rows of cells, the first row the header
  space,      // blank room to write an answer in (LaTeX); nothing in Markdown
};

struct DocBlock {
  DocBlockKind kind = DocBlockKind::paragraph;
  int level = 1;
  std::vector<DocSpan> spans;
  std::vector<std::string> lines;
  std::string latex;  // trusted LaTeX from the tutor's own printer (an align* block)
  std::vector<std::vector<std::string>> rows;
  double height_cm = 0;
};

struct Document {
  std::string title;
  std::vector<DocBlock> blocks;
};

// The pieces, by kind; short names, so in their own namespace.
namespace doc {
DocSpan text(std::string s);
DocSpan strong(std::string s);
DocSpan code(std::string s);
DocBlock heading(int level, std::vector<DocSpan> spans);
DocBlock paragraph(std::vector<DocSpan> spans);
DocBlock item(std::vector<DocSpan> spans);
DocBlock display(std::vector<std::string> lines, std::string latex = {});
DocBlock table(std::vector<std::vector<std::string>> rows);
DocBlock space(double height_cm);
}  // namespace doc

// S as literal Markdown text on one line: line breaks and control characters become
// spaces, and every character that could start markup (\ ` * _ [ ] < > ! & | ~ $ #, a
// list or heading marker at the start) is backslash-escaped. Invalid UTF-8 is replaced.
std::string markdown_escape(std::string_view s);

// S as literal LaTeX text for pdflatex: the ten special characters spelled as commands, line
// breaks as spaces, the math glyphs the tutor prints (x², θ, ∂, ·, ×, −, √ …) as math
// commands, Hangul as it is (the document then loads kotex), and anything else outside
// ASCII and Latin-1 as its code point ("[U+4E2D]").
std::string latex_escape(std::string_view s);

// The whole document as CommonMark (GitHub tables for table blocks), ending with a newline.
std::string document_markdown(const Document& doc);

// A complete LaTeX file (article, geometry, amsmath, amssymb; kotex when any text is Korean)
// that compiles with a plain pdflatex.
std::string document_latex(const Document& doc);

}  // namespace tutor
