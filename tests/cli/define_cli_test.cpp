// Defining functions as a learner does: at the prompt, and with --def on the command line.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/run.hpp"

namespace tutor {
namespace {

using testing::run_binary;
using testing::run_in_process;

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(DefineCli, ThePromptDefinesComposesAndDifferentiates) {
  const auto r = run_binary({}, "f(x) = x^2\ng(x) = 3x + 1\nh(x) = f(g(x))\nf(g(x))\ndefs\n");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.out, "defined: f(x) = x²\n")) << r.out;
  EXPECT_TRUE(has(r.out, "defined: h(x) = f(g(x)) = (3x + 1)²\n")) << r.out;
  EXPECT_TRUE(has(r.out,
                  "f(g(x)) = (3x + 1)²\n"
                  "d/dx f(g(x)) = f′(g(x))·g′(x)   (chain rule, in your own names)\n"
                  "  f′(x) = 2x, so f′(g(x)) = 2(3x + 1)\n"
                  "  g′(x) = 3\n"
                  "  d/dx f(g(x)) = 2(3x + 1)·3 = 6(3x + 1)\n"))
      << r.out;
  EXPECT_TRUE(has(r.out, "f(x) = x²\ng(x) = 3x + 1\nh(x) = f(g(x)) = (3x + 1)²\n")) << r.out;
}

TEST(DefineCli, KoreanReadsAsKorean) {
  const auto r = run_binary({"--lang", "ko"}, "f(x) = x^2\ng(x) = 3x + 1\nf(g(x))\nundef g\n");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.out, "정의했습니다: f(x) = x²")) << r.out;
  EXPECT_TRUE(has(r.out, "(체인룰, 정의한 이름으로)")) << r.out;
  EXPECT_TRUE(has(r.out, "f′(x) = 2x이므로 f′(g(x)) = 2(3x + 1)")) << r.out;
  EXPECT_TRUE(has(r.out, "지웠습니다: g")) << r.out;
}

TEST(DefineCli, PrimesAtThePromptAskForTheDerivativeItself) {
  const auto r = run_binary({}, "f(x) = x^3\nf''(x)\nshow f''(2)\n");
  ASSERT_EQ(r.status, 0) << r.err;
  // f''(x) is diff --order 2 of f(x): the last line is f″ = 6x, not its derivative.
  EXPECT_TRUE(has(r.out, "d²/dx² x³: the derivative of f′")) << r.out;
  EXPECT_TRUE(has(r.out, "d/dx 3x² = 3 · 2x = 6x")) << r.out;
  EXPECT_TRUE(has(r.out, "read as:     f″(2) = 12")) << r.out;
}

TEST(DefineCli, UndefAndRedefine) {
  const auto r = run_binary({},
                            "f(x) = x^2\nh(x) = f(x) + 1\nundef f\nf(x) = e^x\nh(0)\n"
                            "undef h\nundef f\ndefs\nundef f\nundef\n");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r.err, "line 3: error: h uses f; remove h first (undef h)")) << r.err;
  EXPECT_TRUE(has(r.out, "redefined: f(x) = e^x")) << r.out;
  EXPECT_TRUE(has(r.out, "h(0) = 2\n")) << r.out;
  EXPECT_TRUE(has(r.out, "no functions defined yet")) << r.out;
  EXPECT_TRUE(has(r.err, "line 9: error: no function f is defined")) << r.err;
  EXPECT_TRUE(has(r.err, "line 10: error: undef needs a name: undef f")) << r.err;
}

TEST(DefineCli, BadDefinitionsPointAtTheProblem) {
  const auto r = run_binary({},
                            "f(x) = f(x) + 1\nsin(x) = x\nf(x) = (x+1\ng(x, y) = x\n"
                            "f(x) = x^2\nf(1, 2)\nf\n");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r.err,
                  "line 1: error: the definition of f cannot use f itself\n"
                  "  f(x) = f(x) + 1\n"
                  "         ^\n"))
      << r.err;
  EXPECT_TRUE(has(r.err, "line 2: error: sin is a built-in name and cannot be redefined")) << r.err;
  EXPECT_TRUE(has(r.err,
                  "line 3: error: this '(' is never closed\n"
                  "  f(x) = (x+1\n"
                  "         ^\n"))
      << r.err;
  EXPECT_TRUE(has(r.err, "line 4: error: g can have one parameter only")) << r.err;
  EXPECT_TRUE(has(r.err,
                  "line 6: error: f takes one argument\n"
                  "  f(1, 2)\n"
                  "     ^^^\n"))
      << r.err;
  EXPECT_TRUE(has(r.err, "line 7: error: f is a function you defined: write f(x)")) << r.err;
}

