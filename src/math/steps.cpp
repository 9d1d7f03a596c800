#include "math/steps.hpp"

#include <array>
#include <cmath>
#include <set>
#include <tuple>

#include "base/errors.hpp"
#include "base/interrupt.hpp"
#include "math/equivalence.hpp"
#include "math/forms.hpp"
#include "math/functions.hpp"
#include "math/order.hpp"
#include "math/print.hpp"
#include "math/symbols.hpp"

namespace tutor {

using GiNaC::ex;
using GiNaC::numeric;

std::string_view rule_id(Rule rule) {
  static constexpr std::array<std::string_view, 18> kIds = {
      "constant",
      "variable",
      "sum",
      "constant-multiple",
      "product",
      "quotient",
      "power",
      "exponential",
      "logarithm",
      "trig",
      "inverse-trig",
      "hyperbolic",
      "inverse-hyperbolic",
      "abs",
      "sigmoid",
      "relu",
      "chain",
      "logarithmic-differentiation",
  };
  return kIds[static_cast<std::size_t>(rule)];
}

namespace {

// --- derivatives of the functions themselves --------------------------------------------

struct FunctionRule {
  std::string_view ginac_name;
  Rule rule;
  ex (*derivative)(const ex& u);
  bool kink_at_zero;  // no derivative where the argument is 0
};

ex d_sin(const ex& u) {
  return GiNaC::cos(u);
}
ex d_cos(const ex& u) {
  return -GiNaC::sin(u);
}
ex d_tan(const ex& u) {
  return GiNaC::pow(sec(u), 2);
}
ex d_sec(const ex& u) {
  return sec(u) * GiNaC::tan(u);
}
ex d_csc(const ex& u) {
  return -csc(u) * cot(u);
}
ex d_cot(const ex& u) {
  return -GiNaC::pow(csc(u), 2);
}
ex d_asin(const ex& u) {
  return GiNaC::pow(1 - GiNaC::pow(u, 2), numeric(-1, 2));
}
ex d_acos(const ex& u) {
  return -GiNaC::pow(1 - GiNaC::pow(u, 2), numeric(-1, 2));
}
ex d_atan(const ex& u) {
  return GiNaC::pow(1 + GiNaC::pow(u, 2), -1);
}
ex d_sinh(const ex& u) {
  return GiNaC::cosh(u);
}
ex d_cosh(const ex& u) {
  return GiNaC::sinh(u);
}
ex d_tanh(const ex& u) {
  return 1 - GiNaC::pow(GiNaC::tanh(u), 2);
}
ex d_sech(const ex& u) {
  return -sech(u) * GiNaC::tanh(u);
}
ex d_csch(const ex& u) {
  return -csch(u) * coth(u);
}
ex d_coth(const ex& u) {
  return -GiNaC::pow(csch(u), 2);
}
ex d_asinh(const ex& u) {
  return GiNaC::pow(GiNaC::pow(u, 2) + 1, numeric(-1, 2));
}
// For u > 1, where arcosh is real.
ex d_acosh(const ex& u) {
  return GiNaC::pow(GiNaC::pow(u, 2) - 1, numeric(-1, 2));
}
// For |u| < 1.
ex d_atanh(const ex& u) {
  return GiNaC::pow(1 - GiNaC::pow(u, 2), -1);
}
ex d_acot(const ex& u) {
  return -GiNaC::pow(1 + GiNaC::pow(u, 2), -1);
}
// For |u| > 1, written without |u|: 1/(u²·√(1 − 1/u²)) is 1/(|u|·√(u² − 1)) on both
// branches, and GiNaC rewrites |csc(v)²| into csc(v)·csc(conjugate(v)), which is not a
// function a learner can type.
ex d_asec(const ex& u) {
  return GiNaC::pow(GiNaC::abs(u), -1) * GiNaC::pow(GiNaC::pow(u, 2) - 1, numeric(-1, 2));
}
ex d_acsc(const ex& u) {
  return -GiNaC::pow(GiNaC::abs(u), -1) * GiNaC::pow(GiNaC::pow(u, 2) - 1, numeric(-1, 2));
}
ex d_exp(const ex& u) {
  return GiNaC::exp(u);
}
ex d_log(const ex& u) {
  return GiNaC::pow(u, -1);
}
ex d_abs(const ex& u) {
  return u / GiNaC::abs(u);
}
ex d_sigmoid(const ex& u) {
  return sigmoid(u) * (1 - sigmoid(u));
}
ex d_relu(const ex& u) {
  return unit_step(u);
}
ex d_softplus(const ex& u) {
  return sigmoid(u);
}
ex d_step(const ex&) {
  return 0;
}

// The textbook forms: tan' = sec², σ' = σ(1 − σ), relu' = step.
const std::array kFunctionRules{
    FunctionRule{"sin", Rule::trig, d_sin, false},
    FunctionRule{"cos", Rule::trig, d_cos, false},
    FunctionRule{"tan", Rule::trig, d_tan, false},
    FunctionRule{"sec", Rule::trig, d_sec, false},
    FunctionRule{"csc", Rule::trig, d_csc, false},
    FunctionRule{"cot", Rule::trig, d_cot, false},
    FunctionRule{"asin", Rule::inverse_trig, d_asin, false},
    FunctionRule{"acos", Rule::inverse_trig, d_acos, false},
    FunctionRule{"atan", Rule::inverse_trig, d_atan, false},
    FunctionRule{"sinh", Rule::hyperbolic, d_sinh, false},
    FunctionRule{"cosh", Rule::hyperbolic, d_cosh, false},
    FunctionRule{"tanh", Rule::hyperbolic, d_tanh, false},
    FunctionRule{"sech", Rule::hyperbolic, d_sech, false},
    FunctionRule{"csch", Rule::hyperbolic, d_csch, false},
    FunctionRule{"coth", Rule::hyperbolic, d_coth, false},
    FunctionRule{"asinh", Rule::inverse_hyperbolic, d_asinh, false},
    FunctionRule{"acosh", Rule::inverse_hyperbolic, d_acosh, false},
    FunctionRule{"atanh", Rule::inverse_hyperbolic, d_atanh, false},
    FunctionRule{"acot", Rule::inverse_trig, d_acot, false},
    FunctionRule{"asec", Rule::inverse_trig, d_asec, false},
    FunctionRule{"acsc", Rule::inverse_trig, d_acsc, false},
    FunctionRule{"exp", Rule::exponential, d_exp, false},
    FunctionRule{"log", Rule::logarithm, d_log, false},
    FunctionRule{"abs", Rule::abs, d_abs, true},
    FunctionRule{"sigmoid", Rule::sigmoid, d_sigmoid, false},
    FunctionRule{"relu", Rule::relu, d_relu, true},
    FunctionRule{"softplus", Rule::sigmoid, d_softplus, false},
    FunctionRule{"unit_step", Rule::relu, d_step, true},
};

const FunctionRule* function_rule(const ex& e) {
  if (!GiNaC::is_a<GiNaC::function>(e)) return nullptr;
  const std::string name = GiNaC::ex_to<GiNaC::function>(e).get_name();
  for (const auto& r : kFunctionRules) {
    if (r.ginac_name == name) return &r;
  }
  return nullptr;
}

// E with LETTER replaced by VALUE, keeping 2·(3x + 1) as a product instead of letting
// GiNaC distribute it: the learner should see the substitution, not its expansion.
ex substitute_held(const ex& e, const ex& letter, const ex& value) {
  if (e.is_equal(letter)) return value;
  if (!e.has(letter)) return e;
  if (GiNaC::is_exactly_a<GiNaC::mul>(e)) {
    std::vector<ex> factors;
    for (std::size_t i = 0; i < e.nops(); ++i)
      factors.push_back(substitute_held(e.op(i), letter, value));
    return product_form(factors);
  }
  return e.subs(letter == value);
}

class Deriver {
 public:
  Deriver(const ex& root, const ex& var, const DiffOptions& opts) : var_(var), opts_(opts) {
    for (const auto& name : variables_of(root)) used_.insert(name);
  }

