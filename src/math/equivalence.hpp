// Deciding whether two expressions are the same function, by one stated policy.
//
// Two expressions are equal when they agree at every real point where both are defined.
// A point is in an expression's domain when every intermediate value is real and finite:
// √(k/m)·√(m/k) is undefined where k/m < 0, although the product of the two imaginary
// roots would be real. The points are chosen from the expressions themselves: on both
// sides of every kink and domain edge of an affine argument (relu(x − 4) is tried at 4.013
// and 3.987, log(x − 100) at 100.31), at small and large magnitudes, at small integers and
// halves where a variable stands in an exponent ((a^b)^c against a^(bc) at a = −1, b = 2,
// c = 1/2), and at random, from a fixed seed. Values agree within a relative 10⁻⁹. Where a
// sum lost its digits to cancellation in double precision (1 − σ(x + 40), sin² + cos² − 1),
// that point is evaluated again with 50 digits, so that 0 is not taken for e^(x − 40).
// No symbolic simplification runs: normal() and factor() can take unbounded time.
#pragma once

#include <ginac/ginac.h>

#include <optional>
#include <vector>

namespace tutor {

// The real value of E at POINT, or nullopt where E is undefined there: a pole, an
// intermediate value that is not real, an overflow. Never throws. Costs one evaluation of
// each distinct subexpression.
std::optional<double> evaluate(const GiNaC::ex& e, const GiNaC::exmap& point);

enum class Agreement {
  equal,      // the same function
  different,  // disagree at some point where both are defined
  undecided,  // too few points where both are defined
};

struct Equivalence {
  Agreement verdict = Agreement::undecided;
  bool symbolic = false;       // the same expression, no point needed
  int agreeing_points = 0;     // points where both are defined and agree
  int only_first_defined = 0;  // points where A is defined and B is not
  int only_second_defined = 0;
};

// Whether A and B agree as functions of VARS, by the policy above. Equal needs at least 3
// agreeing points (8 are sought); one disagreeing point makes them different. The same
// inputs give the same verdict on every run. Costs up to about 100 evaluations of each.
// WITHIN, when given, limits the points to where it is defined too: a derivative is judged
// only where the function it came from exists (1/√(x² − 1) is the derivative of arcosh(x)
// for x > 1, not for x < −1).
Equivalence compare_functions(const GiNaC::ex& a, const GiNaC::ex& b,
                              const std::vector<GiNaC::ex>& vars, unsigned seed = 20261127,
                              const GiNaC::ex* within = nullptr);

}  // namespace tutor
