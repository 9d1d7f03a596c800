// The printer: literal expected strings for each style, textbook order, and the same output
// from every run of the process.
#include "math/print.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "math/functions.hpp"
#include "math/symbols.hpp"
#include "support/letters.hpp"
#include "support/run.hpp"

namespace tutor {
namespace {

using GiNaC::ex;
using GiNaC::numeric;

// Expressions are built by hand with GiNaC, never parsed, so a parser bug cannot hide a
// printer bug.
class Print : public testing::Letters {
 protected:
  ex theta = syms.get("theta");

  static std::string text(const ex& e) { return print(e, Style::text); }
  static std::string ascii(const ex& e) { return print(e, Style::ascii); }
  static std::string input(const ex& e) { return print(e, Style::input); }
  static std::string latex(const ex& e) { return print(e, Style::latex); }
};

TEST_F(Print, IssueExamplesInText) {
  EXPECT_EQ(text(2 * x * GiNaC::cos(GiNaC::pow(x, 2))), "2x·cos(x²)");
  EXPECT_EQ(text(6 * GiNaC::pow(2 * x + 1, 2)), "6(2x + 1)²");
  EXPECT_EQ(text(3 * x + 1), "3x + 1");
  EXPECT_EQ(text(GiNaC::sqrt(x)), "√x");
  EXPECT_EQ(text(1 / (GiNaC::pow(x, 2) + 1)), "1/(x² + 1)");
  EXPECT_EQ(text(GiNaC::exp(2 * x)), "e^(2x)");
}

TEST_F(Print, IssueExamplesInAscii) {
  EXPECT_EQ(ascii(2 * x * GiNaC::cos(GiNaC::pow(x, 2))), "2*x*cos(x^2)");
  EXPECT_EQ(ascii(6 * GiNaC::pow(2 * x + 1, 2)), "6*(2*x + 1)^2");
  EXPECT_EQ(ascii(3 * x + 1), "3*x + 1");
  EXPECT_EQ(ascii(GiNaC::sqrt(x)), "sqrt(x)");
  EXPECT_EQ(ascii(1 / (GiNaC::pow(x, 2) + 1)), "1/(x^2 + 1)");
  EXPECT_EQ(ascii(GiNaC::exp(2 * x)), "exp(2*x)");
}

TEST_F(Print, IssueExamplesInInputForm) {
  EXPECT_EQ(input(2 * x * GiNaC::cos(GiNaC::pow(x, 2))), "2*x*cos(x^2)");
  EXPECT_EQ(input(6 * GiNaC::pow(2 * x + 1, 2)), "6*(2*x+1)^2");
  EXPECT_EQ(input(3 * x + 1), "3*x+1");
  EXPECT_EQ(input(GiNaC::sqrt(x)), "sqrt(x)");
  EXPECT_EQ(input(1 / (GiNaC::pow(x, 2) + 1)), "1/(x^2+1)");
  EXPECT_EQ(input(GiNaC::exp(2 * x)), "exp(2*x)");
}

TEST_F(Print, IssueExamplesInLatex) {
  EXPECT_EQ(latex(2 * x * GiNaC::cos(GiNaC::pow(x, 2))), "2 x \\cos\\left(x^{2}\\right)");
  EXPECT_EQ(latex(6 * GiNaC::pow(2 * x + 1, 2)), "6 \\left(2 x + 1\\right)^{2}");
  EXPECT_EQ(latex(3 * x + 1), "3 x + 1");
  EXPECT_EQ(latex(GiNaC::sqrt(x)), "\\sqrt{x}");
  EXPECT_EQ(latex(1 / (GiNaC::pow(x, 2) + 1)), "\\frac{1}{x^{2} + 1}");
  EXPECT_EQ(latex(GiNaC::exp(2 * x)), "e^{2 x}");
}

// --- textbook order ----------------------------------------------------------------------

// A sum starts with a positive term where it has one (5 - x, not -x + 5).
TEST_F(Print, PolynomialsInDescendingDegreeWithTheConstantLast) {
  ex p = 5 - 2 * x + GiNaC::pow(x, 3) - GiNaC::pow(x, 2);
  EXPECT_EQ(text(p), "x³ - x² - 2x + 5");
  EXPECT_EQ(input(p), "x^3-x^2-2*x+5");
  EXPECT_EQ(text(1 + x + GiNaC::pow(x, 2) + GiNaC::pow(x, 3)), "x³ + x² + x + 1");
  EXPECT_EQ(text(5 - x), "5 - x");
  EXPECT_EQ(text(GiNaC::pow(y, 2) + x * y + GiNaC::pow(x, 2)), "x² + x·y + y²");
}

TEST_F(Print, TermsOfOneDegreeGoAlphabetically) {
  EXPECT_EQ(text(z + y + x), "x + y + z");
  EXPECT_EQ(text(2 * y - 3 * x), "2y - 3x");
  EXPECT_EQ(text(x * GiNaC::pow(y, 2) + 3 * GiNaC::pow(x, 2) * y + 1), "3x²·y + x·y² + 1");
}

TEST_F(Print, FactorsCoefficientThenConstantsThenVariablesThenSumsThenFunctions) {
  EXPECT_EQ(text(GiNaC::sin(x) * x * 3), "3x·sin(x)");
  EXPECT_EQ(text(GiNaC::sin(x) * x * GiNaC::Pi * 3), "3π·x·sin(x)");
  EXPECT_EQ(text(y * x), "x·y");
  EXPECT_EQ(text(GiNaC::pow(y, 2) * x), "x·y²");
  EXPECT_EQ(text(GiNaC::sin(x) * (x + 1)), "(x + 1)·sin(x)");
  EXPECT_EQ(text(x * GiNaC::sqrt(ex(2))), "√2·x");
  EXPECT_EQ(text(x * GiNaC::exp(ex(1))), "e·x");
  EXPECT_EQ(input(GiNaC::sin(x) * x * GiNaC::Pi * 3), "3*pi*x*sin(x)");
  EXPECT_EQ(latex(GiNaC::sin(x) * x * GiNaC::Pi * 3), "3 \\pi x \\sin\\left(x\\right)");
}

TEST_F(Print, TheSameExpressionBuiltInAnyOrderPrintsTheSame) {
  ex a = GiNaC::sin(x) + GiNaC::pow(x, 2) * y - 3 * x + GiNaC::exp(y) * x + 7;
  ex b = 7 + x * GiNaC::exp(y) - 3 * x + y * GiNaC::pow(x, 2) + GiNaC::sin(x);
  EXPECT_EQ(text(a), text(b));
  EXPECT_EQ(input(a), input(b));
  EXPECT_EQ(latex(a), latex(b));
}

// --- powers, roots, division --------------------------------------------------------------

TEST_F(Print, ANumberBeforeAnActivationTakesADot) {
  // "3step(3x - 1)" reads as one name; "2cos(x²)" does not.
  EXPECT_EQ(text(3 * unit_step(3 * x - 1)), "3·step(3x - 1)");
  EXPECT_EQ(text(2 * relu(x)), "2·relu(x)");
  EXPECT_EQ(text(2 * GiNaC::cos(GiNaC::pow(x, 2))), "2cos(x²)");
  EXPECT_EQ(text(3 * x * unit_step(x)), "3x·step(x)");
  EXPECT_EQ(input(3 * unit_step(3 * x - 1)), "3*step(3*x-1)");
}

TEST_F(Print, NegativeExponentsPrintAsDivision) {
  EXPECT_EQ(text(GiNaC::pow(x, -2)), "1/x²");
  EXPECT_EQ(text(GiNaC::pow(x, -1)), "1/x");
  EXPECT_EQ(text(y * GiNaC::pow(x, -2)), "y/x²");
  EXPECT_EQ(text(2 / GiNaC::pow(x, 2)), "2/x²");
  EXPECT_EQ(text(numeric(-2, 3) * GiNaC::pow(x, -2)), "-2/(3x²)");
  EXPECT_EQ(text(1 / ((x - 1) * (x + 1))), "1/((x + 1)·(x - 1))");
  EXPECT_EQ(text(GiNaC::pow(2 * x + 1, -3)), "1/(2x + 1)³");
  EXPECT_EQ(input(numeric(-2, 3) * GiNaC::pow(x, -2)), "-2/(3*x^2)");
  EXPECT_EQ(latex(y * GiNaC::pow(x, -2)), "\\frac{y}{x^{2}}");
  EXPECT_EQ(latex(numeric(-2, 3) * GiNaC::pow(x, -2)), "-\\frac{2}{3 x^{2}}");
}

TEST_F(Print, HalfPowersPrintAsRoots) {
  EXPECT_EQ(text(GiNaC::pow(x, numeric(1, 2))), "√x");
  EXPECT_EQ(text(GiNaC::pow(x, numeric(-1, 2))), "1/√x");
  EXPECT_EQ(text(GiNaC::sqrt(GiNaC::pow(x, 2) + 1)), "√(x² + 1)");
  EXPECT_EQ(text(GiNaC::sqrt(ex(2))), "√2");
  EXPECT_EQ(ascii(GiNaC::pow(x, numeric(-1, 2))), "1/sqrt(x)");
  EXPECT_EQ(latex(GiNaC::sqrt(x + 1)), "\\sqrt{x + 1}");
  EXPECT_EQ(text(GiNaC::pow(x, numeric(3, 2))), "x^(3/2)");
}

TEST_F(Print, PowersThatNeedParentheses) {
  EXPECT_EQ(text(GiNaC::pow(x, y)), "x^y");
  EXPECT_EQ(text(GiNaC::pow(x, y + 1)), "x^(y + 1)");
  EXPECT_EQ(input(GiNaC::pow(x, 2 * y)), "x^(2*y)");
  EXPECT_EQ(input(GiNaC::pow(ex(-2), x)), "(-2)^x");
  EXPECT_EQ(input(GiNaC::pow(ex(numeric(2, 3)), x)), "(2/3)^x");
  EXPECT_EQ(input(GiNaC::pow(GiNaC::pow(x, y), z)), "(x^y)^z");
  EXPECT_EQ(input(GiNaC::pow(x, GiNaC::pow(y, z))), "x^(y^z)");
  EXPECT_EQ(text(GiNaC::pow(GiNaC::sin(x), 2)), "sin(x)²");
  EXPECT_EQ(input(GiNaC::pow(GiNaC::sin(x), 2)), "sin(x)^2");
  EXPECT_EQ(text(-GiNaC::pow(x, 2)), "-x²");
}

// --- numbers --------------------------------------------------------------------------

TEST_F(Print, Numbers) {
  EXPECT_EQ(text(ex(3)), "3");
  EXPECT_EQ(text(ex(-3)), "-3");
  EXPECT_EQ(text(ex(numeric(3, 4))), "3/4");
  EXPECT_EQ(latex(ex(numeric(3, 4))), "\\frac{3}{4}");
  EXPECT_EQ(latex(ex(numeric(-3, 4))), "-\\frac{3}{4}");
  EXPECT_EQ(text(ex(numeric(2.5))), "2.5");
  EXPECT_EQ(text(x / 2 + numeric(1, 3)), "x/2 + 1/3");
  EXPECT_EQ(text(numeric(2, 3) * GiNaC::pow(x, 2)), "2x²/3");
}

TEST_F(Print, DecimalCoefficients) {
  EXPECT_EQ(text(x - numeric(0.5) * GiNaC::pow(x, 2)), "x - 0.5x²");
  EXPECT_EQ(input(x - numeric(0.5) * GiNaC::pow(x, 2)), "x-0.5*x^2");
  EXPECT_EQ(text(1 - numeric(2.5) * x), "1 - 2.5x");
  EXPECT_EQ(text(numeric(-2.5) / x + 1), "1 - 2.5/x");
  EXPECT_EQ(latex(numeric(-2.5) / x + 1), "1 - \\frac{2.5}{x}");
}

TEST_F(Print, FormatNumber) {
  EXPECT_EQ(format_number(0), "0");
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(2.5e-7), "2.5e-07");
  EXPECT_EQ(format_number(1.0 / 3), "0.333333333333");
  EXPECT_EQ(format_number(-42), "-42");
}

// --- names ----------------------------------------------------------------------------

TEST_F(Print, VariablesAndConstants) {
  EXPECT_EQ(text(GiNaC::pow(theta, 2)), "θ²");
  EXPECT_EQ(input(GiNaC::pow(theta, 2)), "theta^2");
  EXPECT_EQ(latex(GiNaC::pow(theta, 2)), "\\theta^{2}");
  EXPECT_EQ(latex(syms.get("w1")), "w_{1}");
  EXPECT_EQ(latex(syms.get("cost")), "\\mathit{cost}");
  EXPECT_EQ(text(GiNaC::Pi / 2), "π/2");
  EXPECT_EQ(input(GiNaC::Pi / 2), "pi/2");
  EXPECT_EQ(latex(GiNaC::Pi / 2), "\\frac{\\pi}{2}");
  EXPECT_EQ(text(GiNaC::exp(ex(1))), "e");
  EXPECT_EQ(input(GiNaC::exp(ex(1))), "e");
  EXPECT_EQ(text(GiNaC::exp(ex(2))), "e²");
}

TEST_F(Print, FunctionNamesInEachStyle) {
  struct Case {
    ex e;
    const char *text, *input, *latex;
  };
  const Case cases[] = {
      {GiNaC::log(x), "ln(x)", "log(x)", "\\ln\\left(x\\right)"},
      {GiNaC::asin(x), "arcsin(x)", "asin(x)", "\\arcsin\\left(x\\right)"},
      {GiNaC::acos(x), "arccos(x)", "acos(x)", "\\arccos\\left(x\\right)"},
      {GiNaC::atan(x), "arctan(x)", "atan(x)", "\\arctan\\left(x\\right)"},
      {GiNaC::tanh(x), "tanh(x)", "tanh(x)", "\\tanh\\left(x\\right)"},
      {sec(x), "sec(x)", "sec(x)", "\\sec\\left(x\\right)"},
      {sigmoid(x), "σ(x)", "sigmoid(x)", "\\sigma\\left(x\\right)"},
      {relu(x), "relu(x)", "relu(x)", "\\operatorname{ReLU}\\left(x\\right)"},
      {softplus(x), "softplus(x)", "softplus(x)", "\\operatorname{softplus}\\left(x\\right)"},
      {GiNaC::abs(x), "|x|", "abs(x)", "\\left|x\\right|"},
      {unit_step(x), "step(x)", "step(x)", "\\operatorname{step}\\left(x\\right)"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(text(c.e), c.text);
    EXPECT_EQ(input(c.e), c.input);
    EXPECT_EQ(latex(c.e), c.latex);
  }
}

// --- text or ASCII ----------------------------------------------------------------------

// Sets the locale variables for one test and puts them back afterwards.
class LocaleEnv {
 public:
  explicit LocaleEnv(const char* lang) {
    for (const char* v : kVars) {
      const char* old = std::getenv(v);
      saved_.push_back(old ? std::optional<std::string>(old) : std::nullopt);
      unsetenv(v);
    }
    if (lang) setenv("LANG", lang, 1);
  }
  ~LocaleEnv() {
    for (std::size_t i = 0; i < std::size(kVars); ++i) {
      if (saved_[i]) {
        setenv(kVars[i], saved_[i]->c_str(), 1);
      } else {
        unsetenv(kVars[i]);
      }
    }
  }

 private:
  static constexpr const char* kVars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
  std::vector<std::optional<std::string>> saved_;
};

TEST(PrintStyle, AsciiWhenAskedOrWhenTheLocaleIsNotUtf8) {
  {
    LocaleEnv env("ko_KR.UTF-8");
    EXPECT_EQ(text_style(false), Style::text);
    EXPECT_EQ(text_style(true), Style::ascii);
  }
  {
    LocaleEnv env("C");
    EXPECT_EQ(text_style(false), Style::ascii);
  }
  {
    LocaleEnv env("en_US.utf8");
    EXPECT_EQ(text_style(false), Style::text);
  }
  {
    LocaleEnv env(nullptr);
    EXPECT_EQ(text_style(false), Style::ascii);
  }
}

// --- the same on every run ----------------------------------------------------------------

// GiNaC writes a power of a sum with the sum's first coefficient positive in its own hash
// order, so (x − b)³ may come back as −(b − x)³, and which one depends on the order the
// symbols were made in. Both orders, in one process: the printed text must not change, and
// printing must end (a sign flipped back and forth once recursed without end).
TEST(PrintDeterminism, PowersOfSumsDoNotDependOnSymbolOrder) {
  auto render = [](bool reversed) {
    SymbolTable syms;
    for (const char* n :
         reversed ? std::vector{"y", "x", "b", "Y"} : std::vector{"Y", "b", "x", "y"})
      (void)syms.get(n);
    ex x = syms.get("x");
    ex y = syms.get("y");
    ex b = syms.get("b");
    ex Y = syms.get("Y");
    const std::vector<ex> exprs{
        GiNaC::pow(x - Y, 3),
        GiNaC::pow(Y - x, 3),
        GiNaC::pow(x - Y, 2),
        GiNaC::pow(x - b, -3),
        y * GiNaC::pow(x - b, 3),
        y - GiNaC::pow(x - b, 3),
        100 * GiNaC::pow(x + 1, 1000) * GiNaC::pow(x - Y, -101),
        GiNaC::pow(x - b, 3) / GiNaC::pow(b - Y, 5) + GiNaC::pow(Y - x, 2),
    };
    std::vector<std::string> out;
    for (const ex& e : exprs) {
      for (auto style : {Style::text, Style::input, Style::latex}) out.push_back(print(e, style));
    }
    return out;
  };
  EXPECT_EQ(render(false), render(true));
}

// The sign moved out of (x − b)³ is kept in front: the printed text means the same thing.
TEST_F(Print, FlippedPowersOfSumsKeepTheirSign) {
  ex b = syms.get("b");
  // b sorts before x, so the printer writes b − x: (x − b)³ = −(b − x)³.
  EXPECT_EQ(text(GiNaC::pow(x - b, 3)), "-(b - x)³");
  EXPECT_EQ(text(y * GiNaC::pow(x - b, 3)), "-y·(b - x)³");
  EXPECT_EQ(text(GiNaC::pow(x - b, 2)), "(b - x)²");
  EXPECT_EQ(text(GiNaC::pow(x - b, -1)), "-1/(b - x)");
  EXPECT_EQ(text(z - GiNaC::pow(x - b, 3)), "(b - x)³ + z");
}

// GiNaC orders sums and products by hash values that change from process to process (ASLR),
// so only separate processes can show that the printer does not depend on them.
TEST(PrintDeterminism, SameOutputInSeparateProcesses) {
  const char* exprs[] = {
      "2x cos(x^2)",
      "x y^2 + 3x^2 y + y - x y + sin(x) e^y + 1",
      "(x+1)(x-1)(x+2)(y-3)",
      "sigmoid(w1 x1 + w2 x2 + b) - y",
      "a x^2 + b x + c + d x^3 + x y z",
      "sin(x) cos(y) tan(z) exp(x y) log(x+y)",
      "1/(x^2+1) + y/(x-1)^2 - 3/(2x y)",
      "(θ - 2)^2 + (η - 1)^2 + λ θ η",
      "relu(x) + softplus(y) + σ(z) + abs(x - y)",
      "√(x² + y²) + x^(-1/2) + (x+y)^(3/2)",
      "-0.5x^2 + 2.5 x y - 0.25 y^2 + 1e-3",
      "π x² + e x + pi/2 + e^(2x)",
      "x/2 + y/3 + z/5 + 1/7",
      "arcsin(x) arccos(y) arctan(x y) sinh(x) cosh(y) tanh(z)",
      "(a+b+c)^2 (d+e+f)^3",
  };
  std::string first;
  for (int run = 0; run < 4; ++run) {
    std::string all;
    for (const char* e : exprs) {
      auto r = testing::run_binary({"show", "--format", "json", "--", e});
      ASSERT_EQ(r.status, 0) << e << ": " << r.err;
      auto j = nlohmann::json::parse(r.out);
      all += j["text"].get<std::string>() + "\n" + j["expression"].get<std::string>() + "\n" +
             j["latex"].get<std::string>() + "\n";
    }
    if (run == 0) {
      first = all;
    } else {
      EXPECT_EQ(all, first) << "run " << run << " printed differently";
    }
  }
}

TEST(FormatNumber, ShortForReadingFullForPrograms) {
  EXPECT_EQ(format_short(0.64), "0.64");
  EXPECT_EQ(format_short(1.0806046117362795), "1.0806");
  EXPECT_EQ(format_short(1.2e-5), "1.2e-05");
  EXPECT_EQ(format_full(0.1), "0.1");
  EXPECT_EQ(format_full(1.0806046117362795), "1.0806046117362795");
  EXPECT_EQ(format_full(1e-300), "1e-300");
}

}  // namespace
}  // namespace tutor
