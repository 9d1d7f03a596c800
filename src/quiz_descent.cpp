#include "quiz_descent.hpp"

#include <algorithm>

#include "tutor/descent.hpp"
#include "tutor/errors.hpp"

namespace tutor::detail {

static_assert(kMaxQuizSteps == kMaxDescentSteps);

double descent_key(const Parsed& f, const std::string& start_text, double lr, int steps,
                   std::string_view wrt, SymbolTable& syms) {
  std::map<std::string, double> start;
  try {
    start = parse_start(start_text, f.variables);
  } catch (const Error& e) {
    throw FieldError("from", e.message());
  }
  DescentOptions o;
  o.rates = {lr};
  o.steps = steps;
  // The key is θ after exactly `steps` steps, so the run must not stop early.
  o.tol = 1e-300;
  Descent d = descend(f, start, o, syms);
  const DescentRun& run = d.runs.front();
  // A run judged diverged after all its steps still has its θ; one stopped early has none.
  if (run.steps.back().k < steps && run.verdict != RunVerdict::converged) {
    throw FieldError("from", Message{"quiz.descent_stops", {std::to_string(run.reason.step)}});
  }
  auto idx = static_cast<std::size_t>(std::find(d.variables.begin(), d.variables.end(), wrt) -
                                      d.variables.begin());
  return run.steps.back().theta.at(idx);
}

}  // namespace tutor::detail
