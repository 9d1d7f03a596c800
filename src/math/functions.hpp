// The functions a learner may call, and the ones GiNaC lacks.
//
// sec, csc, cot, sech, csch, coth, arccot, arcsec, arccsc, sigmoid, relu, softplus and step
// are GiNaC functions of their own, each
// with a numeric value and a derivative, so that they survive differentiation and
// printing as the learner wrote them instead of being rewritten into other functions.
#pragma once

#include <ginac/ginac.h>

#include <span>
#include <string_view>

namespace tutor {

DECLARE_FUNCTION_1P(sec)
DECLARE_FUNCTION_1P(csc)
DECLARE_FUNCTION_1P(cot)
DECLARE_FUNCTION_1P(sech)
DECLARE_FUNCTION_1P(csch)
DECLARE_FUNCTION_1P(coth)
// arccot with values in (0, π); arcsec and arccsc, real for |x| ≥ 1.
DECLARE_FUNCTION_1P(acot)
DECLARE_FUNCTION_1P(asec)
DECLARE_FUNCTION_1P(acsc)
DECLARE_FUNCTION_1P(sigmoid)
DECLARE_FUNCTION_1P(relu)
DECLARE_FUNCTION_1P(softplus)
// The unit step ("step" to the learner): 1 for x > 0 and 0 for x < 0. relu'(x) = step(x). At 0 it
// is 0, the convention autograd libraries use for relu'(0), where relu has no derivative.
DECLARE_FUNCTION_1P(unit_step)

// How a function is shown and read back.
struct FunctionInfo {
  std::string_view name;   // canonical name, used in input form: "log", "sigmoid"
  std::string_view text;   // name in Unicode text form: "ln", "σ"
  std::string_view latex;  // "\\ln", "\\sigma", "\\operatorname{relu}"
  GiNaC::ex (*build)(const GiNaC::ex& arg);
};

// Every name the parser accepts as a function, including aliases (arcsin, ln, σ).
struct FunctionName {
  std::string_view spelling;
  const FunctionInfo* info;
};
std::span<const FunctionName> function_names();

// The function spelled NAME ("ln", "arcsin", "σ"), or nullptr.
const FunctionInfo* find_function(std::string_view name);

// The entry for a GiNaC function by its GiNaC name ("log", "sigmoid", "abs"), or nullptr.
// "sqrt" is never a GiNaC function: GiNaC stores it as a power.
const FunctionInfo* function_by_ginac_name(std::string_view name);

}  // namespace tutor
