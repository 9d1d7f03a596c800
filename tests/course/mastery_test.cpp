// Bayesian Knowledge Tracing against values worked out by hand from its formulas.
#include "course/mastery.hpp"

#include <gtest/gtest.h>

namespace tutor {
namespace {

// With init 0.1, learn 0.15, slip 0.1, guess 0.1:
//   right from 0.1:   0.1·0.9 / (0.09 + 0.9·0.1) = 0.5;        0.5 + 0.5·0.15 = 0.575
//   right from 0.575: 0.5175 / (0.5175 + 0.425·0.1) = 0.924107; + 0.075893·0.15 = 0.935491
//   right again:      0.841942 / (0.841942 + 0.064509·0.1) = 0.992396; → 0.993537
//   wrong from 0.1:   0.01 / (0.01 + 0.9·0.9) = 0.012195;      + 0.987805·0.15 = 0.160366
//   wrong from 0.9:   0.09 / (0.09 + 0.1·0.9) = 0.5;           → 0.575
TEST(Bkt, RightAnswersRaiseTheEstimateAsComputedByHand) {
  double p = bkt_update(kBktInit, true);
  EXPECT_NEAR(p, 0.575, 1e-12);
  p = bkt_update(p, true);
  EXPECT_NEAR(p, 0.935491, 1e-6);
  EXPECT_FALSE(is_mastered(p));  // two right tries are not mastery
  p = bkt_update(p, true);
  EXPECT_NEAR(p, 0.993537, 1e-6);
  EXPECT_TRUE(is_mastered(p));
}

TEST(Bkt, WrongAnswersAsComputedByHand) {
  EXPECT_NEAR(bkt_update(kBktInit, false), 0.160366, 1e-6);
  // One slip from a confident estimate pulls it back below mastery, not to nothing.
  EXPECT_NEAR(bkt_update(0.9, false), 0.575, 1e-12);
}

TEST(Bkt, StaysAProbability) {
  double p = kBktInit;
  for (int i = 0; i < 100; ++i) {
    p = bkt_update(p, i % 3 != 0);
    EXPECT_GT(p, 0);
    EXPECT_LE(p, 1);
  }
  // Learning never stops: even all wrong answers keep the estimate at least kBktLearn.
  EXPECT_GE(bkt_update(0.0, false), kBktLearn - 1e-12);
}

TEST(Bkt, LevelsAndBars) {
  EXPECT_EQ(level_for(0.1), 1);
  EXPECT_EQ(level_for(0.575), 2);
  EXPECT_EQ(level_for(0.935), 3);
  EXPECT_EQ(mastery_bar(0.575, true), "######....");
  EXPECT_EQ(mastery_bar(1.0, false), "██████████");
  EXPECT_EQ(mastery_bar(0.0, true, 4), "....");
}

}  // namespace
}  // namespace tutor
