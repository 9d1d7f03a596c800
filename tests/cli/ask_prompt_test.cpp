// The one ask loop at the terminal: its transcript through a Context on string streams, and
// the same hint words, the same tolerance and the same choice answers in lessons, exercises,
// `quiz take` and `graph --practice` (the real binary, with a time limit).
#include "cli/ask_prompt.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/run.hpp"
#include "support/temp_dir.hpp"

namespace tutor {
namespace {

using testing::run_binary;

struct Transcript {
  std::istringstream in;
  std::ostringstream out, err;
  SymbolTable syms;
  cli::Context ctx;
  explicit Transcript(const std::string& input, Lang lang = Lang::en) : in(input) {
    ctx.lang = lang;
    ctx.in = &in;
    ctx.out = &out;
    ctx.err = &err;
    ctx.syms = &syms;
  }
};

Question half_of_27() {
  Question q;
  q.kind = AnswerKind::number;
  q.prompt = "What is 27/2?";
  q.number = 13.5;
  q.hints = {"Halve 27."};
  return q;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

TEST(AskPrompt, ATranscriptOfHintWrongAndRight) {
  Question q = half_of_27();
  Transcript t("?\n13\n27/2\n");
  cli::Asked a = cli::ask(q, AskRules{}, t.ctx);
  EXPECT_TRUE(a.solved);
  EXPECT_EQ(a.tries, 2);
  EXPECT_EQ(t.out.str(),
            "What is 27/2?\n"
            "> ?\n"
            "Hint 1: Halve 27.\n"
            "> 13\n"
            "✗ That is not the number.\n"
            "Try again (2 tries left).\n"
            "> 27/2\n"
            "✓ Correct!\n");
}

TEST(AskPrompt, PluralFormsAndTheKeyInKorean) {
  Question q = half_of_27();
  Transcript t("1\n2\n3\n", Lang::ko);
  cli::Asked a = cli::ask(q, AskRules{}, t.ctx);
  EXPECT_TRUE(a.revealed);
  EXPECT_NE(t.out.str().find("다시 해 보세요 (남은 기회 1번)."), std::string::npos) << t.out.str();
  EXPECT_NE(t.out.str().find("정답: 13.5"), std::string::npos) << t.out.str();
  Transcript e("1\n2\n");
  cli::ask(q, AskRules{}, e.ctx);
  EXPECT_NE(e.out.str().find("Try again (1 try left)."), std::string::npos) << e.out.str();
}

TEST(AskPrompt, AnUnreadableAnswerShowsTheCaretAndIsNotATry) {
  Question q = half_of_27();
  Transcript t("27/(2\n27/2\n");
  cli::Asked a = cli::ask(q, AskRules{}, t.ctx);
  EXPECT_EQ(a.tries, 1);
  EXPECT_NE(t.out.str().find("^"), std::string::npos) << t.out.str();
  EXPECT_NE(t.out.str().find("it is not a try"), std::string::npos) << t.out.str();
}

TEST(AskPrompt, TheInputEndingIsReported) {
  Question q = half_of_27();
  Transcript t("");
  cli::Asked a = cli::ask(q, AskRules{}, t.ctx);
  EXPECT_TRUE(a.ended);
  EXPECT_FALSE(a.answered);
  EXPECT_EQ(a.outcome.status, Status::blank);
}

// ---- The same answers in every command ----

struct Home : testing::TempDir {
  Home() {
    write("lessons/en/1-t.md",
          "---\nnumber: 1\ntitle: T\nlang: en\n---\n# T\n\n"
          "```question\nask: What is 27/2?\ntype: number\n"
          "answer: 27/2\nhint: Halve 27.\n```\n\n"
          "```question\nask: Which rate diverges?\n"
          "type: choice\nchoice: 0.001\nchoice: 0.1\n"
          "choice: 10\nanswer: c\nhint: Look at 1 - 2η.\n"
          "```\n");
    write("quiz.toml",
          "title = \"T\"\n"
          "[[question]]\nid = \"n\"\nkind = \"value\"\nexpression = \"x^3/2\"\n"
          "at = { x = 3 }\nhints = [\"Halve 27.\"]\n"
          "[[question]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Which rate diverges?\"\n"
          "choices = [\"0.001\", \"0.1\", \"10\"]\nanswer = 3\nhints = [\"Look at 1 - 2η.\"]\n");
  }

  testing::RunResult lesson(const std::string& input) const {
    return run_binary({"lesson", "1", "--lessons-dir", (path / "lessons").string()}, input, env());
  }
  testing::RunResult quiz(const std::string& input) const {
    return run_binary({"quiz", "take", (path / "quiz.toml").string(), "--student", "kim", "--out",
                       (path / "kim.json").string(), "--force"},
                      input, env());
  }
  testing::RunResult exercise(const std::string& input) const {
    return run_binary({"exercise", "3"}, input, env());
  }
};

testing::RunResult graph(const std::string& input) {
  return run_binary({"graph", "x+1", "--at", "x=1", "--practice"}, input);
}

// 27/2 off by 3.7e-7 counts and by 3.7e-6 does not: one tolerance, 1e-6 relative. In the
// graph, 2 off by 5e-7 and 5e-6; in exercise 3, x = 2.56 off by 3.9e-7 and 3.9e-6.
TEST(SameEverywhere, HintWordsAndTolerance) {
  Home h;
  for (std::string w : {"hint", "힌트", "?"}) {
    auto l = h.lesson(w + "\n13.50005\n13.500005\n" + w + "\nc\n");
    EXPECT_EQ(l.status, 0) << l.err;
    EXPECT_NE(l.out.find("Hint 1: Halve 27."), std::string::npos) << w << "\n" << l.out;
    EXPECT_NE(l.out.find("Hint 1: Look at 1 - 2η."), std::string::npos) << w << "\n" << l.out;
    EXPECT_EQ(count(l.out, "That is not the number."), 1u) << l.out;
    EXPECT_EQ(count(l.out, "✓ Correct!"), 2u) << l.out;

    auto e = h.exercise(w + "\nc\na\n" + w + "\n2.56001\n2.560001\n");
    EXPECT_EQ(e.status, 0) << e.out;
    EXPECT_NE(e.out.find("Hint 1: f'(x) = 2x"), std::string::npos) << w << "\n" << e.out;
    EXPECT_NE(e.out.find("Hint 1: x_new"), std::string::npos) << w << "\n" << e.out;
    EXPECT_EQ(count(e.out, "That is not the number."), 1u) << e.out;

    auto q = h.quiz(w + "\n13.500005\n" + w + "\nc\n");
    EXPECT_EQ(q.status, 0) << q.err;
    EXPECT_NE(q.out.find("Hint 1: Halve 27."), std::string::npos) << w << "\n" << q.out;
    EXPECT_NE(q.out.find("Hint 1: Look at 1 - 2η."), std::string::npos) << w << "\n" << q.out;
    EXPECT_NE(q.out.find("Score: 2/2"), std::string::npos) << q.out;
    EXPECT_NE(h.quiz("13.50005\nc\n").out.find("That is not the number."), std::string::npos);

    auto g = graph(w + "\n2.00001\n2.000001\n" + w + "\n1\n");
    EXPECT_EQ(g.status, 0) << g.out;
    EXPECT_NE(g.out.find("Hint 1: put x = 1 into y = x + 1"), std::string::npos) << w << g.out;
    EXPECT_EQ(count(g.out, "That is not the number."), 1u) << g.out;
    EXPECT_NE(g.out.find("score: 2 of 2 correct (1 on the first try)"), std::string::npos);
  }
}

TEST(SameEverywhere, ChoicesByNumberLetterOrText) {
  Home h;
  for (std::string c : {"3", "c", "10", "(C)"}) {
    auto l = h.lesson("27/2\n" + c + "\n");
    EXPECT_EQ(count(l.out, "✓ Correct!"), 2u) << c << "\n" << l.out;
    auto e = h.exercise(c + "\na\n2.56\n");
    EXPECT_EQ(e.status, 0) << c << "\n" << e.out;
    auto q = h.quiz("27/2\n" + c + "\n");
    EXPECT_NE(q.out.find("Score: 2/2"), std::string::npos) << c << "\n" << q.out;
  }
}

TEST(SameEverywhere, RevealAndQuit) {
  Home h;
  auto l = h.lesson("\nquit\n");
  EXPECT_NE(l.out.find("The answer: 27/2"), std::string::npos) << l.out;
  auto e = h.exercise("solution\n");
  EXPECT_NE(e.out.find("The answer: c) 10"), std::string::npos) << e.out;
  auto q = h.quiz("\n");
  EXPECT_NE(q.out.find("The answer: 27/2"), std::string::npos) << q.out;
  auto g = graph("\nquit\n");
  EXPECT_NE(g.out.find("The answer: 2"), std::string::npos) << g.out;
  EXPECT_EQ(g.status, 1);
}

}  // namespace
}  // namespace tutor
