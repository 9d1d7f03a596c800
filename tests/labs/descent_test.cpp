// Gradient descent: trajectories against hand formulas, verdicts, and the command's formats.
#include "labs/descent.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "base/errors.hpp"
#include "support/descent.hpp"
#include "support/run.hpp"

namespace tutor {
namespace {

using testing::run_in_process;
using testing::run_json;

using testing::run_descent;

// For f = x², θ_k = θ_0·(1 − 2η)^k: each step multiplies θ by 1 − η·f″.
double hand_theta(double eta, int k) {
  return 5 * std::pow(1 - 2 * eta, k);
}

void expect_hand_trajectory(const DescentRun& r) {
  for (const auto& s : r.steps) {
    double want = hand_theta(r.lr, s.k);
    EXPECT_NEAR(s.theta[0], want, 1e-12 * std::max(1.0, std::abs(want)))
        << "η=" << r.lr << " k=" << s.k;
    EXPECT_NEAR(s.value, want * want, 1e-12 * std::max(1.0, want * want));
    EXPECT_NEAR(s.gradient[0], 2 * want, 1e-12 * std::max(1.0, std::abs(want)));
  }
}

TEST(Descent, ExerciseThreeFollowsTheHandFormula) {
  Descent d = run_descent("x^2", {{"x", 5}}, {0.001, 0.1, 10});
  ASSERT_EQ(d.runs.size(), 3u);
  for (const auto& r : d.runs) expect_hand_trajectory(r);

  EXPECT_EQ(d.runs[0].verdict, RunVerdict::slow);
  EXPECT_EQ(d.runs[0].steps.size(), 101u);

  // Converged: the first k where the step |θ_k − θ_{k−1}| or |∇f(θ_k)| = |2θ_k| is below 1e-8.
  int want_converged = 0;
  for (int k = 1; k <= 100 && want_converged == 0; ++k) {
    double step = std::abs(hand_theta(0.1, k) - hand_theta(0.1, k - 1));
    if (step < 1e-8 || std::abs(2 * hand_theta(0.1, k)) < 1e-8) want_converged = k;
  }
  EXPECT_EQ(d.runs[1].verdict, RunVerdict::converged);
  EXPECT_EQ(d.runs[1].reason.step, want_converged);
  EXPECT_EQ(want_converged, 84);

  // Diverged: the first k where |θ| or f passes 10^12 times its start (5 and 25).
  int want_diverged = 0;
  for (int k = 1; want_diverged == 0; ++k) {
    double t = hand_theta(10, k);
    if (std::abs(t) > 1e12 * 5 || t * t > 1e12 * 25) want_diverged = k;
  }
  EXPECT_EQ(d.runs[2].verdict, RunVerdict::diverged);
  EXPECT_EQ(d.runs[2].reason.divergence, Divergence::grew);
  EXPECT_EQ(d.runs[2].reason.step, want_diverged);
  EXPECT_EQ(d.runs[2].steps.back().k, want_diverged);
}

TEST(Descent, SlowRunSaysHowFarToGo) {
  Descent d = run_descent("x^2", {{"x", 5}}, {0.001});
  const Reason& r = d.runs[0].reason;
  EXPECT_NEAR(r.gradient_norm, 10 * std::pow(0.998, 100), 1e-9);
  // The minimum is at 0, so the distance left is θ_100 itself.
  ASSERT_TRUE(r.distance.has_value());
  EXPECT_NEAR(*r.distance, hand_theta(0.001, 100), 1e-9);
  // Steps until the step η·|∇f| = 0.001·10·0.998^k drops below 1e-8, counted from k = 100.
  ASSERT_TRUE(r.more_steps.has_value());
  long long want = static_cast<long long>(std::ceil(std::log(1e-5 / 10) / std::log(0.998))) - 100;
  EXPECT_NEAR(static_cast<double>(*r.more_steps), static_cast<double>(want), 1);
}

TEST(Descent, RateOneOnXSquaredOscillates) {
  Descent d = run_descent("x^2", {{"x", 5}}, {1});
  for (const auto& s : d.runs[0].steps) EXPECT_EQ(s.theta[0], s.k % 2 == 0 ? 5 : -5);
  EXPECT_EQ(d.runs[0].verdict, RunVerdict::oscillating);
}

TEST(Descent, QuadraticFactorAndCriticalRate) {
  Descent d = run_descent("x^2", {{"x", 5}}, {0.001, 0.1, 10});
  ASSERT_TRUE(d.quadratic.has_value());
  EXPECT_EQ(d.quadratic->curvature, std::vector<double>{2});
  ASSERT_TRUE(d.quadratic->critical_rate.has_value());
  EXPECT_DOUBLE_EQ(*d.quadratic->critical_rate, 1.0);
  EXPECT_DOUBLE_EQ(d.quadratic->factor(0.1, 0), 0.8);
  EXPECT_DOUBLE_EQ(d.quadratic->factor(10, 0), -19);
  EXPECT_FALSE(run_descent("x^4", {{"x", 1}}, {0.01}).quadratic.has_value());
  EXPECT_FALSE(run_descent("x^2 - y^2", {{"x", 1}, {"y", 1}}, {0.01}).quadratic->critical_rate);
}

TEST(Descent, TwoVariables) {
  Descent d = run_descent("x^2 + 10y^2", {{"x", 1}, {"y", 1}}, {0.05});
  ASSERT_EQ(d.variables, (std::vector<std::string>{"x", "y"}));
  const auto& s = d.runs[0].steps;
  EXPECT_DOUBLE_EQ(s[0].gradient[0], 2);
  EXPECT_DOUBLE_EQ(s[0].gradient[1], 20);
  EXPECT_NEAR(s[1].theta[0], 0.9, 1e-15);
  EXPECT_NEAR(s[1].theta[1], 0.0, 1e-15);
  EXPECT_EQ(d.quadratic->curvature, (std::vector<double>{2, 20}));
  EXPECT_DOUBLE_EQ(*d.quadratic->critical_rate, 0.1);
  // y lands on 0 in one step (factor 1 − 0.05·20 = 0); x shrinks by 0.9 per step, too slowly
  // for 100 steps: the step 0.1·0.9^(k−1) first drops below 1e-8 at k = 154.
  EXPECT_EQ(d.runs[0].verdict, RunVerdict::slow);
  int want = 0;
  for (int k = 1; want == 0; ++k) {
    if (0.1 * std::pow(0.9, k - 1) < 1e-8 || 2 * std::pow(0.9, k) < 1e-8) want = k;
  }
  Descent longer = run_descent("x^2 + 10y^2", {{"x", 1}, {"y", 1}}, {0.05}, 300);
  EXPECT_EQ(longer.runs[0].verdict, RunVerdict::converged);
  EXPECT_EQ(longer.runs[0].reason.step, want);
}

TEST(Descent, GradientIsGinacsOwnDerivative) {
  SymbolTable syms;
  Parsed p = parse("sin(x) y + exp(x y)", syms);
  Descent d = descend(p, {{"x", 0.3}, {"y", 0.2}}, DescentOptions{{0.1}, 3, 1e-8}, syms);
  // References, not copies: the table holds realsymbols, and a copied symbol is another kind.
  const GiNaC::ex xe = syms.get("x"), ye = syms.get("y");
  const auto& x = GiNaC::ex_to<GiNaC::symbol>(xe);
  const auto& y = GiNaC::ex_to<GiNaC::symbol>(ye);
  GiNaC::ex f = GiNaC::sin(x) * y + GiNaC::exp(x * y);
  EXPECT_TRUE((d.gradient[0] - f.diff(x)).expand().is_zero());
  EXPECT_TRUE((d.gradient[1] - f.diff(y)).expand().is_zero());
  // Step 0's gradient, evaluated by hand.
  EXPECT_NEAR(d.runs[0].steps[0].gradient[0], std::cos(0.3) * 0.2 + 0.2 * std::exp(0.06), 1e-12);
  EXPECT_NEAR(d.runs[0].steps[0].gradient[1], std::sin(0.3) + 0.3 * std::exp(0.06), 1e-12);
}

TEST(Descent, LeavingTheDomainStopsTheRunAsDiverged) {
  // log x from 1 with η = 0.5: θ_1 = 1 − 0.5·1 = 0.5, θ_2 = 0.5 − 0.5·2 = −0.5, outside.
  Descent d = run_descent("log(x)", {{"x", 1}}, {0.5});
  const DescentRun& r = d.runs[0];
  EXPECT_EQ(r.verdict, RunVerdict::diverged);
  EXPECT_EQ(r.reason.divergence, Divergence::left_domain);
  EXPECT_EQ(r.reason.step, 2);
  EXPECT_EQ(r.reason.failed, "f");
  EXPECT_DOUBLE_EQ(r.reason.theta[0], -0.5);
  EXPECT_EQ(r.steps.size(), 2u);
  // sqrt(x) from 1 with η = 2: θ_1 = 1 − 2·(1/2) = 0, where f = 0 is fine but f′ = 1/(2√x) is a
  // pole.
  Descent s = run_descent("sqrt(x)", {{"x", 1}}, {2});
  EXPECT_EQ(s.runs[0].verdict, RunVerdict::diverged);
  EXPECT_EQ(s.runs[0].reason.divergence, Divergence::left_domain);
  EXPECT_EQ(s.runs[0].reason.failed, "x");
  EXPECT_EQ(s.runs[0].reason.step, 1);
}

TEST(Descent, BadOptionsThrow) {
  EXPECT_THROW(run_descent("x^2", {{"x", 5}}, {0}), Error);
  EXPECT_THROW(run_descent("x^2", {{"x", 5}}, {-0.1}), Error);
  EXPECT_THROW(run_descent("x^2", {{"x", 5}}, {0.1}, kMaxDescentSteps + 1), Error);
  EXPECT_THROW(run_descent("x^2", {{"x", 5}}, {0.1}, 0), Error);
  EXPECT_THROW(run_descent("x + y", {{"x", 5}}, {0.1}), Error);
  EXPECT_THROW(run_descent("3", {}, {0.1}), Error);
  EXPECT_THROW(run_descent("log(x)", {{"x", -1}}, {0.1}), Error);
}

TEST(Descent, ParseStart) {
  EXPECT_EQ(parse_start("5", {"x"}), (std::map<std::string, double>{{"x", 5}}));
  EXPECT_EQ(parse_start("x=1, y=-2.5", {"x", "y"}),
            (std::map<std::string, double>{{"x", 1}, {"y", -2.5}}));
  EXPECT_THROW(parse_start("5", {"x", "y"}), Error);
  EXPECT_THROW(parse_start("x=1", {"x", "y"}), Error);
  EXPECT_THROW(parse_start("x=1,z=2", {"x"}), Error);
  EXPECT_THROW(parse_start("x=abc", {"x"}), Error);
  EXPECT_THROW(parse_start("x=inf", {"x"}), Error);
  // The same reader as graph --at: Greek names, and values such as pi/4.
  EXPECT_EQ(parse_start("θ=1/4", {"theta"}), (std::map<std::string, double>{{"theta", 0.25}}));
  EXPECT_DOUBLE_EQ(parse_start("pi/4", {"x"}).at("x"), std::atan(1.0));
  EXPECT_THROW(parse_start("x=1,x=2", {"x"}), Error);
}

TEST(DescentCommand, FromTakesGreekNamesAsGraphAtDoes) {
  auto r = run_in_process(
      {"descent", "θ^2", "--from", "θ=1", "--lr", "0.25", "--steps", "1", "--format", "csv"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("0.5"), std::string::npos) << r.out;  // θ = 1 - 0.25·2 = 0.5
}

// ---- the command ----

TEST(DescentCommand, TextShowsTheThreeVerdictsAndTheCriticalRate) {
  auto r = run_in_process(
      {"descent", "x^2", "--from", "5", "--lr", "0.001", "--lr", "0.1", "--lr", "10"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto slow = r.out.find("→ slow");
  auto conv = r.out.find("→ converged, at step 84");
  auto div = r.out.find("→ diverged, at step 5");
  ASSERT_NE(slow, std::string::npos) << r.out;
  ASSERT_NE(conv, std::string::npos) << r.out;
  ASSERT_NE(div, std::string::npos) << r.out;
  // At 80 columns the first two runs are side by side, and the third below them.
  EXPECT_EQ(r.out.find('\n', slow), r.out.find('\n', conv));
  EXPECT_LT(r.out.find('\n', slow), div);
  EXPECT_NE(r.out.find("2/f″ = 1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("factor -19"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(log scale)"), std::string::npos) << r.out;
}

TEST(DescentCommand, JsonFollowsTheContract) {
  auto r = run_in_process(
      {"descent", "x^2", "--from", "5", "--lr", "0.1", "--lr", "10", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["expression"], "x^2");
  ASSERT_EQ(j["runs"].size(), 2u);
  EXPECT_EQ(j["runs"][0]["lr"], 0.1);
  EXPECT_EQ(j["runs"][0]["verdict"], "converged");
  EXPECT_EQ(j["runs"][1]["verdict"], "diverged");
  const auto& s1 = j["runs"][0]["steps"][1];
  EXPECT_EQ(s1["k"], 1);
  EXPECT_DOUBLE_EQ(s1["theta"].get<double>(), 4);
  EXPECT_DOUBLE_EQ(s1["value"].get<double>(), 16);
  EXPECT_DOUBLE_EQ(s1["gradient"].get<double>(), 8);
}

TEST(DescentCommand, JsonThetaIsAnObjectForSeveralVariables) {
  auto j = run_json({"descent", "x^2 + 10y^2", "--from", "x=1,y=1", "--lr", "0.05", "--steps", "3",
                     "--format", "json"});
  const auto& s1 = j["runs"][0]["steps"][1];
  EXPECT_NEAR(s1["theta"]["x"].get<double>(), 0.9, 1e-15);
  EXPECT_NEAR(s1["theta"]["y"].get<double>(), 0.0, 1e-15);
  EXPECT_NEAR(j["runs"][0]["steps"][0]["gradient"]["y"].get<double>(), 20, 1e-15);
}

TEST(DescentCommand, CsvHasAHeaderAndOneRowPerRateAndStep) {
  auto r = run_in_process({"descent", "x^2", "--from", "5", "--lr", "0.001", "--lr", "0.0001",
                           "--steps", "10", "--format", "csv"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("lr,k,theta,value,gradient\n")) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1 + 2 * 11);
  EXPECT_NE(r.out.find("\n0.001,1,4.99,"), std::string::npos) << r.out;
  auto two = run_in_process(
      {"descent", "x y", "--from", "x=1,y=2", "--lr", "0.1", "--steps", "1", "--format", "csv"});
  EXPECT_TRUE(two.out.starts_with("lr,k,theta_x,theta_y,value,gradient_x,gradient_y\n")) << two.out;
}

TEST(DescentCommand, PlotAloneAndAscii) {
  auto r = run_in_process({"--ascii", "descent", "x^2", "--from", "5", "--lr", "0.1", "--plot"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("f(")) << r.out;
  EXPECT_NE(r.out.find("* lr = 0.1 converged"), std::string::npos) << r.out;
}

TEST(DescentCommand, LeavingTheDomainIsAVerdictNotAnError) {
  auto r = run_in_process({"descent", "log(x)", "--from", "1", "--lr", "0.5"});
  EXPECT_EQ(r.status, 0) << r.err;
  // The reason wraps under its column; read as one line it says what happened.
  std::string joined = r.out;
  for (std::size_t at; (at = joined.find("\n  ")) != std::string::npos;) {
    const std::size_t end = joined.find_first_not_of(' ', at + 1);
    joined.replace(at, end - at, " ");
  }
  EXPECT_NE(joined.find("diverged at step 2: θ jumped to x = -0.5, outside the function's domain"),
            std::string::npos)
      << r.out;
}

struct BadCase {
  std::vector<std::string> args;
  std::string message;
};

TEST(DescentCommand, BadInputExitsTwoWithAMessage) {
  const BadCase cases[] = {
      {{"descent", "x^2", "--from", "5", "--lr", "0"}, "must be a positive number, not 0"},
      {{"descent", "x^2", "--from", "5", "--lr", "-1"}, "must be a positive number, not -1"},
      {{"descent", "x^2", "--from", "5", "--lr", "fast"}, "--lr: 'fast' is not a number"},
      {{"descent", "x^2", "--from", "5"}, "at least one learning rate"},
      {{"descent", "x^2", "--lr", "0.1"}, "--from is required"},
      {{"descent", "x + y", "--from", "x=1", "--lr", "0.1"}, "no start for y"},
      {{"descent", "x^2", "--from", "z=1", "--lr", "0.1"}, "'z', which is not a variable"},
      {{"descent", "x^2", "--from", "5", "--lr", "0.1", "--steps", "10001"}, "from 1 to 10000"},
      {{"descent", "x^2", "--from", "5", "--lr", "0.1", "--steps", "ten"}, "from 1 to 10000"},
      {{"descent", "x^2", "--from", "5", "--lr", "0.1", "--tol", "0"}, "--tol must be a positive"},
  };
  for (const auto& c : cases) {
    auto r = run_in_process(c.args);
    EXPECT_EQ(r.status, 2) << c.args.back();
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
  }
}

TEST(DescentCommand, KoreanMessages) {
  auto bad = run_in_process({"--lang", "ko", "descent", "x^2", "--from", "5", "--lr", "0"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("학습률 η는 양수여야 합니다"), std::string::npos) << bad.err;
  auto good = run_in_process(
      {"--lang", "ko", "descent", "x^2", "--from", "5", "--lr", "0.001", "--lr", "10"});
  ASSERT_EQ(good.status, 0) << good.err;
  EXPECT_NE(good.out.find("→ 느림"), std::string::npos) << good.out;
  EXPECT_NE(good.out.find("→ 발산, 5단계"), std::string::npos) << good.out;
}

}  // namespace
}  // namespace tutor
