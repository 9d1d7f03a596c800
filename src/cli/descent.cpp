// `tutor descent EXPR --from N --lr R [--lr R]...`: gradient descent, one run per learning
// rate, side by side, with each run's verdict, the reason for it, and a chart.
#include "tutor/descent.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "tutor/chart.hpp"
#include "tutor/errors.hpp"
#include "tutor/text.hpp"

namespace tutor::cli {

namespace {

// Rows of the comparison table: the first steps, then the last ones.
constexpr std::size_t kHeadRows = 4;
constexpr std::size_t kTailRows = 3;

std::string num(double d) {
  return fmt::format("{:.6g}", d);
}

int parse_steps(const std::string& text) {
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < 1 ||
      v > kMaxDescentSteps) {
    throw Error(Message{"descent.bad_steps", {text, std::to_string(kMaxDescentSteps)}});
  }
  return v;
}

std::string point_text(const std::vector<double>& v) {
  if (v.size() == 1) return num(v[0]);
  std::string s = "(";
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + num(v[i]);
  return s + ")";
}

std::string named_point(const Descent& d, const std::vector<double>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) {
    s += (i ? ", " : "") + d.variables[i] + " = " + num(v[i]);
  }
  return s;
}

std::string rate_label(const Context& ctx, double lr) {
  return (ctx.ascii ? "lr = " : "η = ") + num(lr);
}

std::string verdict_word(Lang lang, RunVerdict v) {
  return tr(lang, "descent.verdict." + std::string(verdict_name(v)));
}

// The reason behind a run's verdict, in words.
std::string reason_text(Lang lang, const Descent& d, const DescentRun& run) {
  const Reason& r = run.reason;
  const std::string tol = num(d.options.tol);
  switch (run.verdict) {
    case RunVerdict::converged:
      if (r.step == 0) return tr(lang, "descent.why.converged_start", num(r.size), tol);
      return tr(lang,
                r.by_step_size ? "descent.why.converged_step" : "descent.why.converged_gradient",
                r.step, num(r.size), tol);
    case RunVerdict::slow: {
      std::string s = tr(lang, "descent.why.slow", d.options.steps, num(r.gradient_norm));
      if (r.more_steps)
        s += "; " + tr(lang, "descent.why.slow_more", *r.more_steps);
      else
        s += "; " + tr(lang, "descent.why.slow_flat");
      if (r.distance) s += "; " + tr(lang, "descent.why.slow_distance", num(*r.distance));
      return s;
    }
    case RunVerdict::oscillating:
      return tr(lang, "descent.why.oscillating", r.reversals, r.window, num(r.value));
    case RunVerdict::diverged:
      switch (r.divergence) {
        case Divergence::grew:
          return tr(lang, "descent.why.grew", r.step, point_text(r.theta), num(r.value));
        case Divergence::growing:
          return tr(lang, "descent.why.growing", r.step, num(r.value));
        case Divergence::non_finite:
          return tr(lang, "descent.why.non_finite", r.step);
        case Divergence::left_domain:
          if (r.failed == "f") {
            return tr(lang, "descent.why.left_domain_f", r.step, named_point(d, r.theta));
          }
          return tr(lang, "descent.why.left_domain_grad", r.step, named_point(d, r.theta),
                    r.failed);
        case Divergence::none:
          break;
      }
  }
  return {};
}

std::string divergence_id(Divergence d) {
  constexpr std::string_view kIds[] = {"none", "grew", "growing", "non-finite", "left-domain"};
  return std::string(kIds[static_cast<int>(d)]);
}

nlohmann::ordered_json point_json(const Descent& d, const std::vector<double>& v) {
  if (v.size() == 1) return v[0];
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < v.size(); ++i) j[d.variables[i]] = v[i];
  return j;
}

