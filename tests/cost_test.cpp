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

TEST(Cost, ExpansionTermsAreBoundedBeforeExpanding) {
  SymbolTable syms;
  ex x = syms.get("x");
  ex y = syms.get("y");
  // (x + 1)^1000·(x + 2)^1000 is 22 characters but 2001 terms once expanded.
  EXPECT_GT(expansion_terms(GiNaC::pow(x + 1, 1000) * GiNaC::pow(x + 2, 1000)), kMaxExpandTerms);
  // (3x + 1)² has 3 terms; the estimate may be high, never low.
  EXPECT_GE(expansion_terms(GiNaC::pow(3 * x + 1, 2)), 3);
  EXPECT_LE(expansion_terms(GiNaC::pow(3 * x + 1, 2)), kMaxExpandTerms);
  // (x + y + 1)^20: C(22, 2) = 231 monomials.
  EXPECT_DOUBLE_EQ(expansion_terms(GiNaC::pow(x + y + 1, 20)), 231);
  // A function's argument is expanded on its own: sin((x + 1)^500) counts 501.
  EXPECT_GE(expansion_terms(GiNaC::sin(GiNaC::pow(x + 1, 500))), 501);
  // (x+1)(x+2)…(x+50): 51 monomials of x, not 2⁵⁰ products.
  ex p = 1;
  for (int i = 1; i <= 50; ++i) p *= x + i;
  EXPECT_DOUBLE_EQ(expansion_terms(p), 51);
}

}  // namespace
}  // namespace tutor
