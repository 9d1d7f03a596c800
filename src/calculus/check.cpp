#include "calculus/check.hpp"

#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <set>

#include "math/equivalence.hpp"
#include "math/forms.hpp"
#include "math/print.hpp"
#include "math/steps.hpp"
#include "math/syntax.hpp"

namespace tutor {

using GiNaC::ex;

namespace {

// A derivative built wrong on purpose: what the learner gets by making MISTAKE at one step.
struct Candidate {
  ex derivative;
  Mistake mistake;
  Message feedback;
};

// Whether TARGET is S or one of its substeps.
bool holds(const Step& s, const Step* target) {
  if (&s == target) return true;
  for (const auto& sub : s.substeps) {
    if (holds(sub, target)) return true;
  }
  return false;
}

// Replaces TARGET's derivative by REPLACEMENT and recombines every step above it with its
// own rule, so a mistake deep inside a sum or a chain shows up in the whole answer. A step
// without TARGET keeps its derivative: recombining it too made a deep chain's check cubic.
ex rebuild(const Step& s, const Step* target, const ex& replacement) {
  if (&s == target) return replacement;
  if (!holds(s, target)) return s.derivative;
  const auto& subs = s.substeps;
  switch (s.rule) {
    case Rule::sum: {
      ex total = 0;
      for (const auto& sub : subs) total += rebuild(sub, target, replacement);
      return total;
    }
    case Rule::constant_multiple:
      return s.parts[0] * rebuild(subs[0], target, replacement);
    case Rule::product: {
      ex total = 0;
      for (std::size_t i = 0; i < subs.size(); ++i) {
        ex term = rebuild(subs[i], target, replacement);
        for (std::size_t j = 0; j < subs.size(); ++j) {
          if (j != i) term *= subs[j].expression;
        }
        total += term;
      }
      return total;
    }
    case Rule::quotient: {
      const ex& n = subs[0].expression;
      const ex& d = subs[1].expression;
      return (rebuild(subs[0], target, replacement) * d -
              n * rebuild(subs[1], target, replacement)) /
             GiNaC::pow(d, 2);
    }
    case Rule::chain: {
      ex product = 1;
      for (std::size_t i = 0; i < s.links.size(); ++i) {
        const Link& l = s.links[i];
        product *= rebuild(subs[i], target, replacement).subs(l.variable == l.inner);
      }
      return product;
    }
    case Rule::logarithmic_differentiation:
      return s.expression * rebuild(subs[0], target, replacement);
    default:
      return s.derivative;
  }
}

std::string txt(const ex& e) {
  return print(e, Style::text);
}

class Diagnoser {
 public:
  explicit Diagnoser(const Step& root) : root_(root) {
    walk(root_);
    // Mistakes that are about the whole answer come after the ones at a single step.
    limit_ = std::numeric_limits<std::size_t>::max();
    add(&root_, -root_.derivative, Mistake::sign_error,
        Message{"check.sign_error", {txt(root_.derivative)}});
  }

  const std::vector<Candidate>& candidates() const { return out_; }

 private:
  // Whether no more candidates are taken. Callers check it before building one: the
  // arguments alone can cost more than the comparison they would be used in.
  bool full() const { return out_.size() >= limit_; }

  void add(const Step* target, const ex& replacement, Mistake m, Message feedback) {
    if (full()) return;
    try {
      out_.push_back(Candidate{rebuild(root_, target, replacement), m, std::move(feedback)});
    } catch (const std::exception&) {
      // A mistake that makes no sense here (it divides by zero): not a candidate.
    }
  }

  void walk(const Step& s) {
    if (full()) return;
    switch (s.rule) {
      case Rule::chain:
        chain(s);
        break;
      case Rule::trig:
        add(&s, -s.derivative, Mistake::sign_error,
            Message{"check.sign_error_trig", {txt(s.wrt), txt(s.expression), txt(s.derivative)}});
        break;
      case Rule::power:
        power(s);
        break;
      case Rule::exponential:
        exponential(s);
        break;
      case Rule::product:
        product(s);
        break;
      case Rule::quotient:
        quotient(s);
        break;
      default:
        break;
    }
    for (const auto& sub : s.substeps) walk(sub);
  }

