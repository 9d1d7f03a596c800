// Item analysis of a graded class, as Moodle's quiz statistics give it: per question, how
// easy it was (facility), how well it separates the students who did well on the rest of
// the quiz from those who did not (discrimination), and the wrong answers given most often.
//
//   tutor::Gradebook g = tutor::grade_class(quiz, submissions);
//   tutor::ItemAnalysis items = tutor::analyse_items(quiz, g);
//   items.items[0].facility  // mean score ÷ points of the first question
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "class/gradebook.hpp"

namespace tutor {

// A discrimination below this is flagged as low: the question hardly tells stronger
// students from weaker ones (Moodle's guidance reads an index under 0.2 as weak). Below 0
// it is flagged as negative: stronger students did worse on it, often a wrong key.
inline constexpr double kLowDiscrimination = 0.2;

// The wrong answers listed per question.
inline constexpr std::size_t kWrongAnswersShown = 5;

// The distinct wrong answer texts per question compared with each other as expressions or
// numbers, the most frequent first; rarer ones are counted by their exact text only. This
// bounds the cost at about kWrongAnswersExamined² / 2 comparisons a question, whatever the
// class size.
inline constexpr std::size_t kWrongAnswersExamined = 40;

// Answers to one variant of a question that are the same expression (or number, or choice).
struct WrongAnswer {
  std::string answer;   // the spelling given most often
  std::string variant;  // "a=2" when the question has random integers
  int count = 0;        // answers in the group, every spelling
  std::optional<Mistake> mistake;
};

enum class ItemFlag { none, low_discrimination, negative_discrimination };

struct ItemStats {
  std::string id;
  int students = 0;
  std::optional<double> facility;  // mean score ÷ points; none without students
  // Pearson's correlation of the question's score with the rest of the quiz (total less
  // this question); none with fewer than two students or when either does not vary.
  std::optional<double> discrimination;
  ItemFlag flag = ItemFlag::none;
  std::vector<WrongAnswer> wrong;  // at most kWrongAnswersShown, most frequent first
};

struct ItemAnalysis {
  std::vector<ItemStats> items;  // in quiz order
};

// Pearson's correlation of X and Y (the same length), or none for fewer than two pairs or
// when either has no variance. Costs two passes.
std::optional<double> pearson(const std::vector<double>& x, const std::vector<double>& y);

// The analysis of G, graded from QUIZ. Linear in the students, plus for each question at most
// kWrongAnswersExamined² / 2 comparisons of wrong answers (only within the same variant).
// Never throws for any answer text.
ItemAnalysis analyse_items(const Quiz& quiz, const Gradebook& g);

// The fields the JSON report adds to a question: {"facility", "discrimination" (each rounded
// to 4 decimals, or null), "flag" ("low-discrimination", "negative-discrimination" or null),
// "wrong_answers": [{"answer", "count", "mistake", "variant"}]}.
nlohmann::ordered_json item_json(const ItemStats& item);

// The item analysis as the text report shows it, in LANG: a table of facility and
// discrimination, the common wrong answers, and each flagged question with its reason.
std::string item_analysis_text(const ItemAnalysis& a, Lang lang);

}  // namespace tutor
