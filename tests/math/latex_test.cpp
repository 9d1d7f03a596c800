// The LaTeX subset against the text a reader expects, case by case.
#include "math/latex.hpp"

#include <gtest/gtest.h>

namespace tutor {
namespace {

std::string u(std::string_view s) {
  return latex_to_text(s);
}
std::string a(std::string_view s) {
  return latex_to_text(s, {.ascii = true});
}

TEST(Latex, Fractions) {
  EXPECT_EQ(u(R"(\frac{dy}{dx})"), "dy/dx");
  EXPECT_EQ(u(R"(\frac{dh}{dx} = \frac{df}{dg} \times \frac{dg}{dx})"), "dh/dx = df/dg × dg/dx");
  // A numerator or denominator of several terms keeps its brackets.
  EXPECT_EQ(u(R"(\frac{1}{1 + e^{-x}})"), "1/(1 + e⁻ˣ)");
  EXPECT_EQ(u(R"(\frac{a+b}{2})"), "(a+b)/2");
}

TEST(Latex, PowersAndSubscripts) {
  EXPECT_EQ(u("x^2"), "x²");
  EXPECT_EQ(u("(3x + 1)^2"), "(3x + 1)²");
  EXPECT_EQ(u("0.25^{20}"), "0.25²⁰");
  EXPECT_EQ(u("10^{-13}"), "10⁻¹³");
  EXPECT_EQ(u("a_{k-1}"), "aₖ₋₁");
  EXPECT_EQ(u("W_1"), "W₁");
  // No subscript letters for "new": the underscore form reads as well.
  EXPECT_EQ(u(R"(\theta_{\text{new}})"), "θ_new");
  EXPECT_EQ(u("x^{y+z}"), "xʸ⁺ᶻ");
  EXPECT_EQ(u("x^{q+1}"), "x^(q+1)");  // q has no superscript form: brackets instead
}

TEST(Latex, Symbols) {
  EXPECT_EQ(u(R"(\theta_{\text{new}} = \theta_{\text{old}} - \eta \cdot \nabla L(\theta))"),
            "θ_new = θ_old - η · ∇L(θ)");
  EXPECT_EQ(u(R"(\sigma(z) \approx 0)"), "σ(z) ≈ 0");
  EXPECT_EQ(u(R"(\partial y)"), "∂y");
  EXPECT_EQ(u(R"(a \quad b)"), "a    b");  // \quad is two spaces, plus the spaces around it
  EXPECT_EQ(u(R"(\sqrt{x})"), "√x");
  EXPECT_EQ(u(R"(\sqrt{x + 1})"), "√(x + 1)");
  EXPECT_EQ(u(R"(\text{ReLU}(Wx + b))"), "ReLU(Wx + b)");
  EXPECT_EQ(u(R"(\left( x \right))"), "( x )");
}

TEST(Latex, FunctionNamesGetTheirSpace) {
  EXPECT_EQ(u(R"(2x\cos(x^2))"), "2x cos(x²)");
  EXPECT_EQ(u(R"(\sin(x^2))"), "sin(x²)");
  EXPECT_EQ(u(R"(= \sin(u))"), "= sin(u)");
}

TEST(Latex, Ascii) {
  EXPECT_EQ(a(R"(\frac{dy}{dx} = 2x \times \theta^2)"), "dy/dx = 2x * theta^2");
  EXPECT_EQ(a(R"(\sqrt{x})"), "sqrt(x)");
  EXPECT_EQ(a("a_{k-1}"), "a_(k-1)");
}

TEST(Latex, AlignedBlocksLineUpAtTheColumn) {
  auto r = render_latex(R"(\begin{aligned}
g(x) &= 3x + 1 \\
\frac{dh}{dx} &= 6(3x + 1)
\end{aligned})");
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0], "g(x)  = 3x + 1");
  EXPECT_EQ(r.lines[1], "dh/dx = 6(3x + 1)");
  EXPECT_TRUE(r.unknown.empty());
}

TEST(Latex, UnknownCommandsAreNamedNeverShownRaw) {
  auto r = render_latex(R"(\foo{x} + \begin{matrix}1\end{matrix})");
  EXPECT_EQ(r.unknown, (std::vector<std::string>{"foo", "begin{matrix}", "end{matrix}"}));
  for (const auto& l : r.lines) EXPECT_EQ(l.find('\\'), std::string::npos) << l;
}

}  // namespace
}  // namespace tutor
