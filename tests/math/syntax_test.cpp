// The learner-syntax parser: every accepted form against an expression built by hand with
// GiNaC, every error with its span, and the limits with a time bound.
#include "math/syntax.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "base/i18n.hpp"
#include "math/functions.hpp"
#include "support/letters.hpp"

namespace tutor {
namespace {

using GiNaC::ex;
using GiNaC::numeric;

class Syntax : public testing::Letters {
 protected:
  ex read(std::string_view text) { return parse(text, syms).expr; }

  // The error TEXT raises, or nullopt (and a test failure) when it parses.
  std::optional<SyntaxError> error(std::string_view text, const Limits& limits = {}) {
    try {
      ex e = parse(text, syms, limits).expr;
      ADD_FAILURE() << "'" << text << "' parsed without error";
    } catch (const SyntaxError& err) {
      return err;
    }
    return std::nullopt;
  }
};

// Exact equality: the difference simplifies to zero and the two have the same structure
// once GiNaC has evaluated them.
::testing::AssertionResult same(const ex& got, const ex& want) {
  if ((got - want).is_zero() && got.is_equal(want)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "the parsed expression differs from the expected one";
}

#define EXPECT_READS(text, want) EXPECT_TRUE(same(read(text), (want))) << "input: " << (text)

// A bound for the limit tests: generous, since each should take milliseconds.
constexpr double kLimitSeconds = 1.0;

template <class F>
double seconds(F&& f) {
  auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// --- numbers ---------------------------------------------------------------------------

TEST_F(Syntax, Numbers) {
  EXPECT_READS("3", ex(3));
  EXPECT_READS("2.5", ex(numeric(2.5)));
  EXPECT_READS(".5", ex(numeric(0.5)));
  EXPECT_READS("1e-3", ex(numeric(1e-3)));
  EXPECT_READS("2E3", ex(numeric(2000.0)));
  EXPECT_READS("3/4", ex(numeric(3, 4)));
  EXPECT_READS("12345678901234567890", ex(numeric("12345678901234567890")));
}

TEST_F(Syntax, IntegersAndFractionsAreExactDecimalsAreNot) {
  EXPECT_TRUE(read("3/4").info(GiNaC::info_flags::rational));
  EXPECT_TRUE(read("3").info(GiNaC::info_flags::integer));
  EXPECT_FALSE(read("2.5").info(GiNaC::info_flags::rational));
  EXPECT_FALSE(read(".5").info(GiNaC::info_flags::rational));
}

TEST_F(Syntax, ExponentNeedsDigitsSo2eIsTwoTimesE) {
  EXPECT_READS("2e", 2 * GiNaC::exp(ex(1)));
  EXPECT_READS("2e+x", 2 * GiNaC::exp(ex(1)) + x);
}

// --- names -----------------------------------------------------------------------------

TEST_F(Syntax, Variables) {
  EXPECT_READS("x", x);
  EXPECT_READS("y", y);
  EXPECT_READS("theta", syms.get("theta"));
  EXPECT_READS("w1", syms.get("w1"));
  EXPECT_READS("x10", syms.get("x10"));
}

TEST_F(Syntax, AdjacentLettersMultiplyAndSaySo) {
  // One rule for every run of letters: x^2y is x²·y, so xy is x·y.
  EXPECT_READS("xy", x * y);
  EXPECT_READS("x^2y + xy", GiNaC::pow(x, 2) * y + x * y);
  EXPECT_READS("3x^2y", 3 * GiNaC::pow(x, 2) * y);
  EXPECT_READS("ab2c", syms.get("a") * syms.get("b2") * syms.get("c"));
  EXPECT_READS("xe", x * GiNaC::exp(ex(1)));
  // A power binds to the last letter only, as on paper.
  EXPECT_READS("xy^2", x * GiNaC::pow(y, 2));
  EXPECT_READS("xe^y", x * GiNaC::exp(y));
  // Names that are one variable stay one.
  EXPECT_READS("theta", syms.get("theta"));
  EXPECT_READS("w1x", syms.get("w1") * x);
  Parsed p = parse("x^2y + xy", syms);
  ASSERT_EQ(p.notes.size(), 1u);
  EXPECT_EQ(p.notes[0].key, "syntax.letters_multiply");
  EXPECT_EQ(p.notes[0].args, (std::vector<std::string>{"xy", "x·y"}));
  EXPECT_EQ(p.variables, (std::vector<std::string>{"x", "y"}));
  EXPECT_TRUE(parse("3x^2y", syms).notes.empty());
}

// GiNaC reads e^(ln u) as u everywhere; the reading says that it holds only for u > 0.
TEST_F(Syntax, ExpOfLogSaysWhereItHolds) {
  for (const char* text : {"e^(ln(x))", "exp(log(x))"}) {
    Parsed p = parse(text, syms);
    EXPECT_TRUE(p.expr.is_equal(x)) << text;
    ASSERT_EQ(p.notes.size(), 1u) << text;
    EXPECT_EQ(p.notes[0].key, "syntax.exp_log");
    EXPECT_EQ(p.notes[0].args, (std::vector<std::string>{"x"}));
  }
  EXPECT_TRUE(parse("e^(x)", syms).notes.empty());
}

TEST_F(Syntax, VariablesAreRealSymbolsSharedThroughTheTable) {
  ex a = read("x");
  EXPECT_TRUE(GiNaC::is_a<GiNaC::realsymbol>(a));
  EXPECT_TRUE((read("x") - read("x")).is_zero());
  EXPECT_TRUE(read("x").is_equal(x));
}

TEST_F(Syntax, GreekLettersAreTheirAsciiNames) {
  EXPECT_READS("θ", syms.get("theta"));
  EXPECT_READS("η", syms.get("eta"));
  EXPECT_READS("α", syms.get("alpha"));
  EXPECT_READS("β", syms.get("beta"));
  EXPECT_READS("λ", syms.get("lambda"));
  EXPECT_READS("σ", syms.get("sigma"));
  EXPECT_READS("θ - theta", ex(0));
  EXPECT_READS("η θ", syms.get("eta") * syms.get("theta"));
}

TEST_F(Syntax, Constants) {
  EXPECT_READS("pi", GiNaC::Pi);
  EXPECT_READS("π", GiNaC::Pi);
  EXPECT_READS("e", GiNaC::exp(ex(1)));
  EXPECT_READS("2pi", 2 * GiNaC::Pi);
  EXPECT_TRUE(parse("pi e", syms).variables.empty());
}

TEST_F(Syntax, VariablesAreReportedSorted) {
  auto p = parse("y + θ x + w1", syms);
  EXPECT_EQ(p.variables, (std::vector<std::string>{"theta", "w1", "x", "y"}));
}

// --- operators -------------------------------------------------------------------------

TEST_F(Syntax, AsciiOperators) {
  EXPECT_READS("x + y", x + y);
  EXPECT_READS("x - y", x - y);
  EXPECT_READS("x * y", x * y);
  EXPECT_READS("x / y", x / y);
  EXPECT_READS("x ^ y", GiNaC::pow(x, y));
  EXPECT_READS("x ** y", GiNaC::pow(x, y));
  EXPECT_READS("x**2", GiNaC::pow(x, 2));
}

TEST_F(Syntax, UnicodeOperators) {
  EXPECT_READS("x × y", x * y);
  EXPECT_READS("x · y", x * y);
  EXPECT_READS("x ÷ y", x / y);
  EXPECT_READS("x − y", x - y);
  EXPECT_READS("−x", -x);
}

TEST_F(Syntax, UnaryMinus) {
  EXPECT_READS("-x", -x);
  EXPECT_READS("--x", x);
  EXPECT_READS("+x", x);
  EXPECT_READS("-x^2", -GiNaC::pow(x, 2));
  EXPECT_READS("-2^2", ex(-4));
  EXPECT_READS("(-2)^2", ex(4));
  EXPECT_READS("2*-x", -2 * x);
  EXPECT_READS("x - -y", x + y);
}

TEST_F(Syntax, PrecedenceAndLeftAssociativity) {
  EXPECT_READS("1 + 2*3", ex(7));
  EXPECT_READS("8/4/2", ex(1));
  EXPECT_READS("8 - 4 - 2", ex(2));
  EXPECT_READS("x + y*x", x + x * y);
  EXPECT_READS("2*x^3", 2 * GiNaC::pow(x, 3));
}

TEST_F(Syntax, PowerIsRightAssociative) {
  EXPECT_READS("2^3^2", ex(512));
  EXPECT_READS("x^y^2", GiNaC::pow(x, GiNaC::pow(y, 2)));
  EXPECT_READS("x^-2", GiNaC::pow(x, -2));
  EXPECT_READS("2^-1", ex(numeric(1, 2)));
  EXPECT_READS("x^-y", GiNaC::pow(x, -y));
}

TEST_F(Syntax, Superscripts) {
  EXPECT_READS("x²", GiNaC::pow(x, 2));
  EXPECT_READS("x³", GiNaC::pow(x, 3));
  EXPECT_READS("x⁻¹", GiNaC::pow(x, -1));
  EXPECT_READS("x¹⁰", GiNaC::pow(x, 10));
  EXPECT_READS("x⁰", ex(1));
  EXPECT_READS("2²", ex(4));
  EXPECT_READS("(x+1)²", GiNaC::pow(x + 1, 2));
  EXPECT_READS("3x²", 3 * GiNaC::pow(x, 2));
  EXPECT_READS("x²y", GiNaC::pow(x, 2) * y);
}

TEST_F(Syntax, SquareRoots) {
  EXPECT_READS("√x", GiNaC::sqrt(x));
  EXPECT_READS("√(x+1)", GiNaC::sqrt(x + 1));
  EXPECT_READS("2√x", 2 * GiNaC::sqrt(x));
  EXPECT_READS("√x y", GiNaC::sqrt(x) * y);
  EXPECT_READS("sqrt(x)", GiNaC::sqrt(x));
  EXPECT_READS("√4", ex(2));
  // A root of a group is like sqrt(...): a power after it is a power of the root.
  EXPECT_READS("√(x+1)^3", GiNaC::pow(GiNaC::sqrt(x + 1), 3));
  EXPECT_READS("√(x+1)²", GiNaC::pow(GiNaC::sqrt(x + 1), 2));
  // Without parentheses the root covers the power, as on paper: √x² is √(x²).
  EXPECT_READS("√x^2", GiNaC::sqrt(GiNaC::pow(x, 2)));
  EXPECT_READS("√x²", GiNaC::sqrt(GiNaC::pow(x, 2)));
}

TEST_F(Syntax, ParenthesesAndBrackets) {
  EXPECT_READS("(x + 1)", x + 1);
  EXPECT_READS("[x + 1]", x + 1);
  EXPECT_READS("[(x + 1)*2]", 2 * x + 2);
  EXPECT_READS("((x))", x);
}

TEST_F(Syntax, WhitespaceOfEveryKind) {
  EXPECT_READS("  x\t+ 1 ", x + 1);
  EXPECT_READS("x\u00A0+\u30001", x + 1);
}

// --- implicit multiplication ------------------------------------------------------------

TEST_F(Syntax, ImplicitMultiplication) {
  EXPECT_READS("2x", 2 * x);
  EXPECT_READS("2 x", 2 * x);
  EXPECT_READS("2(x+1)", 2 * (x + 1));
  EXPECT_READS("(x+1)(x-1)", (x + 1) * (x - 1));
  EXPECT_READS("x sin(x)", x * GiNaC::sin(x));
  EXPECT_READS("2x cos(x^2)", 2 * x * GiNaC::cos(GiNaC::pow(x, 2)));
  EXPECT_READS("π x²", GiNaC::Pi * GiNaC::pow(x, 2));
  EXPECT_READS("x y", x * y);
  EXPECT_READS("x(x+1)", x * (x + 1));
  EXPECT_READS("theta (x+1)", syms.get("theta") * (x + 1));
  EXPECT_READS("2.5x", numeric(2.5) * x);
  // A number after a space multiplies too, unless it follows another number.
  EXPECT_READS("x 2^(x-1)", x * GiNaC::pow(2, x - 1));
  EXPECT_READS("(x+1) 2", 2 * (x + 1));
}

TEST_F(Syntax, ImplicitMultiplicationHasThePrecedenceOfTimes) {
  // Left to right with * and /: 1/2x is (1/2)·x, as the README documents.
  EXPECT_READS("1/2x", x / 2);
  EXPECT_READS("x/2y", x * y / 2);
  EXPECT_READS("2x^2", 2 * GiNaC::pow(x, 2));
  EXPECT_READS("-2x", -2 * x);
}

// --- functions -------------------------------------------------------------------------

TEST_F(Syntax, EveryFunctionAndAlias) {
  struct Case {
    const char* text;
    ex want;
  };
  const ex u = x + 1;
  const Case cases[] = {
      {"sin(x+1)", GiNaC::sin(u)},
      {"cos(x+1)", GiNaC::cos(u)},
      {"tan(x+1)", GiNaC::tan(u)},
      {"sec(x+1)", sec(u)},
      {"csc(x+1)", csc(u)},
      {"cot(x+1)", cot(u)},
      {"asin(x+1)", GiNaC::asin(u)},
      {"arcsin(x+1)", GiNaC::asin(u)},
      {"acos(x+1)", GiNaC::acos(u)},
      {"arccos(x+1)", GiNaC::acos(u)},
      {"atan(x+1)", GiNaC::atan(u)},
      {"arctan(x+1)", GiNaC::atan(u)},
      {"sinh(x+1)", GiNaC::sinh(u)},
      {"cosh(x+1)", GiNaC::cosh(u)},
      {"tanh(x+1)", GiNaC::tanh(u)},
      {"exp(x+1)", GiNaC::exp(u)},
      {"log(x+1)", GiNaC::log(u)},
      {"ln(x+1)", GiNaC::log(u)},
      {"sqrt(x+1)", GiNaC::sqrt(u)},
      {"abs(x+1)", GiNaC::abs(u)},
      {"sigmoid(x+1)", sigmoid(u)},
      {"σ(x+1)", sigmoid(u)},
      {"relu(x+1)", relu(u)},
      {"softplus(x+1)", softplus(u)},
      {"step(x+1)", unit_step(u)},
      {"sech(x+1)", sech(u)},
      {"csch(x+1)", csch(u)},
      {"coth(x+1)", coth(u)},
      {"asinh(x+1)", GiNaC::asinh(u)},
      {"arsinh(x+1)", GiNaC::asinh(u)},
      {"acosh(x+1)", GiNaC::acosh(u)},
      {"arcosh(x+1)", GiNaC::acosh(u)},
      {"atanh(x+1)", GiNaC::atanh(u)},
      {"artanh(x+1)", GiNaC::atanh(u)},
      {"acot(x+1)", acot(u)},
      {"arccot(x+1)", acot(u)},
      {"asec(x+1)", asec(u)},
      {"arcsec(x+1)", asec(u)},
      {"acsc(x+1)", acsc(u)},
      {"arccsc(x+1)", acsc(u)},
  };
  for (const auto& c : cases) EXPECT_READS(c.text, c.want);
  // Every spelling the table lists is covered above.
  EXPECT_EQ(function_names().size(), std::size(cases));
}

// The fuzzers start from fuzz/expression.dict; a function missing there is fuzzed late.
TEST(SyntaxDictionary, TheFuzzDictionaryHasEveryFunction) {
  std::ifstream in(std::string(TUTOR_SOURCE_LESSONS) + "/../fuzz/expression.dict");
  ASSERT_TRUE(in.good());
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const auto& f : function_names()) {
    std::string escaped;
    for (unsigned char c : std::string(f.spelling)) {
      escaped += c < 128 ? std::string(1, static_cast<char>(c)) : fmt::format("\\x{:02X}", c);
    }
    EXPECT_NE(all.find("\"" + escaped + "(\""), std::string::npos) << f.spelling;
  }
}

TEST_F(Syntax, FunctionsNestAndTakeBrackets) {
  EXPECT_READS("sin(cos(x))", GiNaC::sin(GiNaC::cos(x)));
  EXPECT_READS("sin[x]", GiNaC::sin(x));
  EXPECT_READS("ln(x)^2", GiNaC::pow(GiNaC::log(x), 2));
  EXPECT_READS("sin(x)cos(x)", GiNaC::sin(x) * GiNaC::cos(x));
  EXPECT_READS("σ(w x + b)", sigmoid(syms.get("w") * x + syms.get("b")));
}

TEST_F(Syntax, SigmaIsAVariableUnlessCalled) {
  EXPECT_READS("σ", syms.get("sigma"));
  EXPECT_READS("2σ", 2 * syms.get("sigma"));
  EXPECT_READS("σ(x)", sigmoid(x));
}

TEST_F(Syntax, EToAPowerIsExp) {
  ex e2x = read("e^(2x)");
  EXPECT_TRUE(GiNaC::is_the_function<GiNaC::exp_SERIAL>(e2x));
  EXPECT_READS("e^(2x)", GiNaC::exp(2 * x));
  EXPECT_READS("e^x", GiNaC::exp(x));
  EXPECT_READS("e^-x", GiNaC::exp(-x));
  EXPECT_READS("e²", GiNaC::exp(ex(2)));
}

// --- errors ----------------------------------------------------------------------------

struct ErrorCase {
  const char* text;
  const char* key;
  Span span;
};

// Names the case by its message key in test listings, rather than by its bytes.
void PrintTo(const ErrorCase& c, std::ostream* os) {
  *os << c.key;
}

class SyntaxErrors : public Syntax, public ::testing::WithParamInterface<ErrorCase> {};

TEST_P(SyntaxErrors, KeyAndSpan) {
  const ErrorCase& c = GetParam();
  auto err = error(c.text);
  ASSERT_TRUE(err) << c.text;
  EXPECT_EQ(err->key(), c.key) << c.text << ": " << err->what();
  ASSERT_TRUE(err->span()) << c.text;
  EXPECT_EQ(err->span()->begin, c.span.begin) << c.text << ": " << err->what();
  EXPECT_EQ(err->span()->end, c.span.end) << c.text << ": " << err->what();
  EXPECT_EQ(err->input(), c.text);
}

// Spans are byte offsets: ² is two bytes.
INSTANTIATE_TEST_SUITE_P(Every, SyntaxErrors,
                         ::testing::Values(
                             // Unbalanced parentheses point at the opening one.
                             ErrorCase{"sin(x^2", "syntax.unclosed", {3, 4}},
                             ErrorCase{"(x+1", "syntax.unclosed", {0, 1}},
                             ErrorCase{"2*((x+1)", "syntax.unclosed", {2, 3}},
                             ErrorCase{"[x+1", "syntax.unclosed", {0, 1}},
                             ErrorCase{"x+1)", "syntax.unmatched_close", {3, 4}},
                             ErrorCase{"(x+1]", "syntax.mismatched", {4, 5}},
                             // Unexpected tokens and early ends.
                             ErrorCase{"x+*2", "syntax.unexpected_token", {2, 3}},
                             ErrorCase{"x*/2", "syntax.unexpected_token", {2, 3}},
                             ErrorCase{"()", "syntax.unexpected_token", {1, 2}},
                             ErrorCase{"x^", "syntax.unexpected_end", {1, 2}},
                             ErrorCase{"x +", "syntax.unexpected_end", {2, 3}},
                             ErrorCase{"2 3", "syntax.missing_operator", {2, 3}},
                             ErrorCase{"(x+1)2", "syntax.missing_operator", {5, 6}},
                             ErrorCase{"x, y", "syntax.unexpected_token", {1, 2}},
                             ErrorCase{"1.2.3", "syntax.bad_number", {0, 5}},
                             // Empty input.
                             ErrorCase{"", "syntax.empty", {0, 0}},
                             ErrorCase{"   ", "syntax.empty", {0, 3}},
                             // Functions.
                             ErrorCase{"sin()", "syntax.function_needs_argument", {0, 5}},
                             ErrorCase{"x + sin()", "syntax.function_needs_argument", {4, 9}},
                             ErrorCase{"sin", "syntax.function_needs_argument", {0, 3}},
                             ErrorCase{"sinn(x)", "syntax.unknown_function", {0, 4}},
                             ErrorCase{"theta(x+1)", "syntax.unknown_function_plain", {0, 5}},
                             ErrorCase{"sin x", "syntax.function_needs_parens", {0, 5}},
                             ErrorCase{"sin 2", "syntax.function_needs_parens", {0, 5}},
                             ErrorCase{"sinx", "syntax.function_needs_parens", {0, 4}},
                             ErrorCase{"cost", "syntax.function_needs_parens", {0, 4}},
                             ErrorCase{"sin 2x", "syntax.function_needs_parens", {0, 6}},
                             ErrorCase{"2 cosy", "syntax.function_needs_parens", {2, 6}},
                             ErrorCase{"xcos(x)", "syntax.glued_function", {0, 4}},
                             ErrorCase{"1 + xsin(x)", "syntax.glued_function", {4, 8}},
                             ErrorCase{"sin²(x)", "syntax.function_power", {0, 5}},
                             ErrorCase{"sin^2(x)", "syntax.function_power", {0, 4}},
                             ErrorCase{"sin(x, y)", "syntax.one_argument", {5, 6}},
                             // Superscripts: x²² is a doubled key, not 22.
                             ErrorCase{"x²²", "syntax.ambiguous_superscript", {1, 5}},
                             ErrorCase{"x + y³³³", "syntax.ambiguous_superscript", {5, 11}},
                             // Characters.
                             ErrorCase{"x'", "syntax.prime", {1, 2}},
                             ErrorCase{"x $ 1", "syntax.unexpected_char", {2, 3}},
                             ErrorCase{"x + \xFF", "syntax.invalid_utf8", {4, 5}},
                             ErrorCase{"x\x01", "syntax.control_char", {1, 2}},
                             // Arithmetic that has no value.
                             ErrorCase{"1/0", "syntax.division_by_zero", {0, 3}},
                             ErrorCase{"x/(1-1)", "syntax.division_by_zero", {0, 7}},
                             ErrorCase{"0^0", "syntax.undefined", {0, 3}},
                             ErrorCase{"0^-1", "syntax.division_by_zero", {0, 4}},
                             ErrorCase{"log(0)", "syntax.undefined", {0, 6}},
                             ErrorCase{"x + tan(pi/2)", "syntax.undefined", {4, 13}},
                             ErrorCase{"csc(0)", "syntax.undefined", {0, 6}},
                             ErrorCase{"cot(0)", "syntax.undefined", {0, 6}},
                             ErrorCase{"sec(pi/2)", "syntax.undefined", {0, 9}},
                             // Numbers the tutor cannot hold.
                             ErrorCase{"x + sqrt(-1)", "syntax.not_real", {4, 12}},
                             ErrorCase{"log(-2.0)", "syntax.not_real", {0, 9}},
                             ErrorCase{"1e400", "syntax.decimal_out_of_range", {0, 5}},
                             ErrorCase{"1e-400", "syntax.decimal_out_of_range", {0, 6}},
                             ErrorCase{"exp(1000.5)", "syntax.decimal_out_of_range", {0, 11}},
                             ErrorCase{"exp(-1.6^992)", "syntax.decimal_out_of_range", {0, 13}},
                             ErrorCase{"x + 10.5^500", "syntax.decimal_out_of_range", {4, 12}}),
                         [](const ::testing::TestParamInfo<ErrorCase>& info) {
                           return "case" + std::to_string(info.index);
                         });

TEST_F(Syntax, UnknownFunctionSuggestsTheClosestName) {
  auto err = error("sinn(x)");
  ASSERT_TRUE(err);
  ASSERT_EQ(err->message().args.size(), 2u);
  EXPECT_EQ(err->message().args[1], "sin");
  EXPECT_NE(std::string(err->what()).find("did you mean sin?"), std::string::npos) << err->what();
  EXPECT_EQ(similar_function_names("coss").front(), "cos");
  EXPECT_EQ(similar_function_names("sigmod").front(), "sigmoid");
  EXPECT_TRUE(similar_function_names("zzzzzz").empty());
}

TEST_F(Syntax, GluedFunctionSaysHowToWriteIt) {
  auto err = error("xcos(x)");
  ASSERT_TRUE(err);
  std::string en = render(Lang::en, err->message());
  EXPECT_NE(en.find("x·cos(…)"), std::string::npos) << en;
  EXPECT_NE(en.find("x cos(…)"), std::string::npos) << en;
}

TEST_F(Syntax, SinWithoutParenthesesSaysWriteSinX) {
  auto err = error("sin x");
  ASSERT_TRUE(err);
  EXPECT_NE(std::string(err->what()).find("sin(x)"), std::string::npos) << err->what();
  auto glued = error("sinx");
  ASSERT_TRUE(glued);
  EXPECT_NE(std::string(glued->what()).find("sin(x)"), std::string::npos) << glued->what();
}

TEST_F(Syntax, EveryErrorHasBothLanguages) {
  for (const char* text : {"sin(x^2", "", "sin()", "sinn(x)", "sin x", "xcos(x)", "x²²", "1/0",
                           "2^(2^40)", "x^5000", "x + sqrt(-1)", "1e400"}) {
    auto err = error(text);
    ASSERT_TRUE(err) << text;
    std::string en = render(Lang::en, err->message());
    std::string ko = render(Lang::ko, err->message());
    EXPECT_NE(en, err->key()) << text;
    EXPECT_NE(ko, err->key()) << text;
    EXPECT_NE(en, ko) << text;
  }
}

TEST_F(Syntax, ANameNamesAFunctionOnlyWhenGluedToItsParenthesis) {
  EXPECT_FALSE(is_variable_name("sin"));
  EXPECT_FALSE(is_variable_name("pi"));
  EXPECT_FALSE(is_variable_name("e"));
  EXPECT_TRUE(is_variable_name("theta"));
  EXPECT_TRUE(is_variable_name("w1"));
  EXPECT_FALSE(is_variable_name("1w"));
}

// --- limits ----------------------------------------------------------------------------

TEST_F(Syntax, HugePowersAreRefusedInstantly) {
  for (const char* text : {"2^(2^40)", "10^10^10", "9^9^9^9", "2^(10^999)", "(10^10)^(10^10)",
                           "2^4000", "0.5^(10^6)"}) {
    std::optional<SyntaxError> err;
    double t = seconds([&] { err = error(text); });
    EXPECT_LT(t, kLimitSeconds) << text;
    ASSERT_TRUE(err) << text;
    EXPECT_EQ(err->key(), "syntax.number_too_large") << text << ": " << err->what();
  }
  // Under the limit of 1000 digits: 2^3000 has 904.
  EXPECT_READS("2^3000", ex(GiNaC::pow(numeric(2), 3000)));
}

TEST_F(Syntax, HugeProductsOfNumbersAreRefused) {
  std::optional<SyntaxError> err;
  double t = seconds([&] { err = error("2^900*2^900*2^900*2^900"); });
  EXPECT_LT(t, kLimitSeconds);
  ASSERT_TRUE(err);
  EXPECT_EQ(err->key(), "syntax.result_too_large");
}

TEST_F(Syntax, HugeSymbolicExponentsAreRefused) {
  for (const char* text : {"x^1001", "x^(10^6)", "x^-5000", "(x^100)^100", "x^1e10"}) {
    std::optional<SyntaxError> err;
    double t = seconds([&] { err = error(text); });
    EXPECT_LT(t, kLimitSeconds) << text;
    ASSERT_TRUE(err) << text;
    EXPECT_EQ(err->key(), "syntax.exponent_too_large") << text << ": " << err->what();
  }
  EXPECT_READS("x^1000", GiNaC::pow(x, 1000));
}

TEST_F(Syntax, TooLongInputIsRefusedBeforeReading) {
  Limits lim;
  std::string text = "x";
  while (text.size() <= lim.max_input_bytes) text += "+x";
  std::optional<SyntaxError> err;
  double t = seconds([&] { err = error(text); });
  EXPECT_LT(t, kLimitSeconds);
  ASSERT_TRUE(err);
  EXPECT_EQ(err->key(), "syntax.too_long");
  EXPECT_EQ(err->span()->begin, lim.max_input_bytes);
  EXPECT_EQ(err->span()->end, text.size());
  // Exactly at the limit is fine.
  std::string fits(lim.max_input_bytes, ' ');
  fits[0] = 'x';
  EXPECT_READS(fits, x);
}

TEST_F(Syntax, TooDeepNestingIsRefused) {
  const int n = 100000;
  auto repeat = [](const std::string& s, int k) {
    std::string out;
    for (int i = 0; i < k; ++i) out += s;
    return out;
  };
  Limits lim;
  lim.max_input_bytes = 1000000;  // so that depth, not length, is what refuses these
  for (const std::string& text : {repeat("(", n) + "x" + repeat(")", n), repeat("-", n) + "x",
                                  repeat("sin(", n) + "x" + repeat(")", n), repeat("x^", n) + "x",
                                  repeat("√", n) + "x", repeat("[", n) + "x"}) {
    std::optional<SyntaxError> err;
    double t = seconds([&] { err = error(text, lim); });
    EXPECT_LT(t, kLimitSeconds) << text.substr(0, 10);
    ASSERT_TRUE(err) << text.substr(0, 10);
    EXPECT_EQ(err->key(), "syntax.too_deep") << text.substr(0, 10) << ": " << err->what();
  }
}

TEST_F(Syntax, NestingUnderTheLimitIsRead) {
  Limits lim;
  std::string text;
  const int n = lim.max_depth / 2;
  for (int i = 0; i < n; ++i) text += "sin(";
  text += "x";
  for (int i = 0; i < n; ++i) text += ")";
  ex want = x;
  for (int i = 0; i < n; ++i) want = GiNaC::sin(want);
  EXPECT_READS(text, want);
}

TEST_F(Syntax, HugeIntegersAreRefused) {
  Limits lim;
  std::string fits(lim.max_integer_digits, '9');
  EXPECT_READS(fits, ex(numeric(fits.c_str())));
  std::string text = "x + " + std::string(lim.max_integer_digits + 1, '9');
  std::optional<SyntaxError> err;
  double t = seconds([&] { err = error(text); });
  EXPECT_LT(t, kLimitSeconds);
  ASSERT_TRUE(err);
  EXPECT_EQ(err->key(), "syntax.number_too_long");
  EXPECT_EQ(err->span()->begin, 4u);
  EXPECT_EQ(err->span()->end, text.size());
  auto sup = error("x¹²³⁴⁵⁶⁷");
  ASSERT_TRUE(sup);
  EXPECT_EQ(sup->key(), "syntax.number_too_long");
}

TEST_F(Syntax, ExpansionsThatWouldBeTooLargeAreRefused) {
  for (const char* text : {"(x+y+z+w)^100", "(x+y+z)^200", "(a+b)^50 (c+d)^50 (x+y)^50",
                           "((x+y+z)^20 + 1)^20", "(x+1)^1000 (y+1)^1000"}) {
    std::optional<SyntaxError> err;
    double t = seconds([&] { err = error(text); });
    EXPECT_LT(t, kLimitSeconds) << text;
    ASSERT_TRUE(err) << text;
    EXPECT_EQ(err->key(), "syntax.expansion_too_large") << text << ": " << err->what();
  }
  // (x+y+z)^100 expands to C(102, 2) = 5151 terms, under the limit of 10000: GiNaC
  // expands it in milliseconds.
  EXPECT_READS("(x+y+z)^100", GiNaC::pow(x + y + syms.get("z"), 100));
}

// ((x+1)² + 1)² … nested N deep is a polynomial of degree 2^N in x: 2^N + 1 terms. Small
// exponents on huge sums once made the estimate cancel to nothing, so depth 16 and beyond
// were let through, and at depth 199 `check` never finished.
TEST_F(Syntax, NestedSquaresAreCountedAtEveryDepth) {
  auto nested = [](int n) {
    std::string s(static_cast<std::size_t>(n), '(');
    s += "x";
    for (int i = 0; i < n; ++i) s += "+1)^2";
    return s;
  };
  // 2^13 + 1 = 8193 terms: under the limit.
  EXPECT_NO_THROW((void)parse(nested(13), syms)) << nested(13);
  for (int n : {14, 16, 18, 30, 60, 199}) {
    std::optional<SyntaxError> err;
    double t = seconds([&] { err = error(nested(n)); });
    EXPECT_LT(t, kLimitSeconds) << n;
    ASSERT_TRUE(err) << n;
    EXPECT_EQ(err->key(), "syntax.expansion_too_large") << n;
  }
}

TEST_F(Syntax, LimitsCanBeTightened) {
  Limits lim;
  lim.max_depth = 3;
  EXPECT_EQ(error("((((x))))", lim).value().key(), "syntax.too_deep");
  lim = Limits{};
  lim.max_input_bytes = 3;
  EXPECT_EQ(error("x+y+z", lim).value().key(), "syntax.too_long");
}

// Headers show the expression in the learner's order with the printer's signs; read back, it
// is the same expression.
TEST_F(Syntax, AsTypedKeepsTheLearnersOrder) {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"(a+b)*c", "(a + b)·c", "(a + b)*c"},
      {"x^2 + 2x(x+1)", "x² + 2x(x + 1)", "x^2 + 2x(x + 1)"},
      {"sigmoid(w*x+b)", "σ(w·x + b)", "sigmoid(w*x + b)"},
      {"theta^2 - 3", "θ² − 3", "theta^2 - 3"},
      {"-x^3-2*x", "−x³ − 2·x", "-x^3 - 2*x"},
      {"e^(-x) * sin(pi*x)", "e^(−x)·sin(π·x)", "e^(-x)*sin(pi*x)"},
      {"sqrt(x^2+1)/x", "√(x² + 1)/x", "sqrt(x^2 + 1)/x"},
      {"x² − 1", "x² − 1", "x^2 - 1"},
      {"x y", "x·y", "x*y"},
      {"x^(n+1)", "x^(n + 1)", "x^(n + 1)"},
      {"ln(x)", "ln(x)", "log(x)"},
  };
  for (const auto& [typed, text, ascii] : cases) {
    EXPECT_EQ(as_typed(typed, syms, Style::text), text) << typed;
    EXPECT_EQ(as_typed(typed, syms, Style::ascii), ascii) << typed;
    EXPECT_TRUE((read(ascii) - read(typed)).expand().is_zero()) << typed;
  }
  EXPECT_EQ(as_typed("2x cos(", syms, Style::text), "2x·cos(");
  EXPECT_EQ(as_typed("x $ 1", syms, Style::text), "x $ 1");  // does not lex: as typed
}

}  // namespace
}  // namespace tutor
