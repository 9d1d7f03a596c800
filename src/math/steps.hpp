// Step-by-step differentiation: the tree of rules that takes an expression to its derivative.
//
// Every step carries the sub-expression it differentiates and the derivative it found, so
// each one can be checked against GiNaC's own diff. A chain of compositions is flattened:
// sin((3x+1)²) is one chain step with three links, f(u) = sin(u), u = v², v = 3x + 1, and
// its derivative is the product of the three link factors.
//
//   tutor::SymbolTable syms;
//   auto e = tutor::parse("sin(x^2)", syms).expr;
//   tutor::Step s = tutor::differentiate(e, syms.get("x"));   // s.rule == Rule::chain
#pragma once

#include <ginac/ginac.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tutor {

enum class Rule {
  constant,
  variable,
  sum,
  constant_multiple,
  product,
  quotient,
  power,
  exponential,
  logarithm,
  trig,
  inverse_trig,
  hyperbolic,
  inverse_hyperbolic,
  abs,
  sigmoid,
  relu,
  chain,
  logarithmic_differentiation,
};

// The rule's id in JSON ("constant-multiple", "inverse-trig", ...).
std::string_view rule_id(Rule rule);

// One link of a flattened chain: OUTER is a function of VARIABLE, and VARIABLE stands for
// INNER (written in the original variable). For the innermost link VARIABLE is the original
// variable itself and INNER equals it.
struct Link {
  GiNaC::ex outer;     // sin(u)        v²            3x + 1
  GiNaC::ex variable;  // u             v             x
  GiNaC::ex inner;     // (3x + 1)²     3x + 1        x
  GiNaC::ex local;     // cos(u)        2v            3
  GiNaC::ex factor;    // cos((3x+1)²)  2(3x + 1)     3        (local, letters substituted back)
};

// Why a step deserves a remark beyond its rule.
enum class Remark {
  none,
  not_differentiable_at_zero,  // abs and relu: no derivative where the argument is 0
  independent,                 // the expression does not contain the variable at all
};

struct Step {
  Rule rule = Rule::constant;
  GiNaC::ex expression;  // what this step differentiates
  GiNaC::ex wrt;         // with respect to what (a letter, for the links of a chain)
  GiNaC::ex derivative;  // the result, in the form shown to the learner
  // The result before simplifying, as the rule assembles it, in the order it does: the
  // factors of a chain (outermost first), the terms of a product or sum rule, or
  // {N', D, N, D'} for a quotient. Rendered side by side, never multiplied out by GiNaC.
  std::vector<GiNaC::ex> parts;
  std::vector<Step> substeps;
  std::vector<Link> links;  // chain steps only
  Remark remark = Remark::none;
  GiNaC::ex remark_at;  // the argument that must not be 0 (for not_differentiable_at_zero)
};

struct DiffOptions {
  // Letters for the links of chains are taken from this list, skipping any name in use.
  std::vector<std::string> letters = {"u", "v", "w", "p", "q", "r", "s",
                                      "t", "g", "h", "k", "m", "n"};
};

// The derivation of d/d(VAR) E. Throws tutor::Error when VAR is not a symbol. Letters for
// chain links are fresh real symbols that never clash with E's variables.
Step differentiate(const GiNaC::ex& e, const GiNaC::ex& var, const DiffOptions& options = {});

// Past the 10th a derivative is rarely worth reading, and it grows with each order.
inline constexpr int kMaxOrder = 10;

// The derivations of orders 1 to ORDER, each from the previous one's final form: the
// derivative a learner would take next. Throws as differentiate() does, and tutor::Error
// for an ORDER outside 1..kMaxOrder.
std::vector<Step> differentiate_orders(const GiNaC::ex& e, const GiNaC::ex& var, int order);

// The derivative of order ORDER (0 gives E itself), as differentiate_orders() takes it.
// An Nth derivative is checked as the derivative of this of order N − 1, so that a
// mistake is named at the step where it was made.
GiNaC::ex nth_derivative(const GiNaC::ex& e, const GiNaC::ex& var, int order);

}  // namespace tutor
