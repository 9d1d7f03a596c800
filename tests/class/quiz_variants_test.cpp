// Quiz variants: seeds and draws against an independent computation, and placeholders
// filled in.
#include "class/quiz_variants.hpp"

#include <gtest/gtest.h>

#include <set>

#include "math/syntax.hpp"
#include "support/quiz.hpp"

namespace tutor {
namespace {

using testing::ask;

TEST(QuizVariant, SeedsAndDrawsMatchAnIndependentComputation) {
  // Computed with a separate Python implementation of FNV-1a (64 bits) and splitmix64
  // over "tutor-quiz\0" + title + "\0" + seed + "\0" + student.
  Quiz q;
  q.title = "Chain rule checkpoint";
  EXPECT_EQ(seed_text(variant_seed(q, "kim")), "3db1928b75611da5");
  EXPECT_EQ(seed_text(variant_seed(q, "Lee, Min")), "b452e8a5f423998c");
  QuizQuestion r1;
  r1.id = "r1";
  r1.random = {RandomRange{"a", 2, 5, {}}};
  EXPECT_EQ(draw_variant(r1, variant_seed(q, "kim")).at("a"), 5);
  EXPECT_EQ(draw_variant(r1, variant_seed(q, "Lee, Min")).at("a"), 4);
  EXPECT_EQ(draw_variant(r1, variant_seed(q, "park")).at("a"), 2);
  EXPECT_EQ(draw_variant(r1, variant_seed(q, "choi")).at("a"), 3);
}

TEST(QuizVariant, DeterministicInRangeAndSpread) {
  Quiz q;
  q.title = "T";
  QuizQuestion r;
  r.id = "r";
  r.random = {RandomRange{"a", -3, 3, {}}, RandomRange{"b", 10, 12, {}}};
  std::set<long long> seen;
  for (int i = 0; i < 200; ++i) {
    std::string student = "s" + std::to_string(i);
    Variant v = draw_variant(r, variant_seed(q, student));
    EXPECT_EQ(v, draw_variant(r, variant_seed(q, student)));
    EXPECT_GE(v.at("a"), -3);
    EXPECT_LE(v.at("a"), 3);
    EXPECT_GE(v.at("b"), 10);
    EXPECT_LE(v.at("b"), 12);
    seen.insert(v.at("a"));
  }
  EXPECT_EQ(seen.size(), 7u);  // every value of a comes up among 200 students
  // Another seed text gives other variants for the same students.
  Quiz other = q;
  other.seed = "autumn";
  EXPECT_NE(variant_seed(q, "s1"), variant_seed(other, "s1"));
}

TEST(QuizVariant, SubstitutionInExpressionsAndPrompts) {
  Variant v{{"a", -2}, {"b", 3}};
  EXPECT_EQ(substitute("x^{a} + {b}x", v, true), "x^(-2) + 3x");
  EXPECT_EQ(substitute("a = {a}", v, false), "a = -2");
  EXPECT_THROW(substitute("{c}", v, true), Error);
  auto a =
      ask("id=\"r\"\nkind=\"derivative\"\nexpression=\"({a}x+1)^3\"\nprompt=\"Differentiate "
          "({a}x+1)^3.\"\n"
          "[question.random]\na=[2,5]\n",
          Variant{{"a", 4}});
  // d/dx (4x+1)³ = 12(4x+1)².
  EXPECT_TRUE((a->posed.key - parse("12(4x+1)^2", a->syms).expr).expand().is_zero());
  EXPECT_EQ(a->posed.prompt(Lang::en, false), "Differentiate (4x+1)^3.");
  EXPECT_EQ(a->answer("12(4x+1)^2").status, Status::correct);
  EXPECT_EQ(a->answer("15(5x+1)^2").status, Status::incorrect);  // another variant's key
}

}  // namespace
}  // namespace tutor