  Step derive(const ex& e, const ex& wrt) {
    poll_interrupt();  // every rule recurses through here: Ctrl-C stops between two steps
    Step s;
    s.expression = e;
    s.wrt = wrt;
    if (!e.has(wrt)) {
      s.rule = Rule::constant;
      s.derivative = 0;
      return s;
    }
    if (e.is_equal(wrt)) {
      s.rule = Rule::variable;
      s.derivative = 1;
      return s;
    }
    if (GiNaC::is_exactly_a<GiNaC::add>(e)) return sum(std::move(s));
    if (GiNaC::is_exactly_a<GiNaC::mul>(e)) return product(std::move(s));
    if (GiNaC::is_exactly_a<GiNaC::power>(e)) return power(std::move(s));
    if (GiNaC::is_a<GiNaC::function>(e)) return function(std::move(s));
    throw Error(Message{"diff.unsupported", {print(e, Style::input)}});
  }

 private:
  // Whether E is f(g) or g^c or a^g with g more than the variable itself: a chain link.
  bool is_link(const ex& e, const ex& wrt) const {
    // A function of several arguments (GiNaC's atan2) has no rule: derive() refuses it.
    if (GiNaC::is_a<GiNaC::function>(e)) return e.nops() == 1 && !e.op(0).is_equal(wrt);
    if (GiNaC::is_exactly_a<GiNaC::power>(e)) {
      const ex& b = e.op(0);
      const ex& x = e.op(1);
      if (b.has(wrt) && !x.has(wrt)) return !b.is_equal(wrt);
      if (!b.has(wrt) && x.has(wrt)) return !x.is_equal(wrt);
    }
    return false;
  }

