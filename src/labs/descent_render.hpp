// Turning gradient descent (labs/descent.hpp) into text: the report `tutor descent` prints
// (header, the runs side by side, each verdict's reason, the quadratic's explanation, a
// chart), and its CSV and JSON. Each returns a string (or JSON) and prints nothing.
//
//   tutor::Descent d = tutor::descend(p, {{"x", 5}}, {.rates = {0.1}}, syms);
//   std::string t = tutor::descent_table(d, {});
//   // "  η = 0.1\n  k   x            f\n  0   5            25\n..."
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/view.hpp"
#include "labs/descent.hpp"

namespace tutor {

// Why RUN of D got its verdict, in words: "converged at step 84: |∇f| = 8.1e-09 fell below
// tol 1e-08".
std::string descent_reason(const Descent& d, const DescentRun& run, Lang lang);

// The header: the function, the start, the steps and tolerance, the gradient and the update
// rule, three lines.
std::string descent_header(const Descent& d, const ViewOptions& view);

// The runs side by side, each a block of k, θ and f: the first steps, a ⋮, the last steps,
// the rate above and the verdict below; then one line per run with the reason.
std::string descent_table(const Descent& d, const ViewOptions& view);

// For a quadratic, why each rate does what it does: the factor (1 − η·f″) against the
// critical rate 2/f″. Empty for any other function.
std::string descent_why(const Descent& d, const ViewOptions& view);

// f(θ_k) against k, one series per rate.
std::string descent_chart(const Descent& d, const ViewOptions& view);

// The whole text report: header, table, explanation and chart, with blank lines between.
std::string descent_text(const Descent& d, const ViewOptions& view);

// One line per step of every run: lr,k,theta…,value,gradient…, full precision.
std::string descent_csv(const Descent& d);

// The JSON of `tutor descent --format json` (README, "Gradient descent lab"): ({"expression",
// "runs": [{"lr", "verdict", "steps": [{"k", "theta", "value", "gradient"}]}]}), plus the input,
// gradient, options, each run's reason (with its text in LANG) and, for a quadratic, the curvature
// and factors.
nlohmann::ordered_json descent_json(const Descent& d, std::string_view input, Lang lang);

}  // namespace tutor
