// The final form of a derivative, rule by rule (include/tutor/forms.hpp), against forms a
// textbook prints, and the real-domain rewrites against values worked out by hand.
#include "tutor/forms.hpp"

#include <gtest/gtest.h>

#include "tutor/equivalence.hpp"
#include "tutor/print.hpp"
#include "tutor/symbols.hpp"

namespace tutor {
namespace {

using GiNaC::ex;

class Forms : public ::testing::Test {
 protected:
  SymbolTable syms;
  ex x = syms.get("x");
  static std::string text(const ex& e) { return print(e, Style::text); }
};

TEST_F(Forms, ChainKeepsTheInnerFunctionWhole) {
  EXPECT_EQ(text(chain_form({product_form({2, 3 * x + 1}), 3})), "6(3x + 1)");
  EXPECT_EQ(text(chain_form({3 * GiNaC::pow(2 * x + 1, 2), 2})), "6(2x + 1)²");
  EXPECT_EQ(text(chain_form({GiNaC::cos(GiNaC::pow(x, 2)), 2 * x})), "2x·cos(x²)");
}

TEST_F(Forms, ContentCancelsOnlyANumberUnderTheBar) {
  ex root = GiNaC::sqrt(GiNaC::pow(x, 2) + 2 * x + 1);
  EXPECT_EQ(text(chain_form({GiNaC::numeric(1, 2) / root, 2 * x + 2})), "(x + 1)/√(x² + 2x + 1)");
  // Nothing under the bar: 4(2x + 4) stays as the chain built it.
  EXPECT_EQ(text(chain_form({product_form({2, 2 * x + 4}), 2})), "4(2x + 4)");
}

TEST_F(Forms, PolynomialTermsAreMultipliedOut) {
  // d/dx 2x(x + 4) = 2((x + 4) + x)
  EXPECT_EQ(text(scaled_form(2, sum_form({x + 4, x}))), "4x + 8");
  // d/dx (x² + 1)(x³ − x)
  ex p = GiNaC::pow(x, 2) + 1;
  ex q = GiNaC::pow(x, 3) - x;
  EXPECT_EQ(text(sum_form({product_form({2 * x, q}), product_form({p, 3 * GiNaC::pow(x, 2) - 1})})),
            "5x⁴ - 1");
  // d/dx (x³ − 3x² + 2): expanded in, expanded out.
  EXPECT_EQ(text(sum_form({3 * GiNaC::pow(x, 2), -6 * x, 0})), "3x² - 6x");
}

TEST_F(Forms, PowersOfSumsAndFunctionsStayWhole) {
  ex s = x + 1;
  EXPECT_EQ(text(sum_form({GiNaC::pow(s, 3), product_form({3 * x, GiNaC::pow(s, 2)})})),
            "3x·(x + 1)² + (x + 1)³");
  // d/dx 2x·cos(x²): never −2(2x²·sin(x²) − cos(x²)).
  ex c = GiNaC::cos(GiNaC::pow(x, 2));
  ex sn = GiNaC::sin(GiNaC::pow(x, 2));
  EXPECT_EQ(text(scaled_form(2, sum_form({c, product_form({x, -2 * x, sn})}))),
            "2cos(x²) - 4x²·sin(x²)");
}

TEST_F(Forms, QuotientNumeratorBySumRule) {
  // d/dx (2x + 1)/(x + 1)
  ex d = x + 1;
  EXPECT_EQ(text(quotient_form({product_form({2, d}), product_form({-1, 2 * x + 1})}, d)),
            "1/(x + 1)²");
  // d/dx x/(x² + 1)
  ex d2 = GiNaC::pow(x, 2) + 1;
  EXPECT_EQ(text(quotient_form({d2, product_form({-1, x, 2 * x})}, d2)), "(1 - x²)/(x² + 1)²");
}

TEST_F(Forms, EvenPowersUnderRootsBecomeAbsoluteValues) {
  ex x2 = GiNaC::pow(x, 2);
  EXPECT_EQ(text(real_form(GiNaC::sqrt(x2))), "|x|");
  EXPECT_EQ(text(real_form(GiNaC::pow(x2, GiNaC::numeric(3, 2)))), "|x|³");
  EXPECT_EQ(text(real_form(GiNaC::sqrt(GiNaC::pow(x - 9, -2)))), "1/|x - 9|");
  EXPECT_EQ(text(real_form(GiNaC::sqrt(4 * x2))), "2|x|");
  // |u|² is u², but |u|³ is not u³.
  EXPECT_EQ(text(real_form(GiNaC::pow(GiNaC::abs(x), 2))), "x²");
  EXPECT_EQ(text(real_form(GiNaC::pow(GiNaC::abs(x), 3))), "|x|³");
  // d/dx √(x²) = x/|x|: −1 at x = −2, not 1.
  ex d = chain_form({GiNaC::numeric(1, 2) * GiNaC::pow(x2, GiNaC::numeric(-1, 2)), 2 * x});
  EXPECT_EQ(text(d), "x/|x|");
  EXPECT_EQ(evaluate(d, {{x, -2}}), -1.0);
}

TEST_F(Forms, UnheldDistributesAHeldProduct) {
  ex held = product_form({6, 3 * x + 1});
  EXPECT_EQ(text(held), "6(3x + 1)");
  EXPECT_EQ(text(unheld(held)), "18x + 6");
}

}  // namespace
}  // namespace tutor
