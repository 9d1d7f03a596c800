// Answer checking throughput: a class's worth of answers, right and wrong, through check().
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "calculus/check.hpp"
#include "math/symbols.hpp"
#include "math/syntax.hpp"

namespace {

struct Pair {
  const char* question;
  const char* answer;
};

// Right answers in several forms and the common mistakes, as a class would hand them in.
const Pair kAnswers[] = {
    {"sin(x^2)", "2x cos(x^2)"},       {"sin(x^2)", "cos(x^2)"},
    {"sin(x^2)", "cos(x^2)*2x"},       {"(2x+1)^3", "6(2x+1)^2"},
    {"(2x+1)^3", "24x^2+24x+6"},       {"(2x+1)^3", "3(2x+1)^2"},
    {"(3x+1)^2", "6(3x+1)"},           {"x sin(x)", "cos(x)"},
    {"x sin(x)", "sin(x) + x cos(x)"}, {"sin(x)/x", "(sin(x) - x cos(x))/x^2"},
};

void BM_CheckAnswers(benchmark::State& state) {
  tutor::SymbolTable syms;
  std::vector<GiNaC::ex> questions;
  for (const auto& p : kAnswers) questions.push_back(tutor::parse(p.question, syms).expr);
  GiNaC::ex x = syms.get("x");
  std::size_t checked = 0;
  for (auto _ : state) {
    for (std::size_t i = 0; i < std::size(kAnswers); ++i) {
      benchmark::DoNotOptimize(tutor::check(questions[i], x, kAnswers[i].answer, syms));
      ++checked;
    }
  }
  state.counters["answers/s"] =
      benchmark::Counter(static_cast<double>(checked), benchmark::Counter::kIsRate);
}

}  // namespace

// 1,000 iterations of the 10 answers: 10,000 answers.
BENCHMARK(BM_CheckAnswers)->Iterations(1000)->Unit(benchmark::kMillisecond);