std::string json_of(const Context& ctx, const Descent& d, const std::string& input) {
  nlohmann::ordered_json j;
  j["expression"] = print(d.expr, Style::input);
  j["input"] = input;
  j["variables"] = d.variables;
  nlohmann::ordered_json grad = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < d.variables.size(); ++i) {
    grad[d.variables[i]] = print(d.gradient[i], Style::input);
  }
  j["gradient"] = grad;
  j["steps"] = d.options.steps;
  j["tol"] = d.options.tol;
  if (d.quadratic) {
    nlohmann::ordered_json q;
    q["curvature"] = point_json(d, d.quadratic->curvature);
    q["critical_rate"] = d.quadratic->critical_rate
                             ? nlohmann::ordered_json(*d.quadratic->critical_rate)
                             : nlohmann::ordered_json(nullptr);
    j["quadratic"] = q;
  }
  j["runs"] = nlohmann::ordered_json::array();
  for (const auto& run : d.runs) {
    nlohmann::ordered_json r;
    r["lr"] = run.lr;
    r["verdict"] = verdict_name(run.verdict);
    nlohmann::ordered_json reason;
    const Reason& why = run.reason;
    switch (run.verdict) {
      case RunVerdict::converged:
        reason["step"] = why.step;
        reason["by"] = why.by_step_size ? "step" : "gradient";
        reason["size"] = why.size;
        break;
      case RunVerdict::slow:
        reason["gradient_norm"] = why.gradient_norm;
        reason["more_steps"] = why.more_steps ? nlohmann::ordered_json(*why.more_steps) : nullptr;
        reason["distance"] = why.distance ? nlohmann::ordered_json(*why.distance) : nullptr;
        break;
      case RunVerdict::oscillating:
        reason["reversals"] = why.reversals;
        reason["window"] = why.window;
        reason["value"] = why.value;
        break;
      case RunVerdict::diverged:
        reason["step"] = why.step;
        reason["cause"] = divergence_id(why.divergence);
        reason["theta"] = point_json(d, why.theta);
        if (!why.failed.empty()) reason["failed"] = why.failed;
        break;
    }
    reason["text"] = reason_text(ctx.lang, d, run);
    r["reason"] = reason;
    if (d.quadratic) {
      std::vector<double> f;
      for (std::size_t i = 0; i < d.variables.size(); ++i)
        f.push_back(d.quadratic->factor(run.lr, i));
      r["factor"] = point_json(d, f);
    }
    r["steps"] = nlohmann::ordered_json::array();
    for (const auto& s : run.steps) {
      r["steps"].push_back({{"k", s.k},
                            {"theta", point_json(d, s.theta)},
                            {"value", s.value},
                            {"gradient", point_json(d, s.gradient)}});
    }
    j["runs"].push_back(r);
  }
  return json_text(j) + "\n";
}

std::string csv_of(const Descent& d) {
  // Variable names are identifiers and the rest are numbers, so nothing needs quoting.
  const bool one = d.variables.size() == 1;
  std::string out = "lr,k";
  for (const auto& v : d.variables) out += one ? ",theta" : ",theta_" + v;
  out += ",value";
  for (const auto& v : d.variables) out += one ? ",gradient" : ",gradient_" + v;
  out += "\n";
  auto full = [](double x) { return fmt::format("{}", x); };
  for (const auto& run : d.runs) {
    for (const auto& s : run.steps) {
      out += full(run.lr) + "," + std::to_string(s.k);
      for (double t : s.theta) out += "," + full(t);
      out += "," + full(s.value);
      for (double g : s.gradient) out += "," + full(g);
      out += "\n";
    }
  }
  return out;
}

// A table of runs side by side: each run is a block of three columns (k, θ, f). Span rows
// (the rate above, the verdict below) hold one text per block and widen the block to fit.
struct Table {
  std::vector<std::vector<std::string>> rows;  // 3 cells per run
  std::vector<bool> span;                      // rows whose text is per block (1 cell per run)
};

