// Gradient descent runs for tests: an expression's text, a start, learning rates and steps.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "labs/descent.hpp"
#include "math/syntax.hpp"

namespace tutor::testing {

// descend on TEXT from START with each of RATES for STEPS steps.
inline Descent run_descent(const std::string& text, std::map<std::string, double> start,
                           std::vector<double> rates, int steps = 100) {
  SymbolTable syms;
  Parsed p = parse(text, syms);
  DescentOptions o;
  o.rates = std::move(rates);
  o.steps = steps;
  return descend(p, start, o, syms);
}

}  // namespace tutor::testing
