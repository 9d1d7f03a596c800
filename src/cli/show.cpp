// `tutor show EXPR`: how the tutor read the expression.
#include <ostream>

#include "base/text.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "math/syntax.hpp"

namespace tutor::cli {

namespace {

int run_show(const Invocation& inv, Context& ctx) {
  Parsed p = parse(inv.expression, *ctx.syms);
  ctx.last = p.expr;
  const std::string format = format_of(inv);
  std::ostream& out = *ctx.out;
  if (format == "json") {
    nlohmann::ordered_json j;
    j["input"] = inv.expression;
    if (has_calls(p.held)) j["written"] = print(p.held, Style::input);
    j["expression"] = print(p.expr, Style::input);
    j["text"] = print(p.expr, Style::text);
    j["latex"] = print(p.expr, Style::latex);
    j["variables"] = p.variables;
    if (!p.notes.empty()) {
      j["notes"] = nlohmann::ordered_json::array();
      for (const auto& n : p.notes) j["notes"].push_back(render(ctx.lang, n));
    }
    out << json_text(j) << "\n";
    return 0;
  }
  if (format == "latex") {
    out << print(p.expr, Style::latex) << "\n";
    return 0;
  }
  std::string vars;
  for (const auto& v : p.variables) {
    if (!vars.empty()) vars += ", ";
    vars += print(ctx.syms->get(v), math_style(ctx));
  }
  if (vars.empty()) vars = tr(ctx.lang, "show.no_variables");
  // f(g(x)) = (3x + 1)²: the learner's own names, then what they stand for.
  std::string read_as = print(p.expr, math_style(ctx));
  if (has_calls(p.held)) read_as = print(p.held, math_style(ctx)) + " = " + read_as;
  out << aligned({
      {tr(ctx.lang, "show.input"), sanitize(inv.expression)},
      {tr(ctx.lang, "show.read_as"), read_as},
      {tr(ctx.lang, "show.input_form"), print(p.expr, Style::input)},
      {tr(ctx.lang, "show.latex"), print(p.expr, Style::latex)},
      {tr(ctx.lang, "show.variables"), vars},
  });
  for (const auto& n : p.notes) out << tr(ctx.lang, "show.note", render(ctx.lang, n)) << "\n";
  return 0;
}

}  // namespace

Command show_command() {
  return Command{"show", "cmd.show", {format_option({"text", "json", "latex"})}, true, run_show};
}

}  // namespace tutor::cli
