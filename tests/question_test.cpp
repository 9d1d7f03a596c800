// Grading questions: derivatives through the checker (with its mistake), numbers, choices.
#include "tutor/question.hpp"

#include <gtest/gtest.h>

namespace tutor {
namespace {

LessonQuestion derivative(std::string expr, std::string answer) {
  LessonQuestion q;
  q.kind = LessonQuestionKind::derivative;
  q.expression = std::move(expr);
  q.answer = std::move(answer);
  return q;
}

TEST(LessonQuestion, DerivativeGoesThroughTheChecker) {
  LessonQuestion q = derivative("sin(x^2)", "2x cos(x^2)");
  EXPECT_EQ(grade(q, "cos(x^2)*2x").status, Status::correct);
  Grade g = grade(q, "cos(x^2)");
  EXPECT_EQ(g.status, Status::incorrect);
  EXPECT_EQ(g.mistake, Mistake::missing_inner_derivative);
  EXPECT_EQ(grade(q, "2x cos(").status, Status::invalid);
}

TEST(LessonQuestion, Numbers) {
  LessonQuestion q;
  q.kind = LessonQuestionKind::number;
  q.answer = "54";
  EXPECT_EQ(grade(q, "54").status, Status::correct);
  EXPECT_EQ(grade(q, "27*2").status, Status::correct);
  EXPECT_EQ(grade(q, "27").status, Status::incorrect);
  EXPECT_EQ(grade(q, "x").status, Status::invalid);
  q.answer = "1/1024";
  q.tolerance = 0.01;  // relative: 1%
  EXPECT_EQ(grade(q, "0.00098").status, Status::correct);
  EXPECT_EQ(grade(q, "0.001").status, Status::incorrect);
  EXPECT_EQ(grade(q, "0").status, Status::incorrect);
}

TEST(LessonQuestion, Choices) {
  LessonQuestion q;
  q.kind = LessonQuestionKind::choice;
  q.choices = {"converges", "crawls", "diverges"};
  q.answer = "c";
  EXPECT_EQ(grade(q, "c").status, Status::correct);
  EXPECT_EQ(grade(q, "(C)").status, Status::correct);
  EXPECT_EQ(grade(q, "diverges").status, Status::correct);
  EXPECT_EQ(grade(q, "a").status, Status::incorrect);
  EXPECT_EQ(grade(q, "z").status, Status::invalid);
}

TEST(LessonQuestion, ProblemsWithTheQuestionItself) {
  EXPECT_FALSE(question_problem(derivative("(3x+1)^2", "6(3x+1)")));
  // A key the checker rejects could never be answered.
  EXPECT_EQ(question_problem(derivative("(3x+1)^2", "2(3x+1)"))->key, "lesson.key_rejected");
  EXPECT_EQ(question_problem(derivative("x*y", "y"))->key, "lesson.needs_wrt");
  LessonQuestion c;
  c.kind = LessonQuestionKind::choice;
  c.choices = {"a thing"};
  c.answer = "a";
  EXPECT_EQ(question_problem(c)->key, "lesson.few_choices");
}

TEST(LessonQuestion, AnswerKeyIsPrinted) {
  EXPECT_EQ(answer_key(derivative("sin(x^2)", "2x cos(x^2)"), false), "2x·cos(x²)");
}

}  // namespace
}  // namespace tutor
