// `tutor practice` as a learner and a script run it: the problems of a seed, a scripted
// run recorded in the progress file, the reason a steered problem gives, and bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "course/skills.hpp"
#include "math/print.hpp"
#include "math/steps.hpp"
#include "math/symbols.hpp"
#include "math/syntax.hpp"
#include "support/pty.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

namespace tutor {
namespace {

using testing::run_binary;
using testing::run_in_process;
using testing::run_json;
using testing::slurp;
using testing::TempDir;

bool contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

TEST(PracticeCli, JsonListsTheProblemsOfASeedWithTheirKeys) {
  auto j = run_json({"practice", "chain2", "--count", "6", "--seed", "4", "--format", "json"});
  ASSERT_EQ(j["problems"].size(), 6u);
  for (const auto& p : j["problems"]) {
    EXPECT_EQ(p["skill"], "chain2");
    EXPECT_FALSE(p["key"].get<std::string>().empty());
  }
  EXPECT_EQ(j["problems"][0]["level"], 1);
  EXPECT_EQ(j["problems"][3]["focus"], "inner-factor");
  EXPECT_EQ(j, run_json({"practice", "chain2", "--count", "6", "--seed", "4", "--format", "json"}));
  auto all = run_json({"practice", "--count", "2", "--seed", "4", "--format", "json"});
  EXPECT_EQ(all["problems"].size(), 2 * skills().size());
  EXPECT_TRUE(all["rejected"].contains("repeated"));
  // Every kind with the setup a program needs to answer it on its own.
  std::set<std::string> kinds;
  for (const auto& p : all["problems"]) {
    const std::string kind = p["kind"];
    kinds.insert(kind);
    if (kind == "node-value" || kind == "node-gradient") {
      EXPECT_TRUE(p.contains("expression") && p.contains("point") && p.contains("node")) << p;
      EXPECT_TRUE(p["key"].is_number()) << p;
    }
    if (kind == "descent-step") EXPECT_TRUE(p.contains("start") && p.contains("rate")) << p;
    if (kind == "rate-verdict") EXPECT_TRUE(p["key"].is_string()) << p;
  }
  EXPECT_EQ(kinds,
            (std::set<std::string>{"derivative", "node-value", "node-gradient", "descent-step",
                                   "rate-verdict", "layer-bound", "factor-product"}));
}

TEST(PracticeCli, AGraphProblemIsAskedAndGraded) {
  TempDir d;
  auto j =
      run_json({"practice", "graph-backward", "--count", "1", "--seed", "3", "--format", "json"});
  const auto& p = j["problems"][0];
  ASSERT_EQ(p["expression"], "a*b+c") << p;
  ASSERT_EQ(p["node"], "b");
  EXPECT_EQ(p["key"], 1);
  auto r =
      run_binary({"practice", "graph-backward", "--count", "1", "--seed", "3"}, "1\n", d.env());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out,
                       "In the graph d = a·b, y = c + d, at a = 1, b = -3, c = -1: what is "
                       "dy/db?"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "✓")) << r.out;
  EXPECT_TRUE(contains(r.out, "Mastery of backward gradients on a computational graph: 10% → 57%"))
      << r.out;
  auto progress = nlohmann::json::parse(slurp(d.progress().string()));
  EXPECT_EQ(progress["history"][0]["skill"], "graph-backward");
}

TEST(PracticeCli, ScriptedRunIsGradedAndRecorded) {
  TempDir d;
  // A new learner starts with powers; the first problem of seed 8 is the json's first.
  auto j = run_json({"practice", "power", "--count", "1", "--seed", "8", "--format", "json"});
  const std::string key = j["problems"][0]["key"];
  auto r = run_binary({"practice", "--count", "1", "--seed", "8"}, key + "\n", d.env());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "Problem 1 of 1: power and sum rules")) << r.out;
  EXPECT_TRUE(contains(r.out, "> " + key)) << r.out;
  EXPECT_TRUE(contains(r.out, "✓")) << r.out;
  EXPECT_TRUE(contains(r.out, "Mastery of power and sum rules: 10% → 57%")) << r.out;
  EXPECT_TRUE(contains(r.out, "1 problem answered, 1 right at the first try.")) << r.out;
  auto progress = nlohmann::json::parse(slurp(d.progress().string()));
  EXPECT_NEAR(progress["skills"]["power"]["mastery"].get<double>(), 0.575, 1e-12);
  EXPECT_EQ(progress["history"][0]["right"], true);

  // The same seed gives the same run.
  TempDir e;
  auto again = run_binary({"practice", "--count", "1", "--seed", "8"}, key + "\n", e.env());
  EXPECT_EQ(again.out, r.out);

  // tutor progress shows the skill's bar, in text and JSON.
  auto shown = run_binary({"progress", "--ascii"}, "", d.env());
  EXPECT_TRUE(contains(shown.out, "Practice skills (0 of 14 mastered):")) << shown.out;
  EXPECT_TRUE(contains(shown.out, "######....  57%  power")) << shown.out;
  auto pj = nlohmann::json::parse(run_binary({"progress", "--format", "json"}, "", d.env()).out);
  EXPECT_EQ(pj["skills"]["power"]["answered"], 1);
}

