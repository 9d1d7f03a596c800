// Functions the learner defines: reading them, binding them late, refusing what cannot be.
#include "math/definitions.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "base/errors.hpp"
#include "math/equivalence.hpp"
#include "math/print.hpp"
#include "math/symbols.hpp"
#include "math/syntax.hpp"

namespace tutor {
namespace {

void define(SymbolTable& syms, const std::string& text) {
  syms.definitions().define(parse_definition(text, syms).definition);
}

std::string text_of(SymbolTable& syms, const std::string& input) {
  return print(parse(input, syms).expr, Style::text);
}

// Each input, parsed with SYMS, written out as the expected text.
void expect_written(SymbolTable& syms,
                    std::initializer_list<std::pair<const char*, const char*>> cases) {
  for (const auto& [input, text] : cases) EXPECT_EQ(text_of(syms, input), text) << input;
}

// The key of the SyntaxError TEXT raises, and where.
std::pair<std::string, Span> refusal(SymbolTable& syms, const std::string& text,
                                     bool definition = false) {
  try {
    if (definition) {
      define(syms, text);
    } else {
      parse(text, syms);
    }
  } catch (const SyntaxError& e) {
    return {e.key(), *e.span()};
  } catch (const Error& e) {
    return {e.key(), Span{}};
  }
  return {"", Span{}};
}

TEST(Definitions, CompositesAreWrittenOut) {
  SymbolTable syms;
  define(syms, "f(x) = x^2");
  define(syms, "g(x) = 3x + 1");
  expect_written(syms,
                 {{"f(g(x))", "(3x + 1)²"}, {"g(f(x))", "3x² + 1"}, {"f(2)", "4"}, {"f(t)", "t²"}});
  // The learner's names are kept beside what they stand for.
  const Parsed p = parse("f(g(x)) + 1", syms);
  EXPECT_EQ(print(p.held, Style::text), "f(g(x)) + 1");
  EXPECT_EQ(print(p.held, Style::ascii), "f(g(x)) + 1");
  EXPECT_TRUE(has_calls(p.held));
  EXPECT_FALSE(has_calls(p.expr));
  EXPECT_EQ(p.variables, std::vector<std::string>{"x"});
}

TEST(Definitions, ComposedDefinitionsAndOtherParameterNames) {
  SymbolTable syms;
  define(syms, "f(x) = x^2");
  define(syms, "g(t) = sin(t)");
  define(syms, "h(x) = f(g(x))");
  EXPECT_EQ(text_of(syms, "h(x)"), "sin(x)²");
  EXPECT_EQ(text_of(syms, "h(2x)"), "sin(2x)²");
  const Definition* h = syms.definitions().find("h");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->uses, (std::vector<std::string>{"f", "g"}));
  EXPECT_EQ(print(h->body, Style::text), "f(g(x))");
  // Other variables in a body are the model's parameters and stay free.
  define(syms, "p(x) = a x + b");
  EXPECT_EQ(text_of(syms, "p(w)"), "a·w + b");
}

TEST(Definitions, BindingIsLate) {
  SymbolTable syms;
  define(syms, "f(x) = x^2");
  define(syms, "h(x) = f(x + 1)");
  EXPECT_EQ(text_of(syms, "h(x)"), "(x + 1)²");
  define(syms, "f(x) = e^x");
  EXPECT_EQ(text_of(syms, "h(x)"), "e^(x + 1)");
}

TEST(Definitions, PrimesAreDerivativesOfTheBody) {
  SymbolTable syms;
  define(syms, "f(x) = x^3");
  define(syms, "g(x) = sin(x)");
  expect_written(syms, {{"f'(x)", "3x²"},
                        {"f''(x)", "6x"},
                        {"f″(x)", "6x"},
                        {"f′′′(x)", "6"},
                        {"f'(g(x))", "3sin(x)²"},
                        {"g''(2x)", "-sin(2x)"}});
  const Parsed p = parse("f''(x)", syms);
  EXPECT_EQ(print(p.held, Style::text), "f″(x)");
  EXPECT_EQ(print(p.held, Style::input), "f''(x)");
  EXPECT_EQ(print(p.held, Style::latex), "f^{\\prime\\prime}\\left(x\\right)");
  // Input form reads back.
  EXPECT_TRUE(parse(print(p.held, Style::input), syms).expr.is_equal(p.expr));
}

TEST(Definitions, UndefinedOneLetterNamesStayProducts) {
  SymbolTable syms;
  const Parsed p = parse("f(x+1)", syms);
  EXPECT_EQ(print(p.expr, Style::text), "f·(x + 1)");
  ASSERT_EQ(p.notes.size(), 1u);
  EXPECT_EQ(p.notes[0].key, "syntax.call_as_product");
  // x(x+1) is the product every learner means: no note.
  EXPECT_TRUE(parse("x(x+1)", syms).notes.empty());
  define(syms, "f(x) = x^2");
  EXPECT_EQ(text_of(syms, "f(x+1)"), "(x + 1)²");
  EXPECT_TRUE(parse("f(x+1)", syms).notes.empty());
}

TEST(Definitions, RefusedDefinitionsSayWhereAndWhy) {
  SymbolTable syms;
  EXPECT_EQ(refusal(syms, "sin(x) = x", true),
            std::make_pair(std::string("define.builtin"), Span{0, 3}));
  EXPECT_EQ(refusal(syms, "e(x) = x", true).first, "define.builtin");
  EXPECT_EQ(refusal(syms, "f(x) = f(x) + 1", true),
            std::make_pair(std::string("define.self_reference"), Span{7, 8}));
  EXPECT_EQ(refusal(syms, "f(x, y) = x", true),
            std::make_pair(std::string("define.one_parameter"), Span{3, 4}));
  EXPECT_EQ(refusal(syms, "f(2) = x", true).first, "define.bad_parameter");
  EXPECT_EQ(refusal(syms, "f(x) = ", true).first, "syntax.empty");
  EXPECT_EQ(refusal(syms, "f(x) = (x+", true).first, "syntax.unexpected_end");
  EXPECT_EQ(refusal(syms, "f(x) = 1/0", true).first, "syntax.division_by_zero");
  EXPECT_TRUE(syms.definitions().empty());
}

TEST(Definitions, CyclesAreRefusedAndNothingChanges) {
  SymbolTable syms;
  define(syms, "f(x) = x^2");
  define(syms, "g(x) = f(x) + 1");
  const auto [key, span] = refusal(syms, "f(x) = g(x)", true);
  EXPECT_EQ(key, "define.cycle");
  EXPECT_EQ(span, (Span{7, 8}));
  EXPECT_EQ(text_of(syms, "g(x)"), "x² + 1");
}

TEST(Definitions, UndefWhenNothingUsesIt) {
  SymbolTable syms;
  define(syms, "f(x) = x^2");
  define(syms, "h(x) = f(x) + 1");
  EXPECT_EQ(refusal(syms, "", false).first, "syntax.empty");
  try {
    syms.definitions().undefine("f");
    FAIL() << "h uses f";
  } catch (const Error& e) {
    EXPECT_EQ(e.key(), "define.in_use");
  }
  syms.definitions().undefine("h");
  syms.definitions().undefine("f");
  EXPECT_TRUE(syms.definitions().empty());
  // f is a product again.
  EXPECT_EQ(text_of(syms, "f(2)"), "2f");
  try {
    syms.definitions().undefine("f");
    FAIL() << "f is gone";
  } catch (const Error& e) {
    EXPECT_EQ(e.key(), "define.not_defined");
  }
}

TEST(Definitions, BadCallsAreErrorsAtTheCall) {
  SymbolTable syms;
  define(syms, "f(x) = 1/x");
  EXPECT_EQ(refusal(syms, "2 + f(0)"), std::make_pair(std::string("syntax.undefined"), Span{4, 8}));
  EXPECT_EQ(refusal(syms, "f(1, 2)"),
            std::make_pair(std::string("define.one_argument"), Span{3, 6}));
  EXPECT_EQ(refusal(syms, "f + 1").first, "define.needs_argument");
  EXPECT_EQ(refusal(syms, "f()").first, "define.needs_argument");
  EXPECT_EQ(refusal(syms, "f'''''''''''(x)").first, "diff.bad_order");
  EXPECT_EQ(refusal(syms, "f(x) = 2").first, "syntax.equals");
  EXPECT_EQ(refusal(syms, "g'(x)"),
            std::make_pair(std::string("syntax.prime_undefined"), Span{0, 1}));
  EXPECT_EQ(refusal(syms, "sin'(x)").first, "syntax.prime");
  EXPECT_EQ(refusal(syms, "x'").first, "syntax.prime");
}

TEST(Definitions, BlowUpsAreRefusedQuickly) {
  SymbolTable syms;
  define(syms, "f(x) = x + sin(x)");
  define(syms, "g(x) = f(f(f(f(x))))");
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(refusal(syms, "k(x) = g(g(g(g(x))))", true).first, "define.too_large");
  EXPECT_EQ(refusal(syms, "g(g(g(g(g(x)))))").first, "define.too_large");
  // Deep rather than wide: one leaf, nested past the limit.
  define(syms, "s(x) = sin(sin(sin(sin(sin(sin(sin(sin(sin(sin(x))))))))))");
  EXPECT_EQ(refusal(syms, "s(s(s(s(s(s(s(s(s(s(s(s(s(s(s(s(s(s(s(s(s(x)))))))))))))))))))))").first,
            "define.too_large");
  define(syms, "p(x) = x^1000");
  EXPECT_EQ(refusal(syms, "p(p(5))").first, "define.number_too_large");
  EXPECT_EQ(refusal(syms, "p(p(x))").first, "syntax.exponent_too_large");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(Definitions, ManyDefinitionsEachUsingTheLastStayCheap) {
  // d_k(x) = d_{k-1}(d_{k-1}(x)): written out naively this is 2^k bodies.
  SymbolTable syms;
  define(syms, "d0(x) = x");
  for (int k = 1; k < 60; ++k) {
    define(syms, "d" + std::to_string(k) + "(x) = d" + std::to_string(k - 1) + "(d" +
                     std::to_string(k - 1) + "(x))");
  }
  EXPECT_EQ(text_of(syms, "d59(x) + 1"), "x + 1");
}

TEST(Definitions, DefinitionShape) {
  EXPECT_TRUE(looks_like_definition("f(x) = x^2"));
  EXPECT_TRUE(looks_like_definition("  loss(w)=(w-3)^2"));
  EXPECT_TRUE(looks_like_definition("f (t) = t"));
  EXPECT_TRUE(looks_like_definition("f(x,y) = x"));
  EXPECT_FALSE(looks_like_definition("f(x)"));
  EXPECT_FALSE(looks_like_definition("f(g(x)) = 2"));
  EXPECT_FALSE(looks_like_definition("2f(x) = 1"));
  EXPECT_FALSE(looks_like_definition("diff x^2"));
}

}  // namespace
}  // namespace tutor
