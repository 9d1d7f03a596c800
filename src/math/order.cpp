#include "math/order.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <sstream>
#include <tuple>
#include <unordered_map>

namespace tutor {

using GiNaC::ex;

namespace {

// BLIND writes a sum S and its negation −S alike. GiNaC keeps S or −S inside a product
// depending on hash values that change from run to run (c/(b − w) or −c/(w − b)), so an
// order that must not change between runs compares sums that way.
void write_key(const ex& e, std::string& out, bool blind = false);

void write_numeric(const GiNaC::numeric& n, std::string& out) {
  // Small integers are most numbers; a stream per number cost more than the rest of the key.
  if (n.is_integer() && GiNaC::abs(n) <= GiNaC::numeric(std::numeric_limits<long>::max())) {
    out += std::to_string(n.to_long());
    return;
  }
  std::ostringstream os;
  os << n;
  out += os.str();
}

std::string joined(const char* tag, std::vector<std::string> parts, bool sort) {
  if (sort) std::sort(parts.begin(), parts.end());
  std::string out = tag;
  out += '(';
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += ',';
    out += parts[i];
  }
  out += ')';
  return out;
}

// The key of E, remembered per expression: the printer asks for the keys of the same
// subtrees again at every level above them. Looked up by value, not by object: the terms
// and factors that op() hands out are often made afresh on each call (2x in a sum is
// stored as the pair (x, 2)), and an object-keyed cache missed them every time. GiNaC's
// compare() looks at hash values first and makes equal trees share one object, so a
// lookup costs a few pointer tests. The cache is emptied when it grows.
const std::string& cached_key(const ex& e, bool blind) {
  thread_local std::map<ex, std::string, GiNaC::ex_is_less> cache[2];
  constexpr std::size_t kMaxEntries = 20000;
  auto& table = cache[blind ? 1 : 0];
  if (auto it = table.find(e); it != table.end()) return it->second;
  std::string out;
  write_key(e, out, blind);
  if (table.size() >= kMaxEntries) table.clear();
  return table.emplace(e, std::move(out)).first->second;
}

void write_children(const char* tag, const ex& e, bool sort, std::string& out, bool blind) {
  std::vector<std::string> parts;
  parts.reserve(e.nops());
  for (std::size_t i = 0; i < e.nops(); ++i) parts.push_back(cached_key(e.op(i), blind));
  out += joined(tag, std::move(parts), sort);
}

// The smaller of the keys of S and −S, negating term by term (a term is never a sum).
void write_blind_sum(const ex& sum, std::string& out) {
  std::vector<std::string> plus, minus;
  for (std::size_t i = 0; i < sum.nops(); ++i) {
    std::string p, m;
    write_key(sum.op(i), p, true);
    write_key(-sum.op(i), m, true);
    plus.push_back(std::move(p));
    minus.push_back(std::move(m));
  }
  out += std::min(joined("+", std::move(plus), true), joined("+", std::move(minus), true));
}

void write_key(const ex& e, std::string& out, bool blind) {
  if (GiNaC::is_exactly_a<GiNaC::numeric>(e)) {
    out += '#';
    write_numeric(GiNaC::ex_to<GiNaC::numeric>(e), out);
  } else if (GiNaC::is_a<GiNaC::symbol>(e)) {
    out += GiNaC::ex_to<GiNaC::symbol>(e).get_name();
  } else if (GiNaC::is_a<GiNaC::constant>(e)) {
    std::ostringstream os;
    os << e;
    out += '$';
    out += os.str();
  } else if (GiNaC::is_exactly_a<GiNaC::add>(e)) {
    if (blind) {
      write_blind_sum(e, out);
    } else {
      write_children("+", e, true, out, blind);
    }
  } else if (GiNaC::is_exactly_a<GiNaC::mul>(e)) {
    write_children("*", e, true, out, blind);
  } else if (GiNaC::is_exactly_a<GiNaC::power>(e)) {
    write_children("^", e, false, out, blind);
  } else if (GiNaC::is_a<GiNaC::function>(e)) {
    write_children(GiNaC::ex_to<GiNaC::function>(e).get_name().c_str(), e, false, out, blind);
  } else {
    // Anything else (never produced by the parser): GiNaC's own printing, with sorted
    // operands where it has any.
    write_children(GiNaC::ex_to<GiNaC::basic>(e).class_name(), e, true, out, blind);
  }
}

// Exponents of each variable in a monomial-like term: {x: 2, y: 1} for 3x²y.
void exponents(const ex& e, std::map<std::string, double>& out, double scale = 1.0) {
  if (GiNaC::is_a<GiNaC::symbol>(e)) {
    out[GiNaC::ex_to<GiNaC::symbol>(e).get_name()] += scale;
  } else if (GiNaC::is_exactly_a<GiNaC::power>(e) && GiNaC::is_a<GiNaC::symbol>(e.op(0)) &&
             GiNaC::is_exactly_a<GiNaC::numeric>(e.op(1)) &&
             e.op(1).info(GiNaC::info_flags::real)) {
    out[GiNaC::ex_to<GiNaC::symbol>(e.op(0)).get_name()] +=
        scale * GiNaC::ex_to<GiNaC::numeric>(e.op(1)).to_double();
  } else if (GiNaC::is_exactly_a<GiNaC::mul>(e)) {
    for (std::size_t i = 0; i < e.nops(); ++i) exponents(e.op(i), out, scale);
  }
}

bool is_monomial(const ex& e) {
  if (GiNaC::is_exactly_a<GiNaC::numeric>(e) || GiNaC::is_a<GiNaC::symbol>(e)) return true;
  if (GiNaC::is_exactly_a<GiNaC::power>(e)) {
    return GiNaC::is_a<GiNaC::symbol>(e.op(0)) && GiNaC::is_exactly_a<GiNaC::numeric>(e.op(1));
  }
  if (GiNaC::is_exactly_a<GiNaC::mul>(e)) {
    for (std::size_t i = 0; i < e.nops(); ++i) {
      if (!is_monomial(e.op(i))) return false;
    }
    return true;
  }
  return false;
}

std::string blind_key(const ex& e) {
  return cached_key(e, true);
}

// The key of the term without its numeric coefficient, for ordering 3x before 2y. The same
// for −sin(x) as for sin(x), and for c/(b − w) as for c/(w − b), so that a term's place does
// not depend on the sign GiNaC happened to keep.
std::string key_without_coefficient(const ex& e) {
  if (!GiNaC::is_exactly_a<GiNaC::mul>(e)) return blind_key(e);
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < e.nops(); ++i) {
    if (!GiNaC::is_exactly_a<GiNaC::numeric>(e.op(i))) parts.push_back(blind_key(e.op(i)));
  }
  if (parts.size() == 1) return parts.front();
  return joined("*", std::move(parts), true);
}

