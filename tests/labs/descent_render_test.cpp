// The views of gradient descent: the side-by-side table, CSV and JSON, checked against runs
// worked by hand (f = x² from 5: each step multiplies θ by 1 − 2η).
#include "labs/descent_render.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "base/text.hpp"
#include "support/descent.hpp"

namespace tutor {
namespace {

using testing::run_descent;

TEST(DescentRender, OneRunTableAndReason) {
  // η = 0.5: θ_1 = 5 − 0.5·10 = 0, where the gradient is 0.
  Descent d = run_descent("x^2", {{"x", 5}}, {0.5}, 100);
  EXPECT_EQ(descent_table(d, {}),
            "  η = 0.5\n"
            "  k  x  f\n"
            "  0  5  25\n"
            "  1  0  0\n"
            "  → converged, at step 1\n"
            "\n"
            "  η = 0.5  converged at step 1: |∇f| = 0 fell below tol 1e-08\n");
}

TEST(DescentRender, RunsSideBySideAndAWideVerdictWidensItsBlock) {
  // η = 2: θ = 5, −15, 45, −135 and f = θ². The Korean verdict under the first run is 13
  // columns wide, wider than its table (8), so the second run starts 18 columns in.
  Descent d = run_descent("x^2", {{"x", 5}}, {0.5, 2}, 3);
  std::string t = descent_table(d, {.lang = Lang::ko});
  EXPECT_EQ(t.substr(0, t.find("\n\n") + 1),
            "  η = 0.5           η = 2\n"
            "  k  x  f           k  x     f\n"
            "  0  5  25          0  5     25\n"
            "  1  0  0           1  -15   225\n"
            "                    2  45    2025\n"
            "                    3  -135  18225\n"
            "  → 수렴, 1단계     → 발산, 3단계\n");
}

TEST(DescentRender, AsciiTable) {
  Descent d = run_descent("theta^2", {{"theta", 5}}, {0.5}, 100);
  std::string t = descent_table(d, {.ascii = true});
  EXPECT_EQ(t.substr(0, t.find('\n', t.find('\n') + 1) + 1),
            "  lr = 0.5\n"
            "  k  theta  f\n");
  EXPECT_NE(t.find("=> converged, at step 1"), std::string::npos) << t;
}

TEST(DescentRender, Csv) {
  Descent d = run_descent("x^2", {{"x", 5}}, {0.1}, 1);
  EXPECT_EQ(descent_csv(d), "lr,k,theta,value,gradient\n0.1,0,5,25,10\n0.1,1,4,16,8\n");
}

TEST(DescentRender, CsvNamesEachVariable) {
  Descent d = run_descent("x^2+y^2", {{"x", 1}, {"y", 2}}, {0.5}, 1);
  EXPECT_EQ(descent_csv(d),
            "lr,k,theta_x,theta_y,value,gradient_x,gradient_y\n"
            "0.5,0,1,2,5,2,4\n"
            "0.5,1,0,0,0,0,0\n");
}

TEST(DescentRender, JsonHasTheFieldsOfTheDesign) {
  Descent d = run_descent("x^2", {{"x", 5}}, {0.5}, 100);
  auto j = descent_json(d, "x^2", Lang::en);
  EXPECT_EQ(j["expression"], "x^2");
  ASSERT_EQ(j["runs"].size(), 1u);
  EXPECT_EQ(j["runs"][0]["lr"], 0.5);
  EXPECT_EQ(j["runs"][0]["verdict"], "converged");
  EXPECT_EQ(j["runs"][0]["steps"][1]["theta"], 0.0);
  EXPECT_EQ(j["runs"][0]["steps"][0]["gradient"], 10.0);
  EXPECT_EQ(j["runs"][0]["reason"]["text"], "converged at step 1: |∇f| = 0 fell below tol 1e-08");
  EXPECT_EQ(j["quadratic"]["critical_rate"], 1.0);  // 2 / f″ = 2 / 2
}

TEST(DescentRender, WhyOnlyForAQuadratic) {
  EXPECT_EQ(descent_why(run_descent("x^4", {{"x", 1}}, {0.1}, 5), {}), "");
  EXPECT_NE(descent_why(run_descent("x^2", {{"x", 1}}, {0.1}, 5), {}).find("f″ = 2"),
            std::string::npos);
}

// The widest line of TEXT, in display columns.
std::size_t widest_line(const std::string& text) {
  std::size_t w = 0;
  for (const auto& l : split_lines(text)) w = std::max(w, display_width(l));
  return w;
}

TEST(DescentRender, TooWideRunsStackAndEveryLineFits) {
  // The lesson's three rates: the blocks of 0.001 and 0.1 take 54 columns side by side, with
  // 10 beside them 89; so 80 columns hold two side by side and 50 columns one.
  Descent d = run_descent("x^2", {{"x", 5}}, {0.001, 0.1, 10}, 100);
  for (Lang lang : {Lang::en, Lang::ko}) {
    for (std::size_t width : {80u, 60u, 40u}) {
      const std::string text = descent_text(d, {.lang = lang, .width = width});
      EXPECT_LE(widest_line(text), width) << width << "\n" << text;
    }
  }
  const std::string at80 = descent_table(d, {.width = 80});
  EXPECT_NE(at80.find("  η = 0.001 "), std::string::npos) << at80;
  EXPECT_NE(at80.find(" η = 0.1\n"), std::string::npos) << at80;
  EXPECT_NE(at80.find("\n  η = 10\n"), std::string::npos) << at80;
  const std::string at50 = descent_table(d, {.width = 50});
  EXPECT_NE(at50.find("  η = 0.001\n"), std::string::npos) << at50;
  EXPECT_NE(at50.find("\n  η = 0.1\n"), std::string::npos) << at50;
  EXPECT_NE(at50.find("\n  η = 10\n"), std::string::npos) << at50;
  // Stacked, the rows of η = 10 (diverged at step 5) are its own: k runs 0 to 5 under it,
  // with no ⋮ and no empty row.
  const std::string last = at50.substr(at50.find("\n  η = 10\n"));
  EXPECT_EQ(last.substr(0, last.find("\n\n") + 1),
            "\n  η = 10\n"
            "  k  x             f\n"
            "  0  5             25\n"
            "  1  -95           9025\n"
            "  2  1805          3.25802e+06\n"
            "  3  -34295        1.17615e+09\n"
            "  4  651605        4.24589e+11\n"
            "  5  -1.23805e+07  1.53277e+14\n"
            "  → diverged, at step 5\n");
}

}  // namespace
}  // namespace tutor