std::string layout(const Table& t, std::size_t runs) {
  constexpr std::size_t kCellGap = 2, kBlockGap = 5;
  std::vector<std::size_t> width(3 * runs, 0);
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (t.span[r]) continue;
    for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
      width[c] = std::max(width[c], display_width(t.rows[r][c]));
    }
  }
  std::vector<std::size_t> block(runs, 0);
  for (std::size_t b = 0; b < runs; ++b) {
    block[b] = width[3 * b] + width[3 * b + 1] + width[3 * b + 2] + 2 * kCellGap;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      if (t.span[r]) block[b] = std::max(block[b], display_width(t.rows[r][b]));
    }
    // Any room a span row needs goes to the last column of the block.
    width[3 * b + 2] = block[b] - width[3 * b] - width[3 * b + 1] - 2 * kCellGap;
  }
  std::string out;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    std::string line = "  ";
    for (std::size_t b = 0; b < runs; ++b) {
      if (t.span[r]) {
        line += pad_right(t.rows[r][b], block[b] + kBlockGap);
        continue;
      }
      for (std::size_t c = 0; c < 3; ++c) {
        line += pad_right(t.rows[r][3 * b + c], width[3 * b + c] + (c < 2 ? kCellGap : kBlockGap));
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string chart_of(const Context& ctx, const Descent& d) {
  std::vector<ChartSeries> series;
  for (const auto& run : d.runs) {
    ChartSeries s;
    s.label = rate_label(ctx, run.lr) + " " + std::string(verdict_name(run.verdict));
    for (const auto& st : run.steps) {
      s.x.push_back(st.k);
      s.y.push_back(st.value);
    }
    series.push_back(std::move(s));
  }
  ChartOptions o;
  o.ascii = ctx.ascii;
  o.color = ctx.color;
  o.title = tr(ctx.lang, "descent.chart_title");
  o.x_label = "k";
  o.log_note = tr(ctx.lang, "chart.log_scale");
  return render_chart(series, o);
}

std::string table_of(const Context& ctx, const Descent& d) {
  const std::size_t n = d.runs.size();
  const Style style = math_style(ctx);
  std::string var_head;
  if (d.variables.size() == 1) {
    var_head = print(ctx.syms->get(d.variables[0]), style);
  } else {
    var_head = "(";
    for (std::size_t i = 0; i < d.variables.size(); ++i) {
      var_head += (i ? ", " : "") + print(ctx.syms->get(d.variables[i]), style);
    }
    var_head += ")";
  }
  Table t;
  auto add = [&t](std::vector<std::string> row, bool span) {
    t.rows.push_back(std::move(row));
    t.span.push_back(span);
  };
  std::vector<std::string> rates, head;
  for (const auto& run : d.runs) {
    rates.push_back(rate_label(ctx, run.lr));
    head.insert(head.end(), {"k", var_head, "f"});
  }
  add(rates, true);
  add(head, false);
  auto cells = [](const DescentStep& s) {
    return std::vector<std::string>{std::to_string(s.k), point_text(s.theta), num(s.value)};
  };
  // Each run shows its first steps, a ⋮ when steps are left out, then its last steps.
  auto section = [&](auto pick, std::size_t count) {
    for (std::size_t r = 0; r < count; ++r) {
      std::vector<std::string> row;
      bool any = false;
      for (const auto& run : d.runs) {
        auto c = pick(run, r);
        any = any || !c[0].empty();
        row.insert(row.end(), c.begin(), c.end());
      }
      if (any) add(row, false);
    }
  };
  section(
      [&](const DescentRun& run, std::size_t r) {
        return r < run.steps.size() ? cells(run.steps[r]) : std::vector<std::string>(3);
      },
      kHeadRows);
  bool any_gap = false;
  std::vector<std::string> gap_row;
  for (const auto& run : d.runs) {
    bool gap = run.steps.size() > kHeadRows + kTailRows;
    any_gap = any_gap || gap;
    gap_row.insert(gap_row.end(), {gap ? (ctx.ascii ? "..." : "⋮") : "", "", ""});
  }
  if (any_gap) add(gap_row, false);
  section(
      [&](const DescentRun& run, std::size_t r) {
        std::size_t from =
            std::max(kHeadRows, run.steps.size() > kTailRows ? run.steps.size() - kTailRows : 0);
        std::size_t i = from + r;
        return i < run.steps.size() ? cells(run.steps[i]) : std::vector<std::string>(3);
      },
      kTailRows);
  std::vector<std::string> verdicts;
  for (const auto& run : d.runs) {
    std::string v = verdict_word(ctx.lang, run.verdict);
    if (run.verdict == RunVerdict::converged || run.verdict == RunVerdict::diverged) {
      v += ", " + tr(ctx.lang, "descent.at_step", run.reason.step);
    }
    verdicts.push_back(ctx.ascii ? "=> " + v : "→ " + v);
  }
  add(verdicts, true);
  std::string out = layout(t, n);
  out += "\n";
  std::size_t label_width = 0;
  for (const auto& run : d.runs)
    label_width = std::max(label_width, display_width(rate_label(ctx, run.lr)));
  for (const auto& run : d.runs) {
    out += "  " + pad_right(rate_label(ctx, run.lr), label_width + 2) +
           reason_text(ctx.lang, d, run) + "\n";
  }
  return out;
}

std::string why_of(const Context& ctx, const Descent& d) {
  if (!d.quadratic) return {};
  const Quadratic& q = *d.quadratic;
  const Lang lang = ctx.lang;
  std::string out =
      tr(lang, q.curvature.size() == 1 ? "descent.quad.intro" : "descent.quad.intro_multi",
         point_text(q.curvature)) +
      "\n";
  if (!q.critical_rate) return out + tr(lang, "descent.quad.no_min") + "\n";
  out += tr(lang, "descent.quad.critical", num(*q.critical_rate)) + "\n";
  for (const auto& run : d.runs) {
    std::vector<double> f;
    double worst = 0;
    for (std::size_t i = 0; i < q.curvature.size(); ++i) {
      f.push_back(q.factor(run.lr, i));
      worst = std::max(worst, std::abs(f.back()));
    }
    std::string side;
    const double eps = 1e-12;
    if (std::abs(worst - 1) <= eps)
      side = tr(lang, "descent.quad.at");
    else if (worst > 1)
      side = tr(lang, "descent.quad.above");
    else if (worst <= eps)
      side = tr(lang, "descent.quad.one_step");
    else if (worst > 0.99)
      side = tr(lang, "descent.quad.slowly", num(100 * (1 - worst)));
    else if (std::any_of(f.begin(), f.end(), [](double x) { return x < 0; }))
      side = tr(lang, "descent.quad.zigzag");
    else
      side = tr(lang, "descent.quad.below");
    if (ctx.ascii) {
      out += "  lr = " + num(run.lr) + ": factor " + point_text(f) + "  " + side + "\n";
    } else {
      out += "  " + tr(lang, "descent.quad.rate", num(run.lr), point_text(f)) + "  " + side + "\n";
    }
  }
  return out;
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
  std::ostream& out = *ctx.out;
  if (format == "json") {
    out << json_of(ctx, d, inv.expression);
    return 0;
  }
  if (format == "csv") {
    out << csv_of(d);
    return 0;
  }
  if (inv.has("--plot")) {
    out << chart_of(ctx, d);
    return 0;
  }
  const Style style = math_style(ctx);
  std::string start;
  for (const auto& [v, x] : parse_start(*from, p.variables)) {
    start += (start.empty() ? "" : ", ") + print(ctx.syms->get(v), style) + " = " + num(x);
  }
  out << tr(ctx.lang, "descent.header", print(d.expr, style), start, o.steps, num(o.tol)) << "\n";
  std::string grad;
  for (std::size_t i = 0; i < d.variables.size(); ++i) {
    grad += (i ? "   " : "") + std::string(ctx.ascii ? "df/d" : "∂f/∂") + d.variables[i] + " = " +
            print(d.gradient[i], style);
  }
  out << tr(ctx.lang, "descent.gradient_line", grad) << "\n";
  out << tr(ctx.lang, "descent.update_rule") << "\n\n";
  out << table_of(ctx, d) << "\n";
  if (std::string why = why_of(ctx, d); !why.empty()) out << why << "\n";
  out << chart_of(ctx, d);
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