TEST(DefineCli, DefOnTheCommandLine) {
  auto r = run_in_process(
      {"--def", "f(x)=x^2", "diff", "--def", "g(x)=3x+1", "f(g(x))", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["written"], "f(g(x))");
  EXPECT_EQ(j["expression"], "(3*x+1)^2");
  const auto& d = j["derivatives"][0];
  EXPECT_EQ(d["result"], "6*(3*x+1)");
  ASSERT_TRUE(d.contains("chain"));
  EXPECT_EQ(d["chain"]["written"], "f(g(x))");
  ASSERT_EQ(d["chain"]["factors"].size(), 2u);
  EXPECT_EQ(d["chain"]["factors"][0]["name"], "f'(g(x))");
  EXPECT_EQ(d["chain"]["factors"][0]["rule"], "2*x");
  EXPECT_EQ(d["chain"]["factors"][0]["value"], "2*(3*x+1)");
  EXPECT_EQ(d["chain"]["factors"][1]["name"], "g'(x)");
  EXPECT_EQ(d["chain"]["factors"][1]["value"], "3");

  r = run_in_process({"--def", "f(x)=x^2", "defs", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)[0]["body"], "x^2");

  r = run_in_process({"--def", "f(x)=x^2", "check", "f(sin(x))", "--answer", "2sin(x)cos(x)"});
  EXPECT_EQ(r.status, 0) << r.out << r.err;

  r = run_in_process({"--def", "f(x)=", "show", "x"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r.err, "error: the expression is empty\n  f(x)=\n      ^\n")) << r.err;
}

TEST(DefineCli, UndefinedNamesAreProductsWithANote) {
  const auto r = run_in_process({"show", "f(x+1)"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.out, "read as:     f·(x + 1)")) << r.out;
  EXPECT_TRUE(has(r.out, "was read as the product f·(…), because no function f is defined"))
      << r.out;
}

TEST(DefineCli, AnEqualsSignOutsideADefinitionSaysWhatToDo) {
  const auto r = run_in_process({"show", "y = x^2"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r.err, "'=' does not belong in an expression")) << r.err;
}

TEST(DefineCli, BlowUpAnswersQuickly) {
  const auto r =
      run_binary({"--def", "f(x)=x+sin(x)", "--def", "g(x)=f(f(f(f(x))))", "show", "g(g(g(g(x))))"},
                 "", {}, 10);
  EXPECT_EQ(r.status, 2) << r.out;
  EXPECT_TRUE(has(r.err, "too large")) << r.err;
}

TEST(DefineCli, TheExpressionIsNotNamedAfterTheLearnersF) {
  // With the learner's f(x) = x², "f′(1) = 6" for g(f(x)) would read as their f′(1), which is 2.
  auto r =
      run_in_process({"--def", "f(x)=x^2", "--def", "g(x)=3x+1", "diff", "g(f(x))", "--at", "x=1"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.out, "  h′(1) = 6·1 = 6\n")) << r.out;
  EXPECT_FALSE(has(r.out, "f′(1)")) << r.out;
  // Their own f, at x, is theirs to name.
  r = run_in_process({"--def", "f(x)=x^3", "diff", "f(x)", "--at", "x=2"});
  EXPECT_TRUE(has(r.out, "  f′(2) = 3·2² = 12\n")) << r.out;
  r = run_in_process({"--def", "f(x)=x^2", "diff", "f(x) y", "--at", "x=1,y=2"});
  EXPECT_TRUE(has(r.out, "gradient ∇h(1, 2) = (4, 1)")) << r.out;
}

}  // namespace
}  // namespace tutor
