#include "tutor/equivalence.hpp"

#include <cmath>
#include <random>

#include "tutor/cost.hpp"
#include "tutor/print.hpp"

namespace tutor {

using GiNaC::ex;

std::optional<double> evaluate(const ex& e, const GiNaC::exmap& point) {
  try {
    ex v = e.subs(point).evalf();
    if (!GiNaC::is_a<GiNaC::numeric>(v)) return std::nullopt;
    const auto& n = GiNaC::ex_to<GiNaC::numeric>(v);
    if (!n.is_real()) {
      // Rounding can leave a vanishing imaginary part, e.g. from (x^2)^(1/2).
      double im = GiNaC::imag(n).to_double();
      double re = GiNaC::real(n).to_double();
      if (std::abs(im) > 1e-12 * std::max(1.0, std::abs(re))) return std::nullopt;
      return std::isfinite(re) ? std::optional(re) : std::nullopt;
    }
    double d = n.to_double();
    if (!std::isfinite(d)) return std::nullopt;
    return d;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

bool nearly_equal(double a, double b) {
  return std::abs(a - b) <= 1e-9 * std::max(std::abs(a), std::abs(b)) + 1e-12;
}

Equivalence compare_functions(const ex& a, const ex& b, const std::vector<ex>& vars,
                              unsigned seed) {
  Equivalence r;
  // normal() on large expressions can take long; past this size (or degree: normal() of
  // (x+1)^1000 - 1000(x+1)^998 takes seconds) the points decide.
  constexpr std::size_t kSymbolicLimit = 2000;
  try {
    ex diff = a - b;
    if (diff.is_zero() ||
        (print(diff, Style::input).size() < kSymbolicLimit && cheap_to_rewrite(diff) &&
         diff.normal().is_zero())) {
      r.verdict = Agreement::equal;
      r.symbolic = true;
      return r;
    }
  } catch (const std::exception&) {
    // normal() can fail on a pole; the numeric check below still decides.
  }
  std::mt19937 gen(seed);
  constexpr int kWanted = 8;
  constexpr int kTries = 60;
  for (int t = 0; t < kTries && r.agreeing_points < kWanted; ++t) {
    // Half the tries on (0, 3], where logarithms and roots are defined.
    bool positive = t >= kTries / 2 || (t % 3 == 2);
    std::uniform_real_distribution<double> dist(positive ? 0.05 : -3.0, 3.0);
    GiNaC::exmap point;
    for (const auto& v : vars) {
      // Rounded to a few digits so that the point itself prints readably in reports.
      double x = std::round(dist(gen) * 1000.0) / 1000.0;
      point[v] = GiNaC::numeric(x);
    }
    auto va = evaluate(a, point);
    auto vb = evaluate(b, point);
    if (va && !vb) ++r.only_first_defined;
    if (vb && !va) ++r.only_second_defined;
    if (!va || !vb) continue;
    if (!nearly_equal(*va, *vb)) {
      r.verdict = Agreement::different;
      return r;
    }
    ++r.agreeing_points;
  }
  r.verdict = r.agreeing_points >= 3 ? Agreement::equal : Agreement::undecided;
  return r;
}

}  // namespace tutor
