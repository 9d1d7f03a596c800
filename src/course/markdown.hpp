// Markdown for a terminal: headings, paragraphs, **bold**, `code`, lists, quotes, tables,
// code blocks, Mermaid graphs (labs/mermaid.hpp) and math ($…$ inline, $$…$$ on its own
// lines, through math/latex.hpp). md4c reads the CommonMark structure; the tutor lays it
// out. Lines are wrapped at a width measured in display columns, so Korean (two columns a
// character) wraps where it should.
//
//   tutor::render_markdown("# Chain rule\n\n$\\frac{dh}{dx} = f'(g(x)) \\cdot g'(x)$\n", {});
//   // "Chain rule\n══════════\n\ndh/dx = f'(g(x)) · g'(x)\n"
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/i18n.hpp"

namespace tutor {

struct MarkdownOptions {
  std::size_t width = 80;  // columns to wrap at
  bool ascii = false;      // ASCII only: no ², no box drawing
  bool color = false;      // bold and code shown with terminal escapes
};

// TEXT rendered for a terminal, ending with a newline (empty for blank TEXT). Never throws.
std::string render_markdown(std::string_view text, const MarkdownOptions& options = {});

// One line of Markdown (bold, code, inline math) without wrapping. It is never a block: a
// leading "3)" or "#" stays text.
std::string render_inline(std::string_view text, const MarkdownOptions& options = {});

// TEXT (one paragraph, already rendered) broken into lines of at most WIDTH columns at its
// spaces; FIRST starts the first line and REST the others (a list bullet and its hanging
// indent). A word wider than the line is cut. The prefixes count towards the width.
std::vector<std::string> wrap_text(std::string_view text, std::size_t width,
                                   std::string_view first = "", std::string_view rest = "");

// What is wrong with TEXT's math: an unclosed $ or $$, a LaTeX command outside the subset.
// LINE counts from 0 within TEXT.
struct MarkdownProblem {
  std::size_t line = 0;
  Message message;
};
std::vector<MarkdownProblem> markdown_problems(std::string_view text);

}  // namespace tutor
