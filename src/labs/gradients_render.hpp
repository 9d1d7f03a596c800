// Turning a deep chain (labs/gradients.hpp) into text: the report `tutor gradients` prints
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

#include "base/view.hpp"
#include "labs/gradients.hpp"

namespace tutor {

// The verdict in words: what crossed which threshold at which layer, and what reaches the
// input. CLIPPED: of the gradient with --clip applied (C must have been run with a clip),
// which speaks of sizes, as clipping by norm keeps the ratio between layers.
std::string gradients_verdict(const Chain& c, Lang lang, bool clipped);

// What clipping by norm did (the norm, C and the factor applied, or that nothing changed),
// and what it does not fix; one line each. C must have been run with a clip.
std::string gradients_clipping(const Chain& c, Lang lang);

// The remedies of labs/remedies.hpp, each with the verdict and input gradient it gave when
// run, one line each under a heading (and the dead-ReLU caveat under relu); a line saying
// that none helps; or nothing for a stable chain.
std::string gradients_remedies(const Chain& c, Lang lang);

// layer | z | a | local | gradient [| clipped], the first and last ten layers of a long chain,
// at most WIDTH columns wide (base/table.hpp).
std::string gradients_table(const Chain& c, Lang lang, std::size_t width = 80);

// The most the product can be: (|W|·max act′)ⁿ, or why a residual chain has no such bound.
std::string gradients_bound(const Chain& c, Lang lang);

// |gradient| against the layer on a log axis, with the clipped gradient beside it.
std::string gradients_chart(const Chain& c, const ViewOptions& view);

// The whole text report: header, table, bound, verdicts (and clipping), remedies and chart.
std::string gradients_text(const Chain& c, const ViewOptions& view);

// One line per layer: layer,z,a,local,gradient[,clipped], full precision.
std::string gradients_csv(const Chain& c);

// The JSON of `tutor gradients --format json` in the README ("Vanishing and exploding
// gradients"): ({"activation", "verdict", "layers": [{"layer", "local",
// "gradient"}]}), plus the options, the bound and each layer's z, a and clipped gradient;
// with --clip, also the gradient's norm and the factor clipping applied ("norm", "clip_scale").
nlohmann::ordered_json gradients_json(const Chain& c);

}  // namespace tutor