TEST(PracticeCli, AForgottenInnerFactorSaysWhyTheNextProblemWasChosen) {
  // Seed 1 starts with sin(3x + 1), whose inner factor is 3.
  auto j = run_json({"practice", "chain2", "--count", "1", "--seed", "1", "--format", "json"});
  const std::string function = j["problems"][0]["function"];
  // The derivative without its inner factor: the outer derivative at the inner function.
  SymbolTable syms;
  Step s = differentiate(parse(function, syms).expr, syms.get("x"));
  ASSERT_EQ(s.rule, Rule::chain) << function;
  const std::string wrong = print(s.links.front().factor, Style::input);
  ASSERT_EQ(wrong, "cos(3*x+1)");
  for (const char* lang : {"en", "ko"}) {
    TempDir d;
    auto r = run_binary({"--lang", lang, "practice", "chain2", "--count", "2", "--seed", "1"},
                        wrong + "\n\nquit\n", d.env());
    ASSERT_EQ(r.status, 0) << r.err;
    if (std::string(lang) == "en") {
      EXPECT_TRUE(contains(r.out, "(missing-inner-derivative)")) << r.out;
      EXPECT_TRUE(contains(r.out, "You forgot an inner factor last time")) << r.out;
    } else {
      EXPECT_TRUE(contains(r.out, "지난번에 안쪽 인수를 빠뜨렸습니다")) << r.out;
    }
  }
}

// On a terminal: the prompt, the answer words, and the reason for the next problem.
TEST(PracticeCli, OnATerminal) {
  TempDir d;
  testing::Pty t({"practice", "chain2", "--count", "2", "--seed", "1"}, d.env());
  ASSERT_TRUE(t.started());
  ASSERT_TRUE(t.wait_for("hint or ? for a hint")) << t.take();
  ASSERT_TRUE(t.wait_for("> ")) << t.take();
  ASSERT_TRUE(t.type("cos(3x+1)\r"));
  ASSERT_TRUE(t.wait_for("Let us work it out one step at a time")) << t.take();
  ASSERT_TRUE(t.wait_for("> ")) << t.take();
  ASSERT_TRUE(t.type("\r"));  // an empty line shows the whole solution
  ASSERT_TRUE(t.wait_for("You forgot an inner factor last time")) << t.take();
  ASSERT_TRUE(t.wait_for("> ")) << t.take();
  ASSERT_TRUE(t.type("quit\r"));
  EXPECT_EQ(t.wait_exit(), 0);
}

// A wrong first answer leads into the walk: each step checked on its own, with feedback
// about that step; the walk ends in the answer, and only the first try counts for mastery.
TEST(PracticeCli, AWrongAnswerIsWalkedThroughStepByStep) {
  TempDir d;
  // Seed 1 starts with sin(3x + 1) (see above).
  const std::string typed =
      "cos(3x+1)\n"    // the problem: the inner factor forgotten
      "sin(x)\n"       // f(u): written in x
      "sin(u)\n"       //
      "3x+1\n"         // u
      "cos(x)\n"       // df/du: at x instead of at u
      "cos(3x+1)\n"    // df/du with u written out
      "3\n"            // du/dx
      "3cos(3x+1)\n";  // the product
  auto r = run_binary({"practice", "chain2", "--count", "1", "--seed", "1"}, typed, d.env());
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* part : {
           "(missing-inner-derivative)\nLet us work it out one step at a time",
           "sin(3x + 1) is a chain of 2 links: take it apart from the outside in.\n"
           "Step 1 of 5: Write sin(3x + 1) as f(u), with u for the inside. The outer\n"
           "  function f(u) = ?\n> sin(x)\n✗ Write the outer function with u where x is: f(u).",
           "Step 2 of 5: The inner function: u = ? (in terms of x)\n> 3x+1\n✓",
           "Step 3 of 5: df/du = ? (the derivative of f(u) = sin(u))\n> cos(x)\n"
           "✗ That is the derivative of the outer function at x, not at u: keep u\n"
           "  (or write 3x + 1).\nHint 1: Differentiate sin(u) as if u were the variable",
           "Step 5 of 5: d/dx sin(3x + 1) = df/du · du/dx = ?\n> 3cos(3x+1)\n✓ Correct!\n"
           "So d/dx sin(3x + 1) = 3cos(3x + 1).\n"
           "Mastery of the chain rule, two links: 10% → 16%",
           "1 problem answered, 0 right at the first try.",
       }) {
    EXPECT_TRUE(contains(r.out, part)) << part << "\n---\n" << r.out;
  }
  auto progress = nlohmann::json::parse(slurp(d.progress().string()));
  EXPECT_EQ(progress["history"].size(), 1u);
  EXPECT_EQ(progress["history"][0]["right"], false);

  // The same seed and answers replay the same walk; in Korean the steps speak Korean.
  TempDir e;
  EXPECT_EQ(run_binary({"practice", "chain2", "--count", "1", "--seed", "1"}, typed, e.env()).out,
            r.out);
  TempDir k;
  auto ko = run_binary({"--lang", "ko", "practice", "chain2", "--count", "1", "--seed", "1"}, typed,
                       k.env());
  EXPECT_TRUE(contains(ko.out, "한 단계씩 풀어 봅시다")) << ko.out;
  EXPECT_TRUE(contains(ko.out, "5단계 중 3단계: df/du = ? (f(u) = sin(u)의 도함수)")) << ko.out;
}

