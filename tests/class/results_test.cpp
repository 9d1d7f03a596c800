// What a class hands in: JSON results of `quiz take` checked against the quiz's version and
// marked again, folders of results, CSV and JSON mixed, and students who handed in twice.
#include "class/results.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "class/gradebook.hpp"
#include "class/quiz_variants.hpp"
#include "support/quiz.hpp"
#include "support/temp_dir.hpp"

namespace tutor {
namespace {

using testing::TempDir;

Quiz two_questions() {
  QuizLoad q = testing::load_test_quiz(
      testing::kQuizHeader +
      "[[question]]\nid = \"d1\"\nkind = \"derivative\"\nexpression = \"x^2\"\n"
      "[[question]]\nid = \"v1\"\nkind = \"value\"\nexpression = \"x^2\"\nat = { x = 1 }\n");
  EXPECT_TRUE(q.ok());
  return q.quiz;
}

// A result as `quiz take --out` writes it for STUDENT, with ANSWERS to d1 and v1, and
// scores that say nothing was right.
nlohmann::ordered_json result(const Quiz& quiz, const std::string& student, const std::string& d1,
                              const std::string& v1) {
  nlohmann::ordered_json j;
  j["quiz"] = quiz.title;
  j["file"] = "t.toml";
  j["quiz_seed"] = quiz.seed;
  j["version"] = quiz_version(quiz);
  j["student"] = student;
  j["seed"] = seed_text(variant_seed(quiz, student));
  j["total"] = 0;
  j["answers"] = {{{"id", "d1"}, {"answer", d1}, {"score", 0}, {"points", 1}},
                  {{"id", "v1"}, {"answer", v1}, {"score", 0}, {"points", 1}}};
  return j;
}

// The problems as "file[:line][: field] key" strings.
std::vector<std::string> places(const std::vector<HandInProblem>& ps) {
  std::vector<std::string> out;
  for (const auto& p : ps) {
    std::string s = p.file;
    if (p.line > 0) s += ":" + std::to_string(p.line);
    if (!p.field.empty()) s += ": " + p.field;
    out.push_back(s + " " + p.message.key + (p.notice ? " (notice)" : ""));
  }
  return out;
}

HandedIn collect(const std::string& text, const Quiz& quiz) {
  HandedIn h;
  collect_result(text, quiz, "kim.json", h);
  return h;
}

TEST(QuizVersion, IsFnv1aOfTheCanonicalText) {
  // Worked out independently (Python, the canonical text of quiz_variants.hpp).
  EXPECT_EQ(quiz_version(two_questions()), "51d3850b1635e1bf");
  // A changed key changes it; a changed prompt or point count does not.
  Quiz other = two_questions();
  other.questions[1].at[0].second.text = "2";
  EXPECT_NE(quiz_version(other), "51d3850b1635e1bf");
  Quiz reworded = two_questions();
  reworded.questions[0].prompt.text = "Differentiate.";
  reworded.questions[0].points = 3;
  EXPECT_EQ(quiz_version(reworded), "51d3850b1635e1bf");
}

TEST(ResultFile, IsMarkedAgainNotTrusted) {
  const Quiz quiz = two_questions();
  HandedIn h = collect(result(quiz, "kim", "2x", "2").dump(2), quiz);
  EXPECT_TRUE(h.problems.empty()) << places(h.problems)[0];
  ASSERT_EQ(h.submissions.size(), 1u);
  EXPECT_EQ(h.submissions[0].student, "kim");
  EXPECT_EQ(h.submissions[0].source, "kim.json");
  EXPECT_EQ(h.submissions[0].answers.at("d1"), "2x");
  // The file says 0; both answers are right.
  Gradebook g = grade_class(quiz, h.submissions);
  EXPECT_EQ(g.students[0].total, 2);
}

TEST(ResultFile, FromAnotherVersionIsLeftOut) {
  const Quiz quiz = two_questions();
  auto j = result(quiz, "kim", "2x", "2");
  j["version"] = "0123456789abcdef";
  HandedIn h = collect(j.dump(), quiz);
  EXPECT_TRUE(h.submissions.empty());
  EXPECT_EQ(places(h.problems),
            (std::vector<std::string>{"kim.json: version results.other_version"}));

  j = result(quiz, "kim", "2x", "2");
  j["quiz"] = "Another quiz";
  EXPECT_EQ(places(collect(j.dump(), quiz).problems),
            (std::vector<std::string>{"kim.json: quiz results.other_title"}));

  j = result(quiz, "kim", "2x", "2");
  j["quiz_seed"] = "spring";
  EXPECT_EQ(places(collect(j.dump(), quiz).problems),
            (std::vector<std::string>{"kim.json: quiz_seed results.other_quiz_seed"}));

  // A student renamed in the file no longer matches the variant seed.
  j = result(quiz, "kim", "2x", "2");
  j["student"] = "lee";
  EXPECT_EQ(places(collect(j.dump(), quiz).problems),
            (std::vector<std::string>{"kim.json: seed results.other_variant"}));
}

TEST(ResultFile, WithoutAVersionTheIdsAreChecked) {
  const Quiz quiz = two_questions();
  auto j = result(quiz, "kim", "2x", "2");
  j.erase("version");
  j.erase("quiz_seed");
  HandedIn h = collect(j.dump(), quiz);
  EXPECT_EQ(h.submissions.size(), 1u);
  EXPECT_EQ(places(h.problems),
            (std::vector<std::string>{"kim.json: version results.no_version (notice)"}));

  j["answers"][1]["id"] = "v2";
  h = collect(j.dump(), quiz);
  EXPECT_TRUE(h.submissions.empty());
  EXPECT_EQ(places(h.problems),
            (std::vector<std::string>{"kim.json: answers results.other_questions"}));
}

TEST(ResultFile, MissingAndMistypedFieldsAreNamed) {
  const Quiz quiz = two_questions();
  auto j = result(quiz, "kim", "2x", "2");
  j.erase("student");
  j["answers"][1]["answer"] = 2;
  j["answers"][0].erase("id");
  HandedIn h = collect(j.dump(), quiz);
  EXPECT_TRUE(h.submissions.empty());
  EXPECT_EQ(places(h.problems),
            (std::vector<std::string>{"kim.json: student results.missing",
                                      "kim.json: answers[0].id results.missing",
                                      "kim.json: answers[1].answer results.not_string"}));
  EXPECT_EQ(format_hand_in_problem(Lang::en, h.problems[2]),
            "kim.json: answers[1].answer: not a string");

  EXPECT_EQ(places(collect("[1, 2]", quiz).problems),
            (std::vector<std::string>{"kim.json results.not_object"}));
  j = result(quiz, "kim", "2x", "2");
  j["answers"] = "2x";
  EXPECT_EQ(places(collect(j.dump(), quiz).problems),
            (std::vector<std::string>{"kim.json: answers results.not_array"}));
}

TEST(ResultFile, BadJsonNamesItsLine) {
  const Quiz quiz = two_questions();
  HandedIn h = collect("{\n  \"quiz\": \"T\",\n  \"student\": kim\n}\n", quiz);
  EXPECT_TRUE(h.submissions.empty());
  ASSERT_EQ(h.problems.size(), 1u);
  EXPECT_EQ(format_hand_in_problem(Lang::en, h.problems[0]),
            "kim.json:3: not valid JSON (column 14)");
  // Cut off in the middle: the last line.
  h = collect("{\n  \"quiz\": \"T\",\n", quiz);
  EXPECT_EQ(places(h.problems), (std::vector<std::string>{"kim.json:3 results.bad_json"}));
}

Submission sub(const std::string& student, const std::string& source, const std::string& d1) {
  Submission s;
  s.student = student;
  s.source = source;
  s.answers = {{"d1", d1}, {"v1", "2"}};
  return s;
}

// kim hands in three times: right, wrong, and half right again.
std::vector<Submission> repeats() {
  return {sub("kim", "a.json", "2x"), sub("lee", "b.json", "2x"), sub("kim", "c.json", "x"),
          sub("kim", "d.json", "x^2")};
}

std::string kept(const std::vector<Submission>& subs) {
  std::string out;
  for (const auto& s : subs) out += s.student + "@" + s.source + " ";
  return out;
}

TEST(KeepOneEach, FirstLastOrBest) {
  const Quiz quiz = two_questions();
  std::vector<HandInProblem> ps;
  EXPECT_EQ(kept(keep_one_each(quiz, repeats(), Keep::first, ps)), "kim@a.json lee@b.json ");
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_TRUE(ps[0].notice);
  EXPECT_EQ(format_hand_in_problem(Lang::en, ps[0]),
            "\"kim\" handed in 3 times (a.json, c.json, d.json); the first counts: a.json");
  ps.clear();
  EXPECT_EQ(kept(keep_one_each(quiz, repeats(), Keep::last, ps)), "lee@b.json kim@d.json ");
  EXPECT_EQ(ps.at(0).message.key, "results.repeated_last");
  ps.clear();
  // a.json has 2 points, c.json and d.json 1 each.
  EXPECT_EQ(kept(keep_one_each(quiz, repeats(), Keep::best, ps)), "kim@a.json lee@b.json ");
  EXPECT_EQ(format_hand_in_problem(Lang::ko, ps.at(0)),
            "\"kim\" 학생의 답안이 3번 있습니다 (a.json, c.json, d.json). 점수가 가장 높은 것을 "
            "채점합니다: a.json");
  // On a tie the later one counts.
  ps.clear();
  std::vector<Submission> tie = {sub("kim", "a.json", "x"), sub("kim", "b.json", "x^2")};
  EXPECT_EQ(kept(keep_one_each(quiz, tie, Keep::best, ps)), "kim@b.json ");
  // Nobody twice: nothing to tell.
  ps.clear();
  EXPECT_EQ(kept(keep_one_each(quiz, {sub("kim", "a.json", "x")}, Keep::best, ps)), "kim@a.json ");
  EXPECT_TRUE(ps.empty());
}

TEST(ReadHandedIn, AFolderInNameOrderMixedWithFiles) {
  const Quiz quiz = two_questions();
  TempDir d;
  d.write("class/b-kim.json", result(quiz, "kim", "2x", "2").dump(2));
  d.write("class/a-export.csv", "student,d1,v1\npark,2x,3\nkim,x,2\n");
  d.write("class/notes.txt", "not a hand-in");
  d.write("class/.kim.json.swp", "{");
  d.write("class/sub/c.json", result(quiz, "choi", "2x", "2").dump());
  const std::string late = d.write("late.json", result(quiz, "lee", "2*x", "1").dump());
  HandedIn h = read_handed_in(quiz, {(d.path / "class").string(), late});
  EXPECT_TRUE(h.problems.empty()) << places(h.problems)[0];
  ASSERT_EQ(h.submissions.size(), 4u);
  const std::string dir = (d.path / "class").string() + "/";
  EXPECT_EQ(kept(h.submissions), "park@" + dir + "a-export.csv kim@" + dir + "a-export.csv kim@" +
                                     dir + "b-kim.json lee@" + late + " ");
  EXPECT_EQ(h.submissions[1].line, 3u);
  std::vector<HandInProblem> ps;
  auto subs = keep_one_each(quiz, std::move(h.submissions), Keep::last, ps);
  Gradebook g = grade_class(quiz, subs);
  ASSERT_EQ(g.students.size(), 3u);
  EXPECT_EQ(g.students[0].student, "park");
  EXPECT_EQ(g.students[0].total, 1);
  EXPECT_EQ(g.students[1].student, "kim");
  EXPECT_EQ(g.students[1].total, 2);  // the JSON, read after the CSV
  EXPECT_EQ(g.students[2].total, 1);
  EXPECT_EQ(places(ps), (std::vector<std::string>{" results.repeated_last (notice)"}));
  EXPECT_EQ(format_hand_in_problem(Lang::en, ps[0]),
            "\"kim\" handed in 2 times (" + dir + "a-export.csv:3, " + dir +
                "b-kim.json); the last counts: " + dir + "b-kim.json");
}

TEST(ReadHandedIn, UnreadableAndEmptyPlacesAreReportedAndTheRestRead) {
  const Quiz quiz = two_questions();
  TempDir d;
  const std::string empty = (d.path / "empty").string();
  std::filesystem::create_directories(empty);
  const std::string bad = d.write("bad.json", "{\"quiz\": }");
  const std::string good = d.write("good.csv", "student,d1,v1\nkim,2x,2\n");
  const std::string missing = (d.path / "missing.csv").string();
  HandedIn h = read_handed_in(quiz, {empty, bad, missing, good});
  EXPECT_EQ(h.submissions.size(), 1u);
  ASSERT_EQ(h.problems.size(), 3u);
  EXPECT_EQ(h.problems[0].message.key, "results.empty_folder");
  EXPECT_EQ(format_hand_in_problem(Lang::en, h.problems[1]),
            bad + ":1: not valid JSON (column 10)");
  EXPECT_EQ(h.problems[2].message.key, "error.file_read");
  EXPECT_EQ(h.problems[2].file, "");
}

}  // namespace
}  // namespace tutor