  // For a link E: its argument, and E rebuilt as a function of LETTER.
  std::pair<ex, ex> split_link(const ex& e, const ex& wrt, const ex& letter) const {
    if (GiNaC::is_a<GiNaC::function>(e)) {
      const auto& fn = GiNaC::ex_to<GiNaC::function>(e);
      return {e.op(0), GiNaC::function(fn.get_serial(), letter)};
    }
    if (e.op(0).has(wrt)) return {e.op(0), GiNaC::pow(letter, e.op(1))};
    return {e.op(1), GiNaC::pow(e.op(0), letter)};
  }

  ex fresh_letter() {
    while (true) {
      std::string name = next_ < opts_.letters.size()
                             ? opts_.letters[next_]
                             : "u" + std::to_string(next_ - opts_.letters.size() + 1);
      ++next_;
      if (used_.insert(name).second) return GiNaC::realsymbol(name);
    }
  }

  Step sum(Step s) {
    s.rule = Rule::sum;
    for (const ex& t : sorted_terms(s.expression)) {
      Step sub = derive(t, s.wrt);
      s.parts.push_back(sub.derivative);
      s.substeps.push_back(std::move(sub));
    }
    s.derivative = sum_form(s.parts);
    return s;
  }

  // The evaluated product of FACTORS (1 when there are none).
  static ex multiplied(const std::vector<ex>& factors) {
    ex p = 1;
    for (const ex& f : factors) p *= f;
    return p;
  }

  Step product(Step s) {
    const ex& e = s.expression;
    std::vector<ex> constants;
    std::vector<ex> dependent;
    for (const ex& f : sorted_factors(e)) (f.has(s.wrt) ? dependent : constants).push_back(f);

    if (!constants.empty()) {
      // c·f: the constant waits outside while f is differentiated.
      s.rule = Rule::constant_multiple;
      ex c = multiplied(constants);
      Step sub = derive(multiplied(dependent), s.wrt);
      s.parts = {c, sub.derivative};
      s.derivative = scaled_form(c, sub.derivative);
      s.substeps.push_back(std::move(sub));
      return s;
    }

    std::vector<ex> num;
    std::vector<ex> den;
    for (const ex& f : dependent) {
      // 1/(x + 1)² is a denominator; x^(−1/2) is a power, for the power rule.
      bool reciprocal = GiNaC::is_exactly_a<GiNaC::power>(f) &&
                        GiNaC::is_exactly_a<numeric>(f.op(1)) &&
                        GiNaC::ex_to<numeric>(f.op(1)).is_negative() &&
                        GiNaC::ex_to<numeric>(f.op(1)).is_integer();
      if (reciprocal) {
        den.push_back(GiNaC::pow(f.op(0), -f.op(1)));
      } else {
        num.push_back(f);
      }
    }
    if (!num.empty() && !den.empty()) return quotient(std::move(s), num, den);

    // (f₁f₂…fₙ)' = Σ f₁…fᵢ'…fₙ, each factor differentiated once.
    s.rule = Rule::product;
    std::vector<Step> subs;
    subs.reserve(dependent.size());
    for (const ex& f : dependent) subs.push_back(derive(f, s.wrt));
    for (std::size_t i = 0; i < dependent.size(); ++i) {
      std::vector<ex> factors{subs[i].derivative};
      for (std::size_t j = 0; j < dependent.size(); ++j) {
        if (j != i) factors.push_back(dependent[j]);
      }
      s.parts.push_back(product_form(factors));
    }
    s.derivative = sum_form(s.parts);
    s.substeps = std::move(subs);
    return s;
  }

