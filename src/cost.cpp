#include "tutor/cost.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tutor {

namespace {

// Degree bounds of the numerator and the denominator of E as one fraction.
struct Degrees {
  double num = 0;
  double den = 0;
};

// Nodes a bound may visit: a derivative shares subtrees, which a walk visits once per use,
// so a deep chain's derivative is a large tree however few objects it has.
constexpr int kMaxNodes = 5000;
constexpr double kUnbounded = std::numeric_limits<double>::infinity();

Degrees degrees(const GiNaC::ex& e, int& budget) {
  if (--budget < 0) return {kUnbounded, 0};
  if (GiNaC::is_a<GiNaC::numeric>(e) || GiNaC::is_a<GiNaC::constant>(e)) return {};
  if (GiNaC::is_a<GiNaC::symbol>(e)) return {1, 0};
  if (GiNaC::is_a<GiNaC::add>(e)) {
    // a/b + c/d = (ad + bc)/(bd): denominators multiply, numerators pick them up.
    Degrees d;
    double top = 0;
    for (std::size_t i = 0; i < e.nops(); ++i) {
      Degrees t = degrees(e.op(i), budget);
      top = std::max(top, t.num);
      d.den += t.den;
    }
    d.num = top + d.den;
    return d;
  }
  if (GiNaC::is_a<GiNaC::mul>(e)) {
    Degrees d;
    for (std::size_t i = 0; i < e.nops(); ++i) {
      Degrees t = degrees(e.op(i), budget);
      d.num += t.num;
      d.den += t.den;
    }
    return d;
  }
  if (GiNaC::is_a<GiNaC::power>(e)) {
    Degrees base = degrees(e.op(0), budget);
    const GiNaC::ex& n = e.op(1);
    if (GiNaC::is_a<GiNaC::numeric>(n) && GiNaC::ex_to<GiNaC::numeric>(n).is_rational()) {
      // x^(1/2) stays a power of degree 1; x^-1000 is a degree-1000 denominator.
      const GiNaC::numeric p = GiNaC::numer(GiNaC::ex_to<GiNaC::numeric>(n));
      double k = std::max(1.0, std::abs(p.to_double()));
      Degrees d{base.num * k, base.den * k};
      if (p.is_negative()) std::swap(d.num, d.den);
      return d;
    }
    Degrees d = degrees(n, budget);
    return {base.num + base.den + d.num + d.den, 0};
  }
  // A function: rewriting works on each argument as its own problem.
  double worst = 1;
  for (std::size_t i = 0; i < e.nops(); ++i) {
    Degrees d = degrees(e.op(i), budget);
    worst = std::max(worst, d.num + d.den);
  }
  return {worst, 0};
}

}  // namespace

double degree_bound(const GiNaC::ex& e) {
  int budget = kMaxNodes;
  Degrees d = degrees(e, budget);
  return d.num + d.den;
}

bool more_leaves_than(const GiNaC::ex& e, std::size_t limit) {
  std::size_t leaves = 0;
  for (auto it = e.preorder_begin(); it != e.preorder_end(); ++it) {
    if (it->nops() == 0 && ++leaves > limit) return true;
  }
  return false;
}

}  // namespace tutor
