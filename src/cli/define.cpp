// `define f(x) = x^2` (or just `f(x) = x^2` at the prompt), `defs` and `undef f`: the
// functions a learner names, so that f(g(x)) reads as on paper.
#include <ostream>
#include <sstream>

#include "base/errors.hpp"
#include "base/text.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "math/syntax.hpp"

namespace tutor::cli {

namespace {

// "f(x) = x²", and "h(x) = f(g(x)) = (3x + 1)²" when the body calls other definitions.
std::string definition_text(const Definition& d, const Definitions& defs, Style style) {
  std::string out = d.name + "(" + print(d.parameter, style) + ") = " + print(d.body, style);
  if (has_calls(d.body)) out += " = " + print(defs.expanded_body(d), style);
  return out;
}

int run_define(const Invocation& inv, Context& ctx) {
  ParsedDefinition p = parse_definition(inv.expression, *ctx.syms);
  Definitions& defs = ctx.syms->definitions();
  const std::string name = p.definition.name;
  bool replaced = false;
  try {
    replaced = defs.define(std::move(p.definition));
  } catch (const SyntaxError&) {
    throw;
  } catch (const Error& e) {
    throw Error(e.message(), Span{0, inv.expression.size()}, inv.expression);
  }
  const Definition& d = *defs.find(name);
  ctx.last = defs.expanded_body(d);
  *ctx.out << tr(ctx.lang, replaced ? "define.redefined" : "define.defined",
                 definition_text(d, defs, math_style(ctx)))
           << "\n";
  for (const auto& n : p.notes) *ctx.out << tr(ctx.lang, "show.note", render(ctx.lang, n)) << "\n";
  return 0;
}

int run_defs(const Invocation& inv, Context& ctx) {
  const Definitions& defs = ctx.syms->definitions();
  if (format_of(inv) == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& d : defs.all()) {
      j.push_back({{"name", d.name},
                   {"parameter", print(d.parameter, Style::input)},
                   {"body", print(d.body, Style::input)},
                   {"expression", print(defs.expanded_body(d), Style::input)},
                   {"uses", d.uses}});
    }
    *ctx.out << json_text(j) << "\n";
    return 0;
  }
  if (defs.empty()) {
    *ctx.out << tr(ctx.lang, "define.none") << "\n";
    return 0;
  }
  for (const auto& d : defs.all()) *ctx.out << definition_text(d, defs, math_style(ctx)) << "\n";
  return 0;
}

int run_undef(const Invocation& inv, Context& ctx) {
  std::vector<std::string> names;
  std::istringstream words(inv.expression);
  for (std::string w; words >> w;) names.push_back(w);
  if (names.empty()) throw Error(Message{"define.undef_usage", {}});
  for (const auto& name : names) {
    ctx.syms->definitions().undefine(name);
    *ctx.out << tr(ctx.lang, "define.removed", sanitize(name)) << "\n";
  }
  return 0;
}

}  // namespace

Command define_command() {
  return Command{"define", "cmd.define", {}, true, run_define, "NAME(V) = EXPR", "arg.definition"};
}

Command defs_command() {
  return Command{"defs", "cmd.defs", {format_option({"text", "json"})}, false, run_defs};
}

Command undef_command() {
  return Command{"undef", "cmd.undef", {}, true, run_undef, "NAME...", "arg.function_names"};
}

}  // namespace tutor::cli
