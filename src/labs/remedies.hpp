// What to change in a chain whose gradient vanishes or explodes (labs/gradients.hpp), each
// change tried on the chain itself: only a change that, run, brings the gradient closer to the
// stable range is suggested.
//
//   tutor::Chain c = tutor::run_chain({.activation = tutor::Activation::sigmoid, .layers = 20});
//   std::vector<tutor::Remedy> r = tutor::find_remedies(c);
//   // r[0]: --activation relu, stable, 1 at the input; no larger --weight (it vanishes faster)
#pragma once

#include <vector>

#include "labs/gradients.hpp"

namespace tutor {

// One change of one option: another activation, residual connections, another weight, half
// the layers, or clipping by norm at 1.
enum class RemedyKind { activation, residual, weight, layers, clip };

struct Remedy {
  RemedyKind kind = RemedyKind::activation;
  ChainOptions options;                         // the chain's options with the one change made
  ChainVerdict verdict = ChainVerdict::stable;  // of the changed chain
  double at_input = 0;  // the gradient that reaches its input (clipped with --clip)
};

// The gradient that reaches the input of C: the last layer's, clipped when C was clipped.
double input_gradient(const Chain& c);

// How many decades |G| lies outside [1/kSpread, kSpread]: 0 inside, infinity for 0 (or NaN).
double band_distance(double g);

// The band distance of C's worst layer: the largest over its layers' gradients (clipped with
// --clip; without, the gradient starts near 1 at the output and the worst is the input's).
double chain_distance(const Chain& c);

// Whether AFTER is closer to stable than BEFORE, which is not stable: AFTER is stable, or it
// has BEFORE's verdict and at most half its chain distance (a verdict turned into the other,
// vanishing into exploding or back, is no help).
bool improves(const Chain& before, const Chain& after);

// Every change tried, in order: each other activation but linear, --residual (when off), the
// weights W/2, 2W and ±1 (other than W), half the layers (from 2), --clip 1 (unless already).
std::vector<ChainOptions> remedy_candidates(const ChainOptions& o);

// The candidates that improve C, each run: every activation and the layers and clip that help,
// and of the weights only the one that helps most. Empty when C is stable.
std::vector<Remedy> find_remedies(const Chain& c);

// The kind of change CANDIDATE makes to O.
RemedyKind remedy_kind(const ChainOptions& o, const ChainOptions& candidate);

}  // namespace tutor
