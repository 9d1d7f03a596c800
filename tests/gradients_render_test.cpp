// The views of a deep chain: the layer table, CSV, JSON and the verdict in words, checked
// against a chain worked by hand (linear, W = 2: every local factor is 2).
#include "tutor/gradients_render.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "tutor/text.hpp"

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
            "폭발 (exploding): 층마다 |그래디언트|가 약 1.5배가 됩니다. 9층에서 100을 넘었고, "
            "입력에는 3325.26(으)로 도달합니다");
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
