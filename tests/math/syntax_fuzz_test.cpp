// The parser against garbage: random bytes and random token soups never crash it, hang it,
// or make it throw anything but SyntaxError.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "math/print.hpp"
#include "math/syntax.hpp"

namespace tutor {
namespace {

// Parses TEXT; a SyntaxError is a pass, and so is an expression the printer can print.
// Anything else thrown is a failure, reported with the input.
void survive(const std::string& text, SymbolTable& syms, int& parsed) {
  try {
    GiNaC::ex e = parse(text, syms).expr;
    (void)print(e, Style::input);
    ++parsed;
  } catch (const SyntaxError& err) {
    ASSERT_TRUE(err.span().has_value()) << text;
    ASSERT_LE(err.span()->begin, err.span()->end) << text;
    ASSERT_LE(err.span()->end, text.size()) << text;
  } catch (const std::exception& other) {
    FAIL() << "'" << text << "' threw " << typeid(other).name() << ": " << other.what();
  } catch (...) {
    FAIL() << "'" << text << "' threw something that is not an exception";
  }
}

TEST(SyntaxFuzz, RandomBytes) {
  std::mt19937 rng(12345);
  SymbolTable syms;
  int parsed = 0;
  for (int i = 0; i < 60000; ++i) {
    std::string text(std::uniform_int_distribution<int>(0, 24)(rng), '\0');
    for (char& c : text) c = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
    survive(text, syms, parsed);
    if (HasFatalFailure()) return;
  }
}

TEST(SyntaxFuzz, TokenSoup) {
  // Every kind of token the lexer knows, and some it must refuse.
  const std::vector<std::string> vocab = {
      "0",       "1",     "2",        "9",     "10",        "3.5",      ".5",
      "1e-3",    "1e400", "2.",       "1.2.3", "123456789", "x",        "y",
      "theta",   "w1",    "e",        "pi",    "π",         "θ",        "η",
      "α",       "β",     "λ",        "σ",     "sin",       "cos",      "tan",
      "sec",     "csc",   "cot",      "asin",  "arccos",    "atan",     "sinh",
      "cosh",    "tanh",  "exp",      "log",   "ln",        "sqrt",     "abs",
      "sigmoid", "relu",  "softplus", "step",  "sinx",      "xcos",     "sinn",
      "+",       "-",     "*",        "/",     "^",         "**",       "×",
      "·",       "÷",     "−",        "√",     "(",         ")",        "[",
      "]",       ",",     " ",        "\t",    "²",         "³",        "⁻",
      "¹",       "⁰",     "¹⁰",       "'",     "$",         "\x01",     std::string(1, '\0'),
      "\xFF",    "\xC3",  "\xE2\x88", "한",    "😀",         "\x1B[31m", "0^0",
      "1/0",     "^-",    "--"};
  std::mt19937 rng(67890);
  SymbolTable syms;
  int parsed = 0;
  for (int i = 0; i < 60000; ++i) {
    const int n = std::uniform_int_distribution<int>(1, 14)(rng);
    std::string text;
    for (int k = 0; k < n; ++k) {
      text += vocab[std::uniform_int_distribution<std::size_t>(0, vocab.size() - 1)(rng)];
    }
    survive(text, syms, parsed);
    if (HasFatalFailure()) return;
  }
  // The soup is not all rejected: a good share of it is read as math.
  EXPECT_GT(parsed, 1000);
}

TEST(SyntaxFuzz, NumbersAndPowersStayWithinLimits) {
  const std::vector<std::string> vocab = {"9", "99", "999", "2", "10", "0.5", "1.5",  "x", "^",
                                          "^", "*",  "(",   ")", "-",  "e",   "exp(", "!"};
  std::mt19937 rng(4242);
  SymbolTable syms;
  int parsed = 0;
  for (int i = 0; i < 20000; ++i) {
    const int n = std::uniform_int_distribution<int>(1, 12)(rng);
    std::string text;
    for (int k = 0; k < n; ++k) {
      text += vocab[std::uniform_int_distribution<std::size_t>(0, vocab.size() - 1)(rng)];
    }
    survive(text, syms, parsed);
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace tutor
