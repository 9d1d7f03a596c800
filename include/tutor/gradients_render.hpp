// Turning a deep chain (tutor/gradients.hpp) into text: the report `tutor gradients` prints
// (header, the layer table, the bound, the verdict and its remedy, a chart), and its CSV and
// JSON. Each returns a string (or JSON) and prints nothing.
//
//   tutor::Chain c = tutor::run_chain({.activation = tutor::Activation::sigmoid, .layers = 20});
//   std::string v = tutor::gradients_verdict(c, tutor::Lang::en, false);
//   // "vanishing: |gradient| fell below 1e-6 at layer 11 and reaches the input as 9.1391e-14"
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "tutor/gradients.hpp"
#include "tutor/view.hpp"

namespace tutor {

// The verdict in words: what crossed which threshold at which layer, and what reaches the
// input. CLIPPED: of the gradient with --clip applied (C must have been run with a clip).
std::string gradients_verdict(const Chain& c, Lang lang, bool clipped);

// layer | z | a | local | gradient [| clipped], the first and last ten layers of a long chain,
// at most WIDTH columns wide (tutor/table.hpp).
std::string gradients_table(const Chain& c, Lang lang, std::size_t width = 80);

// The most the product can be: (|W|·max act′)^L, or why a residual chain has no such bound.
std::string gradients_bound(const Chain& c, Lang lang);

// |gradient| against the layer on a log axis, with the clipped gradient beside it.
std::string gradients_chart(const Chain& c, const ViewOptions& view);

// The whole text report: header, table, bound, verdicts, remedy and chart.
std::string gradients_text(const Chain& c, const ViewOptions& view);

// One line per layer: layer,z,a,local,gradient[,clipped], full precision.
std::string gradients_csv(const Chain& c);

// The JSON of `tutor gradients --format json` in the README ("Vanishing and exploding
// gradients"): ({"activation", "verdict", "layers": [{"layer", "local",
// "gradient"}]}), plus the options, the bound and each layer's z, a and clipped gradient.
nlohmann::ordered_json gradients_json(const Chain& c);

}  // namespace tutor
