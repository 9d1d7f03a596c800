// How expensive work on an expression can be, judged before doing it, and the inventory of
// the GiNaC algorithms the tutor calls on a learner's input, with the bound on each:
//   factor, normal, polynomial gcd, sqrfree, collect, series, lsolve
//       never called: their cost is not bounded by the input (factor() ran without end on
//       x² + 2x(x + 1)), and factor() is unsound for real variables (x/√(x²) = 1).
//   expand
//       never called either: expand() costs what it produces, not what it reads
//       ((x+1)^1000·(x+2)^1000 is 22 characters and 2001 terms), and it multiplies out
//       denominators. src/math/forms.cpp spreads products itself, counting the terms first,
//       at most kMaxExpandTerms.
//   diff (graph and quiz references, descent's Hessian)
//       polynomial in the size of the input, which the parser bounds (2,000 bytes, 200
//       levels, exponents up to 1,000, at most 10,000 terms once expanded: expansion_terms).
//   evalf at a point (src/math/equivalence.cpp)
//       one evaluation per distinct subexpression; a value past 10^300 stops the evaluation.
//   integer content and the gcd of two integers (src/math/forms.cpp)
//       integers of at most Limits::max_number_digits digits.
#pragma once

#include <ginac/ginac.h>

#include <cstddef>
#include <optional>

namespace tutor {

// Whether E has more than LIMIT leaves (numbers, symbols, constants), a shared subtree
// counted once per use, as printing writes it. Each leaf prints at least one character, so
// this says E's text is longer than LIMIT without printing it. Stops counting past LIMIT.
bool more_leaves_than(const GiNaC::ex& e, std::size_t limit);

// An upper bound on the number of terms GiNaC::expand(E) can produce, counting the
// expansion of every function argument and root base as a problem of its own: the
// smaller of the product of the sums' term counts and the number of monomials of E's
// degree in its atoms (variables, and functions taken whole), so (x+1)(x+2)…(x+50) counts
// 51, not 2⁵⁰. Infinity past 20,000 nodes (a walk visits a shared subtree once per use).
double expansion_terms(const GiNaC::ex& e);

// Whether E, written out, has more than MAX_NODES nodes or nests deeper than MAX_DEPTH, a
// shared subtree counted once per use. Stops at the first node past either bound, so it
// costs at most MAX_NODES steps whatever E is: f(f(f(x))) built from definitions shares
// its subtrees, and a walk of the written-out tree could otherwise take exponential time.
bool larger_than(const GiNaC::ex& e, std::size_t max_nodes, std::size_t max_depth);

// About how many decimal digits N takes to write: log10 of the larger of |numerator| and
// denominator for an exact number, |log10 |N|| for a decimal; 0 for 0, ±1 and non-real
// numbers. Costs the same for a number of a million digits as for 2.
double digits_of(const GiNaC::numeric& n);

// log10 of about how many digits BASE^EXPONENT takes to write, worked out in logarithms so
// that an exponent such as 10^999 cannot overflow a double; -1 when the power is 0, ±1 or
// has exponent 0.
double log10_power_digits(const GiNaC::numeric& base, const GiNaC::numeric& exponent);

// The largest |n| among the numeric exponents of non-numeric bases in E (5000 in x^5000),
// looking at most 400 levels deep; nullopt when there is none.
std::optional<GiNaC::numeric> largest_symbolic_exponent(const GiNaC::ex& e);

// About how many digits the longest number in E has, exponents aside: substituting x^1000
// for x multiplies exponents, which costs nothing. One step per node of E.
double longest_number_digits(const GiNaC::ex& e);

// The largest |n| of a numeric exponent in E, at least 1: x^1000 raises whatever replaces x
// to 1000. One step per node of E.
double largest_exponent(const GiNaC::ex& e);

// Past this many terms no product is multiplied out on the learner's path: 231 terms of
// (x + y + 1)^20 take well under a millisecond, and every sum the tutor shows is far
// shorter than this.
inline constexpr double kMaxExpandTerms = 400;

}  // namespace tutor