// An empty line in the walk shows the rest of the solution, worked, and moves on.
TEST(PracticeCli, AnEmptyLineInTheWalkShowsTheSolution) {
  TempDir d;
  auto r = run_binary({"practice", "chain2", "--count", "1", "--seed", "1"},
                      "cos(3x+1)\nsin(u)\n\n", d.env());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out,
                       "> \nThe answer: 3x + 1\nThe solution:\n  df/du = cos(u)\n"
                       "  du/dx = 3\n  d/dx sin(3x + 1) = 3cos(3x + 1)\n"
                       "Mastery of the chain rule"))
      << r.out;
}

// --guided walks before any answer: help, not a try, so mastery does not move.
TEST(PracticeCli, GuidedWalksFromTheStartWithoutChangingMastery) {
  TempDir d;
  auto r = run_binary({"practice", "chain2", "--guided", "--count", "1", "--seed", "1"},
                      "sin(u)\n3x+1\ncos(u)\n3\n3cos(3x+1)\n", d.env());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "What is d/dx sin(3x + 1)?\nOne step at a time")) << r.out;
  EXPECT_TRUE(contains(r.out, "So d/dx sin(3x + 1) = 3cos(3x + 1).\n\n0 problems answered"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "1 problem worked through step by step")) << r.out;
  EXPECT_FALSE(contains(r.out, "Mastery of")) << r.out;
  auto shown = run_binary({"progress", "--format", "json"}, "", d.env());
  auto pj = nlohmann::json::parse(shown.out);
  EXPECT_FALSE(pj["skills"].contains("chain2")) << shown.out;
}

// On a terminal: `practice chain2 --guided` for one chain problem, step by step.
TEST(PracticeCli, GuidedOnATerminal) {
  TempDir d;
  testing::Pty t({"practice", "chain2", "--guided", "--count", "1", "--seed", "1"}, d.env());
  ASSERT_TRUE(t.started());
  ASSERT_TRUE(t.wait_for("Step 1 of 5")) << t.take();
  ASSERT_TRUE(t.wait_for("> ")) << t.take();
  ASSERT_TRUE(t.type("sin(u)\r"));
  ASSERT_TRUE(t.wait_for("Step 2 of 5")) << t.take();
  ASSERT_TRUE(t.wait_for("> ")) << t.take();
  ASSERT_TRUE(t.type("3x+1\r"));
  ASSERT_TRUE(t.wait_for("Step 3 of 5")) << t.take();
  ASSERT_TRUE(t.wait_for("> ")) << t.take();
  ASSERT_TRUE(t.type("cos(x)\r"));
  ASSERT_TRUE(t.wait_for("not at u")) << t.take();
  ASSERT_TRUE(t.wait_for("> ")) << t.take();
  ASSERT_TRUE(t.type("?\r"));  // the hint was shown after the wrong try: no more
  ASSERT_TRUE(t.wait_for("No more hints")) << t.take();
  ASSERT_TRUE(t.wait_for("> ")) << t.take();
  ASSERT_TRUE(t.type("cos(u)\r"));
  ASSERT_TRUE(t.wait_for("Step 4 of 5")) << t.take();
  ASSERT_TRUE(t.wait_for("> ")) << t.take();
  ASSERT_TRUE(t.type("3\r"));
  ASSERT_TRUE(t.wait_for("Step 5 of 5")) << t.take();
  ASSERT_TRUE(t.wait_for("> ")) << t.take();
  ASSERT_TRUE(t.type("3cos(3x+1)\r"));
  ASSERT_TRUE(t.wait_for("So d/dx sin(3x + 1) = 3cos(3x + 1).")) << t.take();
  ASSERT_TRUE(t.wait_for("1 problem worked through step by step")) << t.take();
  EXPECT_EQ(t.wait_exit(), 0);
}

