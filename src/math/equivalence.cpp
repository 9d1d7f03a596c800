#include "math/equivalence.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "base/interrupt.hpp"
#include "math/cost.hpp"
#include "math/functions.hpp"

namespace tutor {

using GiNaC::ex;
using GiNaC::numeric;

namespace {

const numeric kLargest("1e300");

// Thrown inside an evaluation when a value leaves the reals; caught by the evaluators.
struct Undefined : std::domain_error {
  Undefined() : std::domain_error("undefined") {}
};

// Thrown where a point says nothing about the functions: a value past the range of a
// double, or a sine of an argument so large that double precision cannot place it in its
// period (sin(e^288)). Such a point is skipped, neither agreeing nor out of the domain.
struct Unusable : std::range_error {
  Unusable() : std::range_error("unusable point") {}
};

// Past this, sin, cos and tan of a double are noise: the period 2π is below the spacing of
// doubles near 10^16, and long before that most of the digits are gone.
const numeric kLargestAngle(1000000);

// Past this, e^u is past the range of a double (e^709 ≈ 10^308), and CLN's answer for
// e^(10^68) is not to be trusted: it came out as 1.
const numeric kLargestExponent(700);

bool grows_exponentially(const ex& e) {
  if (!GiNaC::is_a<GiNaC::function>(e)) return false;
  const unsigned s = GiNaC::ex_to<GiNaC::function>(e).get_serial();
  return s == GiNaC::exp_SERIAL::serial || s == GiNaC::sinh_SERIAL::serial ||
         s == GiNaC::cosh_SERIAL::serial;
}

bool periodic(const ex& e) {
  if (!GiNaC::is_a<GiNaC::function>(e)) return false;
  const unsigned s = GiNaC::ex_to<GiNaC::function>(e).get_serial();
  return s == GiNaC::sin_SERIAL::serial || s == GiNaC::cos_SERIAL::serial ||
         s == GiNaC::tan_SERIAL::serial || s == sec_SERIAL::serial || s == csc_SERIAL::serial ||
         s == cot_SERIAL::serial;
}

// Precision for re-evaluating a point where double precision cancelled: 1 − σ(x + 40) is
// 4·10⁻¹⁸, far below the 10⁻¹⁶ that doubles resolve next to 1.
constexpr int kPreciseDigits = 50;

// A sum whose value is smaller than its largest term by this much has lost most of its
// digits in double precision.
constexpr double kCancellation = 1e-7;

// E's value at a point, node by node, each distinct subexpression once. A derivative
// repeats its subtrees (the nested arguments of a 150-deep chain appear in all 150
// factors), and subs() followed by evalf() on the whole tree evaluated every copy again:
// quadratic, and seconds per point for deep chains.
class PointValue : public GiNaC::map_function {
 public:
  explicit PointValue(const GiNaC::exmap& point) : point_(point) {}

  // Whether some sum cancelled so far that its value is noise at this precision.
  bool cancelled() const { return cancelled_; }

  ex operator()(const ex& e) override {
    if (GiNaC::is_exactly_a<numeric>(e)) return e;
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
      poll_interrupt();  // a cache miss is real work: one node's value, at 50 digits perhaps
      if (GiNaC::is_exactly_a<GiNaC::add>(e)) {
        value = real_value(sum(e));
      } else {
        if (GiNaC::is_a<GiNaC::function>(e) && e.nops() == 1) {
          // Checked before the function is built: GiNaC evaluates sin(2.5e288) as it builds.
          const ex arg = (*this)(e.op(0));
          if (GiNaC::is_exactly_a<numeric>(arg)) {
            const numeric size = GiNaC::abs(GiNaC::ex_to<numeric>(arg));
            if ((periodic(e) && size > kLargestAngle) ||
                (grows_exponentially(e) && size > kLargestExponent)) {
              throw Unusable();
            }
          }
        }
        value = real_value((e.nops() == 0 ? e : e.map(*this)).evalf());
        // cos(π/2 − ε) is ε with few digits left, like a sum that cancelled: cos(arccot(u))
        // for tiny u was off by 5·10⁻⁶.
        if (periodic(e) && GiNaC::is_exactly_a<numeric>(value) &&
            std::abs(GiNaC::ex_to<numeric>(value).to_double()) < kCancellation) {
          cancelled_ = true;
        }
      }
      memo_.emplace(e, value);
    }
    seen_.emplace(id, std::make_pair(keep, value));  // holding it keeps its address unique
    return value;
  }

