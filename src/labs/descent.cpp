#include "labs/descent.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "base/errors.hpp"
#include "base/interrupt.hpp"
#include "math/point.hpp"
#include "math/print.hpp"

namespace tutor {

namespace {

constexpr std::string_view kVerdictNames[] = {"converged", "slow", "oscillating", "diverged"};

// The last moves looked at to tell bouncing from settling and growing.
constexpr int kWindow = 20;

double norm(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x * x;
  return std::sqrt(s);
}

double max_abs(const std::vector<double>& v) {
  double m = 0;
  for (double x : v) m = std::max(m, std::abs(x));
  return m;
}

bool all_finite(const std::vector<double>& v) {
  return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

// E at the point M as a double, or nullopt when it is not a real number there: a pole, a
// complex value (log(−1)), or a value too large for a double.
std::optional<double> evaluate(const GiNaC::ex& e, const GiNaC::exmap& m) {
  try {
    GiNaC::ex v = e.subs(m).evalf();
    if (!GiNaC::is_a<GiNaC::numeric>(v)) return std::nullopt;
    const auto& n = GiNaC::ex_to<GiNaC::numeric>(v);
    if (!n.is_real()) return std::nullopt;
    double d = n.to_double();
    if (!std::isfinite(d)) return std::nullopt;
    return d;
  } catch (const std::exception&) {
    // GiNaC signals poles with pole_error and 0^0 with domain_error; CLN signals overflow with
    // its own runtime errors. Each means the same here: no real value at this θ.
    return std::nullopt;
  }
}

struct Point {
  std::optional<double> value;
  std::vector<double> gradient;
  std::string failed;  // empty when everything evaluated
};

class Evaluator {
 public:
  Evaluator(const Descent& d, SymbolTable& syms) : d_(d) {
    for (const auto& v : d.variables) symbols_.push_back(syms.get(v));
  }

  Point at(const std::vector<double>& theta) const {
    GiNaC::exmap m;
    for (std::size_t i = 0; i < theta.size(); ++i) m[symbols_[i]] = GiNaC::numeric(theta[i]);
    Point p;
    p.value = evaluate(d_.expr, m);
    if (!p.value) {
      p.failed = "f";
      return p;
    }
    for (std::size_t i = 0; i < d_.gradient.size(); ++i) {
      auto g = evaluate(d_.gradient[i], m);
      if (!g) {
        p.failed = d_.variables[i];
        return p;
      }
      p.gradient.push_back(*g);
    }
    return p;
  }

 private:
  const Descent& d_;
  std::vector<GiNaC::ex> symbols_;
};

// Whether every second partial derivative is a constant and the mixed ones are zero.
std::optional<Quadratic> quadratic_of(const Descent& d, SymbolTable& syms) {
  Quadratic q;
  const std::size_t n = d.variables.size();
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      GiNaC::ex h = d.gradient[i].diff(GiNaC::ex_to<GiNaC::symbol>(syms.get(d.variables[j])));
      if (!variables_of(h).empty()) return std::nullopt;
      auto v = evaluate(h, {});
      if (!v) return std::nullopt;
      if (i != j && *v != 0) return std::nullopt;
      if (i == j) q.curvature.push_back(*v);
    }
  }
  double top = *std::max_element(q.curvature.begin(), q.curvature.end());
  double bottom = *std::min_element(q.curvature.begin(), q.curvature.end());
  if (bottom > 0) q.critical_rate = 2 / top;
  return q;
}

// Decides a run that used all its steps without converging or blowing up.
void judge_unfinished(DescentRun& run, const std::optional<Quadratic>& quad, double tol) {
  const auto& s = run.steps;
  const int last = static_cast<int>(s.size()) - 1;
  const int first = std::max(0, last - kWindow);
  Reason& r = run.reason;
  r.window = last - first;

  for (int k = first + 2; k <= last; ++k) {
    double dot = 0;
    for (std::size_t i = 0; i < s[k].theta.size(); ++i) {
      dot += (s[k].theta[i] - s[k - 1].theta[i]) * (s[k - 1].theta[i] - s[k - 2].theta[i]);
    }
    if (dot < 0) ++r.reversals;
  }
  const double f_start = s[first].value;
  const double f_end = s[last].value;
  const double slack = 1e-9 * std::max(1.0, std::abs(f_start));
  const bool bouncing = r.window >= 2 && r.reversals * 5 >= (r.window - 1) * 4;

  if (f_end > f_start + slack && max_abs(s[last].theta) > max_abs(s[first].theta)) {
    run.verdict = RunVerdict::diverged;
    r.divergence = Divergence::growing;
    r.step = last;
    r.theta = s[last].theta;
    r.value = f_end;
    return;
  }
  if (bouncing && f_end >= f_start - slack) {
    run.verdict = RunVerdict::oscillating;
    r.theta = s[last].theta;
    r.value = f_end;
    return;
  }
  run.verdict = (last > 0 && f_end < s[last - 1].value) || r.reversals == 0
                    ? RunVerdict::slow
                    : RunVerdict::oscillating;
  if (run.verdict == RunVerdict::oscillating) {
    r.theta = s[last].theta;
    r.value = f_end;
    return;
  }
  // How far to go: the gradient norm, and at the current rate of shrinking, the steps until
  // either test in the loop below passes (|∇f| < tol, or the step η·|∇f| < tol).
  r.gradient_norm = norm(s[last].gradient);
  if (last > 0) {
    double before = norm(s[last - 1].gradient);
    double ratio = before > 0 ? r.gradient_norm / before : 1;
    double target = std::max(tol, tol / run.lr);
    if (ratio > 0 && ratio < 1 && r.gradient_norm > target) {
      double more = std::ceil(std::log(target / r.gradient_norm) / std::log(ratio));
      if (more < 1e15) r.more_steps = static_cast<long long>(more);
    }
  }
  if (quad && quad->critical_rate) {
    // Newton's step lands on the minimum of a quadratic: θ* = θ − ∇f / f″ per coordinate.
    double d2 = 0;
    for (std::size_t i = 0; i < quad->curvature.size(); ++i) {
      double di = s[last].gradient[i] / quad->curvature[i];
      d2 += di * di;
    }
    r.distance = std::sqrt(d2);
  }
}

void stop_diverged(DescentRun& run, int k, Divergence why, std::vector<double> theta, double value,
                   std::string failed = {}) {
  run.verdict = RunVerdict::diverged;
  run.reason.divergence = why;
  run.reason.step = k;
  run.reason.theta = std::move(theta);
  run.reason.value = value;
  run.reason.failed = std::move(failed);
}

DescentRun run_one(const Evaluator& eval, const Descent& d, double lr,
                   const std::vector<double>& start, const Point& p0) {
  DescentRun run;
  run.lr = lr;
  const DescentOptions& o = d.options;
  run.steps.push_back({0, start, *p0.value, p0.gradient});
  const double theta_cap = kDivergeFactor * std::max(1.0, max_abs(start));
  const double value_cap = kDivergeFactor * std::max(1.0, std::abs(*p0.value));

  if (norm(p0.gradient) < o.tol) {
    run.verdict = RunVerdict::converged;
    run.reason.size = norm(p0.gradient);
    return run;
  }
  for (int k = 1; k <= o.steps; ++k) {
    poll_interrupt();
    const DescentStep& prev = run.steps.back();
    std::vector<double> theta = prev.theta;
    for (std::size_t i = 0; i < theta.size(); ++i) theta[i] -= lr * prev.gradient[i];
    if (!all_finite(theta)) {
      stop_diverged(run, k, Divergence::non_finite, theta, 0);
      return run;
    }
    Point p = eval.at(theta);
    if (!p.failed.empty()) {
      stop_diverged(run, k, Divergence::left_domain, theta, p.value.value_or(0), p.failed);
      return run;
    }
    double step = 0;
    for (std::size_t i = 0; i < theta.size(); ++i) {
      step += (theta[i] - prev.theta[i]) * (theta[i] - prev.theta[i]);
    }
    step = std::sqrt(step);
    run.steps.push_back({k, theta, *p.value, p.gradient});
    if (max_abs(theta) > theta_cap || std::abs(*p.value) > value_cap) {
      stop_diverged(run, k, Divergence::grew, theta, *p.value);
      return run;
    }
    const double g = norm(p.gradient);
    if (g < o.tol || step < o.tol) {
      run.verdict = RunVerdict::converged;
      run.reason.step = k;
      run.reason.by_step_size = !(g < o.tol);
      run.reason.size = g < o.tol ? g : step;
      return run;
    }
  }
  judge_unfinished(run, d.quadratic, o.tol);
  return run;
}

}  // namespace

