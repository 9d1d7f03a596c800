#include "course/graph_practice.hpp"

#include "labs/graph_render.hpp"
#include "math/equivalence.hpp"

namespace tutor {

namespace {

// "a = 2, b = 3": the inputs of N that are not constants, with their values.
std::string inputs_with_values(const Graph& g, const GraphNode& n, bool ascii) {
  std::string s;
  for (const auto& in : n.inputs) {
    const GraphNode& m = g.nodes[in.node];
    if (m.kind == NodeKind::constant) continue;
    if (!s.empty()) s += ", ";
    s += node_label(m, ascii) + " = " + value_text(m.value, ascii);
  }
  return s.empty() ? "-" : s;
}

Question number_question(std::string prompt, const GiNaC::ex& expected, bool ascii) {
  Question q;
  q.kind = AnswerKind::number;
  q.prompt = std::move(prompt);
  q.number = evaluate(expected, {}).value_or(0);
  q.key = value_text(expected, ascii);
  return q;
}

// The two hints for node K's gradient: the method, then the numbers.
std::vector<std::string> gradient_hints(const Graph& g, std::size_t k, Lang lang, bool ascii) {
  std::string locals, upstream_names, local_values, upstream_values;
  for (const auto& t : g.nodes[k].terms) {
    if (!locals.empty()) {
      locals += ", ";
      upstream_names += ", ";
      local_values += ", ";
      upstream_values += ", ";
    }
    const std::string name = derivative_name(g, t.consumer, k, ascii);
    const std::string upstream = derivative_name(g, g.output, t.consumer, ascii);
    locals += name + " = " + value_text(t.local, ascii);
    upstream_names += upstream;
    local_values += name + " = " + value_text(t.local_value, ascii);
    upstream_values += upstream + " = " + value_text(t.upstream, ascii);
  }
  const bool shared = g.nodes[k].terms.size() > 1;
  std::string method = shared ? tr(lang, "graph.hint_gradient_method_shared", locals,
                                   upstream_names, node_label(g.nodes[k], ascii))
                              : tr(lang, "graph.hint_gradient_method", locals, upstream_names);
  return {method, tr(lang, "graph.hint_gradient", local_values, upstream_values)};
}

}  // namespace

std::vector<GraphQuestion> graph_practice(const Graph& g, Lang lang, bool ascii) {
  std::vector<GraphQuestion> out;
  for (std::size_t k = 0; k < g.nodes.size(); ++k) {
    const GraphNode& n = g.nodes[k];
    if (n.kind == NodeKind::input || n.kind == NodeKind::constant) continue;
    const std::string with = inputs_with_values(g, n, ascii);
    const std::string formula = value_text(n.formula, ascii);
    const std::string label = node_label(n, ascii);
    Question q = number_question(tr(lang, "graph.ask_value", label, formula, with), n.value, ascii);
    q.hints = {tr(lang, "graph.hint_value", label, formula, with)};
    out.push_back({false, k, std::move(q)});
  }
  for (std::size_t k = g.nodes.size(); k-- > 0;) {
    const GraphNode& n = g.nodes[k];
    if (k == g.output || n.kind == NodeKind::constant) continue;
    Question q = number_question(
        tr(lang, "graph.ask_gradient", derivative_name(g, g.output, k, ascii)), n.gradient, ascii);
    q.hints = gradient_hints(g, k, lang, ascii);
    out.push_back({true, k, std::move(q)});
  }
  return out;
}

}  // namespace tutor
