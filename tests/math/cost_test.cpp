// Cost estimates made before GiNaC rewrites anything: leaf counts and degree bounds, against
// counts and degrees worked out by hand.
#include "math/cost.hpp"

#include <gtest/gtest.h>

#include "math/symbols.hpp"

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

// Digit counts against numbers whose length is known: 10^999 has 1000 digits.
TEST(Cost, DigitsOfNumbersAndPowers) {
  using GiNaC::numeric;
  EXPECT_EQ(digits_of(numeric(0)), 0);
  EXPECT_EQ(digits_of(numeric(-1)), 0);
  EXPECT_NEAR(digits_of(numeric(1000)), 3, 1e-12);
  EXPECT_NEAR(digits_of(numeric(1, 1000)), 3, 1e-12);  // the denominator
  EXPECT_NEAR(digits_of(numeric(1e-20)), 20, 1e-9);
  // 10^999, past the point where it is worked out from its bits: within 0.31.
  EXPECT_NEAR(digits_of(numeric(10).power(999)), 999, 0.31);
  // 2^(2^40) has about 0.30103·2^40 digits: log10 of that is 11.52.
  EXPECT_NEAR(log10_power_digits(numeric(2), numeric(2).power(40)), 11.52, 0.01);
  EXPECT_EQ(log10_power_digits(numeric(1), numeric(5000)), -1);
  EXPECT_EQ(log10_power_digits(numeric(7), numeric(0)), -1);
}

TEST(Cost, ExponentsAndTheLongestNumber) {
  SymbolTable syms;
  ex x = syms.get("x");
  ex e = GiNaC::pow(x, 5000) + GiNaC::sin(GiNaC::pow(x, -7000)) + GiNaC::pow(GiNaC::numeric(2), x);
  EXPECT_EQ(*largest_symbolic_exponent(e), 7000);
  EXPECT_FALSE(largest_symbolic_exponent(x + 1));
  EXPECT_EQ(largest_exponent(x + 1), 1);
  EXPECT_EQ(largest_exponent(GiNaC::pow(x, 3) + GiNaC::pow(x, -12)), 12);
  // 123456·x^1000: six digits; the exponent is not a number that gets written out.
  EXPECT_NEAR(longest_number_digits(123456 * GiNaC::pow(x, 1000)), 5.09, 0.01);
}

}  // namespace
}  // namespace tutor
