#include "support/quiz.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace tutor::testing {

QuizLoad load_test_quiz(const std::string& text) {
  return load_quiz(text, "t.toml");
}

std::vector<std::string> problem_places(const QuizLoad& q) {
  std::vector<std::string> out;
  for (const auto& p : q.problems) {
    std::string key = p.message.key.empty() && p.error ? p.error->key() : p.message.key;
    out.push_back(std::to_string(p.where.line) + ":" + std::to_string(p.where.column) + " " + key);
  }
  return out;
}

Quiz one_question(const std::string& question) {
  QuizLoad q = load_test_quiz(kQuizHeader + "[[question]]\n" + question);
  EXPECT_TRUE(q.ok()) << (q.problems.empty() ? ""
                                             : format_problem(Lang::en, "t.toml", q.problems[0]));
  return q.quiz;
}

Outcome Asked::answer(const std::string& text) const {
  return grade(to_question(posed, Lang::en, false), text);
}

std::unique_ptr<Asked> ask(const std::string& question, const Variant& v) {
  auto a = std::make_unique<Asked>();
  a->quiz = one_question(question);
  a->posed = pose(a->quiz.questions.at(0), v, a->syms);
  return a;
}

void load_sample_class(Quiz& quiz, Responses& responses) {
  QuizLoad q = read_quiz(TUTOR_SOURCE_LESSONS "/quizzes/chain-rule.toml");
  EXPECT_TRUE(q.ok());
  quiz = q.quiz;
  collect_responses(read_csv(slurp(TUTOR_SOURCE_LESSONS "/quizzes/responses.csv")), quiz,
                    "responses.csv", responses);
}

}  // namespace tutor::testing
