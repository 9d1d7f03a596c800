// `tutor descent EXPR --from N --lr R [--lr R]...`: gradient descent, one run per learning
// rate, side by side, with each run's verdict, the reason for it, and a chart.
#include "tutor/descent.hpp"

#include <charconv>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "tutor/descent_render.hpp"
#include "tutor/errors.hpp"

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
  const ViewOptions view{ctx.lang, ctx.ascii, ctx.color};
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
      "descent EXPR --from N|V=N,... --lr R [--lr R]... [--steps K] [--tol T] [--format "
      "text|json|csv] "
      "[--plot]",
      {"Gradient descent on EXPR, one run per learning rate, compared side by side: each run's "
       "verdict (converged, slow, oscillating, diverged), the reason, and a chart.",
       "EXPR에 경사 하강법을 학습률마다 실행하고 나란히 비교합니다: 판정(수렴, 느림, 진동, 발산), "
       "그 이유, 그래프."},
      {
          {"--from", "N|V=N,...", {"where to start: 5, or x=1,y=2", "시작 위치: 5 또는 x=1,y=2"}},
          {"--lr",
           "R",
           {"a learning rate η > 0; repeat to compare", "학습률 η > 0. 여러 번 주면 비교"},
           true},
          {"--steps",
           "K",
           {"steps per run (default 100, at most 10000)", "실행당 단계 수 (기본 100, 최대 10000)"}},
          {"--tol",
           "T",
           {"stop when |∇f| or the step is below T (default 1e-8)",
            "|∇f|나 이동 거리가 T보다 작으면 멈춤 (기본 1e-8)"}},
          {"--format",
           "FORMAT",
           {"output format: text, json or csv", "출력 형식: text, json, csv"},
           false,
           {"text", "json", "csv"}},
          {"--plot", "", {"show only the chart", "그래프만 보여 줍니다"}},
      },
      true,
      run_descent,
  };
}

}  // namespace tutor::cli
