// Partial credit: the share a diagnosed mistake or a near number earns, worked out by hand,
// and every problem a [question.partial] table can have, with its place.
#include "class/partial_credit.hpp"

#include <gtest/gtest.h>

#include "class/quiz_marking.hpp"
#include "support/quiz.hpp"

namespace tutor {
namespace {

using testing::kQuizHeader;
using testing::load_test_quiz;
using testing::problem_places;

// ANSWER to the first question of QUIZ, as `quiz grade` marks it.
Credit credit_for(const std::string& question, const std::string& answer) {
  auto a = testing::ask(question);
  const Question asked = to_question(a->posed, Lang::en, false);
  return credit(a->quiz.questions[0], asked, grade(asked, answer), answer);
}

const std::string kDerivative =
    "id = \"d1\"\nkind = \"derivative\"\nexpression = \"sin(x^2)\"\npoints = 2\n"
    "[question.partial]\nmissing-inner-derivative = 0.5\n";

TEST(PartialCredit, AMistakeWithAShareEarnsItAndNamesIt) {
  // cos(x²) forgets the inner 2x: half of 2 points.
  Credit c = credit_for(kDerivative, "cos(x^2)");
  EXPECT_EQ(c.score, 1);
  EXPECT_EQ(c.partial, "missing-inner-derivative");
  // Right: all the points, no partial tag.
  c = credit_for(kDerivative, "2x cos(x^2)");
  EXPECT_EQ(c.score, 2);
  EXPECT_EQ(c.partial, "");
  // A sign error has no share: nothing.
  c = credit_for(kDerivative, "-2x cos(x^2)");
  EXPECT_EQ(c.score, 0);
  EXPECT_EQ(c.partial, "");
  // Unreadable and blank earn nothing.
  EXPECT_EQ(credit_for(kDerivative, "cos(x^2").score, 0);
  EXPECT_EQ(credit_for(kDerivative, "").score, 0);
}

// (2x+1)³ at x = 1: 3 · 3² · 2 = 54.
const std::string kValue =
    "id = \"v1\"\nkind = \"value\"\nexpression = \"(2x+1)^3\"\nat = { x = 1 }\npoints = 3\n"
    "tolerance_partial = 0.05\n[question.partial]\ntolerance = 0.5\nsign-error = 0.25\n";

TEST(PartialCredit, ANumberWithinTheLooserToleranceEarnsItsShare) {
  // |54 - 53| / 54 = 0.0185 ≤ 0.05: half of 3 points.
  Credit c = credit_for(kValue, "53");
  EXPECT_EQ(c.score, 1.5);
  EXPECT_EQ(c.partial, "tolerance");
  // |54 - 51.5| / 54 = 0.046: still within.
  EXPECT_EQ(credit_for(kValue, "51.5").score, 1.5);
  // |54 - 50| / 54 = 0.074: outside.
  c = credit_for(kValue, "50");
  EXPECT_EQ(c.score, 0);
  EXPECT_EQ(c.partial, "");
  EXPECT_EQ(credit_for(kValue, "54").score, 3);
  // -54 is diagnosed as a sign error: its own share, a quarter of 3 = 0.75.
  c = credit_for(kValue, "-54");
  EXPECT_EQ(c.score, 0.75);
  EXPECT_EQ(c.partial, "sign-error");
}

TEST(PartialCredit, SharesAreKeptInHundredthsOfAPoint) {
  EXPECT_EQ(share_of(1, 1.0 / 3), 0.33);
  EXPECT_EQ(share_of(3, 0.3333), 1);
  EXPECT_EQ(share_of(2, 0.5), 1);
  EXPECT_EQ(share_of(7, 0.25), 1.75);
}

TEST(PartialCredit, TheQuizFileReadsTheTable) {
  QuizLoad q = load_test_quiz(kQuizHeader + "[[question]]\n" + kValue);
  ASSERT_TRUE(q.ok()) << problem_places(q).at(0);
  const QuizQuestion& v = q.quiz.questions[0];
  EXPECT_EQ(v.tolerance_partial, 0.05);
  EXPECT_EQ(v.tolerance_share, 0.5);
  EXPECT_EQ(v.partial, (std::map<Mistake, double>{{Mistake::sign_error, 0.25}}));
}

TEST(PartialCredit, ProblemsInTheTableHaveTheirPlaces) {
  const std::string d = kQuizHeader +
                        "[[question]]\nid = \"d\"\nkind = \"derivative\"\n"  // 2-4
                        "expression = \"sin(x^2)\"\n"                        // 5
                        "[question.partial]\n";                              // 6
  // An unknown tag, and "tolerance", which only a number question takes.
  EXPECT_EQ(problem_places(load_test_quiz(d + "missing-inner = 0.5\ntolerance = 0.5\n")),
            (std::vector<std::string>{"7:1 quiz.unknown_tag", "8:1 quiz.unknown_tag"}));
  // Shares must be above 0 and below 1.
  EXPECT_EQ(problem_places(load_test_quiz(d + "sign-error = 1\npower-rule = 0\n"
                                              "product-rule = 1.5\nquotient-rule = -0.5\n")),
            (std::vector<std::string>{"7:14 partial.bad_share", "8:14 partial.bad_share",
                                      "9:16 partial.bad_share", "10:17 partial.bad_share"}));
  EXPECT_EQ(problem_places(load_test_quiz(d + "sign-error = \"half\"\n")),
            (std::vector<std::string>{"7:14 quiz.need_number"}));
  // partial must be a table.
  EXPECT_EQ(problem_places(load_test_quiz(kQuizHeader +
                                          "[[question]]\nid = \"d\"\nkind = \"derivative\"\n"
                                          "expression = \"x^2\"\npartial = 0.5\n")),
            (std::vector<std::string>{"6:11 quiz.need_table"}));
  // tolerance_partial is for numbers only.
  EXPECT_EQ(problem_places(load_test_quiz(kQuizHeader +
                                          "[[question]]\nid = \"d\"\nkind = \"derivative\"\n"
                                          "expression = \"x^2\"\ntolerance_partial = 0.1\n")),
            (std::vector<std::string>{"6:1 quiz.key_not_for_kind"}));
}

TEST(PartialCredit, ToleranceAndItsShareComeTogether) {
  const std::string v = kQuizHeader +
                        "[[question]]\nid = \"v\"\nkind = \"value\"\n"  // 2-4
                        "expression = \"x^2\"\nat = { x = 3 }\n";       // 5-6
  // A share without the looser tolerance.
  EXPECT_EQ(problem_places(load_test_quiz(v + "[question.partial]\ntolerance = 0.5\n")),
            (std::vector<std::string>{"8:1 partial.needs_tolerance"}));
  // The looser tolerance without its share, with or without a partial table.
  EXPECT_EQ(problem_places(load_test_quiz(v + "tolerance_partial = 0.05\n")),
            (std::vector<std::string>{"7:21 partial.needs_share"}));
  EXPECT_EQ(problem_places(load_test_quiz(v + "tolerance_partial = 0.05\n"
                                              "[question.partial]\nsign-error = 0.5\n")),
            (std::vector<std::string>{"7:21 partial.needs_share"}));
  // Not looser than the question's own tolerance, or not below 1.
  EXPECT_EQ(problem_places(load_test_quiz(v + "tolerance = 0.01\ntolerance_partial = 0.01\n"
                                              "[question.partial]\ntolerance = 0.5\n")),
            (std::vector<std::string>{"8:21 partial.bad_tolerance"}));
  EXPECT_EQ(problem_places(load_test_quiz(v + "tolerance_partial = 1\n"
                                              "[question.partial]\ntolerance = 0.5\n")),
            (std::vector<std::string>{"7:21 partial.bad_tolerance"}));
}

}  // namespace
}  // namespace tutor
