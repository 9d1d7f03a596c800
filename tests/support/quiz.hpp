// Quiz files written inline in tests: loading one, its problems in a compact form, and one
// question posed and answered; and the shipped quiz with its sample class.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "class/quiz_file.hpp"
#include "class/quiz_marking.hpp"
#include "class/responses.hpp"

namespace tutor::testing {

// A quiz's first line, `title = "T"`, so that a test's own lines start at line 2.
inline const std::string kQuizHeader = "title = \"T\"\n";

// load_quiz(TEXT) as the file "t.toml".
QuizLoad load_test_quiz(const std::string& text);

// The problems as "line:col key" strings, for compact assertions.
std::vector<std::string> problem_places(const QuizLoad& q);

// A quiz of the one [[question]] QUESTION (its keys, one a line), which must load cleanly.
Quiz one_question(const std::string& question);

// One question posed for a variant, and answers graded against it in English.
struct Asked {
  Quiz quiz;
  SymbolTable syms;
  Posed posed;
  Outcome answer(const std::string& text) const;
};

// QUESTION (as one_question takes it) posed for VARIANT.
std::unique_ptr<Asked> ask(const std::string& question, const Variant& v = {});

// The shipped quiz (lessons/quizzes/chain-rule.toml) into QUIZ and its sample class
// (responses.csv) into RESPONSES. A quiz that does not load fails the test.
void load_sample_class(Quiz& quiz, Responses& responses);

}  // namespace tutor::testing