 private:
  // A sum term by term, noting cancellation.
  ex sum(const ex& e) {
    numeric total = 0;
    double largest = 0;
    for (std::size_t i = 0; i < e.nops(); ++i) {
      ex t = (*this)(e.op(i));
      if (!GiNaC::is_exactly_a<numeric>(t)) return e.map(*this);
      const numeric& n = GiNaC::ex_to<numeric>(t);
      largest = std::max(largest, std::abs(n.to_double()));
      total += n;
    }
    if (largest > 0 && std::abs(total.to_double()) < kCancellation * largest) cancelled_ = true;
    return total;
  }

  // V if it is a real number in range; a rounding residue of an imaginary part (from
  // (x²)^(1/2) in floating point) is dropped. Anything else leaves the domain.
  static ex real_value(const ex& v) {
    if (!GiNaC::is_exactly_a<numeric>(v)) return v;  // a variable without a value: not a point
    const numeric& n = GiNaC::ex_to<numeric>(v);
    numeric re = n;
    if (!n.is_real()) {
      // Relative to the number's own size: 6.5·10⁻⁹³ with an imaginary part of a fifth of
      // that is no rounding residue.
      re = GiNaC::real(n);
      if (GiNaC::abs(GiNaC::imag(n)) > numeric(1, 1000000000000) * GiNaC::abs(n)) throw Undefined();
    }
    // Past the range of a double the result is an overflow anyway, and going on can take
    // CLN minutes: 3^(3^(3^27)) is a number with 10^12 digits in its exponent.
    if (GiNaC::abs(re) > kLargest) throw Unusable();
    return re;
  }

  const GiNaC::exmap& point_;
  bool cancelled_ = false;
  // Ordered by GiNaC's compare(), not hashed with is_equal(): compare() makes two equal
  // trees share one object as it finds them equal, so the next comparison of those subtrees
  // is a pointer test. With is_equal() a 199-deep sigmoid chain compared its whole depth at
  // every level, and a check took 2.7 s.
  GiNaC::exmap memo_;
  std::unordered_map<const GiNaC::basic*, std::pair<ex, ex>> seen_;
};

// GiNaC's precision for the lifetime of the object.
class Precision {
 public:
  explicit Precision(long digits) : saved_(GiNaC::Digits) { GiNaC::Digits = digits; }
  ~Precision() { GiNaC::Digits = saved_; }
  Precision(const Precision&) = delete;
  Precision& operator=(const Precision&) = delete;

 private:
  long saved_;
};

struct Value {
  enum Kind { defined, undefined, unusable } kind = undefined;
  double value = 0;
  bool cancelled = false;
};

Value value_at(const ex& e, const GiNaC::exmap& point, long digits) {
  try {
    Precision p(digits);
    PointValue at(point);
    ex v = at(e);
    if (!GiNaC::is_exactly_a<numeric>(v)) return {};
    double d = GiNaC::ex_to<numeric>(v).to_double();
    if (!std::isfinite(d)) return {Value::unusable};
    return Value{Value::defined, d, at.cancelled()};
  } catch (const Unusable&) {
    return {Value::unusable};
  } catch (const std::exception&) {
    return {};
  }
}

// The same within a relative 1e-9; two values that are both below 1e-40 after a 50-digit
// evaluation are a cancelled 0.
bool same_value(double a, double b, bool precise) {
  const double scale = std::max(std::abs(a), std::abs(b));
  return std::abs(a - b) <= 1e-9 * scale || (precise && scale < 1e-40);
}

// --- choosing the points ----------------------------------------------------------------

// An exact rational near V: points are exact so that a 50-digit evaluation is exact too,
// and a point prints readably in reports.
numeric exact(double v) {
  const double scale = std::abs(v) < 1000 ? 1000 : 1;
  return numeric(static_cast<long>(std::llround(v * scale)), static_cast<long>(scale));
}

// Where the affine argument A of a kink or domain edge is 0 (or ±1 for arcsin and
// arccos), by variable: A = a·v + b with a and b rational.
class Edges {
 public:
  explicit Edges(const std::vector<ex>& vars) : vars_(vars) {}

