// The remedies of a vanishing or exploding chain: each suggested change is run again here and
// must bring the gradient closer to the stable range, and a change that would make it stable
// is not left out.
#include "labs/remedies.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "labs/gradients_render.hpp"

namespace tutor {
namespace {

// Decades between |g| and [0.01, 100], worked out apart from the code under test.
double outside(double g) {
  const double a = std::abs(g);
  if (!(a > 0)) return std::numeric_limits<double>::infinity();
  return std::max(0.0, std::abs(std::log10(a)) - 2);
}

// The gradient that reaches the input, clipped when the chain was clipped.
double at_input(const Chain& c) {
  return c.layers.back().clipped.value_or(c.layers.back().gradient);
}

// The gradient's distance to the stable band: that of its layer farthest from it.
double farthest(const Chain& c) {
  double d = 0;
  for (const Layer& l : c.layers) d = std::max(d, outside(l.clipped.value_or(l.gradient)));
  return d;
}

// Whether AFTER helps BEFORE: its verdict turns stable, or keeps BEFORE's and the gradient's
// distance to the stable band shrinks.
bool helps(const Chain& before, const Chain& after) {
  if (before.verdict == ChainVerdict::stable) return false;
  if (after.verdict == ChainVerdict::stable) return true;
  return after.verdict == before.verdict && farthest(after) < farthest(before);
}

std::vector<ChainOptions> runs() {
  std::vector<ChainOptions> out;
  for (Activation a :
       {Activation::sigmoid, Activation::tanh, Activation::relu, Activation::linear}) {
    for (double w : {-2.0, 0.25, 0.5, 1.0, 1.5, 2.0, 4.0}) {
      for (int n : {5, 20, 60}) {
        out.push_back({.activation = a, .layers = n, .weight = w});
      }
    }
  }
  // Clipped, residual and dead chains.
  out.push_back({.activation = Activation::linear, .layers = 40, .weight = 1.5, .clip = 5});
  out.push_back({.activation = Activation::linear, .layers = 20, .weight = 3, .clip = 1e9});
  out.push_back({.activation = Activation::sigmoid, .layers = 20, .clip = 1});
  out.push_back({.activation = Activation::tanh, .layers = 30, .weight = 3, .residual = true});
  out.push_back({.activation = Activation::relu, .layers = 10, .input = -1});
  out.push_back({.activation = Activation::sigmoid, .layers = 20, .weight = 4, .clip = 0.01});
  out.push_back({.activation = Activation::tanh, .layers = 60, .weight = 0.5, .clip = 1e-3});
  return out;
}

TEST(Remedies, EverySuggestionHelpsWhenRunAgain) {
  int vanishing = 0, exploding = 0, suggested = 0;
  for (const ChainOptions& o : runs()) {
    const Chain c = run_chain(o);
    const auto remedies = find_remedies(c);
    if (c.verdict == ChainVerdict::stable) {
      EXPECT_TRUE(remedies.empty());
      continue;
    }
    (c.verdict == ChainVerdict::vanishing ? vanishing : exploding) += 1;
    for (const Remedy& r : remedies) {
      ++suggested;
      const Chain after = run_chain(r.options);
      EXPECT_TRUE(helps(c, after))
          << activation_name(o.activation) << " W=" << o.weight << " n=" << o.layers << " -> "
          << gradients_remedies(c, Lang::en);
      EXPECT_EQ(r.verdict, after.verdict);
      EXPECT_EQ(r.at_input, at_input(after));
      // Clipping never helps a vanishing gradient, so it is never offered for one.
      if (c.verdict == ChainVerdict::vanishing) EXPECT_NE(r.kind, RemedyKind::clip);
    }
  }
  // The set covers both kinds, and suggestions were made.
  EXPECT_GT(vanishing, 10);
  EXPECT_GT(exploding, 10);
  EXPECT_GT(suggested, 40);
}

TEST(Remedies, NoChangeThatMakesItStableIsLeftOut) {
  for (const ChainOptions& o : runs()) {
    const Chain c = run_chain(o);
    if (c.verdict == ChainVerdict::stable) continue;
    const auto remedies = find_remedies(c);
    bool weight_offered = false;
    for (const Remedy& r : remedies) weight_offered |= r.kind == RemedyKind::weight;
    for (const ChainOptions& candidate : remedy_candidates(o)) {
      const Chain after = run_chain(candidate);
      bool offered = false;
      for (const Remedy& r : remedies) {
        offered |= r.options.activation == candidate.activation &&
                   r.options.residual == candidate.residual &&
                   r.options.weight == candidate.weight && r.options.layers == candidate.layers &&
                   r.options.clip == candidate.clip;
      }
      if (!helps(c, after)) {
        EXPECT_FALSE(offered);
      } else if (after.verdict == ChainVerdict::stable) {
        // Only one weight is offered: the best of those that help.
        const bool weight = remedy_kind(o, candidate) == RemedyKind::weight;
        EXPECT_TRUE(offered || (weight && weight_offered))
            << activation_name(o.activation) << " W=" << o.weight << " n=" << o.layers;
      }
    }
  }
}

TEST(Remedies, ALargerWeightIsNotOfferedForTheSigmoid) {
  // W·σ′(W·a): a larger W pushes z to where σ′ is tiny. With W = 4 the gradient at the input
  // is 3.9e-23, against 9.1e-14 with W = 1.
  const Chain w4 = run_chain({.activation = Activation::sigmoid, .layers = 20, .weight = 4});
  const Chain w1 = run_chain({.activation = Activation::sigmoid, .layers = 20, .weight = 1});
  EXPECT_NEAR(w4.layers.back().gradient, 3.9e-23, 0.1e-23);
  EXPECT_NEAR(w1.layers.back().gradient, 9.14e-14, 0.01e-14);
  for (const Chain* c : {&w1, &w4}) {
    for (const Remedy& r : find_remedies(*c)) {
      if (r.kind == RemedyKind::weight) EXPECT_LT(r.options.weight, c->options.weight);
    }
  }
}

TEST(Remedies, AClippedExplosionIsNoCureForAVanishingChain) {
  // 20 sigmoid layers, W = 4, clipped at 0.01: relu with W = 4 explodes (×4 a layer), and
  // clipping its norm to 0.01 leaves the layer next to the output about 4e-14. Its input gets
  // 0.0097, but the gradient as a whole is no nearer the stable band: relu is not offered.
  const Chain c =
      run_chain({.activation = Activation::sigmoid, .layers = 20, .weight = 4, .clip = 0.01});
  ASSERT_EQ(c.verdict, ChainVerdict::vanishing);
  ChainOptions relu = c.options;
  relu.activation = Activation::relu;
  const Chain r = run_chain(relu);
  EXPECT_EQ(r.unclipped_verdict, ChainVerdict::exploding);
  EXPECT_LT(std::abs(*r.layers.front().clipped), 1e-13);
  EXPECT_NEAR(*r.layers.back().clipped, 0.0097, 0.0001);
  for (const Remedy& x : find_remedies(c)) EXPECT_NE(x.options.activation, Activation::relu);
}

TEST(Remedies, TheCoursesTwoChains) {
  // 20 sigmoid layers: relu (1 at the input), tanh (0.0161: above 1/100, stable), residual
  // connections (1.50469), and half the layers (2.78e-7: still vanishing, 6 decades nearer).
  const Chain s = run_chain({.activation = Activation::sigmoid, .layers = 20});
  auto r = find_remedies(s);
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].options.activation, Activation::relu);
  EXPECT_EQ(r[0].at_input, 1.0);
  EXPECT_EQ(r[1].options.activation, Activation::tanh);
  EXPECT_NEAR(r[1].at_input, 0.0161098, 1e-7);
  EXPECT_EQ(r[2].kind, RemedyKind::residual);
  EXPECT_NEAR(r[2].at_input, 1.50469, 1e-5);
  EXPECT_EQ(r[3].kind, RemedyKind::layers);
  EXPECT_EQ(r[3].options.layers, 10);
  EXPECT_EQ(r[3].verdict, ChainVerdict::vanishing);
  EXPECT_NEAR(r[3].at_input, 2.78477e-7, 1e-12);
  // 20 linear layers with W = 1.5: W = 1 (every factor 1), 10 layers (1.5¹⁰ ≈ 57.7: stable),
  // or clipping at 1 (0.745 at the input). relu keeps the same factor 1.5, and tanh or the
  // sigmoid turn it into a vanishing gradient: none is offered.
  const Chain e = run_chain({.activation = Activation::linear, .layers = 20, .weight = 1.5});
  r = find_remedies(e);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].kind, RemedyKind::weight);
  EXPECT_EQ(r[0].options.weight, 1.0);
  EXPECT_EQ(r[0].at_input, 1.0);
  EXPECT_EQ(r[1].kind, RemedyKind::layers);
  EXPECT_NEAR(r[1].at_input, std::pow(1.5, 10), 1e-9);
  EXPECT_EQ(r[2].kind, RemedyKind::clip);
  EXPECT_NEAR(r[2].at_input, 0.745356, 1e-6);
  for (const auto& x : r) EXPECT_EQ(x.verdict, ChainVerdict::stable);
}

