// The course's three exercises, as questions: what is asked, what is expected, which hints
// help. The expected answers come from the tutor's own engines (the step engine, the descent
// engine), never typed in by hand.
//
//   1. differentiate sin(x²) with the chain rule;
//   2. backpropagate y = (2x + 1)³ on its graph at x = 1;
//   3. compare the learning rates 0.001, 0.1 and 10 on f(x) = x² from x = 5.
#pragma once

#include <string>
#include <vector>

#include "base/i18n.hpp"
#include "course/practice.hpp"

namespace tutor {

struct ExercisePart {
  Question question;
  // When not empty, the part is the graph practice of `tutor graph FUNCTION --at POINT
  // --practice` at this point ("x=1"), with question.function and question.prompt.
  std::string graph_at;
};

struct Exercise {
  int number = 0;
  std::string title;
  std::vector<ExercisePart> parts;
  std::string solution;  // a prompt line that shows the worked solution: "diff sin(x^2)"
};

// The three exercises in LANG, with expected answers computed by the engines. Costs two short
// descent runs; never throws.
std::vector<Exercise> course_exercises(Lang lang);

}  // namespace tutor
