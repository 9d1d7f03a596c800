// How expensive GiNaC's symbolic rewriting (expand, normal, factor) of an expression can
// be, judged before running it. Their cost grows with the degree of the polynomial they
// multiply out, not with the length of the text: (x+1)^1000·(x+2)^1000 is 22 characters
// but a degree-2000 polynomial with 300-digit coefficients, which factor() takes minutes on.
#pragma once

#include <ginac/ginac.h>

#include <cstddef>

namespace tutor {

// An upper bound on the total degree E has once multiplied out and brought to one
// fraction (numerator and denominator together); function arguments count as their own.
// Infinity for a tree of more than a few thousand nodes, which is never cheap either.
double degree_bound(const GiNaC::ex& e);

// Past this degree, expand/normal/factor may take seconds; a learner never needs them
// there, so callers keep the form they have and let numeric checks decide.
inline constexpr double kMaxRewriteDegree = 40;

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

// Past this many terms expand() is not called on the learner's path: expanding
// (x + y + 1)^20 gives 231 terms in well under a millisecond, and every sum the tutor shows
// is far shorter than this.
inline constexpr double kMaxExpandTerms = 400;

// Whether expand, normal and factor on E are cheap enough to try.
inline bool cheap_to_rewrite(const GiNaC::ex& e) {
  return degree_bound(e) <= kMaxRewriteDegree;
}

}  // namespace tutor