  // Dropping an inner factor: each one alone, and all of them at once (only f'(g(x))).
  void chain(const Step& s) {
    const auto& links = s.links;
    // One product built from all its factors at once: multiplying them in one by one
    // re-sorts the growing product each time, which took seconds on a 150-link chain.
    auto without = [&](std::size_t from, std::size_t to) {
      GiNaC::exvector kept;
      for (std::size_t j = 0; j < links.size(); ++j) {
        if (j < from || j >= to) kept.push_back(links[j].factor);
      }
      return ex(GiNaC::mul(kept));
    };
    auto missing = [&](std::size_t from, std::size_t to) {
      std::vector<ex> factors;
      for (std::size_t j = from; j < to; ++j) factors.push_back(links[j].factor);
      return product_form(factors);
    };
    if (full()) return;
    if (links.size() > 2) {
      // cos((3x+1)²) for sin((3x+1)²): everything after the outer function forgotten.
      add(&s, without(1, links.size()), Mistake::missing_inner_derivative,
          Message{"check.missing_inner",
                  {txt(chain_form({missing(1, links.size())})),
                   "d/d" + txt(s.wrt) + " (" + txt(links[0].inner) + ")"}});
    }
    for (std::size_t i = 1; i < links.size() && !full(); ++i) {
      const Link& l = links[i];
      std::string origin = "d/d" + txt(l.variable) + " (" + txt(l.outer) + ")";
      add(&s, without(i, i + 1), Mistake::missing_inner_derivative,
          Message{"check.missing_inner", {txt(l.factor), origin}});
    }
  }

  void power(const Step& s) {
    const ex& base = s.expression.op(0);
    const ex& n = s.expression.op(1);
    add(&s, n * s.expression, Mistake::power_rule,
        Message{"check.power_not_lowered", {txt(s.wrt), txt(s.expression), txt(s.derivative)}});
    if (!n.is_equal(1) && !n.is_equal(0)) {
      add(&s, GiNaC::pow(base, n - 1), Mistake::power_rule,
          Message{"check.power_no_coefficient", {txt(n), txt(s.expression), txt(s.derivative)}});
    }
  }

  // aˣ treated as a power of x: x·aˣ⁻¹.
  void exponential(const Step& s) {
    if (!GiNaC::is_a<GiNaC::power>(s.expression)) return;
    const ex& a = s.expression.op(0);
    const ex& x = s.expression.op(1);
    add(&s, x * GiNaC::pow(a, x - 1), Mistake::power_rule,
        Message{"check.power_on_exponential", {txt(s.expression), txt(s.wrt), txt(s.derivative)}});
  }

  void product(const Step& s) {
    ex all = 1;
    for (const auto& sub : s.substeps) all *= sub.derivative;
    add(&s, all, Mistake::product_rule, Message{"check.product_of_derivatives", {}});
    for (std::size_t i = 0; i < s.parts.size(); ++i) {
      ex rest = 0;
      for (std::size_t j = 0; j < s.parts.size(); ++j) {
        if (j != i) rest += s.parts[j];
      }
      add(&s, rest, Mistake::product_rule, Message{"check.product_missing_term", {}});
    }
  }

  void quotient(const Step& s) {
    const ex& dn = s.substeps[0].derivative;
    const ex& dd = s.substeps[1].derivative;
    const ex& n = s.substeps[0].expression;
    const ex& d = s.substeps[1].expression;
    add(&s, (n * dd - dn * d) / GiNaC::pow(d, 2), Mistake::quotient_rule,
        Message{"check.quotient_swapped", {}});
    add(&s, (dn * d - n * dd) / d, Mistake::quotient_rule,
        Message{"check.quotient_square", {txt(d)}});
  }

