// How one answer was judged: the one result every checker and every question returns, from
// `tutor check` to a quiz's gradebook.
//
//   tutor::Outcome o = tutor::check(q, syms.get("x"), "cos(x^2)", syms);
//   // o.status == Status::incorrect, o.mistake == Mistake::missing_inner_derivative
#pragma once

#include <optional>
#include <string_view>

#include "base/errors.hpp"
#include "base/i18n.hpp"

namespace tutor {

// correct and incorrect are tries; invalid is an answer that could not be read (with the
// reason in Outcome::error); blank is no answer at all.
enum class Status { correct, incorrect, invalid, blank };

enum class Mistake {
  missing_inner_derivative,
  sign_error,
  power_rule,
  product_rule,
  quotient_rule,
  constant_factor,
  not_differentiated,
  question_echo,
};

// "correct", "incorrect", "invalid", "blank"; and the mistake tags of
// the README ("Checking answers: `tutor check`"). Never throw.
std::string_view status_id(Status status);
std::string_view mistake_id(Mistake mistake);
std::optional<Mistake> parse_mistake(std::string_view tag);

// The mistake as text output names it in LANG: its tag in English, words in Korean
// ("안쪽 함수의 도함수 빠짐"). JSON and CSV keep the tag. Never throws.
std::string mistake_name(Lang lang, Mistake mistake);

struct Outcome {
  Status status = Status::invalid;
  std::optional<Mistake> mistake;
  Message feedback;            // put into the learner's language at the edge
  int score = 0;               // the question's points when correct, else 0
  std::optional<Error> error;  // invalid: why the answer could not be read, with its span
};

}  // namespace tutor
