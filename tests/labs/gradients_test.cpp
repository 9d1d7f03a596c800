// Vanishing and exploding gradients: the chain against bounds and closed forms.
#include "labs/gradients.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "base/errors.hpp"
#include "support/run.hpp"

namespace tutor {
namespace {

using testing::run_in_process;

ChainOptions chain(Activation a, int layers, double weight = 1) {
  return {.activation = a, .layers = layers, .weight = weight};
}

TEST(Gradients, SigmoidOverTwentyLayersVanishesWithinTheBound) {
  Chain c = run_chain(chain(Activation::sigmoid, 20));
  EXPECT_EQ(c.verdict, ChainVerdict::vanishing);
  ASSERT_EQ(c.layers.size(), 20u);
  EXPECT_EQ(c.layers.front().layer, 20);
  EXPECT_EQ(c.layers.back().layer, 1);
  for (const auto& l : c.layers) {
    EXPECT_LE(l.local, 0.25);
    // σ′(z) = σ(z)(1 − σ(z)), from the definition.
    double s = 1 / (1 + std::exp(-l.z));
    EXPECT_NEAR(l.local, s * (1 - s), 1e-15);
  }
  EXPECT_LE(std::abs(c.layers.back().gradient), std::pow(0.25, 20));
  EXPECT_DOUBLE_EQ(c.bound, std::pow(0.25, 20));
  // The first layer, going back from the output, where the product is below 1e-6.
  ASSERT_TRUE(c.verdict_layer.has_value());
  for (const auto& l : c.layers) {
    if (l.layer > *c.verdict_layer) EXPECT_GE(std::abs(l.gradient), 1e-6);
    if (l.layer == *c.verdict_layer) EXPECT_LT(std::abs(l.gradient), 1e-6);
  }
}

TEST(Gradients, ReluWithWeightOneIsStableAtExactlyOne) {
  Chain c = run_chain(chain(Activation::relu, 50));
  EXPECT_EQ(c.verdict, ChainVerdict::stable);
  for (const auto& l : c.layers) {
    EXPECT_EQ(l.local, 1.0);
    EXPECT_EQ(l.gradient, 1.0);
  }
}

TEST(Gradients, DeadReluVanishes) {
  ChainOptions o = chain(Activation::relu, 5);
  o.input = -1;
  EXPECT_EQ(run_chain(o).verdict, ChainVerdict::vanishing);
}

TEST(Gradients, LinearWithWeightOneAndAHalfExplodes) {
  Chain c = run_chain(chain(Activation::linear, 40, 1.5));
  EXPECT_EQ(c.verdict, ChainVerdict::exploding);
  EXPECT_NEAR(c.layers.back().gradient, std::pow(1.5, 40), 1e-12 * std::pow(1.5, 40));
  // Going back n layers multiplies n factors of 1.5: first above 1e6 at n = 35, layer 6.
  int n = 1;
  while (std::pow(1.5, n) <= 1e6) ++n;
  EXPECT_EQ(*c.verdict_layer, 40 - n + 1);
}

TEST(Gradients, ASteadyFactorDecidesInsideTheBounds) {
  // 1.5^20 ≈ 3325 never leaves [1e-6, 1e6], but grows ×1.5 a layer: exploding, from the
  // layer where it passed 100 (1.5^12 ≈ 130 after 12 factors: layer 9).
  Chain c = run_chain(chain(Activation::linear, 20, 1.5));
  EXPECT_EQ(c.verdict, ChainVerdict::exploding);
  EXPECT_EQ(*c.verdict_layer, 9);
  EXPECT_LT(std::abs(c.layers[10].gradient), kSpread);  // layer 10: 1.5^11 ≈ 86
  // A factor near 1 is stable, however deep: 1.05^20 ≈ 2.65.
  EXPECT_EQ(run_chain(chain(Activation::linear, 20, 1.05)).verdict, ChainVerdict::stable);
  // Shrinking by ÷5 a layer vanishes before 1e-6 is reached: 5 sigmoid layers, 4.9e-4.
  c = run_chain(chain(Activation::sigmoid, 5));
  EXPECT_EQ(c.verdict, ChainVerdict::vanishing);
  EXPECT_EQ(*c.verdict_layer, 2);
  // ×100 over 2 layers is ×10 each; ×50 over 100 layers (1.04 each) is no steady growth.
  EXPECT_EQ(run_chain(chain(Activation::linear, 2, 10)).verdict, ChainVerdict::exploding);
  EXPECT_EQ(run_chain(chain(Activation::linear, 100, 1.04)).verdict, ChainVerdict::stable);
}

TEST(Gradients, ClippingRescalesTheWholeGradientToNormC) {
  // 20 linear layers, W = 1.5: the gradient column is 1.5, 1.5², …, 1.5²⁰, with norm
  // √(Σ 1.5^(2j)) ≈ 4461.3. Clipped at 1, every entry is divided by that norm.
  ChainOptions o = chain(Activation::linear, 20, 1.5);
  o.clip = 1;
  Chain c = run_chain(o);
  double sum = 0;
  for (int j = 1; j <= 20; ++j) sum += std::pow(1.5, 2 * j);
  const double norm = std::sqrt(sum);
  EXPECT_NEAR(c.norm, norm, 1e-12 * norm);
  EXPECT_NEAR(c.clip_scale, 1 / norm, 1e-12 / norm);
  double clipped_sum = 0;
  for (const auto& l : c.layers) {
    ASSERT_TRUE(l.clipped.has_value());
    EXPECT_NEAR(*l.clipped, l.gradient / norm, 1e-12 * std::abs(l.gradient / norm));
    clipped_sum += *l.clipped * *l.clipped;
  }
  EXPECT_NEAR(std::sqrt(clipped_sum), 1.0, 1e-12);  // the new norm is C
  // The ratio between neighbouring layers is untouched: still ×1.5 a layer.
  for (std::size_t i = 1; i < c.layers.size(); ++i) {
    EXPECT_NEAR(*c.layers[i].clipped / *c.layers[i - 1].clipped, 1.5, 1e-12);
  }
  EXPECT_EQ(c.unclipped_verdict, ChainVerdict::exploding);
  EXPECT_EQ(c.verdict, ChainVerdict::stable);
  EXPECT_NEAR(*c.layers.back().clipped, std::pow(1.5, 20) / norm, 1e-12);  // ≈ 0.745
}

TEST(Gradients, ClippingBelowTheNormChangesNothing) {
  ChainOptions o = chain(Activation::linear, 3, 2);
  o.clip = 100;  // the column 2, 4, 8 has norm √84 ≈ 9.17
  Chain c = run_chain(o);
  EXPECT_NEAR(c.norm, std::sqrt(84.0), 1e-12);
  EXPECT_EQ(c.clip_scale, 1.0);
  for (const auto& l : c.layers) EXPECT_EQ(*l.clipped, l.gradient);
}

TEST(Gradients, ClippingNeverHelpsAVanishingGradient) {
  for (double cap : {1e-3, 0.1, 1.0, 10.0}) {
    ChainOptions o = chain(Activation::sigmoid, 20);
    o.clip = cap;
    Chain c = run_chain(o);
    EXPECT_EQ(c.unclipped_verdict, ChainVerdict::vanishing);
    EXPECT_EQ(c.verdict, ChainVerdict::vanishing) << cap;
    EXPECT_LE(c.clip_scale, 1.0);
    for (const auto& l : c.layers) EXPECT_LE(std::abs(*l.clipped), std::abs(l.gradient));
  }
}

TEST(Gradients, ClippingAWideSpreadLeavesTheOutputSideVanishing) {
  // 40 layers of ×1.5: the ends differ ×1.5³⁹ ≈ 7.4e6. Scaled to norm 5, the layer next to
  // the output keeps only 1.5·5/‖g‖ ≈ 5e-7, below 1e-6: the size is capped, the spread is not.
  ChainOptions o = chain(Activation::linear, 40, 1.5);
  o.clip = 5;
  Chain c = run_chain(o);
  EXPECT_EQ(c.unclipped_verdict, ChainVerdict::exploding);
  EXPECT_EQ(c.verdict, ChainVerdict::vanishing);
  EXPECT_EQ(c.verdict_layer, 40);
  EXPECT_LT(std::abs(*c.layers.front().clipped), 1e-6);
  EXPECT_LE(std::abs(*c.layers.back().clipped), 5.0);
}

TEST(Gradients, ResidualKeepsTheSigmoidGradientAlive) {
  ChainOptions o = chain(Activation::sigmoid, 20);
  o.residual = true;
  Chain c = run_chain(o);
  EXPECT_EQ(c.verdict, ChainVerdict::stable);
  for (const auto& l : c.layers) {
    double s = 1 / (1 + std::exp(-l.z));
    EXPECT_NEAR(l.local, 1 + s * (1 - s), 1e-15);
    EXPECT_GE(l.gradient, 1.0);
  }
}

TEST(Gradients, BadOptionsThrow) {
  EXPECT_THROW(run_chain(chain(Activation::tanh, 0)), Error);
  EXPECT_THROW(run_chain(chain(Activation::tanh, kMaxLayers + 1)), Error);
  ChainOptions o = chain(Activation::tanh, 3);
  o.clip = 0;
  EXPECT_THROW(run_chain(o), Error);
  EXPECT_FALSE(parse_activation("softmax").has_value());
  EXPECT_EQ(parse_activation("tanh"), Activation::tanh);
}

// ---- the command ----

TEST(GradientsCommand, TextStatesTheSigmoidBound) {
  auto r = run_in_process({"gradients", "--activation", "sigmoid", "--layers", "20"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(testing::has_flowed(r.out, "≤ 0.25, so 20 layers give at most 0.25²⁰ ≈ 9.09495e-13"))
      << r.out;
  EXPECT_TRUE(testing::has_flowed(r.out, "vanishing: |gradient| fell below 1e-6 at layer"))
      << r.out;
  EXPECT_TRUE(testing::has_flowed(r.out, "(log scale)")) << r.out;
}

TEST(GradientsCommand, ClipShowsBothVerdictsAndWhatClippingDoes) {
  auto r = run_in_process(
      {"gradients", "--activation", "linear", "--layers", "20", "--weight", "1.5", "--clip", "1"});
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* part :
       {"without clipping: exploding",
        "clipping by norm: the gradient column's norm ‖g‖ = 4461.3 is above C = 1, so every "
        "entry is multiplied by C/‖g‖ ≈ 0.00022415\n",
        "so it does not help a vanishing one\n",
        "with --clip 1: stable: every layer's |gradient| now lies between 0.000336225 and "
        "0.745356; it reaches the input as 0.745356\n"}) {
    EXPECT_TRUE(testing::has_flowed(r.out, part)) << part << "\n" << r.out;
  }
  // A vanishing chain: the norm is below C, and clipping says it cannot help.
  auto v =
      run_in_process({"gradients", "--activation", "sigmoid", "--layers", "20", "--clip", "1"});
  for (const char* part :
       {"‖g‖ = 0.230602 is not above C = 1, so the gradient is left as it is",
        "with --clip 1: vanishing: clipping never makes a gradient larger; it still reaches the "
        "input as 9.1391e-14"}) {
    EXPECT_TRUE(testing::has_flowed(v.out, part)) << part << "\n" << v.out;
  }
  EXPECT_EQ(v.out.find("--clip 1: stable"), std::string::npos) << v.out;
}

TEST(GradientsCommand, JsonFollowsTheContract) {
  auto r =
      run_in_process({"gradients", "--activation", "relu", "--layers", "3", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["activation"], "relu");
  EXPECT_EQ(j["verdict"], "stable");
  ASSERT_EQ(j["layers"].size(), 3u);
  EXPECT_EQ(j["layers"][0]["layer"], 3);
  EXPECT_EQ(j["layers"][0]["local"], 1.0);
  EXPECT_EQ(j["layers"][2]["gradient"], 1.0);
}

TEST(GradientsCommand, CsvHasAHeaderAndOneRowPerLayer) {
  auto r =
      run_in_process({"gradients", "--activation", "tanh", "--layers", "7", "--format", "csv"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("layer,z,a,local,gradient\n")) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 8);
  auto c = run_in_process(
      {"gradients", "--activation", "tanh", "--layers", "2", "--clip", "1", "--format", "csv"});
  EXPECT_TRUE(c.out.starts_with("layer,z,a,local,gradient,clipped\n")) << c.out;
}

TEST(GradientsCommand, BadInputExitsTwoWithAMessage) {
  const std::pair<std::vector<std::string>, std::string> cases[] = {
      {{"gradients", "--activation", "softmax", "--layers", "3"}, "unknown activation 'softmax'"},
      {{"gradients", "--layers", "3"}, "--activation is required"},
      {{"gradients", "--activation", "relu"}, "--layers is required"},
      {{"gradients", "--activation", "relu", "--layers", "1001"}, "from 1 to 1000"},
      {{"gradients", "--activation", "relu", "--layers", "0"}, "from 1 to 1000"},
      {{"gradients", "--activation", "relu", "--layers", "3", "--clip", "-1"},
       "--clip must be a positive"},
      {{"gradients", "--activation", "relu", "--layers", "3", "--weight", "big"},
       "--weight: 'big' is not a number"},
  };
  for (const auto& [args, message] : cases) {
    auto r = run_in_process(args);
    EXPECT_EQ(r.status, 2) << args[2];
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
  }
  auto ko = run_in_process({"--lang", "ko", "gradients", "--activation", "soft", "--layers", "3"});
  EXPECT_EQ(ko.status, 2);
  EXPECT_NE(ko.err.find("알 수 없는 활성화 함수 'soft'"), std::string::npos) << ko.err;
}

}  // namespace
}  // namespace tutor
