// The generated problems: from the engine, fit to type, never repeated, the same on every
// machine for a seed.
#include "course/skills.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "course/practice.hpp"
#include "math/print.hpp"

namespace tutor {
namespace {

TEST(Draw, IsFixedByTheStandardEngine) {
  // std::mt19937's first output for the default seed 5489 is 3499211612 everywhere.
  Rng rng(5489);
  EXPECT_EQ(draw(rng, 0, 9), 2);
  Rng again(5489);
  EXPECT_EQ(draw(again, 10, 10), 10);
  for (int i = 0; i < 1000; ++i) {
    const int v = draw(rng, -3, 3);
    EXPECT_GE(v, -3);
    EXPECT_LE(v, 3);
  }
}

TEST(Skills, TableIsConsistent) {
  std::set<std::string_view> before;
  for (const auto& s : skills()) {
    EXPECT_EQ(find_skill(s.id), &s);
    // Prerequisites come first, so the table's order is an order of teaching.
    for (auto pre : s.prerequisites) EXPECT_TRUE(before.contains(pre)) << s.id << " " << pre;
    before.insert(s.id);
  }
  EXPECT_EQ(find_skill("nothing"), nullptr);
  EXPECT_EQ(skills().size(), 14u);
  // A skill either differentiates or poses and solves, never both.
  for (const auto& s : skills()) {
    EXPECT_EQ(s.derivative(), s.fits != nullptr) << s.id;
    EXPECT_EQ(!s.derivative(), s.pose != nullptr && s.solve != nullptr) << s.id;
  }
}

TEST(Ugliness, TheEngineDecides) {
  std::string key;
  EXPECT_EQ(ugliness(*find_skill("power"), "5", "x", key), Ugly::degenerate);
  EXPECT_EQ(ugliness(*find_skill("partial"), "3*x", "y", key), Ugly::degenerate);
  // Nowhere real, or hardly: nothing to practise the rule on.
  EXPECT_EQ(ugliness(*find_skill("chain2"), "sqrt(-2*x^2-4)", "x", key), Ugly::degenerate);
  EXPECT_EQ(ugliness(*find_skill("chain-long"), "sqrt(log(x-2))", "x", key), Ugly::degenerate);
  // x²·x³ is x⁵ once GiNaC reads it: no product rule left to practise.
  EXPECT_EQ(ugliness(*find_skill("product"), "x^2*x^3", "x", key), Ugly::wrong_rule);
  EXPECT_EQ(ugliness(*find_skill("chain2"), "sin(x)", "x", key), Ugly::wrong_rule);
  EXPECT_EQ(ugliness(*find_skill("chain-long"), "sin(3*x+1)", "x", key), Ugly::wrong_rule);
  EXPECT_EQ(ugliness(*find_skill("power"), "40*x^3", "x", key), Ugly::huge_coefficient);
  EXPECT_EQ(ugliness(*find_skill("chain-long"), "exp(sin((5*x^2+3*x-7)^4))", "x", key),
            Ugly::long_answer);
  EXPECT_EQ(ugliness(*find_skill("chain2"), "sin(3*x+1)", "x", key), std::nullopt);
  EXPECT_EQ(key, "3*cos(3*x+1)");
}

// Every template, at every level and focus, over 1,000 seeds: a problem comes out, the
// engine's key grades as correct, and the whole run stays within a bound.
// What a learner types to give Q's key: the derivative, the number, the choice's letter.
std::string key_answer(const Question& q) {
  switch (q.kind) {
    case AnswerKind::derivative:
      return key_text(q, true);
    case AnswerKind::choice:
      return choice_letter(q.choice);
    default:
      return format_full(q.number);
  }
}

TEST(Skills, EveryTemplateOverAThousandSeeds) {
  for (const auto& s : skills()) {
    int rejected = 0;
    for (std::uint32_t seed = 0; seed < 1000; ++seed) {
      ProblemGenerator gen(seed);
      const int level = static_cast<int>(seed % kLevels) + 1;
      const auto focus = static_cast<Focus>((seed / kLevels) % 3);
      PracticeProblem p = gen.next(s, level, focus);
      ASSERT_FALSE(p.key.empty()) << s.id << " " << seed;
      if (s.derivative()) {
        std::string key;
        ASSERT_EQ(ugliness(s, p.function, p.wrt, key), std::nullopt) << p.function;
        ASSERT_EQ(key, p.key);
      } else {
        // Solved again from its setup alone, the problem gets the same key.
        PracticeProblem again = p;
        again.key.clear();
        again.value = 0;
        ASSERT_EQ(s.solve(again), std::nullopt) << problem_id(p);
        ASSERT_EQ(again.key, p.key) << problem_id(p);
        ASSERT_EQ(again.value, p.value) << problem_id(p);
      }
      // Grading costs a few hundred evaluations: every twentieth seed is graded in full (the
      // SymPy oracle checks the keys of many more).
      if (seed % 20 == 0 || !s.derivative()) {
        const Question q = question_of(p, Lang::en);
        ASSERT_EQ(question_problem(q), std::nullopt) << problem_id(p);
        ASSERT_EQ(grade(q, key_answer(q)).status, Status::correct)
            << s.id << ": " << problem_id(p) << " → " << p.key;
      }
      rejected += gen.rejected();
    }
    // Most proposals are fit: a template that is mostly thrown away is a broken template.
    EXPECT_LT(rejected, 1000) << s.id;
  }
}

TEST(Skills, NoProblemTwiceInARun) {
  for (const auto& s : skills()) {
    ProblemGenerator gen(7);
    std::set<std::string> seen;
    for (int i = 0; i < 60; ++i) {
      PracticeProblem p = gen.next(s, i % kLevels + 1, Focus::none);
      EXPECT_TRUE(seen.insert(problem_id(p)).second) << problem_id(p);
    }
    EXPECT_EQ(gen.given(), 60);
  }
}

TEST(Skills, SameSeedSameProblems) {
  ProblemGenerator a(1234), b(1234), c(1235);
  bool differs = false;
  for (const auto& s : skills()) {
    PracticeProblem pa = a.next(s, 2, Focus::none), pb = b.next(s, 2, Focus::none);
    EXPECT_EQ(problem_id(pa), problem_id(pb));
    EXPECT_EQ(pa.key, pb.key);
    differs = differs || problem_id(c.next(s, 2, Focus::none)) != problem_id(pa);
  }
  EXPECT_TRUE(differs);
}

// The problems of seed 2 at levels 1, 2 and 3, pinned: the suite runs under GCC and under
// Clang, so a draw whose order the compiler chooses (two in one call's arguments) fails here.
TEST(Skills, ASeedGivesTheSameProblemsWhateverTheCompiler) {
  const std::map<std::string, std::vector<std::string>> pinned = {
      {"power", {"x-x^2-1", "2*x^4-x-2*sqrt(x)", "5/x-4*x^5-sqrt(x)"}},
      {"exp-log", {"log(x)-exp(x)", "-x^2-3*exp(3*x)", "-4*x^2-7*exp(3*x)-6*log(x)"}},
      {"trig", {"3*cos(x)-sin(x)", "cos(2*x)-4*sin(2*x)", "-7*cos(2*x)-3*tan(x)"}},
      {"product", {"x^2*cos(x)", "-x^3*log(x)", "-3*x^4*exp(3*x)"}},
      {"quotient", {"(x-3)/(3*x+1)", "exp(x)/(2*(x-1))", "-(5*x^2+4)/(x^2+5)"}},
      {"chain2", {"(x+3)^4", "exp(3*x^2+1)", "exp(3*x^2-4*x-5)"}},
      {"chain-long", {"exp((x-1)^4)", "sin(sqrt(5*x^2-1))", "sin(log(3*x+3)^3)"}},
      {"activation", {"sigmoid(3*x+3)", "relu(5*x-3)", "3*sigmoid(5*x-3)"}},
      {"partial", {"x-x*y^3+2*y", "-x*y^2-x*exp(3*y)", "2*x^2*y-4*sin(2*x*y)"}},
      // The other skills by their whole setup (problem_id).
      {"graph-forward",
       {"node-value|a*(b+c)|y|a=-1,b=-4,c=0,|||0|||0",
        "node-value|(a+b)*(b+c)|y|a=2,b=2,c=-3,|||0|||0",
        "node-value|sigmoid(w*x+b)|y|b=-2,w=1,x=2,|||0|||0"}},
      {"graph-backward",
       {"node-gradient|(a-b)*c|c|a=2,b=4,c=-4,|||0|||0",
        "node-gradient|(a+b)*(b+1)|b|a=-3,b=-2,|||0|||0",
        "node-gradient|(w*x+b)^2|x|b=1,w=2,x=0,|||0|||0"}},
      {"descent-step",
       {"descent-step|3*x^2+2*x|x|x=-3,|0.25||0|||0", "descent-step|2*x^4+2*x^2|x|x=-2,|0.1||0|||0",
        "descent-step|4*x^2-2*x*y+3*y^2|y|x=1,y=-1,|0.25||0|||0"}},
      {"learning-rate",
       {"rate-verdict|x^2||x=2,|1||0|||0", "rate-verdict|4*(x+3)^2-4||x=2,|0.075||0|||0",
        "rate-verdict|2*x^2+5*y^2||x=-1,y=-5,|0.5||0|||0"}},
      {"vanishing",
       {"layer-bound|||||sigmoid|8|1||0", "factor-product||||||0||0.1,1.5,0.5,0.25,0.5,|0",
        "layers-below|||||tanh|0|0.5||9"}},
  };
  for (const auto& s : skills()) {
    ProblemGenerator gen(2);
    std::vector<std::string> got;
    for (int level = 1; level <= kLevels; ++level)
      got.push_back(s.derivative() ? gen.next(s, level, Focus::none).function
                                   : problem_id(gen.next(s, level, Focus::none)));
    EXPECT_EQ(got, pinned.at(std::string(s.id))) << s.id;
  }
}

TEST(Skills, FocusShowsInTheProblem) {
  ProblemGenerator gen(3);
  for (int i = 0; i < 50; ++i) {
    PracticeProblem p = gen.next(*find_skill("chain2"), 1, Focus::minus_sign);
    EXPECT_NE(p.function.find('-'), std::string::npos) << p.function;
    // The inner factor in focus: a polynomial inside with a coefficient of 2 or more, so the
    // inner derivative is never just 1 and never hidden.
    PracticeProblem q = gen.next(*find_skill("chain2"), 1, Focus::inner_factor);
    EXPECT_NE(q.function.find("x^2"), std::string::npos) << q.function;
  }
}

TEST(Skills, QuestionsAskInBothLanguages) {
  PracticeProblem p;
  p.skill = "partial";
  p.function = "x^2*y";
  p.wrt = "y";
  Question q = question_of(p, Lang::en);
  EXPECT_EQ(q.prompt, "What is ∂/∂y of x²·y?");
  EXPECT_EQ(q.kind, AnswerKind::derivative);
  EXPECT_EQ(grade(q, "x^2").status, Status::correct);
  EXPECT_EQ(grade(q, "2*x*y").status, Status::incorrect);
  EXPECT_EQ(q.hints.size(), 1u);
  EXPECT_NE(question_of(p, Lang::ko).prompt.find("편미분"), std::string::npos);
}

}  // namespace
}  // namespace tutor
