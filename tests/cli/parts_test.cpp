// `tutor parts`: a composite taken apart, outer function first, against decompositions
// written by hand.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/run.hpp"

namespace tutor {
namespace {

using testing::run_in_process;
using testing::run_ok;

TEST(Parts, OneLinkALine) {
  EXPECT_EQ(run_ok({"parts", "sin((3x+1)^2)"}),
            "sin((3x + 1)²) is a composite of 3 functions, outer first:\n"
            "  f(u) = sin(u),   u = g(v) = (3x + 1)²\n"
            "  g(v) = v²,   v = h(x) = 3x + 1\n"
            "The chain rule multiplies the derivative of each: tutor diff \"sin((3x+1)^2)\"\n");
}

TEST(Parts, LessonOnesExample) {
  auto r = run_in_process({"parts", "sin(x^2)"});
  EXPECT_NE(r.out.find("  f(u) = sin(u),   u = g(x) = x²\n"), std::string::npos) << r.out;
  r = run_in_process({"--lang", "ko", "parts", "sigmoid(2x+1)"});
  EXPECT_NE(r.out.find("함수 2개의 합성입니다"), std::string::npos) << r.out;
}

TEST(Parts, NotACompositeSaysWhatItIs) {
  auto r = run_in_process({"parts", "x^2 + 1"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "x² + 1 is not a composite at the top: its outermost rule is the sum rule.\n");
}

TEST(Parts, Json) {
  auto r = run_in_process({"parts", "--format", "json", "e^(sin(x))"});
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["composite"], true);
  ASSERT_EQ(j["links"].size(), 1u);
  EXPECT_EQ(j["links"][0]["outer"], "exp(u)");
  EXPECT_EQ(j["links"][0]["inner"], "sin(x)");
}

}  // namespace
}  // namespace tutor
