// CSV responses: RFC 4180 quoting, BOM, CRLF, UTF-8, and malformed rows reported with their
// line and skipped while the others are still read.
#include "class/responses.hpp"

#include <gtest/gtest.h>

#include "base/files.hpp"
#include "class/gradebook.hpp"

namespace tutor {
namespace {

using Fields = std::vector<std::string>;

TEST(Csv, QuotedFieldsWithCommasQuotesAndLineBreaks) {
  CsvTable t = read_csv(
      "student,d1,d2\n"
      "\"Lee, Min\",\"2x cos(x^2)\",\"say \"\"hi\"\"\"\n"
      "kim,\"a\nb\",c\n"
      "park,,\n");
  EXPECT_TRUE(t.problems.empty());
  EXPECT_EQ(t.header, (Fields{"student", "d1", "d2"}));
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].fields, (Fields{"Lee, Min", "2x cos(x^2)", "say \"hi\""}));
  EXPECT_EQ(t.rows[0].line, 2u);
  EXPECT_EQ(t.rows[1].fields, (Fields{"kim", "a\nb", "c"}));
  EXPECT_EQ(t.rows[1].line, 3u);
  EXPECT_EQ(t.rows[2].fields, (Fields{"park", "", ""}));
  EXPECT_EQ(t.rows[2].line, 5u);  // the quoted line break took line 4
}

TEST(Csv, ByteOrderMarkAndCrlf) {
  CsvTable t = read_csv("\xEF\xBB\xBFstudent,d1\r\nkim,54\r\n\"choi\",\"1,5\"\r\n");
  EXPECT_TRUE(t.problems.empty());
  EXPECT_EQ(t.header, (Fields{"student", "d1"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].fields, (Fields{"kim", "54"}));
  EXPECT_EQ(t.rows[1].fields, (Fields{"choi", "1,5"}));
  EXPECT_EQ(t.rows[1].line, 3u);
}

TEST(Csv, Utf8NamesAndAnswers) {
  CsvTable t = read_csv("student,d1\n김민수,2x·cos(x²)\n");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].fields, (Fields{"김민수", "2x·cos(x²)"}));
}

TEST(Csv, NoFinalLineEnd) {
  CsvTable t = read_csv("student,d1\nkim,54");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].fields, (Fields{"kim", "54"}));
}

TEST(Csv, MalformedRowsAreReportedAndSkipped) {
  CsvTable t = read_csv(
      "student,d1\n"             // 1
      "kim,54\n"                 // 2
      "lee,1,2\n"                // 3: three fields
      "park,\"5\"4\n"            // 4: text after a closing quote
      "choi,5\"4\n"              // 5: a quote inside an unquoted field
      "\n"                       // 6: blank lines are not records
      "han,7\n"                  // 7
      "jung,\"never closed\n");  // 8
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].fields[0], "kim");
  EXPECT_EQ(t.rows[1].fields[0], "han");
  EXPECT_EQ(t.rows[1].line, 7u);
  ASSERT_EQ(t.problems.size(), 4u);
  EXPECT_EQ(t.problems[0].line, 3u);
  EXPECT_EQ(t.problems[0].message.key, "csv.field_count");
  EXPECT_EQ(t.problems[1].line, 4u);
  EXPECT_EQ(t.problems[1].message.key, "csv.bad_quoting");
  EXPECT_EQ(t.problems[2].line, 5u);
  EXPECT_EQ(t.problems[2].message.key, "csv.bad_quoting");
  EXPECT_EQ(t.problems[3].line, 8u);
  EXPECT_EQ(t.problems[3].message.key, "csv.bad_quoting");
}

TEST(Csv, InvalidUtf8RowIsSkipped) {
  CsvTable t = read_csv("student,d1\nkim,\xFF\xFE\nlee,2\n");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].fields[0], "lee");
  ASSERT_EQ(t.problems.size(), 1u);
  EXPECT_EQ(t.problems[0].line, 2u);
  EXPECT_EQ(t.problems[0].message.key, "csv.not_utf8");
}

