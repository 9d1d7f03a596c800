#include "labs/gradients.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "base/errors.hpp"
#include "base/interrupt.hpp"
#include "math/print.hpp"

namespace tutor {

namespace {

double sigmoid_of(double z) {
  return 1 / (1 + std::exp(-z));
}

struct ActivationInfo {
  Activation id;
  std::string_view name;
  double (*value)(double z);
  double (*slope)(double z);
  double max_slope;
};

// relu′(0) is taken as 0, as autograd libraries and the tutor's step(0) do.
constexpr ActivationInfo kActivations[] = {
    {Activation::sigmoid, "sigmoid", sigmoid_of,
     [](double z) {
       double s = sigmoid_of(z);
       return s * (1 - s);
     },
     0.25},
    {Activation::tanh, "tanh", [](double z) { return std::tanh(z); },
     [](double z) {
       double t = std::tanh(z);
       return 1 - t * t;
     },
     1.0},
    {Activation::relu, "relu", [](double z) { return z > 0 ? z : 0.0; },
     [](double z) { return z > 0 ? 1.0 : 0.0; }, 1.0},
    {Activation::linear, "linear", [](double z) { return z; }, [](double) { return 1.0; }, 1.0},
};

const ActivationInfo& info(Activation a) {
  return kActivations[static_cast<int>(a)];
}

ChainVerdict judge(double g) {
  if (std::abs(g) < kVanishing) return ChainVerdict::vanishing;
  if (!(std::abs(g) <= kExploding)) return ChainVerdict::exploding;
  return ChainVerdict::stable;
}

struct Judged {
  ChainVerdict verdict = ChainVerdict::stable;
  std::optional<int> layer;
};

// The verdict on the gradients G at layers n, n−1, …, 1 (the backward pass's order): the
// first that leaves the absolute bounds decides; else the per-layer factor and the change
// end to end (kLayerFactor, kSpread).
Judged judge_chain(const std::vector<double>& g) {
  const int layers = static_cast<int>(g.size());
  for (int i = 0; i < layers; ++i) {
    if (ChainVerdict v = judge(g[i]); v != ChainVerdict::stable) return {v, layers - i};
  }
  const double end = std::abs(g.back());
  const double factor = std::pow(end, 1.0 / layers);
  ChainVerdict v = ChainVerdict::stable;
  if (end >= kSpread && factor >= kLayerFactor) v = ChainVerdict::exploding;
  if (end <= 1 / kSpread && factor <= 1 / kLayerFactor) v = ChainVerdict::vanishing;
  if (v == ChainVerdict::stable) return {};
  for (int i = 0; i < layers; ++i) {
    const double a = std::abs(g[i]);
    if (v == ChainVerdict::exploding ? a >= kSpread : a <= 1 / kSpread) return {v, layers - i};
  }
  return {v, 1};
}

// A clipped gradient keeps the plain one's ratios, so only its size is judged: the first
// layer, going back, outside [1e−6, 1e6]; else the plain verdict when that is vanishing, since
// clipping never makes a gradient larger.
Judged judge_clipped(const std::vector<double>& g, const Judged& plain) {
  const int layers = static_cast<int>(g.size());
  for (int i = 0; i < layers; ++i) {
    if (ChainVerdict v = judge(g[i]); v != ChainVerdict::stable) return {v, layers - i};
  }
  if (plain.verdict == ChainVerdict::vanishing) return plain;
  return {};
}

// The Euclidean norm of G, scaled by its largest entry so that squares do not overflow.
double norm_of(const std::vector<double>& g) {
  double largest = 0;
  for (double v : g) largest = std::max(largest, std::abs(v));
  if (largest == 0 || !std::isfinite(largest)) return largest;
  double sum = 0;
  for (double v : g) sum += (v / largest) * (v / largest);
  return largest * std::sqrt(sum);
}

}  // namespace

std::optional<Activation> parse_activation(std::string_view name) {
  for (const auto& a : kActivations) {
    if (a.name == name) return a.id;
  }
  return std::nullopt;
}

std::string_view activation_name(Activation a) {
  return info(a).name;
}

std::vector<std::string_view> activation_names() {
  std::vector<std::string_view> out;
  for (const auto& a : kActivations) out.push_back(a.name);
  return out;
}

double max_slope(Activation a) {
  return info(a).max_slope;
}

std::string_view chain_verdict_name(ChainVerdict v) {
  constexpr std::string_view kNames[] = {"vanishing", "exploding", "stable"};
  return kNames[static_cast<int>(v)];
}

Chain run_chain(const ChainOptions& o) {
  if (o.layers < 1 || o.layers > kMaxLayers) {
    throw Error(
        Message{"gradients.bad_layers", {std::to_string(o.layers), std::to_string(kMaxLayers)}});
  }
  if (!std::isfinite(o.weight)) {
    throw Error(Message{"descent.not_number", {"--weight", format_number(o.weight)}});
  }
  if (!std::isfinite(o.input)) {
    throw Error(Message{"descent.not_number", {"--input", format_number(o.input)}});
  }
  if (o.clip && !(*o.clip > 0 && std::isfinite(*o.clip))) {
    throw Error(Message{"gradients.bad_clip", {format_number(*o.clip)}});
  }
  const ActivationInfo& act = info(o.activation);
  Chain c;
  c.options = o;
  c.bound = std::pow(std::abs(o.weight) * act.max_slope, o.layers);

  // Forward: keep z_k, the point where each layer's slope is taken.
  std::vector<Layer> forward;
  double a = o.input;
  for (int k = 1; k <= o.layers; ++k) {
    poll_interrupt();
    Layer l;
    l.layer = k;
    l.z = o.weight * a;
    l.a = act.value(l.z) + (o.residual ? a : 0.0);
    l.local = o.weight * act.slope(l.z) + (o.residual ? 1.0 : 0.0);
    a = l.a;
    forward.push_back(l);
  }

  // Backward, from the output: ∂a_n/∂a_{k−1} = local_k · ∂a_n/∂a_k, starting from ∂a_n/∂a_n = 1.
  double g = 1;
  std::vector<double> plain_path;
  for (int k = o.layers; k >= 1; --k) {
    poll_interrupt();
    Layer l = forward[k - 1];
    g *= l.local;
    l.gradient = g;
    plain_path.push_back(g);
    c.layers.push_back(l);
  }
  c.norm = norm_of(plain_path);
  const Judged plain = judge_chain(plain_path);
  c.unclipped_verdict = plain.verdict;
  c.verdict = plain.verdict;
  c.verdict_layer = plain.layer;
  if (!o.clip) return c;

  // Clipping by norm, after the backward pass: the whole column is rescaled to norm C.
  if (c.norm > *o.clip) c.clip_scale = *o.clip / c.norm;
  std::vector<double> clipped_path;
  for (auto& l : c.layers) {
    l.clipped = l.gradient * c.clip_scale;
    clipped_path.push_back(*l.clipped);
  }
  const Judged flowing = judge_clipped(clipped_path, plain);
  c.verdict = flowing.verdict;
  c.verdict_layer = flowing.layer;
  return c;
}

}  // namespace tutor
