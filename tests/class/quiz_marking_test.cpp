// Quiz questions posed: answer keys computed by hand, marking for every kind, and the
// generated prompts.
#include "class/quiz_marking.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "math/syntax.hpp"
#include "support/quiz.hpp"

namespace tutor {
namespace {

using testing::ask;
using testing::kQuizHeader;
using testing::load_test_quiz;

// ---- Answer keys, against hand computation ----

// order = N asks for the Nth derivative, or its value; keys worked out by hand.
TEST(QuizOrder, DerivativeAndValueQuestionsTakeAnOrder) {
  auto d = ask("id = \"d\"\nkind = \"derivative\"\nexpression = \"x^4\"\norder = 2\n");
  EXPECT_EQ(d->answer("12x^2").status, Status::correct);
  EXPECT_EQ(d->answer("4x^3").status, Status::incorrect);
  EXPECT_EQ(d->posed.prompt(Lang::en, false),
            "Find the derivative of order 2 of x⁴ with respect to x.");
  EXPECT_EQ(d->posed.prompt(Lang::ko, false), "x⁴의 x에 대한 2계 도함수를 구하세요.");
  auto v =
      ask("id = \"v\"\nkind = \"value\"\nexpression = \"x^3\"\norder = 3\nat = { x = \"5\" }\n");
  EXPECT_EQ(v->answer("6").status, Status::correct);
  EXPECT_EQ(v->answer("30").status, Status::incorrect);
}

TEST(QuizKey, Derivative) {
  auto a = ask("id=\"d\"\nkind=\"derivative\"\nexpression=\"(2x+1)^3\"\n");
  SymbolTable s;
  EXPECT_TRUE((a->posed.key -
               GiNaC::diff(a->posed.expression, GiNaC::ex_to<GiNaC::symbol>(a->syms.get("x"))))
                  .expand()
                  .is_zero());
  EXPECT_TRUE((a->posed.key - parse("24x^2+24x+6", a->syms).expr).expand().is_zero());
}

TEST(QuizKey, Value) {
  // d/dx (2x+1)³ = 6(2x+1)², at x = 1: 6·9 = 54.
  auto a = ask("id=\"v\"\nkind=\"value\"\nexpression=\"(2x+1)^3\"\nat={x=1}\n");
  EXPECT_EQ(a->posed.key_number, 54.0);
  EXPECT_EQ(a->posed.key_text(false), "54");
}

TEST(QuizKey, GradientOfTheCourseGraph) {
  // y = (a + b)·c at a = 1, b = 2, c = -3: ∂y/∂a = c = -3, ∂y/∂c = a + b = 3.
  auto a =
      ask("id=\"g\"\nkind=\"gradient\"\nexpression=\"(a+b)*c\"\nwrt=\"a\"\nat={a=1,b=2,c=-3}\n");
  EXPECT_EQ(a->posed.key_number, -3.0);
  EXPECT_EQ(a->posed.function_value, -9.0);
  auto c =
      ask("id=\"g\"\nkind=\"gradient\"\nexpression=\"(a+b)*c\"\nwrt=\"c\"\nat={a=1,b=2,c=-3}\n");
  EXPECT_EQ(c->posed.key_number, 3.0);
}

TEST(QuizKey, DescentOnXSquared) {
  // θ ← θ − η·2θ = (1 − 2η)θ. From 1: η = 0.1 → 0.8² = 0.64; η = 10 → (−19)² = 361;
  // η = 0.001 → 0.998² = 0.996004.
  auto a = ask("id=\"s\"\nkind=\"descent\"\nexpression=\"x^2\"\nfrom=1\nlr=0.1\nsteps=2\n");
  EXPECT_NEAR(*a->posed.key_number, 0.64, 1e-12);
  auto b = ask("id=\"s\"\nkind=\"descent\"\nexpression=\"x^2\"\nfrom=1\nlr=10\nsteps=2\n");
  EXPECT_NEAR(*b->posed.key_number, 361, 1e-9);
  auto c = ask("id=\"s\"\nkind=\"descent\"\nexpression=\"x^2\"\nfrom=1\nlr=0.001\nsteps=2\n");
  EXPECT_NEAR(*c->posed.key_number, 0.996004, 1e-12);
  // Two variables: the component asked for, x² + 10y² from (1, 1), η = 0.01, one step:
  // y = 1 − 0.01·20 = 0.8.
  auto d =
      ask("id=\"s\"\nkind=\"descent\"\nexpression=\"x^2+10y^2\"\nwrt=\"y\"\nfrom={x=1,y=1}\nlr=0."
          "01\nsteps=1\n");
  EXPECT_NEAR(*d->posed.key_number, 0.8, 1e-12);
}

// ---- Marking ----

TEST(QuizMark, DerivativeUsesTheVerdictAndTheTeachersFeedback) {
  auto a =
      ask("id=\"d\"\nkind=\"derivative\"\nexpression=\"sin(x^2)\"\npoints=2\n"
          "[question.feedback]\nmissing-inner-derivative = \"Multiply by 2x.\"\n");
  Outcome right = a->answer("cos(x^2)*2x");
  EXPECT_EQ(right.status, Status::correct);
  EXPECT_EQ(right.score, 2);
  Outcome wrong = a->answer("cos(x^2)");
  EXPECT_EQ(wrong.status, Status::incorrect);
  EXPECT_EQ(wrong.mistake, Mistake::missing_inner_derivative);
  EXPECT_EQ(wrong.score, 0);
  EXPECT_EQ(render(Lang::en, wrong.feedback), "Multiply by 2x.");
  EXPECT_EQ(render(Lang::ko, wrong.feedback), "Multiply by 2x.");  // one text for both
  Outcome bad = a->answer("2x cos(x^2");
  EXPECT_EQ(bad.status, Status::invalid);
  EXPECT_EQ(a->answer("   ").status, Status::blank);
}

TEST(QuizMark, Gradient) {
  auto a =
      ask("id=\"g\"\nkind=\"gradient\"\nexpression=\"(a+b)*c\"\nwrt=\"a\"\nat={a=1,b=2,c=-3}\n");
  EXPECT_EQ(a->answer("-3").status, Status::correct);
  EXPECT_EQ(a->answer("3").mistake, Mistake::sign_error);
  EXPECT_EQ(a->answer("-9").mistake, Mistake::not_differentiated);
}

// Answers to one question (the body of its [[question]] table), and how each is judged.
struct Marking {
  std::string question;
  std::vector<std::pair<std::string, Status>> answers;
};

TEST(QuizMark, EveryKindJudgesItsAnswers) {
  const auto correct = Status::correct, incorrect = Status::incorrect, invalid = Status::invalid;
  const std::vector<Marking> cases = {
      // d/dx x³/2 at x = 3 is 27/2: exactly, or within one in a million (13.50001 is 7.4e-7
      // off, 13.5001 7.4e-6).
      {"id=\"v\"\nkind=\"value\"\nexpression=\"x^3/2\"\nat={x=3}\n",
       {{"27/2", correct},
        {"13.5", correct},
        {"13.50001", correct},
        {"13.5001", incorrect},
        {"x", invalid}}},
      // A question may set its own tolerance: 13.4 is 0.7% off.
      {"id=\"v\"\nkind=\"value\"\nexpression=\"x^3/2\"\nat={x=3}\ntolerance=0.01\n",
       {{"13.4", correct}, {"13.3", incorrect}}},
      // Two steps from x = 1 at rate 0.1: 0.8, then 0.64.
      {"id=\"s\"\nkind=\"descent\"\nexpression=\"x^2\"\nfrom=1\nlr=0.1\nsteps=2\n",
       {{"16/25", correct}, {"0.8", incorrect}}},
      // A choice by number, letter or text, and a number that is not a choice.
      {"id=\"c\"\nkind=\"choice\"\nprompt=\"?\"\nchoices=[\"0.001\",\"0.1\",\"10\"]\nanswer=3\n",
       {{"3", correct}, {"c", correct}, {"10", correct}, {"1", incorrect}, {"7", invalid}}},
      // Choices named in either language.
      {"id=\"c\"\nkind=\"choice\"\nprompt=\"?\"\nchoices=[{en=\"yes\",ko=\"예\"},{en=\"no\","
       "ko=\"아니요\"}]\nanswer=2\n",
       {{"no", correct}, {"아니요", correct}, {"예", incorrect}}},
      {"id=\"e\"\nkind=\"expression\"\nprompt=\"dy/du?\"\nanswer=\"3u^2\"\n",
       {{"3*u*u", correct}, {"u^2*3", correct}, {"3u^2+1", incorrect}, {"3u^", invalid}}},
      // Over the limits: invalid, and not slow.
      {"id=\"d\"\nkind=\"derivative\"\nexpression=\"x^2\"\n",
       {{std::string(5000, 'x'), invalid}, {"2^(10^9)", invalid}}},
  };
  for (const auto& c : cases) {
    auto q = ask(c.question);
    for (const auto& [answer, status] : c.answers) {
      EXPECT_EQ(q->answer(answer).status, status) << c.question << answer.substr(0, 40);
    }
  }
}

TEST(QuizMark, MistakesOfValues) {
  auto a = ask("id=\"v\"\nkind=\"value\"\nexpression=\"x^3/2\"\nat={x=3}\n");
  EXPECT_EQ(a->answer("-27/2").mistake, Mistake::sign_error);
  // f(3) = 27/2 too, so the value of f there is not taken for a mistake: it is right.
  auto b = ask("id=\"v\"\nkind=\"value\"\nexpression=\"x^2\"\nat={x=3}\n");  // key 6, f = 9
  EXPECT_EQ(b->answer("9").mistake, Mistake::not_differentiated);
}

TEST(QuizMark, AToleranceMustBeBelowOne) {
  EXPECT_EQ(
      load_test_quiz(kQuizHeader + "[[question]]\nid=\"v\"\nkind=\"value\"\nexpression=\"x\"\n"
                                   "at={x=3}\ntolerance=2\n")
          .problems.at(0)
          .message.key,
      "quiz.bad_tolerance");
}

TEST(QuizPrompt, GeneratedInBothLanguages) {
  auto a = ask("id=\"d\"\nkind=\"derivative\"\nexpression=\"sin(x^2)\"\n");
  EXPECT_EQ(a->posed.prompt(Lang::en, false), "Differentiate sin(x²) with respect to x.");
  EXPECT_EQ(a->posed.prompt(Lang::ko, false), "sin(x²)을 x에 대해 미분하세요.");
  auto v = ask("id=\"v\"\nkind=\"value\"\nexpression=\"x^2\"\nat={x=3}\n");
  EXPECT_EQ(v->posed.prompt(Lang::en, true), "Let f = x^2. What is df/dx at x = 3?");
}

}  // namespace
}  // namespace tutor