  Step quotient(Step s, const std::vector<ex>& num, const std::vector<ex>& den) {
    s.rule = Rule::quotient;
    ex n = multiplied(num);
    ex d = multiplied(den);
    Step dn = derive(n, s.wrt);
    Step dd = derive(d, s.wrt);
    s.parts = {dn.derivative, d, n, dd.derivative};
    s.derivative =
        quotient_form({product_form({dn.derivative, d}), product_form({-1, n, dd.derivative})}, d);
    s.substeps.push_back(std::move(dn));
    s.substeps.push_back(std::move(dd));
    return s;
  }

  Step power(Step s) {
    const ex& b = s.expression.op(0);
    const ex& x = s.expression.op(1);
    if (b.has(s.wrt) && x.has(s.wrt)) return log_diff(std::move(s));
    // 0ˣ is 0 for x > 0 and undefined elsewhere: ln 0 does not exist (GiNaC throws).
    if (b.is_zero()) throw Error(Message{"diff.zero_base", {print(s.expression, Style::text)}});
    if (is_link(s.expression, s.wrt)) return chain(std::move(s));
    if (b.is_equal(s.wrt)) {
      s.rule = Rule::power;  // d/dx xⁿ = n·xⁿ⁻¹
      s.derivative = product_form({x, GiNaC::pow(b, x - 1)});
      return s;
    }
    s.rule = Rule::exponential;  // d/dx aˣ = aˣ·ln a
    s.derivative = is_e(b) ? s.expression : product_form({s.expression, GiNaC::log(b)});
    return s;
  }

  static bool is_e(const ex& b) {
    return GiNaC::is_the_function<GiNaC::exp_SERIAL>(b) && b.op(0).is_equal(1);
  }

  Step function(Step s) {
    if (is_link(s.expression, s.wrt)) return chain(std::move(s));
    const FunctionRule* r = s.expression.nops() == 1 ? function_rule(s.expression) : nullptr;
    if (r == nullptr) throw Error(Message{"diff.unsupported", {print(s.expression, Style::input)}});
    s.rule = r->rule;
    s.derivative = r->derivative(s.expression.op(0));
    if (r->kink_at_zero) {
      s.remark = Remark::not_differentiable_at_zero;
      s.remark_at = s.expression.op(0);
    }
    return s;
  }

  // y = f^g: ln y = g·ln f, so y' = y·(g·ln f)'.
  Step log_diff(Step s) {
    s.rule = Rule::logarithmic_differentiation;
    const ex& f = s.expression.op(0);
    const ex& g = s.expression.op(1);
    Step sub = derive(g * GiNaC::log(f), s.wrt);
    s.parts = {s.expression, sub.derivative};
    s.derivative = chain_form({s.expression, sub.derivative});
    s.substeps.push_back(std::move(sub));
    return s;
  }

  // f(g(k(x))): one link per composition, outermost first; the innermost expression gets
  // its own full derivation. The result is the product of the link factors.
  Step chain(Step s) {
    s.rule = Rule::chain;
    ex cur = s.expression;
    while (is_link(cur, s.wrt)) {
      ex letter = fresh_letter();
      auto [inner, outer] = split_link(cur, s.wrt, letter);
      Step local = derive(outer, letter);
      Link link{outer, letter, inner, local.derivative,
                substitute_held(local.derivative, letter, inner)};
      s.links.push_back(link);
      s.substeps.push_back(std::move(local));
      cur = inner;
    }
    Step last = derive(cur, s.wrt);
    s.links.push_back(Link{cur, s.wrt, s.wrt, last.derivative, last.derivative});
    s.substeps.push_back(std::move(last));
    std::vector<ex> factors;
    for (const auto& l : s.links) {
      factors.push_back(l.factor);
      s.parts.push_back(l.factor);
    }
    s.derivative = chain_form(factors);
    remark_root_kink(s);
    return s;
  }

