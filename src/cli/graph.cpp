// `tutor graph EXPR [--at V=N,...] [--format text|mermaid|dot|json] [--practice]`: the
// expression as a computational graph, its forward and backward passes, and exercise 2 of the
// course made interactive.
#include "tutor/graph.hpp"

#include <istream>
#include <ostream>

#include "cli/ask_prompt.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "tutor/equivalence.hpp"
#include "tutor/errors.hpp"
#include "tutor/graph_render.hpp"
#include "tutor/point.hpp"
#include "tutor/syntax.hpp"
#include "tutor/text.hpp"

namespace tutor::cli {

namespace {

class Practice {
 public:
  Practice(const Graph& g, Context& ctx) : g_(g), ctx_(ctx), out_(*ctx.out) {}

  int run() {
    out_ << wrapped(ctx_, tr(ctx_.lang, "graph.practice_intro") + "\n") << "\n";
    out_ << "[" << tr(ctx_.lang, "graph.practice_forward") << "]\n";
    for (std::size_t i = 0; i < g_.nodes.size() && !ended_; ++i) {
      const GraphNode& n = g_.nodes[i];
      if (n.kind == NodeKind::input || n.kind == NodeKind::constant) continue;
      const std::string with = inputs_with_values(n);
      const std::string formula = value_text(n.formula, ctx_.ascii);
      ask(tr(ctx_.lang, "graph.ask_value", node_label(n, ctx_.ascii), formula, with), n.value,
          tr(ctx_.lang, "graph.hint_value", node_label(n, ctx_.ascii), formula, with));
    }
    if (!ended_) {
      out_ << "\n[" << tr(ctx_.lang, "graph.practice_backward") << "]\n";
      out_ << tr(ctx_.lang, "graph.output_gradient",
                 derivative_name(g_, g_.output, g_.output, ctx_.ascii))
           << "\n";
    }
    for (std::size_t k = g_.nodes.size(); k-- > 0 && !ended_;) {
      const GraphNode& n = g_.nodes[k];
      if (k == g_.output || n.kind == NodeKind::constant) continue;
      ask(tr(ctx_.lang, "graph.ask_gradient", derivative_name(g_, g_.output, k, ctx_.ascii)),
          n.gradient, gradient_hint(k));
    }
    if (ended_) *ctx_.err << tr(ctx_.lang, "graph.input_ended") << "\n";
    out_ << "\n" << tr(ctx_.lang, "graph.score", correct_, asked_, first_try_) << "\n";
    return correct_ == asked_ && !ended_ ? 0 : 1;
  }

 private:
  std::string inputs_with_values(const GraphNode& n) const {
    std::string s;
    for (const auto& in : n.inputs) {
      const GraphNode& m = g_.nodes[in.node];
      if (m.kind == NodeKind::constant) continue;
      if (!s.empty()) s += ", ";
      s += node_label(m, ctx_.ascii) + " = " + value_text(m.value, ctx_.ascii);
    }
    return s.empty() ? "-" : s;
  }

  std::string gradient_hint(std::size_t k) const {
    std::string locals, upstream;
    for (const auto& t : g_.nodes[k].terms) {
      if (!locals.empty()) {
        locals += ", ";
        upstream += ", ";
      }
      const std::string local = value_text(t.local, ctx_.ascii);
      const std::string local_value = value_text(t.local_value, ctx_.ascii);
      locals += derivative_name(g_, t.consumer, k, ctx_.ascii) + " = " + local;
      if (local_value != local) locals += " = " + local_value;
      upstream += derivative_name(g_, g_.output, t.consumer, ctx_.ascii) + " = " +
                  value_text(t.upstream, ctx_.ascii);
    }
    return tr(ctx_.lang, "graph.hint_gradient", locals, upstream);
  }

