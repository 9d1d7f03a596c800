// The document model's two renderers: student text stays text in Markdown (read back with
// md4c, the CommonMark parser the lessons use) and in LaTeX (exact strings), and the LaTeX
// file has the structure pdflatex needs.
#include "class/document.hpp"

#include <gtest/gtest.h>
#include <md4c.h>

#include <string>
#include <vector>

namespace tutor {
namespace {

// What md4c reads in a Markdown text: every block and span entered, and the text of each.
struct Reading {
  std::vector<MD_BLOCKTYPE> blocks;
  std::vector<MD_SPANTYPE> spans;
  std::string text;       // all text, as read (escapes resolved)
  std::string code_text;  // the text inside code spans
  int code_depth = 0;
};

Reading read_markdown(const std::string& md) {
  Reading r;
  MD_PARSER p{};
  p.flags = MD_DIALECT_GITHUB | MD_FLAG_LATEXMATHSPANS;
  p.enter_block = [](MD_BLOCKTYPE t, void*, void* u) {
    static_cast<Reading*>(u)->blocks.push_back(t);
    return 0;
  };
  p.leave_block = [](MD_BLOCKTYPE, void*, void*) { return 0; };
  p.enter_span = [](MD_SPANTYPE t, void*, void* u) {
    auto* r = static_cast<Reading*>(u);
    r->spans.push_back(t);
    if (t == MD_SPAN_CODE) ++r->code_depth;
    return 0;
  };
  p.leave_span = [](MD_SPANTYPE t, void*, void* u) {
    if (t == MD_SPAN_CODE) --static_cast<Reading*>(u)->code_depth;
    return 0;
  };
  p.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
    auto* r = static_cast<Reading*>(u);
    std::string piece = t == MD_TEXT_NULLCHAR ? std::string("\xEF\xBF\xBD") : std::string(s, n);
    r->text += piece;
    if (r->code_depth > 0) r->code_text += piece;
    return 0;
  };
  EXPECT_EQ(md_parse(md.data(), static_cast<MD_SIZE>(md.size()), &p, &r), 0);
  return r;
}

// Answers a class might type to break out of the text they are shown in.
const std::vector<std::string> kHostile = {
    "# heading",
    "- item",
    "1. item",
    "2) item",
    "+ plus",
    "<script>alert(1)</script>",
    "*bold* _it_ **x** `code` [link](http://x) ![img](y.png)",
    "\\input{/etc/passwd}",
    "first line\n# second line\n\n```\nfenced",
    "$x^2$ and $$y$$",
    "| a | b |",
    "&amp; &#35;",
    "===",
    "    indented",
    "> quote",
    "~~struck~~",
    "``two ticks`` and `one",
    "`",
    "---",
    "- - -",
    "-3 and 0.8",
    "10. ten",
    "+",
};

// The text as the renderers put it on one line.
std::string flattened(const std::string& s) {
  std::string out;
  for (char c : s) {
    const bool blank = c == '\n' || c == ' ';
    if (blank && (out.empty() || out.back() == ' ')) continue;
    out += blank ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

TEST(Document, MarkdownTextStaysText) {
  for (const auto& s : kHostile) {
    for (const std::string& lead : {"", " ", "   "}) {
      Document d{"T", {doc::paragraph({doc::text(lead + s)})}};
      const Reading r = read_markdown(document_markdown(d));
      EXPECT_EQ(r.blocks, (std::vector<MD_BLOCKTYPE>{MD_BLOCK_DOC, MD_BLOCK_H, MD_BLOCK_P})) << s;
      EXPECT_TRUE(r.spans.empty()) << s;
      EXPECT_EQ(r.text, "T" + flattened(s)) << s;
    }
  }
}

TEST(Document, MarkdownCodeSpansHoldAnyAnswer) {
  for (const auto& s : kHostile) {
    Document d{"T", {doc::item({doc::strong("Your answer:"), doc::text(" "), doc::code(s)})}};
    const Reading r = read_markdown(document_markdown(d));
    EXPECT_EQ(r.blocks,
              (std::vector<MD_BLOCKTYPE>{MD_BLOCK_DOC, MD_BLOCK_H, MD_BLOCK_UL, MD_BLOCK_LI}))
        << s;
    EXPECT_EQ(r.spans, (std::vector<MD_SPANTYPE>{MD_SPAN_STRONG, MD_SPAN_CODE})) << s;
    EXPECT_EQ(r.code_text, flattened(s)) << s;
  }
}

TEST(Document, MarkdownTitleAndTableCellsAreEscaped) {
  Document d{"# Quiz | <b>", {doc::table({{"k", "x"}, {"0", "a|b"}})}};
  const std::string md = document_markdown(d);
  EXPECT_EQ(md, "# \\# Quiz \\| \\<b\\>\n\n| k | x |\n| --- | --- |\n| 0 | a\\|b |\n");
  const Reading r = read_markdown(md);
  EXPECT_EQ(r.text, "# Quiz | <b>kx0a|b");
}

TEST(Document, MarkdownDisplayIsAFencedBlock) {
  Document d{"T", {doc::display({"d/dx sin(x²)", "  = cos(x²)·2x", "```"}, "\\[x\\]")}};
  EXPECT_EQ(document_markdown(d), "# T\n\n````text\nd/dx sin(x²)\n  = cos(x²)·2x\n```\n````\n");
}

TEST(Document, MarkdownListsAndParagraphs) {
  Document d{
      "T",
      {doc::heading(2, {doc::text("Question 1/2 (2 pt)")}), doc::paragraph({doc::text("Pick.")}),
       doc::item({doc::text("a) 0.1")}), doc::item({doc::text("b) 10")}), doc::space(3),
       doc::paragraph({doc::strong("Verdict:"), doc::text(" correct")})}};
  EXPECT_EQ(document_markdown(d),
            "# T\n\n## Question 1/2 (2 pt)\n\nPick.\n\n- a) 0.1\n- b) 10\n\n**Verdict:** "
            "correct\n");
}

TEST(Document, LatexEscapesEverySpecialCharacter) {
  EXPECT_EQ(latex_escape("\\input{/etc/passwd}"), "\\textbackslash{}input\\{/etc/passwd\\}");
  EXPECT_EQ(latex_escape("# $ % & _ { }"), "\\# \\$ \\% \\& \\_ \\{ \\}");
  EXPECT_EQ(latex_escape("^~<>|\""),
            "\\textasciicircum{}\\textasciitilde{}\\textless{}\\textgreater{}\\textbar{}"
            "{\\ttfamily\\char34}");
  EXPECT_EQ(latex_escape("a\n\n\\end{document}"), "a \\textbackslash{}end\\{document\\}");
  EXPECT_EQ(latex_escape("2x·cos(x²)"), "2x\\ensuremath{\\cdot}cos(x\\ensuremath{^{2}})");
  EXPECT_EQ(latex_escape("∂y/∂θ × −3"),
            "\\ensuremath{\\partial}y/\\ensuremath{\\partial}\\ensuremath{\\theta} "
            "\\ensuremath{\\times} \\ensuremath{-}3");
  EXPECT_EQ(latex_escape("학생 é"), "학생 é");
  EXPECT_EQ(latex_escape("中 \x01"), "[U+4E2D] [U+FFFD]");
  EXPECT_EQ(latex_escape("bad \xFF byte"), "bad [U+FFFD] byte");
}

int count(const std::string& s, const std::string& part) {
  int n = 0;
  for (std::size_t at = s.find(part); at != std::string::npos; at = s.find(part, at + 1)) ++n;
  return n;
}

TEST(Document, LatexFileStructure) {
  Document d{
      "Quiz",
      {doc::heading(2, {doc::text("Question 1")}), doc::item({doc::text("a) 1")}),
       doc::item({doc::text("b) 2")}), doc::space(2.5), doc::display({"  dy/da = -3"}),
       doc::display({"ignored"}, "\\[ x^{2} \\]"), doc::table({{"k", "x"}, {"0", "1"}}),
       doc::paragraph({doc::strong("Answer:"), doc::text(" "), doc::code("\\end{document}")})}};
  const std::string tex = document_latex(d);
  EXPECT_EQ(tex.rfind("\\documentclass[11pt]{article}\n", 0), 0u) << tex;
  EXPECT_EQ(count(tex, "\\begin{document}"), 1);
  EXPECT_EQ(count(tex, "\\end{document}"), 1);
  EXPECT_TRUE(tex.ends_with("\\end{document}\n"));
  EXPECT_EQ(count(tex, "\\begin{itemize}"), 1);
  EXPECT_EQ(count(tex, "\\end{itemize}"), 1);
  EXPECT_NE(tex.find("\\item a) 1\n\\item b) 2\n\\end{itemize}"), std::string::npos) << tex;
  EXPECT_NE(tex.find("\\vspace*{2.5cm}"), std::string::npos);
  EXPECT_NE(tex.find("\\hspace*{1em}dy/da = -3"), std::string::npos) << tex;
  EXPECT_NE(tex.find("\\[ x^{2} \\]"), std::string::npos);
  EXPECT_EQ(tex.find("ignored"), std::string::npos);
  EXPECT_NE(tex.find("k & x \\\\\n\\hline\n0 & 1 \\\\"), std::string::npos) << tex;
  EXPECT_NE(tex.find("\\texttt{\\textbackslash{}end\\{document\\}}"), std::string::npos);
  EXPECT_EQ(tex.find("kotex"), std::string::npos);
  for (const char* package : {"geometry", "amsmath", "amssymb"}) {
    EXPECT_NE(tex.find(std::string("{") + package + "}"), std::string::npos) << package;
  }
}

TEST(Document, LatexLoadsKotexForKorean) {
  const std::string tex = document_latex(Document{"퀴즈", {doc::paragraph({doc::text("학생")})}});
  EXPECT_NE(tex.find("\\usepackage{kotex}"), std::string::npos);
  EXPECT_LT(tex.find("\\usepackage{kotex}"), tex.find("\\begin{document}"));
}

}  // namespace
}  // namespace tutor
