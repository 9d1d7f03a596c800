// The derivation in words: the seed's examples and each rule, as a learner reads them.
#include "calculus/explain.hpp"

#include <gtest/gtest.h>

#include "math/symbols.hpp"
#include "math/syntax.hpp"

namespace tutor {
namespace {

std::string explain(const std::string& text, Lang lang = Lang::en, bool brief = false,
                    const std::string& var = "x") {
  SymbolTable syms;
  Parsed p = parse(text, syms);
  Step s = differentiate(p.expr, syms.get(var));
  return explain_text(s, ExplainOptions{lang, Style::text, brief, p.variables.size() > 1});
}

TEST(Explain, SeedExerciseOne) {
  EXPECT_EQ(explain("sin(x^2)"),
            "d/dx sin(x²)\n"
            "  chain rule: sin(x²) = f(u) with f(u) = sin(u), u = x²\n"
            "    df/du = cos(u) = cos(x²)   (trigonometric)\n"
            "    du/dx = 2x   (power rule)\n"
            "  d/dx sin(x²) = cos(x²) · 2x = 2x·cos(x²)\n");
}

TEST(Explain, SeedChainExampleInKorean) {
  EXPECT_EQ(explain("(3x+1)^2", Lang::ko),
            "d/dx (3x + 1)²\n"
            "  체인룰: (3x + 1)² = f(u), f(u) = u², u = 3x + 1\n"
            "    df/du = 2u = 2(3x + 1)   (거듭제곱 법칙)\n"
            "    du/dx = 3   (합의 법칙)\n"
            "      합의 법칙: 각 항을 따로 미분합니다\n"
            "        d/dx 3x = 3 · 1 = 3   (상수배 법칙, 변수)\n"
            "        d/dx 1 = 0   (상수)\n"
            "      d/dx (3x + 1) = 3 + 0 = 3\n"
            "  d/dx (3x + 1)² = 2(3x + 1) · 3 = 6(3x + 1)\n");
}

TEST(Explain, SeedExerciseTwoBrief) {
  EXPECT_EQ(explain("(2x+1)^3", Lang::en, true),
            "d/dx (2x + 1)³\n"
            "  df/du = 3u² = 3(2x + 1)²   (power rule)\n"
            "  du/dx = 2   (sum rule)\n"
            "  d/dx (2x + 1)³ = 6(2x + 1)²\n");
}

TEST(Explain, ThreeLinkChainNamesEachLetterOnce) {
  // h = f(g(k(x))): dh/dx = df/du × du/dv × dv/dx.
  EXPECT_EQ(explain("sin((3x+1)^2)", Lang::en, true),
            "d/dx sin((3x + 1)²)\n"
            "  df/du = cos(u) = cos((3x + 1)²)   (trigonometric)\n"
            "  du/dv = 2v = 2(3x + 1)   (power rule)\n"
            "  dv/dx = 3   (sum rule)\n"
            "  d/dx sin((3x + 1)²) = 6(3x + 1)·cos((3x + 1)²)\n");
  std::string full = explain("sin((3x+1)^2)");
  EXPECT_NE(full.find("chain rule: sin((3x + 1)²) = f(u) with f(u) = sin(u), u = v², v = 3x + 1"),
            std::string::npos)
      << full;
  EXPECT_NE(full.find("= cos((3x + 1)²) · 2(3x + 1) · 3 = 6(3x + 1)·cos((3x + 1)²)"),
            std::string::npos)
      << full;
}

// Each rule's own line, as printed under "d/dx E".
TEST(Explain, EachRuleReads) {
  struct Case {
    const char* expr;
    const char* line;
  };
  const Case cases[] = {
      {"7", "  d/dx 7 = 0   (constant)\n"},
      {"x", "  d/dx x = 1   (variable)\n"},
      {"x^5", "  d/dx x⁵ = 5x⁴   (power rule)\n"},
      {"sqrt(x)", "  d/dx √x = 1/(2√x)   (power rule)\n"},
      {"1/x", "  d/dx 1/x = -1/x²   (power rule)\n"},
      {"exp(x)", "  d/dx e^x = e^x   (exponential)\n"},
      {"2^x", "  d/dx 2^x = 2^x·ln(2)   (exponential)\n"},
      {"ln(x)", "  d/dx ln(x) = 1/x   (logarithm)\n"},
      {"sin(x)", "  d/dx sin(x) = cos(x)   (trigonometric)\n"},
      {"cos(x)", "  d/dx cos(x) = -sin(x)   (trigonometric)\n"},
      {"tan(x)", "  d/dx tan(x) = sec(x)²   (trigonometric)\n"},
      {"sec(x)", "  d/dx sec(x) = sec(x)·tan(x)   (trigonometric)\n"},
      {"csc(x)", "  d/dx csc(x) = -cot(x)·csc(x)   (trigonometric)\n"},
      {"cot(x)", "  d/dx cot(x) = -csc(x)²   (trigonometric)\n"},
      {"arcsin(x)", "  d/dx arcsin(x) = 1/√(1 - x²)   (inverse trigonometric)\n"},
      {"arctan(x)", "  d/dx arctan(x) = 1/(x² + 1)   (inverse trigonometric)\n"},
      {"sinh(x)", "  d/dx sinh(x) = cosh(x)   (hyperbolic)\n"},
      {"tanh(x)", "  d/dx tanh(x) = 1 - tanh(x)²   (hyperbolic)\n"},
      {"sigmoid(x)", "  d/dx σ(x) = σ(x)·(1 - σ(x))   (sigmoid)\n"},
      {"softplus(x)", "  d/dx softplus(x) = σ(x)   (sigmoid)\n"},
      {"abs(x)",
       "  d/dx |x| = x/|x|   (absolute value)\n    note: |x| has no derivative where x = 0\n"},
      {"relu(x)",
       "  d/dx relu(x) = step(x)   (ReLU)\n    note: relu(x) has no derivative where x = 0\n"},
      {"3x^2", "  d/dx 3x² = 3 · 2x = 6x   (constant multiple, power rule)\n"},
  };
  for (const auto& c : cases) {
    std::string text = explain(c.expr);
    EXPECT_NE(text.find(c.line), std::string::npos) << c.expr << " gave\n" << text;
  }
}

TEST(Explain, CompositeRulesRead) {
  EXPECT_EQ(explain("x sin(x)"),
            "d/dx x·sin(x)\n"
            "  product rule: (f·g)' = f'·g + f·g' with f = x, g = sin(x)\n"
            "    d/dx x = 1   (variable)\n"
            "    d/dx sin(x) = cos(x)   (trigonometric)\n"
            "  d/dx x·sin(x) = sin(x) + x·cos(x)\n");
  EXPECT_EQ(explain("sin(x)/x"),
            "d/dx sin(x)/x\n"
            "  quotient rule: (f/g)' = (f'·g - f·g')/g² with f = sin(x), g = x\n"
            "    d/dx sin(x) = cos(x)   (trigonometric)\n"
            "    d/dx x = 1   (variable)\n"
            "  d/dx sin(x)/x = (cos(x) · x - sin(x) · 1)/x² = (x·cos(x) - sin(x))/x²\n");
  EXPECT_EQ(explain("x^3 + 2x"),
            "d/dx (x³ + 2x)\n"
            "  sum rule: differentiate term by term\n"
            "    d/dx x³ = 3x²   (power rule)\n"
            "    d/dx 2x = 2 · 1 = 2   (constant multiple, variable)\n"
            "  d/dx (x³ + 2x) = 3x² + 2\n");
  std::string xx = explain("x^x");
  EXPECT_NE(
      xx.find("logarithmic differentiation: y = x^x, ln y = x·ln(x), so y' = y · d/dx (x·ln(x))"),
      std::string::npos)
      << xx;
  EXPECT_NE(xx.find("d/dx x^x = x^x · (ln(x) + 1)"), std::string::npos) << xx;
}

TEST(Explain, PartialsAndIndependentVariables) {
  std::string wrt_y = explain("x^2 + x y", Lang::en, false, "y");
  EXPECT_EQ(wrt_y.substr(0, wrt_y.find('\n')), "∂/∂y (x² + x·y)");
  std::string none = explain("x^2", Lang::en, false, "y");
  EXPECT_NE(none.find("x² does not contain y, so it is a constant with respect to y"),
            std::string::npos)
      << none;
}

TEST(Explain, AsciiHasNoUnicode) {
  SymbolTable syms;
  Parsed p = parse("sin((3x+1)^2) * sqrt(x)", syms);
  Step s = differentiate(p.expr, syms.get("x"));
  std::string text = explain_text(s, ExplainOptions{Lang::en, Style::ascii, false, false});
  for (unsigned char c : text) ASSERT_LT(c, 0x80) << text;
}

TEST(Explain, LatexIsAnAlignBlock) {
  SymbolTable syms;
  Step s = differentiate(parse("sin(x^2)", syms).expr, syms.get("x"));
  EXPECT_EQ(explain_latex(s, false),
            "\\begin{align*}\n"
            "\\frac{d f}{d u} &= \\cos\\left(u\\right) = \\cos\\left(x^{2}\\right) \\\\\n"
            "\\frac{d u}{d x} &= 2 x \\\\\n"
            "\\frac{d}{d x}\\left(\\sin\\left(x^{2}\\right)\\right) &= \\cos\\left(x^{2}\\right) "
            "\\cdot 2 x \\\\\n"
            "&= 2 x \\cos\\left(x^{2}\\right)\n"
            "\\end{align*}");
}

}  // namespace
}  // namespace tutor
