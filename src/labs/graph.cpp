#include "labs/graph.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "base/errors.hpp"
#include "base/interrupt.hpp"
#include "base/text.hpp"
#include "math/equivalence.hpp"
#include "math/functions.hpp"
#include "math/order.hpp"
#include "math/point.hpp"
#include "math/print.hpp"
#include "math/symbols.hpp"
#include "math/syntax.hpp"

namespace tutor {

using GiNaC::ex;
using GiNaC::numeric;

namespace {

bool has_variables(const ex& e) {
  return !variables_of(e).empty();
}

bool negative_number(const ex& e) {
  return GiNaC::is_a<numeric>(e) && e.info(GiNaC::info_flags::real) &&
         GiNaC::ex_to<numeric>(e).is_negative();
}

// A term the learner reads with a minus in front: −3x, −sin(x), −π.
bool negative_term(const ex& t) {
  if (negative_number(t)) return true;
  if (!GiNaC::is_a<GiNaC::mul>(t)) return false;
  for (std::size_t i = 0; i < t.nops(); ++i) {
    if (negative_number(t.op(i))) return true;
  }
  return false;
}

bool negative_exponent(const ex& f) {
  return GiNaC::is_a<GiNaC::power>(f) && negative_number(f.op(1));
}

// One operand of an operation while the graph is built. ROLE is the sign in a sum (+1, −1),
// multiply (+1) or divide (−1) in a product, and base (0) or exponent (1) in u^v.
struct Part {
  std::size_t node;
  int role;
};

class Builder {
 public:
  Graph build(const ex& expr) {
    g_.expr = expr;
    g_.output = node_for(expr);
    name_nodes();
    write_formulas();
    backward_symbolic(g_);
    for (auto& n : g_.nodes) n.value = n.expr;
    return std::move(g_);
  }

 private:
  Graph g_;
  std::map<std::string, std::size_t> by_key_;
  std::vector<std::vector<Part>> parts_;

  std::size_t add_node(GraphNode n, std::vector<Part> parts, const std::string& key) {
    g_.nodes.push_back(std::move(n));
    parts_.push_back(std::move(parts));
    std::size_t idx = g_.nodes.size() - 1;
    by_key_[key] = idx;
    return idx;
  }

  std::size_t leaf(const ex& e, NodeKind kind, const std::string& key) {
    GraphNode n;
    n.kind = kind;
    n.expr = e;
    n.name = print(e, Style::input);
    return add_node(std::move(n), {}, key);
  }

  std::size_t op(const ex& e, NodeKind kind, std::vector<Part> parts, const std::string& key) {
    GraphNode n;
    n.kind = kind;
    n.expr = e;
    return add_node(std::move(n), std::move(parts), key);
  }

  std::size_t node_for(const ex& e) {
    const std::string key = canonical_key(e);
    if (auto it = by_key_.find(key); it != by_key_.end()) return it->second;
    if (GiNaC::is_a<GiNaC::symbol>(e)) return leaf(e, NodeKind::input, key);
    if (!has_variables(e)) return leaf(e, NodeKind::constant, key);
    if (GiNaC::is_a<GiNaC::add>(e)) return sum(e, key);
    if (GiNaC::is_a<GiNaC::mul>(e) || negative_exponent(e)) return product(e, key);
    if (GiNaC::is_a<GiNaC::power>(e)) return power(e, key);
    if (GiNaC::is_a<GiNaC::function>(e)) {
      std::vector<Part> parts{{node_for(e.op(0)), 0}};
      std::size_t idx = op(e, NodeKind::function, parts, key);
      g_.nodes[idx].function = GiNaC::ex_to<GiNaC::function>(e).get_name();
      return idx;
    }
    return leaf(e, NodeKind::constant, key);  // never produced by the parser
  }

  // a + b − c: the constant terms together last, each negative term subtracted.
  std::size_t sum(const ex& e, const std::string& key) {
    ex constant = 0;
    std::vector<std::pair<ex, int>> signed_terms;
    for (const ex& t : sorted_terms(e)) {
      if (!has_variables(t)) {
        constant += t;
      } else if (negative_term(t)) {
        signed_terms.emplace_back(-t, -1);
      } else {
        signed_terms.emplace_back(t, 1);
      }
    }
    if (!constant.is_zero()) {
      if (negative_term(constant)) {
        signed_terms.emplace_back(-constant, -1);
      } else {
        signed_terms.emplace_back(constant, 1);
      }
    }
    std::vector<Part> parts;
    for (const auto& [t, sign] : signed_terms) parts.push_back({node_for(t), sign});
    return op(e, NodeKind::sum, std::move(parts), key);
  }

