#include "support/random_expr.hpp"

#include "math/functions.hpp"

namespace tutor::testing {

using GiNaC::ex;

ex RandomExpr::leaf() {
  switch (pick(6)) {
    case 0:
      return GiNaC::numeric(pick(5) + 1);
    case 1:
      return GiNaC::numeric(pick(4) + 1, 2);
    default:
      return vars_[static_cast<std::size_t>(pick(static_cast<int>(vars_.size())))];
  }
}

ex RandomExpr::make(int depth) {
  if (depth <= 0 || pick(4) == 0) return leaf();
  auto sub = [&] { return make(depth - 1); };
  switch (pick(27)) {
    case 0:
    case 1:
      return sub() + sub();
    case 2:
      return sub() - sub();
    case 3:
    case 4:
      return sub() * sub();
    case 5:
      return sub() / (sub() + 7);  // keeps the denominator away from 0 mostly
    case 6:
      return GiNaC::pow(sub(), pick(3) + 2);
    case 7:
      return GiNaC::pow(sub(), -1);
    case 8:
      return GiNaC::sqrt(GiNaC::pow(sub(), 2) + 1);
    case 9:
      return GiNaC::sin(sub());
    case 10:
      return GiNaC::cos(sub());
    case 11:
      return GiNaC::tan(sub() / 9);
    case 12:
      return GiNaC::exp(sub() / 5);
    case 13:
      return GiNaC::log(GiNaC::pow(sub(), 2) + 1);
    case 14:
      return GiNaC::atan(sub());
    case 15:
      return GiNaC::asin(GiNaC::sin(sub()) / 2);
    case 16:
      return GiNaC::acos(GiNaC::cos(sub()) / 2);
    case 17:
      return GiNaC::sinh(sub() / 4);
    case 18:
      return GiNaC::cosh(sub() / 4);
    case 19:
      return GiNaC::tanh(sub());
    case 20:
      return sigmoid(sub());
    case 21:
      return relu(sub());
    case 22:
      return softplus(sub());
    case 23:
      return GiNaC::abs(sub());
    case 24:
      return pick(2) ? sec(sub() / 9) : cot(sub() / 9 + 1);
    case 25:
      return GiNaC::pow(GiNaC::numeric(2), sub() / 4);
    default:
      return GiNaC::pow(GiNaC::pow(sub(), 2) + 1, sub() / 3);  // f^g: logarithmic
  }
}

}  // namespace tutor::testing
