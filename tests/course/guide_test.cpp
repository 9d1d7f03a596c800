// Guided steps: each walk's questions, with keys checked by grading answers worked by hand
// (so any equivalent form counts), the feedback a telling wrong step gets, and a graph's
// walk through a node that feeds two others.
#include "course/guide.hpp"

#include <gtest/gtest.h>

#include "math/point.hpp"
#include "math/syntax.hpp"

namespace tutor {
namespace {

bool right(const GuideStep& s, std::string_view answer) {
  return grade(s.question, answer).status == Status::correct;
}

std::string feedback(const GuideStep& s, std::string_view answer) {
  return grade(s.question, answer).feedback.key;
}

std::vector<std::string> labels(const std::vector<GuideStep>& walk) {
  std::vector<std::string> out;
  for (const auto& s : walk) out.push_back(s.label);
  return out;
}

// d/dx sin(x²) = cos(x²)·2x, with u = x².
TEST(Guide, ChainOfTwo) {
  auto w = guide("sin(x^2)", "x", Lang::en, false);
  ASSERT_EQ(labels(w), (std::vector<std::string>{"f(u)", "u", "df/du", "du/dx", "d/dx sin(x²)"}));
  EXPECT_EQ(w[0].intro, "sin(x²) is a chain of 2 links: take it apart from the outside in.");
  EXPECT_EQ(w[0].question.prompt,
            "Write sin(x²) as f(u), with u for the inside. The outer function f(u) = ?");
  EXPECT_TRUE(right(w[0], "sin(u)"));
  EXPECT_EQ(feedback(w[0], "sin(x)"), "guide.outer_in_x");
  EXPECT_EQ(feedback(w[0], "sin(x^2)"), "guide.outer_whole");
  EXPECT_EQ(w[1].question.prompt, "The inner function: u = ? (in terms of x)");
  EXPECT_TRUE(right(w[1], "x*x"));
  EXPECT_FALSE(right(w[1], "x"));
  // df/du in terms of u, or with u written out; at x it is the classic slip.
  EXPECT_EQ(w[2].question.prompt, "df/du = ? (the derivative of f(u) = sin(u))");
  EXPECT_TRUE(right(w[2], "cos(u)"));
  EXPECT_TRUE(right(w[2], "cos(x^2)"));
  EXPECT_EQ(feedback(w[2], "cos(x)"), "guide.local_at_x");
  EXPECT_EQ(render(Lang::en, grade(w[2].question, "cos(x)").feedback),
            "That is the derivative of the outer function at x, not at u: keep u (or write x²).");
  EXPECT_EQ(feedback(w[2], "-cos(u)"), "practice.not_equivalent");
  EXPECT_TRUE(right(w[3], "2x"));
  // The last step is the whole problem, graded by the checker, which names the mistake.
  EXPECT_EQ(w[4].question.prompt, "d/dx sin(x²) = df/du · du/dx = ?");
  EXPECT_TRUE(right(w[4], "2x*cos(x^2)"));
  EXPECT_EQ(grade(w[4].question, "cos(x^2)").mistake, Mistake::missing_inner_derivative);
  EXPECT_EQ(worked(w[4], false), "d/dx sin(x²) = 2x·cos(x²)");
  for (const auto& s : w) EXPECT_EQ(s.question.hints.size(), 1u) << s.label;
}

// d/dx sin((3x + 1)²) = cos((3x + 1)²)·2(3x + 1)·3, link by link.
TEST(Guide, ChainOfThree) {
  auto w = guide("sin((3x+1)^2)", "x", Lang::en, false);
  ASSERT_EQ(labels(w), (std::vector<std::string>{"f(u)", "u", "v", "df/du", "du/dv", "dv/dx",
                                                 "d/dx sin((3x + 1)²)"}));
  EXPECT_TRUE(right(w[0], "sin(u)"));
  EXPECT_EQ(w[1].question.prompt,
            "The next link, with v for its own inside: u = ? (in terms of v)");
  EXPECT_TRUE(right(w[1], "v^2"));
  EXPECT_TRUE(right(w[1], "(3x+1)^2"));  // u itself, written out
  EXPECT_FALSE(right(w[1], "v"));
  EXPECT_TRUE(right(w[2], "1+3x"));
  EXPECT_TRUE(right(w[3], "cos(u)"));
  EXPECT_TRUE(right(w[3], "cos(9x^2+6x+1)"));
  EXPECT_EQ(feedback(w[3], "cos(x)"), "guide.local_at_x");
  EXPECT_TRUE(right(w[4], "2v"));
  EXPECT_TRUE(right(w[4], "6x+2"));
  EXPECT_EQ(feedback(w[4], "2x"), "guide.local_at_x");
  EXPECT_TRUE(right(w[5], "3"));
  EXPECT_EQ(w[6].question.prompt, "d/dx sin((3x + 1)²) = df/du · du/dv · dv/dx = ?");
  EXPECT_TRUE(right(w[6], "6(3x+1)cos((3x+1)^2)"));
  EXPECT_TRUE(right(w[6], "(36x+12)*cos(9x^2+6x+1)/2"));
  EXPECT_FALSE(right(w[6], "2(3x+1)cos((3x+1)^2)"));
}

// (x²·sin x)′ = 2x·sin x + x²·cos x.
TEST(Guide, Product) {
  auto w = guide("x^2*sin(x)", "x", Lang::en, false);
  ASSERT_EQ(labels(w), (std::vector<std::string>{"f′", "g′", "d/dx (x²·sin(x))"}));
  EXPECT_EQ(w[0].intro, "Product rule: x²·sin(x) = f·g with f = x², g = sin(x).");
  EXPECT_EQ(w[0].question.prompt, "f′ = ? (f = x²)");
  EXPECT_TRUE(right(w[0], "2x"));
  EXPECT_TRUE(right(w[1], "cos(x)"));
  EXPECT_EQ(grade(w[1].question, "sin(x)").status, Status::incorrect);
  EXPECT_EQ(w[2].question.prompt, "d/dx (x²·sin(x)) = f′·g + f·g′ = ?");
  EXPECT_TRUE(right(w[2], "2x sin(x) + x^2 cos(x)"));
  EXPECT_EQ(grade(w[2].question, "2x cos(x)").mistake, Mistake::product_rule);
  EXPECT_EQ(w[2].question.hints[0],
            "Put in what you found: f = x², f′ = 2x, g = sin(x), g′ = cos(x).");
}

// (sin x / x)′ = (x·cos x − sin x)/x².
TEST(Guide, Quotient) {
  auto w = guide("sin(x)/x", "x", Lang::en, false);
  ASSERT_EQ(labels(w), (std::vector<std::string>{"f′", "g′", "f′·g − f·g′", "d/dx (sin(x)/x)"}));
  EXPECT_EQ(w[0].intro, "Quotient rule: sin(x)/x = f/g with f = sin(x) and g = x.");
  EXPECT_TRUE(right(w[0], "cos(x)"));
  EXPECT_TRUE(right(w[1], "1"));
  EXPECT_TRUE(right(w[2], "x cos(x) - sin(x)"));
  EXPECT_EQ(feedback(w[2], "sin(x) - x cos(x)"), "guide.quotient_order");
  EXPECT_TRUE(right(w[3], "(x cos(x) - sin(x))/x^2"));
  EXPECT_TRUE(right(w[3], "cos(x)/x - sin(x)/x^2"));
  EXPECT_EQ(grade(w[3].question, "(sin(x) - x cos(x))/x^2").status, Status::incorrect);
}

// A sum: a term with no rule of its own is one step; a chain among the terms is walked.
TEST(Guide, SumWalksTheTermThatNeedsARule) {
  auto w = guide("x^3 + sin(2x) + 5", "x", Lang::en, false);
  ASSERT_EQ(labels(w), (std::vector<std::string>{"d/dx x³", "f(u)", "u", "df/du", "du/dx",
                                                 "d/dx sin(2x)", "d/dx (x³ + sin(2x) + 5)"}));
  EXPECT_EQ(w[0].intro, "x³ + sin(2x) + 5 is a sum: one term at a time.");
  EXPECT_EQ(w[1].intro,
            "The term sin(2x). sin(2x) is a chain of 2 links: take it apart from the outside in.");
  EXPECT_TRUE(right(w[0], "3x^2"));
  EXPECT_TRUE(right(w[5], "2cos(2x)"));
  EXPECT_TRUE(right(w[6], "3x^2 + 2cos(2x)"));
  // A constant times a chain: the chain's walk, then the constant.
  auto c = guide("3*exp(x^2)", "x", Lang::en, false);
  ASSERT_EQ(c.size(), 6u);
  EXPECT_TRUE(right(c[4], "2x*exp(x^2)"));
  EXPECT_TRUE(right(c[5], "6x*exp(x^2)"));
}

TEST(Guide, OneRuleHasNothingToWalk) {
  EXPECT_TRUE(guide("x^5", "x", Lang::en, false).empty());
  EXPECT_TRUE(guide("sin(x)", "x", Lang::en, false).empty());
  EXPECT_TRUE(guide("7*x^3", "x", Lang::en, false).empty());
  EXPECT_TRUE(guide("sin(", "x", Lang::en, false).empty());
}

TEST(Guide, KoreanAndAscii) {
  auto w = guide("sin(x^2)", "x", Lang::ko, true);
  ASSERT_EQ(w.size(), 5u);
  EXPECT_EQ(w[0].question.prompt,
            "안쪽을 u로 두고 sin(x^2)을 f(u) 꼴로 쓰세요. 바깥 함수 f(u) = ?");
  EXPECT_EQ(render(Lang::ko, grade(w[2].question, "cos(x)").feedback),
            "그것은 바깥 함수의 도함수를 u가 아니라 x에서 구한 것입니다. u를 그대로 두거나 "
            "x^2으로 쓰세요.");
  EXPECT_EQ(w[4].label, "d/dx sin(x^2)");
}

// (a + b)(b + 1) at a = 1, b = 2: c = a + b = 3, d = b + 1 = 3, y = c·d = 9. Backward:
// dy/dd = c = 3, dy/dc = d = 3, and b feeds both c and d: along c 3·1 = 3, along d 3·1 = 3,
// dy/db = 6; dy/da = 3·1 = 3.
TEST(Guide, GraphWithATwoPathNode) {
  SymbolTable syms;
  Parsed p = parse("(a+b)*(b+1)", syms);
  Graph g = build_graph(p.expr);
  evaluate(g, parse_point("a=1,b=2", p.variables));
  auto w = graph_guide(g, Lang::en, false);
  ASSERT_EQ(labels(w), (std::vector<std::string>{"c", "d", "y", "dy/dd", "dy/dc", "dy/dc · dc/db",
                                                 "dy/dd · dd/db", "dy/db", "dy/da"}));
  const std::vector<double> hand = {3, 3, 9, 3, 3, 3, 3, 6, 3};
  for (std::size_t i = 0; i < w.size(); ++i) {
    EXPECT_EQ(w[i].question.kind, AnswerKind::number) << i;
    EXPECT_EQ(w[i].question.number, hand[i]) << i;
    EXPECT_TRUE(right(w[i], std::to_string(static_cast<int>(hand[i])))) << i;
  }
  EXPECT_EQ(w[0].intro, "First the values, one node at a time.");
  EXPECT_EQ(w[3].intro, "Now the gradients, from the output back.");
  EXPECT_EQ(w[5].intro,
            "b feeds more than one node, so its gradient adds up the paths: one path at a time.");
  EXPECT_EQ(w[5].question.prompt, "Along the path through c: dy/dc · dc/db = ?");
  EXPECT_EQ(w[5].question.hints[0], "dy/dc = 3 and dc/db = 1: multiply them.");
  EXPECT_EQ(w[6].question.prompt, "Along the path through d: dy/dd · dd/db = ?");
  // The sum is graph_practice's own question, with a first hint that adds the paths.
  EXPECT_EQ(w[7].question.prompt, "dy/db = ?");
  EXPECT_EQ(w[7].question.hints[0], "Add up the paths you found: that is dy/db.");
  EXPECT_EQ(w[7].question.hints.size(), 3u);
  EXPECT_FALSE(right(w[7], "3"));
  EXPECT_EQ(worked(w[7], false), "dy/db = 6");
}

// A practice problem asks one node: the walk leads up to it and ends with its question.
TEST(Guide, GraphWalkUpToOneNode) {
  SymbolTable syms;
  Parsed p = parse("(a+b)*(b+1)", syms);
  Graph g = build_graph(p.expr);
  evaluate(g, parse_point("a=1,b=2", p.variables));
  std::size_t b = 0, y = g.output;
  while (g.nodes[b].name != "b") ++b;
  EXPECT_EQ(labels(graph_guide_to(g, b, true, Lang::en, false)),
            (std::vector<std::string>{"c", "d", "y", "dy/dd", "dy/dc", "dy/dc · dc/db",
                                      "dy/dd · dd/db", "dy/db"}));
  EXPECT_EQ(labels(graph_guide_to(g, y, false, Lang::en, false)),
            (std::vector<std::string>{"c", "d", "y"}));
  // The first value is the question itself: nothing to walk; an input's value is not asked.
  EXPECT_TRUE(graph_guide_to(g, y - 3, false, Lang::en, false).empty());
  EXPECT_TRUE(graph_guide_to(g, b, false, Lang::en, false).empty());
}

}  // namespace
}  // namespace tutor
