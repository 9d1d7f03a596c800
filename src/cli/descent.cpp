// `tutor descent EXPR --from N --lr R [--lr R]...`: gradient descent, one run per learning
// rate, side by side, with each run's verdict, the reason for it, and a chart.
#include "labs/descent.hpp"

#include <charconv>
#include <ostream>

#include "base/errors.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "labs/descent_render.hpp"

namespace tutor::cli {

namespace {

int parse_steps(const std::string& text) {
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < 1 ||
      v > kMaxDescentSteps) {
    throw Error(Message{"descent.bad_steps", {text, std::to_string(kMaxDescentSteps)}});
  }
  return v;
}

int run_descent(const Invocation& inv, Context& ctx) {
  Parsed p = parse(inv.expression, *ctx.syms);
  auto from = inv.value("--from");
  if (!from) throw Error(Message{"descent.no_from", {}});
  if (p.variables.empty()) throw Error(Message{"descent.no_variable", {}});
  DescentOptions o;
  for (const auto& r : inv.all("--lr")) {
    double v = parse_real(r, "--lr");
    if (!(v > 0)) throw Error(Message{"descent.bad_rate", {r}});
    o.rates.push_back(v);
  }
  if (auto s = inv.value("--steps")) o.steps = parse_steps(*s);
  if (auto t = inv.value("--tol")) o.tol = parse_real(*t, "--tol");
  Descent d = descend(p, parse_start(*from, p.variables), o, *ctx.syms);
  ctx.last = p.expr;

  const std::string format = format_of(inv);
  const ViewOptions view{ctx.lang, ctx.ascii, ctx.color, ctx.width};
  std::ostream& out = *ctx.out;
  if (format == "json") {
    out << json_text(descent_json(d, inv.expression, ctx.lang)) << "\n";
  } else if (format == "csv") {
    out << descent_csv(d);
  } else if (inv.has("--plot")) {
    out << descent_chart(d, view);
  } else {
    out << descent_text(d, view);
  }
  return 0;
}

}  // namespace

Command descent_command() {
  return Command{
      "descent",
      "cmd.descent",
      {
          {"--from", "N|V=N,...", "opt.descent.from", false, {}, true},
          {"--lr", "R", "opt.descent.lr", true, {}, true},
          {"--steps", "K", "opt.descent.steps"},
          {"--tol", "T", "opt.descent.tol"},
          format_option({"text", "json", "csv"}),
          {"--plot", "", "opt.descent.plot"},
      },
      true,
      run_descent,
  };
}

}  // namespace tutor::cli
