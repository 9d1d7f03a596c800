#include "math/forms.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <utility>

#include "math/cost.hpp"

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
    if (GiNaC::is_exactly_a<GiNaC::add>(e)) return GiNaC::add(ops);
    if (GiNaC::is_exactly_a<GiNaC::mul>(e))
      return real_ ? joined_exponentials(ops) : GiNaC::mul(ops);
    if (GiNaC::is_exactly_a<GiNaC::power>(e))
      return real_ ? real_power(ops[0], ops[1]) : pow(ops[0], ops[1]);
    // Every value the tutor works with is real where it is defined, so conjugate(z) is z
    // there. GiNaC writes |z|² as z·conjugate(z) when it cannot tell z is real: csc(ln(x³)).
    if (real_ && GiNaC::is_the_function<GiNaC::conjugate_function_SERIAL>(e)) return ops[0];
    // |c·u| = |c|·|u|: d/dx arccsc(2x) = −2/(2|x|·√(4x² − 1)) can then cancel its 2.
    if (real_ && GiNaC::is_the_function<GiNaC::abs_SERIAL>(e) &&
        GiNaC::is_exactly_a<GiNaC::mul>(ops[0])) {
      const ex& m = ops[0];
      const ex c = m.op(m.nops() - 1);
      if (GiNaC::is_exactly_a<numeric>(c) && GiNaC::ex_to<numeric>(c).is_real()) {
        return GiNaC::abs(c) * GiNaC::abs(m / c);
      }
    }
    if (GiNaC::is_a<GiNaC::function>(e)) {
      return GiNaC::function(GiNaC::ex_to<GiNaC::function>(e).get_serial(), ops);
    }
    return e;
  }

  static bool non_integer_rational(const ex& r) {
    return GiNaC::is_exactly_a<numeric>(r) && GiNaC::ex_to<numeric>(r).is_rational() &&
           !GiNaC::ex_to<numeric>(r).is_integer();
  }

  static bool even_integer(const ex& n) {
    return GiNaC::is_exactly_a<numeric>(n) && GiNaC::ex_to<numeric>(n).is_even();
  }

  // The product of OPS with its exponentials joined, e^a·e^b = e^(a+b), which holds
  // everywhere and which GiNaC leaves alone: 4e^(−x)·e^x is 4.
  static ex joined_exponentials(const GiNaC::exvector& ops) {
    GiNaC::exvector rest;
    GiNaC::exvector exponents;
    for (const ex& f : ops) {
      if (GiNaC::is_the_function<GiNaC::exp_SERIAL>(f) && !f.op(0).is_equal(1)) {
        exponents.push_back(f.op(0));
      } else {
        rest.push_back(f);
      }
    }
    if (exponents.size() < 2) return GiNaC::mul(ops);
    rest.push_back(GiNaC::exp(GiNaC::add(exponents)));
    return GiNaC::mul(rest);
  }

  // B^R where the rewrite (u^(2k))^r = |u|^(2kr) applies; GiNaC keeps (x²)^(1/2) as it
  // is, and factor() wrongly takes it for x.
  static ex real_power(const ex& b, const ex& r) {
    if (!non_integer_rational(r)) return GiNaC::pow(b, r);
    if (GiNaC::is_exactly_a<GiNaC::power>(b) && even_integer(b.op(1))) {
      return GiNaC::pow(GiNaC::abs(b.op(0)), b.op(1) * r);
    }
    if (GiNaC::is_exactly_a<GiNaC::mul>(b)) {
      // (4x²)^(1/2) = 2|x| factor by factor, only when every factor allows it.
      GiNaC::exvector parts;
      for (std::size_t i = 0; i < b.nops(); ++i) {
        const ex& f = b.op(i);
        if (GiNaC::is_exactly_a<numeric>(f) && GiNaC::ex_to<numeric>(f).is_positive()) {
          parts.push_back(GiNaC::pow(f, r));
        } else if (GiNaC::is_exactly_a<GiNaC::power>(f) && even_integer(f.op(1))) {
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

// Whether F is a monomial factor: a number, a constant, or a power of a variable (x⁻²
// too). A product of monomials and sums is multiplied out: x·(72x³ − 13/(x + 1)²).
bool monomial(const ex& f) {
  if (GiNaC::is_exactly_a<numeric>(f) || GiNaC::is_a<GiNaC::constant>(f) ||
      GiNaC::is_a<GiNaC::symbol>(f)) {
    return true;
  }
  return GiNaC::is_exactly_a<GiNaC::power>(f) && GiNaC::is_a<GiNaC::symbol>(f.op(0)) &&
         f.op(1).info(GiNaC::info_flags::integer);
}

// The largest power of a sum that is multiplied out to see whether terms cancel: (a + b)²
// − (a − b)² = 4ab.
constexpr long kMaxSpreadPower = 4;

// TERM with its sums distributed: every sum factor, and with POWERS every sum to a
// natural power up to kMaxSpreadPower, multiplied out term by term. Nothing inside a
// function or a root is touched, and a denominator stays as it is (expand() would multiply
// out (x + 1)⁻² too). Nullopt when TERM has no sum to spread, when a factor is neither a
// sum nor a monomial and not ANY, or past kMaxExpandTerms terms.
std::optional<GiNaC::exvector> spread(const ex& term, bool powers, bool any) {
  std::vector<ex> factors;
  if (GiNaC::is_exactly_a<GiNaC::mul>(term)) {
    for (std::size_t i = 0; i < term.nops(); ++i) factors.push_back(term.op(i));
  } else {
    factors.push_back(term);
  }
  ex rest = 1;
  std::vector<ex> sums;
  double count = 1;
  for (const ex& f : factors) {
    if (GiNaC::is_exactly_a<GiNaC::add>(f)) {
      sums.push_back(f);
      count *= static_cast<double>(f.nops());
    } else if (powers && GiNaC::is_exactly_a<GiNaC::power>(f) &&
               GiNaC::is_exactly_a<GiNaC::add>(f.op(0)) &&
               f.op(1).info(GiNaC::info_flags::posint) &&
               GiNaC::ex_to<numeric>(f.op(1)).to_long() <= kMaxSpreadPower) {
      for (long k = GiNaC::ex_to<numeric>(f.op(1)).to_long(); k > 0; --k) {
        sums.push_back(f.op(0));
        count *= static_cast<double>(f.op(0).nops());
      }
    } else if (any || monomial(f)) {
      rest *= f;
    } else {
      return std::nullopt;
    }
  }
  if (sums.empty() || count > kMaxExpandTerms) return std::nullopt;
  GiNaC::exvector out{rest};
  for (const ex& s : sums) {
    GiNaC::exvector next;
    next.reserve(out.size() * s.nops());
    for (const ex& t : out) {
      for (std::size_t i = 0; i < s.nops(); ++i) next.push_back(t * s.op(i));
    }
    out = std::move(next);
  }
  return out;
}

std::size_t terms_in(const ex& e) {
  return GiNaC::is_exactly_a<GiNaC::add>(e) ? e.nops() : 1;
}

// The factors of a held product, or E alone.
std::vector<ex> factors_of(const ex& e) {
  std::vector<ex> out;
  if (GiNaC::is_exactly_a<GiNaC::mul>(e)) {
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
    if (GiNaC::is_exactly_a<numeric>(f)) coeff *= GiNaC::ex_to<numeric>(f);
  }
  if (!coeff.is_rational() || coeff.denom().is_equal(1)) return p;
  bool changed = false;
  for (ex& f : fs) {
    if (!GiNaC::is_exactly_a<GiNaC::add>(f)) continue;
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
    if (!GiNaC::is_exactly_a<numeric>(f)) out.push_back(f);
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
    if (GiNaC::is_exactly_a<numeric>(f)) {
      coeff *= GiNaC::ex_to<numeric>(f);
    } else {
      rest = rest * f;
    }
  };
  for (const ex& f : factors) {
    if (GiNaC::is_exactly_a<GiNaC::mul>(f)) {
      for (std::size_t i = 0; i < f.nops(); ++i) take(f.op(i));
    } else {
      take(f);
    }
  }
  if (coeff.is_zero()) return 0;
  if (coeff.is_equal(1)) return rest;
  if (GiNaC::is_exactly_a<numeric>(rest)) return coeff * GiNaC::ex_to<numeric>(rest);
  if (GiNaC::is_exactly_a<GiNaC::add>(rest)) return GiNaC::mul(ex(coeff), rest).hold();
  if (GiNaC::is_exactly_a<GiNaC::mul>(rest)) {
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
  std::vector<ex> exponents;
  for (const ex& f : factors) {
    for (const ex& g : factors_of(f)) {
      ex r = rewrite(g);
      for (const ex& h : factors_of(r)) {
        if (GiNaC::is_the_function<GiNaC::exp_SERIAL>(h) && !h.op(0).is_equal(1)) {
          exponents.push_back(h.op(0));
        } else {
          real.push_back(h);
        }
      }
    }
  }
  // e^a·e^b = e^(a+b) everywhere; GiNaC leaves the product alone.
  if (!exponents.empty()) real.push_back(GiNaC::exp(GiNaC::add(exponents)));
  return cancel_content(product_form(real));
}

ex sum_form(const std::vector<ex>& terms) {
  if (too_long(terms)) return GiNaC::add(GiNaC::exvector(terms.begin(), terms.end()));
  Rebuild rewrite(true);
  GiNaC::exvector plain;       // monomials times sums multiplied out
  GiNaC::exvector spread_all;  // and every other product too, powers of sums included
  bool spread_plain = false;
  bool spread_other = false;
  for (const ex& t : terms) {
    const ex term = rewrite(t);
    // x·(x·(x + 1) + 2) spreads into x²·(x + 1) + 2x, and that again into x³ + x² + 2x.
    const std::size_t before = plain.size();
    std::vector<ex> todo{term};
    while (!todo.empty()) {
      ex cur = todo.back();
      todo.pop_back();
      auto monomials = plain.size() < kMaxExpandTerms ? spread(cur, false, false) : std::nullopt;
      if (monomials) {
        todo.insert(todo.end(), monomials->begin(), monomials->end());
        spread_plain = true;
      } else {
        plain.push_back(cur);
      }
    }
    auto all = plain.size() == before + 1 && plain.back().is_equal(term) ? spread(term, true, true)
                                                                         : std::nullopt;
    if (all) {
      spread_all.insert(spread_all.end(), all->begin(), all->end());
      spread_other = true;
    } else {
      spread_all.insert(spread_all.end(), plain.begin() + static_cast<long>(before), plain.end());
    }
  }
  // A spread product is rebuilt once more, so that its exponentials join: e^(−x)·e^x = 1.
  ex kept = spread_plain ? rewrite(GiNaC::add(plain)) : GiNaC::add(plain);
  if (!spread_other) return kept;
  // Other products are multiplied out only when that makes terms cancel or combine:
  // csc²·(cot + 1) − csc²·(cot − 1) = 2csc², but cos(x)·(x + cos(x)) stays.
  ex merged = rewrite(GiNaC::add(spread_all));
  return terms_in(merged) < terms_in(kept) ? merged : kept;
}

ex scaled_form(const ex& c, const ex& derivative) {
  if (!GiNaC::is_exactly_a<GiNaC::add>(derivative)) return chain_form({c, derivative});
  std::vector<ex> terms;
  for (std::size_t i = 0; i < derivative.nops(); ++i) terms.push_back(c * derivative.op(i));
  return sum_form(terms);
}

ex quotient_form(const std::vector<ex>& numerator_terms, const ex& denominator) {
  return chain_form({sum_form(numerator_terms), GiNaC::pow(denominator, -2)});
}

}  // namespace tutor
