// The course's three exercises, as data: what is asked, what is expected, which hints help.
// The expected answers come from the tutor's own engines (the step engine, the descent
// engine), never typed in by hand.
//
//   1. differentiate sin(x²) with the chain rule;
//   2. backpropagate y = (2x + 1)³ on its graph at x = 1;
//   3. compare the learning rates 0.001, 0.1 and 10 on f(x) = x² from x = 5.
#pragma once

#include <ginac/ginac.h>

#include <optional>
#include <string>
#include <vector>

#include "tutor/check.hpp"
#include "tutor/i18n.hpp"
#include "tutor/symbols.hpp"

namespace tutor {

enum class PartKind {
  derivative,  // an expression, checked with tutor::check
  number,      // a number (an expression such as 64/25 counts as its value)
  choice,      // one of `choices`, by its number (1, 2, 3) or as written
  graph,       // the graph practice of `tutor graph EXPR --at POINT --practice`
};

struct ExercisePart {
  PartKind kind = PartKind::derivative;
  Message prompt;
  std::string expression;  // derivative and graph: the function
  std::string wrt = "x";
  std::string at;     // graph: the point, "x=1"
  double number = 0;  // number: the expected value
  std::vector<std::string> choices;
  int answer = 0;  // choice: 1-based
  std::vector<Message> hints;
};

struct Exercise {
  int number = 0;
  Message title;
  std::vector<ExercisePart> parts;
  std::string solution;  // a prompt line that shows the worked solution: "diff sin(x^2)"
};

// The three exercises, with expected answers computed by the engines.
std::vector<Exercise> course_exercises();

// How an answer to a number or choice part was judged.
struct PartVerdict {
  Status status = Status::invalid;
  Message feedback;
};

// Judges ANSWER for a number or choice PART. Never throws.
PartVerdict judge(const ExercisePart& part, const std::string& answer);

}  // namespace tutor
