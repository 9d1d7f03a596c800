// Why deep chains lose or blow up their gradient: n layers a_k = act(W·a_{k−1}), run forward
// from an input, then backward, multiplying one local factor W·act′(z_k) per layer.
//
//   tutor::Chain c = tutor::run_chain({.activation = tutor::Activation::sigmoid, .layers = 20});
//   // c.verdict == ChainVerdict::vanishing; |c.layers.back().gradient| <= 0.25^20
//
// n is the number of layers (the lessons keep L for a loss).
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
  int layers = 10;    // 1..kMaxLayers
  double weight = 1;  // W, the same at every layer
  double input = 1;   // a_0: positive, so relu starts on its active side
  // > 0: clipping by norm. Once the backward pass is done, a gradient (the column of every
  // layer's gradient) whose Euclidean norm exceeds C is rescaled as a whole to norm C.
  std::optional<double> clip;
  bool residual = false;  // a_k = a_{k−1} + act(W·a_{k−1})
};

enum class ChainVerdict { vanishing, exploding, stable };
std::string_view chain_verdict_name(ChainVerdict v);

struct Layer {
  int layer = 0;        // k, 1 = next to the input, n = the output
  double z = 0;         // W·a_{k−1}
  double a = 0;         // a_k
  double local = 0;     // ∂a_k/∂a_{k−1}: W·act′(z_k), plus 1 with --residual
  double gradient = 0;  // ∂a_n/∂a_{k−1}: the product of the local factors from n down to k
  std::optional<double> clipped;  // with --clip: gradient × clip_scale
};

struct Chain {
  ChainOptions options;
  std::vector<Layer> layers;  // in the order the backward pass visits them: n first
  // Of the gradient that flows: the clipped one with --clip. Clipping by norm keeps the ratio
  // between layers, so a clipped gradient is judged by size alone: vanishing where a layer's
  // |clipped| is below 1e−6 or where the plain product vanishes (clipping never makes a
  // gradient larger), exploding where one is above 1e6, stable otherwise.
  ChainVerdict verdict = ChainVerdict::stable;
  ChainVerdict unclipped_verdict = ChainVerdict::stable;  // of the plain product
  // Where, going back, |gradient| first left [1e−6, 1e6], or for a verdict from the
  // per-layer factor, first passed kSpread (or 1/kSpread).
  std::optional<int> verdict_layer;
  // (|W|·max act′)^n, the most the product can be without --residual.
  double bound = 0;
  // ‖g‖, the Euclidean norm of the plain gradient column (every layer's gradient), and the
  // factor clipping multiplies it by: C/‖g‖ when ‖g‖ > C, else 1 (also without --clip).
  double norm = 0;
  double clip_scale = 1;
};

// Runs the chain forward and backward. Throws Error when layers is outside 1..kMaxLayers,
// clip is not > 0, or weight or input is not finite.
Chain run_chain(const ChainOptions& options);

}  // namespace tutor
