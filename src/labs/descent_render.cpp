#include "labs/descent_render.hpp"

#include <algorithm>
#include <cmath>

#include "base/table.hpp"
#include "base/text.hpp"
#include "labs/chart.hpp"
#include "math/print.hpp"
#include "math/symbols.hpp"

namespace tutor {

namespace {

// Rows of the comparison table: the first steps, then the last ones.
constexpr std::size_t kHeadRows = 4;
constexpr std::size_t kTailRows = 3;

Style style_of(const ViewOptions& view) {
  return view.ascii ? Style::ascii : Style::text;
}

// TEXT wrapped at the view's width as the reader sees it: under --ascii every glyph is spelled
// out on the way to the terminal (θ takes the five columns of "theta"), so it is measured so.
std::string wrapped(const ViewOptions& view, const std::string& text) {
  return wrap_lines(view.ascii ? ascii_math(text) : text, view.width);
}

// A variable as the printer writes it: "θ" for theta (unless ASCII).
std::string variable_text(const std::string& name, Style style) {
  SymbolTable syms;
  return print(syms.get(name), style);
}

std::string point_text(const std::vector<double>& v) {
  if (v.size() == 1) return format_short(v[0]);
  std::string s = "(";
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + format_short(v[i]);
  return s + ")";
}

std::string named_point(const Descent& d, const std::vector<double>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) {
    s += (i ? ", " : "") + d.variables[i] + " = " + format_short(v[i]);
  }
  return s;
}

std::string rate_label(const ViewOptions& view, double lr) {
  return (view.ascii ? "lr = " : "η = ") + format_short(lr);
}

std::string verdict_word(Lang lang, RunVerdict v) {
  return tr(lang, "descent.verdict." + std::string(verdict_name(v)));
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

nlohmann::ordered_json reason_json(const Descent& d, const DescentRun& run, Lang lang) {
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
  reason["text"] = descent_reason(d, run, lang);
  return reason;
}

// The cells of one step in a run's block: k, θ, f(θ).
std::vector<std::string> step_cells(const DescentStep& s) {
  return {std::to_string(s.k), point_text(s.theta), format_short(s.value)};
}

// Which step of RUN shows on table row R (counting the head rows, then the tail rows), if any.
std::optional<std::size_t> step_on_row(const DescentRun& run, std::size_t r) {
  const std::size_t n = run.steps.size();
  if (r < kHeadRows) return r < n ? std::optional(r) : std::nullopt;
  const std::size_t from = std::max(kHeadRows, n > kTailRows ? n - kTailRows : 0);
  const std::size_t i = from + (r - kHeadRows);
  return i < n ? std::optional(i) : std::nullopt;
}

}  // namespace

std::string descent_reason(const Descent& d, const DescentRun& run, Lang lang) {
  const Reason& r = run.reason;
  const std::string tol = format_short(d.options.tol);
  switch (run.verdict) {
    case RunVerdict::converged:
      if (r.step == 0) return tr(lang, "descent.why.converged_start", format_short(r.size), tol);
      return tr(lang,
                r.by_step_size ? "descent.why.converged_step" : "descent.why.converged_gradient",
                r.step, format_short(r.size), tol);
    case RunVerdict::slow: {
      std::string s = tr_plural(lang, "descent.why.slow", d.options.steps, d.options.steps,
                                format_short(r.gradient_norm));
      if (r.more_steps)
        s += "; " + tr_count(lang, "descent.why.slow_more", *r.more_steps);
      else
        s += "; " + tr(lang, "descent.why.slow_flat");
      if (r.distance) s += "; " + tr(lang, "descent.why.slow_distance", format_short(*r.distance));
      return s;
    }
    case RunVerdict::oscillating:
      return tr(lang, "descent.why.oscillating", r.reversals, r.window, format_short(r.value));
    case RunVerdict::diverged:
      switch (r.divergence) {
        case Divergence::grew:
          return tr(lang, "descent.why.grew", r.step, point_text(r.theta), format_short(r.value));
        case Divergence::growing:
          return tr(lang, "descent.why.growing", r.step, format_short(r.value));
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

std::string descent_header(const Descent& d, const ViewOptions& view) {
  const Style style = style_of(view);
  const std::vector<double>& start = d.runs.front().steps.front().theta;
  std::string from;
  for (std::size_t i = 0; i < d.variables.size(); ++i) {
    from += (i ? ", " : "") + variable_text(d.variables[i], style) + " = " + format_short(start[i]);
  }
  std::string grad;
  for (std::size_t i = 0; i < d.variables.size(); ++i) {
    grad += (i ? "   " : "") + std::string(view.ascii ? "df/d" : "∂f/∂") + d.variables[i] + " = " +
            print(d.gradient[i], style);
  }
  return wrapped(view, tr_plural(view.lang, "descent.header", d.options.steps, print(d.expr, style),
                                 from, d.options.steps, format_short(d.options.tol)) +
                           "\n" + tr(view.lang, "descent.gradient_line", grad) + "\n" +
                           tr(view.lang, "descent.update_rule") + "\n");
}

std::string descent_table(const Descent& d, const ViewOptions& view) {
  const Style style = style_of(view);
  std::string var_head;
  if (d.variables.size() == 1) {
    var_head = variable_text(d.variables[0], style);
  } else {
    var_head = "(";
    for (std::size_t i = 0; i < d.variables.size(); ++i) {
      var_head += (i ? ", " : "") + variable_text(d.variables[i], style);
    }
    var_head += ")";
  }
  // Each run is a block of three columns (k, θ, f), two spaces apart, five between blocks;
  // the rate above and the verdict below span their block. Blocks that do not fit side by
  // side go one under another.
  TextTable t({.indent = "  ", .gap = "     ", .width = view.width, .group = 3});
  for (std::size_t b = 0; b < d.runs.size(); ++b) {
    t.gap_after(3 * b, "  ");
    t.gap_after(3 * b + 1, "  ");
  }
  auto spanning = [](std::vector<std::string> texts) {
    std::vector<TableCell> row;
    row.reserve(texts.size());
    for (auto& s : texts) row.push_back({std::move(s), 3});
    return row;
  };
  std::vector<std::string> rates, head;
  for (const auto& run : d.runs) {
    rates.push_back(rate_label(view, run.lr));
    head.insert(head.end(), {"k", var_head, "f"});
  }
  t.add_cells(spanning(rates));
  t.add_row(head);
  // Each run shows its first steps, a ⋮ when steps are left out, then its last steps.
  auto section = [&](std::size_t first, std::size_t count) {
    for (std::size_t r = first; r < first + count; ++r) {
      std::vector<std::string> row;
      bool any = false;
      for (const auto& run : d.runs) {
        auto i = step_on_row(run, r);
        auto c = i ? step_cells(run.steps[*i]) : std::vector<std::string>(3);
        any = any || i.has_value();
        row.insert(row.end(), c.begin(), c.end());
      }
      if (any) t.add_row(row);
    }
  };
  section(0, kHeadRows);
  bool any_gap = false;
  std::vector<std::string> gap_row;
  for (const auto& run : d.runs) {
    const bool gap = run.steps.size() > kHeadRows + kTailRows;
    any_gap = any_gap || gap;
    gap_row.insert(gap_row.end(), {gap ? (view.ascii ? "..." : "⋮") : "", "", ""});
  }
  if (any_gap) t.add_row(gap_row);
  section(kHeadRows, kTailRows);
  std::vector<std::string> verdicts;
  for (const auto& run : d.runs) {
    std::string v = verdict_word(view.lang, run.verdict);
    if (run.verdict == RunVerdict::converged || run.verdict == RunVerdict::diverged) {
      v += ", " + tr(view.lang, "descent.at_step", run.reason.step);
    }
    verdicts.push_back(view.ascii ? "=> " + v : "→ " + v);
  }
  t.add_cells(spanning(verdicts));

  TextTable reasons({.indent = "  ", .width = view.width});
  for (const auto& run : d.runs) {
    const std::string reason = descent_reason(d, run, view.lang);
    reasons.add_row({rate_label(view, run.lr), view.ascii ? ascii_math(reason) : reason});
  }
  return t.str() + "\n" + reasons.str();
}

std::string descent_why(const Descent& d, const ViewOptions& view) {
  if (!d.quadratic) return {};
  const Quadratic& q = *d.quadratic;
  const Lang lang = view.lang;
  std::string out =
      tr(lang, q.curvature.size() == 1 ? "descent.quad.intro" : "descent.quad.intro_multi",
         point_text(q.curvature)) +
      "\n";
  if (!q.critical_rate) return wrapped(view, out + tr(lang, "descent.quad.no_min") + "\n");
  out += tr(lang, "descent.quad.critical", format_short(*q.critical_rate)) + "\n";
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
      side = tr(lang, "descent.quad.slowly", format_short(100 * (1 - worst)));
    else if (std::any_of(f.begin(), f.end(), [](double x) { return x < 0; }))
      side = tr(lang, "descent.quad.zigzag");
    else
      side = tr(lang, "descent.quad.below");
    if (view.ascii) {
      out += "  lr = " + format_short(run.lr) + ": factor " + point_text(f) + "  " + side + "\n";
    } else {
      out += "  " + tr(lang, "descent.quad.rate", format_short(run.lr), point_text(f)) + "  " +
             side + "\n";
    }
  }
  return wrapped(view, out);
}

std::string descent_chart(const Descent& d, const ViewOptions& view) {
  std::vector<ChartSeries> series;
  for (const auto& run : d.runs) {
    ChartSeries s;
    s.label = rate_label(view, run.lr) + " " + verdict_word(view.lang, run.verdict);
    for (const auto& st : run.steps) {
      s.x.push_back(st.k);
      s.y.push_back(st.value);
    }
    series.push_back(std::move(s));
  }
  ChartOptions o;
  o.ascii = view.ascii;
  o.color = view.color;
  o.title = tr(view.lang, "descent.chart_title");
  o.x_label = "k";
  o.log_note = tr(view.lang, "chart.log_scale");
  o.columns = view.width;
  return render_chart(series, o);
}

std::string descent_text(const Descent& d, const ViewOptions& view) {
  std::string out = descent_header(d, view) + "\n" + descent_table(d, view) + "\n";
  if (std::string why = descent_why(d, view); !why.empty()) out += why + "\n";
  return out + descent_chart(d, view);
}

std::string descent_csv(const Descent& d) {
  // Variable names are identifiers and the rest are numbers, so nothing needs quoting.
  const bool one = d.variables.size() == 1;
  std::string out = "lr,k";
  for (const auto& v : d.variables) out += one ? ",theta" : ",theta_" + v;
  out += ",value";
  for (const auto& v : d.variables) out += one ? ",gradient" : ",gradient_" + v;
  out += "\n";
  for (const auto& run : d.runs) {
    for (const auto& s : run.steps) {
      out += format_full(run.lr) + "," + std::to_string(s.k);
      for (double t : s.theta) out += "," + format_full(t);
      out += "," + format_full(s.value);
      for (double g : s.gradient) out += "," + format_full(g);
      out += "\n";
    }
  }
  return out;
}

nlohmann::ordered_json descent_json(const Descent& d, std::string_view input, Lang lang) {
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
    r["reason"] = reason_json(d, run, lang);
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
  return j;
}

}  // namespace tutor
