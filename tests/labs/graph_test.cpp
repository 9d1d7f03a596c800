// The computational graph: its shape, names, forward and backward passes, checked against the
// course's worked example, CS231n's and colah's textbook examples, and GiNaC's own diff.
#include "labs/graph.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>

#include "base/errors.hpp"
#include "math/point.hpp"
#include "math/syntax.hpp"

namespace tutor {
namespace {

struct Built {
  SymbolTable syms;
  Graph g;
};

std::unique_ptr<Built> graph_at(const std::string& text, const std::string& at) {
  auto b = std::make_unique<Built>();
  Parsed p = parse(text, b->syms);
  b->g = build_graph(p.expr);
  if (!at.empty()) evaluate(b->g, parse_point(at, p.variables));
  return b;
}

const GraphNode& node(const Graph& g, const std::string& name) {
  for (const auto& n : g.nodes) {
    if (n.name == name) return n;
  }
  throw std::runtime_error("no node " + name);
}

GiNaC::ex num(long n, long d = 1) {
  return GiNaC::numeric(n, d);
}

// The course, lesson 3: y = (a + b) × c at a = 1, b = 2, c = 3.
TEST(Graph, CourseExample) {
  auto b = graph_at("(a+b)*c", "a=1,b=2,c=3");
  const Graph& g = b->g;
  EXPECT_EQ(g.out().name, "y");
  const GraphNode& d = node(g, "d");
  EXPECT_EQ(d.kind, NodeKind::sum);
  EXPECT_TRUE(d.value.is_equal(num(3)));
  EXPECT_EQ(g.out().kind, NodeKind::product);
  EXPECT_TRUE(g.out().value.is_equal(num(9)));
  EXPECT_EQ(g.nodes.size(), 5u);  // a, b, c, d, y
  for (const char* v : {"a", "b", "c"}) {
    EXPECT_TRUE(node(g, v).gradient.is_equal(num(3))) << v;
  }
  EXPECT_TRUE(d.gradient.is_equal(num(3)));  // dy/dd = c
  EXPECT_TRUE(g.out().gradient.is_equal(num(1)));
}

// Without a point the backward pass is symbolic, in node names: dy/da = c, dy/dc = d.
TEST(Graph, CourseExampleSymbolic) {
  auto b = graph_at("(a+b)*c", "");
  const Graph& g = b->g;
  EXPECT_FALSE(g.has_point);
  EXPECT_TRUE(node(g, "a").gradient.is_equal(b->syms.get("c")));
  EXPECT_TRUE(node(g, "c").gradient.is_equal(node(g, "d").symbol));
  for (std::size_t v : g.variables) EXPECT_TRUE(gradient_agrees(g, v));
}

// CS231n, backpropagation notes: f = (x + y)·z at x = −2, y = 5, z = −4.
TEST(Graph, Cs231nExample) {
  auto b = graph_at("(x+y)*z", "x=-2,y=5,z=-4");
  const Graph& g = b->g;
  EXPECT_EQ(g.out().name, "f");  // y is a variable
  EXPECT_TRUE(g.out().value.is_equal(num(-12)));
  EXPECT_TRUE(node(g, "x").gradient.is_equal(num(-4)));
  EXPECT_TRUE(node(g, "y").gradient.is_equal(num(-4)));
  EXPECT_TRUE(node(g, "z").gradient.is_equal(num(3)));
}

// colah, "Calculus on Computational Graphs": e = (a + b)(b + 1) at a = 2, b = 1; b feeds two
// consumers, so its gradient is a sum: 1·2 + 1·3 = 5.
TEST(Graph, ColahExampleSumsOverConsumers) {
  auto b = graph_at("(a+b)*(b+1)", "a=2,b=1");
  const Graph& g = b->g;
  EXPECT_TRUE(g.out().value.is_equal(num(6)));
  EXPECT_TRUE(node(g, "a").gradient.is_equal(num(2)));
  const GraphNode& nb = node(g, "b");
  EXPECT_TRUE(nb.gradient.is_equal(num(5)));
  ASSERT_EQ(nb.terms.size(), 2u);
  EXPECT_EQ(nb.consumers.size(), 2u);
}

// Exercise 2 of the course: y = (2x + 1)³ at x = 1.
TEST(Graph, CourseExerciseTwo) {
  auto b = graph_at("(2x+1)^3", "x=1");
  const Graph& g = b->g;
  EXPECT_EQ(g.out().name, "y");
  EXPECT_EQ(g.out().kind, NodeKind::power);
  EXPECT_TRUE(g.out().value.is_equal(num(27)));
  EXPECT_TRUE(node(g, "x").gradient.is_equal(num(54)));
  // Intermediates in evaluation order: a = 2x, b = a + 1.
  EXPECT_TRUE(node(g, "a").value.is_equal(num(2)));
  EXPECT_TRUE(node(g, "b").value.is_equal(num(3)));
}

TEST(Graph, ExactFractionsStayExact) {
  auto b = graph_at("x^2/3", "x=1/2");
  EXPECT_TRUE(b->g.out().value.is_equal(num(1, 12)));
  EXPECT_TRUE(node(b->g, "x").gradient.is_equal(num(1, 3)));
}

TEST(Graph, FloatInputsGiveFloats) {
  auto b = graph_at("x^2", "x=0.5");
  const auto& v = GiNaC::ex_to<GiNaC::numeric>(b->g.out().value);
  EXPECT_FALSE(v.is_rational());
  EXPECT_DOUBLE_EQ(v.to_double(), 0.25);
}

TEST(Graph, SubtractionAndNegationAsALearnerReadsThem) {
  auto b = graph_at("x - y", "x=5,y=2");
  const GraphNode& out = b->g.out();
  EXPECT_EQ(out.kind, NodeKind::sum);
  ASSERT_EQ(out.inputs.size(), 2u);  // x and y, not x and (−1)·y
  EXPECT_TRUE(out.value.is_equal(num(3)));
  EXPECT_TRUE(node(b->g, "y").gradient.is_equal(num(-1)));

  auto n = graph_at("-sin(x)", "x=0");
  EXPECT_EQ(n->g.out().kind, NodeKind::negate);
  EXPECT_TRUE(node(n->g, "x").gradient.is_equal(num(-1)));
}

TEST(Graph, DivisionIsOneNode) {
  auto b = graph_at("x/y", "x=3,y=2");
  EXPECT_EQ(b->g.out().kind, NodeKind::product);
  EXPECT_EQ(b->g.nodes.size(), 3u);
  EXPECT_TRUE(node(b->g, "y").gradient.is_equal(num(-3, 4)));
}

TEST(Graph, SharedSubexpressionIsOneNode) {
  auto b = graph_at("sin(x) + sin(x)^2", "x=0");
  int sines = 0;
  for (const auto& n : b->g.nodes) sines += n.kind == NodeKind::function;
  EXPECT_EQ(sines, 1);
  EXPECT_TRUE(node(b->g, "x").gradient.is_equal(num(1)));  // cos(0)(1 + 2 sin(0))
}

TEST(Graph, NamesAvoidTheExpressionsLetters) {
  auto b = graph_at("sin(a*d) + y", "");
  for (const auto& n : b->g.nodes) {
    if (n.kind != NodeKind::input && n.kind != NodeKind::constant) {
      EXPECT_NE(n.name, "a");
      EXPECT_NE(n.name, "d");
      EXPECT_NE(n.name, "y");
      EXPECT_NE(n.name, "e");
    }
  }
}

TEST(Graph, SameGraphEveryTime) {
  std::string first;
  for (int i = 0; i < 5; ++i) {
    auto b = graph_at("sigmoid(w*x + b) * (x - y) + exp(-x) / (1 + y^2)", "");
    std::string names;
    for (const auto& n : b->g.nodes) names += n.name + ":" + std::to_string(n.inputs.size()) + " ";
    if (i == 0) first = names;
    EXPECT_EQ(names, first);
  }
}

TEST(Graph, OutsideTheDomain) {
  auto key_of = [](const std::string& text, const std::string& at) {
    try {
      graph_at(text, at);
    } catch (const Error& err) {
      return err.key();
    }
    return std::string("none");
  };
  EXPECT_EQ(key_of("log(x)", "x=0"), "graph.value_undefined");
  EXPECT_EQ(key_of("log(x)", "x=-1"), "graph.value_undefined");
  EXPECT_EQ(key_of("1/x", "x=0"), "graph.value_undefined");
  EXPECT_EQ(key_of("sqrt(x)", "x=0"), "graph.derivative_undefined");
  EXPECT_EQ(key_of("asin(x)", "x=2"), "graph.value_undefined");
  EXPECT_EQ(key_of("log(x)", "x=0.0"), "graph.value_undefined");
}

// --- generated: every input gradient equals GiNaC's diff at the point -----------------------

class Generator {
 public:
  explicit Generator(std::uint32_t seed) : rng_(seed) {}