  // 2x/(3y): the numeric coefficient split into numerator and denominator, factors with a
  // negative exponent divided. A coefficient of −1 is a negation of the rest: −x, −x/2.
  std::size_t product(const ex& e, const std::string& key) {
    ex constant = 1;
    std::vector<ex> num, den;
    for (const ex& f : sorted_factors(e)) {
      if (!has_variables(f)) {
        constant *= f;
      } else if (negative_exponent(f)) {
        den.push_back(GiNaC::pow(f.op(0), -f.op(1)));
      } else {
        num.push_back(f);
      }
    }
    if (GiNaC::is_a<numeric>(constant) && GiNaC::ex_to<numeric>(constant).is_rational()) {
      const numeric c = GiNaC::ex_to<numeric>(constant);
      if (c.numer() == -1) {
        std::size_t inner = node_for(-e);
        return op(e, NodeKind::negate, {{inner, 0}}, key);
      }
      if (c.denom() != 1) den.insert(den.begin(), c.denom());
      if (c.numer() != 1) num.insert(num.begin(), c.numer());
    } else if (!constant.is_equal(1)) {
      num.insert(num.begin(), constant);
    }
    if (num.empty()) num.push_back(1);
    // Intermediate results before plain inputs, the way the course draws (a + b) × c: the
    // sum d flows in first, then c. Among intermediates, the order they read in.
    std::stable_sort(num.begin(), num.end(), [](const ex& a, const ex& b) {
      bool la = GiNaC::is_a<GiNaC::symbol>(a) || GiNaC::is_a<numeric>(a);
      bool lb = GiNaC::is_a<GiNaC::symbol>(b) || GiNaC::is_a<numeric>(b);
      if (la != lb) return !la;
      if (la) return false;
      return print(a, Style::text) < print(b, Style::text);
    });
    std::vector<Part> parts;
    for (const ex& f : num) parts.push_back({node_for(f), 1});
    for (const ex& f : den) parts.push_back({node_for(f), -1});
    return op(e, NodeKind::product, std::move(parts), key);
  }

  std::size_t power(const ex& e, const std::string& key) {
    if (!has_variables(e.op(1))) {
      std::size_t idx = op(e, NodeKind::power, {{node_for(e.op(0)), 0}}, key);
      g_.nodes[idx].exponent = e.op(1);
      return idx;
    }
    std::size_t base = node_for(e.op(0));
    std::size_t expo = node_for(e.op(1));
    return op(e, NodeKind::exponent, {{base, 0}, {expo, 1}}, key);
  }

  // Intermediate nodes take the letters the expression does not use, in evaluation order;
  // the output is y, or f when y is taken. e is Euler's number, never a name.
  void name_nodes() {
    std::set<std::string> used;
    for (const auto& v : variables_of(g_.expr)) used.insert(v);
    GraphNode& out = g_.nodes[g_.output];
    const bool named_output = out.kind != NodeKind::input && out.kind != NodeKind::constant;
    if (named_output) {
      for (const char* candidate : {"y", "f", "g", "h", "z", "w"}) {
        if (!used.contains(candidate)) {
          out.name = candidate;
          used.insert(candidate);
          break;
        }
      }
    }
    used.insert("e");
    char letter = 'a';
    int numbered = 1;
    auto next_name = [&]() {
      while (letter <= 'z') {
        std::string s(1, letter++);
        if (!used.contains(s)) return s;
      }
      for (;; ++numbered) {
        std::string s = "t" + std::to_string(numbered);
        if (!used.contains(s)) {
          ++numbered;
          return s;
        }
      }
    };
    for (std::size_t i = 0; i < g_.nodes.size(); ++i) {
      GraphNode& n = g_.nodes[i];
      if (n.kind == NodeKind::input || n.kind == NodeKind::constant) continue;
      if (i == g_.output && named_output && !n.name.empty()) continue;
      n.name = next_name();
    }
  }

