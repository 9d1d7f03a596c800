// Why deep chains lose or blow up their gradient: L layers a_k = act(W·a_{k−1}), run forward
// from an input, then backward, multiplying one local factor W·act′(z_k) per layer.
//
//   tutor::Chain c = tutor::run_chain({.activation = tutor::Activation::sigmoid, .layers = 20});
//   // c.verdict == ChainVerdict::vanishing; |c.layers.back().gradient| <= 0.25^20
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace tutor {

enum class Activation { sigmoid, tanh, relu, linear };

// "sigmoid" → Activation::sigmoid; nullopt for an unknown name.
std::optional<Activation> parse_activation(std::string_view name);
std::string_view activation_name(Activation a);
// The names accepted, in order: sigmoid, tanh, relu, linear.
std::vector<std::string_view> activation_names();
// The largest act′ can be: 0.25 for sigmoid (at 0), 1 for the others.
double max_slope(Activation a);

// The most layers a chain may have; more says nothing new and only fills the screen.
inline constexpr int kMaxLayers = 1000;
// Thresholds of the verdict: a gradient past these has vanished or exploded, however it got
// there.
inline constexpr double kVanishing = 1e-6;
inline constexpr double kExploding = 1e6;
// Inside them, the verdict comes from how the gradient changes: a steady factor of at least
// kLayerFactor a layer (or at most its inverse) that has changed it by kSpread end to end (or
// shrunk it by as much) explodes (vanishes). 20 linear layers with W = 1.5 grow it ×3325:
// exploding; W = 1.05 grows it ×2.7: stable.
inline constexpr double kLayerFactor = 1.1;
inline constexpr double kSpread = 100;

struct ChainOptions {
  Activation activation = Activation::sigmoid;
  int layers = 10;             // 1..kMaxLayers
  double weight = 1;           // W, the same at every layer
  double input = 1;            // a_0: positive, so relu starts on its active side
  std::optional<double> clip;  // > 0: cap on |gradient| at each layer of the backward pass
  bool residual = false;       // a_k = a_{k−1} + act(W·a_{k−1})
};

enum class ChainVerdict { vanishing, exploding, stable };
std::string_view chain_verdict_name(ChainVerdict v);

struct Layer {
  int layer = 0;        // k, 1 = next to the input, L = the output
  double z = 0;         // W·a_{k−1}
  double a = 0;         // a_k
  double local = 0;     // ∂a_k/∂a_{k−1}: W·act′(z_k), plus 1 with --residual
  double gradient = 0;  // ∂a_L/∂a_{k−1}: the product of the local factors from L down to k
  std::optional<double> clipped;  // the same with --clip applied at every layer
};

struct Chain {
  ChainOptions options;
  std::vector<Layer> layers;  // in the order the backward pass visits them: L first
  ChainVerdict verdict = ChainVerdict::stable;            // of the gradient that flows (clipped)
  ChainVerdict unclipped_verdict = ChainVerdict::stable;  // of the plain product
  // Where, going back, |gradient| first left [1e−6, 1e6], or for a verdict from the
  // per-layer factor, first passed kSpread (or 1/kSpread).
  std::optional<int> verdict_layer;
  // (|W|·max act′)^L, the most the product can be without --residual.
  double bound = 0;
};

// Runs the chain forward and backward. Throws Error when layers is outside 1..kMaxLayers,
// clip is not > 0, or weight or input is not finite.
Chain run_chain(const ChainOptions& options);

}  // namespace tutor
