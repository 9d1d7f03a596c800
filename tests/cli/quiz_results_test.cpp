// `tutor quiz grade` on what students hand in: result files of `quiz take`, folders of them,
// CSV mixed in, repeated students with --keep, results of another quiz version, broken JSON,
// and form exports whose columns the quiz file maps.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/run.hpp"
#include "support/temp_dir.hpp"

namespace tutor {
namespace {

using testing::run_in_process;
using testing::slurp;
using testing::TempDir;

const std::string kQuiz = TUTOR_SOURCE_LESSONS "/quizzes/chain-rule.toml";
const std::string kFormQuiz = TUTOR_SOURCE_LESSONS "/quizzes/chain-rule-forms.toml";
const std::string kGoogle = TUTOR_SOURCE_LESSONS "/quizzes/google-forms.csv";
const std::string kMicrosoft = TUTOR_SOURCE_LESSONS "/quizzes/microsoft-forms-ko.csv";

// kim's answers, all right (r1 is 3a(ax+1)² with a = 5 for kim): 12 of 12.
const std::string kKimAnswers =
    "2x cos(x^2)\n6(2x+1)^2\n54\n-3\n3\n0.64\n361\n3\n15(5x+1)^2\n3u^2\n";
// lee's: v1 right, and half of d1's 2 points for cos(x²), its inner factor missing: 2 of 12.
const std::string kLeeAnswers = "cos(x^2)\n3(2x+1)^2\n54\n";

// A folder of results as `quiz take --out` writes them.
struct Results {
  TempDir d;
  std::string dir = (d.path / "results").string();
  Results() {
    std::filesystem::create_directories(dir);
    take("kim", kKimAnswers, 0);
    take("lee", kLeeAnswers, 1);
  }
  void take(const std::string& student, const std::string& answers, int status) const {
    auto r = run_in_process(
        {"quiz", "take", kQuiz, "--student", student, "--out", dir + "/" + student + ".json"},
        answers);
    EXPECT_EQ(r.status, status) << r.err;
  }
  std::string file(const std::string& student) const { return dir + "/" + student + ".json"; }
};

// name → total in a JSON gradebook.
std::map<std::string, int> totals(const std::string& report) {
  std::map<std::string, int> out;
  const auto j = nlohmann::json::parse(report);
  for (const auto& s : j["students"]) {
    out[s["student"].get<std::string>()] = s["total"].get<int>();
  }
  return out;
}

TEST(QuizResults, TakeRecordsTheQuizVersion) {
  Results r;
  auto j = nlohmann::json::parse(slurp(r.file("kim")));
  EXPECT_EQ(j["quiz"], "Chain rule checkpoint");
  EXPECT_EQ(j["quiz_seed"], "");
  EXPECT_EQ(j["version"].get<std::string>().size(), 16u);
}

TEST(QuizResults, GradeAFolderOfResults) {
  Results r;
  // Scores in a file are not trusted: lee's says 12 now.
  auto lee = nlohmann::json::parse(slurp(r.file("lee")));
  lee["total"] = 12;
  for (auto& a : lee["answers"]) a["score"] = a["points"];
  r.d.write("results/lee.json", lee.dump(2));
  auto g = run_in_process({"quiz", "grade", kQuiz, r.dir, "--report", "json"});
  EXPECT_EQ(g.status, 0) << g.err;
  EXPECT_EQ(g.err, "");
  EXPECT_EQ(totals(g.out), (std::map<std::string, int>{{"kim", 12}, {"lee", 2}})) << g.out;
}

TEST(QuizResults, MixedWithCsvAndRepeatedStudents) {
  Results r;
  // kim again in a CSV, read after the folder, with every answer blank.
  std::string csv = r.d.write("late.csv",
                              "student,d1,d2,v1,g1,g2,lr1,lr2,lr3,r1,e1\n"
                              "kim,,,,,,,,,,\n"
                              "park,2x cos(x^2),,,,,,,,,\n");
  auto last = run_in_process({"quiz", "grade", kQuiz, r.dir, csv, "--report", "json"});
  EXPECT_EQ(last.status, 0) << last.err;
  EXPECT_NE(last.err.find("\"kim\" handed in 2 times (" + r.file("kim") + ", " + csv +
                          ":2); the last counts: " + csv + ":2"),
            std::string::npos)
      << last.err;
  // A repeat is told, not an error.
  EXPECT_EQ(totals(last.out), (std::map<std::string, int>{{"kim", 0}, {"lee", 2}, {"park", 2}}));
  auto first =
      run_in_process({"quiz", "grade", kQuiz, r.dir, csv, "--report", "json", "--keep", "first"});
  EXPECT_EQ(totals(first.out)["kim"], 12);
  auto best =
      run_in_process({"quiz", "grade", kQuiz, csv, r.dir, "--report", "json", "--keep", "best"});
  EXPECT_EQ(totals(best.out)["kim"], 12);
  EXPECT_NE(best.err.find("the best counts: " + r.file("kim")), std::string::npos) << best.err;
  auto bad = run_in_process({"quiz", "grade", kQuiz, r.dir, "--keep", "newest"});
  EXPECT_EQ(bad.status, 2);
}

TEST(QuizResults, AnotherVersionIsLeftOutAndTheRestGraded) {
  Results r;
  TempDir q;
  // The same quiz with v1 at another point: kim's 54 would be marked against the wrong key.
  std::string text = slurp(kQuiz);
  text.replace(text.find("at = { x = 1 }"), 14, "at = { x = 2 }");
  std::string changed = q.write("chain-rule.toml", text);
  auto g = run_in_process({"quiz", "grade", changed, r.dir, "--report", "json"});
  EXPECT_EQ(g.status, 2);
  EXPECT_NE(g.err.find(r.file("kim") + ": version: taken from another version of the quiz"),
            std::string::npos)
      << g.err;
  EXPECT_EQ(g.out, "");  // nobody left to grade: no empty gradebook
  EXPECT_NE(g.err.find("Some files, rows or columns were left out"), std::string::npos);
}

TEST(QuizResults, BrokenJsonIsReportedWithItsLine) {
  Results r;
  r.d.write("results/choi.json",
            "{\n  \"quiz\": \"Chain rule checkpoint\",\n  \"student\": choi\n}\n");
  auto lee = nlohmann::json::parse(slurp(r.file("lee")));
  lee["answers"][2]["answer"] = 54;
  r.d.write("results/lee.json", lee.dump(2));
  auto g = run_in_process({"quiz", "grade", kQuiz, r.dir, "--report", "json"});
  EXPECT_EQ(g.status, 2);
  EXPECT_NE(g.err.find(r.dir + "/choi.json:3: not valid JSON (column 14)"), std::string::npos)
      << g.err;
  EXPECT_NE(g.err.find(r.file("lee") + ": answers[2].answer: not a string"), std::string::npos)
      << g.err;
  EXPECT_EQ(totals(g.out), (std::map<std::string, int>{{"kim", 12}}));
}

TEST(QuizResults, FormExports) {
  auto g = run_in_process({"quiz", "grade", kFormQuiz, kGoogle, kMicrosoft, "--report", "csv"});
  EXPECT_EQ(g.status, 0) << g.err;
  // One notice per file, naming every column the quiz does not map.
  EXPECT_NE(
      g.err.find(kGoogle + ":1: 2 columns are not in the quiz and are ignored: \"Timestamp\", "
                           "\"Score\""),
      std::string::npos)
      << g.err;
  EXPECT_NE(g.err.find(kMicrosoft + ":1: 4 columns are not in the quiz and are ignored: \"ID\", "
                                    "\"시작 시각\", \"제출 시각\", \"이름\""),
            std::string::npos)
      << g.err;
  // Totals worked out by hand in responses_test.cpp.
  for (const char* row : {"kim@school.kr,", "lee@school.kr,", "park@school.kr,", "minsu@school.kr,",
                          "jiwoo@school.kr,", "seoyeon@school.kr,"}) {
    EXPECT_NE(g.out.find(row), std::string::npos) << row;
  }
  EXPECT_NE(g.out.find(",11,11,100,yes\r\n"), std::string::npos) << g.out;
  EXPECT_NE(g.out.find("seoyeon@school.kr,0,0,1,0,0,0,0,1,0,2,11,18.18,no\r\n"), std::string::npos)
      << g.out;
  auto ko = run_in_process({"--lang", "ko", "quiz", "grade", kFormQuiz, kMicrosoft});
  EXPECT_NE(ko.err.find("퀴즈에 없는 열 4개를 무시합니다"), std::string::npos) << ko.err;
}

TEST(QuizResults, CheckShowsTheColumnMapping) {
  auto c = run_in_process({"quiz", "check", kFormQuiz});
  EXPECT_EQ(c.status, 0) << c.err;
  EXPECT_NE(c.out.find("Columns of a form export:"), std::string::npos) << c.out;
  EXPECT_NE(c.out.find("\"Email address\" | \"이메일\""), std::string::npos) << c.out;
  EXPECT_NE(c.out.find("\"Same graph, same point: what is ∂y/∂c?\" | \"같은 그래프, 같은 점에서 "
                       "∂y/∂c는?\""),
            std::string::npos)
      << c.out;
  // A quiz without a mapping shows none.
  EXPECT_EQ(run_in_process({"quiz", "check", kQuiz}).out.find("Columns"), std::string::npos);
}

}  // namespace
}  // namespace tutor
