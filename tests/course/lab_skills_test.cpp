// The skills answered by the labs: each key against a value worked out by hand, the setups
// set aside and why, and the questions they become in both languages.
#include "course/lab_skills.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "course/practice.hpp"

namespace tutor {
namespace {

PracticeProblem graph_problem(ProblemKind kind, const std::string& expression,
                              std::vector<std::pair<std::string, std::string>> point,
                              const std::string& node, int level = 1) {
  PracticeProblem p;
  p.skill = kind == ProblemKind::node_value ? "graph-forward" : "graph-backward";
  p.kind = kind;
  p.function = expression;
  p.point = std::move(point);
  p.wrt = node;
  p.level = level;
  return p;
}

PracticeProblem descent_problem(ProblemKind kind, const std::string& f,
                                std::vector<std::pair<std::string, std::string>> start,
                                const std::string& rate, const std::string& asked = "x") {
  PracticeProblem p;
  p.skill = kind == ProblemKind::descent_step ? "descent-step" : "learning-rate";
  p.kind = kind;
  p.function = f;
  p.point = std::move(start);
  p.rate = rate;
  p.wrt = asked;
  return p;
}

TEST(GraphSkills, ValuesAndGradientsAsComputedByHand) {
  // y = a·b + c at (1, −3, −1): −3 − 1 = −4.
  auto p =
      graph_problem(ProblemKind::node_value, "a*b+c", {{"a", "1"}, {"b", "-3"}, {"c", "-1"}}, "");
  ASSERT_EQ(solve_graph(p), std::nullopt);
  EXPECT_EQ(p.value, -4);
  EXPECT_EQ(p.key, "-4");
  EXPECT_EQ(p.wrt, "y");
  // The first node on the way: d = a·b = −3.
  p = graph_problem(ProblemKind::node_value, "a*b+c", {{"a", "1"}, {"b", "-3"}, {"c", "-1"}},
                    "inner", 2);
  ASSERT_EQ(solve_graph(p), std::nullopt);
  EXPECT_EQ(p.value, -3);
  EXPECT_EQ(p.wrt, "d");
  // (a + b)(b + 1) at a = 2, b = −2: b takes two paths, (b + 1) + (a + b) = −1 + 0 = −1.
  p = graph_problem(ProblemKind::node_gradient, "(a+b)*(b+1)", {{"a", "2"}, {"b", "-2"}}, "b", 2);
  ASSERT_EQ(solve_graph(p), std::nullopt);
  EXPECT_EQ(p.value, -1);
  // σ(w·x + b) at w = 1, x = 1, b = 0: σ(1) = 0.731059 is typed rounded.
  p = graph_problem(ProblemKind::node_value, "sigmoid(w*x+b)", {{"b", "0"}, {"w", "1"}, {"x", "1"}},
                    "", 3);
  ASSERT_EQ(solve_graph(p), std::nullopt);
  EXPECT_NEAR(p.value, 1 / (1 + std::exp(-1.0)), 1e-12);
  EXPECT_EQ(p.key, "0.731059");
}

TEST(GraphSkills, SetupsSetAside) {
  // a has one path to the output: level 2 is about paths that add up.
  auto p =
      graph_problem(ProblemKind::node_gradient, "(a+b)*(b+1)", {{"a", "2"}, {"b", "1"}}, "a", 2);
  EXPECT_EQ(solve_graph(p), Ugly::wrong_rule);
  // An answer of 0.
  p = graph_problem(ProblemKind::node_value, "(a+b)*c", {{"a", "2"}, {"b", "-2"}, {"c", "3"}}, "");
  EXPECT_EQ(solve_graph(p), Ugly::degenerate);
  // 1/3 has no short decimal; 10·10·10 is too big.
  p = graph_problem(ProblemKind::node_value, "a/b", {{"a", "1"}, {"b", "3"}}, "");
  EXPECT_EQ(solve_graph(p), Ugly::long_answer);
  p = graph_problem(ProblemKind::node_value, "a*b*c", {{"a", "10"}, {"b", "10"}, {"c", "10"}}, "");
  EXPECT_EQ(solve_graph(p), Ugly::huge_coefficient);
  // Undefined at the point: the engine refuses it.
  p = graph_problem(ProblemKind::node_value, "a/b", {{"a", "1"}, {"b", "0"}}, "");
  EXPECT_EQ(solve_graph(p), Ugly::degenerate);
}

TEST(DescentSkills, OneStepAsComputedByHand) {
  // f′(x) = 8x − 3, f′(2) = 13: x₁ = 2 − 0.05·13 = 1.35.
  auto p = descent_problem(ProblemKind::descent_step, "4*x^2-3*x", {{"x", "2"}}, "0.05");
  ASSERT_EQ(solve_descent_step(p), std::nullopt);
  EXPECT_EQ(p.key, "1.35");
  // ∂f/∂y = 2x + 2y = 4 at (1, 1): y₁ = 1 − 0.2·4 = 0.2.
  p = descent_problem(ProblemKind::descent_step, "2*x^2+2*x*y+y^2", {{"x", "1"}, {"y", "1"}}, "0.2",
                      "y");
  ASSERT_EQ(solve_descent_step(p), std::nullopt);
  EXPECT_EQ(p.key, "0.2");
  // Already at the minimum: the step does not move.
  p = descent_problem(ProblemKind::descent_step, "x^2-4*x", {{"x", "2"}}, "0.1");
  EXPECT_EQ(solve_descent_step(p), Ugly::degenerate);
}

TEST(DescentSkills, VerdictsFollowTheFactorOneMinusRateTimesCurvature) {
  // f = 4x², f″ = 8: the factor 1 − 8η.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"0.1", "steady"},        // 0.2
      {"0.2", "zigzag"},        // −0.6
      {"0.25", "oscillating"},  // −1
      {"0.3", "diverged"},      // −1.4
  };
  for (const auto& [rate, verdict] : cases) {
    auto p = descent_problem(ProblemKind::rate_verdict, "4*x^2", {{"x", "3"}}, rate);
    ASSERT_EQ(solve_learning_rate(p), std::nullopt) << rate;
    EXPECT_EQ(p.key, verdict) << rate;
  }
  // Two variables: 0.6 along x, −0.6 along y zig-zags.
  auto p = descent_problem(ProblemKind::rate_verdict, "x^2+4*y^2", {{"x", "1"}, {"y", "1"}}, "0.2");
  ASSERT_EQ(solve_learning_rate(p), std::nullopt);
  EXPECT_EQ(p.key, "zigzag");
  // η = 1/f″ lands on the minimum at once: neither way of converging.
  p = descent_problem(ProblemKind::rate_verdict, "4*x^2", {{"x", "3"}}, "0.125");
  EXPECT_EQ(solve_learning_rate(p), Ugly::degenerate);
  // Not a quadratic: no factor to reason with.
  p = descent_problem(ProblemKind::rate_verdict, "x^4", {{"x", "1"}}, "0.1");
  EXPECT_EQ(solve_learning_rate(p), Ugly::wrong_rule);
}

TEST(VanishingSkill, FactorsAsComputedByHand) {
  PracticeProblem p;
  p.skill = "vanishing";
  p.kind = ProblemKind::layer_bound;
  p.activation = "sigmoid";
  p.weight = "1";
  p.layers = 5;
  ASSERT_EQ(solve_vanishing(p), std::nullopt);
  EXPECT_EQ(p.value, 0.0009765625);  // 0.25⁵
  // 0.25⁴ = 0.0039 and 0.25⁵ = 0.00098: five layers to fall below 10⁻³.
  p.kind = ProblemKind::layers_below;
  p.below = 3;
  ASSERT_EQ(solve_vanishing(p), std::nullopt);
  EXPECT_EQ(p.value, 5);
  // relu with |W| ≤ 0.8: 0.8ⁿ < 10⁻⁷ from n = 73 (7 / log₁₀ 1.25 = 72.2).
  p.activation = "relu";
  p.weight = "0.8";
  p.below = 7;
  ASSERT_EQ(solve_vanishing(p), std::nullopt);
  EXPECT_EQ(p.value, 73);
  p.kind = ProblemKind::factor_product;
  p.factors = {"0.5", "0.25", "0.8"};
  ASSERT_EQ(solve_vanishing(p), std::nullopt);
  EXPECT_NEAR(p.value, 0.1, 1e-15);
  // Factors whose product is 1 or more make nothing vanish.
  p.factors = {"2", "0.5", "1.5"};
  EXPECT_EQ(solve_vanishing(p), Ugly::degenerate);
}

TEST(LabQuestions, AskInBothLanguagesAndGrade) {
  auto p =
      graph_problem(ProblemKind::node_gradient, "(a+b)*(b+1)", {{"a", "2"}, {"b", "-2"}}, "b", 2);
  ASSERT_EQ(solve_graph(p), std::nullopt);
  Question q = question_of(p, Lang::en);
  EXPECT_EQ(q.prompt,
            "In the graph c = a + b, d = b + 1, y = c·d, at a = 2, b = -2: what is dy/db?");
  EXPECT_EQ(q.kind, AnswerKind::number);
  EXPECT_EQ(grade(q, "-1").status, Status::correct);
  EXPECT_EQ(grade(q, "1").mistake, Mistake::sign_error);
  // The skill's rule, then the lab's method and numbers for this node.
  ASSERT_EQ(q.hints.size(), 3u);
  EXPECT_NE(q.hints[1].find("dy/dc"), std::string::npos) << q.hints[1];
  EXPECT_NE(question_of(p, Lang::ko).prompt.find("계산 그래프"), std::string::npos);

  p = descent_problem(ProblemKind::rate_verdict, "4*x^2", {{"x", "3"}}, "0.3");
  ASSERT_EQ(solve_learning_rate(p), std::nullopt);
  q = question_of(p, Lang::en);
  EXPECT_EQ(q.prompt, "Gradient descent on f(x) = 4x², from x₀ = 3 with η = 0.3: what does it do?");
  ASSERT_EQ(q.kind, AnswerKind::choice);
  ASSERT_EQ(q.choices.size(), kRateVerdicts);
  EXPECT_EQ(grade(q, "d").status, Status::correct);
  EXPECT_EQ(grade(q, "diverges").status, Status::correct);
  EXPECT_EQ(grade(q, "발산").status, Status::correct);  // `tutor descent`'s Korean verdict
  EXPECT_EQ(grade(q, "oscillating").status, Status::incorrect);
  EXPECT_EQ(q.hints.size(), 2u);  // the rule, and f″ = 8
  EXPECT_NE(q.hints[1].find("8"), std::string::npos) << q.hints[1];
  EXPECT_EQ(key_text(q, false), "d) diverges");

  p = descent_problem(ProblemKind::descent_step, "2*x^2+2*x*y+y^2", {{"x", "1"}, {"y", "1"}}, "0.2",
                      "y");
  ASSERT_EQ(solve_descent_step(p), std::nullopt);
  q = question_of(p, Lang::en);
  EXPECT_EQ(q.prompt,
            "Gradient descent on f(x, y) = 2x² + 2x·y + y², from (x₀, y₀) = (1, 1) with η = 0.2: "
            "what is y₁ = y₀ − η·∂f/∂y?");
  EXPECT_EQ(grade(q, "0.2").status, Status::correct);
  EXPECT_EQ(grade(q, "1/5").status, Status::correct);

  PracticeProblem v;
  v.skill = "vanishing";
  v.kind = ProblemKind::layer_bound;
  v.activation = "sigmoid";
  v.weight = "1";
  v.layers = 5;
  ASSERT_EQ(solve_vanishing(v), std::nullopt);
  q = question_of(v, Lang::en);
  EXPECT_EQ(q.prompt,
            "A gradient flows back through 5 sigmoid layers whose weights have |W| ≤ 1. What is "
            "the largest factor the layers can multiply it by?");
  EXPECT_EQ(grade(q, "0.25^5").status, Status::correct);    // typed as the power
  EXPECT_EQ(grade(q, "0.000977").status, Status::correct);  // or rounded
  EXPECT_EQ(grade(q, "0.25").status, Status::incorrect);
  v.kind = ProblemKind::layers_below;
  v.below = 3;
  ASSERT_EQ(solve_vanishing(v), std::nullopt);
  EXPECT_EQ(question_of(v, Lang::en).prompt,
            "With sigmoid layers whose weights have |W| ≤ 1: from how many layers on is the "
            "largest possible gradient factor below 10⁻³?");
  EXPECT_NE(question_of(v, Lang::ko).prompt.find("시그모이드"), std::string::npos);
}

TEST(LabQuestions, ProblemIdsTellSetupsApart) {
  auto a =
      graph_problem(ProblemKind::node_value, "a*b+c", {{"a", "1"}, {"b", "2"}, {"c", "3"}}, "");
  auto b = a;
  b.point[2].second = "4";
  EXPECT_NE(problem_id(a), problem_id(b));
  b = a;
  b.kind = ProblemKind::node_gradient;
  EXPECT_NE(problem_id(a), problem_id(b));
}

}  // namespace
}  // namespace tutor
