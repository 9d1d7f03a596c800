// The step engine: every step's derivative against GiNaC's own diff, over generated
// expressions and the course's examples.
#include "math/steps.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "math/equivalence.hpp"
#include "math/print.hpp"
#include "math/symbols.hpp"
#include "math/syntax.hpp"
#include "support/random_expr.hpp"

namespace tutor {
namespace {

using GiNaC::ex;

// Whether A and B are the same function of VARS: symbolically, or at sample points.
::testing::AssertionResult same_function(const ex& a, const ex& b, const std::vector<ex>& vars) {
  Equivalence r = compare_functions(a, b, vars);
  if (r.verdict == Agreement::equal) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << print(a, Style::input) << " vs " << print(b, Style::input)
         << (r.verdict == Agreement::different ? " differ" : " could not be compared");
}

std::vector<ex> symbols_in(const ex& e) {
  std::vector<ex> out;
  GiNaC::exset seen;
  std::function<void(const ex&)> walk = [&](const ex& x) {
    if (GiNaC::is_a<GiNaC::symbol>(x)) {
      if (seen.insert(x).second) out.push_back(x);
      return;
    }
    for (std::size_t i = 0; i < x.nops(); ++i) walk(x.op(i));
  };
  walk(e);
  return out;
}

// Checks S and every step below it against GiNaC's diff, and the links of every chain.
void check_tree(const Step& s, int& undecided) {
  ex reference = s.expression.diff(GiNaC::ex_to<GiNaC::symbol>(s.wrt));
  std::vector<ex> vars = symbols_in(s.expression);
  Equivalence r =
      compare_functions(s.derivative, reference, vars.empty() ? std::vector<ex>{s.wrt} : vars);
  if (r.verdict == Agreement::undecided) {
    ++undecided;
  } else {
    EXPECT_EQ(r.verdict, Agreement::equal)
        << rule_id(s.rule) << ": d/d" << print(s.wrt, Style::input) << " "
        << print(s.expression, Style::input) << " gave " << print(s.derivative, Style::input)
        << ", GiNaC says " << print(reference, Style::input);
  }
  if (s.rule == Rule::chain) {
    ex product = 1;
    for (const auto& l : s.links) {
      ex local = l.outer.diff(GiNaC::ex_to<GiNaC::symbol>(l.variable));
      std::vector<ex> lv = symbols_in(l.outer);
      if (lv.empty()) lv.push_back(l.variable);
      EXPECT_TRUE(same_function(l.local, local, lv)) << "link " << print(l.outer, Style::input);
      EXPECT_TRUE(l.factor.is_equal(l.local.subs(l.variable == l.inner)) ||
                  (l.factor - l.local.subs(l.variable == l.inner)).normal().is_zero());
      product *= l.factor;
    }
    EXPECT_TRUE(same_function(product, reference, vars));
    // Each link's letter is new: never the same one twice.
    GiNaC::exset letters;
    for (std::size_t i = 0; i + 1 < s.links.size(); ++i) {
      EXPECT_TRUE(letters.insert(s.links[i].variable).second);
    }
  }
  for (const auto& sub : s.substeps) check_tree(sub, undecided);
}

TEST(Steps, GeneratedExpressionsAgreeWithGinacAtEveryStep) {
  SymbolTable syms;
  ex x = syms.get("x"), y = syms.get("y");
  int undecided = 0;
  int total = 0;
  for (unsigned seed = 0; seed < 2000; ++seed) {
    bool several = seed % 3 == 0;
    testing::RandomExpr gen(several ? std::vector<ex>{x, y} : std::vector<ex>{x}, seed);
    ex e = gen.make(static_cast<int>(seed % 6) + 1);
    for (const ex& v : several ? std::vector<ex>{x, y} : std::vector<ex>{x}) {
      Step s = differentiate(e, v);
      check_tree(s, undecided);
      ++total;
      if (::testing::Test::HasFailure()) {
        FAIL() << "seed " << seed << ": " << print(e, Style::input);
      }
    }
  }
  // A few expressions are undefined almost everywhere on the sample range; they must stay rare.
  EXPECT_LT(undecided, total / 50) << undecided << " of " << total;
}

Step diff_of(const std::string& text, const std::string& var = "x") {
  static SymbolTable syms;
  return differentiate(parse(text, syms).expr, syms.get(var));
}

std::vector<std::string> rules_of(const Step& s) {
  std::vector<std::string> out{std::string(rule_id(s.rule))};
  for (const auto& sub : s.substeps) {
    for (auto& r : rules_of(sub)) out.push_back(r);
  }
  return out;
}

TEST(Steps, EveryRuleIsNamed) {
  struct Case {
    const char* expr;
    const char* rule;
  };
  const Case cases[] = {
      {"5", "constant"},
      {"x", "variable"},
      {"x^2 + x", "sum"},
      {"3x^2", "constant-multiple"},
      {"x sin(x) cos(x)", "product"},
      {"sin(x)/x", "quotient"},
      {"x^5", "power"},
      {"exp(x)", "exponential"},
      {"2^x", "exponential"},
      {"ln(x)", "logarithm"},
      {"tan(x)", "trig"},
      {"sec(x)", "trig"},
      {"arcsin(x)", "inverse-trig"},
      {"tanh(x)", "hyperbolic"},
      {"abs(x)", "abs"},
      {"sigmoid(x)", "sigmoid"},
      {"relu(x)", "relu"},
      {"sin(x^2)", "chain"},
      {"x^x", "logarithmic-differentiation"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(rule_id(diff_of(c.expr).rule), c.rule) << c.expr;
  }
}

TEST(Steps, ChainsAreFlattenedOutermostFirst) {
  Step s = diff_of("sin((3x+1)^2)");
  ASSERT_EQ(s.rule, Rule::chain);
  ASSERT_EQ(s.links.size(), 3u);
  EXPECT_EQ(print(s.links[0].outer, Style::input), "sin(u)");
  EXPECT_EQ(print(s.links[0].factor, Style::input), "cos((3*x+1)^2)");
  EXPECT_EQ(print(s.links[1].outer, Style::input), "v^2");
  EXPECT_EQ(print(s.links[1].factor, Style::text), "2(3x + 1)");
  EXPECT_EQ(print(s.links[2].outer, Style::input), "3*x+1");
  EXPECT_EQ(print(s.links[2].factor, Style::input), "3");
}

TEST(Steps, SeedExamplesKeepTheirProductForm) {
  EXPECT_EQ(print(diff_of("(3x+1)^2").derivative, Style::text), "6(3x + 1)");
  EXPECT_EQ(print(diff_of("(2x+1)^3").derivative, Style::text), "6(2x + 1)²");
  EXPECT_EQ(print(diff_of("sin(x^2)").derivative, Style::text), "2x·cos(x²)");
}

TEST(Steps, LettersNeverClashWithVariables) {
  Step s = diff_of("sin(u^2 + v)", "u");
  ASSERT_EQ(s.rule, Rule::chain);
  for (const auto& l : s.links) {
    if (!l.variable.is_equal(s.wrt)) {
      std::string name = print(l.variable, Style::input);
      EXPECT_NE(name, "u");
      EXPECT_NE(name, "v");
    }
  }
}

TEST(Steps, KinksAreRemarked) {
  EXPECT_EQ(diff_of("abs(x)").remark, Remark::not_differentiable_at_zero);
  EXPECT_EQ(diff_of("relu(x)").remark, Remark::not_differentiable_at_zero);
  EXPECT_EQ(diff_of("y^2").remark, Remark::independent);
  EXPECT_TRUE(diff_of("y^2").derivative.is_zero());
}

TEST(Steps, RootsOfSquaresAreAbsoluteValuesWithTheirKink) {
  // √(u²) = |u|, so d/dx √(x²) = x/|x|, with no derivative at 0, as for abs.
  Step s = diff_of("sqrt(x^2)");
  EXPECT_EQ(print(s.derivative, Style::text), "x/|x|");
  EXPECT_EQ(s.remark, Remark::not_differentiable_at_zero);
  EXPECT_EQ(print(diff_of("sqrt((x-8)^2)").derivative, Style::text), "(x - 8)/|x - 8|");
  // |x|³ is smooth, and cos(|x|) = cos(x): no remark.
  Step cube = diff_of("(x^2)^(3/2)");
  EXPECT_EQ(print(cube.derivative, Style::text), "3x·|x|");
  EXPECT_EQ(cube.remark, Remark::none);
  EXPECT_EQ(diff_of("cos(sqrt(x^2))").remark, Remark::none);
  // Undefined at x = 9 to begin with.
  EXPECT_EQ(diff_of("sqrt((9-x)^(-2))").remark, Remark::none);
}

// The derivative table's newer rows against values computed by hand (from their definitions
// as reciprocals and logarithms), at points inside each real domain.
TEST(Steps, HyperbolicAndInverseFunctionsAtPoints) {
  struct Case {
    const char* expression;
    Rule rule;
    double at;
    double want;
  };
  const double t = std::tanh(0.7), c = 1 / std::cosh(0.7), h = 1 / std::sinh(0.7);
  const Case cases[] = {
      {"sech(x)", Rule::hyperbolic, 0.7, -c * t},
      {"csch(x)", Rule::hyperbolic, 0.7, -h * (1 / t)},
      {"coth(x)", Rule::hyperbolic, 0.7, -h * h},
      {"asinh(x)", Rule::inverse_hyperbolic, 0.7, 1 / std::sqrt(0.49 + 1)},
      {"acosh(x)", Rule::inverse_hyperbolic, 1.7, 1 / std::sqrt(1.7 * 1.7 - 1)},
      {"atanh(x)", Rule::inverse_hyperbolic, 0.7, 1 / (1 - 0.49)},
      {"acot(x)", Rule::inverse_trig, 0.7, -1 / (1 + 0.49)},
      {"asec(x)", Rule::inverse_trig, -1.7, 1 / (1.7 * std::sqrt(1.7 * 1.7 - 1))},
      {"acsc(x)", Rule::inverse_trig, -1.7, -1 / (1.7 * std::sqrt(1.7 * 1.7 - 1))},
  };
  for (const auto& k : cases) {
    SymbolTable syms;
    ex x = syms.get("x");
    Step s = differentiate(parse(k.expression, syms).expr, x);
    EXPECT_EQ(s.rule, k.rule) << k.expression;
    auto got = evaluate(s.derivative, {{x, GiNaC::numeric(std::lround(k.at * 10), 10)}});
    ASSERT_TRUE(got.has_value()) << k.expression;
    EXPECT_NEAR(*got, k.want, 1e-12) << k.expression;
  }
  // Outside the real domain there is no value: arcsec at 1/2, artanh at 2.
  SymbolTable syms;
  ex x = syms.get("x");
  EXPECT_FALSE(evaluate(parse("asec(x)", syms).expr, {{x, GiNaC::numeric(1, 2)}}).has_value());
  EXPECT_FALSE(evaluate(parse("atanh(x)", syms).expr, {{x, 2}}).has_value());
  EXPECT_NEAR(*evaluate(parse("acot(x)", syms).expr, {{x, -1}}), 3 * M_PI / 4, 1e-12);
}

// |e^u| is e^u: GiNaC's own rewrite, e^(real_part(u)), turned |e^√x| into a cosine of
// atan2(0, x), and differentiating that two-argument function crashed.
TEST(Steps, AbsOfAnExponentialIsTheExponential) {
  Step s = diff_of("abs(e^(sqrt(x)))");
  EXPECT_EQ(print(s.expression, Style::input), "exp(sqrt(x))");
  EXPECT_EQ(print(s.derivative, Style::text), "e^(√x)/(2√x)");
  SymbolTable syms;
  ex x = syms.get("x");
  EXPECT_THROW(differentiate(GiNaC::atan2(0, x), x), Error);
}

TEST(Steps, HundredDeepChainIsFast) {
  std::string text = "x";
  for (int i = 0; i < 100; ++i) text = "sin(" + text + ")";
  auto start = std::chrono::steady_clock::now();
  Step s = diff_of(text);
  auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(s.links.size(), 100u);
  EXPECT_LT(secs, 2.0);
}

}  // namespace
}  // namespace tutor
