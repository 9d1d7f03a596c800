// Quiz files: reading the TOML, and every validation problem with its place.
#include "class/quiz_file.hpp"

#include <gtest/gtest.h>

#include "support/quiz.hpp"

namespace tutor {
namespace {

using testing::kQuizHeader;
using testing::load_test_quiz;
using testing::one_question;
using testing::problem_places;

TEST(QuizOrder, AnOrderOutsideOneToTenIsAProblem) {
  for (const char* n : {"0", "11", "-2"}) {
    QuizLoad q = load_test_quiz(kQuizHeader + "[[question]]\nid = \"d\"\nkind = \"derivative\"\n" +
                                "expression = \"x^4\"\norder = " + n + "\n");
    EXPECT_EQ(problem_places(q), (std::vector<std::string>{"6:9 quiz.bad_order"})) << n;
  }
  QuizLoad q = load_test_quiz(kQuizHeader + "[[question]]\nid = \"g\"\nkind = \"gradient\"\n" +
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
  Quiz q =
      one_question("id = \"a\"\nkind = \"derivative\"\nexpression = \"x^2\"\nprompt = \"Both\"\n");
  EXPECT_EQ(q.pass, 60);
  EXPECT_EQ(q.questions[0].points, 1);
  EXPECT_EQ(q.questions[0].prompt.in(Lang::ko), "Both");
  EXPECT_EQ(q.questions[0].prompt.in(Lang::en), "Both");
}

TEST(QuizValidation, TomlSyntaxError) {
  QuizLoad q = load_test_quiz("title = \"T\"\npass = = 3\n");
  ASSERT_EQ(q.problems.size(), 1u);
  EXPECT_EQ(q.problems[0].message.key, "quiz.toml_error");
  EXPECT_EQ(q.problems[0].where.line, 2u);
  EXPECT_GT(q.problems[0].where.column, 0u);
  EXPECT_EQ(format_problem(Lang::en, "t.toml", q.problems[0]).rfind("t.toml:2:", 0), 0u);
}

TEST(QuizValidation, UnknownKeysAndKinds) {
  QuizLoad q = load_test_quiz(kQuizHeader +
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
  EXPECT_EQ(problem_places(q),
            (std::vector<std::string>{"2:1 quiz.unknown_key", "5:8 quiz.unknown_kind",
                                      "10:1 quiz.unknown_key", "11:1 quiz.key_not_for_kind"}));
}

TEST(QuizValidation, MissingFieldsAtTheQuestion) {
  QuizLoad q = load_test_quiz(kQuizHeader +
                              "[[question]]\n"          // 2
                              "id = \"a\"\n"            // 3
                              "kind = \"value\"\n"      // 4
                              "expression = \"x^2\"\n"  // 5
                              "[[question]]\n"          // 6
                              "kind = \"choice\"\n");   // 7
  // value needs at; choice needs id, prompt, choices and answer. Reported at the header.
  std::vector<std::string> w = problem_places(q);
  EXPECT_EQ(
      w, (std::vector<std::string>{"2:1 quiz.missing_key_for_kind", "6:1 quiz.missing_key_for_kind",
                                   "6:1 quiz.missing_key_for_kind", "6:1 quiz.missing_key_for_kind",
                                   "6:1 quiz.missing_key_for_kind"}));
  EXPECT_EQ(q.problems[0].message.args.at(0), "at");
  EXPECT_EQ(load_test_quiz("[[question]]\nid=\"a\"\nkind=\"derivative\"\nexpression=\"x\"\n")
                .problems.at(0)
                .message.key,
            "quiz.missing_key");  // no title
}

TEST(QuizValidation, WrongTypesAndRanges) {
  QuizLoad q = load_test_quiz(kQuizHeader +
                              "pass = 120\n"            // 2
                              "[[question]]\n"          // 3
                              "id = 5\n"                // 4
                              "kind = \"descent\"\n"    // 5
                              "expression = \"x^2\"\n"  // 6
                              "from = 1\n"              // 7
                              "lr = -1\n"               // 8
                              "steps = 0\n"             // 9
                              "points = 1.5\n");        // 10
  EXPECT_EQ(problem_places(q), (std::vector<std::string>{
                                   "2:8 quiz.bad_pass", "4:6 quiz.need_string", "8:6 quiz.bad_lr",
                                   "9:9 quiz.bad_steps", "10:10 quiz.need_integer"}));
}

TEST(QuizValidation, ExpressionThatDoesNotParseHasItsColumnAndCaret) {
  QuizLoad q = load_test_quiz(kQuizHeader +
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
  QuizLoad q = load_test_quiz(
      kQuizHeader +
      "[[question]]\nid = \"a\"\nkind = \"derivative\"\nexpression = \"x^2\"\n"    // 2-5
      "[[question]]\nid = \"a\"\nkind = \"derivative\"\nexpression = \"x^3\"\n");  // 6-9
  EXPECT_EQ(problem_places(q), (std::vector<std::string>{"6:1 quiz.duplicate_id"}));
  EXPECT_EQ(q.problems[0].message.args, (std::vector<std::string>{"a", "2"}));
}

TEST(QuizValidation, UnknownFeedbackTag) {
  QuizLoad q = load_test_quiz(
      kQuizHeader +
      "[[question]]\nid = \"a\"\nkind = \"derivative\"\nexpression = \"x^2\"\n"  // 2-5
      "[question.feedback]\n"                                                    // 6
      "power-rule = \"ok\"\n"                                                    // 7
      "missing-inner = \"no such tag\"\n");                                      // 8
  EXPECT_EQ(problem_places(q), (std::vector<std::string>{"8:1 quiz.unknown_tag"}));
}

TEST(QuizValidation, RandomRangeThatDividesByZero) {
  QuizLoad q = load_test_quiz(kQuizHeader +
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
  QuizLoad q = load_test_quiz(kQuizHeader +
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
  QuizLoad q = load_test_quiz(kQuizHeader +
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
    std::string text = kQuizHeader;
    for (int i = 0; i < questions; ++i) {
      text += "[[question]]\nid = \"q" + std::to_string(i) +
              "\"\nkind = \"derivative\"\nexpression = \"x/({k} - 3)\"\n"
              "[question.random]\nk = [1, " +
              std::to_string(high) + "]\n";
    }
    return load_test_quiz(text);
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
  QuizLoad q = load_test_quiz(kQuizHeader +
                              "[[question]]\nid = \"a\"\nkind = \"derivative\"\n"
                              "expression = \"sin({b}x)\"\n"  // 5: the value starts at column 14
                              "[question.random]\na = [1, 2]\n");
  EXPECT_EQ(problem_places(q), (std::vector<std::string>{"5:14 quiz.unknown_placeholder"}));
}

TEST(QuizValidation, AtMustNameEveryVariable) {
  QuizLoad q = load_test_quiz(
      kQuizHeader +
      "[[question]]\nid = \"g\"\nkind = \"gradient\"\nexpression = \"a*b\"\nwrt = \"a\"\n"
      "at = { a = 1 }\n");  // line 7
  ASSERT_EQ(q.problems.size(), 1u);
  EXPECT_EQ(q.problems[0].where.line, 7u);
  EXPECT_EQ(q.problems[0].error->key(), "quiz.at_missing");
  EXPECT_EQ(q.problems[0].error->message().args.at(0), "b");
}

TEST(QuizValidation, DescentThatLeavesTheDomain) {
  // log(x) from 1 with lr 2: x = 1 - 2·1 = -1, outside the domain at step 1.
  QuizLoad q =
      load_test_quiz(kQuizHeader +
                     "[[question]]\nid = \"s\"\nkind = \"descent\"\nexpression = \"log(x)\"\n"
                     "from = 1\nlr = 2\nsteps = 3\n");
  ASSERT_EQ(q.problems.size(), 1u);
  EXPECT_EQ(q.problems[0].where.line, 6u);
}

TEST(QuizColumns, MappingIsRead) {
  QuizLoad q = load_test_quiz(
      kQuizHeader +
      "student_column = \"Email\u00A0address \"\n"
      "[[question]]\nid = \"d\"\nkind = \"derivative\"\n"
      "expression = \"x^2\"\ncolumn = [\"Differentiate x².\", \"x²을 미분하세요.\"]\n"
      "[[question]]\nid = \"e\"\nkind = \"derivative\"\n"
      "expression = \"x^3\"\n");
  ASSERT_TRUE(q.ok()) << problem_places(q)[0];
  EXPECT_TRUE(q.quiz.maps_columns());
  ASSERT_EQ(q.quiz.student_column.size(), 1u);
  EXPECT_EQ(header_key(q.quiz.student_column[0].text), "Email address");
  ASSERT_EQ(q.quiz.questions[0].column.size(), 2u);
  EXPECT_EQ(q.quiz.questions[0].column[1].text, "x²을 미분하세요.");
  EXPECT_TRUE(q.quiz.questions[1].column.empty());
  EXPECT_FALSE(load_test_quiz(kQuizHeader + "[[question]]\nid = \"d\"\nkind = \"derivative\"\n"
                                            "expression = \"x^2\"\n")
                   .quiz.maps_columns());
}

TEST(QuizColumns, HeaderKeyNormalisesWhiteSpaceOnly) {
  EXPECT_EQ(header_key("  Email\u00A0\u00A0address\t"), "Email address");
  EXPECT_EQ(header_key("\u3000이메일\r\n주소 "),
            "이메일 주소");  // an ideographic space, a line break
  EXPECT_EQ(header_key("E-mail"), "E-mail");
  EXPECT_NE(header_key("email address"), header_key("Email address"));
  EXPECT_EQ(header_key(" \u2003 "), "");
}

TEST(QuizColumns, BadMappingsHaveTheirPlace) {
  QuizLoad q = load_test_quiz(kQuizHeader +
                              "student_column = \"Email\"\n"                               // 2
                              "[[question]]\n"                                             // 3
                              "id = \"a\"\nkind = \"derivative\"\nexpression = \"x^2\"\n"  // 4-6
                              "column = 3\n"                                               // 7
                              "[[question]]\n"                                             // 8
                              "id = \"b\"\nkind = \"derivative\"\nexpression = \"x^2\"\n"  // 9-11
                              "column = [\"Q\", \" \"]\n"                                  // 12
                              "[[question]]\n"                                             // 13
                              "id = \"c\"\nkind = \"derivative\"\nexpression = \"x^2\"\n"  // 14-16
                              "column = \" Q\"\n"                                          // 17
                              "[[question]]\n"                                             // 18
                              "id = \"d\"\nkind = \"derivative\"\nexpression = \"x^2\"\n"  // 19-21
                              "column = \"Email\"\n"                                       // 22
                              "[[question]]\n"                                             // 23
                              "id = \"e\"\nkind = \"derivative\"\nexpression = \"x^2\"\n"  // 24-26
                              "column = []\n");                                            // 27
  EXPECT_EQ(problem_places(q),
            (std::vector<std::string>{"7:10 mapping.need_text", "12:16 mapping.blank",
                                      "17:10 mapping.duplicate", "22:10 mapping.is_student",
                                      "27:10 mapping.need_text"}));
  EXPECT_EQ(format_problem(Lang::en, "t.toml", q.problems[2]),
            "t.toml:17:10: column \" Q\" already names another question (line 12)\n");
  QuizLoad typed = load_test_quiz(kQuizHeader + "student_column = { en = \"Email\" }\n" +
                                  "[[question]]\nid = \"a\"\nkind = \"derivative\"\n" +
                                  "expression = \"x^2\"\n");
  EXPECT_EQ(problem_places(typed), (std::vector<std::string>{"2:18 mapping.need_text"}));
}

TEST(QuizColumns, AnIdClashesWithAColumnOnlyWhenTheQuizMapsColumns) {
  // "b" heads question b's column (it has no column key), so a's column cannot be "b".
  QuizLoad q = load_test_quiz(kQuizHeader +
                              "[[question]]\nid = \"a\"\nkind = \"derivative\"\n"
                              "expression = \"x^2\"\ncolumn = \"b\"\n"
                              "[[question]]\nid = \"b\"\nkind = \"derivative\"\n"
                              "expression = \"x^2\"\n");
  EXPECT_EQ(problem_places(q), (std::vector<std::string>{"7:1 mapping.duplicate"}));
  // Without student_column the student's column is "student", in any case.
  QuizLoad student = load_test_quiz(kQuizHeader +
                                    "[[question]]\nid = \"a\"\nkind = \"derivative\"\n"
                                    "expression = \"x^2\"\ncolumn = \"Student\"\n");
  EXPECT_EQ(problem_places(student), (std::vector<std::string>{"6:10 mapping.is_student"}));
}

}  // namespace
}  // namespace tutor
