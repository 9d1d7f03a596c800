// Quiz files: reading, every validation error with its place, answer keys computed by hand,
// marking for every kind, and deterministic variants.
#include "tutor/quiz.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "tutor/print.hpp"
#include "tutor/syntax.hpp"

namespace tutor {
namespace {

QuizLoad load(const std::string& text) {
  return load_quiz(text, "t.toml");
}

// The problems as "line:col key" strings, for compact assertions.
std::vector<std::string> where(const QuizLoad& q) {
  std::vector<std::string> out;
  for (const auto& p : q.problems) {
    std::string key = p.message.key.empty() && p.error ? p.error->key() : p.message.key;
    out.push_back(std::to_string(p.where.line) + ":" + std::to_string(p.where.column) + " " + key);
  }
  return out;
}

const std::string kHeader = "title = \"T\"\n";  // line 1

Quiz one(const std::string& question) {
  QuizLoad q = load(kHeader + "[[question]]\n" + question);
  EXPECT_TRUE(q.ok()) << (q.problems.empty() ? ""
                                             : format_problem(Lang::en, "t.toml", q.problems[0]));
  return q.quiz;
}

struct Asked {
  Quiz quiz;
  SymbolTable syms;
  Posed posed;
  Outcome answer(const std::string& text) {
    return grade(to_question(posed, Lang::en, false), text);
  }
};

std::unique_ptr<Asked> ask(const std::string& question, const Variant& v = {}) {
  auto a = std::make_unique<Asked>();
  a->quiz = one(question);
  a->posed = pose(a->quiz.questions.at(0), v, a->syms);
  return a;
}

// ---- Reading ----

// order = N asks for the Nth derivative, or its value; keys worked out by hand.
TEST(QuizOrder, DerivativeAndValueQuestionsTakeAnOrder) {
  auto d = ask("id = \"d\"\nkind = \"derivative\"\nexpression = \"x^4\"\norder = 2\n");
  EXPECT_EQ(d->answer("12x^2").status, Status::correct);
  EXPECT_EQ(d->answer("4x^3").status, Status::incorrect);
  EXPECT_EQ(d->posed.prompt(Lang::en, false),
            "Find the derivative of order 2 of x⁴ with respect to x.");
  EXPECT_EQ(d->posed.prompt(Lang::ko, false), "x⁴의 x에 대한 2계 도함수를 구하세요.");
  auto v =
      ask("id = \"v\"\nkind = \"value\"\nexpression = \"x^3\"\norder = 3\nat = { x = \"5\" }\n");
  EXPECT_EQ(v->answer("6").status, Status::correct);
  EXPECT_EQ(v->answer("30").status, Status::incorrect);
}

TEST(QuizOrder, AnOrderOutsideOneToTenIsAProblem) {
  for (const char* n : {"0", "11", "-2"}) {
    QuizLoad q = load(kHeader + "[[question]]\nid = \"d\"\nkind = \"derivative\"\n" +
                      "expression = \"x^4\"\norder = " + n + "\n");
    EXPECT_EQ(where(q), (std::vector<std::string>{"6:9 quiz.bad_order"})) << n;
  }
  QuizLoad q = load(kHeader + "[[question]]\nid = \"g\"\nkind = \"gradient\"\n" +
                    "expression = \"x^2\"\nat = { x = \"1\" }\norder = 2\n");
  EXPECT_FALSE(q.ok());
}

TEST(QuizLoad, ReadsTheShippedQuiz) {
  QuizLoad q = read_quiz(TUTOR_SOURCE_LESSONS "/quizzes/chain-rule.toml");
  ASSERT_TRUE(q.ok()) << format_problem(Lang::en, "chain-rule.toml", q.problems.at(0));
  EXPECT_EQ(q.quiz.title, "Chain rule checkpoint");
  EXPECT_EQ(q.quiz.pass, 60);
  EXPECT_EQ(q.quiz.questions.size(), 10u);
  EXPECT_EQ(q.quiz.max_points(), 12);  // d1 and d2 are worth 2, the other eight 1
  const QuizQuestion& d1 = q.quiz.questions[0];
  EXPECT_EQ(d1.prompt.in(Lang::ko), "체인룰로 f(x) = sin(x²)을 미분하세요.");
  EXPECT_EQ(d1.prompt.in(Lang::en), "Differentiate f(x) = sin(x²) with the chain rule.");
  ASSERT_EQ(d1.hints.size(), 2u);
  EXPECT_EQ(d1.hints[1].in(Lang::ko), "df/dx = cos(u) · du/dx입니다.");
  EXPECT_EQ(d1.feedback.at(Mistake::missing_inner_derivative).in(Lang::en),
            "Multiply by the inner derivative 2x.");
}

TEST(QuizLoad, DefaultsAndPromptForms) {
  Quiz q = one("id = \"a\"\nkind = \"derivative\"\nexpression = \"x^2\"\nprompt = \"Both\"\n");
  EXPECT_EQ(q.pass, 60);
  EXPECT_EQ(q.questions[0].points, 1);
  EXPECT_EQ(q.questions[0].prompt.in(Lang::ko), "Both");
  EXPECT_EQ(q.questions[0].prompt.in(Lang::en), "Both");
}

TEST(QuizValidation, TomlSyntaxError) {
  QuizLoad q = load("title = \"T\"\npass = = 3\n");
  ASSERT_EQ(q.problems.size(), 1u);
  EXPECT_EQ(q.problems[0].message.key, "quiz.toml_error");
  EXPECT_EQ(q.problems[0].where.line, 2u);
  EXPECT_GT(q.problems[0].where.column, 0u);
  EXPECT_EQ(format_problem(Lang::en, "t.toml", q.problems[0]).rfind("t.toml:2:", 0), 0u);
}

TEST(QuizValidation, UnknownKeysAndKinds) {
  QuizLoad q = load(kHeader +
                    "titel = \"x\"\n"          // line 2
                    "[[question]]\n"           // 3
                    "id = \"a\"\n"             // 4
                    "kind = \"derivatve\"\n"   // 5
                    "[[question]]\n"           // 6
                    "id = \"b\"\n"             // 7
                    "kind = \"derivative\"\n"  // 8
                    "expression = \"x^2\"\n"   // 9
                    "promt = \"x\"\n"          // 10
                    "choices = [\"1\"]\n");    // 11
  EXPECT_EQ(where(q),
            (std::vector<std::string>{"2:1 quiz.unknown_key", "5:8 quiz.unknown_kind",
                                      "10:1 quiz.unknown_key", "11:1 quiz.key_not_for_kind"}));
}

TEST(QuizValidation, MissingFieldsAtTheQuestion) {
  QuizLoad q = load(kHeader +
                    "[[question]]\n"          // 2
                    "id = \"a\"\n"            // 3
                    "kind = \"value\"\n"      // 4
                    "expression = \"x^2\"\n"  // 5
                    "[[question]]\n"          // 6
                    "kind = \"choice\"\n");   // 7
  // value needs at; choice needs id, prompt, choices and answer. Reported at the header.
  std::vector<std::string> w = where(q);
  EXPECT_EQ(
      w, (std::vector<std::string>{"2:1 quiz.missing_key_for_kind", "6:1 quiz.missing_key_for_kind",
                                   "6:1 quiz.missing_key_for_kind", "6:1 quiz.missing_key_for_kind",
                                   "6:1 quiz.missing_key_for_kind"}));
  EXPECT_EQ(q.problems[0].message.args.at(0), "at");
  EXPECT_EQ(load("[[question]]\nid=\"a\"\nkind=\"derivative\"\nexpression=\"x\"\n")
                .problems.at(0)
                .message.key,
            "quiz.missing_key");  // no title
}

TEST(QuizValidation, WrongTypesAndRanges) {
  QuizLoad q = load(kHeader +
                    "pass = 120\n"            // 2
                    "[[question]]\n"          // 3
                    "id = 5\n"                // 4
                    "kind = \"descent\"\n"    // 5
                    "expression = \"x^2\"\n"  // 6
                    "from = 1\n"              // 7
                    "lr = -1\n"               // 8
                    "steps = 0\n"             // 9
                    "points = 1.5\n");        // 10
  EXPECT_EQ(where(q), (std::vector<std::string>{"2:8 quiz.bad_pass", "4:6 quiz.need_string",
                                                "8:6 quiz.bad_lr", "9:9 quiz.bad_steps",
                                                "10:10 quiz.need_integer"}));
}

TEST(QuizValidation, ExpressionThatDoesNotParseHasItsColumnAndCaret) {
  QuizLoad q = load(kHeader +
                    "[[question]]\n"                // 2
                    "id = \"a\"\n"                  // 3
                    "kind = \"derivative\"\n"       // 4
                    "expression = \"sin(x^2\"\n");  // 5: the quote is at column 14
  ASSERT_EQ(q.problems.size(), 1u);
  ASSERT_TRUE(q.problems[0].error.has_value());
  ASSERT_TRUE(q.problems[0].error->span().has_value());
  // The parser marks the unclosed parenthesis at byte 3 of the text: column 14 + 1 + 3.
  EXPECT_EQ(q.problems[0].where.line, 5u);
  EXPECT_EQ(q.problems[0].where.column, 14u + 1 + q.problems[0].error->span()->begin);
  std::string text = format_problem(Lang::en, "t.toml", q.problems[0]);
  EXPECT_EQ(text.rfind("t.toml:5:", 0), 0u) << text;
  EXPECT_NE(text.find("sin(x^2\n"), std::string::npos) << text;
  EXPECT_NE(text.find('^'), std::string::npos) << text;
}

TEST(QuizValidation, DuplicateIds) {
  QuizLoad q =
      load(kHeader +
           "[[question]]\nid = \"a\"\nkind = \"derivative\"\nexpression = \"x^2\"\n"    // 2-5
           "[[question]]\nid = \"a\"\nkind = \"derivative\"\nexpression = \"x^3\"\n");  // 6-9
  EXPECT_EQ(where(q), (std::vector<std::string>{"6:1 quiz.duplicate_id"}));
  EXPECT_EQ(q.problems[0].message.args, (std::vector<std::string>{"a", "2"}));
}

TEST(QuizValidation, UnknownFeedbackTag) {
  QuizLoad q =
      load(kHeader +
           "[[question]]\nid = \"a\"\nkind = \"derivative\"\nexpression = \"x^2\"\n"  // 2-5
           "[question.feedback]\n"                                                    // 6
           "power-rule = \"ok\"\n"                                                    // 7
           "missing-inner = \"no such tag\"\n");                                      // 8
  EXPECT_EQ(where(q), (std::vector<std::string>{"8:1 quiz.unknown_tag"}));
}

TEST(QuizValidation, RandomRangeThatDividesByZero) {
  QuizLoad q = load(kHeader +
                    "[[question]]\nid = \"a\"\nkind = \"value\"\n"  // 2-4
                    "expression = \"1/(x - {k})\"\n"                // 5
                    "at = { x = 2 }\n"                              // 6
                    "[question.random]\nk = [0, 3]\n");             // 7-8
  ASSERT_EQ(q.problems.size(), 1u);
  // k = 2 puts the point on the pole; k = 0 and k = 1 come first and are fine.
  EXPECT_EQ(q.problems[0].message.key, "quiz.variant_failed");
  EXPECT_EQ(q.problems[0].message.args.at(0), "k=2");
  EXPECT_EQ(q.problems[0].where.line, 6u);  // the point is what fails
}

TEST(QuizValidation, RandomRangeThatMakesTheExpressionUnreadable) {
  // x/{k} with k = 0 reads as x/0: the parser refuses it.
  QuizLoad q = load(kHeader +
                    "[[question]]\nid = \"a\"\nkind = \"derivative\"\n"
                    "expression = \"x/{k}\"\n"  // 5
                    "[question.random]\nk = [-2, 2]\n");
  ASSERT_EQ(q.problems.size(), 1u);
  EXPECT_EQ(q.problems[0].message.args.at(0), "k=0");
  EXPECT_EQ(q.problems[0].where.line, 5u);
}

TEST(QuizValidation, LargeRandomSpaceIsSampledAndStillFindsTheCorners) {
  // 2001² combinations: too many to try, but the sample includes every range's low end,
  // where b - a = 0.
  QuizLoad q = load(kHeader +
                    "[[question]]\nid = \"a\"\nkind = \"derivative\"\n"
                    "expression = \"x/({b} - {a})\"\n"
                    "[question.random]\na = [-1000, 1000]\nb = [-1000, 1000]\n");
  ASSERT_EQ(q.problems.size(), 1u);
  EXPECT_EQ(q.problems[0].message.args.at(0), "a=-1000, b=-1000");
}

// 1,024 variant checks in all, shared among the randomised questions: with 200 of them
// each gets 5, so a range of 4 values is still tried whole, and every question's bad
// variant (k = 3) is found; a range of 10 values is sampled instead.
TEST(QuizValidation, VariantChecksAreSharedAcrossTheFile) {
  auto quiz = [](int questions, int high) {
    std::string text = kHeader;
    for (int i = 0; i < questions; ++i) {
      text += "[[question]]\nid = \"q" + std::to_string(i) +
              "\"\nkind = \"derivative\"\nexpression = \"x/({k} - 3)\"\n"
              "[question.random]\nk = [1, " +
              std::to_string(high) + "]\n";
    }
    return load(text);
  };
  QuizLoad small = quiz(200, 4);
  ASSERT_EQ(small.problems.size(), 200u);
  for (const auto& p : small.problems) EXPECT_EQ(p.message.args.at(0), "k=3");
  // Ten values, five tries: the corners k = 1 and k = 10, and three drawn ones.
  QuizLimits limits;
  ASSERT_EQ(limits.max_checked_variants_total / 200, 5u);
  QuizLoad sampled = quiz(200, 10);
  EXPECT_LT(sampled.problems.size(), 200u);
  // One randomised question alone keeps 256 tries: all ten values.
  EXPECT_EQ(quiz(1, 10).problems.size(), 1u);
}

TEST(QuizValidation, UnknownPlaceholder) {
  QuizLoad q = load(kHeader +
                    "[[question]]\nid = \"a\"\nkind = \"derivative\"\n"
                    "expression = \"sin({b}x)\"\n"  // 5: the value starts at column 14
                    "[question.random]\na = [1, 2]\n");
  EXPECT_EQ(where(q), (std::vector<std::string>{"5:14 quiz.unknown_placeholder"}));
}

TEST(QuizValidation, AtMustNameEveryVariable) {
  QuizLoad q =
      load(kHeader +
           "[[question]]\nid = \"g\"\nkind = \"gradient\"\nexpression = \"a*b\"\nwrt = \"a\"\n"
           "at = { a = 1 }\n");  // line 7
  ASSERT_EQ(q.problems.size(), 1u);
  EXPECT_EQ(q.problems[0].where.line, 7u);
  EXPECT_EQ(q.problems[0].error->key(), "quiz.at_missing");
  EXPECT_EQ(q.problems[0].error->message().args.at(0), "b");
}

TEST(QuizValidation, DescentThatLeavesTheDomain) {
  // log(x) from 1 with lr 2: x = 1 - 2·1 = -1, outside the domain at step 1.
  QuizLoad q = load(kHeader +
                    "[[question]]\nid = \"s\"\nkind = \"descent\"\nexpression = \"log(x)\"\n"
                    "from = 1\nlr = 2\nsteps = 3\n");
  ASSERT_EQ(q.problems.size(), 1u);
  EXPECT_EQ(q.problems[0].where.line, 6u);
}

// ---- Answer keys, against hand computation ----

TEST(QuizKey, Derivative) {
  auto a = ask("id=\"d\"\nkind=\"derivative\"\nexpression=\"(2x+1)^3\"\n");
  SymbolTable s;
  EXPECT_TRUE((a->posed.key -
               GiNaC::diff(a->posed.expression, GiNaC::ex_to<GiNaC::symbol>(a->syms.get("x"))))
                  .expand()
                  .is_zero());
  EXPECT_TRUE((a->posed.key - parse("24x^2+24x+6", a->syms).expr).expand().is_zero());
}

TEST(QuizKey, Value) {
  // d/dx (2x+1)³ = 6(2x+1)², at x = 1: 6·9 = 54.
  auto a = ask("id=\"v\"\nkind=\"value\"\nexpression=\"(2x+1)^3\"\nat={x=1}\n");
  EXPECT_EQ(a->posed.key_number, 54.0);
  EXPECT_EQ(a->posed.key_text(false), "54");
}

TEST(QuizKey, GradientOfTheCourseGraph) {
  // y = (a + b)·c at a = 1, b = 2, c = -3: ∂y/∂a = c = -3, ∂y/∂c = a + b = 3.
  auto a =
      ask("id=\"g\"\nkind=\"gradient\"\nexpression=\"(a+b)*c\"\nwrt=\"a\"\nat={a=1,b=2,c=-3}\n");
  EXPECT_EQ(a->posed.key_number, -3.0);
  EXPECT_EQ(a->posed.function_value, -9.0);
  auto c =
      ask("id=\"g\"\nkind=\"gradient\"\nexpression=\"(a+b)*c\"\nwrt=\"c\"\nat={a=1,b=2,c=-3}\n");
  EXPECT_EQ(c->posed.key_number, 3.0);
}

TEST(QuizKey, DescentOnXSquared) {
  // θ ← θ − η·2θ = (1 − 2η)θ. From 1: η = 0.1 → 0.8² = 0.64; η = 10 → (−19)² = 361;
  // η = 0.001 → 0.998² = 0.996004.
  auto a = ask("id=\"s\"\nkind=\"descent\"\nexpression=\"x^2\"\nfrom=1\nlr=0.1\nsteps=2\n");
  EXPECT_NEAR(*a->posed.key_number, 0.64, 1e-12);
  auto b = ask("id=\"s\"\nkind=\"descent\"\nexpression=\"x^2\"\nfrom=1\nlr=10\nsteps=2\n");
  EXPECT_NEAR(*b->posed.key_number, 361, 1e-9);
  auto c = ask("id=\"s\"\nkind=\"descent\"\nexpression=\"x^2\"\nfrom=1\nlr=0.001\nsteps=2\n");
  EXPECT_NEAR(*c->posed.key_number, 0.996004, 1e-12);
  // Two variables: the component asked for, x² + 10y² from (1, 1), η = 0.01, one step:
  // y = 1 − 0.01·20 = 0.8.
  auto d =
      ask("id=\"s\"\nkind=\"descent\"\nexpression=\"x^2+10y^2\"\nwrt=\"y\"\nfrom={x=1,y=1}\nlr=0."
          "01\nsteps=1\n");
  EXPECT_NEAR(*d->posed.key_number, 0.8, 1e-12);
}

// ---- Marking ----

TEST(QuizMark, DerivativeUsesTheVerdictAndTheTeachersFeedback) {
  auto a =
      ask("id=\"d\"\nkind=\"derivative\"\nexpression=\"sin(x^2)\"\npoints=2\n"
          "[question.feedback]\nmissing-inner-derivative = \"Multiply by 2x.\"\n");
  Outcome right = a->answer("cos(x^2)*2x");
  EXPECT_EQ(right.status, Status::correct);
  EXPECT_EQ(right.score, 2);
  Outcome wrong = a->answer("cos(x^2)");
  EXPECT_EQ(wrong.status, Status::incorrect);
  EXPECT_EQ(wrong.mistake, Mistake::missing_inner_derivative);
  EXPECT_EQ(wrong.score, 0);
  EXPECT_EQ(render(Lang::en, wrong.feedback), "Multiply by 2x.");
  EXPECT_EQ(render(Lang::ko, wrong.feedback), "Multiply by 2x.");  // one text for both
  Outcome bad = a->answer("2x cos(x^2");
  EXPECT_EQ(bad.status, Status::invalid);
  EXPECT_EQ(a->answer("   ").status, Status::blank);
}

TEST(QuizMark, NumbersExactlyOrWithinOneInAMillion) {
  // d/dx x³/2 at x = 3 is 27/2.
  auto a = ask("id=\"v\"\nkind=\"value\"\nexpression=\"x^3/2\"\nat={x=3}\n");
  EXPECT_EQ(a->answer("27/2").status, Status::correct);
  EXPECT_EQ(a->answer("13.5").status, Status::correct);
  EXPECT_EQ(a->answer("13.50001").status, Status::correct);   // 7.4e-7 relative
  EXPECT_EQ(a->answer("13.5001").status, Status::incorrect);  // 7.4e-6 relative
  EXPECT_EQ(a->answer("x").status, Status::invalid);
  EXPECT_EQ(a->answer("-27/2").mistake, Mistake::sign_error);
  // f(3) = 27/2 too, so the value of f there is not taken for a mistake: it is right.
  auto b = ask("id=\"v\"\nkind=\"value\"\nexpression=\"x^2\"\nat={x=3}\n");  // key 6, f = 9
  EXPECT_EQ(b->answer("9").mistake, Mistake::not_differentiated);
}

TEST(QuizMark, Gradient) {
  auto a =
      ask("id=\"g\"\nkind=\"gradient\"\nexpression=\"(a+b)*c\"\nwrt=\"a\"\nat={a=1,b=2,c=-3}\n");
  EXPECT_EQ(a->answer("-3").status, Status::correct);
  EXPECT_EQ(a->answer("3").mistake, Mistake::sign_error);
  EXPECT_EQ(a->answer("-9").mistake, Mistake::not_differentiated);
}

TEST(QuizMark, AQuestionMaySetItsOwnTolerance) {
  auto a = ask("id=\"v\"\nkind=\"value\"\nexpression=\"x^3/2\"\nat={x=3}\ntolerance=0.01\n");
  EXPECT_EQ(a->answer("13.4").status, Status::correct);  // 0.7% off 27/2
  EXPECT_EQ(a->answer("13.3").status, Status::incorrect);
  EXPECT_EQ(load(kHeader + "[[question]]\nid=\"v\"\nkind=\"value\"\nexpression=\"x\"\n"
                           "at={x=3}\ntolerance=2\n")
                .problems.at(0)
                .message.key,
            "quiz.bad_tolerance");
}

TEST(QuizMark, ChoicesAreNamedInEitherLanguage) {
  auto a =
      ask("id=\"c\"\nkind=\"choice\"\nprompt=\"?\"\nchoices=[{en=\"yes\",ko=\"예\"},{en=\"no\","
          "ko=\"아니요\"}]\nanswer=2\n");
  EXPECT_EQ(a->answer("no").status, Status::correct);
  EXPECT_EQ(a->answer("아니요").status, Status::correct);
  EXPECT_EQ(a->answer("예").status, Status::incorrect);
}

TEST(QuizMark, Descent) {
  auto a = ask("id=\"s\"\nkind=\"descent\"\nexpression=\"x^2\"\nfrom=1\nlr=0.1\nsteps=2\n");
  EXPECT_EQ(a->answer("16/25").status, Status::correct);
  EXPECT_EQ(a->answer("0.8").status, Status::incorrect);
}

TEST(QuizMark, ChoiceByNumberLetterOrText) {
  auto a = ask(
      "id=\"c\"\nkind=\"choice\"\nprompt=\"?\"\nchoices=[\"0.001\",\"0.1\",\"10\"]\nanswer=3\n");
  EXPECT_EQ(a->answer("3").status, Status::correct);
  EXPECT_EQ(a->answer("c").status, Status::correct);
  EXPECT_EQ(a->answer("10").status, Status::correct);
  EXPECT_EQ(a->answer("1").status, Status::incorrect);
  EXPECT_EQ(a->answer("7").status, Status::invalid);
}

TEST(QuizMark, ExpressionByEquivalence) {
  auto a = ask("id=\"e\"\nkind=\"expression\"\nprompt=\"dy/du?\"\nanswer=\"3u^2\"\n");
  EXPECT_EQ(a->answer("3*u*u").status, Status::correct);
  EXPECT_EQ(a->answer("u^2*3").status, Status::correct);
  EXPECT_EQ(a->answer("3u^2+1").status, Status::incorrect);
  EXPECT_EQ(a->answer("3u^").status, Status::invalid);
}

TEST(QuizMark, AnswersOverTheLimitsAreInvalidNotSlow) {
  auto a = ask("id=\"d\"\nkind=\"derivative\"\nexpression=\"x^2\"\n");
  EXPECT_EQ(a->answer(std::string(5000, 'x')).status, Status::invalid);
  EXPECT_EQ(a->answer("2^(10^9)").status, Status::invalid);
}

// ---- Variants ----

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

TEST(QuizPrompt, GeneratedInBothLanguages) {
  auto a = ask("id=\"d\"\nkind=\"derivative\"\nexpression=\"sin(x^2)\"\n");
  EXPECT_EQ(a->posed.prompt(Lang::en, false), "Differentiate sin(x²) with respect to x.");
  EXPECT_EQ(a->posed.prompt(Lang::ko, false), "sin(x²)을(를) x에 대해 미분하세요.");
  auto v = ask("id=\"v\"\nkind=\"value\"\nexpression=\"x^2\"\nat={x=3}\n");
  EXPECT_EQ(v->posed.prompt(Lang::en, true), "Let f = x^2. What is df/dx at x = 3?");
}

}  // namespace
}  // namespace tutor