// A graph problem's walk is the graph's own, node by node up to the node asked about.
TEST(PracticeCli, AWrongGraphGradientIsWalkedNodeByNode) {
  TempDir d;
  // Seed 1 asks dy/db in d = a + b, y = c·d at a = 1, b = -4, c = 1: d = -3, y = -3,
  // dy/dc = d = -3, dy/dd = c = 1, dy/db = 1.
  auto r = run_binary({"practice", "graph-backward", "--count", "1", "--seed", "1"},
                      "5\n-3\n-3\n-3\n1\n1\n", d.env());
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* part : {"what is dy/db?\n> 5\n✗ That is not the number.\nLet us work it out",
                           "Step 1 of 5: d = a + b, with a = 1, b = -4.  d = ?\n> -3\n✓",
                           "Step 5 of 5: dy/db = ?\n> 1\n✓ Correct!\nSo dy/db = 1.",
                           "1 problem answered, 0 right at the first try."}) {
    EXPECT_TRUE(contains(r.out, part)) << part << "\n---\n" << r.out;
  }
}

// At the prompt, Tab completes a skill's name: `practice chain-l` alone is no skill.
TEST(PracticeCli, PromptCompletesSkillNames) {
  TempDir d;
  auto env = d.env();
  env["HOME"] = d.path.string();
  env["XDG_STATE_HOME"] = (d.path / "state").string();
  env["INPUTRC"] = "/dev/null";
  testing::Pty t({"--color", "never"}, env, 120);
  ASSERT_TRUE(t.started());
  ASSERT_TRUE(t.wait_for("tutor> ")) << t.take();
  ASSERT_TRUE(t.type("practice chain-l\t"));
  ASSERT_TRUE(t.wait_for("chain-long")) << t.take();
  ASSERT_TRUE(t.type(" --count 1 --seed 3\r"));
  ASSERT_TRUE(t.wait_for("Problem 1 of 1: chains of three or four links")) << t.take();
  ASSERT_TRUE(t.wait_for("> ")) << t.take();
  ASSERT_TRUE(t.type("quit\r"));
  ASSERT_TRUE(t.wait_for("tutor> ")) << t.take();
  ASSERT_TRUE(t.type("quit\r"));
  EXPECT_EQ(t.wait_exit(), 0) << t.take();
}

TEST(PracticeCli, ListAndHelpInBothLanguages) {
  TempDir d;
  auto en = run_binary({"practice", "--list", "--ascii"}, "", d.env());
  EXPECT_EQ(en.status, 0);
  EXPECT_TRUE(contains(en.out, "chain-long      chains of three or four links                #"))
      << en.out;
  EXPECT_TRUE(contains(en.out,
                       "vanishing       vanishing gradients                          "
                       "#.........  10%  after activation, graph-backward"))
      << en.out;
  EXPECT_TRUE(contains(en.out, "after exp-log, trig"));
  auto ko = run_binary({"--lang", "ko", "practice", "--list"}, "", d.env());
  EXPECT_TRUE(contains(ko.out, "편미분")) << ko.out;
  auto help = run_in_process({"practice", "--help"});
  EXPECT_EQ(help.status, 0);
  EXPECT_TRUE(contains(help.out, "--seed S")) << help.out;
  EXPECT_TRUE(contains(help.out, "--guided")) << help.out;
  auto ko_help = run_in_process({"--lang", "ko", "practice", "--help"});
  EXPECT_TRUE(contains(ko_help.out, "한 단계씩 풀어 봅니다")) << ko_help.out;
}

TEST(PracticeCli, BadInputIsRefusedWithStatusTwo) {
  auto r = run_in_process({"practice", "chain"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "there is no skill 'chain'; the skills are power, exp-log")) << r.err;
  EXPECT_EQ(run_in_process({"practice", "--count", "0"}).status, 2);
  EXPECT_EQ(run_in_process({"practice", "--count", "1001"}).status, 2);
  EXPECT_EQ(run_in_process({"practice", "--count", "3x"}).status, 2);
  EXPECT_EQ(run_in_process({"practice", "--seed", "-1"}).status, 2);
  EXPECT_EQ(run_in_process({"practice", "--format", "csv"}).status, 2);
}

}  // namespace
}  // namespace tutor