  // Walks E once per distinct object: a derivative shares its subtrees, and a walk of the
  // tree as printed is quadratic in a deep chain's depth.
  void collect(const ex& e) {
    std::vector<ex> todo{e};
    while (!todo.empty()) {
      ex node = todo.back();
      todo.pop_back();
      if (node.nops() == 0) continue;
      if (!seen_.emplace(&GiNaC::ex_to<GiNaC::basic>(node), node).second) continue;
      if (GiNaC::is_a<GiNaC::function>(node)) {
        const unsigned serial = GiNaC::ex_to<GiNaC::function>(node).get_serial();
        affine_zero(node.op(0), 0);
        // Functions whose real domain ends at ±1: arcsin, arccos, artanh, arcosh, arcsec, arccsc.
        if (serial == GiNaC::asin_SERIAL::serial || serial == GiNaC::acos_SERIAL::serial ||
            serial == GiNaC::atanh_SERIAL::serial || serial == GiNaC::acosh_SERIAL::serial ||
            serial == asec_SERIAL::serial || serial == acsc_SERIAL::serial) {
          affine_zero(node.op(0), 1);
          affine_zero(node.op(0), -1);
        }
      } else if (GiNaC::is_exactly_a<GiNaC::power>(node) &&
                 GiNaC::is_exactly_a<numeric>(node.op(1))) {
        const numeric& n = GiNaC::ex_to<numeric>(node.op(1));
        if (!n.is_integer() || n.is_negative()) affine_zero(node.op(0), 0);  // a root, a pole
      } else if (GiNaC::is_exactly_a<GiNaC::power>(node)) {
        exponents_ = true;
      }
      for (std::size_t i = 0; i < node.nops(); ++i) todo.push_back(node.op(i));
    }
  }

  // Points near the edges of VAR, in a fixed order: just past each edge on both sides
  // first, then farther out.
  std::vector<numeric> near(const ex& var) const {
    std::vector<numeric> out;
    auto it = zeros_.find(GiNaC::ex_to<GiNaC::symbol>(var).get_name());
    if (it == zeros_.end()) return out;
    static const std::array<numeric, 6> kOffsets = {numeric(13, 1000), numeric(-13, 1000),
                                                    numeric(17, 10),   numeric(-17, 10),
                                                    numeric(31, 100),  numeric(-31, 100)};
    for (const numeric& d : kOffsets) {
      for (const numeric& z : it->second) out.push_back(z + d);
    }
    return out;
  }

  // Whether a variable stands in an exponent, where integers and halves matter.
  bool exponents() const { return exponents_; }

 private:
  // Where A = TARGET, for A an affine or quadratic polynomial in one variable with rational
  // coefficients: x − 4 = 0 at 4, x² − 4 = 0 at ±2 (the edges of arcsin(x² − 4)).
  void affine_zero(const ex& a, int target) {
    // a·v² + b·v + c has at most eight leaves; a longer argument is left to the random points.
    if (more_leaves_than(a, 8)) return;
    for (const ex& v : vars_) {
      const auto& s = GiNaC::ex_to<GiNaC::symbol>(v);
      if (!a.has(v)) continue;
      for (const ex& w : vars_) {
        if (!w.is_equal(v) && a.has(w)) return;
      }
      if (!a.is_polynomial(v)) return;
      // coeff() reads expanded polynomials only; (5 − 4x)(5 + 4x) has at most eight leaves,
      // so expanding it is cheap.
      const ex expanded = a.expand();
      const int degree = expanded.degree(v);
      if (degree < 1 || degree > 2) return;
      std::array<double, 3> k{};
      for (int i = 0; i <= degree; ++i) {
        ex c = expanded.coeff(v, i) - (i == 0 ? target : 0);
        if (!GiNaC::is_exactly_a<numeric>(c) || !GiNaC::ex_to<numeric>(c).is_rational()) return;
        k[static_cast<std::size_t>(i)] = GiNaC::ex_to<numeric>(c).to_double();
      }
      std::vector<double> roots;
      if (degree == 1) {
        roots.push_back(-k[0] / k[1]);
      } else if (const double d = k[1] * k[1] - 4 * k[2] * k[0]; d >= 0) {
        roots.push_back((-k[1] - std::sqrt(d)) / (2 * k[2]));
        roots.push_back((-k[1] + std::sqrt(d)) / (2 * k[2]));
      }
      for (double z : roots) {
        if (std::isfinite(z) && std::abs(z) < 1e6) zeros_[s.get_name()].insert(exact(z));
      }
      return;
    }
  }