  // One question, asked the way every question is: tries, the hint, the answer at the end.
  void ask(const std::string& question, const GiNaC::ex& expected, const std::string& hint) {
    ++asked_;
    Question q;
    q.kind = AnswerKind::number;
    q.prompt = question;
    q.number = evaluate(expected, {}).value_or(0);
    q.key = value_text(expected, ctx_.ascii);
    q.hints = {hint};
    Asked a = cli::ask(q, AskRules{}, ctx_);
    if (a.ended || a.quit) {
      if (a.ended) out_ << "\n";
      ended_ = true;
      return;
    }
    if (a.solved) {
      ++correct_;
      if (a.tries == 1) ++first_try_;
    }
  }

  const Graph& g_;
  Context& ctx_;
  std::ostream& out_;
  int asked_ = 0, correct_ = 0, first_try_ = 0;
  bool ended_ = false;
};

std::string joined_at(const Invocation& inv) {
  std::string s;
  for (const auto& v : inv.all("--at")) {
    if (!s.empty()) s += ',';
    s += v;
  }
  return s;
}

std::string example_point(const Graph& g) {
  std::string s;
  for (std::size_t v : g.variables) s += (s.empty() ? "" : ",") + g.nodes[v].name + "=1";
  return s.empty() ? "x=1" : s;
}

int run_graph(const Invocation& inv, Context& ctx) {
  Parsed p = parse(inv.expression, *ctx.syms);
  ctx.last = p.expr;
  Graph g = build_graph(p.expr);
  const std::string at = joined_at(inv);
  if (!inv.all("--at").empty()) {
    evaluate(g, parse_point(at, p.variables));
  } else if (g.variables.empty()) {
    evaluate(g, {});
  }
  if (inv.has("--practice")) {
    if (!g.has_point) throw Error(Message{"graph.practice_needs_at", {example_point(g)}});
    return Practice(g, ctx).run();
  }

  std::ostream& out = *ctx.out;
  const std::string format = format_of(inv);
  if (format == "json") {
    out << json_text(graph_json(g)) << "\n";
    return 0;
  }
  if (format == "mermaid") {
    out << graph_mermaid(g, ctx.ascii);
    return 0;
  }
  if (format == "dot") {
    out << graph_dot(g);
    return 0;
  }

  const Style style = math_style(ctx);
  std::string title = tr(ctx.lang, "graph.title", g.out().name + " = " + print(g.expr, style));
  if (g.has_point && !g.point.empty()) {
    std::string pt;
    for (const auto& [name, v] : g.point) {
      if (!pt.empty()) pt += ", ";
      pt += print(ctx.syms->get(name), style) + " = " + print(v, style);
    }
    title += ", " + tr(ctx.lang, "graph.at_point", pt);
  }
  out << wrapped(ctx, title + "\n");
  if (!g.has_point) out << wrapped(ctx, tr(ctx.lang, "graph.symbolic") + "\n");
  out << "\n";
  const DrawLimits limits;
  const auto drawing = draw_graph(g, ctx.ascii, limits);
  if (drawing) out << *drawing << "\n";
  out << tr(ctx.lang, "graph.forward") << "\n"
      << forward_table(g, ctx.lang, ctx.ascii, ctx.width) << "\n";
  out << tr(ctx.lang, "graph.backward") << "\n"
      << backward_table(g, ctx.lang, ctx.ascii, ctx.width) << "\n";
  out << wrapped(ctx, tr(ctx.lang, "graph.check") + "\n")
      << gradient_check(g, ctx.lang, ctx.ascii, ctx.width);
  if (!drawing) {
    throw Error(Message{"graph.too_large",
                        {std::to_string(g.nodes.size()), std::to_string(limits.max_nodes),
                         std::to_string(limits.max_width)}});
  }
  return 0;
}

}  // namespace

Command graph_command() {
  return Command{
      "graph",
      "cmd.graph",
      {
          {"--at", "V=N,...", "opt.graph.at", true},
          format_option({"text", "mermaid", "dot", "json"}),
          {"--practice", "", "opt.graph.practice"},
      },
      true,
      run_graph,
  };
}

}  // namespace tutor::cli
