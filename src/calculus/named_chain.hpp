// The chain rule in the learner's own names: with f(x) = x² and g(x) = 3x + 1,
//   d/dx f(g(x)) = f′(g(x))·g′(x),  f′(x) = 2x so f′(g(x)) = 2(3x + 1),  g′(x) = 3,
// and the result 2(3x + 1)·3 = 6(3x + 1), as diff gives it.
#pragma once

#include <ginac/ginac.h>

#include <optional>
#include <string>
#include <vector>

#include "math/definitions.hpp"

namespace tutor {

// One factor of the chain, outermost first.
struct NamedFactor {
  // The factor as the learner names it, held: f′(g(x)). For an innermost argument that is
  // no call, sin(x) in f(sin(x)), the argument itself: the factor is d/dx of it.
  GiNaC::ex named;
  bool is_call = false;
  // For a call: the derivative of the definition in its own parameter, f′(x) = 2x.
  GiNaC::ex parameter;
  GiNaC::ex rule;
  // The factor written out in the variable: 2(3x + 1).
  GiNaC::ex value;
};

struct NamedChain {
  // Calls opened on the way, outermost first: h(x) = f(g(x)) opens h(x) into f(g(x)).
  std::vector<GiNaC::ex> opened;
  GiNaC::ex written;  // what the factors belong to, held: f(g(x))
  std::vector<NamedFactor> factors;
  GiNaC::ex result;  // the derivative, exactly as differentiate() gives it
};

// The chain for d/d(VAR) HELD when HELD is a call of a defined function whose argument is
// not VAR itself, or whose definition is a call (h(x) = f(g(x))); nullopt otherwise, when
// naming adds nothing to diff's own steps. Throws as Definitions::expand and differentiate.
std::optional<NamedChain> named_chain(const GiNaC::ex& held, const GiNaC::ex& var,
                                      const Definitions& defs);

}  // namespace tutor
