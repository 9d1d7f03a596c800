// `tutor check EXPR --answer TEXT`: is TEXT the derivative of EXPR, and if not, why not.
#include "calculus/check.hpp"

#include <ostream>

#include "base/errors.hpp"
#include "base/text.hpp"
#include "calculus/explain.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "math/steps.hpp"
#include "math/syntax.hpp"

namespace tutor::cli {

namespace {

// The variable to differentiate by: --wrt, else the expression's only variable (x when it
// has none). Several variables and no --wrt is an error, since the answer would be ambiguous.
GiNaC::ex pick_variable(const Invocation& inv, const Parsed& p, Context& ctx) {
  if (auto w = inv.value("--wrt")) {
    if (!is_variable_name(*w)) throw Error(Message{"diff.bad_variable", {sanitize(*w)}});
    return ctx.syms->get(*w);
  }
  if (p.variables.size() > 1) {
    throw Error(Message{"check.several_variables", {print(p.expr, math_style(ctx))}});
  }
  return ctx.syms->get(p.variables.empty() ? "x" : p.variables.front());
}

// The answer as the tutor read it (2x·cos(x²)) when that is what was typed, up to spaces and
// multiplication signs; otherwise as typed: GiNaC multiplies 2(3x+1) out to 6x + 2, which
// the learner never wrote.
std::string answer_shown(const std::string& typed, const std::optional<GiNaC::ex>& read,
                         const Context& ctx) {
  if (!read) return sanitize(typed);
  auto bare = [](std::string s) {
    std::erase_if(s, [](char c) { return c == ' ' || c == '*' || c == '\t'; });
    return s;
  };
  if (bare(print(*read, Style::input)) == bare(typed)) return print(*read, math_style(ctx));
  return sanitize(trim(typed));
}

int run_check(const Invocation& inv, Context& ctx) {
  Parsed p = parse(inv.expression, *ctx.syms);
  auto answer = inv.value("--answer");
  if (!answer) throw Error(Message{"check.no_answer", {}});
  GiNaC::ex var = pick_variable(inv, p, ctx);
  const int order = inv.value("--order") ? parse_order(*inv.value("--order")) : 1;
  const GiNaC::ex question = nth_derivative(p.expr, var, order - 1);
  const Step steps = differentiate(question, var);
  Outcome v = check(steps, var, *answer, *ctx.syms);
  const int status = v.status == Status::correct ? 0 : (v.status == Status::incorrect ? 1 : 2);
  // The answer as read, for showing it back; as typed when it cannot be read.
  std::optional<GiNaC::ex> read;
  if (v.status != Status::invalid && v.mistake != Mistake::question_echo) {
    read = parse(*answer, *ctx.syms).expr;
  }
  std::ostream& out = *ctx.out;

  if (format_of(inv) == "json") {
    nlohmann::ordered_json j;
    j["status"] = status_id(v.status);
    j["correct"] = v.status == Status::correct;
    j["mistake"] =
        v.mistake ? nlohmann::ordered_json(mistake_id(*v.mistake)) : nlohmann::ordered_json();
    j["feedback"] = render(ctx.lang, v.feedback);
    j["expected"] = print(steps.derivative, Style::input);
    j["answer"] = read ? print(*read, Style::input) : *answer;
    j["expected_text"] = print(steps.derivative, Style::text);
    j["wrt"] = print(var, Style::input);
    j["order"] = order;
    if (v.error && v.error->span()) {
      j["error"] = {{"message", render(ctx.lang, v.error->message())},
                    {"begin", v.error->span()->begin},
                    {"end", v.error->span()->end}};
    }
    out << json_text(j) << "\n";
    return status;
  }

  if (v.status == Status::invalid) {
    *ctx.err << format_error(ctx.lang, *v.error, ctx.ascii);
    return status;
  }
  std::string verdict = tr(ctx.lang, "check.status." + std::string(status_id(v.status)));
  if (v.mistake) verdict += " (" + mistake_name(ctx.lang, *v.mistake) + ")";
  std::vector<std::pair<std::string, std::string>> rows{
      {tr(ctx.lang, "check.label_answer"), answer_shown(*answer, read, ctx)},
      {tr(ctx.lang, "check.label_verdict"), verdict},
  };
  out << aligned(rows);
  out << wrapped(ctx, render(ctx.lang, v.feedback) + "\n");
  if (v.status != Status::correct) {
    if (inv.has("--solution")) {
      out << "\n"
          << wrapped(ctx, explain_text(steps, ExplainOptions{ctx.lang, math_style(ctx), false,
                                                             p.variables.size() > 1}));
    } else {
      // d2/dx2 EXPR asks diff for the same order.
      const std::string v = print(var, Style::input);
      const std::string n = std::to_string(order);
      const std::string asked =
          order > 1 ? "d" + n + "/d" + v + n + " " + inv.expression : inv.expression;
      out << wrapped(ctx, tr(ctx.lang, "check.see_solution", sanitize(asked)) + "\n");
    }
  }
  return status;
}

}  // namespace

Command check_command() {
  return Command{
      "check",
      "cmd.check",
      {
          {"--answer", "TEXT", "opt.check.answer", false, {}, true},
          {"--wrt", "V", "opt.check.wrt"},
          order_option(),
          {"--solution", "", "opt.check.solution"},
          format_option({"text", "json"}),
      },
      true,
      run_check,
  };
}

}  // namespace tutor::cli
