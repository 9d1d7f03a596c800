// Cost estimates made before GiNaC rewrites anything: leaf counts and degree bounds, against
// counts and degrees worked out by hand.
#include "tutor/cost.hpp"

#include <gtest/gtest.h>

#include "tutor/symbols.hpp"

namespace tutor {
namespace {

using GiNaC::ex;

TEST(Cost, LeavesAreCountedOncePerUse) {
  SymbolTable syms;
  ex x = syms.get("x");
  ex y = syms.get("y");
  // x + y: two leaves.
  EXPECT_TRUE(more_leaves_than(x + y, 1));
  EXPECT_FALSE(more_leaves_than(x + y, 2));
  // 3·sin(x)²: 3, x and the exponent 2.
  ex e = 3 * GiNaC::pow(GiNaC::sin(x), 2);
  EXPECT_TRUE(more_leaves_than(e, 2));
  EXPECT_FALSE(more_leaves_than(e, 3));
  // One object used twice counts twice, as it prints twice: sin(x + y)·cos(x + y) has 4.
  ex s = x + y;
  EXPECT_FALSE(more_leaves_than(GiNaC::sin(s) * GiNaC::cos(s), 4));
  EXPECT_TRUE(more_leaves_than(GiNaC::sin(s) * GiNaC::cos(s), 3));
}

TEST(Cost, HighDegreesAreNotCheapToRewrite) {
  SymbolTable syms;
  ex x = syms.get("x");
  // (x + 1)^1000·(x + 2)^1000 is 22 characters but of degree 2000.
  EXPECT_FALSE(cheap_to_rewrite(GiNaC::pow(x + 1, 1000) * GiNaC::pow(x + 2, 1000)));
  EXPECT_TRUE(cheap_to_rewrite(GiNaC::pow(3 * x + 1, 2)));
  EXPECT_DOUBLE_EQ(degree_bound(GiNaC::pow(x + 1, 3) * x), 4);
}

}  // namespace
}  // namespace tutor
