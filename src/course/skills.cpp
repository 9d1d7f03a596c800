#include "course/skills.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "base/errors.hpp"
#include "base/text.hpp"
#include "course/graph_practice.hpp"
#include "course/lab_skills.hpp"
#include "labs/graph_render.hpp"
#include "math/equivalence.hpp"
#include "math/print.hpp"
#include "math/symbols.hpp"
#include "math/syntax.hpp"

namespace tutor {

using GiNaC::ex;

namespace {

// The largest coefficient drawn at each level (index 1 to 3).
constexpr int kRange[kLevels + 1] = {0, 3, 5, 7};

// A coefficient 1..MAX in size with a random sign; negative when FOCUS asks for a minus sign.
int coef(Rng& rng, int max, bool negative = false) {
  const int size = draw(rng, 1, max);
  if (negative) return -size;
  return draw(rng, 0, 1) == 0 ? size : -size;
}

// A factor inside a function (k in sin(kx), w in σ(wx + b)) of size 2..MAX, so that a
// learner must see it: positive unless a minus sign is asked for.
int factor(Rng& rng, int max, bool negative = false) {
  const int size = draw(rng, 2, std::max(2, max));
  return negative ? -size : size;
}

struct Term {
  int c;
  std::string body;  // empty: the constant c
};

// The terms as input text: "3*x^2-x+4".
std::string sum(const std::vector<Term>& terms) {
  std::string s;
  for (const auto& t : terms) {
    if (t.c == 0) continue;
    const int a = std::abs(t.c);
    std::string piece = t.body.empty() ? std::to_string(a)
                        : a == 1       ? t.body
                                       : std::to_string(a) + "*" + t.body;
    if (s.empty()) {
      s = (t.c < 0 ? "-" : "") + piece;
    } else {
      s += (t.c < 0 ? "-" : "+") + piece;
    }
  }
  return s.empty() ? "0" : s;
}

std::string pow_of(const std::string& base, int n) {
  return n == 1 ? base : base + "^" + (n < 0 ? "(" + std::to_string(n) + ")" : std::to_string(n));
}

std::string call(std::string_view f, const std::string& arg) {
  return std::string(f) + "(" + arg + ")";
}

bool uses(const Step& s, Rule rule) {
  if (s.rule == rule) return true;
  return std::any_of(s.substeps.begin(), s.substeps.end(),
                     [&](const Step& t) { return uses(t, rule); });
}

// The most links of any chain in S.
std::size_t longest_chain(const Step& s) {
  std::size_t n = s.rule == Rule::chain ? s.links.size() : 0;
  for (const auto& t : s.substeps) n = std::max(n, longest_chain(t));
  return n;
}

// --- the templates ---------------------------------------------------------------------
// Every draw is sequenced: one draw per statement, or inside one braced list (evaluated left
// to right). Two draws in the arguments of one call, or on both sides of a +, are evaluated
// in an order compilers choose differently, and the same seed would give GCC's and Clang's
// builds different problems.

std::string power(Rng& rng, int level, Focus focus, std::string& wrt) {
  wrt = "x";
  const int r = kRange[level];
  const bool minus = focus == Focus::minus_sign;
  const int n1 = draw(rng, 2, 2 + level);
  switch (level) {
    case 1:
      return sum({{coef(rng, r, minus), pow_of("x", n1)},
                  {coef(rng, r), pow_of("x", draw(rng, 1, n1 - 1))},
                  {coef(rng, r), ""}});
    case 2:
      return sum(
          {{coef(rng, r, minus), pow_of("x", n1)}, {coef(rng, r), "sqrt(x)"}, {coef(rng, r), "x"}});
    default:
      return sum({{coef(rng, r, minus), pow_of("x", n1)},
                  {coef(rng, r), pow_of("x", -draw(rng, 1, 2))},
                  {coef(rng, r), "sqrt(x)"}});
  }
}

std::string exp_log(Rng& rng, int level, Focus focus, std::string& wrt) {
  wrt = "x";
  const int r = kRange[level];
  const bool minus = focus == Focus::minus_sign;
  const std::string ekx = call("exp", sum({{factor(rng, 3, minus), "x"}}));
  switch (level) {
    case 1:
      return sum({{coef(rng, r, minus), "exp(x)"}, {coef(rng, r), "log(x)"}});
    case 2:
      return sum({{coef(rng, r), ekx}, {coef(rng, r), pow_of("x", draw(rng, 2, 3))}});
    default:
      return sum({{coef(rng, r), ekx}, {coef(rng, r), "log(x)"}, {coef(rng, r), "x^2"}});
  }
}

std::string trig(Rng& rng, int level, Focus focus, std::string& wrt) {
  wrt = "x";
  const int r = kRange[level];
  const bool minus = focus == Focus::minus_sign;
  switch (level) {
    case 1:
      return sum({{coef(rng, r), "sin(x)"}, {coef(rng, r, minus), "cos(x)"}});
    case 2:
      return sum({{coef(rng, r), call("sin", sum({{factor(rng, 4, minus), "x"}}))},
                  {coef(rng, r), call("cos", sum({{factor(rng, 4), "x"}}))}});
    default:
      return sum({{coef(rng, r), "tan(x)"},
                  {coef(rng, r, minus), call("cos", sum({{factor(rng, 4), "x"}}))}});
  }
}

std::string product(Rng& rng, int level, Focus focus, std::string& wrt) {
  wrt = "x";
  const bool minus = focus == Focus::minus_sign;
  static constexpr std::string_view kOther[] = {"sin(x)", "cos(x)", "exp(x)", "log(x)"};
  std::string f =
      draw(rng, 0, 1) == 0
          ? pow_of("x", draw(rng, 1, level + 1))
          : "(" + sum({{coef(rng, kRange[level], minus), "x"}, {coef(rng, kRange[level]), ""}}) +
                ")";
  std::string g = level == 3 && draw(rng, 0, 1) == 0
                      ? call("exp", sum({{factor(rng, 3, minus), "x"}}))
                      : std::string(kOther[draw(rng, 0, 3)]);
  const int c = level == 1 ? 1 : coef(rng, 3);
  return sum({{c, f + "*" + g}});
}

std::string quotient(Rng& rng, int level, Focus focus, std::string& wrt) {
  wrt = "x";
  const int r = kRange[level];
  const bool minus = focus == Focus::minus_sign;
  switch (level) {
    case 1: {
      const std::string top = sum({{coef(rng, r, minus), "x"}, {coef(rng, r), ""}});
      const std::string bottom = sum({{coef(rng, r), "x"}, {coef(rng, r), ""}});
      return "(" + top + ")/(" + bottom + ")";
    }
    case 2: {
      static constexpr std::string_view kTop[] = {"sin(x)", "cos(x)", "exp(x)"};
      const std::string top(kTop[draw(rng, 0, 2)]);
      const std::string bottom = sum({{coef(rng, r, minus), "x"}, {coef(rng, r), ""}});
      return top + "/(" + bottom + ")";
    }
    default: {
      const std::string top =
          sum({{coef(rng, r, minus), pow_of("x", draw(rng, 1, 2))}, {coef(rng, r), ""}});
      const int shift = draw(rng, 1, r);
      return "(" + top + ")/(x^2+" + std::to_string(shift) + ")";
    }
  }
}

// The inner function of a chain at LEVEL: a x + b, a x² + b, a x² + b x + c. With the inner
// factor in focus, a is 2 or more in size and the inner function is never just linear.
std::string inner(Rng& rng, int level, Focus focus) {
  const bool minus = focus == Focus::minus_sign;
  if (focus == Focus::inner_factor) level = std::max(level, 2);
  const int r = kRange[level];
  const int a = focus == Focus::inner_factor ? factor(rng, r, minus)
                : minus                      ? -draw(rng, 1, r)
                                             : draw(rng, 1, r);
  switch (level) {
    case 1:
      return sum({{a, "x"}, {coef(rng, r), ""}});
    case 2:
      return sum({{a, "x^2"}, {coef(rng, r), ""}});
    default:
      return sum({{a, "x^2"}, {coef(rng, r), "x"}, {coef(rng, r), ""}});
  }
}

enum class Outer { power, sin, cos, exp, log, sqrt };
constexpr int kOuters = 6;

std::string apply(Outer f, const std::string& u, Rng& rng) {
  switch (f) {
    case Outer::power:
      return pow_of("(" + u + ")", draw(rng, 2, 4));
    case Outer::sin:
      return call("sin", u);
    case Outer::cos:
      return call("cos", u);
    case Outer::exp:
      return call("exp", u);
    case Outer::log:
      return call("log", u);
    case Outer::sqrt:
      return call("sqrt", u);
  }
  return u;
}

std::string chain2(Rng& rng, int level, Focus focus, std::string& wrt) {
  wrt = "x";
  const auto outer = static_cast<Outer>(draw(rng, 0, kOuters - 1));
  const std::string u = inner(rng, level, focus);
  return apply(outer, u, rng);
}

std::string chain_long(Rng& rng, int level, Focus focus, std::string& wrt) {
  wrt = "x";
  // Level 1 and 2: three links around a linear or quadratic inner function; level 3: four.
  std::string e = inner(rng, level == 3 ? 1 : level, focus);
  const int outers = level == 3 ? 3 : 2;
  int last = -1;
  for (int i = 0; i < outers; ++i) {
    int f = draw(rng, 0, kOuters - 1);
    // exp(log(u)) and log(exp(u)) undo each other; a root of a power folds into it.
    while (f == last || (last == 4 && f == 3) || (last == 3 && f == 4) || (last == 0 && f == 5) ||
           (last == 5 && f == 0)) {
      f = draw(rng, 0, kOuters - 1);
    }
    e = apply(static_cast<Outer>(f), e, rng);
    last = f;
  }
  return e;
}

std::string activation(Rng& rng, int level, Focus focus, std::string& wrt) {
  wrt = "x";
  static constexpr std::string_view kActivations[] = {"sigmoid", "tanh", "relu", "softplus"};
  const int r = kRange[level];
  const std::string f(kActivations[draw(rng, 0, 3)]);
  std::string body =
      call(f, sum({{factor(rng, r, focus == Focus::minus_sign), "x"}, {coef(rng, r), ""}}));
  return level == 3 ? sum({{factor(rng, 3), body}}) : body;
}

std::string partial(Rng& rng, int level, Focus focus, std::string& wrt) {
  wrt = draw(rng, 0, 1) == 0 ? "x" : "y";
  const int r = kRange[level];
  const bool minus = focus == Focus::minus_sign;
  switch (level) {
    case 1: {
      const int c = coef(rng, r, minus);
      const int m = draw(rng, 1, 3);
      const int n = draw(rng, 1, 3);
      return sum(
          {{c, pow_of("x", m) + "*" + pow_of("y", n)}, {coef(rng, r), "x"}, {coef(rng, r), "y"}});
    }
    case 2:
      return sum({{coef(rng, r), "x*" + call("exp", sum({{factor(rng, 3, minus), "y"}}))},
                  {coef(rng, r), "x*y^2"}});
    default:
      return sum({{coef(rng, r), call("sin", sum({{factor(rng, 3, minus), "x*y"}}))},
                  {coef(rng, r), "x^2*y"}});
  }
}

// --- what the engine must find ---------------------------------------------------------

bool fits_power(const Step& s) {
  return uses(s, Rule::power);
}
bool fits_exp_log(const Step& s) {
  return uses(s, Rule::exponential) || uses(s, Rule::logarithm);
}
bool fits_trig(const Step& s) {
  return uses(s, Rule::trig);
}
bool fits_product(const Step& s) {
  return uses(s, Rule::product);
}
bool fits_quotient(const Step& s) {
  return uses(s, Rule::quotient);
}
bool fits_chain2(const Step& s) {
  return longest_chain(s) == 2;
}
bool fits_chain_long(const Step& s) {
  return longest_chain(s) >= 3 && longest_chain(s) <= 4;
}
bool fits_activation(const Step& s) {
  return uses(s, Rule::chain) && longest_chain(s) == 2;
}
bool fits_partial(const Step& s) {
  return variables_of(s.expression).size() == 2;
}

// Whether E is a real number on at least kMinRealShare of a grid over [-3, 3] (in x, and in
// y when E has it): √(−x² − 4) is nowhere, √(ln(x − 2)) hardly. Stops as soon as it knows.
bool mostly_real(const ex& e, SymbolTable& syms) {
  const ex x = syms.get("x"), y = syms.get("y");
  const int ys = e.has(y) ? 3 : 0;
  const int all = 25 * (2 * ys + 1);
  const int needed = static_cast<int>(std::ceil(kMinRealShare * all));
  int real = 0, seen = 0;
  for (int i = -12; i <= 12; ++i) {
    for (int j = -ys; j <= ys; ++j) {
      const GiNaC::exmap at = {{x, GiNaC::numeric(i, 4)}, {y, GiNaC::numeric(j, 1)}};
      real += evaluate(e, at) ? 1 : 0;
      ++seen;
      if (real >= needed) return true;
      if (real + (all - seen) < needed) return false;
    }
  }
  return false;
}

}  // namespace

int draw(Rng& rng, int lo, int hi) {
  const auto span = static_cast<std::uint32_t>(hi - lo + 1);
  return lo + static_cast<int>(static_cast<std::uint32_t>(rng()) % span);
}

std::span<const Skill> skills() {
  static const std::vector<Skill> table = {
      {"power", "skill.power.title", "skill.power.hint", {}, power, fits_power},
      {"exp-log", "skill.exp-log.title", "skill.exp-log.hint", {"power"}, exp_log, fits_exp_log},
      {"trig", "skill.trig.title", "skill.trig.hint", {"power"}, trig, fits_trig},
      {"product", "skill.product.title", "skill.product.hint", {"power"}, product, fits_product},
      {"quotient",
       "skill.quotient.title",
       "skill.quotient.hint",
       {"product"},
       quotient,
       fits_quotient},
      {"chain2",
       "skill.chain2.title",
       "skill.chain2.hint",
       {"exp-log", "trig"},
       chain2,
       fits_chain2},
      {"chain-long",
       "skill.chain-long.title",
       "skill.chain-long.hint",
       {"chain2"},
       chain_long,
       fits_chain_long},
      {"activation",
       "skill.activation.title",
       "skill.activation.hint",
       {"chain2"},
       activation,
       fits_activation},
      {"partial", "skill.partial.title", "skill.partial.hint", {"chain2"}, partial, fits_partial},
      {"graph-forward",
       "skill.graph-forward.title",
       "skill.graph-forward.hint",
       {"chain2"},
       nullptr,
       nullptr,
       pose_graph_forward,
       solve_graph},
      {"graph-backward",
       "skill.graph-backward.title",
       "skill.graph-backward.hint",
       {"graph-forward"},
       nullptr,
       nullptr,
       pose_graph_backward,
       solve_graph},
      {"descent-step",
       "skill.descent-step.title",
       "skill.descent-step.hint",
       {"power"},
       nullptr,
       nullptr,
       pose_descent_step,
       solve_descent_step},
      {"learning-rate",
       "skill.learning-rate.title",
       "skill.learning-rate.hint",
       {"descent-step"},
       nullptr,
       nullptr,
       pose_learning_rate,
       solve_learning_rate},
      {"vanishing",
       "skill.vanishing.title",
       "skill.vanishing.hint",
       {"activation", "graph-backward"},
       nullptr,
       nullptr,
       pose_vanishing,
       solve_vanishing},
  };
  return table;
}

std::string_view kind_name(ProblemKind kind) {
  constexpr std::string_view kNames[kProblemKinds] = {
      "derivative",   "node-value",  "node-gradient",  "descent-step",
      "rate-verdict", "layer-bound", "factor-product", "layers-below"};
  return kNames[static_cast<std::size_t>(kind)];
}

std::string_view rate_verdict_name(RateVerdict v) {
  constexpr std::string_view kNames[kRateVerdicts] = {"steady", "zigzag", "oscillating",
                                                      "diverged"};
  return kNames[static_cast<std::size_t>(v)];
}

std::string problem_id(const PracticeProblem& p) {
  if (p.kind == ProblemKind::derivative) return p.wrt + "|" + p.function;
  std::string id = std::string(kind_name(p.kind)) + "|" + p.function + "|" + p.wrt + "|";
  for (const auto& [name, value] : p.point) id += name + "=" + value + ",";
  id += "|" + p.rate + "|" + p.activation + "|" + std::to_string(p.layers) + "|" + p.weight + "|";
  for (const auto& f : p.factors) id += f + ",";
  return id + "|" + std::to_string(p.below);
}

const Skill* find_skill(std::string_view id) {
  for (const auto& s : skills()) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

std::optional<Ugly> ugliness(const Skill& skill, const std::string& function,
                             const std::string& wrt, std::string& key) {
  try {
    SymbolTable syms;
    Parsed p = parse(function, syms);
    const ex var = syms.get(wrt);
    if (!p.expr.has(var)) return Ugly::degenerate;
    const Step s = differentiate(p.expr, var);
    if (s.derivative.is_zero() || GiNaC::normal(s.derivative).is_zero()) return Ugly::degenerate;
    if (!skill.fits(s)) return Ugly::wrong_rule;
    // A problem about numbers that are mostly not real is no exercise in the rule.
    if (!mostly_real(s.derivative, syms)) return Ugly::degenerate;
    for (auto it = s.derivative.preorder_begin(); it != s.derivative.preorder_end(); ++it) {
      if (!GiNaC::is_a<GiNaC::numeric>(*it)) continue;
      const auto& n = GiNaC::ex_to<GiNaC::numeric>(*it);
      const GiNaC::numeric limit(kMaxCoefficient);
      if (!n.is_rational() || abs(n.numer()) > limit || n.denom() > limit)
        return Ugly::huge_coefficient;
    }
    if (display_width(print(s.derivative, Style::text)) > kMaxAnswerLength)
      return Ugly::long_answer;
    key = print(s.derivative, Style::input);
    return std::nullopt;
  } catch (const std::exception&) {
    return Ugly::degenerate;
  }
}

PracticeProblem ProblemGenerator::next(const Skill& skill, int level, Focus focus) {
  level = std::clamp(level, 1, kLevels);
  for (; level <= kLevels; ++level) {
    for (int i = 0; i < kMaxProposals; ++i) {
      PracticeProblem p;
      p.skill = skill.id;
      p.level = level;
      if (!skill.derivative()) {
        // A setup has no minus sign or inner factor to put in focus.
        skill.pose(rng_, level, p);
        const std::string id = problem_id(p);
        if (seen_.contains(id)) {
          ++rejected_[static_cast<std::size_t>(Ugly::repeated)];
          continue;
        }
        if (auto why = skill.solve(p)) {
          ++rejected_[static_cast<std::size_t>(*why)];
          continue;
        }
        seen_.insert(id);
        ++given_;
        return p;
      }
      p.focus = focus;
      const std::string proposed = skill.propose(rng_, level, focus, p.wrt);
      // The function as the engine prints it back, so that 1+x² and x²+1 are one problem.
      try {
        SymbolTable syms;
        p.function = print(parse(proposed, syms).expr, Style::input);
      } catch (const std::exception&) {
        ++rejected_[static_cast<std::size_t>(Ugly::degenerate)];
        continue;
      }
      // A minus sign asked for and folded away by GiNaC ((−2x − 1)⁴ is (2x + 1)⁴) is not there.
      if (focus == Focus::minus_sign && p.function.find('-') == std::string::npos) {
        ++rejected_[static_cast<std::size_t>(Ugly::wrong_rule)];
        continue;
      }
      // Repeats first: they cost nothing to find, and fill a level once most of it is given.
      const std::string id = problem_id(p);
      if (seen_.contains(id)) {
        ++rejected_[static_cast<std::size_t>(Ugly::repeated)];
        continue;
      }
      if (auto why = ugliness(skill, p.function, p.wrt, p.key)) {
        ++rejected_[static_cast<std::size_t>(*why)];
        continue;
      }
      seen_.insert(id);
      ++given_;
      return p;
    }
  }
  throw Error(Message{"practice.exhausted", {std::string(skill.id)}});
}

int ProblemGenerator::rejected() const {
  int n = 0;
  for (int r : rejected_) n += r;
  return n;
}

namespace {

// "a = 2, b = −1": a point as the learner reads it.
std::string point_text(const PracticeProblem& p, std::string_view suffix = "") {
  std::string s;
  for (const auto& [name, value] : p.point) {
    SymbolTable syms;
    s += (s.empty() ? "" : ", ") + name + std::string(suffix) + " = " +
         print(parse(value, syms).expr, Style::text);
  }
  return s;
}

// "x₀ = 2" or "(x₀, y₀) = (1, −2)": the start of descent.
std::string start_text(const PracticeProblem& p) {
  if (p.point.size() == 1) return point_text(p, "₀");
  std::string names, values;
  for (const auto& [name, value] : p.point) {
    SymbolTable syms;
    names += (names.empty() ? "" : ", ") + name + "₀";
    values += (values.empty() ? "" : ", ") + print(parse(value, syms).expr, Style::text);
  }
  return "(" + names + ") = (" + values + ")";
}

std::string variables_text(const PracticeProblem& p) {
  std::string s;
  for (const auto& [name, value] : p.point) s += (s.empty() ? "" : ", ") + name;
  return s;
}

std::string shown(const std::string& function) {
  try {
    SymbolTable syms;
    return print(parse(function, syms).expr, Style::text);
  } catch (const std::exception&) {
    // Generated functions always parse; the input text would do otherwise.
    return function;
  }
}

void ask_derivative(const PracticeProblem& p, Lang lang, Question& q) {
  q.kind = AnswerKind::derivative;
  q.function = p.function;
  q.wrt = p.wrt;
  q.prompt = p.skill == "partial"
                 ? tr(lang, "practice.drill.prompt_partial", p.wrt, shown(p.function))
                 : tr(lang, "practice.drill.prompt", shown(p.function));
}

// A value or gradient of a graph: its nodes in order, the point, and the lab's own hints
// for the node (the method, then the numbers).
void ask_graph(const PracticeProblem& p, Lang lang, Question& q) {
  const Graph g = graph_of(p);
  const std::size_t k = asked_node(g, p).value_or(g.output);
  std::string nodes;
  for (const GraphNode& n : g.nodes) {
    if (n.kind == NodeKind::input || n.kind == NodeKind::constant) continue;
    nodes +=
        (nodes.empty() ? "" : ", ") + node_label(n, false) + " = " + value_text(n.formula, false);
  }
  const bool backward = p.kind == ProblemKind::node_gradient;
  const std::string asked =
      backward ? derivative_name(g, g.output, k, false) : node_label(g.nodes[k], false);
  q.prompt = tr(lang, "practice.graph.prompt", nodes, point_text(p), asked);
  for (auto& gq : graph_practice(g, lang, false)) {
    if (gq.node == k && gq.backward == backward) {
      q.hints.insert(q.hints.end(), gq.question.hints.begin(), gq.question.hints.end());
    }
  }
}

void ask_descent_step(const PracticeProblem& p, Lang lang, Question& q) {
  const std::string& v = p.wrt;
  const std::string slope = p.point.size() == 1 ? "f′(" + v + "₀)" : "∂f/∂" + v;
  q.prompt = tr(lang, "practice.descent.step", variables_text(p), shown(p.function), start_text(p),
                p.rate, v + "₁ = " + v + "₀ − η·" + slope);
}

void ask_rate(const PracticeProblem& p, Lang lang, Question& q) {
  q.kind = AnswerKind::choice;
  q.prompt =
      tr(lang, "practice.rate.prompt", variables_text(p), shown(p.function), start_text(p), p.rate);
  // By RateVerdict, in its order.
  static constexpr std::string_view kChoices[kRateVerdicts] = {
      "practice.rate.steady", "practice.rate.zigzag", "practice.rate.oscillating",
      "practice.rate.diverged"};
  const Lang other = lang == Lang::en ? Lang::ko : Lang::en;
  for (std::size_t i = 0; i < kRateVerdicts; ++i) {
    const std::string name(rate_verdict_name(static_cast<RateVerdict>(i)));
    q.choices.push_back(Choice{tr(lang, kChoices[i]), {tr(other, kChoices[i]), name}});
    if (name == p.key) q.choice = i;
  }
  // `tutor descent`'s words for the two verdicts it shares ("oscillating" and "diverged" are
  // the names already).
  q.choices[2].aliases.push_back(tr(Lang::ko, "descent.verdict.oscillating"));
  q.choices[3].aliases.push_back(tr(Lang::ko, "descent.verdict.diverged"));
  // The factor each step multiplies the distance by, named as `tutor descent` names it.
  const std::vector<double> curvature = curvature_of(p);
  if (!curvature.empty()) {
    std::string text;
    for (double c : curvature) text += (text.empty() ? "" : ", ") + format_number(c);
    if (curvature.size() > 1) text = "(" + text + ")";
    q.hints.push_back(
        tr(lang, curvature.size() == 1 ? "descent.quad.intro" : "descent.quad.intro_multi", text));
  }
}

std::string activation_text(const PracticeProblem& p, Lang lang) {
  return tr(lang, "gradients.activation." + p.activation);
}

void ask_layers(const PracticeProblem& p, Lang lang, Question& q) {
  switch (p.kind) {
    case ProblemKind::layer_bound:
      q.prompt = tr(lang, "practice.vanishing.bound", std::to_string(p.layers),
                    activation_text(p, lang), p.weight);
      break;
    case ProblemKind::factor_product: {
      std::string factors;
      for (const auto& f : p.factors) factors += (factors.empty() ? "" : ", ") + f;
      q.prompt = tr(lang, "practice.vanishing.product", factors);
      break;
    }
    default:
      q.prompt = tr(lang, "practice.vanishing.depth", activation_text(p, lang), p.weight,
                    "10" + superscript("-" + std::to_string(p.below)));
      break;
  }
}

using Asker = void (*)(const PracticeProblem&, Lang, Question&);

// By ProblemKind, in its order.
constexpr Asker kAskers[kProblemKinds] = {ask_derivative, ask_graph,  ask_graph,  ask_descent_step,
                                          ask_rate,       ask_layers, ask_layers, ask_layers};

}  // namespace

Question question_of(const PracticeProblem& p, Lang lang) {
  Question q;
  q.id = p.skill + ":" + problem_id(p);
  // A number unless the kind says otherwise; its key as the engine gave it.
  q.kind = AnswerKind::number;
  q.number = p.value;
  q.key = p.key;
  const Skill* skill = find_skill(p.skill);
  if (skill != nullptr) q.hints = {tr(lang, skill->hint)};
  try {
    kAskers[static_cast<std::size_t>(p.kind)](p, lang, q);
  } catch (const std::exception&) {
    // Generated problems were solved by the same engines; a problem read back from
    // elsewhere that they refuse keeps what it has.
  }
  if (q.kind == AnswerKind::derivative) q.key.clear();
  return q;
}

}  // namespace tutor
