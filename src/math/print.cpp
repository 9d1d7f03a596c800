#include "math/print.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "base/text.hpp"
#include "math/definitions.hpp"
#include "math/functions.hpp"
#include "math/order.hpp"
#include "math/symbols.hpp"

namespace tutor {

using GiNaC::ex;
using GiNaC::numeric;

namespace {

std::string integer_text(const numeric& n) {
  // Most numbers are small; a stream per number was a tenth of all printing time.
  if (n.is_integer() && GiNaC::abs(n) <= numeric(std::numeric_limits<long>::max())) {
    return std::to_string(n.to_long());
  }
  std::ostringstream os;
  os << n;
  return os.str();
}

bool is_e_constant(const ex& e) {
  return GiNaC::is_the_function<GiNaC::exp_SERIAL>(e) && e.op(0).is_equal(1);
}

bool negative_numeric(const ex& e) {
  return GiNaC::is_exactly_a<numeric>(e) && e.info(GiNaC::info_flags::real) &&
         GiNaC::ex_to<numeric>(e).is_negative();
}

// A power with a negative number as exponent: x⁻² is shown as 1/x².
bool is_reciprocal(const ex& e) {
  return GiNaC::is_exactly_a<GiNaC::power>(e) && negative_numeric(e.op(1));
}

// No factor index: nothing to print negated.
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

class Printer {
 public:
  explicit Printer(Style style) : s_(style) {}

  // E's text. Remembered per expression: a chain's explanation prints the same inner
  // expressions at every step, and a deep one printed megabytes of them again and again.
  // Looked up by value (GiNaC's compare() tests hash values first and makes equal trees
  // share one object), since the terms op() hands out are often new objects each time.
  // The table is emptied when it grows too large.
  std::string print(const ex& e) {
    if (e.nops() == 0) return print_uncached(e);
    thread_local std::map<ex, std::string, GiNaC::ex_is_less> cache[kStyles];
    thread_local std::size_t bytes[kStyles] = {};
    // Small, so that lookups stay cheap: a big table costs more than it saves.
    constexpr std::size_t kMaxBytes = 8 << 20;
    constexpr std::size_t kMaxEntries = 4096;
    const auto slot = static_cast<std::size_t>(s_);
    auto& table = cache[slot];
    if (auto it = table.find(e); it != table.end()) return it->second;
    std::string out = print_uncached(e);
    if (bytes[slot] + out.size() > kMaxBytes || table.size() >= kMaxEntries) {
      table.clear();
      bytes[slot] = 0;
    }
    bytes[slot] += out.size();
    table.emplace(e, out);
    return out;
  }

 private:
  static constexpr std::size_t kStyles = 4;

  std::string print_uncached(const ex& e) {
    if (GiNaC::is_exactly_a<GiNaC::add>(e)) return sum(e);
    if (GiNaC::is_exactly_a<GiNaC::mul>(e)) return product(e, false);
    // (x − b)ⁿ and ±(b − x)ⁿ are the same power; GiNaC keeps either, depending on the run.
    if (is_reciprocal(e) || flips_base(e)) return product(e, false);
    if (GiNaC::is_exactly_a<GiNaC::power>(e)) return power(e);
    if (GiNaC::is_exactly_a<numeric>(e)) return number(GiNaC::ex_to<numeric>(e), false);
    if (GiNaC::is_a<GiNaC::symbol>(e)) return symbol(GiNaC::ex_to<GiNaC::symbol>(e));
    if (GiNaC::is_a<GiNaC::constant>(e)) return constant(e);
    if (GiNaC::is_a<GiNaC::function>(e)) return function(e);
    std::ostringstream os;
    os << e;
    return os.str();
  }

  bool latex() const { return s_ == Style::latex; }
  bool text() const { return s_ == Style::text; }
  bool spaced() const { return s_ != Style::input; }

  std::string paren(const std::string& inner) const {
    return latex() ? "\\left(" + inner + "\\right)" : "(" + inner + ")";
  }

  // --- sums ------------------------------------------------------------------------------

