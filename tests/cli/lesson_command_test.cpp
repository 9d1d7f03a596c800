// `tutor lesson` and `tutor progress` as a learner meets them: the list, a piped lesson with
// answers, the live blocks, and the progress file.
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "course/lesson.hpp"
#include "math/syntax.hpp"
#include "repl/session.hpp"
#include "support/pty.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

namespace tutor {
namespace {

using testing::run_binary;
using testing::run_in_process;
using testing::TempDir;

const std::string kLessons = TUTOR_SOURCE_LESSONS;

nlohmann::json read_json(const std::filesystem::path& p) {
  std::ifstream in(p);
  return nlohmann::json::parse(in);
}

TEST(LessonCommand, EveryLiveBlockRunsCleanly) {
  for (Lang lang : {Lang::ko, Lang::en}) {
    for (const auto& l : load_lessons(kLessons, lang).lessons) {
      for (const auto& s : l.sections) {
        for (const auto& b : s.blocks) {
          if (b.kind != BlockKind::live) continue;
          SymbolTable syms;
          std::istringstream in;
          std::ostringstream out, err;
          cli::Context ctx;
          ctx.lang = lang;
          ctx.in = &in;
          ctx.out = &out;
          ctx.err = &err;
          ctx.syms = &syms;
          repl::Outcome o = repl::run_line(b.text, ctx);
          EXPECT_EQ(o.status, 0) << l.file << ":" << b.line << ": " << b.text << "\n" << err.str();
          EXPECT_FALSE(out.str().empty()) << b.text;
        }
      }
    }
  }
}

TEST(LessonCommand, LessonFivesLiveBlocksShowWhatItsTextSays) {
  // Lesson 5's runs, in order: 20 sigmoid layers vanish (within 0.25²⁰), ×1.5 a layer
  // explodes, relu and residual connections keep it, and clipping by norm caps the size of
  // the exploding gradient (‖g‖ ≈ 4461 for 1.5¹ … 1.5²⁰) without changing the ×1.5 a layer.
  const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
      {"gradients --activation sigmoid --layers 20",
       {"so 20 layers give at most 0.25²⁰ ≈ 9.09495e-13", "\nvanishing: "}},
      {"gradients --activation linear --weight 1.5 --layers 20",
       {"\nexploding: each layer multiplies |gradient| by about 1.5"}},
      {"gradients --activation relu --layers 20", {"\nstable: "}},
      {"gradients --activation sigmoid --layers 20 --residual", {"\nstable: "}},
      {"gradients --activation linear --weight 1.5 --layers 20 --clip 1",
       {"without clipping: exploding", "‖g‖ = 4461.3 is above C = 1",
        "with --clip 1: stable: every layer's |gradient| now lies between 0.000336225 and "
        "0.745356",
        "it does not help a vanishing one"}},
  };
  std::vector<std::string> lives;
  const LessonSet set = load_lessons(kLessons, Lang::en);  // held: the loop reads into it
  for (const auto& s : set.lessons[4].sections) {
    for (const auto& b : s.blocks) {
      if (b.kind == BlockKind::live) lives.push_back(b.text);
    }
  }
  ASSERT_EQ(lives.size(), expected.size());
  for (std::size_t i = 0; i < lives.size(); ++i) {
    EXPECT_EQ(lives[i], expected[i].first);
    std::vector<std::string> args;
    std::istringstream words(lives[i]);
    for (std::string w; words >> w;) args.push_back(w);
    auto r = run_in_process(args);
    ASSERT_EQ(r.status, 0) << r.err;
    for (const auto& part : expected[i].second) {
      EXPECT_TRUE(testing::has_flowed(r.out, part)) << lives[i] << "\n" << part << "\n" << r.out;
    }
  }
}

TEST(LessonCommand, ListsTheLessons) {
  TempDir d;
  auto r = run_binary({"lesson", "--lessons-dir", kLessons}, "", d.env());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("2. The chain rule"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("6. Summary"), std::string::npos) << r.out;
  r = run_binary({"--lang", "ko", "lesson", "--lessons-dir", kLessons}, "", d.env());
  EXPECT_NE(r.out.find("2. 체인룰"), std::string::npos) << r.out;
}

TEST(LessonCommand, PipedLessonPrintsEverythingAndShowsAnswersWithoutInput) {
  TempDir d;
  auto r = run_binary({"lesson", "2", "--lessons-dir", kLessons}, "", d.env());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  // The live block's real output: the derivative 6(3x + 1) computed on the page.
  EXPECT_NE(r.out.find("$ tutor diff (3x+1)^2"), std::string::npos);
  EXPECT_NE(r.out.find("d/dx (3x + 1)² = 2(3x + 1) · 3 = 6(3x + 1)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("The answer: 2x·cos(x²)"), std::string::npos) << r.out;
  // Read, not answered: nothing is recorded, and the lesson is not completed.
  EXPECT_EQ(r.out.find("Lesson 2 completed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Lesson 2 is not marked completed: 6 questions were not answered."),
            std::string::npos)
      << r.out;
  if (std::filesystem::exists(d.progress())) {
    auto j = read_json(d.progress());
    EXPECT_TRUE(j["lessons_completed"].empty());
    EXPECT_TRUE(j["questions"].empty());
  }
}

// A lesson is completed when every question has been answered or its answer asked for on the
// way through it; leaving at a question answers nothing.
TEST(LessonCommand, CompletedOnlyWhenEveryQuestionIsAnswered) {
  TempDir d;
  auto completed = [&] {
    return std::filesystem::exists(d.progress()) &&
           read_json(d.progress())["lessons_completed"] == nlohmann::json::array({1});
  };
  // Lesson 1 asks three questions. The first is answered, then the input ends.
  auto r = run_binary({"lesson", "1", "--lessons-dir", kLessons}, "b\n", d.env());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("2 questions were not answered"), std::string::npos) << r.out;
  EXPECT_FALSE(completed());
  // Quitting at the second answers nothing.
  r = run_binary({"lesson", "1", "--lessons-dir", kLessons}, "b\nquit\n", d.env());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(completed());
  EXPECT_FALSE(read_json(d.progress())["questions"].contains("lesson-1/q2"));
  // Asking for the answer counts as answering: the second is given up, the third answered.
  r = run_binary({"lesson", "1", "--lessons-dir", kLessons}, "b\nsolution\n0\n", d.env());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Lesson 1 completed"), std::string::npos) << r.out;
  EXPECT_TRUE(completed());

  // A lesson without questions is completed by reading it.
  TempDir f;
  r = run_binary({"lesson", "6", "--lessons-dir", kLessons}, "", f.env());
  EXPECT_NE(r.out.find("Lesson 6 completed"), std::string::npos) << r.out;
  EXPECT_EQ(read_json(f.progress())["lessons_completed"], nlohmann::json::array({6}));
}

TEST(LessonCommand, PipedAnswersAreCheckedAndRecorded) {
  TempDir d;
  // Lesson 2 asks six questions: (2x+5)^3, a product of rates, the sigmoid's derivative in
  // three steps (the inner derivative, the whole, its value at 0), and exercise 1 (sin(x^2)).
  // The last is first answered without the inner derivative, then right.
  const std::string answers =
      "6(2x+5)^2\n5\n-exp(-x)\nexp(-x)/(1+exp(-x))^2\n0.25\ncos(x^2)\n2x cos(x^2)\n";
  auto r = run_binary({"lesson", "2", "--lessons-dir", kLessons}, answers, d.env());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("> cos(x^2)"), std::string::npos);
  // The checker's feedback for the missing inner factor (wrapped at 80 columns).
  EXPECT_NE(r.out.find("the derivative of the inner"), std::string::npos) << r.out;
  auto j = read_json(d.progress());
  EXPECT_EQ(j["lessons_completed"], nlohmann::json::array({2}));
  EXPECT_EQ(j["questions"]["lesson-2/q1"]["tries"], 1);
  EXPECT_EQ(j["questions"]["lesson-2/q1"]["solved"], true);
  EXPECT_EQ(j["questions"]["lesson-2/q4"]["solved"], true);
  EXPECT_EQ(j["questions"]["lesson-2/q6"]["tries"], 2);
  // Exercises are recorded by `tutor exercise`, not by the lesson's question.
  EXPECT_TRUE(j["exercises"].empty());

  auto p = run_binary({"progress"}, "", d.env());
  ASSERT_EQ(p.status, 0) << p.err;
  EXPECT_NE(p.out.find("Lessons completed: 1 of"), std::string::npos) << p.out;
  EXPECT_NE(p.out.find("Questions answered: 6 (6 correct), 7 tries"), std::string::npos) << p.out;
  EXPECT_NE(p.out.find("Exercises solved: 0 of 3"), std::string::npos) << p.out;
}

TEST(LessonCommand, HintsAndGivingUp) {
  TempDir d;
  // '?' shows a hint without spending a try; an empty line shows the answer.
  auto r = run_binary({"lesson", "2", "--lessons-dir", kLessons}, "?\n\n", d.env());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Hint 1: The outer function is u³"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("The answer: 6(2x + 5)²"), std::string::npos) << r.out;
  auto j = read_json(d.progress());
  EXPECT_EQ(j["questions"]["lesson-2/q1"]["tries"], 0);
  EXPECT_EQ(j["questions"]["lesson-2/q1"]["revealed"], true);
}

TEST(LessonCommand, BadInput) {
  EXPECT_EQ(run_in_process({"lesson", "99", "--lessons-dir", kLessons}).status, 2);
  EXPECT_EQ(run_in_process({"lesson", "two", "--lessons-dir", kLessons}).status, 2);
  auto r = run_in_process({"lesson", "--lessons-dir", "/no/such/folder"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("/no/such/folder"), std::string::npos);
}

TEST(LessonCommand, AMalformedTeacherFileIsReportedAndTheRestWork) {
  TempDir d;
  std::filesystem::create_directories(d.path / "lessons/en");
  std::filesystem::copy_file(kLessons + "/en/1-composite-functions.md", d.path / "lessons/en/1.md");
  std::ofstream(d.path / "lessons/en/7.md")
      << "---\nnumber: 7\ntitle: Mine\nlang: en\n---\n```tutor\n";
  auto r = run_binary({"lesson", "--lessons-dir", (d.path / "lessons").string()}, "", d.env());
  ASSERT_EQ(r.status, 0);
  EXPECT_EQ(r.err, (d.path / "lessons/en/7.md").string() + ":6: this ``` block is never closed\n");
  EXPECT_NE(r.out.find("1. Composite functions"), std::string::npos);
}

TEST(LessonCommand, FoundThroughTheEnvironment) {
  TempDir d;
  auto env = d.env();
  env["TUTOR_LESSONS"] = kLessons;
  auto r = run_binary({"lesson"}, "", env);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("1. Composite functions"), std::string::npos);
}

// `tutor lesson 2` on a pseudo-terminal: it pages, waits for answers, and quits on q.
// A lesson on a real terminal, with its progress under DATA.
class Pty : public testing::Pty {
 public:
  Pty(const std::filesystem::path& data, const std::vector<std::string>& args)
      : testing::Pty(args, {{"XDG_DATA_HOME", data.string()}}) {}
};

TEST(LessonCommand, OnATerminalOneSectionAtATime) {
  TempDir d;
  Pty t(d.path, {"--color", "never", "lesson", "2", "--lessons-dir", kLessons});
  ASSERT_TRUE(t.wait_for("-- 1/6 --")) << t.take();
  std::string first = t.take();
  EXPECT_NE(first.find("2. The chain rule"), std::string::npos) << first;
  EXPECT_EQ(first.find("The rule"), std::string::npos) << "only the first section";
  ASSERT_TRUE(t.type("\r"));
  ASSERT_TRUE(t.wait_for("-- 2/6 --")) << t.take();
  ASSERT_TRUE(t.type("\r"));
  // Section 3 has a question: it waits for the answer before the pager line.
  ASSERT_TRUE(t.wait_for("Question 1.")) << t.take();
  ASSERT_TRUE(t.wait_for("> ")) << t.take();
  ASSERT_TRUE(t.type("2(2x+5)^2\r"));
  ASSERT_TRUE(t.wait_for("Try again")) << t.take();
  t.take();
  ASSERT_TRUE(t.type("6(2x+5)^2\r"));
  ASSERT_TRUE(t.wait_for("-- 3/6 --")) << t.take();
  EXPECT_NE(t.take().find("Correct!"), std::string::npos);
  ASSERT_TRUE(t.type("b\r"));
  ASSERT_TRUE(t.wait_for("-- 2/6 --")) << t.take();
  ASSERT_TRUE(t.type("q\r"));
  EXPECT_EQ(t.wait_exit(), 0);
  auto j = read_json(d.progress());
  EXPECT_TRUE(j["lessons_completed"].empty());  // quit before the end
  EXPECT_EQ(j["questions"]["lesson-2/q1"]["tries"], 2);
  EXPECT_EQ(j["questions"]["lesson-2/q1"]["solved"], true);
}

TEST(ProgressCommand, ResetNeedsYesWithoutATerminalAndKeepsABackup) {
  TempDir d;
  ASSERT_EQ(run_binary({"lesson", "6", "--lessons-dir", kLessons}, "", d.env()).status, 0);
  auto before = read_json(d.progress());
  ASSERT_EQ(before["lessons_completed"], nlohmann::json::array({6}));

  auto r = run_binary({"progress", "--reset"}, "", d.env());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--yes"), std::string::npos) << r.err;
  EXPECT_EQ(read_json(d.progress()), before);

  r = run_binary({"progress", "--reset", "--yes"}, "", d.env());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(read_json(d.progress())["lessons_completed"].empty());
  int backups = 0;
  for (const auto& e : std::filesystem::directory_iterator(d.path / "tutor")) {
    if (e.path().filename().string().starts_with("progress.json.bak-")) {
      ++backups;
      EXPECT_EQ(read_json(e.path()), before);
    }
  }
  EXPECT_EQ(backups, 1);
}

TEST(ProgressCommand, ACorruptFileIsMovedAsideWithAWarning) {
  TempDir d;
  std::filesystem::create_directories(d.progress().parent_path());
  std::ofstream(d.progress()) << "{ not json";
  auto r = run_binary({"progress"}, "", d.env());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.err.find("could not be read"), std::string::npos) << r.err;
  bool kept = false;
  for (const auto& e : std::filesystem::directory_iterator(d.path / "tutor")) {
    kept = kept || e.path().filename().string().starts_with("progress.json.corrupt-");
  }
  EXPECT_TRUE(kept);
}

TEST(ProgressCommand, Json) {
  TempDir d;
  auto r = run_binary({"progress", "--format", "json"}, "", d.env());
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["lessons_completed"].empty());
}

}  // namespace
}  // namespace tutor
