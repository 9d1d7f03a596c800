// How expensive work on an expression can be, judged before doing it. GiNaC's expand()
// costs what it produces, not what it reads: (x+1)^1000·(x+2)^1000 is 22 characters but a
// polynomial of 2001 terms with 300-digit coefficients. The tutor calls no other GiNaC
// algorithm whose cost is not bounded by its input (factor, normal, gcd, sqrfree, collect,
// series, lsolve); expand() is called only below kMaxExpandTerms.
#pragma once

#include <ginac/ginac.h>

#include <cstddef>

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

// Past this many terms expand() is not called on the learner's path: expanding
// (x + y + 1)^20 gives 231 terms in well under a millisecond, and every sum the tutor shows
// is far shorter than this.
inline constexpr double kMaxExpandTerms = 400;

}  // namespace tutor
