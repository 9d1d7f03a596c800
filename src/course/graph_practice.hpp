// The questions of `tutor graph --practice` (the course's exercise 2 made interactive): each
// node's value in evaluation order, then each gradient in backward order, as number
// questions with their hints. Returns data and prints nothing.
//
//   auto qs = tutor::graph_practice(g, tutor::Lang::en, false);
//   // qs[3].question.prompt == "dy/db = ?", qs[3].question.hints[0] names the method,
//   // hints[1] the numbers
#pragma once

#include <cstddef>
#include <vector>

#include "base/i18n.hpp"
#include "course/practice.hpp"
#include "labs/graph.hpp"

namespace tutor {

struct GraphQuestion {
  bool backward = false;  // a gradient (backward pass); otherwise a value (forward pass)
  std::size_t node = 0;   // the node asked about, an index into Graph::nodes
  Question question;      // a number question: prompt, number, key, hints
};

// The practice of G, which must have a point (Graph::has_point). Values first, then the
// gradients from the output back, leaving out the inputs' values, the constants and the
// output's own gradient (1). A gradient's first hint names the method (the local derivative
// as a formula, the upstream gradient by name, to multiply, and to add the products when the
// value feeds several nodes); the second gives their numbers. Neither states the answer.
std::vector<GraphQuestion> graph_practice(const Graph& g, Lang lang, bool ascii);

}  // namespace tutor
