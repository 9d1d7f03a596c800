#include "tutor/cost.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace tutor {

namespace {

// log C(A, B) for real A ≥ B ≥ 0. lgamma(A + 1) − lgamma(B + 1) − lgamma(A − B + 1) loses
// every digit when A is huge and B small (lgamma(1e18) is about 4e19, so the difference
// comes out as 0 or even negative), which once let ((x+1)²+1)²… through at any depth. The
// sum of log((A − B + i)/i) over the smaller side has no such cancellation.
double log_binomial(double a, double b) {
  double k = std::min(b, a - b);
  if (k <= 0) return 0;
  if (k > 1e6) return std::lgamma(a + 1) - std::lgamma(b + 1) - std::lgamma(a - b + 1);
  double sum = 0;
  const auto steps = static_cast<long>(k);
  for (long i = 1; i <= steps; ++i) sum += std::log1p((a - k) / static_cast<double>(i));
  return sum;
}

constexpr double kTermCap = 1e18;

double capped_exp(double log_value) {
  // Rounded: a count computed through logarithms comes out as 230.99999 for 231.
  return log_value > std::log(kTermCap) ? kTermCap : std::round(std::exp(log_value));
}

// The expansion of E as one polynomial in its atoms: the product of its sums' term counts
// (PRODUCT), its degree in the atoms, and the atoms themselves. Function arguments and
// the bases of roots are separate problems, appended to INNER.
struct Shape {
  double product = 1;
  double degree = 0;
};

class ExpansionWalk {
 public:
  bool exhausted() const { return budget_ < 0; }
  GiNaC::exset atoms;
  std::vector<GiNaC::ex> inner;

  Shape walk(const GiNaC::ex& e) {
    if (--budget_ < 0) return {kTermCap, 0};
    if (GiNaC::is_a<GiNaC::numeric>(e) || GiNaC::is_a<GiNaC::constant>(e)) return {};
    if (GiNaC::is_a<GiNaC::add>(e)) {
      Shape s{0, 0};
      for (std::size_t i = 0; i < e.nops(); ++i) {
        Shape t = walk(e.op(i));
        s.product = std::min(s.product + t.product, kTermCap);
        s.degree = std::max(s.degree, t.degree);
      }
      return s;
    }
    if (GiNaC::is_a<GiNaC::mul>(e)) {
      Shape s;
      for (std::size_t i = 0; i < e.nops(); ++i) {
        Shape t = walk(e.op(i));
        s.product = std::min(s.product * t.product, kTermCap);
        s.degree += t.degree;
      }
      return s;
    }
    // A negative power too: expand() multiplies out the denominator's power.
    if (GiNaC::is_a<GiNaC::power>(e) && e.op(1).info(GiNaC::info_flags::integer)) {
      Shape base = walk(e.op(0));
      double n = std::abs(GiNaC::ex_to<GiNaC::numeric>(e.op(1)).to_double());
      // Monomials of degree n in k terms: C(n + k − 1, k − 1).
      double product = base.product > 1 ? capped_exp(log_binomial(n + base.product - 1, n)) : 1;
      return {product, base.degree * n};
    }
    for (std::size_t i = 0; i < e.nops(); ++i) inner.push_back(e.op(i));
    atoms.insert(e);
    return {1, 1};
  }

 private:
  int budget_ = 20000;
};

}  // namespace

double expansion_terms(const GiNaC::ex& e) {
  ExpansionWalk w;
  std::vector<GiNaC::ex> todo{e};
  double worst = 1;
  while (!todo.empty() && !w.exhausted()) {
    GiNaC::ex cur = todo.back();
    todo.pop_back();
    w.atoms.clear();
    w.inner.clear();
    Shape s = w.walk(cur);
    double k = static_cast<double>(w.atoms.size());
    double monomials = k == 0 ? 1 : capped_exp(log_binomial(s.degree + k, k));
    worst = std::max(worst, std::min(s.product, monomials));
    todo.insert(todo.end(), w.inner.begin(), w.inner.end());
  }
  return w.exhausted() ? std::numeric_limits<double>::infinity() : worst;
}

bool more_leaves_than(const GiNaC::ex& e, std::size_t limit) {
  std::size_t leaves = 0;
  for (auto it = e.preorder_begin(); it != e.preorder_end(); ++it) {
    if (it->nops() == 0 && ++leaves > limit) return true;
  }
  return false;
}

bool larger_than(const GiNaC::ex& e, std::size_t max_nodes, std::size_t max_depth) {
  std::vector<std::pair<GiNaC::ex, std::size_t>> todo{{e, 1}};
  std::size_t nodes = 0;
  while (!todo.empty()) {
    auto [cur, depth] = todo.back();
    todo.pop_back();
    if (++nodes > max_nodes || depth > max_depth) return true;
    for (std::size_t i = 0; i < cur.nops(); ++i) todo.emplace_back(cur.op(i), depth + 1);
  }
  return false;
}

}  // namespace tutor
