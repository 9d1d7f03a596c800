#include "tutor/forms.hpp"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "tutor/cost.hpp"

namespace tutor {

using GiNaC::ex;
using GiNaC::numeric;

namespace {

// Rebuilds a tree bottom-up, every node evaluated, each distinct object once: a
// derivative shares its subtrees (a deep chain's argument appears in every factor), and a
// plain recursion would rebuild every copy.
class Rebuild {
 public:
  explicit Rebuild(bool real) : real_(real) {}

  ex operator()(const ex& e) {
    if (e.nops() == 0) return e;
    const auto* id = &GiNaC::ex_to<GiNaC::basic>(e);
    if (auto it = done_.find(id); it != done_.end()) return it->second.second;
    ex out = build(e);
    // The key's object is kept alive with it: the operands of sums and products are often
    // made afresh by op(), and a freed one's address would come back for another node.
    done_.emplace(id, std::make_pair(e, out));
    return out;
  }

 private:
  ex build(const ex& e) {
    GiNaC::exvector ops;
    ops.reserve(e.nops());
    for (std::size_t i = 0; i < e.nops(); ++i) ops.push_back((*this)(e.op(i)));
    if (GiNaC::is_a<GiNaC::add>(e)) return GiNaC::add(ops);
    if (GiNaC::is_a<GiNaC::mul>(e)) return GiNaC::mul(ops);
    if (GiNaC::is_a<GiNaC::power>(e))
      return real_ ? real_power(ops[0], ops[1]) : pow(ops[0], ops[1]);
    if (GiNaC::is_a<GiNaC::function>(e)) {
      return GiNaC::function(GiNaC::ex_to<GiNaC::function>(e).get_serial(), ops);
    }
    return e;
  }

  static bool non_integer_rational(const ex& r) {
    return GiNaC::is_a<numeric>(r) && GiNaC::ex_to<numeric>(r).is_rational() &&
           !GiNaC::ex_to<numeric>(r).is_integer();
  }

  static bool even_integer(const ex& n) {
    return GiNaC::is_a<numeric>(n) && GiNaC::ex_to<numeric>(n).is_even();
  }

  // B^R where the rewrite (u^(2k))^r = |u|^(2kr) applies; GiNaC keeps (x²)^(1/2) as it
  // is, and factor() wrongly takes it for x.
  static ex real_power(const ex& b, const ex& r) {
    if (!non_integer_rational(r)) return GiNaC::pow(b, r);
    if (GiNaC::is_a<GiNaC::power>(b) && even_integer(b.op(1))) {
      return GiNaC::pow(GiNaC::abs(b.op(0)), b.op(1) * r);
    }
    if (GiNaC::is_a<GiNaC::mul>(b)) {
      // (4x²)^(1/2) = 2|x| factor by factor, only when every factor allows it.
      GiNaC::exvector parts;
      for (std::size_t i = 0; i < b.nops(); ++i) {
        const ex& f = b.op(i);
        if (GiNaC::is_a<numeric>(f) && GiNaC::ex_to<numeric>(f).is_positive()) {
          parts.push_back(GiNaC::pow(f, r));
        } else if (GiNaC::is_a<GiNaC::power>(f) && even_integer(f.op(1))) {
          parts.push_back(GiNaC::pow(GiNaC::abs(f.op(0)), f.op(1) * r));
        } else {
          return GiNaC::pow(b, r);
        }
      }
      return GiNaC::mul(parts);
    }
    return GiNaC::pow(b, r);
  }