  const std::vector<ex>& vars_;
  // By name and value, so the order never depends on GiNaC's term order.
  struct Less {
    bool operator()(const numeric& a, const numeric& b) const { return a < b; }
  };
  std::map<std::string, std::set<numeric, Less>> zeros_;
  bool exponents_ = false;
  // Objects already walked, each held so that its address stays its own.
  std::unordered_map<const GiNaC::basic*, ex> seen_;
};

// Small integers and halves, where (−1)^2 and 4^(1/2) are defined.
const std::array<numeric, 7> kSpecial = {numeric(-2), numeric(-1), numeric(-1, 2), numeric(1, 2),
                                         numeric(1),  numeric(2),  numeric(3)};

class Points {
 public:
  Points(const std::vector<ex>& vars, const Edges& edges, unsigned seed) : vars_(vars), gen_(seed) {
    for (const ex& v : vars) near_.push_back(edges.near(v));
  }

  // Try T's point. Each variable takes its own kind in turn, so that with two variables
  // an edge of one meets random values of the other.
  GiNaC::exmap at(int t) {
    GiNaC::exmap point;
    for (std::size_t i = 0; i < vars_.size(); ++i) {
      point[vars_[i]] = value(t, i);
    }
    return point;
  }

 private:
  numeric value(int t, std::size_t i) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double u = unit(gen_);  // drawn on every call, so each kind's draws are fixed
    const auto& edges = near_[i];
    switch ((t + static_cast<int>(2 * i)) % 6) {
      case 0:
      case 3:
        if (!edges.empty()) return edges[static_cast<std::size_t>(used_[i]++) % edges.size()];
        return exact(0.05 + 2.95 * u);
      case 1:
        return exact(-3 + 6 * u);
      case 2: {
        // ±10^(−2 … 2.3): a domain far from 0, and large and small magnitudes.
        const double m = std::pow(10.0, -2 + 4.3 * u);
        return exact(t % 4 < 2 ? m : -m);
      }
      case 4:
        return kSpecial[static_cast<std::size_t>(t / 6 + static_cast<int>(i)) % kSpecial.size()];
      default:
        return exact(0.05 + 2.95 * u);
    }
  }

  const std::vector<ex>& vars_;
  std::mt19937 gen_;
  std::vector<std::vector<numeric>> near_;
  std::map<std::size_t, int> used_;
};

// What one point says about A and B.
// ONE_SIDE: only one of them is defined there, a point inside a domain all the same.
enum class Seen { skipped, one_side, agreed, vanished, differed };

// Compares A and B at POINT, updating R's domain counts and agreeing points. Two values that
// both vanish (1 − tanh(u)² where tanh(u) rounds to 1 even with 50 digits) agree without
// showing much: they are VANISHED, and do not count as agreeing points.
Seen compare_at(const ex& a, const ex& b, const GiNaC::exmap& point, Equivalence& r,
                const ex* within) {
  if (within != nullptr && value_at(*within, point, GiNaC::Digits).kind != Value::defined) {
    return Seen::skipped;
  }
  Value va = value_at(a, point, GiNaC::Digits);
  Value vb = value_at(b, point, GiNaC::Digits);
  if (va.kind == Value::unusable || vb.kind == Value::unusable) return Seen::skipped;
  if (va.kind == Value::defined && vb.kind != Value::defined) ++r.only_first_defined;
  if (vb.kind == Value::defined && va.kind != Value::defined) ++r.only_second_defined;
  if (va.kind != Value::defined && vb.kind != Value::defined) return Seen::skipped;
  if (va.kind != Value::defined || vb.kind != Value::defined) return Seen::one_side;
  bool precise = false;
  if (va.cancelled || vb.cancelled) {
    va = value_at(a, point, kPreciseDigits);
    vb = value_at(b, point, kPreciseDigits);
    if (va.kind != Value::defined || vb.kind != Value::defined) return Seen::skipped;
    precise = true;
  }
  if (!same_value(va.value, vb.value, precise)) return Seen::differed;
  if (std::max(std::abs(va.value), std::abs(vb.value)) < (precise ? 1e-40 : 1e-300)) {
    return Seen::vanished;
  }
  ++r.agreeing_points;
  return Seen::agreed;
}

}  // namespace

