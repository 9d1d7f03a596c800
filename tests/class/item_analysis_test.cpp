// Item analysis: facility and discrimination against a table worked out by hand, and the
// common wrong answers grouped by equivalence within a variant, within their bound.
#include "class/item_analysis.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/quiz.hpp"

namespace tutor {
namespace {

using testing::kQuizHeader;
using testing::load_test_quiz;

Quiz quiz_of(const std::string& questions) {
  QuizLoad q = load_test_quiz(kQuizHeader + questions);
  EXPECT_TRUE(q.ok());
  return q.quiz;
}

// A student whose answers to QUIZ score SCORES: all the points are right, none is blank.
StudentResult student(const Quiz& quiz, const std::vector<double>& scores) {
  StudentResult r;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    AnswerResult a;
    a.id = quiz.questions[i].id;
    a.points = quiz.questions[i].points;
    a.score = scores[i];
    a.status = scores[i] == a.points ? Status::correct
               : scores[i] > 0       ? Status::incorrect
                                     : Status::blank;
    r.answers.push_back(a);
  }
  total_up(r, quiz);
  return r;
}

const std::string kThree =
    "[[question]]\nid = \"q1\"\nkind = \"derivative\"\nexpression = \"x^2\"\n"
    "[[question]]\nid = \"q2\"\nkind = \"derivative\"\nexpression = \"x^3\"\n"
    "[[question]]\nid = \"q3\"\nkind = \"derivative\"\nexpression = \"x^4\"\npoints = 2\n";

// Four students, scores by question (q3 worth 2):
//   s1 1 1 2 (total 4)   s2 1 0 1 (2)   s3 0 1 0 (1)   s4 0 0 0 (0)
// q1: x = 1 1 0 0, rest = 3 1 1 0. Means 0.5 and 1.25; Σdx·dy = 0.875 − 0.125 + 0.125 +
//     0.625 = 1.5, Σdx² = 1, Σdy² = 3.0625 + 0.0625 + 0.0625 + 1.5625 = 4.75;
//     r = 1.5 / √4.75 = 0.68825.
// q2: x = 1 0 1 0, rest = 3 2 0 0: Σdx·dy = 0.5, Σdx² = 1, Σdy² = 6.75; r = 0.5 / √6.75 =
//     0.19245, below 0.2: flagged low.
// q3: x = 2 1 0 0, rest = 2 1 1 0: Σdx·dy = 2, Σdx² = 2.75, Σdy² = 2; r = 2 / √5.5 = 0.85280.
//     Facility 3 / 4 / 2 = 0.375.
TEST(ItemAnalysis, FacilityAndDiscriminationByHand) {
  Quiz quiz = quiz_of(kThree);
  Gradebook g;
  for (const auto& s : std::vector<std::vector<double>>{{1, 1, 2}, {1, 0, 1}, {0, 1, 0}, {0, 0, 0}})
    g.students.push_back(student(quiz, s));
  ItemAnalysis a = analyse_items(quiz, g);
  ASSERT_EQ(a.items.size(), 3u);
  EXPECT_DOUBLE_EQ(*a.items[0].facility, 0.5);
  EXPECT_DOUBLE_EQ(*a.items[1].facility, 0.5);
  EXPECT_DOUBLE_EQ(*a.items[2].facility, 0.375);
  EXPECT_NEAR(*a.items[0].discrimination, 1.5 / std::sqrt(4.75), 1e-12);
  EXPECT_NEAR(*a.items[1].discrimination, 0.5 / std::sqrt(6.75), 1e-12);
  EXPECT_NEAR(*a.items[2].discrimination, 2 / std::sqrt(5.5), 1e-12);
  EXPECT_EQ(a.items[0].flag, ItemFlag::none);
  EXPECT_EQ(a.items[1].flag, ItemFlag::low_discrimination);
  EXPECT_EQ(a.items[2].flag, ItemFlag::none);

  auto j = item_json(a.items[1]);
  EXPECT_EQ(j["facility"], 0.5);
  EXPECT_EQ(j["discrimination"], 0.1925);
  EXPECT_EQ(j["flag"], "low-discrimination");
  EXPECT_TRUE(j["wrong_answers"].empty());  // no answer texts in this table

  std::string text = item_analysis_text(a, Lang::en);
  EXPECT_NE(text.find("  q1             0.5            0.69\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  q3            0.38            0.85\n"), std::string::npos) << text;
  EXPECT_NE(text.find("To review (discrimination below 0.2):\n  q2: low discrimination (0.19)"),
            std::string::npos)
      << text;
  std::string ko = item_analysis_text(a, Lang::ko);
  EXPECT_NE(ko.find("q2: 변별도 낮음 (0.19)"), std::string::npos) << ko;
}

// x = 0 0 1 1 against y = 3 2 1 0: Σdx·dy = −0.75 − 0.25 − 0.25 − 0.75 = −2, Σdx² = 1,
// Σdy² = 5; r = −2/√5 = −0.89443.
TEST(ItemAnalysis, PearsonByHandAndWhereItIsUndefined) {
  EXPECT_NEAR(*pearson({0, 0, 1, 1}, {3, 2, 1, 0}), -2 / std::sqrt(5.0), 1e-12);
  EXPECT_NEAR(*pearson({1, 2, 3}, {2, 4, 6}), 1, 1e-12);
  EXPECT_FALSE(pearson({1}, {2}));                // one student
  EXPECT_FALSE(pearson({}, {}));                  // none
  EXPECT_FALSE(pearson({1, 1, 1}, {0, 2, 5}));    // everyone scored the same
  EXPECT_FALSE(pearson({0, 1, 0.5}, {3, 3, 3}));  // the rest does not vary
}

TEST(ItemAnalysis, NegativeDiscriminationIsFlagged) {
  // Two questions: the weaker students get q1 right, the stronger get it wrong.
  Quiz quiz = quiz_of(
      "[[question]]\nid = \"q1\"\nkind = \"derivative\"\nexpression = \"x^2\"\n"
      "[[question]]\nid = \"q2\"\nkind = \"derivative\"\nexpression = \"x^3\"\npoints = 3\n");
  Gradebook g;
  for (const auto& s : std::vector<std::vector<double>>{{0, 3}, {0, 2}, {1, 1}, {1, 0}})
    g.students.push_back(student(quiz, s));
  ItemAnalysis a = analyse_items(quiz, g);
  EXPECT_NEAR(*a.items[0].discrimination, -2 / std::sqrt(5.0), 1e-12);
  EXPECT_EQ(a.items[0].flag, ItemFlag::negative_discrimination);
  EXPECT_EQ(item_json(a.items[0])["flag"], "negative-discrimination");
  EXPECT_NE(item_analysis_text(a, Lang::en).find("q1: negative discrimination (-0.89)"),
            std::string::npos);
}

TEST(ItemAnalysis, NoStudentsNoStatistics) {
  Quiz quiz = quiz_of(kThree);
  ItemAnalysis a = analyse_items(quiz, Gradebook{});
  ASSERT_EQ(a.items.size(), 3u);
  EXPECT_FALSE(a.items[0].facility);
  EXPECT_FALSE(a.items[0].discrimination);
  auto j = item_json(a.items[0]);
  EXPECT_TRUE(j["facility"].is_null());
  EXPECT_TRUE(j["discrimination"].is_null());
  EXPECT_TRUE(j["flag"].is_null());
}

// A class marked by grade_class, one answer per student to the one question of QUIZ.
Gradebook graded(const Quiz& quiz, const std::vector<std::string>& answers) {
  std::vector<Submission> subs;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    Submission s;
    s.student = "s" + std::to_string(i);
    s.answers[quiz.questions[0].id] = answers[i];
    subs.push_back(s);
  }
  return grade_class(quiz, subs, {1});
}

