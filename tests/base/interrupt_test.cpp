// Cooperative interruption: the flag, the exception, and an engine that starts over cleanly.
#include "base/interrupt.hpp"

#include <gtest/gtest.h>

#include <exception>
#include <type_traits>

#include "math/equivalence.hpp"
#include "math/print.hpp"
#include "math/steps.hpp"
#include "math/symbols.hpp"
#include "math/syntax.hpp"

namespace tutor {
namespace {

// The flag is process-wide: every test leaves it down, even when it fails halfway.
class Interrupt : public ::testing::Test {
 protected:
  void TearDown() override { clear_interrupt(); }
};

// The engine's `catch (const std::exception&)` around GiNaC calls must let it through.
static_assert(!std::is_base_of_v<std::exception, Interrupted>);

TEST_F(Interrupt, PollIsQuietUntilRequested) {
  EXPECT_NO_THROW(poll_interrupt());
  EXPECT_NO_THROW(poll_interrupt());
  request_interrupt();
  EXPECT_THROW(poll_interrupt(), Interrupted);
  // The request stands until cleared: every later poll of the computation throws too.
  EXPECT_THROW(poll_interrupt(), Interrupted);
  clear_interrupt();
  EXPECT_NO_THROW(poll_interrupt());
}

TEST_F(Interrupt, PassesThroughHandlersForStdException) {
  request_interrupt();
  bool swallowed = false;
  bool arrived = false;
  try {
    try {
      poll_interrupt();
    } catch (const std::exception&) {
      swallowed = true;
    }
  } catch (const Interrupted&) {
    arrived = true;
  }
  EXPECT_FALSE(swallowed);
  EXPECT_TRUE(arrived);
}

TEST_F(Interrupt, InterruptedDifferentiateLeavesNothingBehind) {
  SymbolTable syms;
  const GiNaC::ex e = parse("sin(cos(tan(x^2+1))) * exp(x) / (1 + x^2)", syms).expr;
  const GiNaC::ex x = syms.get("x");
  const std::string before = print(differentiate(e, x).derivative, Style::input);

  request_interrupt();
  EXPECT_THROW(differentiate(e, x), Interrupted);
  clear_interrupt();

  // The same derivative as before the interrupt, and GiNaC's own.
  const Step s = differentiate(e, x);
  EXPECT_EQ(print(s.derivative, Style::input), before);
  const GiNaC::ex expected = e.diff(GiNaC::ex_to<GiNaC::symbol>(x));
  EXPECT_EQ(compare_functions(s.derivative, expected, {x}).verdict, Agreement::equal);
}

TEST_F(Interrupt, InterruptedComparisonIsNotAVerdict) {
  SymbolTable syms;
  const GiNaC::ex a = parse("sin(2x)", syms).expr;
  const GiNaC::ex b = parse("2 sin(x) cos(x)", syms).expr;
  const GiNaC::ex x = syms.get("x");
  request_interrupt();
  EXPECT_THROW(compare_functions(a, b, {x}), Interrupted);
  clear_interrupt();
  EXPECT_EQ(compare_functions(a, b, {x}).verdict, Agreement::equal);
}

}  // namespace
}  // namespace tutor
