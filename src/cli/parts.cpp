// `tutor parts EXPR`: a composite function taken apart, outer function first, each inner
// function named: sin(x²) is f(u) = sin(u) with u = g(x) = x². Lesson 1's own exercise.
#include <ostream>

#include "base/text.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "math/print.hpp"
#include "math/steps.hpp"
#include "math/syntax.hpp"

namespace tutor::cli {

namespace {

int run_parts(const Invocation& inv, Context& ctx) {
  Parsed p = parse(inv.expression, *ctx.syms);
  ctx.last = p.expr;
  const GiNaC::ex var = ctx.syms->get(p.variables.empty() ? "x" : p.variables.front());
  // The chain rule's links are the decomposition: the step engine flattens every
  // composition into them, outermost first.
  const Step s = differentiate(p.expr, var);
  const Style style = math_style(ctx);
  std::ostream& out = *ctx.out;
  if (format_of(inv) == "json") {
    nlohmann::ordered_json j;
    j["expression"] = print(p.expr, Style::input);
    j["composite"] = s.rule == Rule::chain;
    j["links"] = nlohmann::ordered_json::array();
    if (s.rule == Rule::chain) {
      for (std::size_t i = 0; i + 1 < s.links.size(); ++i) {
        const Link& l = s.links[i];
        j["links"].push_back({{"outer", print(l.outer, Style::input)},
                              {"variable", print(l.variable, Style::input)},
                              {"inner", print(l.inner, Style::input)}});
      }
    }
    out << json_text(j) << "\n";
    return 0;
  }
  if (s.rule != Rule::chain) {
    out << wrapped(ctx, tr(ctx.lang, "parts.not_composite", print(p.expr, style),
                           tr(ctx.lang, "rule." + std::string(rule_id(s.rule)))) +
                            "\n");
    return 0;
  }
  // f(u) = sin(u), u = g(v) = v², v = h(x) = 3x + 1: one line a link, in the learner's order.
  static const char* const kNames[] = {"f", "g", "h", "k", "m", "n", "p", "q", "r", "s"};
  out << wrapped(ctx, tr(ctx.lang, "parts.intro", print(p.expr, style), s.links.size()) + "\n");
  for (std::size_t i = 0; i + 1 < s.links.size(); ++i) {
    const Link& l = s.links[i];
    const std::string name = i < std::size(kNames) ? kNames[i] : "f" + std::to_string(i + 1);
    const std::string arg = print(l.variable, style);
    const Link& next = s.links[i + 1];
    const std::string next_name =
        i + 1 < std::size(kNames) ? kNames[i + 1] : "f" + std::to_string(i + 2);
    const std::string next_arg = print(next.variable, style);
    out << wrapped(ctx, "  " + name + "(" + arg + ") = " + print(l.outer, style) + ",   " + arg +
                            " = " + next_name + "(" + next_arg + ") = " + print(l.inner, style) +
                            "\n");
  }
  out << wrapped(ctx, tr(ctx.lang, "parts.chain", sanitize(inv.expression)) + "\n");
  return 0;
}

}  // namespace

Command parts_command() {
  return Command{"parts", "cmd.parts", {format_option({"text", "json"})}, true, run_parts};
}

}  // namespace tutor::cli
