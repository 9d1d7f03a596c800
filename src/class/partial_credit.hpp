// Partial credit: the one place that decides what share of a question's points an answer
// that is not right still earns, for `quiz take` and `quiz grade` alike.
//
// A quiz question gives it by the mistake diagnosed, [question.partial] with
// missing-inner-derivative = 0.5, and for a number by a looser tolerance, tolerance_partial =
// 0.05 with partial.tolerance = 0.5. A mistake's share is looked at first.
//
//   tutor::Credit c = tutor::credit(question, asked, tutor::grade(asked, "cos(x^2)"), "cos(x^2)");
//   // c.score == 1 (of 2 points), c.partial == "missing-inner-derivative"
#pragma once

#include <string>
#include <string_view>

#include "base/i18n.hpp"
#include "calculus/outcome.hpp"
#include "course/practice.hpp"

namespace tutor {

struct QuizQuestion;

// The tag a number within tolerance_partial earns its credit by, beside the mistake tags.
inline constexpr std::string_view kTolerancePartial = "tolerance";

struct Credit {
  double score = 0;     // points, rounded to hundredths
  std::string partial;  // the tag that earned partial credit; empty when none did
};

// What ANSWER to Q earns, marked as OUTCOME by grade(ASKED, ANSWER), where ASKED is the
// question to_question made of Q: all the points when correct, a share when incorrect with a
// mistake Q gives a share for or (a number) within Q's tolerance_partial, else nothing. Costs
// one more grade() of a number only when Q has a tolerance_partial and the answer was wrong.
// Never throws.
Credit credit(const QuizQuestion& q, const Question& asked, const Outcome& outcome,
              std::string_view answer);

// The sentence that says SCORE of POINTS was partial credit, earned by the tag PARTIAL (a
// mistake tag, or kTolerancePartial), in LANG: "Partial credit: 1 of 2 points (...)".
std::string credit_note(Lang lang, double score, int points, const std::string& partial);

// A share of POINTS rounded to hundredths of a point, the precision scores are kept in.
double share_of(int points, double share);

}  // namespace tutor
