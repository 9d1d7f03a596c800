// The course's exercises: their answer keys, the judging of answers, and a whole session.
#include "course/exercise.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "course/graph_practice.hpp"
#include "course/progress.hpp"
#include "labs/graph.hpp"
#include "math/point.hpp"
#include "math/syntax.hpp"
#include "support/hints.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

namespace tutor {
namespace {

using testing::run_binary;
using testing::TempDir;

TEST(Exercise, AnswerKeysMatchTheCourse) {
  auto all = course_exercises(Lang::en);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].parts[0].question.function, "sin(x^2)");
  EXPECT_EQ(all[1].parts[0].graph_at, "x=1");
  // Exercise 3 by hand: each step multiplies θ by 1 − 2η; η = 0.1 gives 5·0.8³ = 2.56.
  const auto& three = all[2].parts;
  EXPECT_EQ(three[0].question.choices[three[0].question.choice].text, "10");     // diverges
  EXPECT_EQ(three[1].question.choices[three[1].question.choice].text, "0.001");  // slow
  EXPECT_NEAR(three[2].question.number, 2.56, 1e-12);
}

TEST(Exercise, GradesNumbersAndChoices) {
  const auto all = course_exercises(Lang::ko);
  const Question& theta = all[2].parts[2].question;
  const Question& diverges = all[2].parts[0].question;
  const std::vector<std::tuple<const Question*, std::string, Status>> cases = {
      {&theta, "2.56", Status::correct},    {&theta, "64/25", Status::correct},
      {&theta, "5*0.8^3", Status::correct}, {&theta, "2.5", Status::incorrect},
      {&theta, "x", Status::invalid},       {&theta, "2.56)", Status::invalid},
      {&diverges, "3", Status::correct},    {&diverges, "c", Status::correct},
      {&diverges, "10", Status::correct},   {&diverges, "0.1", Status::incorrect},
      {&diverges, "4", Status::invalid},
  };
  for (const auto& [q, answer, status] : cases)
    EXPECT_EQ(grade(*q, answer).status, status) << answer;
}

// Every question of every exercise, in both languages, exercise 2's graph walk included: the
// first hint points to the method and does not state the answer.
TEST(Exercise, NoFirstHintGivesTheAnswerAway) {
  for (Lang lang : {Lang::en, Lang::ko}) {
    int hinted = 0;
    for (const auto& ex : course_exercises(lang)) {
      for (const auto& part : ex.parts) {
        std::vector<Question> questions;
        if (part.graph_at.empty()) {
          questions.push_back(part.question);
        } else {
          SymbolTable syms;
          Parsed p = parse(part.question.function, syms);
          Graph g = build_graph(p.expr);
          evaluate(g, parse_point(part.graph_at, p.variables));
          for (auto& gq : graph_practice(g, lang, false)) questions.push_back(gq.question);
        }
        for (const auto& q : questions) {
          ASSERT_FALSE(q.hints.empty()) << ex.number << ": " << q.prompt;
          ++hinted;
          EXPECT_FALSE(testing::gives_answer_away(q, q.hints.front()))
              << "exercise " << ex.number << ": " << q.prompt << "\n  " << q.hints.front();
        }
      }
    }
    EXPECT_EQ(hinted, 1 + 6 + 1 + 3);
  }
}

// A learning rate that is not among the choices still gets the first hint.
// One run of `tutor exercise N` with a fresh progress file: what the learner types, the exit
// status, what the output and the error stream must show, and what the progress file records.
struct Session {
  std::string exercise;
  std::string input;
  int status;
  std::vector<std::string> out;
  std::string err = {};
  std::optional<bool> solved = {};
  std::optional<bool> revealed = {};
  std::optional<int> tries = {};
};

TEST(ExerciseCli, Sessions) {
  const std::vector<Session> sessions = {
      // A rate that is not one of the choices is not a try, but it earns the first hint.
      {"3",
       "0.5\n",
       1,
       {"'0.5' is not one of the choices",
        "Hint 1: f'(x) = 2x, so each step multiplies x by (1 - 2η)"}},
      {"1",
       "hint\ncos(x^2)\n2x cos(x^2)\n",
       0,
       {"The outer function is sin(u)", "(missing-inner-derivative)",
        "d/dx sin(x²) = cos(x²) · 2x = 2x·cos(x²)"},
       "",
       true,
       false,
       2},
      {"1", "solution\n", 1, {"The answer: 2x·cos(x²)"}, "", false, true},
      {"3", "1\n2\n1\n", 1, {"The answer: c) 10"}},
      // Solved, and the comparison of the three rates follows.
      {"3", "3\n1\n64/25\n", 0, {"converged"}},
      // Forward: a = 2x = 2, b = a + 1 = 3, y = b³ = 27. Backward: dy/db = 3b² = 27,
      // dy/da = 27·1 = 27, dy/dx = 27·2 = 54. Then the formula 6(2x + 1)².
      {"2", "2\n3\n27\n27\n27\n54\n6(2x+1)^2\n", 0, {"[Forward pass]"}, "", true},
      {"7", "", 2, {}, "there is no exercise '7'"},
  };
  for (const auto& s : sessions) {
    SCOPED_TRACE("exercise " + s.exercise + " with " + s.input);
    TempDir home;
    auto r = run_binary({"exercise", s.exercise}, s.input, home.env());
    EXPECT_EQ(r.status, s.status) << r.out << r.err;
    for (const auto& part : s.out) EXPECT_NE(r.out.find(part), std::string::npos) << part;
    EXPECT_NE(r.err.find(s.err), std::string::npos) << r.err;
    const auto record = load_progress(home.progress()).progress.exercises[s.exercise];
    if (s.solved) EXPECT_EQ(record.solved, *s.solved);
    if (s.revealed) EXPECT_EQ(record.revealed, *s.revealed);
    if (s.tries) EXPECT_EQ(record.tries, *s.tries);
  }
}

TEST(ExerciseCli, ListShowsStatusInKorean) {
  TempDir home;
  run_binary({"exercise", "1"}, "2x cos(x^2)\n", home.env());
  auto env = home.env();
  env["TUTOR_LANG"] = "ko";
  auto r = run_binary({"exercise"}, "", env);
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("해결 (시도 1번)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("시작 전"), std::string::npos) << r.out;
}

TEST(ExerciseCli, CorruptProgressIsKeptAside) {
  TempDir home;
  std::filesystem::create_directories(home.path / "tutor");
  std::ofstream(home.path / "tutor" / "progress.json") << "not json";
  auto r = run_binary({"exercise", "1"}, "2x cos(x^2)\n", home.env());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.err.find("could not be read"), std::string::npos) << r.err;
  int kept = 0;
  for (const auto& e : std::filesystem::directory_iterator(home.path / "tutor")) {
    if (e.path().filename().string().starts_with("progress.json.corrupt-")) ++kept;
  }
  EXPECT_EQ(kept, 1);
  EXPECT_TRUE(load_progress(home.progress()).progress.exercises["1"].solved);
}

}  // namespace
}  // namespace tutor
