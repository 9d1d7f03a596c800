// One model of practising, for every place the tutor asks something: lessons, the course's
// exercises, `quiz take` (and the gradebook of `quiz grade`), and `graph --practice`.
//
// A Question says what is asked and what answers it; grade() judges one answer into an
// Outcome (status, mistake tag, feedback, score). Derivatives go through tutor::check, so a
// wrong one is told which factor it forgot; expressions through the equivalence policy;
// numbers through numbers_match; choices by their number, letter or text.
//
//   tutor::Question q;
//   q.kind = tutor::AnswerKind::number;
//   q.number = 54;
//   tutor::grade(q, "27*2").status   // Status::correct
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calculus/outcome.hpp"

namespace tutor {

// The one tolerance for a number a learner types: it counts when it is within one part in a
// million (relative 1e-6) of the expected number, or within 1e-12 of it near 0, or when it is
// the expected number rounded to the digits typed (rounds_to below). So 13.50001 counts for
// 27/2 and 13.5001 does not (six digits typed, and the sixth is wrong), while 0.333 counts
// for 1/3. A lesson's question (`tolerance:`)
// or a quiz's question (`tolerance =`) may set its own, say 0.01 for a value read off a chart.
inline constexpr double kNumberTolerance = 1e-6;

// A decimal typed with at least this many significant digits counts when it is the expected
// number rounded to the digits typed: 0.333 for 1/3, 0.6225 for σ(0.5) = 0.622459…, the way a
// learner copies a value off a calculator. Fewer digits (0.33) do not count.
inline constexpr long kRoundedDigits = 3;

// Whether TYPED, a plain decimal such as "0.333", "-2.50" or "1.25e-3", is EXPECTED rounded to
// the digits it shows, with at least kRoundedDigits significant digits: within half a unit in
// its last place. Anything else (27/2, sqrt(2), two digits) is false. Never throws.
bool rounds_to(double expected, std::string_view typed);

// Whether GIVEN is EXPECTED within TOLERANCE, relative to the larger of the two magnitudes
// (absolute 1e-12 near 0). Not-a-number matches nothing. Never throws; costs nothing.
bool numbers_match(double expected, double given, double tolerance = kNumberTolerance);

enum class AnswerKind {
  derivative,  // an expression, checked as d/d(wrt) of `function` by tutor::check
  number,      // a number; an expression without variables (27/2, sqrt(2)/2) counts as its value
  choice,      // one of `choices`, by its number (1, 2, ...), its letter (a, b, ...) or its text
  expression,  // an expression equal to `expression` as a function
};

struct Choice {
  std::string text;                  // as shown
  std::vector<std::string> aliases;  // other texts that name it too: another language's
};

// An answer to an expression question that is wrong in a way worth naming, and what to say
// about it: cos(x) for df/du of sin(x²) is the outer derivative taken at x instead of at u.
struct Misstep {
  std::string expression;  // input text
  Message feedback;
};

// A letter an expression question's answer may use for what it stands for: u for x², so that
// cos(u) and cos(x²) both answer df/du of sin(x²).
struct Letter {
  std::string name;        // "u"
  std::string expression;  // input text, in the question's variables: "x^2"
};

struct Question {
  std::string id;
  AnswerKind kind = AnswerKind::number;
  std::string prompt;  // as shown, in the learner's language
  // The key, by kind.
  std::string function;    // derivative: the function differentiated (input text)
  std::string wrt;         // derivative: the variable; empty for the function's only one
  std::string expression;  // expression: the expression asked for (input text)
  double number = 0;       // number
  std::optional<double> function_value;  // number: the function's value, when a derivative's
                                         // value is asked (giving it is not_differentiated)
  std::size_t choice = 0;                // choice: the right one, 0-based
  std::vector<Choice> choices;
  // The key as the author wrote it, shown when the answer is revealed: input text for a
  // derivative (printed in the learner's style), text as is for a number. Empty: made from
  // the key itself.
  std::string key;
  std::vector<std::string> hints;       // shown one at a time
  std::string explain;                  // shown once the question is answered or revealed
  double tolerance = kNumberTolerance;  // number
  std::map<Mistake, Message> feedback;  // an author's words for a mistake, instead of the
                                        // checker's
  std::vector<Letter> letters;          // expression: written out before comparing
  std::vector<Misstep> missteps;        // expression: known wrong answers, tried in order
  int points = 1;
};

// Grades ANSWER to Q: blank when it is empty, invalid (with the error, and for an expression
// its span) when it cannot be read, else correct or incorrect with the feedback and, where
// one is recognised, the mistake. The score is Q's points when correct. Never throws. Costs
// one tutor::check for a derivative, one compare_functions for an expression, a parse
// otherwise.
Outcome grade(const Question& q, std::string_view answer);

// The choice ANSWER names, 0-based, or nullopt: first a choice's text or alias (without
// regard to case; "10" among the rates 0.001, 0.1, 10 is the rate 10), then a choice whose
// text is the same number ("10.0"), then a number 1 to N, then a letter a to z ("b", "b)",
// "(b)"). Never throws.
std::optional<std::size_t> choice_named(const Question& q, std::string_view answer);

// The letter of choice I (0-based): "a", "b", ...
std::string choice_letter(std::size_t i);

// The key as the learner reads it: the derivative or expression printed in the text style
// (ASCII when asked), the number, or "b) the choice". Never throws.
std::string key_text(const Question& q, bool ascii);

// What is wrong with Q itself, or nullopt: a function or expression that does not parse, a
// derivative of several variables without wrt, fewer than two choices or a choice key out of
// range, or a key that grade() does not accept. Never throws.
std::optional<Message> question_problem(const Question& q);

}  // namespace tutor