std::vector<std::pair<std::string, int>> wrong_of(const ItemStats& item) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& w : item.wrong) out.emplace_back(w.answer, w.count);
  return out;
}

TEST(ItemAnalysis, WrongDerivativesGroupedAsExpressions) {
  Quiz quiz =
      quiz_of("[[question]]\nid = \"d1\"\nkind = \"derivative\"\nexpression = \"sin(x^2)\"\n");
  // cos(x²), cos(x·x) and cos(x^2) + 0 are one wrong answer; 2cos(x²) and -2x cos(x²) others;
  // the right answer and the unreadable one are not wrong answers.
  Gradebook g = graded(quiz, {"cos(x^2)", "cos(x^2)", "cos(x*x)", "cos(x^2) + 0", "2cos(x^2)",
                              "-2x cos(x^2)", "-2x cos(x^2)", "2x cos(x^2)", "cos(x^2"});
  ItemAnalysis a = analyse_items(quiz, g);
  EXPECT_EQ(wrong_of(a.items[0]), (std::vector<std::pair<std::string, int>>{
                                      {"cos(x^2)", 4}, {"-2x cos(x^2)", 2}, {"2cos(x^2)", 1}}));
  EXPECT_EQ(a.items[0].wrong[0].mistake, Mistake::missing_inner_derivative);
  EXPECT_EQ(a.items[0].wrong[1].mistake, Mistake::sign_error);
  auto j = item_json(a.items[0]);
  EXPECT_EQ(j["wrong_answers"][0]["answer"], "cos(x^2)");
  EXPECT_EQ(j["wrong_answers"][0]["count"], 4);
  EXPECT_EQ(j["wrong_answers"][0]["mistake"], "missing-inner-derivative");
  EXPECT_FALSE(j["wrong_answers"][0].contains("variant"));
  EXPECT_NE(item_analysis_text(a, Lang::en)
                .find("  d1: cos(x^2) ×4 (missing-inner-derivative), -2x cos(x^2) ×2 (sign-error)"),
            std::string::npos);
}