  // Whether E prints with a leading minus, so that a sum can write "a − b". It follows
  // what print() does, including the sign product() moves out of a sum (flips_sign).
  static bool prints_negative(const ex& e) {
    if (GiNaC::is_exactly_a<GiNaC::add>(e)) return prints_negative(sorted_terms(e).front());
    if (GiNaC::is_exactly_a<numeric>(e)) return negative_numeric(e);
    if (!GiNaC::is_exactly_a<GiNaC::mul>(e) && !is_reciprocal(e) && !flips_base(e)) return false;
    bool negative = false;
    const std::size_t n = GiNaC::is_exactly_a<GiNaC::mul>(e) ? e.nops() : 1;
    for (std::size_t i = 0; i < n; ++i) {
      const ex f = GiNaC::is_exactly_a<GiNaC::mul>(e) ? e.op(i) : e;
      if (negative_numeric(f)) negative = !negative;
      if (flips_sign(f)) negative = !negative;
    }
    return negative;
  }

  // Whether product() prints the factor F = S^n (a sum to an integer power) as (−S)^n,
  // because S's first term is negative.
  static bool flips_base(const ex& f) {
    return GiNaC::is_exactly_a<GiNaC::power>(f) && GiNaC::is_exactly_a<GiNaC::add>(f.op(0)) &&
           f.op(1).info(GiNaC::info_flags::integer) && prints_negative(f.op(0));
  }

  // Whether product() prints the factor F = S^n (a sum to an odd integer power) as
  // (−S)^n with a minus sign in front, because S's first term is negative.
  static bool flips_sign(const ex& f) {
    const ex base = GiNaC::is_exactly_a<GiNaC::power>(f) ? f.op(0) : f;
    const ex power = GiNaC::is_exactly_a<GiNaC::power>(f) ? f.op(1) : ex(1);
    return GiNaC::is_exactly_a<GiNaC::add>(base) && power.info(GiNaC::info_flags::odd) &&
           prints_negative(base);
  }

  // Whether the sum S has a term that prints with a minus sign.
  static bool has_negative_term(const ex& s) {
    for (std::size_t i = 0; i < s.nops(); ++i) {
      if (prints_negative(s.op(i))) return true;
    }
    return false;
  }

  std::string term(const ex& t, bool negate) {
    if (!negate) return print(t);
    if (GiNaC::is_exactly_a<numeric>(t)) return number(-GiNaC::ex_to<numeric>(t), false);
    return product(t, true);
  }

  // NEGATE prints −E without building it (GiNaC would re-evaluate a held form). A sum
  // starts with a positive term where it has one: 1 − x rather than −x + 1.
  std::string sum(const ex& e, bool negate = false) {
    std::vector<ex> terms = sorted_terms(e);
    std::vector<bool> neg;
    for (const ex& t : terms) neg.push_back(prints_negative(t) != negate);
    if (!terms.empty() && neg[0]) {
      for (std::size_t i = 1; i < terms.size(); ++i) {
        if (!neg[i]) {
          std::rotate(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(i),
                      terms.begin() + static_cast<std::ptrdiff_t>(i) + 1);
          std::rotate(neg.begin(), neg.begin() + static_cast<std::ptrdiff_t>(i),
                      neg.begin() + static_cast<std::ptrdiff_t>(i) + 1);
          break;
        }
      }
    }
    std::string out;
    const std::string plus = spaced() ? " + " : "+";
    const std::string minus = spaced() ? " - " : "-";
    for (std::size_t i = 0; i < terms.size(); ++i) {
      // The printed magnitude: flip the term when its own sign differs from how it shows.
      bool flip = prints_negative(terms[i]);
      std::string body = term(terms[i], flip);
      if (i == 0) {
        out += neg[i] ? "-" + body : body;
      } else {
        out += neg[i] ? minus : plus;
        out += body;
      }
    }
    return out;
  }

  // --- products ----------------------------------------------------------------------

