// --ascii: every byte of every command's output is ASCII (in English), not only formulas.
#include "cli/ascii_stream.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "base/text.hpp"
#include "support/run.hpp"

namespace tutor {
namespace {

TEST(AsciiMath, SpellsGlyphs) {
  EXPECT_EQ(ascii_math("x² + x¹⁰ − a₀ · θ"), "x^2 + x^10 - a_0 * theta");
  EXPECT_EQ(ascii_math("x⁻¹ ≤ 0.25²⁰ → ∇f, f″"), "x^-1 <= 0.25^20 -> grad f, f''");
  EXPECT_EQ(ascii_math("체인룰: σ(x)"), "체인룰: sigma(x)");  // Korean stays
}

TEST(AsciiMath, SubscriptRunsReadAsLatexDoes) {
  // One subscript, or only digits, follows the underscore; a longer run is parenthesised.
  EXPECT_EQ(ascii_math("aₖ = σ(W·aₖ₋₁), W·σ′(zₖ)"), "a_k = sigma(W*a_(k-1)), W*sigma'(z_k)");
  EXPECT_EQ(ascii_math("x₁₂ + f(θₖ)"), "x_12 + f(theta_k)");
  EXPECT_EQ(ascii_math("‖g‖ = 2"), "||g|| = 2");
}

TEST(AsciiMath, StreamConvertsWholeLines) {
  std::ostringstream target;
  {
    cli::AsciiOut out(target, true);
    out.stream() << "θ ← θ − η·∇f(θ)\n"
                 << "x"
                 << "²" << std::flush;
  }
  EXPECT_EQ(target.str(), "theta <- theta - eta*grad f(theta)\nx^2");
  std::ostringstream plain;
  cli::AsciiOut off(plain, false);
  off.stream() << "x²";
  EXPECT_EQ(plain.str(), "x²");
}

TEST(AsciiMath, EveryCommandWritesOnlyAscii) {
  const std::vector<std::vector<std::string>> runs = {
      {"diff", "sin((3x+1)^2) sqrt(x)"},
      {"graph", "(2x+1)^3", "--at", "x=1"},
      {"descent", "x^2", "--from", "5", "--lr", "0.001", "--lr", "0.1", "--lr", "10"},
      {"gradients", "--activation", "sigmoid", "--layers", "20"},
      {"gradients", "--activation", "linear", "--weight", "1.5", "--layers", "20", "--clip", "1"},
      {"check", "sin(x^2)", "--answer", "cos(x^2)", "--solution"},
      {"exercise"},
      {"lesson", "3"},
  };
  for (auto args : runs) {
    args.insert(args.begin(), "--ascii");
    auto r = testing::run_in_process(args);
    for (unsigned char c : r.out + r.err) {
      ASSERT_LT(c, 0x80) << args[1] << ":\n" << r.out << r.err;
    }
  }
}

}  // namespace
}  // namespace tutor
