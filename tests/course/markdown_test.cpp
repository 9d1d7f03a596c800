// Markdown for the terminal: wrapping by display width (Korean is two columns), and each block.
#include "course/markdown.hpp"

#include <gtest/gtest.h>

#include "base/text.hpp"

namespace tutor {
namespace {

TEST(Markdown, WrapsAtTheWidth) {
  auto lines = wrap_text("one two three four five", 9);
  EXPECT_EQ(lines, (std::vector<std::string>{"one two", "three", "four five"}));
}

TEST(Markdown, KoreanCountsTwoColumnsACharacter) {
  // Each word is 4 Hangul syllables: 8 columns. Two words and a space are 17 columns.
  auto lines = wrap_text("합성함수 체인룰을 역전파로 배웁니다", 17);
  EXPECT_EQ(lines, (std::vector<std::string>{"합성함수 체인룰을", "역전파로 배웁니다"}));
  for (const auto& l : wrap_text("가나다라마바사아자차카타파하 가나다", 10)) {
    EXPECT_LE(display_width(l), 10u) << l;
  }
}

TEST(Markdown, HangingIndentForListItems) {
  auto lines = wrap_text("aaa bbb ccc", 9, "  • ", "    ");
  EXPECT_EQ(lines, (std::vector<std::string>{"  • aaa", "    bbb", "    ccc"}));
}

TEST(Markdown, InlineMathStaysOnOneLine) {
  std::string out = render_markdown("see $a + b + c$ here", {.width = 12});
  EXPECT_NE(out.find("a + b + c"), std::string::npos) << out;
}

TEST(Markdown, HeadingsBoldListsAndCode) {
  std::string out = render_markdown("# Title\n\nSome **bold** and `code`.\n\n- one\n- two\n");
  EXPECT_EQ(out, "Title\n═════\n\nSome bold and code.\n\n  • one\n  • two\n");
}

TEST(Markdown, ColourOnlyWhenAsked) {
  EXPECT_EQ(render_inline("**b**", {.color = true}), "\x1b[1mb\x1b[0m");
  EXPECT_EQ(render_inline("**b**"), "b");
}

TEST(Markdown, DisplayMath) {
  std::string out = render_markdown("$$h(x) = f(g(x))$$\n");
  EXPECT_EQ(out, "    h(x) = f(g(x))\n");
  out = render_markdown("$$\n\\frac{dy}{dx} = 3\n$$\n");
  EXPECT_EQ(out, "    dy/dx = 3\n");
}

TEST(Markdown, TablesAlignByDisplayWidth) {
  std::string out = render_markdown("| 과제 | x |\n|---|---|\n| 1 | $x^2$ |\n");
  EXPECT_EQ(out, "  과제 │ x\n  ─────┼───\n  1    │ x²\n");
}

TEST(Markdown, MermaidWithAnExpressionIsTheTutorsDrawing) {
  std::string out = render_markdown("```mermaid\n%% tutor: (a+b)*c\ngraph LR\n  a --> add\n```\n");
  EXPECT_NE(out.find("(+)"), std::string::npos) << out;
  EXPECT_NE(out.find("(×)"), std::string::npos) << out;
  EXPECT_EQ(out.find("graph LR"), std::string::npos) << out;
}

TEST(Markdown, MermaidWithoutOneListsTheEdges) {
  std::string out =
      render_markdown("```mermaid\ngraph LR\n  a --> add[\"(+)\"]\n  add --> y\n```\n");
  EXPECT_EQ(out, "    a ──▶ (+)\n    (+) ──▶ y\n");
}

TEST(Markdown, BoldBeforeAKoreanParticle) {
  // CommonMark would leave these ** as text: the closing one follows a bracket and precedes a
  // letter.
  EXPECT_EQ(render_inline("**역전파(backpropagation)**는", {.color = true}),
            "\x1b[1m역전파(backpropagation)\x1b[0m는");
}

TEST(Markdown, SingleStarsStayAsWritten) {
  EXPECT_EQ(render_markdown("**Answer:** 2*x*cos(x^2)\n"), "Answer: 2*x*cos(x^2)\n");
  EXPECT_EQ(render_inline("w_1 and _w_ and __v__"), "w_1 and _w_ and __v__");
  EXPECT_EQ(render_inline("***x***"), "*x*");
}

TEST(Markdown, InlineIsNeverABlock) {
  EXPECT_EQ(render_inline("3) η = 10"), "3) η = 10");
  EXPECT_EQ(render_inline("# not a heading"), "# not a heading");
  EXPECT_EQ(render_inline("- not a list"), "- not a list");
  EXPECT_EQ(render_inline("$$x^2$$"), "x²");
}

TEST(Markdown, OrderedListsKeepTheirNumbers) {
  EXPECT_EQ(render_markdown("3. three\n4. four\n"), "  3. three\n  4. four\n");
}

TEST(Markdown, LooseListsKeepTheirBlankLines) {
  EXPECT_EQ(render_markdown("- one\n\n- two\n"), "  • one\n\n  • two\n");
}

TEST(Markdown, NestedLists) {
  EXPECT_EQ(render_markdown("- one\n  - inner\n- two\n"), "  • one\n    • inner\n  • two\n");
}

TEST(Markdown, QuotesWrapBehindTheBar) {
  EXPECT_EQ(render_markdown("> aaa bbb\n> ccc\n", {.width = 9}), "│ aaa bbb\n│ ccc\n");
}

TEST(Markdown, EscapesAndEntities) {
  EXPECT_EQ(render_markdown("\\$5 and \\*star\\* &amp; more\n"), "$5 and *star* & more\n");
}

TEST(Markdown, CodeBlocksAreIndentedAndSanitized) {
  EXPECT_EQ(render_markdown("```\nx  y\n\x1b[31m\n```\n"), "    x  y\n    \xEF\xBF\xBD[31m\n");
}

TEST(Markdown, WideTablesWrapTheirWidestColumn) {
  // 30 columns: 2 indent + 1 + 3 for the bar leave 24 for the text, padded to the end.
  std::string out = render_markdown(
      "| n | text |\n|---|---|\n| 1 | one two three four five six seven eight nine ten |\n",
      {.width = 30});
  EXPECT_EQ(out,
            "  n │ text\n"
            "  ──┼─────────────────────────\n"
            "  1 │ one two three four five\n"
            "    │ six seven eight nine ten\n");
}

TEST(Markdown, DisplayMathAndCodeWiderThanTheLineGoOnDeeper) {
  MarkdownOptions o;
  o.width = 24;
  EXPECT_EQ(render_markdown("$$a = b + c + d + e + f + g + h$$\n", o),
            "    a = b + c + d + e +\n"
            "      f + g + h\n");
  EXPECT_EQ(render_markdown("```\ntutor descent x^2 --lr 0.1\n```\n", o),
            "    tutor descent x^2\n"
            "      --lr 0.1\n");
}

TEST(Markdown, CodeSpansShowWithoutBackticks) {
  EXPECT_EQ(render_markdown("Run `tutor exercise 1` now.\n"), "Run tutor exercise 1 now.\n");
  MarkdownOptions o;
  o.color = true;
  EXPECT_EQ(render_markdown("Run `tutor` now.\n", o), "Run \x1b[36mtutor\x1b[0m now.\n");
}

TEST(Markdown, ProblemsAreFoundWithTheirLine) {
  auto p = markdown_problems("fine $x^2$\nbad $\\frobnicate x$\nopen $x\n");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].line, 1u);
  EXPECT_EQ(p[0].message.key, "lesson.bad_latex");
  EXPECT_EQ(p[1].line, 2u);
  EXPECT_EQ(p[1].message.key, "lesson.unclosed_math");
}

TEST(Markdown, ProblemsInDisplayMathAreOnTheLineOfItsOpening) {
  auto p = markdown_problems("text\n\n$$\n\\frobnicate\n$$\n");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].line, 2u);
  EXPECT_EQ(p[0].message.key, "lesson.bad_latex");
}

TEST(Markdown, NoProblemWithAnEscapedDollarOrOneInCode) {
  EXPECT_TRUE(markdown_problems("costs \\$5, `echo $HOME`\n").empty());
  EXPECT_TRUE(markdown_problems("```\nprice $3\n```\n").empty());
}

TEST(Markdown, UnclosedFenceAndDollars) {
  auto p = markdown_problems("fine\n```tutor\ndiff x\n");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].line, 1u);
  EXPECT_EQ(p[0].message.key, "lesson.unclosed_fence");
  p = markdown_problems("a $$x\n");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message.args, std::vector<std::string>{"$$"});
}

}  // namespace
}  // namespace tutor
