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
//   tutor::Outcome o = tutor::check(q, syms.get("x"), "cos(x^2)", syms);
//   // o.status == Status::incorrect, o.mistake == Mistake::missing_inner_derivative
#pragma once

#include <ginac/ginac.h>

#include <string_view>

#include "calculus/outcome.hpp"
#include "math/steps.hpp"
#include "math/symbols.hpp"

namespace tutor {

// Checks ANSWER as d/d(WRT) of STEPS.expression, whose step tree STEPS is (from
// differentiate()). Answer variables come from SYMS, so they are the question's own. The
// outcome is correct, incorrect (with the mistake when one is recognised) or invalid (with
// the parser's error and span); its score is 1 when correct. Never throws for any answer
// text. Costs a few hundred evaluations of the answer and of the derivatives built wrong on
// purpose.
Outcome check(const Step& steps, const GiNaC::ex& wrt, std::string_view answer, SymbolTable& syms);

// The same for EXPRESSION, differentiated first. Throws tutor::Error only when WRT is not a
// symbol or EXPRESSION has no derivative (differentiate() refuses it, e.g. 0^x).
Outcome check(const GiNaC::ex& expression, const GiNaC::ex& wrt, std::string_view answer,
              SymbolTable& syms);

}  // namespace tutor
