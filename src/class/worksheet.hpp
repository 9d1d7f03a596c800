// A student's variant of a quiz on paper (`tutor quiz print`): the prompts with the student's
// numbers filled in, the points, and room to answer; or, as the answer sheet, each answer with
// its worked solution (solution.hpp, the same as in the feedback files).
//
//   tutor::Document d = tutor::worksheet(quiz, "kim", tutor::Lang::en, false);
//   std::string tex = tutor::document_latex(d);   // pdflatex tex → a printable page
#pragma once

#include <string_view>

#include "base/i18n.hpp"
#include "class/document.hpp"
#include "class/quiz_file.hpp"

namespace tutor {

// STUDENT's worksheet of QUIZ in LANG, or with KEY the answer sheet. A variant without an
// answer key (quiz check samples large ranges) says so in place of its solution. Never throws
// for a quiz that loaded.
Document worksheet(const Quiz& quiz, std::string_view student, Lang lang, bool key);

}  // namespace tutor
