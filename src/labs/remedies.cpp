#include "labs/remedies.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace tutor {

double input_gradient(const Chain& c) {
  if (c.layers.empty()) return 0;
  const Layer& l = c.layers.back();
  return l.clipped ? *l.clipped : l.gradient;
}

double band_distance(double g) {
  const double a = std::abs(g);
  if (!(a > 0)) return std::numeric_limits<double>::infinity();
  const double d = std::log10(a);
  const double edge = std::log10(kSpread);
  if (d > edge) return d - edge;
  if (d < -edge) return -edge - d;
  return 0;
}

double chain_distance(const Chain& c) {
  double worst = 0;
  for (const Layer& l : c.layers) {
    worst = std::max(worst, band_distance(l.clipped ? *l.clipped : l.gradient));
  }
  return worst;
}

bool improves(const Chain& before, const Chain& after) {
  if (before.verdict == ChainVerdict::stable) return false;
  if (after.verdict == ChainVerdict::stable) return true;
  if (after.verdict != before.verdict) return false;
  const double was = chain_distance(before);
  const double now = chain_distance(after);
  return now < was && now <= was / 2;
}

RemedyKind remedy_kind(const ChainOptions& o, const ChainOptions& candidate) {
  if (candidate.activation != o.activation) return RemedyKind::activation;
  if (candidate.residual != o.residual) return RemedyKind::residual;
  if (candidate.weight != o.weight) return RemedyKind::weight;
  if (candidate.layers != o.layers) return RemedyKind::layers;
  return RemedyKind::clip;
}

std::vector<ChainOptions> remedy_candidates(const ChainOptions& o) {
  std::vector<ChainOptions> out;
  for (Activation a : {Activation::relu, Activation::tanh, Activation::sigmoid}) {
    if (a == o.activation) continue;
    ChainOptions c = o;
    c.activation = a;
    out.push_back(c);
  }
  if (!o.residual) {
    ChainOptions c = o;
    c.residual = true;
    out.push_back(c);
  }
  std::vector<double> weights = {o.weight / 2, o.weight * 2, o.weight < 0 ? -1.0 : 1.0};
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double w = weights[i];
    bool seen = w == o.weight;
    for (std::size_t j = 0; j < i; ++j) seen = seen || weights[j] == w;
    if (seen || !std::isfinite(w)) continue;
    ChainOptions c = o;
    c.weight = w;
    out.push_back(c);
  }
  if (o.layers >= 2) {
    ChainOptions c = o;
    c.layers = o.layers / 2;
    out.push_back(c);
  }
  if (!o.clip || *o.clip != 1) {
    ChainOptions c = o;
    c.clip = 1;
    out.push_back(c);
  }
  return out;
}

std::vector<Remedy> find_remedies(const Chain& c) {
  std::vector<Remedy> out;
  if (c.verdict == ChainVerdict::stable) return out;
  std::optional<Remedy> best_weight;
  double best_distance = 0;
  for (const ChainOptions& o : remedy_candidates(c.options)) {
    const Chain after = run_chain(o);
    if (!improves(c, after)) continue;
    Remedy r{remedy_kind(c.options, o), o, after.verdict, input_gradient(after)};
    if (r.kind != RemedyKind::weight) {
      out.push_back(r);
      continue;
    }
    // Of the weights, the one closest to stable (a stable one first, then the nearer band).
    const double d = after.verdict == ChainVerdict::stable ? -1 : chain_distance(after);
    if (!best_weight || d < best_distance) {
      best_weight = r;
      best_distance = d;
    }
  }
  if (best_weight) {
    // In the candidates' order: after the activations and --residual.
    auto at = out.begin();
    while (at != out.end() &&
           (at->kind == RemedyKind::activation || at->kind == RemedyKind::residual)) {
      ++at;
    }
    out.insert(at, *best_weight);
  }
  return out;
}

}  // namespace tutor
