// `tutor graph EXPR [--at V=N,...] [--format text|mermaid|dot|json] [--forward] [--practice]`:
// the expression as a computational graph, its forward and backward passes (--forward: the
// forward pass alone), and exercise 2 of the course made interactive.
#include "labs/graph.hpp"

#include <istream>
#include <ostream>

#include "base/errors.hpp"
#include "base/text.hpp"
#include "cli/ask_prompt.hpp"
#include "cli/commands.hpp"
#include "cli/guided.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "course/graph_practice.hpp"
#include "course/guide.hpp"
#include "labs/graph_render.hpp"
#include "math/point.hpp"
#include "math/syntax.hpp"

namespace tutor::cli {

namespace {

class Practice {
 public:
  Practice(const Graph& g, Context& ctx) : g_(g), ctx_(ctx), out_(*ctx.out) {}

  int run() {
    out_ << wrapped(ctx_, tr(ctx_.lang, "graph.practice_intro") + "\n") << "\n";
    out_ << "[" << tr(ctx_.lang, "graph.practice_forward") << "]\n";
    bool backward = false;
    for (const auto& gq : graph_practice(g_, ctx_.lang, ctx_.ascii)) {
      if (gq.backward && !backward) {
        backward = true;
        out_ << "\n[" << tr(ctx_.lang, "graph.practice_backward") << "]\n";
        out_ << tr(ctx_.lang, "graph.output_gradient",
                   derivative_name(g_, g_.output, g_.output, ctx_.ascii))
             << "\n";
      }
      ask(gq.question);
      if (ended_) break;
    }
    if (ended_) *ctx_.err << tr(ctx_.lang, "graph.input_ended") << "\n";
    out_ << "\n" << tr(ctx_.lang, "graph.score", correct_, asked_, first_try_) << "\n";
    return correct_ == asked_ && !ended_ ? 0 : 1;
  }

 private:
  // One question, asked the way every question is: tries, the hints, the answer at the end.
  void ask(const Question& q) {
    ++asked_;
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

// The graph's walk (course/guide.hpp): the same questions, with each path into a value used
// twice asked before their sum. Exit status 0 when the walk was finished.
int guided(const Graph& g, Context& ctx) {
  *ctx.out << wrapped(ctx, tr(ctx.lang, "graph.practice_intro") + "\n") << "\n";
  const WalkEnd end = walk_through(graph_guide(g, ctx.lang, ctx.ascii), ctx);
  if (end == WalkEnd::ended) *ctx.err << tr(ctx.lang, "graph.input_ended") << "\n";
  return end == WalkEnd::finished ? 0 : 1;
}

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
  const bool forward_only = inv.has("--forward");
  // --guided is practice one step at a time.
  const bool practice = inv.has("--practice") || inv.has("--guided");
  if (forward_only && (practice || format_of(inv) != "text")) {
    throw Error(Message{"graph.forward_text_only", {}});
  }
  if (practice) {
    if (!g.has_point) throw Error(Message{"graph.practice_needs_at", {example_point(g)}});
    if (inv.has("--guided")) return guided(g, ctx);
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
  // In the learner's order: (a+b)*c is y = (a + b)·c, as the lesson writes it.
  std::string title = tr(ctx.lang, "graph.title",
                         g.out().name + " = " + as_typed(inv.expression, *ctx.syms, style));
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
  out << tr(ctx.lang, "graph.forward") << "\n" << forward_table(g, ctx.lang, ctx.ascii, ctx.width);
  if (forward_only) {
    if (!drawing) {
      throw Error(Message{"graph.too_large",
                          {std::to_string(g.nodes.size()), std::to_string(limits.max_nodes),
                           std::to_string(limits.max_width)}});
    }
    return 0;
  }
  out << "\n"
      << tr(ctx.lang, "graph.backward") << "\n"
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
          {"--forward", "", "opt.graph.forward"},
          {"--practice", "", "opt.graph.practice"},
          {"--guided", "", "opt.graph.guided"},
      },
      true,
      run_graph,
  };
}

}  // namespace tutor::cli
