// The final form of a derivative, rule by rule (src/math/forms.hpp), against forms a
// textbook prints, and the real-domain rewrites against values worked out by hand.
#include "math/forms.hpp"

#include <gtest/gtest.h>

#include <array>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "math/equivalence.hpp"
#include "math/print.hpp"
#include "math/symbols.hpp"
#include "math/syntax.hpp"
#include "support/run.hpp"

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

// The forms the textbook prints, through the whole command.
TEST(FormsCommand, TextbookForms) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2x cos(x^2)", "2cos(x²) - 4x²·sin(x²)"},
      {"2x(x+4)", "4x + 8"},
      {"(x+1)(3-x)", "2 - 2x"},
      {"x^3 - 3x^2 + 2", "3x² - 6x"},
      {"relu(3x-1)", "3·step(3x - 1)"},
      {"(3x+1)^2", "6(3x + 1)"},
      {"(2x+1)^3", "6(2x + 1)²"},
      {"sin(x^2)", "2x·cos(x²)"},
      {"sqrt(x^2)", "x/|x|"},
      {"(x^2)^(3/2)", "3x·|x|"},
      {"sqrt(x^2+2x+1)", "(x + 1)/√(x² + 2x + 1)"},
      {"(2x+1)/(x+1)", "1/(x + 1)²"},
  };
  std::string script;
  for (const auto& [e, want] : cases) script += "diff --brief " + e + "\n";
  testing::RunResult r = testing::run_binary({}, script, {}, 60);
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream lines(r.out);
  std::vector<std::string> results;
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("  d/dx ")) results.push_back(line.substr(line.rfind(" = ") + 3));
  }
  ASSERT_EQ(results.size(), cases.size()) << r.out;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(results[i], cases[i].second) << cases[i].first;
  }
}

// The two families that made factor() run without end: a·x² + b·x(x + c) hung exactly when
// gcd(2a, b) > 1, and 118 of 256 quotients (ax + b)/(cx + d). All 985 in one process under
// a time-out, each against the derivative worked out by hand.
TEST(FormsCommand, FormerHangGridsAnswerInTime) {
  std::string script;
  std::vector<std::string> want;
  for (int a = 1; a <= 9; ++a) {
    for (int b = 1; b <= 9; ++b) {
      for (int c = 1; c <= 9; ++c) {
        script += "diff --brief " + std::to_string(a) + "x^2 + " + std::to_string(b) + "x(x+" +
                  std::to_string(c) + ")\n";
        want.push_back(std::to_string(2 * (a + b)) + "x + " + std::to_string(b * c));
      }
    }
  }
  testing::RunResult r = testing::run_binary({}, script, {}, 120);
  ASSERT_EQ(r.status, 0) << r.err.substr(0, 400);
  std::istringstream lines(r.out);
  std::size_t i = 0;
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("  d/dx ")) continue;
    ASSERT_LT(i, want.size());
    EXPECT_EQ(line.substr(line.rfind(" = ") + 3), want[i]) << line;
    ++i;
  }
  EXPECT_EQ(i, want.size());

  script.clear();
  std::vector<std::array<int, 4>> quotients;
  for (int a = 1; a <= 4; ++a)
    for (int b = 1; b <= 4; ++b)
      for (int c = 1; c <= 4; ++c)
        for (int d = 1; d <= 4; ++d) {
          script += "diff --format json (" + std::to_string(a) + "x+" + std::to_string(b) + ")/(" +
                    std::to_string(c) + "x+" + std::to_string(d) + ")\n";
          quotients.push_back({a, b, c, d});
        }
  r = testing::run_binary({}, script, {}, 120);
  ASSERT_EQ(r.status, 0) << r.err.substr(0, 400);
  // One JSON document per line of the script, one after the other.
  std::istringstream docs(r.out);
  SymbolTable syms;
  const ex x = syms.get("x");
  for (const auto& [a, b, c, d] : quotients) {
    nlohmann::json j;
    ASSERT_NO_THROW(docs >> j);
    const ex result = parse(j["derivatives"][0]["result"].get<std::string>(), syms).expr;
    const double at = 0.7;
    const double hand = (a * d - b * c) / ((c * at + d) * (c * at + d));
    auto got = evaluate(result, {{x, GiNaC::numeric(7, 10)}});
    ASSERT_TRUE(got.has_value()) << a << b << c << d;
    EXPECT_NEAR(*got, hand, 1e-12) << "(" << a << "x+" << b << ")/(" << c << "x+" << d << ")";
  }
}

}  // namespace
}  // namespace tutor
