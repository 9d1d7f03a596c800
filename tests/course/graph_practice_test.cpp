// The questions of `tutor graph --practice`: exercise 2's values and gradients worked by hand,
// and hints that lead to the method before the numbers.
#include "course/graph_practice.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "math/point.hpp"
#include "math/syntax.hpp"
#include "support/hints.hpp"

namespace tutor {
namespace {

std::vector<GraphQuestion> practice(const std::string& text, const std::string& at,
                                    Lang lang = Lang::en) {
  SymbolTable syms;
  Parsed p = parse(text, syms);
  Graph g = build_graph(p.expr);
  evaluate(g, parse_point(at, p.variables));
  return graph_practice(g, lang, false);
}

// (2x + 1)³ at x = 1. Forward: a = 2x = 2, b = a + 1 = 3, y = b³ = 27. Backward:
// dy/db = 3b² = 27, dy/da = 27·1 = 27, dy/dx = 27·2 = 54.
TEST(GraphPractice, ExerciseTwoByHand) {
  auto qs = practice("(2x+1)^3", "x=1");
  ASSERT_EQ(qs.size(), 6u);
  const std::vector<std::string> prompts = {"a = 2x, with x = 1.  a = ?",
                                            "b = a + 1, with a = 2.  b = ?",
                                            "y = b³, with b = 3.  y = ?",
                                            "dy/db = ?",
                                            "dy/da = ?",
                                            "dy/dx = ?"};
  const std::vector<double> keys = {2, 3, 27, 27, 27, 54};
  for (std::size_t i = 0; i < qs.size(); ++i) {
    EXPECT_EQ(qs[i].backward, i >= 3) << i;
    EXPECT_EQ(qs[i].question.prompt, prompts[i]);
    EXPECT_EQ(qs[i].question.number, keys[i]) << i;
    EXPECT_EQ(grade(qs[i].question, std::to_string(int(keys[i]))).status, Status::correct);
  }
  // The method first, by name; then the numbers.
  const Question& db = qs[3].question;
  ASSERT_EQ(db.hints.size(), 2u);
  EXPECT_EQ(db.hints[0],
            "by the chain rule: the local derivative dy/db = 3b², times the upstream gradient "
            "dy/dy found before it");
  EXPECT_EQ(db.hints[1], "in numbers: local derivative dy/db = 27; upstream dy/dy = 1");
  EXPECT_EQ(qs[4].question.hints[0],
            "by the chain rule: the local derivative db/da = 1, times the upstream gradient "
            "dy/db found before it");
}

// colah's y = (a + b)(b + 1) at a = 2, b = 1: b feeds both sums, so its hint says to add.
TEST(GraphPractice, AValueUsedTwiceIsToldToAdd) {
  auto qs = practice("(a+b)*(b+1)", "a=2,b=1");
  const Question* db = nullptr;
  for (const auto& gq : qs) {
    if (gq.question.prompt == "dy/db = ?") db = &gq.question;
  }
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->number, 5);
  EXPECT_NE(db->hints[0].find("b feeds more than one node"), std::string::npos) << db->hints[0];
  EXPECT_NE(db->hints[0].find("add the products"), std::string::npos) << db->hints[0];
  auto ko = practice("(a+b)*(b+1)", "a=2,b=1", Lang::ko);
  bool found = false;
  for (const auto& gq : ko) {
    if (gq.question.prompt != "dy/db = ?") continue;
    found = true;
    EXPECT_NE(gq.question.hints[0].find("그 곱들을 더하세요"), std::string::npos);
  }
  EXPECT_TRUE(found);
}

TEST(GraphPractice, NoFirstHintStatesTheAnswer) {
  for (const auto& [text, at] : std::vector<std::pair<std::string, std::string>>{
           {"(2x+1)^3", "x=1"}, {"c*(a+b)", "a=1,b=2,c=3"}, {"(a+b)*(b+1)", "a=3,b=2"}}) {
    for (Lang lang : {Lang::en, Lang::ko}) {
      for (const auto& gq : practice(text, at, lang)) {
        ASSERT_FALSE(gq.question.hints.empty());
        EXPECT_FALSE(testing::gives_answer_away(gq.question, gq.question.hints.front()))
            << text << ": " << gq.question.prompt << "\n  " << gq.question.hints.front();
      }
    }
  }
}

}  // namespace
}  // namespace tutor
