// The chain rule in the learner's names: every factor, and a result equal to diff's.
#include "calculus/named_chain.hpp"

#include <gtest/gtest.h>

#include "math/equivalence.hpp"
#include "math/print.hpp"
#include "math/steps.hpp"
#include "math/symbols.hpp"
#include "math/syntax.hpp"

namespace tutor {
namespace {

struct Fixture {
  SymbolTable syms;
  explicit Fixture(std::initializer_list<const char*> defs) {
    for (const char* d : defs) syms.definitions().define(parse_definition(d, syms).definition);
  }
  std::optional<NamedChain> chain(const std::string& text) {
    return named_chain(parse(text, syms).held, syms.get("x"), syms.definitions());
  }
};

std::vector<std::string> names(const NamedChain& c) {
  std::vector<std::string> out;
  for (const auto& f : c.factors) out.push_back(print(f.named, Style::text));
  return out;
}
std::vector<std::string> values(const NamedChain& c) {
  std::vector<std::string> out;
  for (const auto& f : c.factors) out.push_back(print(f.value, Style::text));
  return out;
}

TEST(NamedChain, FOfG) {
  Fixture t{"f(x) = x^2", "g(x) = 3x + 1"};
  auto c = t.chain("f(g(x))");
  ASSERT_TRUE(c);
  EXPECT_EQ(names(*c), (std::vector<std::string>{"f′(g(x))", "g′(x)"}));
  EXPECT_EQ(values(*c), (std::vector<std::string>{"2(3x + 1)", "3"}));
  EXPECT_EQ(print(c->factors[0].rule, Style::text), "2x");
  EXPECT_EQ(print(c->result, Style::text), "6(3x + 1)");
  c = t.chain("g(f(x))");
  ASSERT_TRUE(c);
  EXPECT_EQ(names(*c), (std::vector<std::string>{"g′(f(x))", "f′(x)"}));
  EXPECT_EQ(print(c->result, Style::text), "6x");
}

TEST(NamedChain, CompositeDefinitionIsOpened) {
  Fixture t{"f(x) = x^2", "g(x) = 3x + 1", "h(x) = f(g(x))"};
  auto c = t.chain("h(x)");
  ASSERT_TRUE(c);
  ASSERT_EQ(c->opened.size(), 1u);
  EXPECT_EQ(print(c->opened[0], Style::text), "h(x)");
  EXPECT_EQ(print(c->written, Style::text), "f(g(x))");
  EXPECT_EQ(names(*c), (std::vector<std::string>{"f′(g(x))", "g′(x)"}));
}

TEST(NamedChain, PlainInnerArgumentAndDeepChains) {
  Fixture t{"f(t) = sin(t)^2", "g(x) = e^x", "k(x) = 2x - 1"};
  auto c = t.chain("f(x^2 + 1)");
  ASSERT_TRUE(c);
  EXPECT_EQ(names(*c), (std::vector<std::string>{"f′(x² + 1)", "x² + 1"}));
  EXPECT_FALSE(c->factors[1].is_call);
  EXPECT_EQ(values(*c)[1], "2x");
  EXPECT_EQ(print(c->factors[0].rule, Style::text), "2cos(t)·sin(t)");
  c = t.chain("f(g(k(x)))");
  ASSERT_TRUE(c);
  EXPECT_EQ(names(*c), (std::vector<std::string>{"f′(g(k(x)))", "g′(k(x))", "k′(x)"}));
}

TEST(NamedChain, NothingToNameForACallOfTheVariableOrASum) {
  Fixture t{"f(x) = x^2", "g(x) = 3x + 1"};
  EXPECT_FALSE(t.chain("f(x)"));
  EXPECT_FALSE(t.chain("f(x) + g(x)"));
  EXPECT_FALSE(t.chain("x^2"));
}

// The factors multiply to diff's result, and diff's result is the derivative, at points.
TEST(NamedChain, FactorsMultiplyToTheDerivative) {
  Fixture t{"f(x) = x^3 - 2x", "g(x) = sin(x)", "s(u) = sigmoid(2u + 1)", "r(x) = sqrt(x^2 + 1)",
            "l(x) = ln(x^2 + 2)"};
  for (const char* text :
       {"f(g(x))", "g(f(x))", "s(f(x))", "r(s(x))", "l(g(f(x)))", "f(g(2x - 1))", "s(r(l(x)))"}) {
    auto c = t.chain(text);
    ASSERT_TRUE(c) << text;
    GiNaC::ex product = 1;
    for (const auto& f : c->factors) product *= f.value;
    const GiNaC::ex x = t.syms.get("x");
    const GiNaC::ex expanded = parse(text, t.syms).expr;
    EXPECT_EQ(compare_functions(product, c->result, {x}).verdict, Agreement::equal) << text;
    EXPECT_EQ(
        compare_functions(c->result, expanded.diff(GiNaC::ex_to<GiNaC::symbol>(x)), {x}).verdict,
        Agreement::equal)
        << text;
  }
}

}  // namespace
}  // namespace tutor
