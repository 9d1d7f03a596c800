// Deciding whether two expressions are the same function.
//
// First a symbolic fast path (normal() of the difference is zero), then agreement at
// sample points drawn with a fixed seed, because normal() cannot prove trigonometric and
// logarithmic identities such as sin(2x) = 2 sin(x) cos(x).
#pragma once

#include <ginac/ginac.h>

#include <optional>
#include <vector>

namespace tutor {

// The real value of E at POINT, or nullopt where E is undefined there (a pole, a complex
// value, an overflow). Never throws.
std::optional<double> evaluate(const GiNaC::ex& e, const GiNaC::exmap& point);

enum class Verdict {
  equal,      // the same function
  different,  // disagree at some point where both are defined
  undecided,  // too few points where both are defined
};

struct Equivalence {
  Verdict verdict = Verdict::undecided;
  bool symbolic = false;       // decided by normal()
  int agreeing_points = 0;     // points where both are defined and agree
  int only_first_defined = 0;  // points where A is defined and B is not
  int only_second_defined = 0;
};

// Whether A and B agree as functions of VARS. Points are drawn from [-3, 3] (and, where
// that finds too few, from (0, 3]) with SEED, skipping points where either is undefined.
// Values agree within a relative 1e-9 with an absolute floor of 1e-12.
Equivalence compare_functions(const GiNaC::ex& a, const GiNaC::ex& b,
                              const std::vector<GiNaC::ex>& vars, unsigned seed = 20261127);

// Whether two numbers agree within the tolerance above.
bool nearly_equal(double a, double b);

}  // namespace tutor