  std::string expr(int depth) {
    if (depth == 0 || pick(4) == 0) return atom();
    switch (pick(5)) {
      case 0:
        return "(" + expr(depth - 1) + ")+(" + expr(depth - 1) + ")";
      case 1:
        return "(" + expr(depth - 1) + ")-(" + expr(depth - 1) + ")";
      case 2:
        return "(" + expr(depth - 1) + ")*(" + expr(depth - 1) + ")";
      case 3:
        return unary(expr(depth - 1));
      default:
        return binary_rare(depth);
    }
  }

  // Every function, with its argument squeezed into the function's domain.
  std::string function(std::size_t which, const std::string& u) {
    static const char* kPatterns[] = {
        "sin(U)",
        "cos(U)",
        "tan(sigmoid(U))",
        "sec(sigmoid(U))",
        "csc(1+sigmoid(U))",
        "cot(1+sigmoid(U))",
        "asin(sigmoid(U)-1/2)",
        "acos(sigmoid(U)/2)",
        "atan(U)",
        "sinh(sigmoid(U))",
        "cosh(sigmoid(U))",
        "tanh(U)",
        "exp(sigmoid(U))",
        "log(1+(U)^2)",
        "sqrt(1+(U)^2)",
        "abs(U)",
        "sigmoid(U)",
        "relu(U)",
        "softplus(U)",
        "step(U)",
    };
    std::string p = kPatterns[which % std::size(kPatterns)];
    return p.replace(p.find('U'), 1, u);
  }
  static constexpr std::size_t kFunctions = 20;