  const Step& root_;
  std::vector<Candidate> out_;
  // Step mistakes tried, outermost first. A textbook question has a handful; a 200-deep
  // chain would have hundreds, each compared with the answer at sample points, for a
  // diagnosis nobody needs at that depth.
  std::size_t limit_ = 32;
};

bool echoes_question(std::string_view answer) {
  for (std::string_view mark : {"d/d", "diff(", "'", "\xE2\x80\xB2", "\xE2\x88\x82", "dy/dx"}) {
    if (answer.find(mark) != std::string_view::npos) return true;
  }
  return false;
}

std::vector<ex> symbols_of(const ex& a, const ex& b, const ex& wrt, SymbolTable& syms) {
  std::set<std::string> names;
  for (const auto& n : variables_of(a)) names.insert(n);
  for (const auto& n : variables_of(b)) names.insert(n);
  std::vector<ex> out;
  out.reserve(names.size() + 1);
  for (const auto& n : names) out.push_back(syms.get(n));
  if (out.empty()) out.push_back(wrt);
  return out;
}

// R as a small fraction (2, 1/2, -3), or nullopt: a factor like 1.00005 is a slip in the
// digits, not a forgotten constant.
std::optional<std::string> simple_ratio(double r) {
  for (int den = 1; den <= 12; ++den) {
    double num = std::round(r * den);
    if (std::abs(num) <= 1000 && std::abs(num / den - r) < 1e-9 * std::max(1.0, std::abs(r))) {
      return print(GiNaC::numeric(static_cast<long>(num), den), Style::text);
    }
  }
  return std::nullopt;
}

// Whether ANSWER = k·EXPECTED for one constant k (not 0 or 1), and k.
// Whether two values of the same ratio agree, at the equivalence policy's relative 1e-9: the
// ratio of two functions, not a number a learner typed.
bool same_ratio(double a, double b) {
  return std::abs(a - b) <= 1e-9 * std::max(std::abs(a), std::abs(b)) + 1e-12;
}

std::optional<double> constant_ratio(const ex& answer, const ex& expected,
                                     const std::vector<ex>& vars) {
  if (expected.is_zero()) return std::nullopt;
  ex ratio = answer / expected;
  std::optional<double> k;
  int agreeing = 0;
  for (unsigned seed = 1; seed <= 10 && agreeing < 5; ++seed) {
    GiNaC::exmap point;
    double offset = 0.31 * seed;
    for (std::size_t i = 0; i < vars.size(); ++i) {
      point[vars[i]] =
          GiNaC::numeric(std::round((offset + 0.17 * static_cast<double>(i)) * 1000) / 1000);
    }
    auto e = evaluate(expected, point);
    auto r = evaluate(ratio, point);
    // A tiny expected value is still a value: e^(x − 40) is 10⁻¹⁸ near 0.
    if (!e || !r || *e == 0) continue;
    if (k && !same_ratio(*k, *r)) return std::nullopt;
    k = r;
    ++agreeing;
  }
  if (agreeing < 3 || !k || same_ratio(*k, 1) || same_ratio(*k, 0)) return std::nullopt;
  return k;
}

}  // namespace

Outcome check(const Step& steps, const ex& wrt, std::string_view answer, SymbolTable& syms) {
  const ex& expression = steps.expression;
  const ex& expected = steps.derivative;
  Outcome v;
  v.status = Status::incorrect;

  if (echoes_question(answer)) {
    v.mistake = Mistake::question_echo;
    v.feedback = Message{"check.question_echo", {}};
    return v;
  }
  ex a;
  try {
    a = parse(answer, syms).expr;
  } catch (const SyntaxError& e) {
    v.status = Status::invalid;
    v.error = e;
    v.feedback = e.message();
    return v;
  }
  std::vector<ex> vars = symbols_of(expression, a, wrt, syms);

  // Only where the question's function exists: there is no derivative anywhere else.
  Equivalence same = compare_functions(a, expected, vars, 20261127, &expression);
  if (same.verdict == Agreement::equal) {
    // Agreeing where both exist is not enough when the answer is missing where the
    // derivative exists.
    // At two points at least: one point can be a removable gap (x/x at 0) or the edge of
    // the domain, where only a one-sided derivative exists; neither makes an answer wrong.
    if (same.only_second_defined > 1 && !same.symbolic) {
      v.feedback = Message{"check.domain", {}};
      return v;
    }
    v.status = Status::correct;
    v.score = 1;
    v.feedback = Message{"check.correct", {}};
    return v;
  }
  if (same.verdict == Agreement::undecided && same.only_second_defined > 0) {
    v.feedback = Message{"check.domain", {}};
    return v;
  }
  // A named step mistake first: e^(2x) for d/dx e^(2x) is the function itself, but saying
  // that the inner factor 2 is missing helps more.
  const Diagnoser diagnoser(steps);
  for (const auto& c : diagnoser.candidates()) {
    if (compare_functions(a, c.derivative, vars).verdict == Agreement::equal) {
      v.mistake = c.mistake;
      v.feedback = c.feedback;
      return v;
    }
  }
  if (compare_functions(a, expression, vars).verdict == Agreement::equal) {
    v.mistake = Mistake::not_differentiated;
    v.feedback = Message{"check.not_differentiated", {}};
    return v;
  }
  if (auto k = constant_ratio(a, expected, vars)) {
    if (auto text = simple_ratio(*k)) {
      v.mistake = Mistake::constant_factor;
      v.feedback = Message{"check.constant_factor", {*text}};
      return v;
    }
  }
  for (const auto& name : variables_of(a)) {
    if (!expression.has(syms.get(name))) {
      v.feedback = Message{"check.extra_variable", {print(syms.get(name), Style::text)}};
      return v;
    }
  }
  v.feedback = Message{"check.wrong", {}};
  return v;
}

Outcome check(const ex& expression, const ex& wrt, std::string_view answer, SymbolTable& syms) {
  return check(differentiate(expression, wrt), wrt, answer, syms);
}

}  // namespace tutor
