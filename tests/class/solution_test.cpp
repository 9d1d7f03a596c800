// The worked solution of each question kind, against values worked out by hand.
#include "class/solution.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "support/quiz.hpp"

namespace tutor {
namespace {

using testing::ask;

struct Solved {
  std::unique_ptr<testing::Asked> asked;
  std::vector<DocBlock> blocks;
};

Solved solve(const std::string& question, Lang lang = Lang::en, const Variant& v = {}) {
  Solved s{ask(question, v), {}};
  s.blocks = worked_solution(s.asked->posed, lang, s.asked->syms);
  return s;
}

// The text of a paragraph's spans, joined.
std::string spans_text(const DocBlock& b) {
  std::string out;
  for (const auto& s : b.spans) out += s.text;
  return out;
}

TEST(Solution, DerivativeShowsTheChainFactors) {
  Solved s = solve("id = \"d\"\nkind = \"derivative\"\nexpression = \"sin(x^2)\"");
  ASSERT_EQ(s.blocks.size(), 2u);
  const DocBlock& d = s.blocks[0];
  ASSERT_EQ(d.kind, DocBlockKind::display);
  ASSERT_FALSE(d.lines.empty());
  EXPECT_EQ(d.lines.front(), "d/dx sin(x²)");
  std::string all;
  for (const auto& l : d.lines) all += l + "\n";
  // The two links of the chain: cos(u) with u = x², and 2x.
  EXPECT_NE(all.find("cos(u)"), std::string::npos) << all;
  EXPECT_NE(all.find("2x"), std::string::npos) << all;
  EXPECT_NE(d.latex.find("\\begin{align*}"), std::string::npos);
  EXPECT_NE(d.latex.find("\\cos"), std::string::npos) << d.latex;
  EXPECT_EQ(spans_text(s.blocks[1]), "Answer: 2x·cos(x²)");
}

TEST(Solution, HigherOrderShowsEachDerivation) {
  // x³ → 3x² → 6x.
  Solved s = solve("id = \"d\"\nkind = \"derivative\"\nexpression = \"x^3\"\norder = 2");
  const DocBlock& d = s.blocks[0];
  EXPECT_EQ(std::count(d.lines.begin(), d.lines.end(), "d/dx x³"), 1) << d.lines.size();
  EXPECT_EQ(std::count(d.lines.begin(), d.lines.end(), "d/dx 3x²"), 1);
  EXPECT_EQ(d.latex.find("\\begin{align*}"), 0u);
  EXPECT_NE(d.latex.rfind("\\begin{align*}"), 0u);
  EXPECT_EQ(spans_text(s.blocks.back()), "Answer: 6x");
}

TEST(Solution, ValueAtThePoint) {
  // d/dx (2x+1)³ = 6(2x+1)², 54 at x = 1.
  Solved s = solve("id = \"v\"\nkind = \"value\"\nexpression = \"(2x+1)^3\"\nat = { x = 1 }");
  ASSERT_EQ(s.blocks.size(), 3u);
  EXPECT_EQ(spans_text(s.blocks[1]), "Evaluated at x = 1:");
  EXPECT_EQ(spans_text(s.blocks[2]), "Answer: 54");
}

TEST(Solution, GradientIsTheBackwardPass) {
  // y = (a + b)(b + 1) at a = 1, b = 2: b feeds both factors, so
  // dy/db = (b + 1)·1 + (a + b)·1 = 3 + 3 = 6.
  Solved s = solve(
      "id = \"g\"\nkind = \"gradient\"\nexpression = \"(a+b)*(b+1)\"\nwrt = \"b\"\n"
      "at = { a = 1, b = 2 }");
  ASSERT_EQ(s.blocks.size(), 5u);
  EXPECT_EQ(spans_text(s.blocks[0]), "Forward pass (each node's value):");
  const auto& forward = s.blocks[1].lines;
  EXPECT_EQ(forward.back().substr(forward.back().size() - 4), " = 9");
  const auto& backward = s.blocks[3].lines;
  EXPECT_EQ(backward.front(), "dy/dy = 1");
  bool both_paths = false;
  for (const auto& l : backward) {
    if (l.starts_with("dy/db = ") && l.find(" + ") != std::string::npos && l.ends_with(" = 6")) {
      both_paths = true;
    }
  }
  EXPECT_TRUE(both_paths) << ::testing::PrintToString(backward);
  EXPECT_EQ(spans_text(s.blocks[4]), "Answer: 6");
}

TEST(Solution, DescentStepsFirstAndLast) {
  // x ← x − 0.1·2x = 0.8x from 1: x_k = 0.8^k, so x_20 = 0.8^20 = 0.011529215046068...
  Solved s =
      solve("id = \"s\"\nkind = \"descent\"\nexpression = \"x^2\"\nfrom = 1\nlr = 0.1\nsteps = 20");
  ASSERT_EQ(s.blocks.size(), 3u);
  EXPECT_EQ(spans_text(s.blocks[0]), "Each step: θ ← θ − η·∇f with η = 0.1, where ∂f/∂x = 2x.");
  const auto& rows = s.blocks[1].rows;
  // The header, steps 0 to 5, a ⋮ row, steps 19 and 20.
  ASSERT_EQ(rows.size(), 10u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"k", "x", "f", "∂f/∂x"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"1", "0.8", "0.64", "1.6"}));
  EXPECT_EQ(rows[7][0], "⋮");
  EXPECT_EQ(rows[8][0], "19");
  EXPECT_EQ(rows[9][0], "20");
  EXPECT_EQ(rows[9][1].substr(0, 8), "0.011529");
  EXPECT_EQ(spans_text(s.blocks[2]).substr(0, 16), "Answer: 0.011529");
}

