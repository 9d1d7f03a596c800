// The step engine against plain GiNaC diff on the same expressions: the price of explaining.
#include <benchmark/benchmark.h>

#include <string>

#include "math/steps.hpp"
#include "math/symbols.hpp"
#include "math/syntax.hpp"

namespace {

struct Workload {
  const char* name;
  std::string text;
};

std::string nested_chain(int depth) {
  std::string t = "x";
  for (int i = 0; i < depth; ++i) t = (i % 2 ? "cos(" : "sin(") + t + ")";
  return t;
}

std::string polynomial(int terms) {
  std::string t;
  for (int i = terms; i >= 1; --i)
    t += std::to_string(i % 7 + 1) + "x^" + std::to_string(i) + " + ";
  return t + "1";
}

std::string product(int factors) {
  std::string t;
  for (int i = 1; i <= factors; ++i)
    t += (i > 1 ? "*" : "") + std::string("(x+") + std::to_string(i) + ")";
  return t;
}

const Workload kWorkloads[] = {
    {"seed_sin_x2", "sin(x^2)"},
    {"seed_3x_plus_1_squared", "(3x+1)^2"},
    {"seed_2x_plus_1_cubed", "(2x+1)^3"},
    {"chain_50_deep", nested_chain(50)},
    {"polynomial_200_terms", polynomial(200)},
    {"product_50_factors", product(50)},
};

void BM_TutorSteps(benchmark::State& state) {
  const Workload& w = kWorkloads[state.range(0)];
  tutor::SymbolTable syms;
  GiNaC::ex e = tutor::parse(w.text, syms).expr;
  GiNaC::ex x = syms.get("x");
  for (auto _ : state) benchmark::DoNotOptimize(tutor::differentiate(e, x));
  state.SetLabel(w.name);
}

void BM_GinacDiff(benchmark::State& state) {
  const Workload& w = kWorkloads[state.range(0)];
  tutor::SymbolTable syms;
  GiNaC::ex e = tutor::parse(w.text, syms).expr;
  const auto& x = GiNaC::ex_to<GiNaC::symbol>(syms.get("x"));
  for (auto _ : state) benchmark::DoNotOptimize(e.diff(x));
  state.SetLabel(w.name);
}

}  // namespace

BENCHMARK(BM_TutorSteps)->DenseRange(0, 5)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_GinacDiff)->DenseRange(0, 5)->Unit(benchmark::kMicrosecond);