TEST(Csv, EmptyFile) {
  CsvTable t = read_csv("");
  ASSERT_EQ(t.problems.size(), 1u);
  EXPECT_EQ(t.problems[0].message.key, "csv.empty");
}

Quiz two_questions() {
  QuizLoad q = load_quiz(
      "title = \"T\"\n"
      "[[question]]\nid = \"d1\"\nkind = \"derivative\"\nexpression = \"x^2\"\n"
      "[[question]]\nid = \"v1\"\nkind = \"value\"\nexpression = \"x^2\"\nat = { x = 1 }\n",
      "t.toml");
  EXPECT_TRUE(q.ok());
  return q.quiz;
}

// CSV, a class's answers to two_questions(), read as `quiz grade` reads a.csv.
Responses collect(const std::string& csv) {
  const Quiz quiz = two_questions();
  Responses r;
  collect_responses(read_csv(csv), quiz, "a.csv", r);
  return r;
}

TEST(Responses, ColumnsInAnyOrder) {
  const Responses r = collect("Student,v1,d1\nkim,2,2x\n");
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.submissions.size(), 1u);
  EXPECT_EQ(r.submissions[0].student, "kim");
  EXPECT_EQ(r.submissions[0].answers.at("d1"), "2x");
  EXPECT_EQ(r.submissions[0].answers.at("v1"), "2");
}

std::vector<std::string> keys(const Responses& r) {
  std::vector<std::string> out;
  for (const auto& p : r.problems) {
    out.push_back(std::to_string(p.line) + " " + p.message.key + (p.notice ? " (notice)" : ""));
  }
  return out;
}

TEST(Responses, UnknownAndMissingColumnsRepeatedAndNamelessStudents) {
  const Responses r = collect("student,d1,timestamp\nkim,2x,9:00\n,2x,9:01\nkim,3x,9:02\n");
  // Both of kim's rows: which one counts is results.hpp's choice (--keep).
  ASSERT_EQ(r.submissions.size(), 2u);
  EXPECT_EQ(r.submissions[0].answers.at("d1"), "2x");
  EXPECT_EQ(r.submissions[1].answers.at("d1"), "3x");
  EXPECT_EQ(r.submissions[1].line, 4u);
  EXPECT_FALSE(r.submissions[0].answers.contains("v1"));
  EXPECT_EQ(keys(r), (std::vector<std::string>{"1 csv.unknown_column", "1 csv.missing_column",
                                               "3 csv.no_student_id"}));
}

TEST(Responses, FirstColumnMustBeStudent) {
  const Responses r = collect("name,d1\nkim,2x\n");
  EXPECT_TRUE(r.submissions.empty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].message.key, "csv.no_student");
}

Quiz mapped_quiz() {
  QuizLoad q = load_quiz(
      "title = \"T\"\nstudent_column = \"Email address\"\n"
      "[[question]]\nid = \"d1\"\nkind = \"derivative\"\nexpression = \"x^2\"\n"
      "column = \"Differentiate x².\"\n"
      "[[question]]\nid = \"v1\"\nkind = \"value\"\nexpression = \"x^2\"\nat = { x = 1 }\n",
      "t.toml");
  EXPECT_TRUE(q.ok());
  return q.quiz;
}

TEST(Responses, MappedColumnsAndOneNoticeForTheOthers) {
  const Quiz quiz = mapped_quiz();
  Responses r;
  collect_responses(read_csv("Timestamp,Score,v1,Email\u00A0address, Differentiate  x². \n"
                             "9:00,2 / 2,2,kim@school.kr,2x\n"
                             "9:01,0 / 2,1,lee@school.kr,x\n"),
                    quiz, "a.csv", r);
  ASSERT_EQ(r.submissions.size(), 2u);
  EXPECT_EQ(r.submissions[0].student, "kim@school.kr");
  EXPECT_EQ(r.submissions[0].answers.at("d1"), "2x");
  EXPECT_EQ(r.submissions[0].answers.at("v1"), "2");  // no column key: headed by its id
  EXPECT_EQ(keys(r), (std::vector<std::string>{"1 results.ignored_columns (notice)"}));
  EXPECT_EQ(render(Lang::en, r.problems[0].message),
            "2 columns are not in the quiz and are ignored: \"Timestamp\", \"Score\"");
}