TEST(Solution, DescentInSeveralVariables) {
  // f = x² + y² from (1, 2) with rate 0.25: θ ← θ − 0.25·(2x, 2y) = θ/2, so y = 1.
  Solved s = solve(
      "id = \"s\"\nkind = \"descent\"\nexpression = \"x^2 + y^2\"\nwrt = \"y\"\n"
      "from = \"x=1,y=2\"\nlr = 0.25\nsteps = 1");
  const auto& rows = s.blocks[1].rows;
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"k", "x", "y", "f", "∂f/∂x", "∂f/∂y"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"0", "1", "2", "5", "2", "4"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"1", "0.5", "1", "1.25", "1", "2"}));
  EXPECT_EQ(spans_text(s.blocks[2]), "Answer: 1");
}

TEST(Solution, ChoiceAndExpressionInEitherLanguage) {
  const std::string choice =
      "id = \"c\"\nkind = \"choice\"\nprompt = \"?\"\n"
      "choices = [{ en = \"small\", ko = \"작다\" }, { en = \"large\", ko = \"크다\" }]\nanswer = "
      "2";
  Solved en = solve(choice);
  ASSERT_EQ(en.blocks.size(), 1u);
  EXPECT_EQ(spans_text(en.blocks[0]), "Answer: b) large");
  EXPECT_EQ(spans_text(solve(choice, Lang::ko).blocks[0]), "정답: b) 크다");
  Solved e = solve("id = \"e\"\nkind = \"expression\"\nprompt = \"?\"\nanswer = \"3u^2\"");
  EXPECT_EQ(spans_text(e.blocks[0]), "Answer: 3u²");
}

TEST(Solution, TheVariantsNumbers) {
  // ({a}x+1)³ with a = 3: 9(3x + 1)².
  Solved s = solve(
      "id = \"r\"\nkind = \"derivative\"\nexpression = \"({a}x+1)^3\"\n"
      "[question.random]\na = [2, 5]",
      Lang::en, {{"a", 3}});
  EXPECT_EQ(spans_text(s.blocks.back()), "Answer: 9(3x + 1)²");
}

}  // namespace
}  // namespace tutor