TEST(ItemAnalysis, WrongNumbersAndChoicesGroupedByValue) {
  // (2x+1)³ at x = 1 is 54. 27, 27.0 and 54/2 are one number; 0.0000001 off is too.
  Quiz v = quiz_of(
      "[[question]]\nid = \"v1\"\nkind = \"value\"\nexpression = \"(2x+1)^3\"\nat = { x = 1 }\n");
  ItemAnalysis a = analyse_items(v, graded(v, {"27", "27.0", "54/2", "27.00000001", "-54", "x"}));
  EXPECT_EQ(wrong_of(a.items[0]),
            (std::vector<std::pair<std::string, int>>{{"27", 4}, {"-54", 1}}));
  // "x" is not a number: invalid, not a wrong answer.

  Quiz c = quiz_of(
      "[[question]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Which?\"\n"
      "choices = [\"0.001\", \"0.1\", \"10\"]\nanswer = 3\n");
  a = analyse_items(c, graded(c, {"2", "b", "0.1", "B)", "1", "3"}));
  EXPECT_EQ(wrong_of(a.items[0]),
            (std::vector<std::pair<std::string, int>>{{"0.1", 1 + 3}, {"1", 1}}));
}

TEST(ItemAnalysis, EquivalentAnswersToDifferentVariantsStayApart) {
  Quiz quiz = quiz_of(kThree);
  Gradebook g;
  for (int i = 0; i < 3; ++i) g.students.push_back(student(quiz, {0, 0, 0}));
  for (std::size_t i = 0; i < 3; ++i) {
    g.students[i].answers[0].answer = "0";
    g.students[i].answers[0].status = Status::incorrect;
  }
  g.students[0].answers[0].variant = "a=2";
  g.students[1].answers[0].variant = "a=3";
  g.students[2].answers[0].variant = "a=2";
  ItemAnalysis a = analyse_items(quiz, g);
  ASSERT_EQ(a.items[0].wrong.size(), 2u);
  EXPECT_EQ(a.items[0].wrong[0].variant, "a=2");
  EXPECT_EQ(a.items[0].wrong[0].count, 2);
  EXPECT_EQ(a.items[0].wrong[1].variant, "a=3");
  EXPECT_EQ(a.items[0].wrong[1].count, 1);
}

TEST(ItemAnalysis, OnlyTheMostFrequentSpellingsAreCompared) {
  // kWrongAnswersExamined + 5 spellings of the same wrong derivative, each given once: the
  // first kWrongAnswersExamined (in text order) are found to be one answer, the rest are
  // counted by their text only.
  Quiz quiz = quiz_of("[[question]]\nid = \"d\"\nkind = \"derivative\"\nexpression = \"x^2\"\n");
  std::vector<std::string> answers;
  for (std::size_t k = 0; k < kWrongAnswersExamined + 5; ++k) {
    answers.push_back("x + " + std::to_string(100 + k) + "*0");
  }
  ItemAnalysis a = analyse_items(quiz, graded(quiz, answers));
  ASSERT_EQ(a.items[0].wrong.size(), kWrongAnswersShown);
  EXPECT_EQ(a.items[0].wrong[0].count, static_cast<int>(kWrongAnswersExamined));
  EXPECT_EQ(a.items[0].wrong[0].answer, "x + 100*0");
  for (std::size_t i = 1; i < kWrongAnswersShown; ++i) EXPECT_EQ(a.items[0].wrong[i].count, 1);
}

}  // namespace
}  // namespace tutor