struct TermKey {
  bool constant;
  double degree;
  std::map<std::string, double> exps;
  bool monomial;
  std::string rest;
  std::string full;
};

TermKey term_key(const ex& t) {
  TermKey k;
  k.constant = GiNaC::is_exactly_a<GiNaC::numeric>(t);
  k.degree = total_degree(t);
  exponents(t, k.exps);
  k.monomial = is_monomial(t);
  k.rest = key_without_coefficient(t);
  k.full = canonical_key(t);
  return k;
}

bool term_before(const TermKey& a, const TermKey& b) {
  if (a.constant != b.constant) return !a.constant;
  if (a.degree != b.degree) return a.degree > b.degree;
  // Lexicographic on exponents, variables in alphabetical order: x² + xy + y².
  auto ia = a.exps.begin();
  auto ib = b.exps.begin();
  while (ia != a.exps.end() || ib != b.exps.end()) {
    if (ia == a.exps.end()) return false;
    if (ib == b.exps.end()) return true;
    if (ia->first != ib->first) return ia->first < ib->first;
    if (ia->second != ib->second) return ia->second > ib->second;
    ++ia;
    ++ib;
  }
  if (a.monomial != b.monomial) return a.monomial;
  if (a.rest != b.rest) return a.rest < b.rest;
  return a.full < b.full;
}

bool has_function(const ex& e) {
  if (GiNaC::is_a<GiNaC::function>(e)) return true;
  for (std::size_t i = 0; i < e.nops(); ++i) {
    if (has_function(e.op(i))) return true;
  }
  return false;
}

bool is_e_constant(const ex& e) {
  return GiNaC::is_the_function<GiNaC::exp_SERIAL>(e) && e.op(0).is_equal(1);
}