std::string_view verdict_name(RunVerdict v) {
  return kVerdictNames[static_cast<int>(v)];
}

double parse_real(std::string_view text, std::string_view option) {
  std::string_view t = text;
  while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  if (!t.empty() && t.front() == '+') t.remove_prefix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (t.empty() || ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v)) {
    throw Error(Message{"descent.not_number", {std::string(option), std::string(text)}});
  }
  return v;
}

std::map<std::string, double> parse_start(std::string_view text,
                                          const std::vector<std::string>& variables) {
  std::map<std::string, double> out;
  for (const auto& [name, value] : parse_point(text, variables, PointOption::from)) {
    // parse_point has checked that each value is a finite real number.
    out[name] = GiNaC::ex_to<GiNaC::numeric>(*real_number(value)).to_double();
  }
  return out;
}

Descent descend(const Parsed& f, const std::map<std::string, double>& start,
                const DescentOptions& options, SymbolTable& syms) {
  if (f.variables.empty()) throw Error(Message{"descent.no_variable", {}});
  if (options.rates.empty()) throw Error(Message{"descent.no_rate", {}});
  if (options.rates.size() > kMaxDescentRates) {
    throw Error(Message{"descent.too_many_rates", {std::to_string(kMaxDescentRates)}});
  }
  for (double r : options.rates) {
    if (!(r > 0) || !std::isfinite(r)) {
      throw Error(Message{"descent.bad_rate", {format_number(r)}});
    }
  }
  if (options.steps < 1 || options.steps > kMaxDescentSteps) {
    throw Error(Message{"descent.bad_steps",
                        {std::to_string(options.steps), std::to_string(kMaxDescentSteps)}});
  }
  if (!(options.tol > 0) || !std::isfinite(options.tol)) {
    throw Error(Message{"descent.bad_tol", {format_number(options.tol)}});
  }

  Descent d;
  d.expr = f.expr;
  d.variables = f.variables;
  d.options = options;
  std::vector<double> theta0;
  for (const auto& v : d.variables) {
    auto it = start.find(v);
    if (it == start.end()) throw Error(Message{"descent.from_missing", {v}});
    theta0.push_back(it->second);
    d.gradient.push_back(f.expr.diff(GiNaC::ex_to<GiNaC::symbol>(syms.get(v))));
  }
  d.quadratic = quadratic_of(d, syms);

  Evaluator eval(d, syms);
  Point p0 = eval.at(theta0);
  if (!p0.failed.empty()) {
    std::string at;
    for (std::size_t i = 0; i < theta0.size(); ++i) {
      at += (at.empty() ? "" : ", ") + d.variables[i] + " = " + format_number(theta0[i]);
    }
    throw Error(Message{p0.failed == "f" ? "descent.start_outside" : "descent.start_no_gradient",
                        {at, p0.failed}});
  }
  for (double lr : options.rates) d.runs.push_back(run_one(eval, d, lr, theta0, p0));
  return d;
}

}  // namespace tutor
