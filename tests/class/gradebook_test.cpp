// Grading the shipped sample class against totals worked out by hand, the summary of
// mistakes, the reports, and the same results with one worker or two.
#include "class/gradebook.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cerrno>

#include "base/interrupt.hpp"
#include "support/quiz.hpp"

namespace tutor {
namespace {

struct Sample {
  Quiz quiz;
  Responses responses;
  Sample() { testing::load_sample_class(quiz, responses); }
};

// Scores per question in quiz order: d1 d2 v1 g1 g2 lr1 lr2 lr3 r1 e1 (d1 and d2 worth 2).
// Keys by hand: d1 2x cos(x²); d2 6(2x+1)²; v1 6·3² = 54; g1 ∂y/∂a = c = -3;
// g2 ∂y/∂c = a+b = 3; lr1 0.8² = 0.64; lr2 (1-20)² = 361; lr3 choice 3 ("10");
// r1 3a(ax+1)² with a = 5 for kim, 4 for Lee, 2 for park, 3 for choi, 2 for han;
// e1 3u².
struct Expected {
  std::string student;
  std::vector<double> scores;
  double total;
  double percent;
  bool passed;
};
const std::vector<Expected> kExpected = {
    // Everything right; r1 = 15(5x+1)².
    {"kim", {2, 2, 1, 1, 1, 1, 1, 1, 1, 1}, 12, 100, true},
    // cos(x²) and 3(2x+1)² drop the inner factor, which d1 gives half its 2 points for;
    // 54.0000001 is within 1e-6; 3 for g1 has the wrong sign; 16/25 = 0.64; -19 is one step;
    // "10" is choice 3; r1 blank; 3·u·u = 3u².
    {"Lee, Min", {1, 0, 1, 0, 1, 1, 0, 1, 0, 1}, 6, 50, false},
    // cos(x²)·2x right; (2x+1)³ is not a number; -9 is y itself; g2 blank; 0.64000001
    // within 1e-6; choice 2 wrong; r1 "0" wrong; 3u² + 1 wrong.
    {"park", {2, 2, 0, 0, 0, 1, 1, 0, 0, 0}, 6, 50, false},
    // "2x cos(x^2" does not parse; "c" is choice 3; r1 = 9(3x+1)².
    {"choi", {0, 2, 1, 1, 1, 1, 1, 1, 1, 1}, 10, 1000.0 / 12, true},
    // Only d1.
    {"han", {2, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 2, 200.0 / 12, false},
};

void expect_hand_totals(const Gradebook& g) {
  ASSERT_EQ(g.students.size(), kExpected.size());
  for (std::size_t i = 0; i < kExpected.size(); ++i) {
    const auto& s = g.students[i];
    const auto& e = kExpected[i];
    EXPECT_EQ(s.student, e.student);
    std::vector<double> scores;
    for (const auto& a : s.answers) scores.push_back(a.score);
    EXPECT_EQ(scores, e.scores) << e.student;
    EXPECT_EQ(s.total, e.total) << e.student;
    EXPECT_EQ(s.max, 12);
    EXPECT_NEAR(s.percent, e.percent, 1e-9) << e.student;
    EXPECT_EQ(s.passed, e.passed) << e.student;
  }
}

TEST(Gradebook, SampleClassMatchesHandTotals) {
  Sample s;
  EXPECT_TRUE(s.responses.problems.empty());
  expect_hand_totals(grade_class(s.quiz, s.responses.submissions, {1}));
}

TEST(Gradebook, TwoWorkersGiveTheSameResultInTheSameOrder) {
  Sample s;
  expect_hand_totals(grade_class(s.quiz, s.responses.submissions, {2}));
  // A larger class, so each worker has many students.
  std::vector<Submission> many;
  for (int k = 0; k < 40; ++k) {
    for (auto sub : s.responses.submissions) {
      sub.student += "#" + std::to_string(k);
      many.push_back(sub);
    }
  }
  Gradebook one = grade_class(s.quiz, many, {1});
  Gradebook two = grade_class(s.quiz, many, {2});
  EXPECT_EQ(gradebook_json(one), gradebook_json(two));
}

TEST(Gradebook, SummaryCountsMistakesInvalidAndBlank) {
  Sample s;
  Gradebook g = grade_class(s.quiz, s.responses.submissions, {1});
  ASSERT_EQ(g.questions.size(), 10u);
  const QuestionSummary& d1 = g.questions[0];
  EXPECT_EQ(d1.id, "d1");
  EXPECT_EQ(d1.correct, 3);  // kim, park, han
  EXPECT_DOUBLE_EQ(d1.correct_rate, 0.6);
  EXPECT_EQ(d1.mistakes, (std::map<std::string, int>{{"missing-inner-derivative", 1}}));  // Lee
  EXPECT_EQ(d1.invalid, 1);                                                               // choi
  const QuestionSummary& g1 = g.questions[3];
  EXPECT_EQ(g1.correct, 2);
  EXPECT_EQ(g1.mistakes,
            (std::map<std::string, int>{{"not-differentiated", 1}, {"sign-error", 1}}));
  EXPECT_EQ(g1.blank, 1);
  const QuestionSummary& r1 = g.questions[8];
  EXPECT_EQ(r1.correct, 2);
  EXPECT_EQ(r1.blank, 2);
  EXPECT_EQ(r1.incorrect, 1);
}

TEST(Gradebook, JsonHasTheDocumentedShape) {
  Sample s;
  auto j = nlohmann::json::parse(gradebook_json(grade_class(s.quiz, s.responses.submissions, {1})));
  ASSERT_EQ(j["students"].size(), 5u);
  const auto& lee = j["students"][1];
  EXPECT_EQ(lee["student"], "Lee, Min");
  EXPECT_EQ(lee["total"], 6);
  EXPECT_EQ(lee["max"], 12);
  EXPECT_EQ(lee["percent"], 50);
  EXPECT_EQ(lee["seed"], "b452e8a5f423998c");
  EXPECT_EQ(lee["answers"][0]["id"], "d1");
  EXPECT_EQ(lee["answers"][0]["score"], 1);
  EXPECT_TRUE(lee["answers"][0]["score"].is_number_integer());
  EXPECT_EQ(lee["answers"][0]["status"], "incorrect");
  EXPECT_EQ(lee["answers"][0]["mistake"], "missing-inner-derivative");
  EXPECT_EQ(lee["answers"][0]["partial"], "missing-inner-derivative");
  // d2 has no partial table: the same mistake earns nothing there.
  EXPECT_EQ(lee["answers"][1]["score"], 0);
  EXPECT_TRUE(lee["answers"][1]["partial"].is_null());
  EXPECT_TRUE(lee["answers"][1]["mistake"] == "missing-inner-derivative");
  EXPECT_TRUE(lee["answers"][2]["mistake"].is_null());
  EXPECT_EQ(lee["answers"][8]["status"], "blank");
  EXPECT_EQ(lee["answers"][8]["variant"], "a=4");
  const auto& q = j["questions"][0];
  EXPECT_EQ(q["id"], "d1");
  EXPECT_EQ(q["correct_rate"], 0.6);
  EXPECT_EQ(q["mistakes"]["missing-inner-derivative"], 1);
  EXPECT_EQ(q["invalid"], 1);
}

TEST(Gradebook, CsvReport) {
  Sample s;
  std::string csv = gradebook_csv(grade_class(s.quiz, s.responses.submissions, {1}));
  std::istringstream in(csv);
  std::string header, kim, lee;
  std::getline(in, header);
  std::getline(in, kim);
  std::getline(in, lee);
  // The sample gives partial credit, so the last column names it.
  EXPECT_EQ(header, "student,d1,d2,v1,g1,g2,lr1,lr2,lr3,r1,e1,total,max,percent,passed,partial\r");
  EXPECT_EQ(kim, "kim,2,2,1,1,1,1,1,1,1,1,12,12,100,yes,\r");
  EXPECT_EQ(lee, "\"Lee, Min\",1,0,1,0,1,1,0,1,0,1,6,12,50,no,d1=missing-inner-derivative\r");
  // The report reads back as CSV with the same names.
  CsvTable t = read_csv(csv);
  EXPECT_TRUE(t.problems.empty());
  EXPECT_EQ(t.rows.at(1).fields.at(0), "Lee, Min");
}

// A class costs its different answers: repeats to the same variant and blanks are free.
TEST(Gradebook, DistinctAnswersAreCountedOncePerVariant) {
  QuizLoad q = load_quiz(
      "title = \"t\"\n[[question]]\nid = \"d1\"\nkind = \"derivative\"\n"
      "expression = \"sin(x^2)\"\n[[question]]\nid = \"r1\"\nkind = \"derivative\"\n"
      "expression = \"({a}x+1)^3\"\n[question.random]\na = [2, 2]\n",
      "t.toml");
  ASSERT_TRUE(q.ok());
  std::vector<Submission> subs{
      {"kim", 2, "a.csv", {{"d1", "2x cos(x^2)"}, {"r1", "6(2x+1)^2"}}},
      {"lee", 3, "a.csv", {{"d1", "2x cos(x^2)"}, {"r1", ""}}},
      {"park", 4, "a.csv", {{"d1", "cos(x^2)"}, {"r1", "6(2x+1)^2"}}},
  };
  // d1: "2x cos(x^2)" and "cos(x^2)"; r1 (every student has a = 2): "6(2x+1)^2".
  EXPECT_EQ(distinct_answers(q.quiz, subs, 100), 3u);
  EXPECT_EQ(distinct_answers(q.quiz, subs, 2), 2u);
}

// Fractional scores in every report: a 3-point value question with partial credit for a
// number within 5% (half) and for a sign error (a third, 1 point).
TEST(Gradebook, FractionalScoresInEveryReport) {
  QuizLoad q = load_quiz(
      "title = \"t\"\n[[question]]\nid = \"v\"\nkind = \"value\"\nexpression = \"x^2\"\n"
      "at = { x = 3 }\npoints = 3\ntolerance_partial = 0.05\n"
      "[question.partial]\ntolerance = 0.5\nsign-error = 0.3333\n"
      "[[question]]\nid = \"d\"\nkind = \"derivative\"\nexpression = \"x^3\"\n",
      "t.toml");
  ASSERT_TRUE(q.ok());
  // The key for v is 2·3 = 6: 5.8 is 3.3% off, -6 the wrong sign, 5 is 17% off.
  std::vector<Submission> subs{{"a", 2, "a.csv", {{"v", "5.8"}, {"d", "3x^2"}}},
                               {"b", 3, "a.csv", {{"v", "-6"}, {"d", "x^2"}}},
                               {"c", 4, "a.csv", {{"v", "5"}, {"d", "3x^2"}}}};
  Gradebook g = grade_class(q.quiz, subs, {1});
  EXPECT_EQ(g.students[0].answers[0].score, 1.5);
  EXPECT_EQ(g.students[0].answers[0].partial, "tolerance");
  EXPECT_EQ(g.students[0].total, 2.5);
  EXPECT_NEAR(g.students[0].percent, 62.5, 1e-9);
  EXPECT_EQ(g.students[1].answers[0].score, 1);  // 3 × 0.3333 in hundredths
  EXPECT_EQ(g.students[1].answers[0].partial, "sign-error");
  EXPECT_EQ(g.students[2].answers[0].score, 0);

  auto j = nlohmann::json::parse(gradebook_json(g));
  EXPECT_EQ(j["students"][0]["answers"][0]["score"], 1.5);
  EXPECT_EQ(j["students"][0]["answers"][0]["partial"], "tolerance");
  EXPECT_EQ(j["students"][0]["total"], 2.5);
  EXPECT_EQ(j["students"][0]["percent"], 62.5);
  EXPECT_TRUE(j["students"][2]["answers"][0]["partial"].is_null());

  std::string csv = gradebook_csv(g);
  EXPECT_NE(csv.find("student,v,d,total,max,percent,passed,partial\r\n"), std::string::npos);
  EXPECT_NE(csv.find("a,1.5,1,2.5,4,62.5,yes,v=tolerance\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("b,1,0,1,4,25,no,v=sign-error\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("c,0,1,1,4,25,no,\r\n"), std::string::npos) << csv;

  std::string text = gradebook_text(g, Lang::en);
  EXPECT_NE(text.find("a        1.5  1    2.5    4    62.5%     yes"), std::string::npos) << text;
}

TEST(Gradebook, PercentFormat) {
  EXPECT_EQ(format_percent(100), "100");
  EXPECT_EQ(format_percent(500.0 / 12), "41.67");
  EXPECT_EQ(format_percent(50), "50");
  EXPECT_EQ(format_percent(12.5), "12.5");
}

TEST(Gradebook, PassMarkIsInclusive) {
  Quiz q;
  q.pass = 60;
  q.questions.resize(5);  // 5 points of 1
  StudentResult r;
  r.answers.resize(5);
  for (int i = 0; i < 3; ++i) r.answers[static_cast<std::size_t>(i)].score = 1;
  total_up(r, q);
  EXPECT_EQ(r.total, 3);
  EXPECT_TRUE(r.passed);  // exactly 60%
}

// Ctrl-C at the prompt during `quiz grade`: this process's share throws Interrupted, and the
// forked worker must not outlive it as a zombie.
TEST(Gradebook, InterruptedGradingLeavesNoWorkerBehind) {
  Sample s;
  request_interrupt();
  EXPECT_THROW(grade_class(s.quiz, s.responses.submissions, {2}), Interrupted);
  clear_interrupt();
  int status = 0;
  EXPECT_EQ(waitpid(-1, &status, WNOHANG), -1);
  EXPECT_EQ(errno, ECHILD);
}

}  // namespace
}  // namespace tutor