  void write_formulas() {
    GiNaC::exmap constants;
    for (auto& n : g_.nodes) {
      if (n.kind == NodeKind::input) {
        n.symbol = n.expr;
      } else {
        n.symbol = GiNaC::realsymbol(n.name);
        if (n.kind == NodeKind::constant) constants[n.symbol] = n.expr;
      }
    }
    for (std::size_t i = 0; i < g_.nodes.size(); ++i) {
      GraphNode& n = g_.nodes[i];
      const auto& parts = parts_[i];
      auto sym = [&](std::size_t k) { return g_.nodes[parts[k].node].symbol; };
      ex raw;
      switch (n.kind) {
        case NodeKind::input:
        case NodeKind::constant:
          raw = n.symbol;
          break;
        case NodeKind::sum:
          raw = 0;
          for (std::size_t k = 0; k < parts.size(); ++k) raw += parts[k].role * sym(k);
          break;
        case NodeKind::product:
          raw = 1;
          for (std::size_t k = 0; k < parts.size(); ++k) raw *= GiNaC::pow(sym(k), parts[k].role);
          break;
        case NodeKind::negate:
          raw = -sym(0);
          break;
        case NodeKind::power:
          raw = GiNaC::pow(sym(0), n.exponent);
          break;
        case NodeKind::exponent:
          raw = GiNaC::pow(sym(0), sym(1));
          break;
        case NodeKind::function: {
          const FunctionInfo* info = function_by_ginac_name(n.function);
          if (info != nullptr) {
            raw = info->build(sym(0));
          } else {
            raw = n.expr;
            raw.let_op(0) = sym(0);
          }
          break;
        }
      }
      n.formula = raw.subs(constants);
      // x^x names x twice but has one input: its local derivative is the total one.
      std::vector<std::size_t> seen;
      for (const auto& p : parts) {
        if (std::find(seen.begin(), seen.end(), p.node) != seen.end()) continue;
        seen.push_back(p.node);
        GraphInput in;
        in.node = p.node;
        in.local = raw.diff(GiNaC::ex_to<GiNaC::symbol>(g_.nodes[p.node].symbol)).subs(constants);
        in.local_value = in.local;
        if (n.kind == NodeKind::sum || n.kind == NodeKind::product) in.role = p.role;
        n.inputs.push_back(in);
        auto& cons = g_.nodes[p.node].consumers;
        if (std::find(cons.begin(), cons.end(), i) == cons.end()) cons.push_back(i);
      }
    }
    std::vector<std::size_t> vars;
    for (std::size_t i = 0; i < g_.nodes.size(); ++i) {
      if (g_.nodes[i].kind == NodeKind::input) vars.push_back(i);
    }
    std::sort(vars.begin(), vars.end(),
              [&](std::size_t a, std::size_t b) { return g_.nodes[a].name < g_.nodes[b].name; });
    g_.variables = vars;
  }

 public:
  // The local derivative of CONSUMER with respect to NODE, or nullptr.
  static const GraphInput* edge(const Graph& g, std::size_t consumer, std::size_t node) {
    for (const auto& in : g.nodes[consumer].inputs) {
      if (in.node == node) return &in;
    }
    return nullptr;
  }

