// Each student's feedback for the shipped sample class, against what was worked out by hand
// (tests/class/gradebook_test.cpp lists the keys): every question in the student's variant,
// the answer and its verdict, the mistake with its explanation, and the worked solution of
// each question kind, in English and Korean; student text escaped in both formats.
#include "class/feedback.hpp"

#include <gtest/gtest.h>

#include "support/quiz.hpp"

namespace tutor {
namespace {

struct Sample {
  Quiz quiz;
  Responses responses;
  Gradebook book;
  Sample() {
    testing::load_sample_class(quiz, responses);
    book = grade_class(quiz, responses.submissions, {1});
  }
  const StudentResult& student(const std::string& id) const {
    for (const auto& s : book.students) {
      if (s.student == id) return s;
    }
    throw std::runtime_error("no student " + id);
  }
};

const Sample& sample() {
  static const Sample s;
  return s;
}

// The Markdown of R's feedback in LANG.
std::string markdown(const StudentResult& r, Lang lang) {
  FeedbackBuilder b(sample().quiz);
  return document_markdown(b.build(r, lang));
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Feedback, EveryQuestionWithVerdictAndScore) {
  const std::string md = markdown(sample().student("kim"), Lang::en);
  EXPECT_EQ(md.rfind("# Chain rule checkpoint\n", 0), 0u) << md;
  EXPECT_TRUE(has(md, "Student: kim")) << md;
  EXPECT_TRUE(has(md, "**Score: 12/12 (100%), passed**")) << md;
  for (int i = 1; i <= 10; ++i) {
    EXPECT_TRUE(has(md, "## Question " + std::to_string(i) + "/10 (")) << i;
  }
  EXPECT_TRUE(
      has(md, "## Question 1/10 (2 pt)\n\nDifferentiate f(x) = sin(x²) with the chain rule."))
      << md;
  EXPECT_TRUE(has(md, "**Your answer:** `2x cos(x^2)`\n\n**Verdict:** correct, 2/2 points")) << md;
  // Every answer is right: nothing went wrong.
  EXPECT_FALSE(has(md, "What went wrong")) << md;
}

TEST(Feedback, TheStudentsOwnVariant) {
  // r1 is ({a}x+1)^3 with a = 5 for kim and 4 for Lee.
  EXPECT_TRUE(has(markdown(sample().student("kim"), Lang::en),
                  "Differentiate (5x + 1)³ with respect to x."));
  const std::string lee = markdown(sample().student("Lee, Min"), Lang::en);
  EXPECT_TRUE(has(lee, "Differentiate (4x + 1)³ with respect to x.")) << lee;
  // 3·4·(4x + 1)² = 12(4x + 1)².
  EXPECT_TRUE(has(lee, "**Answer:** `12(4x + 1)²`")) << lee;
}

TEST(Feedback, MistakesWithTheirExplanation) {
  const std::string md = markdown(sample().student("Lee, Min"), Lang::en);
  // d1: cos(x²) drops the inner factor, which the quiz gives half the points for, in its own
  // words.
  EXPECT_TRUE(has(md,
                  "**Your answer:** `cos(x^2)`\n\n**Verdict:** incorrect, 1/2 points\n\n"
                  "Partial credit: 1 of 2 points (missing-inner-derivative).\n\n"
                  "**What went wrong:** missing-inner-derivative: Multiply by the inner "
                  "derivative 2x."))
      << md;
  // d2: 3(2x+1)² misses the inner derivative 2: the checker's own words.
  EXPECT_TRUE(has(md, "**Your answer:** `3(2x+1)^2`")) << md;
  EXPECT_TRUE(has(md, "You are missing the factor")) << md;
  // g1: 3 instead of -3.
  EXPECT_TRUE(has(md, "sign-error: The sign is wrong")) << md;
  // r1 left blank.
  EXPECT_TRUE(has(md, "**Your answer:** (no answer)\n\n**Verdict:** blank, 0/1 points")) << md;
}

TEST(Feedback, UnreadableAnswerSaysWhy) {
  const std::string md = markdown(sample().student("choi"), Lang::en);
  EXPECT_TRUE(has(md,
                  "**Your answer:** `2x cos(x^2`\n\n**Verdict:** invalid (the answer could "
                  "not be read), 0/2 points\n\n**What went wrong:**"))
      << md;
}

TEST(Feedback, WorkedSolutionOfEachKind) {
  const std::string md = markdown(sample().student("park"), Lang::en);
  // derivative: the chain's factors, then the result.
  EXPECT_TRUE(has(md, "**Answer:** `2x·cos(x²)`")) << md;
  EXPECT_TRUE(has(md, "```text\nd/dx sin(x²)\n")) << md;
  EXPECT_TRUE(has(md, "**Answer:** `6(2x + 1)²`")) << md;
  // value: 6·3² at x = 1.
  EXPECT_TRUE(has(md, "Evaluated at x = 1:\n\n**Answer:** `54`")) << md;
  // gradient: d = a + b = 3, y = c·d = -9; dy/da = dy/dd × dd/da = (-3) × 1 = -3.
  EXPECT_TRUE(has(md, "d = a + b = 3\n")) << md;
  EXPECT_TRUE(has(md, "dy/da = dy/dd × dd/da = (-3) × 1 = -3\n")) << md;
  EXPECT_TRUE(has(md, "**Answer:** `-3`")) << md;
  // descent on x² from 1 with rate 0.1: x ← x − 0.1·2x = 0.8x.
  EXPECT_TRUE(has(md,
                  "| k | x | f | ∂f/∂x |\n| --- | --- | --- | --- |\n| 0 | 1 | 1 | 2 |\n"
                  "| 1 | 0.8 | 0.64 | 1.6 |\n| 2 | 0.64 | 0.4096 | 1.28 |\n"))
      << md;
  // with rate 10: x ← −19x, so 1, −19, 361.
  EXPECT_TRUE(has(md, "| 1 | -19 | 361 | -38 |\n| 2 | 361 |")) << md;
  // choice and expression: the right one.
  EXPECT_TRUE(has(md, "**Answer:** `c) 10`")) << md;
  EXPECT_TRUE(has(md, "**Answer:** `3u²`")) << md;
  // park chose 2: the choices are listed.
  EXPECT_TRUE(has(md, "- a) 0.001\n- b) 0.1\n- c) 10\n")) << md;
}

TEST(Feedback, InKorean) {
  const std::string md = markdown(sample().student("Lee, Min"), Lang::ko);
  EXPECT_TRUE(has(md, "학생: Lee, Min")) << md;
  EXPECT_TRUE(has(md, "## 문제 1/10 (2점)\n\n체인룰로 f(x) = sin(x²)을 미분하세요.")) << md;
  EXPECT_TRUE(
      has(md, "**학생의 답:** `cos(x^2)`\n\n**판정:** 오답, 1/2점\n\n부분 점수: 2점 중 1점"))
      << md;
  EXPECT_TRUE(has(md, "안쪽 함수의 도함수 빠짐: 안쪽 함수의 도함수 2x를 곱하세요.")) << md;
  EXPECT_TRUE(has(md, "**풀이**")) << md;
  EXPECT_TRUE(has(md, "**정답:** `2x·cos(x²)`")) << md;
  EXPECT_TRUE(has(md, "역전파")) << md;
  EXPECT_FALSE(has(md, "Your answer")) << md;
}

TEST(Feedback, LatexUsesTheTypesetDerivation) {
  FeedbackBuilder b(sample().quiz);
  const std::string tex = document_latex(b.build(sample().student("kim"), Lang::en));
  EXPECT_NE(tex.find("\\begin{align*}"), std::string::npos);
  EXPECT_NE(tex.find("\\texttt{2x cos(x\\textasciicircum{}2)}"), std::string::npos) << tex;
  EXPECT_EQ(tex.find("kotex"), std::string::npos);
  const std::string ko = document_latex(b.build(sample().student("kim"), Lang::ko));
  EXPECT_NE(ko.find("\\usepackage{kotex}"), std::string::npos);
}

TEST(Feedback, StudentTextIsEscaped) {
  const Quiz& quiz = sample().quiz;
  std::vector<Submission> subs(1);
  subs[0].student = "# <b>eve</b>";
  subs[0].answers = {{"d1", "\\input{/etc/passwd}"}, {"d2", "# heading\n- item"}, {"lr3", "`x`"}};
  Gradebook g = grade_class(quiz, subs, {1});
  FeedbackBuilder b(quiz);
  const Document d = b.build(g.students[0], Lang::en);
  const std::string tex = document_latex(d);
  EXPECT_EQ(tex.find("\\input"), std::string::npos);
  EXPECT_NE(tex.find("\\texttt{\\textbackslash{}input\\{/etc/passwd\\}}"), std::string::npos);
  EXPECT_NE(tex.find("Student: \\# \\textless{}b\\textgreater{}eve"), std::string::npos) << tex;
  const std::string md = document_markdown(d);
  EXPECT_NE(md.find("Student: \\# \\<b\\>eve\\</b\\>"), std::string::npos) << md;
  EXPECT_NE(md.find("`# heading - item`"), std::string::npos) << md;
  EXPECT_NE(md.find("`` `x` ``"), std::string::npos) << md;
  EXPECT_EQ(md.find("\n# heading"), std::string::npos) << md;
}

TEST(Feedback, SameDocumentWhateverTheOrder) {
  // Remembered variants and explanations must not leak from one student to the next.
  FeedbackBuilder both(sample().quiz);
  both.build(sample().student("kim"), Lang::ko);
  both.build(sample().student("kim"), Lang::en);
  const std::string lee_after_kim =
      document_markdown(both.build(sample().student("Lee, Min"), Lang::en));
  EXPECT_EQ(lee_after_kim, markdown(sample().student("Lee, Min"), Lang::en));
}

}  // namespace
}  // namespace tutor
