#include "course/lab_skills.hpp"

#include <algorithm>
#include <cmath>

#include "base/errors.hpp"
#include "labs/descent.hpp"
#include "labs/gradients.hpp"
#include "math/point.hpp"
#include "math/print.hpp"
#include "math/symbols.hpp"
#include "math/syntax.hpp"

namespace tutor {

using GiNaC::ex;

namespace {

// Every draw is sequenced, one per statement (see skills.cpp): a seed gives the same
// problems under every compiler.

// A graph template: the expression, its variables (one letter each, as the point lists them),
// and the inputs a backward problem may ask about.
struct GraphTemplate {
  std::string_view expression;
  std::string_view variables;
  std::string_view askable;
};

// Forward: level 1 one or two operations; level 2 a square, a relu, a value used twice;
// level 3 an activation whose value is typed rounded.
constexpr GraphTemplate kForward[kLevels][5] = {
    {{"(a+b)*c", "abc", ""},
     {"a*b+c", "abc", ""},
     {"(a-b)*c", "abc", ""},
     {"a*(b+c)", "abc", ""},
     {"w*x+b", "bwx", ""}},
    {{"(a+b)*(b+c)", "abc", ""},
     {"(w*x+b)^2", "bwx", ""},
     {"relu(w*x+b)", "bwx", ""},
     {"a*b+b*c", "abc", ""},
     {"(a+b)^2*c", "abc", ""}},
    {{"sigmoid(w*x+b)", "bwx", ""},
     {"tanh(w*x+b)", "bwx", ""},
     {"exp(a*b-c)", "abc", ""},
     {"sigmoid(a*b+c)*c", "abc", ""},
     {"softplus(w*x+b)", "bwx", ""}},
};

// Backward: level 1 one path to every input; level 2 the input asked feeds two nodes, so
// its paths add up; level 3 a square or an activation on the way, shared or not.
constexpr GraphTemplate kBackward[kLevels][5] = {
    {{"(a+b)*c", "abc", "abc"},
     {"a*b+c", "abc", "abc"},
     {"a*b*c", "abc", "abc"},
     {"(a-b)*c", "abc", "abc"},
     {"w*x+b", "bwx", "bwx"}},
    {{"(a+b)*(b+1)", "ab", "b"},
     {"a*b+b*c", "abc", "b"},
     {"(w*x+b)*x", "bwx", "x"},
     {"a*(a+b)", "ab", "a"},
     {"(a+b)*(b+c)", "abc", "b"}},
    {{"(w*x+b)^2", "bwx", "bwx"},
     {"sigmoid(w*x+b)", "bwx", "bwx"},
     {"relu(w*x+b)*x", "bwx", "x"},
     {"tanh(w*x+b)", "bwx", "bwx"},
     {"(a*b+c)^2*b", "abc", "b"}},
};

// The node a forward problem asks when it is not the output: the first operation.
constexpr std::string_view kInnerNode = "inner";

// The point of VARIABLES, each a whole number from -MAX to MAX.
void draw_point(Rng& rng, std::string_view variables, int max, PracticeProblem& p) {
  p.point.clear();
  for (char v : variables) {
    const int value = draw(rng, -max, max);
    p.point.emplace_back(std::string(1, v), std::to_string(value));
  }
}

void pose_graph(Rng& rng, int level, PracticeProblem& p, ProblemKind kind,
                const GraphTemplate (&table)[kLevels][5]) {
  p.kind = kind;
  const GraphTemplate& t = table[level - 1][draw(rng, 0, 4)];
  p.function = std::string(t.expression);
  draw_point(rng, t.variables, level == 3 ? 2 : 4, p);
  if (kind == ProblemKind::node_gradient) {
    const int i = draw(rng, 0, static_cast<int>(t.askable.size()) - 1);
    p.wrt = std::string(1, t.askable[static_cast<std::size_t>(i)]);
  } else {
    // The output at level 1; above it, now and then the first node on the way.
    p.wrt = level > 1 && draw(rng, 0, 2) == 0 ? std::string(kInnerNode) : "";
  }
}

// Why the number V is not fit to type, or nullopt; sets P's value and key.
std::optional<Ugly> typed_number(const ex& v, PracticeProblem& p) {
  const std::optional<ex> n = real_number(v);
  if (!n) return Ugly::degenerate;
  const auto& num = GiNaC::ex_to<GiNaC::numeric>(*n);
  const double d = num.to_double();
  if (d == 0) return Ugly::degenerate;
  if (std::abs(d) > kMaxCoefficient) return Ugly::huge_coefficient;
  if (num.is_rational()) {
    // A terminating decimal of at most kMaxDecimals places: 10^k·v is a whole number.
    const GiNaC::numeric scaled = num * GiNaC::numeric(10).power(kMaxDecimals);
    if (!scaled.is_integer()) return Ugly::long_answer;
  } else if (std::abs(d) < kMinRounded) {
    return Ugly::long_answer;
  }
  p.value = d;
  // A value typed rounded is shown as tables show one.
  p.key = num.is_rational() ? format_number(d) : format_short(d);
  return std::nullopt;
}

// The same for a double from an engine that computes in floating point (descent): exact when
// it is within rounding of a decimal of kMaxDecimals places.
std::optional<Ugly> typed_decimal(double d, PracticeProblem& p) {
  if (!std::isfinite(d)) return Ugly::degenerate;
  if (std::abs(d) > kMaxCoefficient) return Ugly::huge_coefficient;
  const double scale = std::pow(10.0, kMaxDecimals);
  const double rounded = std::round(d * scale) / scale;
  if (std::abs(rounded - d) > 1e-9 * std::max(1.0, std::abs(d))) return Ugly::long_answer;
  p.value = rounded;
  p.key = format_number(rounded);
  return std::nullopt;
}

std::map<std::string, double> start_of(const PracticeProblem& p) {
  std::map<std::string, double> start;
  for (const auto& [name, value] : p.point) start[name] = std::stod(value);
  return start;
}

// The learning rates of a step, with few decimals so that the step is exact.
constexpr std::string_view kStepRates[] = {"0.1", "0.05", "0.2", "0.25", "0.5", "0.01"};
// Half of η·f″ for a verdict: below 0.5 steady, up to 1 zigzag, 1 oscillating, above diverged.
constexpr double kMultipliers[] = {0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 1, 1.2, 1.5};
constexpr int kCurvatures[] = {1, 2, 4, 5};

std::string term(int c, std::string_view body) {
  // "+3*x^2", "-x", "+5": a signed term after the first.
  std::string s = c < 0 ? "-" : "+";
  const int a = std::abs(c);
  if (body.empty()) return s + std::to_string(a);
  return s + (a == 1 ? "" : std::to_string(a) + "*") + std::string(body);
}

int nonzero(Rng& rng, int max) {
  const int v = draw(rng, 1, max);
  return draw(rng, 0, 1) == 0 ? v : -v;
}

struct Bound {
  Activation activation;
  double weight;
  std::string_view weight_text;
};
// The activations and weight bounds of the layer problems: the largest factor per layer
// |W|·max act′ is 0.25, 0.5, 0.5, 0.9, 0.5 and 0.8.
constexpr Bound kBounds[] = {
    {Activation::sigmoid, 1, "1"},  {Activation::sigmoid, 2, "2"},  {Activation::tanh, 0.5, "0.5"},
    {Activation::tanh, 0.9, "0.9"}, {Activation::relu, 0.5, "0.5"}, {Activation::relu, 0.8, "0.8"},
};
constexpr std::string_view kFactors[] = {"0.1", "0.2", "0.25", "0.5", "0.8", "0.9", "1.5", "2"};

// The largest factor N layers of P's activation with |W| ≤ P's weight allow, from the chain
// engine.
double chain_bound(const PracticeProblem& p, int n) {
  ChainOptions o;
  o.activation = *parse_activation(p.activation);
  o.layers = n;
  o.weight = std::stod(p.weight);
  return run_chain(o).bound;
}

}  // namespace

void pose_graph_forward(Rng& rng, int level, PracticeProblem& p) {
  pose_graph(rng, level, p, ProblemKind::node_value, kForward);
}

void pose_graph_backward(Rng& rng, int level, PracticeProblem& p) {
  pose_graph(rng, level, p, ProblemKind::node_gradient, kBackward);
}

Graph graph_of(const PracticeProblem& p) {
  SymbolTable syms;
  Graph g = build_graph(parse(p.function, syms).expr);
  std::map<std::string, ex> at;
  for (const auto& [name, value] : p.point) at[name] = parse(value, syms).expr;
  evaluate(g, at);
  return g;
}

std::optional<std::size_t> asked_node(const Graph& g, const PracticeProblem& p) {
  if (p.kind == ProblemKind::node_value && p.wrt.empty()) return g.output;
  for (std::size_t k = 0; k < g.nodes.size(); ++k) {
    const GraphNode& n = g.nodes[k];
    const bool operation = n.kind != NodeKind::input && n.kind != NodeKind::constant;
    if (p.wrt == kInnerNode ? operation : n.name == p.wrt) return k;
  }
  return std::nullopt;
}

std::optional<Ugly> solve_graph(PracticeProblem& p) {
  try {
    const Graph g = graph_of(p);
    const auto k = asked_node(g, p);
    if (!k) return Ugly::degenerate;
    const GraphNode& n = g.nodes[*k];
    if (p.kind == ProblemKind::node_value) {
      // The first operation is the output itself in a graph of one operation.
      if (p.wrt == kInnerNode && *k == g.output) return Ugly::wrong_rule;
      if (auto why = typed_number(n.value, p)) return why;
      p.wrt = n.name;
      return std::nullopt;
    }
    // Level 2 is about the paths that add up.
    if (p.level == 2 && n.consumers.size() < 2) return Ugly::wrong_rule;
    return typed_number(n.gradient, p);
  } catch (const std::exception&) {
    return Ugly::degenerate;
  }
}

void pose_descent_step(Rng& rng, int level, PracticeProblem& p) {
  p.kind = ProblemKind::descent_step;
  p.rate = std::string(kStepRates[draw(rng, 0, level == 1 ? 4 : 5)]);
  p.point.clear();
  switch (level) {
    case 1: {
      const int a = draw(rng, 1, 5);
      const int b = nonzero(rng, 5);
      p.function = std::to_string(a) + "*x^2" + term(b, "x");
      break;
    }
    case 2: {
      const int a = nonzero(rng, 3);
      const int b = nonzero(rng, 5);
      const int n = draw(rng, 3, 4);
      p.function = std::to_string(a) + "*x^" + std::to_string(n) + term(b, "x^2");
      break;
    }
    default: {
      const int a = draw(rng, 1, 4);
      const int b = nonzero(rng, 3);
      const int c = draw(rng, 1, 4);
      p.function = std::to_string(a) + "*x^2" + term(b, "x*y") + term(c, "y^2");
      break;
    }
  }
  const int x0 = nonzero(rng, level == 2 ? 2 : 3);
  p.point.emplace_back("x", std::to_string(x0));
  if (level == 3) {
    const int y0 = nonzero(rng, 3);
    p.point.emplace_back("y", std::to_string(y0));
    p.wrt = draw(rng, 0, 1) == 0 ? "x" : "y";
  } else {
    p.wrt = "x";
  }
}

namespace {

Descent descent_of(const PracticeProblem& p, int steps) {
  SymbolTable syms;
  const Parsed f = parse(p.function, syms);
  DescentOptions o;
  o.rates = {std::stod(p.rate)};
  o.steps = steps;
  return descend(f, start_of(p), o, syms);
}

}  // namespace

std::vector<double> curvature_of(const PracticeProblem& p) {
  const Descent d = descent_of(p, 1);
  return d.quadratic ? d.quadratic->curvature : std::vector<double>{};
}

std::optional<Ugly> solve_descent_step(PracticeProblem& p) {
  try {
    const Descent d = descent_of(p, 1);
    const DescentRun& run = d.runs.front();
    const auto it = std::find(d.variables.begin(), d.variables.end(), p.wrt);
    if (it == d.variables.end() || run.steps.size() < 2) return Ugly::degenerate;
    const auto i = static_cast<std::size_t>(it - d.variables.begin());
    if (run.steps[0].gradient[i] == 0) return Ugly::degenerate;
    return typed_decimal(run.steps[1].theta[i], p);
  } catch (const std::exception&) {
    return Ugly::degenerate;
  }
}

void pose_learning_rate(Rng& rng, int level, PracticeProblem& p) {
  p.kind = ProblemKind::rate_verdict;
  p.point.clear();
  // The curvature 2a with a rate η = m/a, so that η·f″ = 2m: the multipliers m spread the
  // setups over every verdict, and a from kCurvatures keeps η a short decimal.
  const int a = kCurvatures[draw(rng, 0, 3)];
  const double m = kMultipliers[draw(rng, 0, 10)];
  p.rate = format_number(m / a);
  const std::string ax2 = (a == 1 ? "" : std::to_string(a) + "*");
  switch (level) {
    case 1:
      p.function = ax2 + "x^2";
      break;
    case 2: {
      const int c = nonzero(rng, 4);
      const int d = draw(rng, -5, 5);
      p.function = ax2 + "(x" + term(-c, "") + ")^2" + (d == 0 ? "" : term(d, ""));
      break;
    }
    default: {
      const int b = kCurvatures[draw(rng, 0, 3)];
      p.function = ax2 + "x^2" + term(b, "y^2");
      break;
    }
  }
  const int x0 = nonzero(rng, 5);
  p.point.emplace_back("x", std::to_string(x0));
  if (level == 3) {
    const int y0 = nonzero(rng, 5);
    p.point.emplace_back("y", std::to_string(y0));
  }
}

std::optional<Ugly> solve_learning_rate(PracticeProblem& p) {
  try {
    const Descent d = descent_of(p, kVerdictSteps);
    if (!d.quadratic) return Ugly::wrong_rule;
    const DescentRun& run = d.runs.front();
    RateVerdict v = RateVerdict::diverged;
    switch (run.verdict) {
      case RunVerdict::slow:
        return Ugly::degenerate;
      case RunVerdict::oscillating:
        v = RateVerdict::oscillating;
        break;
      case RunVerdict::diverged:
        v = RateVerdict::diverged;
        break;
      case RunVerdict::converged: {
        // Landing on the minimum at once shows neither way of converging.
        if (run.steps.size() < 4) return Ugly::degenerate;
        v = RateVerdict::steady;
        const auto& s = run.steps;
        for (std::size_t i = 0; i < s[0].theta.size(); ++i) {
          const double first = s[1].theta[i] - s[0].theta[i];
          const double second = s[2].theta[i] - s[1].theta[i];
          if (first * second < 0) v = RateVerdict::zigzag;
        }
        break;
      }
    }
    p.key = std::string(rate_verdict_name(v));
    p.value = static_cast<double>(v);
    return std::nullopt;
  } catch (const std::exception&) {
    return Ugly::degenerate;
  }
}

void pose_vanishing(Rng& rng, int level, PracticeProblem& p) {
  p.factors.clear();
  p.layers = 0;
  p.below = 0;
  p.activation.clear();
  p.weight.clear();
  if (level == 2) {
    p.kind = ProblemKind::factor_product;
    const int n = draw(rng, 3, 5);
    for (int i = 0; i < n; ++i) p.factors.emplace_back(kFactors[draw(rng, 0, 7)]);
    return;
  }
  const Bound& b = kBounds[draw(rng, 0, 5)];
  p.activation = std::string(activation_name(b.activation));
  p.weight = std::string(b.weight_text);
  if (level == 1) {
    p.kind = ProblemKind::layer_bound;
    p.layers = draw(rng, 2, 10);
  } else {
    p.kind = ProblemKind::layers_below;
    p.below = draw(rng, 2, 9);
  }
}

std::optional<Ugly> solve_vanishing(PracticeProblem& p) {
  try {
    double v = 0;
    switch (p.kind) {
      case ProblemKind::layer_bound:
        v = chain_bound(p, p.layers);
        break;
      case ProblemKind::factor_product: {
        // The factors as one product the parser reads exactly (0.25 is 1/4).
        std::string product;
        for (const auto& f : p.factors) product += (product.empty() ? "" : "*") + f;
        SymbolTable syms;
        const auto n = real_number(parse(product, syms).expr);
        if (!n) return Ugly::degenerate;
        v = GiNaC::ex_to<GiNaC::numeric>(*n).to_double();
        break;
      }
      case ProblemKind::layers_below: {
        const double limit = std::pow(10.0, -p.below);
        int n = 1;
        while (n < kMaxLayers && chain_bound(p, n) >= limit) ++n;
        if (chain_bound(p, n) >= limit) return Ugly::huge_coefficient;
        v = n;
        break;
      }
      default:
        return Ugly::degenerate;
    }
    if (v < kMinFactor) return Ugly::long_answer;
    if (v > kMaxCoefficient) return Ugly::huge_coefficient;
    // A factor of 1 or more says nothing about vanishing.
    if (p.kind != ProblemKind::layers_below && v >= 1) return Ugly::degenerate;
    p.value = v;
    p.key = format_number(v);
    return std::nullopt;
  } catch (const std::exception&) {
    return Ugly::degenerate;
  }
}

}  // namespace tutor
