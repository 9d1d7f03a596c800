// The views of a deep chain: the layer table, CSV, JSON and the verdict in words, checked
// against a chain worked by hand (linear, W = 2: every local factor is 2).
#include "labs/gradients_render.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "base/text.hpp"

namespace tutor {
namespace {

Chain linear3() {
  return run_chain({.activation = Activation::linear, .layers = 3, .weight = 2});
}

TEST(GradientsRender, Table) {
  // a_0 = 1, a_k = 2·a_(k−1); going back from layer 3 the gradient doubles each layer.
  EXPECT_EQ(gradients_table(linear3(), Lang::en),
            "  layer   z   a   local   gradient\n"
            "  3       8   8   2       2\n"
            "  2       4   4   2       4\n"
            "  1       2   2   2       8\n");
}

TEST(GradientsRender, LongChainsSkipTheMiddleInOneLine) {
  std::string t =
      gradients_table(run_chain({.activation = Activation::sigmoid, .layers = 40}), Lang::en);
  // The header, ten layers, the note, ten layers.
  EXPECT_EQ(std::count(t.begin(), t.end(), '\n'), 22);
  EXPECT_NE(t.find("\n  40 "), std::string::npos) << t;
  EXPECT_NE(t.find("\n  1 "), std::string::npos) << t;
  EXPECT_EQ(t.find("\n  20 "), std::string::npos) << t;
}

TEST(GradientsRender, Csv) {
  EXPECT_EQ(gradients_csv(linear3()),
            "layer,z,a,local,gradient\n3,8,8,2,2\n2,4,4,2,4\n1,2,2,2,8\n");
}

TEST(GradientsRender, Json) {
  auto j = gradients_json(linear3());
  EXPECT_EQ(j["activation"], "linear");
  EXPECT_EQ(j["verdict"], "stable");
  ASSERT_EQ(j["layers"].size(), 3u);
  EXPECT_EQ(j["layers"][2]["layer"], 1);
  EXPECT_EQ(j["layers"][2]["gradient"], 8.0);
  EXPECT_EQ(j["bound"], 8.0);  // (|W|·1)^3
}

TEST(GradientsRender, ClippingByNorm) {
  // The column 2, 4, 8 has norm √84 ≈ 9.16515; clipped at 2 it is multiplied by
  // 2/√84 ≈ 0.218218 into 0.436436, 0.872872, 1.74574.
  ChainOptions o{.activation = Activation::linear, .layers = 3, .weight = 2, .clip = 2};
  Chain c = run_chain(o);
  EXPECT_EQ(gradients_clipping(c, Lang::en),
            "clipping by norm: the gradient column's norm ‖g‖ = 9.16515 is above C = 2, so every "
            "entry is multiplied by C/‖g‖ ≈ 0.218218\n"
            "clipping caps the size of the gradient but keeps the ratio between layers; it never "
            "makes a gradient larger, so it does not help a vanishing one\n");
  EXPECT_EQ(gradients_verdict(c, Lang::en, true),
            "stable: every layer's |gradient| now lies between 0.436436 and 1.74574; it reaches "
            "the input as 1.74574");
  EXPECT_EQ(gradients_table(c, Lang::en),
            "  layer   z   a   local   gradient   clipped\n"
            "  3       8   8   2       2          0.436436\n"
            "  2       4   4   2       4          0.872872\n"
            "  1       2   2   2       8          1.74574\n");
  auto j = gradients_json(c);
  EXPECT_DOUBLE_EQ(j["norm"].get<double>(), std::sqrt(84.0));
  EXPECT_DOUBLE_EQ(j["clip_scale"].get<double>(), 2 / std::sqrt(84.0));
  EXPECT_FALSE(gradients_json(linear3()).contains("norm"));
  o.clip = 10;
  EXPECT_TRUE(gradients_clipping(run_chain(o), Lang::en)
                  .starts_with("clipping by norm: the gradient column's norm ‖g‖ = 9.16515 is "
                               "not above C = 10, so the gradient is left as it is\n"));
}

TEST(GradientsRender, TheBoundSaysTheFactorIsWTimesTheSlope) {
  EXPECT_EQ(gradients_bound(run_chain({.activation = Activation::sigmoid, .layers = 20}), Lang::en),
            "each factor is W·σ′(zₖ) with |W| = 1 and σ′(z) = σ(z)(1 − σ(z)) ≤ 0.25, so 20 layers "
            "give at most 0.25²⁰ ≈ 9.09495e-13");
  // W = 2: the factor 2·σ′ can reach 0.5, and 0.5¹² ≈ 0.000244.
  EXPECT_EQ(
      gradients_bound(run_chain({.activation = Activation::sigmoid, .layers = 12, .weight = 2}),
                      Lang::en),
      "each factor is W·σ′(zₖ) with σ′ ≤ 0.25 and |W| = 2, so 12 layers give at most "
      "(0.5)¹² ≈ 0.000244141");
}

TEST(GradientsRender, VerdictNamesTheLayer) {
  // sigmoid, W = 1: each factor is at most 1/4, and 4^-10 ≈ 9.5e-7 < 1e-6.
  Chain c = run_chain({.activation = Activation::sigmoid, .layers = 20});
  const std::string v = gradients_verdict(c, Lang::en, false);
  EXPECT_TRUE(v.starts_with("vanishing: |gradient| fell below 1e-6 at layer ")) << v;
}

TEST(GradientsRender, VerdictFromASteadyFactorSaysSo) {
  // The course's exploding chain, 1.5^20 ≈ 3325: inside 1e6, but ×1.5 at every layer.
  Chain c = run_chain({.activation = Activation::linear, .layers = 20, .weight = 1.5});
  EXPECT_EQ(gradients_verdict(c, Lang::en, false),
            "exploding: each layer multiplies |gradient| by about 1.5; it passed 100 at layer 9 "
            "and reaches the input as 3325.26");
  EXPECT_EQ(gradients_verdict(c, Lang::ko, false),
            "폭발: 층마다 |그래디언트|가 약 1.5배가 됩니다. 9층에서 100을 넘었고, "
            "입력에는 3325.26으로 도달합니다");
}

// The widest line of TEXT, in display columns.
std::size_t widest_line(const std::string& text) {
  std::size_t w = 0;
  for (const auto& l : split_lines(text)) w = std::max(w, display_width(l));
  return w;
}

TEST(GradientsRender, EveryLineFitsTheWidth) {
  const Chain plain = run_chain({.activation = Activation::sigmoid, .layers = 20});
  const Chain clipped =
      run_chain({.activation = Activation::linear, .layers = 20, .weight = 1.5, .clip = 1.0});
  for (Lang lang : {Lang::en, Lang::ko}) {
    for (std::size_t width : {80u, 60u}) {
      for (const Chain* c : {&plain, &clipped}) {
        const std::string text = gradients_text(*c, {.lang = lang, .width = width});
        EXPECT_LE(widest_line(text), width) << width << "\n" << text;
      }
    }
  }
}

}  // namespace
}  // namespace tutor
