#include "math/cost.hpp"

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

// log10 |n| for a nonzero integer, without converting a huge one to double.
double log10_abs_integer(const GiNaC::numeric& n) {
  const long bits = n.int_length();
  if (bits < 1000) return std::log10(std::abs(n.to_double()));
  // Within 0.31 of the truth, which is plenty for a limit of hundreds of digits.
  return static_cast<double>(bits - 1) * std::log10(2.0);
}

// log10 |n| for a nonzero real number.
double log10_abs(const GiNaC::numeric& n) {
  if (n.is_rational()) return log10_abs_integer(n.numer()) - log10_abs_integer(n.denom());
  return std::log10(std::abs(n.to_double()));
}

std::optional<GiNaC::numeric> largest_symbolic_exponent(const GiNaC::ex& e, int depth) {
  std::optional<GiNaC::numeric> best;
  if (depth > 400) return best;
  if (GiNaC::is_a<GiNaC::power>(e) && !GiNaC::is_a<GiNaC::numeric>(e.op(0)) &&
      GiNaC::is_a<GiNaC::numeric>(e.op(1))) {
    best = abs(GiNaC::ex_to<GiNaC::numeric>(e.op(1)));
  }
  for (std::size_t i = 0; i < e.nops(); ++i) {
    auto sub = largest_symbolic_exponent(e.op(i), depth + 1);
    if (sub && (!best || *sub > *best)) best = sub;
  }
  return best;
}

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

double digits_of(const GiNaC::numeric& n) {
  if (n.is_zero() || !n.is_real()) return 0;
  if (n.is_rational()) {
    return std::max(log10_abs_integer(n.numer()), log10_abs_integer(n.denom()));
  }
  return std::abs(log10_abs(n));
}

double log10_power_digits(const GiNaC::numeric& base, const GiNaC::numeric& exponent) {
  // The result has about digits_of(base)·|exponent| digits.
  const double size = digits_of(base);
  if (size == 0 || exponent.is_zero()) return -1;
  return std::log10(size) + log10_abs(exponent.is_real() ? exponent : GiNaC::numeric(1));
}

std::optional<GiNaC::numeric> largest_symbolic_exponent(const GiNaC::ex& e) {
  return largest_symbolic_exponent(e, 0);
}

double longest_number_digits(const GiNaC::ex& e) {
  double most = 0;
  std::vector<GiNaC::ex> todo{e};
  while (!todo.empty()) {
    const GiNaC::ex cur = todo.back();
    todo.pop_back();
    if (GiNaC::is_exactly_a<GiNaC::numeric>(cur)) {
      most = std::max(most, digits_of(GiNaC::ex_to<GiNaC::numeric>(cur)));
      continue;
    }
    const bool power = GiNaC::is_exactly_a<GiNaC::power>(cur);
    for (std::size_t i = 0; i < cur.nops(); ++i) {
      if (!(power && i == 1 && GiNaC::is_exactly_a<GiNaC::numeric>(cur.op(1)))) {
        todo.push_back(cur.op(i));
      }
    }
  }
  return most;
}

double largest_exponent(const GiNaC::ex& e) {
  double most = 1;
  for (auto it = e.preorder_begin(); it != e.preorder_end(); ++it) {
    if (GiNaC::is_exactly_a<GiNaC::power>(*it) && GiNaC::is_exactly_a<GiNaC::numeric>(it->op(1))) {
      most = std::max(most, std::abs(GiNaC::ex_to<GiNaC::numeric>(it->op(1)).to_double()));
    }
  }
  return most;
}

}  // namespace tutor
