// The course's exercises: their answer keys, the judging of answers, and a whole session.
#include "course/exercise.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

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
  auto all = course_exercises(Lang::ko);
  const Question& theta = all[2].parts[2].question;
  EXPECT_EQ(grade(theta, "2.56").status, Status::correct);
  EXPECT_EQ(grade(theta, "64/25").status, Status::correct);
  EXPECT_EQ(grade(theta, "5*0.8^3").status, Status::correct);
  EXPECT_EQ(grade(theta, "2.5").status, Status::incorrect);
  EXPECT_EQ(grade(theta, "x").status, Status::invalid);
  EXPECT_EQ(grade(theta, "2.56)").status, Status::invalid);
  const Question& diverges = all[2].parts[0].question;
  EXPECT_EQ(grade(diverges, "3").status, Status::correct);
  EXPECT_EQ(grade(diverges, "c").status, Status::correct);
  EXPECT_EQ(grade(diverges, "10").status, Status::correct);
  EXPECT_EQ(grade(diverges, "0.1").status, Status::incorrect);
  EXPECT_EQ(grade(diverges, "4").status, Status::invalid);
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
TEST(ExerciseCli, ARateNotAmongTheChoicesGetsAHint) {
  TempDir home;
  auto r = run_binary({"exercise", "3"}, "0.5\n", home.env());
  EXPECT_NE(r.out.find("'0.5' is not one of the choices"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Hint 1: f'(x) = 2x, so each step multiplies x by (1 - 2η)"),
            std::string::npos)
      << r.out;
}

TEST(ExerciseCli, WrongThenRightIsSolvedAndRecorded) {
  TempDir home;
  auto r = run_binary({"exercise", "1"}, "hint\ncos(x^2)\n2x cos(x^2)\n", home.env());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("The outer function is sin(u)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(missing-inner-derivative)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("d/dx sin(x²) = cos(x²) · 2x = 2x·cos(x²)"), std::string::npos) << r.out;
  Progress p = load_progress(home.progress()).progress;
  EXPECT_TRUE(p.exercises["1"].solved);
  EXPECT_EQ(p.exercises["1"].tries, 2);
}

TEST(ExerciseCli, GivingUpShowsTheSolutionAndExitsOne) {
  TempDir home;
  auto r = run_binary({"exercise", "1"}, "solution\n", home.env());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("The answer: 2x·cos(x²)"), std::string::npos) << r.out;
  EXPECT_TRUE(load_progress(home.progress()).progress.exercises["1"].revealed);
  EXPECT_FALSE(load_progress(home.progress()).progress.exercises["1"].solved);
}

TEST(ExerciseCli, ThreeWrongAnswersReveal) {
  TempDir home;
  auto r = run_binary({"exercise", "3"}, "1\n2\n1\n", home.env());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("The answer: c) 10"), std::string::npos) << r.out;
}

TEST(ExerciseCli, ExerciseThreeSolved) {
  TempDir home;
  auto r = run_binary({"exercise", "3"}, "3\n1\n64/25\n", home.env());
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("converged"), std::string::npos) << r.out;  // the comparison follows
}

TEST(ExerciseCli, ExerciseTwoUsesTheGraphPractice) {
  TempDir home;
  // Forward: a = 2x = 2, b = a + 1 = 3, y = b³ = 27. Backward: dy/db = 3b² = 27,
  // dy/da = 27·1 = 27, dy/dx = 27·2 = 54. Then the formula 6(2x + 1)².
  auto r = run_binary({"exercise", "2"}, "2\n3\n27\n27\n27\n54\n6(2x+1)^2\n", home.env());
  EXPECT_NE(r.out.find("[Forward pass]"), std::string::npos) << r.out;
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_TRUE(load_progress(home.progress()).progress.exercises["2"].solved);
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

TEST(ExerciseCli, UnknownExerciseIsAnError) {
  TempDir home;
  auto r = run_binary({"exercise", "7"}, "", home.env());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("there is no exercise '7'"), std::string::npos) << r.err;
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
