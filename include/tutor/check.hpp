// Checking a learner's derivative, and saying which mistake it is.
//
// The answer is compared with the derivative as a function (symbolically, then at sample
// points), so every correct form is accepted: 2x cos(x²), cos(x²)·2x, sin(2x) for
// 2 sin(x) cos(x). A wrong answer is compared with derivatives built wrong on purpose from
// the step tree (the inner factor dropped, a sign flipped, ...), and the first that
// matches names the mistake.
//
//   tutor::SymbolTable syms;
//   auto q = tutor::parse("sin(x^2)", syms).expr;
//   tutor::Verdict v = tutor::check(q, syms.get("x"), "cos(x^2)", syms);
//   // v.status == Status::incorrect, v.mistake == Mistake::missing_inner_derivative
#pragma once

#include <ginac/ginac.h>

#include <optional>
#include <string>
#include <string_view>

#include "tutor/errors.hpp"
#include "tutor/i18n.hpp"
#include "tutor/symbols.hpp"

namespace tutor {

enum class Status { correct, incorrect, invalid };

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

// "correct", "incorrect", "invalid"; and the mistake tags of DESIGN.md.
std::string_view status_id(Status status);
std::string_view mistake_id(Mistake mistake);
std::optional<Mistake> parse_mistake(std::string_view tag);

struct Verdict {
  Status status = Status::invalid;
  std::optional<Mistake> mistake;
  Message feedback;                 // in the learner's language at the edge (ko and en both exist)
  GiNaC::ex expected;               // the derivative, in the form `tutor diff` shows
  std::optional<GiNaC::ex> answer;  // the answer as read (absent when it could not be read)
  std::string answer_text;          // the answer as typed
  std::optional<Error> error;       // why it could not be read, with the span (invalid only)
};

// Checks ANSWER as d/d(WRT) of EXPRESSION. Answer variables come from SYMS, so they are the
// question's own. Never throws for any answer text; throws tutor::Error only when WRT is not
// a symbol or EXPRESSION has no derivative (differentiate() refuses it, e.g. 0^x).
Verdict check(const GiNaC::ex& expression, const GiNaC::ex& wrt, std::string_view answer,
              SymbolTable& syms);

}  // namespace tutor