  std::string point(const std::vector<std::string>& vars, bool exact) {
    std::string s;
    for (const auto& v : vars) {
      if (!s.empty()) s += ",";
      // Never 0 and never equal magnitudes, so relu, abs and step stay off their corners.
      const long n = static_cast<long>(pick(17)) + 1;
      const std::string sign = pick(2) ? "-" : "";
      s += v + "=" + sign + (exact ? std::to_string(n) + "/7" : std::to_string(n * 0.13 + 0.01));
    }
    return s;
  }

  std::uint32_t pick(std::uint32_t n) { return rng_() % n; }

 private:
  std::string atom() {
    static const char* kAtoms[] = {"x", "y", "z", "w", "2", "3", "1/2", "x", "y", "pi"};
    return kAtoms[pick(std::size(kAtoms))];
  }
  std::string unary(const std::string& u) { return function(pick(kFunctions), u); }
  std::string binary_rare(int depth) {
    switch (pick(4)) {
      case 0:
        return "(" + expr(depth - 1) + ")/(1+(" + expr(depth - 1) + ")^2)";
      case 1:
        return "(" + expr(depth - 1) + ")^" + std::to_string(2 + pick(2));
      case 2:
        return "(1+sigmoid(" + expr(depth - 1) + "))^(" + expr(depth - 1) + ")";
      default:
        return "-(" + expr(depth - 1) + ")";
    }
  }

  std::mt19937 rng_;
};

TEST(Graph, GeneratedGradientsEqualGinacDiff) {
  Generator gen(20240611);
  int checked = 0;
  std::vector<int> per_function(Generator::kFunctions, 0);
  for (int i = 0; checked < 520 && i < 4000; ++i) {
    // Every function appears at the top of some cases, so each is covered on purpose.
    const std::size_t f = static_cast<std::size_t>(i) % Generator::kFunctions;
    const std::string text = gen.function(f, gen.expr(3));
    SymbolTable syms;
    Parsed p = parse(text, syms);
    if (p.variables.empty()) continue;
    Graph g = build_graph(p.expr);
    const std::string at = gen.point(p.variables, i % 2 == 0);
    auto point = parse_point(at, p.variables);
    try {
      evaluate(g, point);
    } catch (const Error&) {
      continue;  // a pole the generator hit (tan near π/2): refused, as it should be
    }
    GiNaC::exmap subs;
    for (const auto& [name, v] : point) subs[syms.get(name)] = v;
    for (std::size_t v : g.variables) {
      const GraphNode& in = g.nodes[v];
      // The independent reference: GiNaC differentiates the whole expression at once.
      GiNaC::ex ref =
          p.expr.diff(GiNaC::ex_to<GiNaC::symbol>(syms.get(in.name))).subs(subs).evalf();
      ASSERT_TRUE(GiNaC::is_a<GiNaC::numeric>(ref)) << text << " at " << at;
      ASSERT_TRUE(GiNaC::is_a<GiNaC::numeric>(in.gradient)) << text << " at " << at;
      const double want = GiNaC::ex_to<GiNaC::numeric>(ref).to_double();
      const double got = GiNaC::ex_to<GiNaC::numeric>(in.gradient.evalf()).to_double();
      EXPECT_NEAR(got, want, 1e-9 * std::max(1.0, std::abs(want)))
          << text << " at " << at << " wrt " << in.name;
      EXPECT_TRUE(gradient_agrees(g, v)) << text << " at " << at;
    }
    ++per_function[f];
    ++checked;
  }
  EXPECT_GE(checked, 500);
  for (std::size_t f = 0; f < per_function.size(); ++f) {
    EXPECT_GT(per_function[f], 10) << gen.function(f, "x");
  }
}

// Symbolic graphs too: the gradient in node names, written back in the variables, is diff.
TEST(Graph, GeneratedSymbolicGradientsEqualGinacDiff) {
  Generator gen(7);
  int checked = 0;
  for (int i = 0; checked < 60 && i < 500; ++i) {
    const std::string text = gen.expr(3);
    SymbolTable syms;
    Parsed p = parse(text, syms);
    if (p.variables.empty()) continue;
    Graph g = build_graph(p.expr);
    for (std::size_t v : g.variables) EXPECT_TRUE(gradient_agrees(g, v)) << text;
    ++checked;
  }
  EXPECT_GE(checked, 60);
}

}  // namespace
}  // namespace tutor