  // E as coefficient × numerator / denominator. NEGATE flips the coefficient's sign, so a
  // sum can print "− 2x" without building −(2x), which GiNaC would re-evaluate.
  std::string product(const ex& e, bool negate) {
    numeric coeff = 1;
    std::vector<ex> num;
    std::vector<ex> den;
    std::vector<ex> factors;
    if (GiNaC::is_exactly_a<GiNaC::mul>(e)) {
      for (std::size_t i = 0; i < e.nops(); ++i) factors.push_back(e.op(i));
    } else {
      factors.push_back(e);
    }
    for (const ex& f : factors) {
      // Decimals are coefficients too: -0.5x² is "−0.5x²", not "−(−0.5)x²".
      if (GiNaC::is_exactly_a<numeric>(f) && f.info(GiNaC::info_flags::real)) {
        coeff *= GiNaC::ex_to<numeric>(f);
        continue;
      }
      // A sum to an integer power, S^n, with its sign chosen so that S's first term is
      // positive: GiNaC keeps c·(b − w) or −c·(w − b) depending on the run.
      ex base = GiNaC::is_exactly_a<GiNaC::power>(f) ? f.op(0) : f;
      ex power = GiNaC::is_exactly_a<GiNaC::power>(f) ? f.op(1) : ex(1);
      if (GiNaC::is_exactly_a<GiNaC::add>(base) && power.info(GiNaC::info_flags::integer) &&
          prints_negative(base)) {
        base = -base;
        if (power.info(GiNaC::info_flags::odd)) coeff = -coeff;
      }
      // Held: GiNaC would turn a flipped (w − b)^n straight back into ±(b − w)^n, a product
      // that prints by coming back here, without end.
      if (is_reciprocal(f)) {
        const numeric& n = GiNaC::ex_to<numeric>(power);
        den.push_back(n.is_equal(-1) && n.is_rational() ? base : ex(GiNaC::power(base, -n).hold()));
      } else {
        num.push_back(power.is_equal(1) ? base : ex(GiNaC::power(base, power).hold()));
      }
    }
    sort_factors(num);
    sort_factors(den);
    if (negate) coeff = -coeff;
    // −2σ·(σ − 1) reads better as 2σ·(1 − σ): a negative coefficient's sign goes into the
    // one sum there is, when that sum has a term to lead with once negated. GiNaC keeps
    // either form depending on the run; −(x + 1)·σ stays, (−x − 1)·σ would read worse.
    std::size_t absorb = kNone;
    if (coeff.is_negative()) {
      std::size_t sums = 0;
      for (std::size_t i = 0; i < num.size(); ++i) {
        if (GiNaC::is_exactly_a<GiNaC::add>(num[i]) && sums++ == 0) absorb = i;
      }
      if (sums != 1 || !has_negative_term(num[absorb])) absorb = kNone;
      if (absorb != kNone) coeff = -coeff;
    }
    std::string sign = coeff.is_negative() ? "-" : "";
    numeric a = abs(coeff);
    numeric p = a.is_rational() ? a.numer() : a;
    numeric q = a.is_rational() ? a.denom() : numeric(1);

    std::string top = join_factors(p, num, absorb);
    if (den.empty() && q.is_equal(1)) return sign + top;

    std::string bottom = join_factors(q, den);
    if (latex()) {
      // \frac groups by itself: no parentheses around a lone sum above or below the bar.
      if (num.size() == 1 && p.is_equal(1) && GiNaC::is_exactly_a<GiNaC::add>(num[0]))
        top = print(num[0]);
      if (den.size() == 1 && q.is_equal(1) && GiNaC::is_exactly_a<GiNaC::add>(den[0]))
        bottom = print(den[0]);
      return sign + "\\frac{" + top + "}{" + bottom + "}";
    }
    // A lone sum is already in parentheses; anything with two factors needs them.
    bool several = den.size() + (q.is_equal(1) ? 0 : 1) > 1;
    if (several) bottom = "(" + bottom + ")";
    return sign + top + "/" + bottom;
  }

  // COEFF (positive) times FACTORS: "2x·cos(x²)", "2*x*cos(x^2)", "2 x \cos…".
  // NEGATED is the index of a sum factor to print negated (it took the coefficient's −1).
  std::string join_factors(const numeric& coeff, const std::vector<ex>& factors,
                           std::size_t negated = kNone) {
    if (factors.empty()) return number(coeff, false);
    std::string out;
    bool first = true;
    if (!coeff.is_equal(1)) {
      out = number(coeff, false);
      first = false;
    }
    bool after_coeff = !first;
    for (std::size_t i = 0; i < factors.size(); ++i) {
      std::string piece = factor(factors[i], negated == i);
      if (!first) out += separator(after_coeff && !unfamiliar_name(factors[i]), piece);
      out += piece;
      first = false;
      after_coeff = false;
    }
    return out;
  }