TEST(Responses, MappedWithoutTheStudentColumn) {
  const Quiz quiz = mapped_quiz();
  Responses r;
  collect_responses(read_csv("Email,Differentiate x².\nkim,2x\n"), quiz, "a.csv", r);
  EXPECT_TRUE(r.submissions.empty());
  EXPECT_EQ(keys(r), (std::vector<std::string>{"1 results.no_student_column"}));
  EXPECT_EQ(render(Lang::en, r.problems[0].message),
            "no student column: no header is \"Email address\"");
}

// The shipped form exports, graded against the shipped form quiz.
Gradebook grade_export(const std::string& name, std::vector<std::string>& problems) {
  QuizLoad q = read_quiz(TUTOR_SOURCE_LESSONS "/quizzes/chain-rule-forms.toml");
  EXPECT_TRUE(q.ok());
  Responses r;
  collect_responses(read_csv(read_bounded(TUTOR_SOURCE_LESSONS "/quizzes/" + name, 1 << 20)),
                    q.quiz, name, r);
  problems = keys(r);
  return grade_class(q.quiz, r.submissions, GradeOptions{1});
}

std::vector<std::string> totals(const Gradebook& g) {
  std::vector<std::string> out;
  for (const auto& s : g.students) out.push_back(s.student + " " + format_percent(s.total));
  return out;
}

TEST(FormExports, GoogleForms) {
  std::vector<std::string> problems;
  Gradebook g = grade_export("google-forms.csv", problems);
  EXPECT_EQ(problems, (std::vector<std::string>{"1 results.ignored_columns (notice)"}));
  EXPECT_EQ(g.max, 11);
  // By hand (keys: 2x cos(x²), 6(2x+1)², 54, -3, 3, 0.64, 361, choice 3 = "10", 3u²; d1
  // and d2 are worth 2): lee misses d1, g1 and lr2; park misses d2, v1 (blank), g2, lr1 and
  // lr3. lee's e1 is "3*u^2" and a line break, inside quotes: the line end is trimmed.
  EXPECT_EQ(totals(g),
            (std::vector<std::string>{"kim@school.kr 11", "lee@school.kr 7", "park@school.kr 5"}));
  EXPECT_EQ(g.students[1].answers[8].answer, "3*u^2");  // its line end trimmed
}

TEST(FormExports, MicrosoftFormsInKorean) {
  std::vector<std::string> problems;
  Gradebook g = grade_export("microsoft-forms-ko.csv", problems);
  EXPECT_EQ(problems, (std::vector<std::string>{"1 results.ignored_columns (notice)"}));
  // 민수 writes 2x·cos(x²), 6(2x+1)², 3u²: all right. 지우 leaves d2 undifferentiated and
  // misses lr2 and lr3. 서연 answers only v1 and lr3.
  EXPECT_EQ(totals(g), (std::vector<std::string>{"minsu@school.kr 11", "jiwoo@school.kr 7",
                                                 "seoyeon@school.kr 2"}));
}

TEST(Responses, LangColumnGivesEachStudentsLanguage) {
  const Responses r = collect("student,lang,d1,v1\nkim,ko,2x,2\nlee,en,,\npark,,,\nchoi,fr,,\n");
  ASSERT_EQ(r.submissions.size(), 4u);
  EXPECT_EQ(r.submissions[0].lang, Lang::ko);
  EXPECT_EQ(r.submissions[1].lang, Lang::en);
  EXPECT_EQ(r.submissions[2].lang, std::nullopt);
  EXPECT_EQ(r.submissions[3].lang, std::nullopt);
  EXPECT_FALSE(r.submissions[0].answers.contains("lang"));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 5u);
  EXPECT_EQ(r.problems[0].message.key, "paper.bad_lang");
}

}  // namespace
}  // namespace tutor