std::optional<double> evaluate(const ex& e, const GiNaC::exmap& point) {
  Value v = value_at(e, point, GiNaC::Digits);
  if (v.kind == Value::defined && v.cancelled) v = value_at(e, point, kPreciseDigits);
  if (v.kind != Value::defined) return std::nullopt;
  return v.value;
}

Equivalence compare_functions(const ex& a, const ex& b, const std::vector<ex>& vars, unsigned seed,
                              const ex* within) {
  Equivalence r;
  if ((a - b).is_zero()) {
    r.verdict = Agreement::equal;
    r.symbolic = true;
    return r;
  }
  Edges edges(vars);
  edges.collect(a);
  edges.collect(b);
  if (within != nullptr) edges.collect(*within);
  Points points(vars, edges, seed);
  constexpr int kWanted = 8;
  constexpr int kTries = 96;
  int vanished = 0;
  // Points where one of them is defined: a narrow domain (2 < |x| ≤ √5 for arcsin(x² − 4))
  // is searched around them afterwards.
  std::vector<GiNaC::exmap> inside;
  std::vector<GiNaC::exmap> zeros;
  // Looks at one point; true when A and B differ there.
  auto differs = [&](const GiNaC::exmap& point, bool remember) {
    poll_interrupt();
    const Seen seen = compare_at(a, b, point, r, within);
    // Distinct points only: the same small integer comes up again and again.
    if (seen == Seen::vanished && std::find(zeros.begin(), zeros.end(), point) == zeros.end()) {
      zeros.push_back(point);
      ++vanished;
    }
    if (remember && inside.size() < 8 && (seen == Seen::agreed || seen == Seen::one_side)) {
      inside.push_back(point);
    }
    return seen == Seen::differed;
  };
  bool differed = false;
  for (int t = 0; t < kTries && r.agreeing_points < kWanted && !differed; ++t) {
    differed = differs(points.at(t), true);
  }
  // Around the points found inside, ever closer, until enough agree.
  std::mt19937 gen(seed + 1);
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  for (int round = 0; round < 48 && r.agreeing_points < kWanted && !inside.empty() && !differed;
       ++round) {
    const GiNaC::exmap& centre = inside[static_cast<std::size_t>(round) % inside.size()];
    const double radius = std::pow(0.5, 1 + round / static_cast<int>(inside.size()));
    GiNaC::exmap point;
    for (const auto& [v, value] : centre) {
      const double c = GiNaC::ex_to<numeric>(value).to_double();
      point[v] = exact(c + radius * std::max(1.0, std::abs(c)) * unit(gen));
    }
    differed = differs(point, false);
  }
  // A variable in an exponent: (a^b)^c and a^(bc) differ only where a < 0 and b is even,
  // which random points never meet. Every combination of small integers and halves.
  if (!differed && edges.exponents() && vars.size() <= 3) {
    std::vector<std::size_t> idx(vars.size(), 0);
    for (std::size_t k = 0; k < idx.size() && !differed;) {
      GiNaC::exmap point;
      for (std::size_t i = 0; i < vars.size(); ++i) point[vars[i]] = kSpecial[idx[i]];
      differed = differs(point, false);
      k = 0;
      while (k < idx.size() && ++idx[k] == kSpecial.size()) idx[k++] = 0;
    }
  }
  if (differed) {
    r.verdict = Agreement::different;
    return r;
  }
  // Both 0 everywhere they were seen (an answer 0 for the derivative of a constant) is
  // equal too; both vanishing at a few points among others is not enough.
  const bool zero = r.agreeing_points == 0 && vanished >= 3;
  r.verdict = r.agreeing_points >= 3 || zero ? Agreement::equal : Agreement::undecided;
  return r;
}

}  // namespace tutor
