// The one practice model: grading derivatives (through the checker, with its mistake),
// numbers (by the one tolerance), choices (by number, letter or text) and expressions.
#include "course/practice.hpp"

#include <gtest/gtest.h>

namespace tutor {
namespace {

Question derivative(std::string function, std::string key = {}) {
  Question q;
  q.kind = AnswerKind::derivative;
  q.function = std::move(function);
  q.key = std::move(key);
  return q;
}

Question number(double n) {
  Question q;
  q.kind = AnswerKind::number;
  q.number = n;
  return q;
}

Question rates() {
  Question q;
  q.kind = AnswerKind::choice;
  q.choices = {{"0.001", {}}, {"0.1", {}}, {"10", {"열"}}};
  q.choice = 2;
  return q;
}

TEST(NumbersMatch, OneRelativeToleranceOfOnePartInAMillion) {
  EXPECT_EQ(kNumberTolerance, 1e-6);
  EXPECT_TRUE(numbers_match(13.5, 13.50001));   // 7.4e-7 relative
  EXPECT_FALSE(numbers_match(13.5, 13.5001));   // 7.4e-6 relative
  EXPECT_FALSE(numbers_match(1.0 / 3, 0.333));  // within 1e-6: no; rounds_to says yes
  EXPECT_TRUE(numbers_match(0, 1e-13));
  EXPECT_FALSE(numbers_match(0, 1e-9));
  EXPECT_FALSE(numbers_match(1.0 / 1024, 0));
  EXPECT_TRUE(numbers_match(1.0 / 1024, 0.00098, 0.01));
}

TEST(NumbersMatch, RoundedToTheDigitsTyped) {
  EXPECT_TRUE(rounds_to(1.0 / 3, "0.333"));
  EXPECT_TRUE(rounds_to(1.0 / 3, " 0.3333 "));
  EXPECT_FALSE(rounds_to(1.0 / 3, "0.33"));   // two digits are not enough
  EXPECT_FALSE(rounds_to(1.0 / 3, "0.334"));  // the last digit is wrong
  EXPECT_TRUE(rounds_to(0.6224593312, "0.6225"));
  EXPECT_TRUE(rounds_to(0.6224593312, "0.622"));
  EXPECT_FALSE(rounds_to(0.6224593312, "0.623"));
  EXPECT_TRUE(rounds_to(-2.718281828, "-2.72"));
  EXPECT_FALSE(rounds_to(-2.718281828, "2.72"));  // the sign is not a rounding
  EXPECT_TRUE(rounds_to(0.00123456, "1.23e-3"));
  EXPECT_TRUE(rounds_to(1234.4, "1234"));
  EXPECT_FALSE(rounds_to(13.5, "13.5001"));  // six digits typed, and the sixth is wrong
  EXPECT_FALSE(rounds_to(1.0 / 3, "1/3"));   // not a decimal: exact forms are compared exactly
  EXPECT_FALSE(rounds_to(0.5, "0.000"));
  EXPECT_FALSE(rounds_to(0.5, "abc"));
}

TEST(Grade, DerivativeGoesThroughTheChecker) {
  Question q = derivative("sin(x^2)");
  EXPECT_EQ(grade(q, "cos(x^2)*2x").status, Status::correct);
  Outcome o = grade(q, "cos(x^2)");
  EXPECT_EQ(o.status, Status::incorrect);
  EXPECT_EQ(o.mistake, Mistake::missing_inner_derivative);
  EXPECT_EQ(o.score, 0);
  Outcome bad = grade(q, "2x cos(");
  EXPECT_EQ(bad.status, Status::invalid);
  ASSERT_TRUE(bad.error && bad.error->span());
  EXPECT_EQ(grade(q, "  ").status, Status::blank);
}

TEST(Grade, AnAuthorsFeedbackReplacesTheCheckersForItsMistake) {
  Question q = derivative("sin(x^2)");
  q.feedback[Mistake::missing_inner_derivative] = Message{"practice.number_wrong", {}};
  EXPECT_EQ(grade(q, "cos(x^2)").feedback.key, "practice.number_wrong");
}

TEST(Grade, NumbersTypedAnyWay) {
  Question q = number(13.5);
  q.points = 2;
  EXPECT_EQ(grade(q, "27/2").score, 2);
  EXPECT_EQ(grade(q, "13.50001").status, Status::correct);
  EXPECT_EQ(grade(q, "13.5001").status, Status::incorrect);
  Question third = number(1.0 / 3);
  EXPECT_EQ(grade(third, "0.333").status, Status::correct);
  EXPECT_EQ(grade(third, "0.33").status, Status::incorrect);
  EXPECT_EQ(grade(q, "-27/2").mistake, Mistake::sign_error);
  Outcome x = grade(q, "x");
  EXPECT_EQ(x.status, Status::invalid);
  EXPECT_EQ(x.feedback.key, "practice.need_number");
  q.function_value = 9;
  EXPECT_EQ(grade(q, "9").mistake, Mistake::not_differentiated);
  q.tolerance = 0.01;
  EXPECT_EQ(grade(q, "13.4").status, Status::correct);
}

TEST(Grade, ChoicesByNumberLetterOrText) {
  Question q = rates();
  for (const char* right : {"3", "c", "C", "(c)", "c)", "10", "10.0", "열"}) {
    EXPECT_EQ(grade(q, right).status, Status::correct) << right;
  }
  EXPECT_EQ(grade(q, "1").status, Status::incorrect);
  EXPECT_EQ(grade(q, "0.1").status, Status::incorrect);
  Outcome bad = grade(q, "7");
  EXPECT_EQ(bad.status, Status::invalid);
  EXPECT_EQ(bad.feedback.key, "practice.no_such_choice");
  EXPECT_EQ(choice_named(q, "b"), 1u);
  EXPECT_EQ(choice_named(q, "z"), std::nullopt);
}

TEST(Grade, ExpressionsByTheEquivalencePolicy) {
  Question q;
  q.kind = AnswerKind::expression;
  q.expression = "3u^2";
  EXPECT_EQ(grade(q, "u*3u").status, Status::correct);
  EXPECT_EQ(grade(q, "3u^2+1").status, Status::incorrect);
  EXPECT_EQ(grade(q, "3u^").status, Status::invalid);
}

// df/du of sin(x²): cos(u), or cos(x²) with u written out; cos(x) is a slip worth naming.
TEST(Grade, ExpressionLettersAndMissteps) {
  Question q;
  q.kind = AnswerKind::expression;
  q.expression = "cos(u)";
  q.letters = {{"u", "x^2"}};
  q.missteps = {{"cos(x)", Message{"guide.local_at_x", {"x", "u", "x²"}}}};
  EXPECT_EQ(grade(q, "cos(u)").status, Status::correct);
  EXPECT_EQ(grade(q, "cos(x*x)").status, Status::correct);
  const Outcome slip = grade(q, "cos(x)");
  EXPECT_EQ(slip.status, Status::incorrect);
  EXPECT_EQ(slip.feedback.key, "guide.local_at_x");
  EXPECT_EQ(grade(q, "sin(u)").feedback.key, "practice.not_equivalent");
  EXPECT_EQ(question_problem(q), std::nullopt);
}

TEST(KeyText, TheKeyAsTheLearnerReadsIt) {
  EXPECT_EQ(key_text(derivative("sin(x^2)"), false), "2x·cos(x²)");
  EXPECT_EQ(key_text(derivative("(2x+5)^3", "6(2x+5)^2"), false), "6(2x + 5)²");
  EXPECT_EQ(key_text(number(2.56), false), "2.56");
  EXPECT_EQ(key_text(rates(), false), "c) 10");
}

TEST(QuestionProblem, AKeyTheGraderRejectsIsAProblem) {
  EXPECT_FALSE(question_problem(derivative("(3x+1)^2", "6(3x+1)")));
  EXPECT_EQ(question_problem(derivative("(3x+1)^2", "2(3x+1)"))->key, "lesson.key_rejected");
  EXPECT_EQ(question_problem(derivative("x*y", "y"))->key, "lesson.needs_wrt");
  Question c = rates();
  c.choices.resize(1);
  EXPECT_EQ(question_problem(c)->key, "lesson.few_choices");
}

}  // namespace
}  // namespace tutor
