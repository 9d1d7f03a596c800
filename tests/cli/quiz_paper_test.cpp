// `tutor quiz grade --feedback DIR` and `tutor quiz print` end to end: the files written,
// their names and languages, --force, and the worksheet on stdout or in --out.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

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

std::vector<std::string> files_in(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(QuizPaper, FeedbackFilePerStudent) {
  TempDir d;
  const std::string dir = (d.path / "feedback").string();
  auto r = run_in_process({"quiz", "grade", kQuiz, kResponses, "--feedback", dir});
  ASSERT_EQ(r.status, 0) << r.err;
  // The gradebook still goes to stdout.
  EXPECT_NE(r.out.find("Per question:"), std::string::npos);
  EXPECT_NE(r.err.find("Wrote 5 feedback files to " + dir), std::string::npos) << r.err;
  EXPECT_EQ(files_in(dir),
            (std::vector<std::string>{"Lee__Min.md", "choi.md", "han.md", "kim.md", "park.md"}));
  const std::string lee = slurp(std::filesystem::path(dir) / "Lee__Min.md");
  EXPECT_EQ(lee.rfind("# Chain rule checkpoint\n\nStudent: Lee, Min\n", 0), 0u) << lee;
  EXPECT_NE(lee.find("**Score: 6/12 (50%), not passed**"), std::string::npos) << lee;
  EXPECT_NE(lee.find("Multiply by the inner derivative 2x."), std::string::npos);
}

TEST(QuizPaper, ExistingFilesNeedForce) {
  TempDir d;
  const std::string dir = (d.path / "fb").string();
  d.write("fb/kim.md", "the teacher's notes\n");
  auto r = run_in_process({"quiz", "grade", kQuiz, kResponses, "--feedback", dir});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("kim.md already exists; add --force to overwrite it"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("Wrote 4 feedback files"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(std::filesystem::path(dir) / "kim.md"), "the teacher's notes\n");
  EXPECT_EQ(files_in(dir).size(), 5u);

  // Again: every file is refused, each one reported.
  auto again = run_in_process({"quiz", "grade", kQuiz, kResponses, "--feedback", dir});
  EXPECT_EQ(again.status, 2);
  std::size_t refused = 0;
  for (std::size_t at = again.err.find("already exists"); at != std::string::npos;
       at = again.err.find("already exists", at + 1)) {
    ++refused;
  }
  EXPECT_EQ(refused, 5u) << again.err;

  auto forced = run_in_process({"quiz", "grade", kQuiz, kResponses, "--feedback", dir, "--force"});
  EXPECT_EQ(forced.status, 0) << forced.err;
  EXPECT_NE(slurp(std::filesystem::path(dir) / "kim.md").find("Student: kim"), std::string::npos);
}

TEST(QuizPaper, LangColumnPicksEachStudentsLanguage) {
  TempDir d;
  const std::string csv = d.write("class.csv",
                                  "student,lang,d1,d2,v1,g1,g2,lr1,lr2,lr3,r1,e1\n"
                                  "kim,ko,2x cos(x^2),,,,,,,,,\n"
                                  "lee,en,cos(x^2),,,,,,,,,\n"
                                  "park,,,,,,,,,,,\n"
                                  "choi,fr,,,,,,,,,,\n");
  const std::string dir = (d.path / "fb").string();
  auto r = run_in_process({"--lang", "en", "quiz", "grade", kQuiz, csv, "--feedback", dir});
  // "fr" is reported with its line; the row is still graded.
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("class.csv:5: lang \"fr\" is neither ko nor en"), std::string::npos)
      << r.err;
  EXPECT_EQ(files_in(dir).size(), 4u);
  const std::string kim = slurp(std::filesystem::path(dir) / "kim.md");
  EXPECT_NE(kim.find("학생: kim"), std::string::npos) << kim;
  EXPECT_NE(kim.find("## 문제 1/10 (2점)"), std::string::npos);
  EXPECT_NE(slurp(std::filesystem::path(dir) / "lee.md").find("**What went wrong:**"),
            std::string::npos);
  // No lang: the session's language.
  EXPECT_NE(slurp(std::filesystem::path(dir) / "park.md").find("Student: park"), std::string::npos);
  auto ko = run_in_process(
      {"--lang", "ko", "quiz", "grade", kQuiz, csv, "--feedback", (d.path / "ko").string()});
  EXPECT_NE(slurp(d.path / "ko" / "park.md").find("학생: park"), std::string::npos);
  EXPECT_NE(slurp(d.path / "ko" / "lee.md").find("Student: lee"), std::string::npos);
}

TEST(QuizPaper, LatexFeedbackAndIdsThatMakeTheSameName) {
  TempDir d;
  const std::string csv = d.write("class.csv",
                                  "student,d1\n"
                                  "a b,\"\\input{/etc/passwd}\"\n"
                                  "a_b,# heading\n"
                                  "../up,2x cos(x^2)\n");
  const std::string dir = (d.path / "fb").string();
  auto r = run_in_process(
      {"quiz", "grade", kQuiz, csv, "--feedback", dir, "--feedback-format", "latex"});
  EXPECT_EQ(r.status, 2) << r.err;  // the other questions have no column
  EXPECT_EQ(files_in(dir), (std::vector<std::string>{"_.._up.tex", "a_b-2.tex", "a_b.tex"}));
  const std::string tex = slurp(std::filesystem::path(dir) / "a_b.tex");
  EXPECT_EQ(tex.rfind("\\documentclass", 0), 0u);
  EXPECT_NE(tex.find("\\texttt{\\textbackslash{}input\\{/etc/passwd\\}}"), std::string::npos);
  EXPECT_EQ(tex.find("\\input{"), std::string::npos);
  EXPECT_NE(slurp(std::filesystem::path(dir) / "a_b-2.tex").find("\\texttt{\\# heading}"),
            std::string::npos);
  auto bad =
      run_in_process({"quiz", "grade", kQuiz, csv, "--feedback", dir, "--feedback-format", "html"});
  EXPECT_EQ(bad.status, 2);
}

TEST(QuizPaper, PrintWritesTheStudentsWorksheet) {
  auto r = run_in_process({"quiz", "print", kQuiz, "--student", "kim"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("\\documentclass[11pt]{article}\n", 0), 0u);
  EXPECT_NE(r.out.find("(5x + 1)\\ensuremath{^{3}}"), std::string::npos);
  EXPECT_EQ(r.out.find("Answer:"), std::string::npos);
  auto key = run_in_process({"--lang", "ko", "quiz", "print", kQuiz, "--student", "kim", "--key"});
  ASSERT_EQ(key.status, 0) << key.err;
  EXPECT_NE(key.out.find("\\textbf{정답지}"), std::string::npos);
  EXPECT_NE(key.out.find("\\texttt{15(5x + 1)\\ensuremath{^{2}}}"), std::string::npos);
}

TEST(QuizPaper, PrintOutNeedsForceToOverwrite) {
  TempDir d;
  const std::string out = (d.path / "kim.tex").string();
  auto r = run_in_process({"quiz", "print", kQuiz, "--student", "kim", "--out", out});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(slurp(out).find("\\end{document}"), std::string::npos);
  auto again = run_in_process({"quiz", "print", kQuiz, "--student", "lee", "--out", out});
  EXPECT_EQ(again.status, 2);
  EXPECT_NE(again.err.find("--force"), std::string::npos);
  EXPECT_NE(slurp(out).find("Student: kim"), std::string::npos);
  auto forced =
      run_in_process({"quiz", "print", kQuiz, "--student", "lee", "--out", out, "--force"});
  EXPECT_EQ(forced.status, 0) << forced.err;
  EXPECT_NE(slurp(out).find("Student: lee"), std::string::npos);
}

TEST(QuizPaper, PrintUsage) {
  auto none = run_in_process({"quiz", "print", kQuiz});
  EXPECT_EQ(none.status, 2);
  EXPECT_NE(none.err.find("quiz print needs --student ID"), std::string::npos) << none.err;
  EXPECT_EQ(run_in_process({"quiz", "print", "--student", "kim"}).status, 2);
  EXPECT_EQ(run_in_process({"quiz", "print", "/nonexistent.toml", "--student", "kim"}).status, 2);
  auto help = run_binary({"quiz", "print", "--help"});
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("--key"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("answer sheet"), std::string::npos) << help.out;
  auto ko = run_binary({"--lang", "ko", "quiz", "print", "--help"});
  EXPECT_NE(ko.out.find("정답지"), std::string::npos) << ko.out;
  auto grade = run_binary({"quiz", "grade", "--help"});
  EXPECT_NE(grade.out.find("--feedback-format"), std::string::npos) << grade.out;
  // A format without the folder would write nothing, silently.
  auto lone = run_in_process({"quiz", "grade", kQuiz, kResponses, "--feedback-format", "latex"});
  EXPECT_EQ(lone.status, 2);
  EXPECT_NE(lone.err.find("--feedback-format needs --feedback DIR"), std::string::npos) << lone.err;
  EXPECT_EQ(lone.out, "");
}

}  // namespace
}  // namespace tutor
