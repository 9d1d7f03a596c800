// Whether a hint gives a question's answer away, in a plain textual sense: the hint, rendered
// as the learner reads it, states the expected number, the right choice's text, or the
// expected derivative.
#pragma once

#include <string>

#include "course/practice.hpp"

namespace tutor::testing {

// HINT (Markdown with math, rendered first) gives Q's answer away when it contains:
// - a number question: a number equal in size to the key, standing on its own ("27", "= -4",
//   "27/2"; the 2 of "2x" or of "3²" is not a number of its own);
// - a choice question: the right choice's text (a number as above, any other text without
//   regard to case);
// - a derivative question: the key as written or as the tutor prints it, compared without
//   spaces, multiplication signs and carets, superscripts read as digits.
bool gives_answer_away(const Question& q, const std::string& hint);

}  // namespace tutor::testing
