// Grading a class: 2,000 students × 10 questions, the way `tutor quiz grade` does it.
//
// Answers are drawn with a fixed seed from a pool per question (right answers in several
// forms, the common mistakes, unreadable text, blanks), and one question is randomised per
// student, so the run sees what a real class gives: many repeats and a spread of variants.
#include <benchmark/benchmark.h>

#include <random>

#include "class/gradebook.hpp"
#include "class/item_analysis.hpp"

namespace {

// DISTINCT: every answer text is different (a harmless "+ 0*k" term), the worst case for
// remembering marked answers.
std::vector<tutor::Submission> make_class(const tutor::Quiz& quiz, int students,
                                          bool distinct = false) {
  const std::map<std::string, std::vector<std::string>> pool = {
      {"d1",
       {"2x cos(x^2)", "cos(x^2)*2x", "cos(x^2)", "-2x cos(x^2)", "2x cos(x^2", "",
        "2 x cos(x^2)"}},
      {"d2", {"6(2x+1)^2", "3(2x+1)^2", "6*(2*x+1)^2", "24x^2+24x+6", "(2x+1)^3", ""}},
      {"d3", {"3exp(3x)cos(x) - exp(3x)sin(x)", "-3exp(3x)sin(x)", "exp(3x)(3cos(x)-sin(x))", ""}},
      {"r1", {"0", "3(x+1)^2", ""}},  // plus each student's right answer, below
      {"v1", {"54", "27", "54.0000001", "-54", "x", ""}},
      {"g1", {"-3", "3", "-9", "-3.0", ""}},
      {"s1", {"0.64", "16/25", "0.8", "0.6400001", ""}},
      {"c1", {"3", "c", "10", "1", "2", ""}},
      {"e1", {"3u^2", "3*u*u", "3u^2+1", "u^3", ""}},
      {"d4", {"2x/(x^2+1)", "1/(x^2+1)", "2x/(x^2 + 1)", ""}},
  };
  std::mt19937 gen(12345);
  std::vector<tutor::Submission> out;
  for (int i = 0; i < students; ++i) {
    tutor::Submission s;
    s.student = "student" + std::to_string(i);
    for (const auto& [id, answers] : pool) {
      std::uniform_int_distribution<std::size_t> pick(0, answers.size());
      std::size_t k = pick(gen);
      if (k < answers.size()) {
        s.answers[id] = answers[k];
      } else if (id == "r1") {
        auto a =
            tutor::draw_variant(*quiz.find("r1"), tutor::variant_seed(quiz, s.student)).at("a");
        s.answers[id] = std::to_string(3 * a) + "(" + std::to_string(a) + "x+1)^2";
      } else {
        s.answers[id] = answers[0];
      }
    }
    if (distinct) {
      for (auto& [id, a] : s.answers) {
        if (!a.empty() && id != "c1") a += " + 0*" + std::to_string(i);
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

void grade(benchmark::State& state, bool distinct) {
  tutor::QuizLoad q = tutor::read_quiz(TUTOR_BENCH_DATA "/class.toml");
  if (!q.ok()) {
    state.SkipWithError("the benchmark quiz does not load");
    return;
  }
  auto subs = make_class(q.quiz, 2000, distinct);
  for (auto _ : state) {
    tutor::Gradebook g = tutor::grade_class(q.quiz, subs, {static_cast<unsigned>(state.range(0))});
    benchmark::DoNotOptimize(g.students.data());
  }
  state.SetItemsProcessed(state.iterations() * 2000 * 10);
}

// The argument is the number of worker processes; 0 lets grade_class choose.
void BM_GradeClass(benchmark::State& state) {
  grade(state, false);
}
void BM_GradeClassDistinctAnswers(benchmark::State& state) {
  grade(state, true);
}
// The item analysis `quiz grade` adds to its reports, on a class already graded: linear in
// the students, plus a bounded number of comparisons of wrong answers per question.
void analyse(benchmark::State& state, bool distinct) {
  tutor::QuizLoad q = tutor::read_quiz(TUTOR_BENCH_DATA "/class.toml");
  if (!q.ok()) {
    state.SkipWithError("the benchmark quiz does not load");
    return;
  }
  tutor::Gradebook g = tutor::grade_class(q.quiz, make_class(q.quiz, 2000, distinct), {1});
  for (auto _ : state) {
    tutor::ItemAnalysis a = tutor::analyse_items(q.quiz, g);
    benchmark::DoNotOptimize(a.items.data());
  }
  state.SetItemsProcessed(state.iterations() * 2000 * 10);
}
void BM_ItemAnalysis(benchmark::State& state) {
  analyse(state, false);
}
void BM_ItemAnalysisDistinctAnswers(benchmark::State& state) {
  analyse(state, true);
}
BENCHMARK(BM_ItemAnalysis)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ItemAnalysisDistinctAnswers)->Unit(benchmark::kMillisecond);

BENCHMARK(BM_GradeClass)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_GradeClassDistinctAnswers)
    ->Arg(0)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