  // Whether F is an activation with a word for a name: "3step(3x - 1)" reads as one
  // name, so a number before it takes a dot (3·step(3x - 1)); 2cos(x²) needs none.
  static bool unfamiliar_name(const ex& f) {
    if (!GiNaC::is_a<GiNaC::function>(f)) return false;
    const std::string name = GiNaC::ex_to<GiNaC::function>(f).get_name();
    return name == "unit_step" || name == "relu" || name == "softplus";
  }

  std::string separator(bool after_coeff, const std::string& next) const {
    bool digit_next = !next.empty() && ((next[0] >= '0' && next[0] <= '9') || next[0] == '.');
    switch (s_) {
      case Style::text:
        return after_coeff && !digit_next ? "" : "·";
      case Style::latex:
        return digit_next ? " \\cdot " : " ";
      default:
        return "*";
    }
  }

  std::string factor(const ex& f, bool negated = false) {
    if (GiNaC::is_exactly_a<GiNaC::add>(f)) {
      return paren(sum(f, negated));
    }
    if (GiNaC::is_exactly_a<GiNaC::mul>(f)) return paren(print(f));
    return print(f);
  }

  // --- powers ----------------------------------------------------------------------

  bool base_needs_parens(const ex& b) const {
    if (GiNaC::is_exactly_a<GiNaC::add>(b) || GiNaC::is_exactly_a<GiNaC::mul>(b) ||
        GiNaC::is_exactly_a<GiNaC::power>(b)) {
      return true;
    }
    if (GiNaC::is_exactly_a<numeric>(b)) {
      const numeric& n = GiNaC::ex_to<numeric>(b);
      return !n.is_integer() || n.is_negative() || !n.is_real();
    }
    // e^x as a base: (e^x)².
    if (GiNaC::is_the_function<GiNaC::exp_SERIAL>(b) && !is_e_constant(b) && !latex())
      return text() || false;
    return false;
  }

  bool exponent_is_atomic(const ex& x) const {
    if (GiNaC::is_a<GiNaC::symbol>(x) || GiNaC::is_a<GiNaC::constant>(x)) return true;
    if (GiNaC::is_exactly_a<numeric>(x)) {
      const numeric& n = GiNaC::ex_to<numeric>(x);
      return n.is_integer() && !n.is_negative();
    }
    return false;
  }

  std::string exponent_suffix(const ex& x) {
    if (latex()) return "^{" + print(x) + "}";
    if (text() && GiNaC::is_exactly_a<numeric>(x) && GiNaC::ex_to<numeric>(x).is_integer()) {
      return superscript(integer_text(GiNaC::ex_to<numeric>(x)));
    }
    std::string s = print(x);
    return "^" + (exponent_is_atomic(x) ? s : "(" + s + ")");
  }

  std::string power(const ex& e) {
    const ex& b = e.op(0);
    const ex& x = e.op(1);
    if (x.info(GiNaC::info_flags::rational) && x.is_equal(numeric(1, 2))) return root(b);
    std::string base = print(b);
    if (base_needs_parens(b)) base = paren(base);
    if (latex() && !base_needs_parens(b) && GiNaC::is_a<GiNaC::function>(b))
      base = "{" + base + "}";
    return base + exponent_suffix(x);
  }

  std::string root(const ex& b) {
    std::string inner = print(b);
    if (latex()) return "\\sqrt{" + inner + "}";
    if (!text()) return "sqrt(" + inner + ")";
    bool simple = GiNaC::is_a<GiNaC::symbol>(b) || GiNaC::is_a<GiNaC::constant>(b) ||
                  (GiNaC::is_exactly_a<numeric>(b) && GiNaC::ex_to<numeric>(b).is_pos_integer());
    return simple ? "√" + inner : "√(" + inner + ")";
  }

  // --- atoms ------------------------------------------------------------------------

