// Computational graphs: an expression as a graph of operations, its forward pass (values) and
// its backward pass (gradients), the way the course's third lesson draws y = (a + b) × c.
//
//   tutor::SymbolTable syms;
//   auto p = tutor::parse("(a+b)*c", syms);
//   tutor::Graph g = tutor::build_graph(p.expr);          // d = a + b, y = c·d
//   tutor::evaluate(g, tutor::parse_point("a=1,b=2,c=3", p.variables));  // y = 9, ∂y/∂a = 3
//
// Like micrograd's engine.py, each operation keeps the local derivative of each input right
// next to its forward value, and gradients accumulate over consumers, so a value used twice
// (b in (a + b)(b + 1)) gets the sum of both paths.
#pragma once

#include <ginac/ginac.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tutor {

enum class NodeKind {
  input,     // a variable
  constant,  // a number or a named constant (π)
  sum,       // n-ary, each input added or subtracted: d = a + b − c
  product,   // n-ary, each input multiplied or divided: d = a·b/c
  negate,    // −u
  power,     // u^n with a fixed exponent n (√u for n = 1/2)
  exponent,  // u^v with a variable exponent
  function,  // sin(u), σ(u), relu(u), ...
};

struct GraphInput {
  std::size_t node;  // index of the input node
  GiNaC::ex local;  // ∂(this node)/∂(input), written in the names of the nodes (c for y = c·d)
  GiNaC::ex local_value;  // LOCAL at the point; equal to LOCAL in the variables without a point
  // In a sum, +1 added or −1 subtracted; in a product, +1 multiplied or −1 divided; else 0.
  int role = 0;
};

// One term of a node's gradient: the consumer's gradient times the consumer's local derivative.
struct GradientTerm {
  std::size_t consumer;
  GiNaC::ex upstream;  // the consumer's gradient
  GiNaC::ex local;     // ∂consumer/∂node, symbolic in node names
  GiNaC::ex local_value;
};

struct GraphNode {
  std::string name;  // input form: "a", "d", "y", "theta", "2", "pi"
  NodeKind kind = NodeKind::input;
  std::string function;  // the GiNaC function name for kind == function ("sin", "sigmoid")
  GiNaC::ex exponent;    // the fixed exponent for kind == power
  GiNaC::ex symbol;      // stands for this node in the formulas of its consumers
  GiNaC::ex expr;        // what the node computes, in the variables: 2*x+1
  GiNaC::ex formula;     // what the node computes from its inputs' names: a+1
  std::vector<GraphInput> inputs;
  std::vector<std::size_t> consumers;  // nodes that take this one as an input, in order

  // Forward pass: a number at the point (exact when it is rational), else EXPR.
  GiNaC::ex value;
  // Backward pass: ∂output/∂node, a number at the point; without one, written in node names.
  GiNaC::ex gradient;
  std::vector<GradientTerm> terms;  // one per consumer; empty for the output
};

struct Graph {
  GiNaC::ex expr;
  std::vector<GraphNode> nodes;  // in evaluation (topological) order; the output is last
  std::size_t output = 0;
  std::vector<std::size_t> variables;  // input nodes, sorted by name
  bool has_point = false;
  std::map<std::string, GiNaC::ex> point;  // variable name → value

  const GraphNode& out() const { return nodes[output]; }
};

// The graph of EXPR: an input node per variable, constant nodes, one node per operation.
// Operands are taken in textbook order (tutor::sorted_terms / sorted_factors), a repeated
// subexpression is one node, and intermediate nodes are named with unused letters in
// evaluation order; the output is y (f when y is a variable). Values are symbolic until
// evaluate() runs; the backward pass is already done symbolically. Never throws for
// expressions the parser produces.
Graph build_graph(const GiNaC::ex& expr);

// The forward and backward passes at POINT (every variable of the graph). Values stay exact
// while they are rational; the rest is floating point. Throws tutor::Error when a node's value
// or a local derivative is undefined or not real there (log at 0, a division by zero).
void evaluate(Graph& g, const std::map<std::string, GiNaC::ex>& point);

// ∂output/∂VARIABLE from GiNaC's diff of the whole expression, at the graph's point when it
// has one: the independent reference the graph's gradients are checked against.
GiNaC::ex reference_gradient(const Graph& g, std::size_t variable_node);

// Whether the graph's gradient of VARIABLE_NODE equals the reference: exactly, or within a
// relative 1e-9 when floating point is involved, or identically without a point.
bool gradient_agrees(const Graph& g, std::size_t variable_node);

// The gradient of NODE written in the variables (symbolic graphs: node names substituted).
GiNaC::ex gradient_in_variables(const Graph& g, std::size_t node);

}  // namespace tutor
