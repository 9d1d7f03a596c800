// Gradient descent on a learner's function: θ_new = θ_old − η·∇f(θ), one run per learning rate.
//
// The gradient is derived symbolically once (GiNaC's diff, one partial per variable); each
// step then evaluates it at θ. Every run ends with a verdict and the numbers behind it, and a
// quadratic also gets the reason: each step multiplies θ − θ* by (1 − η·f″).
//
//   tutor::SymbolTable syms;
//   tutor::Parsed p = tutor::parse("x^2", syms);
//   tutor::Descent d = tutor::descend(p, {{"x", 5}}, {.rates = {0.001, 0.1, 10}}, syms);
//   // d.runs[0].verdict == RunVerdict::slow, [1] converged, [2] diverged
#pragma once

#include <ginac/ginac.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "math/symbols.hpp"
#include "math/syntax.hpp"

namespace tutor {

// The largest --steps accepted: enough for any lesson, small enough to stay instant.
inline constexpr int kMaxDescentSteps = 10000;
// How many learning rates one command may compare.
inline constexpr std::size_t kMaxDescentRates = 10;

struct DescentOptions {
  std::vector<double> rates;  // η > 0 each, one run per rate
  int steps = 100;            // 1..kMaxDescentSteps
  double tol = 1e-8;          // > 0
};

enum class RunVerdict { converged, slow, oscillating, diverged };
std::string_view verdict_name(RunVerdict v);  // "converged", "slow", ...

// Why a run diverged.
enum class Divergence {
  none,
  grew,        // |θ| or |f| passed kDivergeFactor times its start: growing without bound
  growing,     // not huge yet, but f and |θ| kept rising over the last steps
  non_finite,  // a value overflowed to infinity or NaN
  left_domain  // f or a partial derivative is not a real number at θ (log(−1), 1/0)
};

// Growth, relative to the starting size, that counts as "without bound".
inline constexpr double kDivergeFactor = 1e12;

struct DescentStep {
  int k = 0;
  std::vector<double> theta;     // one value per variable, in Descent::variables order
  double value = 0;              // f(θ_k)
  std::vector<double> gradient;  // ∇f(θ_k), same order
};

// The numbers behind a verdict. Which fields mean something depends on the verdict.
struct Reason {
  int step = 0;  // converged / diverged: the step at which it happened
  // converged: what fell below tol ("gradient" or "step") and its size.
  bool by_step_size = false;
  double size = 0;
  // slow: |∇f| at the end, the steps still needed at the current rate of progress (when
  // the gradient is shrinking), and the distance to the minimum (for a quadratic).
  double gradient_norm = 0;
  std::optional<long long> more_steps;
  std::optional<double> distance;
  // diverged: why, where, and what failed there.
  Divergence divergence = Divergence::none;
  std::vector<double> theta;  // θ where it stopped (may be outside the domain)
  double value = 0;           // f there, when finite
  std::string failed;         // left_domain: "f" or the variable whose partial failed
  // oscillating: the two values θ bounces between, f staying level.
  int reversals = 0;  // direction changes over the last window of steps
  int window = 0;
};

struct DescentRun {
  double lr = 0;
  std::vector<DescentStep> steps;  // steps[0] is the start, k = 0
  RunVerdict verdict = RunVerdict::slow;
  Reason reason;
};

// A quadratic with a constant diagonal Hessian (x², x² + 10y², (x−3)²): each step multiplies
// each coordinate's distance to the minimum by (1 − η·f″) along it.
struct Quadratic {
  std::vector<double> curvature;  // f″ along each variable
  // 2 / max f″, the rate above which descent diverges; absent when some f″ ≤ 0 (no minimum).
  std::optional<double> critical_rate;
  // The factor (1 − η·f″) for a rate along a variable.
  double factor(double lr, std::size_t var) const { return 1 - lr * curvature[var]; }
};

struct Descent {
  GiNaC::ex expr;
  std::vector<std::string> variables;  // sorted by name
  std::vector<GiNaC::ex> gradient;     // ∂f/∂v, same order
  std::vector<DescentRun> runs;        // in the order of the rates given
  std::optional<Quadratic> quadratic;
  DescentOptions options;
};

// The starting point from --from: "5" (only when f has one variable), "x=1,y=2" or "θ=pi/4",
// read by parse_point. Throws Error when a value is not a number, a variable is missing or
// given twice, or a name is not in f.
std::map<std::string, double> parse_start(std::string_view text,
                                          const std::vector<std::string>& variables);

// A real number typed as an option value ("0.1", "1e-3", "-2"). Throws Error (key
// descent.not_number, naming OPTION) for anything else, infinities and NaN included.
double parse_real(std::string_view text, std::string_view option);

// Runs gradient descent on F from START once per rate. Throws Error for bad options: no
// variable, a rate ≤ 0, steps outside 1..kMaxDescentSteps, tol ≤ 0, a missing start value.
// A run that leaves f's domain or blows up is not an error: it stops with `diverged`.
Descent descend(const Parsed& f, const std::map<std::string, double>& start,
                const DescentOptions& options, SymbolTable& syms);

}  // namespace tutor