  std::string number(const numeric& n, bool) {
    if (n.is_integer()) return integer_text(n);
    if (n.is_rational()) {
      std::string s = integer_text(n.numer()) + "/" + integer_text(n.denom());
      if (latex()) {
        std::string sign = n.is_negative() ? "-" : "";
        return sign + "\\frac{" + integer_text(abs(n.numer())) + "}{" + integer_text(n.denom()) +
               "}";
      }
      return s;
    }
    // Input form must read back to the same double, so it gets the shortest exact digits.
    if (n.is_real()) {
      std::string s =
          s_ == Style::input ? fmt::format("{}", n.to_double()) : format_number(n.to_double());
      // A decimal that happens to be whole must read back as a decimal, not as an exact
      // integer: 2.0, not 2.
      bool reads_back = s_ == Style::input || s_ == Style::ascii;
      if (reads_back && s.find_first_of(".e") == std::string::npos) s += ".0";
      return s;
    }
    std::string re = format_number(GiNaC::real(n).to_double());
    std::string im = format_number(GiNaC::imag(n).to_double());
    return "(" + re + (im.starts_with("-") ? "" : "+") + im + (latex() ? "i" : "*I") + ")";
  }

  std::string symbol(const GiNaC::symbol& sym) {
    const std::string& name = sym.get_name();
    if (const auto* g = greek_by_name(name)) {
      if (text()) return std::string(g->glyph);
      if (latex()) return std::string(g->latex);
    }
    if (latex() && name.size() > 1) {
      // w1 → w_{1}; longer names upright so they do not read as a product.
      std::size_t d = name.find_first_of("0123456789");
      if (d == 1 && name.find_first_not_of("0123456789", 1) == std::string::npos) {
        return name.substr(0, 1) + "_{" + name.substr(1) + "}";
      }
      return "\\mathit{" + name + "}";
    }
    return name;
  }

  std::string constant(const ex& e) {
    if (e.is_equal(GiNaC::Pi)) return text() ? "π" : (latex() ? "\\pi" : "pi");
    std::ostringstream os;
    os << e;
    return os.str();
  }

  // f(x), f′(x), f″(x); f'(x) in ASCII and input form, f^{\prime}(x) in LaTeX.
  std::string call(const Call& c) {
    std::string primes;
    if (latex()) {
      primes = c.order == 0 ? "" : "^{" + repeat("\\prime", c.order) + "}";
      return c.name + primes + "\\left(" + print(c.arg) + "\\right)";
    }
    if (text()) {
      static const char* const kMarks[] = {"", "′", "″", "‴"};
      primes = c.order <= 3 ? kMarks[c.order] : repeat("′", c.order);
    } else {
      primes = repeat("'", c.order);
    }
    return c.name + primes + "(" + print(c.arg) + ")";
  }

  static std::string repeat(std::string_view s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
  }

  std::string function(const ex& e) {
    if (auto c = as_call(e)) return call(*c);
    const auto& fn = GiNaC::ex_to<GiNaC::function>(e);
    const FunctionInfo* info = function_by_ginac_name(fn.get_name());
    const ex& arg = e.op(0);
    if (info != nullptr && info->name == "exp") {
      if (arg.is_equal(1)) return "e";
      if (latex()) return "e^{" + print(arg) + "}";
      if (!text()) return "exp(" + print(arg) + ")";
      return "e" + exponent_suffix(arg);
    }
    if (info != nullptr && info->name == "abs") {
      if (latex()) return "\\left|" + print(arg) + "\\right|";
      if (text()) return "|" + print(arg) + "|";
    }
    std::string name;
    if (info == nullptr) {
      name = fn.get_name();
    } else if (latex()) {
      name = std::string(info->latex);
    } else if (text()) {
      name = std::string(info->text);
    } else {
      name = std::string(info->name);
    }
    std::string args;
    for (std::size_t i = 0; i < e.nops(); ++i) {
      if (i) args += ", ";
      args += print(e.op(i));
    }
    return name + paren(args);
  }

  Style s_;
};

}  // namespace

std::string print(const ex& e, Style style) {
  return Printer(style).print(e);
}

Style text_style(bool ascii) {
  return ascii || !locale_is_utf8() ? Style::ascii : Style::text;
}

std::string format_number(double d) {
  if (d == 0) return "0";
  std::string s = fmt::format("{:.12g}", d);
  return s;
}

std::string format_short(double d) {
  return fmt::format("{:.6g}", d);
}

std::string format_full(double d) {
  return fmt::format("{}", d);
}

}  // namespace tutor
