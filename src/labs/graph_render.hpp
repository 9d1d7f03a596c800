// Turning a computational graph (labs/graph.hpp) into text: the terminal drawing, the forward
// and backward tables, the check against tutor diff, Mermaid, Graphviz DOT and JSON. Each
// returns a string (or JSON) and prints nothing.
//
//   std::string t = tutor::backward_table(g, tutor::Lang::en, false);
//   // "... dy/da = dy/dd × dd/da = 3 × 1 = 3 ..."
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "base/i18n.hpp"
#include "labs/graph.hpp"

namespace tutor {

// How big a graph the terminal drawing takes on.
struct DrawLimits {
  std::size_t max_nodes = 40;
  std::size_t max_width = 160;  // columns
};

// The node's name as the learner reads it: "θ" for theta (unless ASCII), "d", "π".
std::string node_label(const GraphNode& n, bool ascii);

// The operation in brackets as the drawing shows it: "(+)", "(×)", "(sin)", "(·³)".
std::string op_label(const GraphNode& n, bool ascii);

// "dy/dd": the derivative of node OF with respect to node WRT.
std::string derivative_name(const Graph& g, std::size_t of, std::size_t wrt, bool ascii);

// The chain rule for NODE's gradient, spelled out: "dy/da = dy/dd × dd/da = 3 × 1 = 3", with a
// "+" between consumers when NODE feeds several.
std::string chain_rule_line(const Graph& g, std::size_t node, bool ascii);

// A number or an expression as the tables write it.
std::string value_text(const GiNaC::ex& v, bool ascii);

// The left-to-right drawing, like the lesson's figure, or nullopt when the graph exceeds
// LIMITS. A subexpression used twice is drawn again as a leaf with its name.
std::optional<std::string> draw_graph(const Graph& g, bool ascii, const DrawLimits& limits = {});

// The tables below are at most WIDTH columns wide (base/table.hpp); 0 means no limit.

// node | operation | inputs | value, in evaluation order.
std::string forward_table(const Graph& g, Lang lang, bool ascii, std::size_t width = 80);

// node | local derivatives | upstream | gradient, in reverse evaluation order. Constants are
// left out: nothing is learned from their gradients.
std::string backward_table(const Graph& g, Lang lang, bool ascii, std::size_t width = 80);

// Each input gradient beside GiNaC's partial derivative of the whole expression, and a last
// line saying whether they all agree.
std::string gradient_check(const Graph& g, Lang lang, bool ascii, std::size_t width = 80);

// `graph LR` as the course writes it: value nodes, operation nodes "(+)", and with a point
// the values and gradients in the labels.
std::string graph_mermaid(const Graph& g, bool ascii);

// Graphviz DOT in micrograd's style: a record `{ name | data V | grad G }` per value and a
// plain node per operation.
std::string graph_dot(const Graph& g);

// The JSON of `tutor graph --format json` (README, "Computational graphs"): {"expression",
// "output", "value", "nodes": [{"name", "op", "inputs", "value", "gradient"}], "gradients": {VAR:
// number}}. Numbers are JSON numbers at a point and input-form expressions without one.
nlohmann::ordered_json graph_json(const Graph& g);

}  // namespace tutor
