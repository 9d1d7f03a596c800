// `tutor diff` as a learner or a script runs it: formats, options and bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "math/equivalence.hpp"
#include "math/symbols.hpp"
#include "math/syntax.hpp"
#include "support/run.hpp"

namespace tutor {
namespace {

using testing::run_binary;
using testing::run_in_process;
using testing::run_json;

TEST(DiffCli, JsonFollowsTheContract) {
  auto j = run_json({"diff", "sin((3x+1)^2)", "--format", "json"});
  EXPECT_EQ(j["input"], "sin((3x+1)^2)");
  EXPECT_EQ(j["expression"], "sin((3*x+1)^2)");
  EXPECT_EQ(j["variables"], nlohmann::json::array({"x"}));
  ASSERT_EQ(j["derivatives"].size(), 1u);
  const auto& d = j["derivatives"][0];
  EXPECT_EQ(d["wrt"], "x");
  EXPECT_EQ(d["text"], "6(3x + 1)·cos((3x + 1)²)");
  const auto& steps = d["steps"];
  EXPECT_EQ(steps["rule"], "chain");
  ASSERT_EQ(steps["links"].size(), 3u);
  EXPECT_EQ(steps["links"][0]["outer"], "sin(u)");
  EXPECT_EQ(steps["links"][0]["variable"], "u");
  EXPECT_EQ(steps["links"][0]["inner"], "(3*x+1)^2");
  EXPECT_EQ(steps["links"][0]["factor"], "cos((3*x+1)^2)");
  EXPECT_EQ(steps["links"][1]["factor"], "2*(3*x+1)");
  EXPECT_EQ(steps["links"][2]["factor"], "3");
  for (const auto& s : steps["substeps"]) {
    EXPECT_TRUE(s.contains("rule") && s.contains("expression") && s.contains("derivative") &&
                s.contains("substeps"));
  }
  // The result, read back by the tutor's own parser, is GiNaC's derivative.
  SymbolTable syms;
  GiNaC::ex result = parse(d["result"].get<std::string>(), syms).expr;
  GiNaC::ex x = syms.get("x");
  GiNaC::ex reference = parse("sin((3x+1)^2)", syms).expr.diff(GiNaC::ex_to<GiNaC::symbol>(x));
  EXPECT_EQ(compare_functions(result, reference, {x}).verdict, Agreement::equal);
}

TEST(DiffCli, EveryPartialWithoutWrt) {
  auto j = run_json({"diff", "(a+b)*c", "--format", "json"});
  ASSERT_EQ(j["derivatives"].size(), 3u);
  EXPECT_EQ(j["derivatives"][0]["wrt"], "a");
  EXPECT_EQ(j["derivatives"][0]["result"], "c");
  EXPECT_EQ(j["derivatives"][2]["wrt"], "c");
  EXPECT_EQ(j["derivatives"][2]["result"], "a+b");
}

TEST(DiffCli, WrtPicksOnePartial) {
  auto r = run_in_process({"diff", "x^2 y", "--wrt", "y"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "∂/∂y x²·y");
  EXPECT_NE(r.out.find("= x²"), std::string::npos) << r.out;
}

TEST(DiffCli, DerivativeNotationInTheExpression) {
  auto r = run_in_process({"diff", "d/dx x^3"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("d/dx x³ = 3x²"), std::string::npos) << r.out;
  auto glued = run_in_process({"diff", "d/dt(t^2)", "--format", "json"});
  ASSERT_EQ(glued.status, 0) << glued.err;
  EXPECT_EQ(nlohmann::json::parse(glued.out)["derivatives"][0]["result"], "2*t");
}

TEST(DiffCli, VariableNotInTheExpressionIsZeroAndSaysWhy) {
  auto r = run_in_process({"diff", "x^2", "--wrt", "y"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("does not contain y"), std::string::npos) << r.out;
}

TEST(DiffCli, BadWrtIsAnError) {
  for (const char* bad : {"2", "sin", "pi"}) {
    auto r = run_in_process({"diff", "x^2", "--wrt", bad});
    EXPECT_EQ(r.status, 2) << bad;
    EXPECT_NE(r.err.find("is not a variable"), std::string::npos) << r.err;
  }
}

// The value at a point: the substitution, the exact value, and a decimal where it is not
// exact; values worked out by hand.
TEST(DiffCli, ValueAtAPoint) {
  auto r = run_in_process({"diff", "sin(x^2)", "--at", "x=1", "--brief"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("f′(1) = 2·1·cos(1²) = 2cos(1) ≈ 1.0806\n"), std::string::npos) << r.out;
  r = run_in_process({"diff", "x^3", "--at", "x=-2", "--brief"});
  EXPECT_NE(r.out.find("f′(-2) = 3(-2)² = 12\n"), std::string::npos) << r.out;
  r = run_in_process({"diff", "sin(x)", "--at", "x=pi/2", "--brief"});
  EXPECT_NE(r.out.find("f′(π/2) = cos((π/2)) = 0\n"), std::string::npos) << r.out;
  // ln is undefined at -1, so its derivative does not exist there, whatever 1/x gives.
  r = run_in_process({"diff", "ln(x)", "--at", "x=-1", "--brief"});
  EXPECT_NE(r.out.find("f′(-1) does not exist"), std::string::npos) << r.out;
  r = run_in_process({"--lang", "ko", "diff", "abs(x)", "--at", "x=0", "--brief"});
  EXPECT_NE(r.out.find("f′(0)은 없습니다"), std::string::npos) << r.out;
}

TEST(DiffCli, GradientAtAPoint) {
  auto r = run_in_process({"diff", "x^2 y + 3x", "--at", "x=1,y=2", "--brief"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("∂f/∂x(1, 2) = 2·1·2 + 3 = 7\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("∂f/∂y(1, 2) = 1² = 1\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("gradient ∇f(1, 2) = (7, 1)\n"), std::string::npos) << r.out;
  r = run_in_process({"diff", "x^2 y", "--at", "x=1,y=2", "--format", "json"});
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["derivatives"][0]["at"]["x"], 1.0);
  EXPECT_EQ(j["derivatives"][0]["at"]["y"], 2.0);
  EXPECT_EQ(j["derivatives"][0]["value"], 4.0);
  EXPECT_EQ(j["derivatives"][1]["value"], 1.0);
  EXPECT_EQ(j["derivatives"][0]["order"], 1);
}

TEST(DiffCli, BadPointIsAnErrorWithACaret) {
  for (const auto& at : {"x=1", "x=1,y=2,z=3", "x=1,y=two", "x1,y=2"}) {
    auto r = run_in_process({"diff", "x^2 y", "--at", at});
    EXPECT_EQ(r.status, 2) << at;
    EXPECT_NE(r.err.find("--at"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("^"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "") << at;
  }
}

// Higher derivatives, each order from the previous one's final form; values by hand.
TEST(DiffCli, HigherOrders) {
  auto r = run_in_process({"diff", "--order", "3", "--brief", "sin(x^2)"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "f′ = 2x·cos(x²)\n"
            "f″ = 2cos(x²) - 4x²·sin(x²)\n"
            "f‴ = -8x³·cos(x²) - 12x·sin(x²)\n");
  for (const char* written : {"d2/dx2 x^4", "d²/dx² x^4", "d^2/dx^2 x^4"}) {
    r = run_in_process({"diff", "--brief", written});
    EXPECT_EQ(r.out, "f′ = 4x³\nf″ = 12x²\n") << written;
  }
  r = run_in_process({"diff", "--order", "2", "x^3"});
  EXPECT_NE(r.out.find("d²/dx² x³: the derivative of f′\nd/dx 3x²\n"), std::string::npos) << r.out;
  r = run_in_process({"diff", "--order", "2", "--brief", "x^3", "--at", "x=2"});
  EXPECT_NE(r.out.find("f″(2) = 6·2 = 12\n"), std::string::npos) << r.out;
  r = run_in_process({"diff", "--order", "2", "--format", "json", "x^3"});
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["derivatives"].size(), 2u);
  EXPECT_EQ(j["derivatives"][1]["order"], 2);
  EXPECT_EQ(j["derivatives"][1]["result"], "6*x");
}

TEST(DiffCli, BadOrdersAreErrors) {
  for (const char* n : {"0", "-1", "11", "two"}) {
    auto r = run_in_process({"diff", "--order", n, "x^2"});
    EXPECT_EQ(r.status, 2) << n;
    EXPECT_NE(r.err.find("from 1 to 10"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("^"), std::string::npos) << r.err;
  }
  auto r = run_in_process({"diff", "d2/dx3 x^4"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("the two orders must be the same"), std::string::npos) << r.err;
}

TEST(DiffCli, CheckTakesAnOrder) {
  auto r = run_in_process({"check", "x^3", "--order", "2", "--answer", "6x"});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  r = run_in_process({"check", "sin(x^2)", "--order", "2", "--answer", "2cos(x^2)"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("tutor diff \"d2/dx2 sin(x^2)\""), std::string::npos) << r.out;
  r = run_in_process({"check", "x^3", "--order", "11", "--answer", "0"});
  EXPECT_EQ(r.status, 2);
}

TEST(DiffCli, BadExpressionShowsTheCaret) {
  auto r = run_binary({"diff", "sin(x^2"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("  sin(x^2\n     ^\n"), std::string::npos) << r.err;
}

TEST(DiffCli, BriefAndLatex) {
  auto brief = run_in_process({"diff", "sin(x^2)", "--brief"});
  EXPECT_EQ(brief.out,
            "d/dx sin(x²)\n"
            "  df/du = cos(u) = cos(x²)   (trigonometric)\n"
            "  du/dx = 2x   (power rule)\n"
            "  d/dx sin(x²) = 2x·cos(x²)\n");
  auto latex = run_in_process({"diff", "sin(x^2)", "--format", "latex"});
  EXPECT_EQ(latex.out.rfind("\\begin{align*}", 0), 0u) << latex.out;
}

TEST(DiffCli, SameOutputOnEveryRun) {
  // GiNaC's term order follows hash values that change between processes; the output may not.
  std::vector<std::string> args = {"diff", "(x+y)^3 sin(x y) + exp(y - x) / (x^2 + y + 1)"};
  auto first = run_binary(args);
  ASSERT_EQ(first.status, 0) << first.err;
  for (int i = 0; i < 4; ++i) EXPECT_EQ(run_binary(args).out, first.out);
}

TEST(DiffCli, KoreanHelp) {
  auto r = run_binary({"--lang", "ko", "diff", "--help"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("단계별로 미분합니다"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace tutor
