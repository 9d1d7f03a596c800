// Grading a lesson's question: a derivative through tutor::check (so a wrong answer gets the
// mistake's feedback), a number within the question's tolerance, or a choice by its letter.
//
//   tutor::LessonQuestion q{.id = "q1", .kind = tutor::LessonQuestionKind::number, .answer = "54"};
//   tutor::grade(q, "27*2").status   // Status::correct
#pragma once

#include <optional>
#include <string_view>

#include "tutor/check.hpp"
#include "tutor/errors.hpp"
#include "tutor/lesson.hpp"

namespace tutor {

struct Grade {
  Status status = Status::invalid;  // invalid: the answer could not be read (not a try)
  std::optional<Mistake> mistake;   // derivative questions only
  Message feedback;
  std::optional<Error> error;  // why the answer could not be read, with its span
};

// Grades ANSWER to Q. Never throws.
Grade grade(const LessonQuestion& q, std::string_view answer);

// What is wrong with Q itself, or nullopt: an expression or answer that does not parse, a
// derivative question with several variables and no wrt, a number answer that is not a
// number, a choice answer that names no choice, or an expected answer the grader rejects.
std::optional<Message> question_problem(const LessonQuestion& q);

// The answer key as the learner reads it: the derivative printed in STYLE-independent text
// ("6(3x + 1)"), the number, or "b) the choice".
std::string answer_key(const LessonQuestion& q, bool ascii);

// The letter of choice I: a, b, c, ...
char choice_letter(std::size_t i);

}  // namespace tutor