  bool real_;
  std::unordered_map<const GiNaC::basic*, std::pair<ex, ex>> done_;
};

// Whether E is a polynomial in its variables: numbers, symbols, sums, products and
// powers with a natural exponent.
bool polynomial(const ex& e) {
  if (GiNaC::is_a<numeric>(e) || GiNaC::is_a<GiNaC::symbol>(e)) return true;
  if (GiNaC::is_a<GiNaC::power>(e)) {
    return e.op(1).info(GiNaC::info_flags::posint) && polynomial(e.op(0));
  }
  if (GiNaC::is_a<GiNaC::add>(e) || GiNaC::is_a<GiNaC::mul>(e)) {
    for (std::size_t i = 0; i < e.nops(); ++i) {
      if (!polynomial(e.op(i))) return false;
    }
    return true;
  }
  return false;
}

bool power_of_sum(const ex& f) {
  return GiNaC::is_a<GiNaC::power>(f) && GiNaC::is_a<GiNaC::add>(f.op(0));
}

// Whether the rule multiplies TERM out: a polynomial in which no sum is raised to a power.
bool multiplied_out(const ex& term) {
  if (!polynomial(term) || power_of_sum(term)) return false;
  if (GiNaC::is_a<GiNaC::mul>(term)) {
    for (std::size_t i = 0; i < term.nops(); ++i) {
      if (power_of_sum(term.op(i))) return false;
    }
  }
  return true;
}

// The factors of a held product, or E alone.
std::vector<ex> factors_of(const ex& e) {
  std::vector<ex> out;
  if (GiNaC::is_a<GiNaC::mul>(e)) {
    for (std::size_t i = 0; i < e.nops(); ++i) out.push_back(e.op(i));
  } else {
    out.push_back(e);
  }
  return out;
}

// A number under the bar cancels against the integer content of a sum factor:
// ½·(2x + 2)·u = (x + 1)·u. Only whole contents move, so a sum is either left alone or
// divided by its content.
ex cancel_content(const ex& p) {
  std::vector<ex> fs = factors_of(p);
  numeric coeff = 1;
  for (const ex& f : fs) {
    if (GiNaC::is_a<numeric>(f)) coeff *= GiNaC::ex_to<numeric>(f);
  }
  if (!coeff.is_rational() || coeff.denom().is_equal(1)) return p;
  bool changed = false;
  for (ex& f : fs) {
    if (!GiNaC::is_a<GiNaC::add>(f)) continue;
    const numeric c = f.integer_content();
    if (c.is_equal(1) || GiNaC::gcd(c.numer(), coeff.denom()).is_equal(1)) continue;
    GiNaC::exvector terms;
    for (std::size_t i = 0; i < f.nops(); ++i) terms.push_back(f.op(i) / c);
    f = GiNaC::add(terms);
    coeff *= c;
    changed = true;
  }
  if (!changed) return p;
  std::vector<ex> out{coeff};
  for (const ex& f : fs) {
    if (!GiNaC::is_a<numeric>(f)) out.push_back(f);
  }
  return product_form(out);
}

// Past this many leaves a result keeps the form the rule built: rewriting a 199-deep
// chain's derivative at every level made `diff` quadratic in its output, and a result that
// long is read for its factors, not simplified.
constexpr std::size_t kRewriteLeaves = 300;

bool too_long(const std::vector<ex>& parts) {
  return std::any_of(parts.begin(), parts.end(),
                     [](const ex& p) { return more_leaves_than(p, kRewriteLeaves); });
}

}  // namespace

ex product_form(const std::vector<ex>& factors) {
  numeric coeff = 1;
  ex rest = 1;
  auto take = [&](const ex& f) {
    if (GiNaC::is_a<numeric>(f)) {
      coeff *= GiNaC::ex_to<numeric>(f);
    } else {
      rest = rest * f;
    }
  };
  for (const ex& f : factors) {
    if (GiNaC::is_a<GiNaC::mul>(f)) {
      for (std::size_t i = 0; i < f.nops(); ++i) take(f.op(i));
    } else {
      take(f);
    }
  }
  if (coeff.is_zero()) return 0;
  if (coeff.is_equal(1)) return rest;
  if (GiNaC::is_a<numeric>(rest)) return coeff * GiNaC::ex_to<numeric>(rest);
  if (GiNaC::is_a<GiNaC::add>(rest)) return GiNaC::mul(ex(coeff), rest).hold();
  if (GiNaC::is_a<GiNaC::mul>(rest)) {
    GiNaC::exvector v{ex(coeff)};
    for (std::size_t i = 0; i < rest.nops(); ++i) v.push_back(rest.op(i));
    return GiNaC::mul(v).hold();
  }
  return GiNaC::mul(ex(coeff), rest).hold();
}

ex unheld(const ex& e) {
  return Rebuild(false)(e);
}

ex real_form(const ex& e) {
  return Rebuild(true)(e);
}

ex chain_form(const std::vector<ex>& factors) {
  if (too_long(factors)) return product_form(factors);
  // Factor by factor, so that a held 2·(3x + 1) is not distributed on the way.
  std::vector<ex> real;
  Rebuild rewrite(true);
  for (const ex& f : factors) {
    for (const ex& g : factors_of(f)) real.push_back(rewrite(g));
  }
  return cancel_content(product_form(real));
}

ex sum_form(const std::vector<ex>& terms) {
  if (too_long(terms)) return GiNaC::add(GiNaC::exvector(terms.begin(), terms.end()));
  GiNaC::exvector out;
  out.reserve(terms.size());
  Rebuild rewrite(true);
  for (const ex& t : terms) {
    ex term = rewrite(t);
    if (multiplied_out(term) && expansion_terms(term) <= kMaxExpandTerms) term = term.expand();
    out.push_back(term);
  }
  return GiNaC::add(out);
}

ex scaled_form(const ex& c, const ex& derivative) {
  if (!GiNaC::is_a<GiNaC::add>(derivative)) return chain_form({c, derivative});
  std::vector<ex> terms;
  for (std::size_t i = 0; i < derivative.nops(); ++i) terms.push_back(c * derivative.op(i));
  return sum_form(terms);
}

ex quotient_form(const std::vector<ex>& numerator_terms, const ex& denominator) {
  return chain_form({sum_form(numerator_terms), GiNaC::pow(denominator, -2)});
}

}  // namespace tutor