TEST(Remedies, BandDistance) {
  EXPECT_EQ(band_distance(1), 0);
  EXPECT_EQ(band_distance(-50), 0);
  EXPECT_DOUBLE_EQ(band_distance(1e5), 3);
  EXPECT_DOUBLE_EQ(band_distance(1e-6), 4);
  EXPECT_TRUE(std::isinf(band_distance(0)));
}

TEST(Remedies, Text) {
  const Chain s = run_chain({.activation = Activation::sigmoid, .layers = 20});
  EXPECT_EQ(gradients_remedies(s, Lang::en),
            "remedies, each tried on this chain:\n"
            "  --activation relu: stable, |gradient| at the input = 1\n"
            "    dead ReLU: a unit whose input stays negative gets zero gradient and stops "
            "learning\n"
            "  --activation tanh: stable, |gradient| at the input = 0.0161098\n"
            "  --residual: stable, |gradient| at the input = 1.50469\n"
            "  --layers 10: vanishing, |gradient| at the input = 2.78477e-07\n");
  EXPECT_TRUE(gradients_remedies(s, Lang::ko)
                  .starts_with("해결책 (이 사슬에서 하나씩 바꿔 실행한 결과):\n"
                               "  --activation relu: 안정, 입력에서 |그래디언트| = 1\n"
                               "    죽은 ReLU: "))
      << gradients_remedies(s, Lang::ko);
  EXPECT_EQ(gradients_remedies(run_chain({.activation = Activation::relu, .layers = 3}), Lang::en),
            "");
}

}  // namespace
}  // namespace tutor
