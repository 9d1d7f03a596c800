// `tutor graph` as a learner runs it: the text, the formats, practice through stdin, and bad
// input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/pty.hpp"
#include "support/run.hpp"

namespace tutor {
namespace {

using testing::run_binary;
using testing::run_in_process;
using testing::run_json;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(GraphCommand, CourseExampleText) {
  auto r = run_in_process({"graph", "(a+b)*c", "--at", "a=1,b=2,c=3"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.out, "(+)── d")) << r.out;
  EXPECT_TRUE(has(r.out, "(×)── y")) << r.out;
  EXPECT_TRUE(has(r.out, "dy/da = dy/dd × dd/da = 3 × 1 = 3")) << r.out;
  EXPECT_TRUE(has(r.out, "All input gradients agree with the symbolic partial derivatives."));
  EXPECT_EQ(r.err, "");
}

// Lesson 1 shows the order of evaluation before derivatives are taught: the drawing and the
// values, and nothing of the backward pass.
TEST(GraphCommand, ForwardOnly) {
  auto r = run_in_process({"graph", "(3x+1)^2", "--at", "x=1", "--forward"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.out, "Forward pass (left to right): values")) << r.out;
  EXPECT_TRUE(has(r.out, "b² = 16")) << r.out;
  EXPECT_FALSE(has(r.out, "Backward pass")) << r.out;
  EXPECT_FALSE(has(r.out, "gradient")) << r.out;
  EXPECT_FALSE(has(r.out, "dy/")) << r.out;
  for (const auto& extra :
       std::vector<std::vector<std::string>>{{"--format", "json"}, {"--practice"}}) {
    std::vector<std::string> args = {"graph", "(3x+1)^2", "--at", "x=1", "--forward"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto bad = run_in_process(args);
    EXPECT_EQ(bad.status, 2) << extra[0];
    EXPECT_TRUE(has(bad.err, "--forward belongs to the text view")) << bad.err;
  }
}

TEST(GraphCommand, AtMayBeRepeated) {
  auto r =
      run_in_process({"graph", "(a+b)*c", "--at", "a=1", "--at", "b=2,c=3", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["value"], 9);
}

TEST(GraphCommand, ColahInKorean) {
  auto r = run_binary({"--lang", "ko", "graph", "(a+b)(b+1)", "--at", "a=2,b=1"});
  ASSERT_EQ(r.status, 0) << r.err;
  // At 80 columns the chain rule of b wraps under its column; read as one line it adds the
  // two paths.
  std::string joined = r.out;
  for (std::size_t at; (at = joined.find("\n   ")) != std::string::npos;) {
    joined.replace(at, joined.find_first_not_of(' ', at + 1) - at, " ");
  }
  EXPECT_TRUE(has(joined, "dy/db = dy/dc × dc/db + dy/dd × dd/db = 2 × 1 + 3 × 1 = 5")) << r.out;
  EXPECT_TRUE(has(r.out, "역전파")) << r.out;
}

TEST(GraphCommand, Formats) {
  auto m = run_in_process({"graph", "(2x+1)^3", "--format", "mermaid"});
  ASSERT_EQ(m.status, 0) << m.err;
  EXPECT_TRUE(m.out.starts_with("graph LR\n")) << m.out;
  auto d = run_in_process({"graph", "(2x+1)^3", "--at", "x=1", "--format", "dot"});
  ASSERT_EQ(d.status, 0) << d.err;
  EXPECT_TRUE(has(d.out, "label=\"{ y | data 27 | grad 1 }\"")) << d.out;
  auto json = run_json({"graph", "(2x+1)^3", "--at", "x=1", "--format", "json"});
  EXPECT_EQ(json["value"], 27);
  EXPECT_EQ(json["gradients"]["x"], 54);
  auto bad = run_in_process({"graph", "x", "--format", "latex"});
  EXPECT_EQ(bad.status, 2);
}

// Exercise 2 with every answer right on the first try: a = 2, b = 3, y = 27, then the
// gradients dy/db = 27, dy/da = 27, dy/dx = 54 (worked by hand).
// One learner's session of `graph --practice`: the answers typed, the exit status, and lines
// the output must show.
struct PracticeCase {
  std::string expression;
  std::string at;
  std::string answers;
  int status;
  std::vector<std::string> shown;
  std::vector<std::string> not_shown = {};
};

TEST(GraphCommand, Practice) {
  const std::vector<PracticeCase> cases = {
      {"(2x+1)^3",
       "x=1",
       "2\n3\n27\n27\n27\n54\n",
       0,
       {"score: 6 of 6 correct (6 on the first try)"}},
      // Exact and decimal forms of the same numbers.
      {"x^2/4", "x=3", "9\n9/4\n1/4\n3/2\n", 0, {"score: 4 of 4"}},
      {"x^2/4", "x=3", "9\n2.25\n0.25\n1.5\n", 0, {"score: 4 of 4"}},
      {"(2x+1)^3",
       "x=1",
       "2\n3\n27\n27\n20\n27\n54\n",
       0,
       {"Try again (2 tries left).",
        // The method first, the numbers only with the second hint.
        "Hint 1: by the chain rule: the local derivative db/da = 1, times the upstream "
        "gradient dy/db found before it",
        "score: 6 of 6 correct (5 on the first try)"},
       {"Hint 2"}},
      {"(2x+1)^3",
       "x=1",
       "2\n3\n27\n27\n27\n1\n2\n3\n",
       1,
       {"The answer: 54", "score: 5 of 6 correct"}},
      // Not a number: said so, and no try is spent.
      {"x+1", "x=1", "two\n2\n1\n", 0, {"Answer with a number"}},
  };
  for (const auto& c : cases) {
    auto r = run_in_process({"graph", c.expression, "--at", c.at, "--practice"}, c.answers);
    EXPECT_EQ(r.status, c.status) << c.answers << r.out << r.err;
    for (const auto& line : c.shown)
      EXPECT_TRUE(testing::has_flowed(r.out, line)) << line << "\n" << r.out;
    for (const auto& line : c.not_shown) EXPECT_FALSE(has(r.out, line)) << line << "\n" << r.out;
  }
}

TEST(GraphCommand, PracticeEndsCleanlyWhenInputEnds) {
  auto r = run_binary({"graph", "(2x+1)^3", "--at", "x=1", "--practice"}, "2\n");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "input ended")) << r.err;
  EXPECT_TRUE(has(r.out, "score: 1 of 2")) << r.out;
}

struct BadCase {
  std::vector<std::string> args;
  std::string message;
};

// --guided: the same practice one step at a time; b in (a + b)(b + 1) feeds c = a + b and
// d = b + 1, so each path (3·1 and 3·1) comes before dy/db = 6.
TEST(GraphCommand, GuidedPracticeAsksEachPathBeforeTheSum) {
  auto r = run_binary({"graph", "(a+b)*(b+1)", "--at", "a=1,b=2", "--guided"},
                      "3\n3\n9\n3\n3\n3\n2\n3\n6\n3\n");
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* part :
       {"Step 1 of 9: c = a + b, with a = 1, b = 2.  c = ?",
        "b feeds more than one node, so its gradient adds up the paths: one path at a\n"
        "  time.\nStep 6 of 9: Along the path through c: dy/dc · dc/db = ?\n> 3\n✓ Correct!",
        "Step 7 of 9: Along the path through d: dy/dd · dd/db = ?\n> 2\n✗",
        "Hint 1: dy/dd = 3 and dd/db = 1: multiply them.",
        "Step 8 of 9: dy/db = ?\n> 6\n✓ Correct!", "So dy/da = 3."}) {
    EXPECT_NE(r.out.find(part), std::string::npos) << part << "\n---\n" << r.out;
  }
}

// On a terminal: the guided graph walk answered step by step.
TEST(GraphCommand, GuidedPracticeOnATerminal) {
  testing::Pty t({"graph", "(a+b)*(b+1)", "--at", "a=1,b=2", "--guided"}, {});
  ASSERT_TRUE(t.started());
  for (const char* answer : {"3", "3", "9", "3", "3", "3", "3", "6"}) {
    ASSERT_TRUE(t.wait_for("> ")) << t.take();
    ASSERT_TRUE(t.type(std::string(answer) + "\r"));
    ASSERT_TRUE(t.wait_for("Correct")) << answer << t.take();
  }
  ASSERT_TRUE(t.wait_for("Step 9 of 9: dy/da = ?")) << t.take();
  ASSERT_TRUE(t.wait_for("> ")) << t.take();
  ASSERT_TRUE(t.type("\r"));  // an empty line shows the answer
  ASSERT_TRUE(t.wait_for("The answer: 3")) << t.take();
  EXPECT_EQ(t.wait_exit(), 0);
}

TEST(GraphCommand, BadInputExitsTwoWithAMessage) {
  const std::vector<BadCase> cases = {
      {{"graph", "x+y", "--at", "x=1"}, "--at gives no value for y"},
      {{"graph", "x+y", "--at", "x=1,y=two"}, "is not a real number"},
      {{"graph", "x+y", "--at", "x=1,y=2,x=3"}, "x is given twice"},
      {{"graph", "x+y", "--at", "x=1,y=2,q=3"}, "has no variable 'q'"},
      {{"graph", "x+y", "--at", "x"}, "is not of the form V=N"},
      {{"graph", "log(x)", "--at", "x=0"}, "outside the domain"},
      {{"graph", "1/(x-1)", "--at", "x=1"}, "outside the domain"},
      {{"graph", "sqrt(x)", "--at", "x=0"}, "local derivative"},
      {{"graph", "x^2", "--practice"}, "--practice needs a point"},
      {{"graph", "sin(x"}, "sin(x"},
  };
  for (const auto& c : cases) {
    auto r = run_binary(c.args);
    EXPECT_EQ(r.status, 2) << c.args[1];
    EXPECT_TRUE(has(r.err, c.message)) << r.err;
    auto ko = run_binary(c.args, "", {{"TUTOR_LANG", "ko"}});
    EXPECT_EQ(ko.status, 2);
    EXPECT_TRUE(has(ko.err, "오류")) << ko.err;
  }
}

TEST(GraphCommand, TooLargeToDrawStillPrintsTheTables) {
  std::string text = "x";
  for (int i = 1; i <= 30; ++i) text += "+sin(" + std::to_string(i) + "x)";
  auto r = run_in_process({"graph", text, "--at", "x=1/2"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r.err, "too large to draw")) << r.err;
  EXPECT_TRUE(has(r.out, "Forward pass")) << r.out;
  EXPECT_TRUE(has(r.out, "All input gradients agree")) << r.out;
}

}  // namespace
}  // namespace tutor
