// `tutor show`: the command as a learner runs it.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/run.hpp"

namespace tutor {
namespace {

using testing::run_binary;
using testing::run_in_process;

TEST(Show, JsonHasTheContractFields) {
  auto r = run_in_process({"show", "2x cos(x^2)", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["input"], "2x cos(x^2)");
  EXPECT_EQ(j["expression"], "2*x*cos(x^2)");
  EXPECT_EQ(j["text"], "2x·cos(x²)");
  EXPECT_EQ(j["latex"], "2 x \\cos\\left(x^{2}\\right)");
  EXPECT_EQ(j["variables"], nlohmann::json::array({"x"}));
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

}  // namespace
}  // namespace tutor
