#include "tutor/equivalence.hpp"

#include <cmath>
#include <random>
#include <stdexcept>
#include <unordered_map>

#include "tutor/cost.hpp"
#include "tutor/print.hpp"

namespace tutor {

using GiNaC::ex;

namespace {

// E's value at a point, node by node, each distinct subexpression once. A derivative
// repeats its subtrees (the nested arguments of a 150-deep chain appear in all 150
// factors), and subs() followed by evalf() on the whole tree evaluated every copy again:
// quadratic, and seconds per point for deep chains. Equal subtrees are found by GiNaC's
// cached hash, which costs far less than evaluating a function in arbitrary precision.
const GiNaC::numeric kLargest("1e300");

class PointValue : public GiNaC::map_function {
 public:
  explicit PointValue(const GiNaC::exmap& point) : point_(point) {}

  ex operator()(const ex& e) override {
    if (GiNaC::is_a<GiNaC::numeric>(e)) return e;
    if (GiNaC::is_a<GiNaC::symbol>(e)) {
      auto it = point_.find(e);
      return it == point_.end() ? e : it->second;
    }
    // The same object first (no comparison needed), then an equal one. KEEP holds E's
    // object for seen_: the lookup in memo_ may repoint E itself to an equal object, and
    // E's may then be freed and its address reused by another expression.
    const ex keep = e;
    const GiNaC::basic* id = &GiNaC::ex_to<GiNaC::basic>(keep);
    if (auto it = seen_.find(id); it != seen_.end()) return it->second.second;
    ex value;
    if (auto it = memo_.find(e); it != memo_.end()) {
      value = it->second;
    } else {
      value = (e.nops() == 0 ? e : e.map(*this)).evalf();
      // Past the range of a double the result is an overflow anyway, and going on can
      // take CLN minutes: 3^(3^(3^27)) is a number with 10^12 digits in its exponent.
      if (GiNaC::is_a<GiNaC::numeric>(value) &&
          GiNaC::abs(GiNaC::ex_to<GiNaC::numeric>(value)) > kLargest) {
        throw std::overflow_error("value out of range");
      }
      memo_.emplace(e, value);
    }
    seen_.emplace(id, std::make_pair(keep, value));  // holding it keeps its address unique
    return value;
  }

 private:
  const GiNaC::exmap& point_;
  // Ordered by GiNaC's compare(), not hashed with is_equal(): compare() makes two equal
  // trees share one object as it finds them equal, so the next comparison of those subtrees
  // is a pointer test. With is_equal() a 199-deep sigmoid chain compared its whole depth at
  // every level, and a check took 2.7 s.
  GiNaC::exmap memo_;
  std::unordered_map<const GiNaC::basic*, std::pair<ex, ex>> seen_;
};

}  // namespace

std::optional<double> evaluate(const ex& e, const GiNaC::exmap& point) {
  try {
    PointValue at(point);
    ex v = at(e);
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
        (!more_leaves_than(diff, kSymbolicLimit) && cheap_to_rewrite(diff) &&
         print(diff, Style::input).size() < kSymbolicLimit && diff.normal().is_zero())) {
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
