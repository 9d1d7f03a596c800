// `tutor show`: the command as a learner runs it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/run.hpp"

namespace tutor {
namespace {

using testing::run_binary;
using testing::run_in_process;
using testing::run_json;
using testing::run_ok;

TEST(Show, JsonHasTheContractFields) {
  // The whole object, so that a field added or renamed by accident fails too.
  EXPECT_EQ(run_json({"show", "2x cos(x^2)", "--format", "json"}), R"json({
    "input": "2x cos(x^2)",
    "expression": "2*x*cos(x^2)",
    "text": "2x·cos(x²)",
    "latex": "2 x \\cos\\left(x^{2}\\right)",
    "variables": ["x"]
  })json"_json);
}

// CLI11 reads a word in square brackets as a list and used to strip the brackets.
TEST(Show, SquareBracketsAreGroupingOnTheCommandLine) {
  auto r = run_in_process({"show", "[-5x + 4]/[-4x + 4]", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["input"], "[-5x + 4]/[-4x + 4]");
  r = run_in_process({"show", "[x^2 - x][2x + 4]", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["variables"], nlohmann::json::array({"x"}));
}

TEST(Show, BadExpressionExitsTwoWithCaret) {
  auto r = run_binary({"show", "sin(x^2"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("sin(x^2\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("\n     ^\n"), std::string::npos) << r.err;
}

TEST(Show, LeadingMinusNeedsDoubleDashAndSaysSo) {
  auto bad = run_binary({"show", "-x^2"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("tutor show -- -x^2"), std::string::npos) << bad.err;
  auto good = run_binary({"show", "--format", "json", "--", "-x^2"});
  ASSERT_EQ(good.status, 0) << good.err;
  EXPECT_EQ(nlohmann::json::parse(good.out)["expression"], "-x^2");
}

TEST(Show, KoreanLabels) {
  auto r = run_binary({"--lang", "ko", "show", "x+1"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("변수"), std::string::npos) << r.out;
}

TEST(Show, UnknownCommandSuggests) {
  auto r = run_binary({"shwo", "x"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("did you mean show?"), std::string::npos) << r.err;
}

TEST(Show, LatexFormatPrintsOnlyLatex) {
  EXPECT_EQ(run_ok({"show", "x^2/2", "--format", "latex"}), "\\frac{x^{2}}{2}\n");
}

TEST(Show, TextFormatShowsEveryReading) {
  EXPECT_EQ(run_ok({"show", "2x cos(x^2)"}),
            "input:       2x cos(x^2)\n"
            "read as:     2x·cos(x²)\n"
            "input form:  2*x*cos(x^2)\n"
            "LaTeX:       2 x \\cos\\left(x^{2}\\right)\n"
            "variables:   x\n");
}

TEST(Show, AsciiFlagAndNonUtf8LocaleFallBackToAscii) {
  auto flag = run_binary({"--ascii", "show", "√x + θ²"});
  ASSERT_EQ(flag.status, 0) << flag.err;
  EXPECT_NE(flag.out.find("read as:     theta^2 + sqrt(x)\n"), std::string::npos) << flag.out;
  EXPECT_NE(flag.out.find("variables:   theta, x\n"), std::string::npos) << flag.out;
  auto locale = run_binary({"show", "√x + θ²"}, "", {{"LANG", "C"}});
  ASSERT_EQ(locale.status, 0) << locale.err;
  EXPECT_NE(locale.out.find("read as:     theta^2 + sqrt(x)\n"), std::string::npos) << locale.out;
  auto unicode = run_binary({"show", "√x + θ²"});
  EXPECT_NE(unicode.out.find("read as:     θ² + √x\n"), std::string::npos) << unicode.out;
}

TEST(Show, JsonForGreekAndConstants) {
  auto j = run_json({"show", "--format", "json", "--", "θ² + π e"});
  EXPECT_EQ(j["expression"], "theta^2+pi*e");
  EXPECT_EQ(j["text"], "θ² + π·e");
  EXPECT_EQ(j["variables"], nlohmann::json::array({"theta"}));
}

// The caret is placed by display columns: θ, ² and √ are one column each, Hangul two.
TEST(Show, CaretUnderTheOpeningParenthesisAfterGreekAndSuperscripts) {
  auto r = run_binary({"show", "θ² + √(x"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("\n  θ² + √(x\n        ^\n"), std::string::npos) << r.err;
}

TEST(Show, CaretUnderWideKoreanText) {
  auto r = run_binary({"show", "x + 변수"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("\n  x + 변수\n      ^^\n"), std::string::npos) << r.err;
}

TEST(Show, CaretAfterKoreanMessageInKorean) {
  auto r = run_binary({"--lang", "ko", "show", "sinn(x) + 1"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("sin을 뜻했나요?"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("\n  sinn(x) + 1\n  ^^^^\n"), std::string::npos) << r.err;
}

TEST(Show, EscapesInTheInputAreNotEchoed) {
  auto r = run_binary({"show", "x + \x1B[31m"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err.find('\x1B'), std::string::npos) << r.err;
}

TEST(Show, ExitCodes) {
  EXPECT_EQ(run_in_process({"show", "x + 1"}).status, 0);
  EXPECT_EQ(run_in_process({"show", "x +"}).status, 2);
  EXPECT_EQ(run_in_process({"show", ""}).status, 2);
  EXPECT_EQ(run_in_process({"show", "x", "--format", "yaml"}).status, 2);
  EXPECT_EQ(run_binary({"show", "2^(2^40)"}).status, 2);
  EXPECT_EQ(run_binary({"show"}).status, 2);
}

TEST(Show, LimitRefusalIsQuickAndSaysWhy) {
  auto r = run_binary({"show", "9^9^9^9"}, "", {}, 5);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("the limit is 1000"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace tutor