  // Gradients accumulate over consumers, as micrograd's `+=`: a value used twice gets both.
  static void backward_symbolic(Graph& g) {
    for (std::size_t k = g.nodes.size(); k-- > 0;) {
      poll_interrupt();
      GraphNode& n = g.nodes[k];
      n.terms.clear();
      if (k == g.output) {
        n.gradient = 1;
        continue;
      }
      n.gradient = 0;
      for (std::size_t c : n.consumers) {
        const GraphInput* in = edge(g, c, k);
        GradientTerm t{c, g.nodes[c].gradient, in->local, in->local_value};
        n.gradient += t.upstream * t.local_value;
        n.terms.push_back(t);
      }
    }
  }
};

// FORMULA in floating point when it is a power of exact numbers at this point that would
// have more than a thousand digits: subs() computes those in full, and 3^(3^27) never ends.
std::optional<ex> huge_exact_power(const ex& formula, const GiNaC::exmap& values) {
  if (!GiNaC::is_a<GiNaC::power>(formula)) return std::nullopt;
  const ex b = formula.op(0).subs(values);
  const ex x = formula.op(1).subs(values);
  if (!GiNaC::is_a<numeric>(b) || !GiNaC::is_a<numeric>(x)) return std::nullopt;
  const numeric& nb = GiNaC::ex_to<numeric>(b);
  const numeric& nx = GiNaC::ex_to<numeric>(x);
  if (!nb.is_rational() || !nx.is_rational()) return std::nullopt;
  const double digits =
      std::abs(nx.to_double()) * std::log10(std::max(std::abs(nb.to_double()), 2.0));
  if (digits <= 1000) return std::nullopt;
  return GiNaC::pow(b.evalf(), x.evalf()).evalf();
}

std::string point_text(const Graph& g) {
  std::string s;
  for (const auto& [name, v] : g.point) {
    if (!s.empty()) s += ", ";
    s += name + " = " + print(v, Style::ascii);
  }
  return s;
}

// Whether the engine's gradient and the reference agree: exactly when both are exact, else
// within relative TOL. Two computations of one value, not a number a learner typed.
bool same_number(const ex& a, const ex& b, double tol) {
  if (!GiNaC::is_a<numeric>(a) || !GiNaC::is_a<numeric>(b)) return false;
  const numeric& x = GiNaC::ex_to<numeric>(a);
  const numeric& y = GiNaC::ex_to<numeric>(b);
  if (x.is_rational() && y.is_rational()) return x == y;
  if (!x.is_real() || !y.is_real()) return false;
  const double dx = x.to_double(), dy = y.to_double();
  return std::abs(dx - dy) <= tol * std::max({1.0, std::abs(dx), std::abs(dy)});
}

}  // namespace

Graph build_graph(const ex& expr) {
  return Builder().build(expr);
}

void evaluate(Graph& g, const std::map<std::string, ex>& point) {
  // The graph's own values are numbers: exact while rational, floating point otherwise.
  g.point.clear();
  for (const auto& [name, v] : point) g.point[name] = real_number(v).value_or(v);
  g.has_point = true;
  GiNaC::exmap values;
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    poll_interrupt();  // outside the try below, whose catch is for math failures only
    GraphNode& n = g.nodes[i];
    std::optional<ex> v;
    try {
      if (n.kind == NodeKind::input) {
        auto it = point.find(n.name);
        if (it == point.end()) throw Error(Message{"graph.at_missing", {n.name}});
        v = real_number(it->second);
      } else if (auto big = huge_exact_power(n.formula, values)) {
        v = real_number(*big);
      } else {
        v = real_number(n.formula.subs(values));
      }
    } catch (const Error&) {
      throw;
    } catch (const std::exception&) {
      v.reset();
    }
    if (!v) {
      throw Error(Message{"graph.value_undefined",
                          {n.name, print(n.formula, Style::ascii), point_text(g)}});
    }
    n.value = *v;
    values[n.symbol] = *v;
  }
  for (auto& n : g.nodes) {
    for (auto& in : n.inputs) {
      std::optional<ex> v;
      try {
        v = real_number(in.local.subs(values));
      } catch (const std::exception&) {
        v.reset();
      }
      if (!v) {
        throw Error(
            Message{"graph.derivative_undefined",
                    {n.name, g.nodes[in.node].name, print(in.local, Style::ascii), point_text(g)}});
      }
      in.local_value = *v;
    }
  }
  Builder::backward_symbolic(g);
  for (auto& n : g.nodes) {
    if (auto v = real_number(n.gradient)) n.gradient = *v;
  }
}

ex gradient_in_variables(const Graph& g, std::size_t node) {
  if (g.has_point) return g.nodes[node].gradient;
  GiNaC::exmap names;
  for (const auto& n : g.nodes) {
    if (n.kind != NodeKind::input) names[n.symbol] = n.expr;
  }
  return g.nodes[node].gradient.subs(names);
}

ex reference_gradient(const Graph& g, std::size_t variable_node) {
  const GraphNode& v = g.nodes[variable_node];
  ex d = g.expr.diff(GiNaC::ex_to<GiNaC::symbol>(v.symbol));
  if (!g.has_point) return d;
  GiNaC::exmap at;
  for (const auto& n : g.nodes) {
    if (n.kind == NodeKind::input) at[n.symbol] = g.point.at(n.name);
  }
  auto value = real_number(d.subs(at));
  return value ? *value : d.subs(at);
}

bool gradient_agrees(const Graph& g, std::size_t variable_node) {
  const ex ours = gradient_in_variables(g, variable_node);
  const ex ref = reference_gradient(g, variable_node);
  if (g.has_point) return same_number(ours, ref, 1e-9);
  // normal() could prove more, but its cost is not bounded by the input; the points of
  // the equivalence policy decide identities such as σ' written two ways.
  std::vector<ex> vars;
  for (std::size_t i : g.variables) vars.push_back(g.nodes[i].symbol);
  return compare_functions(ours, ref, vars).verdict == Agreement::equal;
}

}  // namespace tutor
