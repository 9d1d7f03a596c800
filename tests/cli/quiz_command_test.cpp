// `tutor quiz check | take | grade` end to end: exit codes, messages with file:line:col,
// scripted takes, reports, and --out / --force.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/run.hpp"
#include "support/temp_dir.hpp"

namespace tutor {
namespace {

using testing::run_binary;
using testing::run_in_process;
using testing::slurp;
using testing::TempDir;

const std::string kQuiz = TUTOR_SOURCE_LESSONS "/quizzes/chain-rule.toml";
const std::string kResponses = TUTOR_SOURCE_LESSONS "/quizzes/responses.csv";

// kim's answers to the shipped quiz, all right (r1 is 3a(ax+1)² with a = 5 for kim).
const std::string kKimAnswers =
    "2x cos(x^2)\n6(2x+1)^2\n54\n-3\n3\n0.64\n361\n3\n15(5x+1)^2\n3u^2\n";

TEST(QuizCommand, CheckShowsTheAnswerKeys) {
  auto r = run_in_process({"quiz", "check", kQuiz});
  EXPECT_EQ(r.status, 0) << r.err;
  for (const char* key :
       {"2x·cos(x²)", "6(2x + 1)²", "54", "-3", "0.64", "361", "3 (10)", "3u²", "a ∈ [2, 5]"}) {
    EXPECT_NE(r.out.find(key), std::string::npos) << key << "\n" << r.out;
  }
  EXPECT_NE(r.out.find("The quiz is valid."), std::string::npos);
  auto ko = run_in_process({"--lang", "ko", "quiz", "check", kQuiz});
  EXPECT_NE(ko.out.find("퀴즈가 올바릅니다."), std::string::npos);
}

TEST(QuizCommand, CheckReportsEveryProblemWithItsPlace) {
  TempDir d;
  std::string file = d.write("bad.toml",
                             "title = \"T\"\n"
                             "[[question]]\n"
                             "id = \"a\"\n"
                             "kind = \"derivative\"\n"
                             "expression = \"sin(x^2\"\n"
                             "[[question]]\n"
                             "id = \"b\"\n"
                             "kind = \"gradiant\"\n");
  auto r = run_in_process({"quiz", "check", file});
  EXPECT_EQ(r.status, 2);
  // The reading problem (line 8) is reported; the expression is checked once the file reads.
  EXPECT_NE(r.err.find(file + ":8:8: unknown kind \"gradiant\""), std::string::npos) << r.err;
  std::string fixed = d.write("bad2.toml",
                              "title = \"T\"\n[[question]]\nid = \"a\"\nkind = \"derivative\"\n"
                              "expression = \"sin(x^2\"\n");
  auto r2 = run_in_process({"quiz", "check", fixed});
  EXPECT_EQ(r2.status, 2);
  EXPECT_EQ(r2.err.rfind(fixed + ":5:", 0), 0u) << r2.err;
  EXPECT_NE(r2.err.find("  sin(x^2\n"), std::string::npos) << r2.err;
  EXPECT_NE(r2.err.find("^"), std::string::npos) << r2.err;
}

TEST(QuizCommand, CheckMissingFileAndUsage) {
  EXPECT_EQ(run_in_process({"quiz", "check", "/nonexistent/quiz.toml"}).status, 2);
  auto r = run_in_process({"quiz", "chek", kQuiz});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("did you mean check?"), std::string::npos) << r.err;
  EXPECT_EQ(run_in_process({"quiz"}).status, 2);
  auto opt = run_in_process({"quiz", "check", kQuiz, "--student", "kim"});
  EXPECT_EQ(opt.status, 2);
  EXPECT_NE(opt.err.find("--student"), std::string::npos);
}

TEST(QuizCommand, GradeTheSampleAsJson) {
  auto r = run_in_process({"quiz", "grade", kQuiz, kResponses, "--report", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  std::vector<double> totals;
  for (const auto& s : j["students"]) totals.push_back(s["total"].get<double>());
  // Worked out by hand in gradebook_test.cpp.
  EXPECT_EQ(totals, (std::vector<double>{12, 6, 6, 10, 2}));
  EXPECT_EQ(j["questions"].size(), 10u);
  // The item analysis (item_analysis_test.cpp): d1's scores are 2 1 2 0 2, so its facility
  // is 7/5 ÷ 2 = 0.7.
  EXPECT_EQ(j["questions"][0]["facility"], 0.7);
  // Against the rest (10 5 4 10 0): Σdx·dy = -7.6, Σdx² = 3.2, Σdy² = 72.8, so
  // r = -7.6 / √(3.2 · 72.8) = -0.49794; han, who got only d1 right, makes it negative.
  EXPECT_EQ(j["questions"][0]["discrimination"], -0.4979);
  EXPECT_EQ(j["questions"][0]["flag"], "negative-discrimination");
  EXPECT_EQ(j["questions"][0]["wrong_answers"][0]["answer"], "cos(x^2)");
  EXPECT_EQ(j["questions"][0]["wrong_answers"][0]["mistake"], "missing-inner-derivative");
}

TEST(QuizCommand, GradeTextAndCsv) {
  auto text = run_in_process({"quiz", "grade", kQuiz, kResponses});
  EXPECT_EQ(text.status, 0);
  EXPECT_NE(text.out.find("d1: 3/5 correct (60%), missing-inner-derivative 1, invalid 1"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("Item analysis"), std::string::npos) << text.out;
  auto csv = run_in_process({"quiz", "grade", kQuiz, kResponses, "--report", "csv"});
  EXPECT_NE(csv.out.find("choi,0,2,1,1,1,1,1,1,1,1,10,12,83.33,yes,\r\n"), std::string::npos)
      << csv.out;
  EXPECT_NE(csv.out.find(",6,12,50,no,d1=missing-inner-derivative\r\n"), std::string::npos)
      << csv.out;
}

TEST(QuizCommand, GradeSkipsMalformedRowsAndExits2) {
  TempDir d;
  std::string csv = d.write("class.csv",
                            "\xEF\xBB\xBFstudent,d1\r\n"
                            "kim,2x cos(x^2)\r\n"
                            "lee,\"cos(x^2)\"x\r\n"
                            "park,cos(x^2),extra\r\n"
                            "choi,\"2x cos(x^2)\"\r\n");
  auto r = run_in_process({"quiz", "grade", kQuiz, csv, "--report", "csv"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(csv + ":3: bad quoting"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(csv + ":4: the row has 3 fields, the header 2"), std::string::npos) << r.err;
  // The other students are still graded: d1 is worth 2 of 12; the missing columns score 0.
  EXPECT_NE(r.out.find("kim,2,0,0,0,0,0,0,0,0,0,2,12,16.67,no"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("choi,2,"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("lee"), std::string::npos);
}

TEST(QuizCommand, GradeOutNeverOverwritesWithoutForce) {
  TempDir d;
  std::string out = (d.path / "grades.json").string();
  auto first =
      run_in_process({"quiz", "grade", kQuiz, kResponses, "--report", "json", "--out", out});
  EXPECT_EQ(first.status, 0) << first.err;
  EXPECT_TRUE(first.out.empty());
  EXPECT_EQ(nlohmann::json::parse(slurp(out))["students"].size(), 5u);
  d.write("grades.json", "keep me");
  auto again = run_in_process({"quiz", "grade", kQuiz, kResponses, "--out", out});
  EXPECT_EQ(again.status, 2);
  EXPECT_NE(again.err.find("--force"), std::string::npos);
  EXPECT_EQ(slurp(out), "keep me");
  auto forced = run_in_process(
      {"quiz", "grade", kQuiz, kResponses, "--report", "csv", "--out", out, "--force"});
  EXPECT_EQ(forced.status, 0);
  EXPECT_EQ(slurp(out).rfind("student,d1,", 0), 0u);
}

TEST(QuizCommand, TakeScriptedPassesAndWritesTheResult) {
  TempDir d;
  std::string out = (d.path / "kim.json").string();
  // A "hint" line asks for a hint and is not an answer.
  auto r = run_in_process({"quiz", "take", kQuiz, "--student", "kim", "--out", out},
                          "hint\n" + kKimAnswers);
  EXPECT_EQ(r.status, 0) << r.err << r.out;
  EXPECT_NE(r.out.find("Hint 1: Let u = x². Then f = sin(u)."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Score: 12/12 (100%), passed"), std::string::npos) << r.out;
  auto j = nlohmann::json::parse(slurp(out));
  EXPECT_EQ(j["student"], "kim");
  EXPECT_EQ(j["seed"], "3db1928b75611da5");
  EXPECT_EQ(j["total"], 12);
  EXPECT_EQ(j["percent"], 100);
  EXPECT_EQ(j["answers"].size(), 10u);
  EXPECT_EQ(j["answers"][8]["variant"], "a=5");
  EXPECT_EQ(j["answers"][8]["score"], 1);
  // Taken again: refused before the first question.
  auto again =
      run_in_process({"quiz", "take", kQuiz, "--student", "kim", "--out", out}, kKimAnswers);
  EXPECT_EQ(again.status, 2);
  EXPECT_EQ(again.out, "");
  auto forced =
      run_in_process({"quiz", "take", kQuiz, "--student", "kim", "--out", out, "--force"}, "");
  EXPECT_EQ(forced.status, 1);  // no answers: 0 of 12
  EXPECT_EQ(nlohmann::json::parse(slurp(out))["total"], 0);
}

TEST(QuizCommand, TakeBelowThePassMarkExits1WithMistakes) {
  TempDir d;
  std::string out = (d.path / "lee.json").string();
  auto r = run_in_process({"quiz", "take", kQuiz, "--student", "Lee, Min", "--out", out},
                          "cos(x^2)\n3(2x+1)^2\n54\n");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("Multiply by the inner derivative 2x."), std::string::npos) << r.out;
  // d1 earns half its 2 points for the missing inner factor; 54 is right.
  EXPECT_NE(r.out.find("Partial credit: 1 of 2 points (missing-inner-derivative)."),
            std::string::npos)
      << r.out;
  auto j = nlohmann::json::parse(slurp(out));
  EXPECT_EQ(j["total"], 2);
  EXPECT_EQ(j["answers"][0]["score"], 1);
  EXPECT_EQ(j["answers"][0]["partial"], "missing-inner-derivative");
  EXPECT_EQ(j["answers"][0]["mistake"], "missing-inner-derivative");
  EXPECT_EQ(j["answers"][3]["status"], "blank");
}

TEST(QuizCommand, TakeWritesToTheDataFolderByDefault) {
  TempDir d;
  auto r = run_binary({"--lang", "ko", "quiz", "take", kQuiz, "--student", "kim"}, kKimAnswers,
                      {{"XDG_DATA_HOME", d.path.string()}});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("체인룰로 f(x) = sin(x²)을 미분하세요."), std::string::npos) << r.out;
  auto j = nlohmann::json::parse(slurp(d.path / "tutor" / "results" / "chain-rule-kim.json"));
  EXPECT_EQ(j["total"], 12);
}

}  // namespace
}  // namespace tutor