// Number, constants (π, e, √2), variables, polynomial sums, functions (and exponentials
// aˣ), then sums of functions, the way textbooks write 2x·cos(x²), 6(3x + 1)·cos(…) and
// σ(x)(1 − σ(x)).
int factor_rank(const ex& f) {
  const ex base = GiNaC::is_exactly_a<GiNaC::power>(f) ? f.op(0) : f;
  const bool numeric_exponent =
      !GiNaC::is_exactly_a<GiNaC::power>(f) || GiNaC::is_exactly_a<GiNaC::numeric>(f.op(1));
  if (GiNaC::is_exactly_a<GiNaC::numeric>(f)) return 0;
  if ((GiNaC::is_a<GiNaC::constant>(base) || GiNaC::is_exactly_a<GiNaC::numeric>(base) ||
       is_e_constant(base)) &&
      numeric_exponent) {
    return 1;
  }
  if (GiNaC::is_a<GiNaC::symbol>(base)) return 2;
  if (GiNaC::is_exactly_a<GiNaC::add>(base)) return has_function(base) ? 5 : 3;
  if (GiNaC::is_a<GiNaC::function>(base) || GiNaC::is_exactly_a<GiNaC::numeric>(base) ||
      GiNaC::is_a<GiNaC::constant>(base)) {
    return 4;
  }
  return 6;
}

}  // namespace

std::string canonical_key(const ex& e) {
  return cached_key(e, false);
}

int compare(const ex& a, const ex& b) {
  std::string ka = canonical_key(a);
  std::string kb = canonical_key(b);
  return ka < kb ? -1 : (ka == kb ? 0 : 1);
}

double total_degree(const ex& e) {
  if (GiNaC::is_a<GiNaC::symbol>(e)) return 1;
  if (GiNaC::is_exactly_a<GiNaC::power>(e)) {
    if (GiNaC::is_exactly_a<GiNaC::numeric>(e.op(1)) && e.op(1).info(GiNaC::info_flags::real)) {
      return total_degree(e.op(0)) * GiNaC::ex_to<GiNaC::numeric>(e.op(1)).to_double();
    }
    return 0;
  }
  if (GiNaC::is_exactly_a<GiNaC::mul>(e)) {
    double d = 0;
    for (std::size_t i = 0; i < e.nops(); ++i) d += total_degree(e.op(i));
    return d;
  }
  if (GiNaC::is_exactly_a<GiNaC::add>(e)) {
    double d = 0;
    for (std::size_t i = 0; i < e.nops(); ++i) d = std::max(d, total_degree(e.op(i)));
    return d;
  }
  return 0;
}

std::vector<ex> sorted_terms(const ex& sum) {
  if (!GiNaC::is_exactly_a<GiNaC::add>(sum)) return {sum};
  std::vector<std::pair<TermKey, ex>> keyed;
  keyed.reserve(sum.nops());
  for (std::size_t i = 0; i < sum.nops(); ++i) keyed.emplace_back(term_key(sum.op(i)), sum.op(i));
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& a, const auto& b) { return term_before(a.first, b.first); });
  std::vector<ex> out;
  out.reserve(keyed.size());
  for (auto& [k, t] : keyed) out.push_back(t);
  return out;
}

std::vector<ex> sorted_factors(const ex& product) {
  if (!GiNaC::is_exactly_a<GiNaC::mul>(product)) return {product};
  std::vector<ex> out;
  out.reserve(product.nops());
  for (std::size_t i = 0; i < product.nops(); ++i) out.push_back(product.op(i));
  sort_factors(out);
  return out;
}

void sort_factors(std::vector<ex>& factors) {
  // Within a rank, by base first, so that x·y² sorts by x and y, not by how "y^2" spells.
  std::vector<std::tuple<int, std::string, std::string, ex>> keyed;
  keyed.reserve(factors.size());
  for (const ex& f : factors) {
    const ex base = GiNaC::is_exactly_a<GiNaC::power>(f) ? f.op(0) : f;
    keyed.emplace_back(factor_rank(f), blind_key(base), canonical_key(f), f);
  }
  // Never compare the ex itself: GiNaC's < builds a relation, not an order.
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) <
           std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
  });
  for (std::size_t i = 0; i < keyed.size(); ++i) factors[i] = std::get<3>(keyed[i]);
}

}  // namespace tutor
