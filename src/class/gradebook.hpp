// Grading a whole class: each student's answers marked against their own variant of the
// quiz, a gradebook row per student, and a summary of the common mistakes per question.
//
//   tutor::Responses r;  tutor::collect_responses(tutor::read_csv(text), quiz, "a.csv", r);
//   tutor::Gradebook g = tutor::grade_class(quiz, r.submissions);
//   std::string json = tutor::gradebook_json(g);
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "class/quiz_marking.hpp"
#include "class/responses.hpp"

namespace tutor {

struct AnswerResult {
  std::string id;
  std::string answer;  // as given
  double score = 0;    // in hundredths of a point: partial credit makes it fractional
  int points = 0;
  Status status = Status::blank;
  std::optional<Mistake> mistake;
  std::string partial;  // the tag that earned partial credit (class/partial_credit.hpp)
  std::string variant;  // "a=2" when the question has random integers
  int tries = 1;
};

struct StudentResult {
  std::string student;
  std::uint64_t seed = 0;
  std::vector<AnswerResult> answers;  // in quiz order
  double total = 0;
  int max = 0;
  double percent = 0;
  bool passed = false;
};

struct QuestionSummary {
  std::string id;
  int points = 0;
  int students = 0;
  int correct = 0;
  int incorrect = 0;
  int invalid = 0;
  int blank = 0;
  double correct_rate = 0;              // correct / students (0 without students)
  std::map<std::string, int> mistakes;  // tag → how many answers showed it
};

struct Gradebook {
  std::string title;
  double pass = 60;
  int max = 0;
  std::vector<std::string> ids;         // question ids, in quiz order
  std::vector<StudentResult> students;  // in submission order
  std::vector<QuestionSummary> questions;
  bool partial_credit = false;  // some question gives partial credit: the CSV has its column
};

struct GradeOptions {
  // Processes to grade in: 0 picks one per core when the class has at least 500 distinct
  // answers (fewer are marked faster than a process starts), else 1; 1 grades in this
  // process only. GiNaC is not thread-safe (its shared numbers are reference counted
  // without atomics), so extra workers are forked processes, each with its own symbols.
  unsigned workers = 0;
};

// How many different answers SUBS hold, each answer counted once per question variant (the
// work grade_class does), counting up to STOP_AT at most. Blank answers do not count.
std::size_t distinct_answers(const Quiz& quiz, const std::vector<Submission>& subs,
                             std::size_t stop_at);

// The most different answers `tutor quiz grade` marks in one run: about 2 s on 2 cores.
// Repeats are free, so a class of 2,000 with a few spellings per answer is far below it.
inline constexpr std::size_t kMaxDistinctAnswers = 20000;

// Marks every submission. Identical answers to the same variant are marked once. The
// result does not depend on the number of workers. Never throws for any answer text.
Gradebook grade_class(const Quiz& quiz, const std::vector<Submission>& submissions,
                      const GradeOptions& options = {});

// Totals, percent and the pass mark for R's answers.
void total_up(StudentResult& r, const Quiz& quiz);

// Percent as the reports write it: at most two decimals, no trailing zeros ("75", "66.67").
// Scores are written the same way ("1.5").
std::string format_percent(double percent);

// A score or total as a JSON number: an integer when whole, else rounded to hundredths.
nlohmann::ordered_json score_json(double score);

// One student as JSON: {"student", "seed", "total", "max", "percent", "passed", "answers":
// [{"id", "score", "points", "status", "mistake", "partial", "answer", "variant"}]}.
nlohmann::ordered_json student_json(const StudentResult& r);

struct ItemAnalysis;  // class/item_analysis.hpp

// The reports. JSON: {"quiz", "pass", "max", "students": [...], "questions": [{"id",
// "correct_rate", "mistakes": {TAG: n}, ...}]}, each question with its item statistics
// ("facility", "discrimination", "flag", "wrong_answers") when ITEMS is given. CSV: the
// gradebook, one row per student, and when the quiz gives partial credit a last column
// "partial" naming it per question ("d1=missing-inner-derivative; v1=tolerance"). Text: the
// gradebook as a table, then the summary per question, then ITEMS, in LANG.
std::string gradebook_json(const Gradebook& g, const ItemAnalysis* items = nullptr);
std::string gradebook_csv(const Gradebook& g);
std::string gradebook_text(const Gradebook& g, Lang lang, const ItemAnalysis* items = nullptr);

}  // namespace tutor