  // √(u²) = |u| is defined at u = 0, but its derivative u/|u| is not: the same remark as
  // for abs. An expression that divides by something is undefined somewhere already, and
  // gets no remark (√((9 − x)⁻²) has no value at x = 9 to begin with).
  static void remark_root_kink(Step& s) {
    if (s.remark != Remark::none) return;
    for (auto it = s.expression.preorder_begin(); it != s.expression.preorder_end(); ++it) {
      if (GiNaC::is_exactly_a<GiNaC::power>(*it) && GiNaC::is_exactly_a<numeric>(it->op(1)) &&
          GiNaC::ex_to<numeric>(it->op(1)).is_negative()) {
        return;
      }
    }
    for (auto it = s.derivative.preorder_begin(); it != s.derivative.preorder_end(); ++it) {
      if (GiNaC::is_exactly_a<GiNaC::power>(*it) && GiNaC::is_exactly_a<numeric>(it->op(1)) &&
          GiNaC::ex_to<numeric>(it->op(1)).is_negative() &&
          GiNaC::is_the_function<GiNaC::abs_SERIAL>(it->op(0)) &&
          s.expression.has(GiNaC::pow(it->op(0).op(0), 2)) && kinked(s, it->op(0).op(0))) {
        s.remark = Remark::not_differentiable_at_zero;
        s.remark_at = it->op(0).op(0);
        return;
      }
    }
  }

  // Whether S's derivative jumps where the affine U is 0: cos(√(x²)) = cos(x) has the
  // derivative −x·sin(|x|)/|x|, undefined at 0 as written but with equal limits on both
  // sides. A U that is not affine in the variable is taken to kink.
  static bool kinked(const Step& s, const ex& u) {
    if (!u.is_polynomial(s.wrt) || u.degree(s.wrt) != 1) return true;
    const ex slope = u.coeff(s.wrt, 1);
    const ex offset = u.coeff(s.wrt, 0);
    if (!GiNaC::is_exactly_a<numeric>(slope) || !GiNaC::is_exactly_a<numeric>(offset)) return true;
    const numeric z = -GiNaC::ex_to<numeric>(offset) / GiNaC::ex_to<numeric>(slope);
    const numeric h(1, 10000000);
    auto left = evaluate(s.derivative, {{s.wrt, z - h}});
    auto right = evaluate(s.derivative, {{s.wrt, z + h}});
    if (!left || !right) return true;
    return std::abs(*left - *right) > 1e-5 * std::max(1.0, std::abs(*left) + std::abs(*right));
  }

  ex var_;
  const DiffOptions& opts_;
  std::set<std::string> used_;
  std::size_t next_ = 0;
};

}  // namespace

Step differentiate(const ex& e, const ex& var, const DiffOptions& options) {
  if (!GiNaC::is_a<GiNaC::symbol>(var)) {
    throw Error(Message{"diff.bad_variable", {print(var, Style::input)}});
  }
  Deriver d(e, var, options);
  Step s = d.derive(e, var);
  if (!e.has(var)) s.remark = Remark::independent;
  return s;
}

std::vector<Step> differentiate_orders(const ex& e, const ex& var, int order) {
  if (order < 1 || order > kMaxOrder) {
    throw Error(Message{"diff.bad_order", {std::to_string(order), std::to_string(kMaxOrder)}});
  }
  std::vector<Step> out;
  out.reserve(static_cast<std::size_t>(order));
  ex current = e;
  for (int k = 1; k <= order; ++k) {
    out.push_back(differentiate(current, var));
    current = out.back().derivative;
  }
  return out;
}

ex nth_derivative(const ex& e, const ex& var, int order) {
  return order == 0 ? e : differentiate_orders(e, var, order).back().derivative;
}

}  // namespace tutor
