// Guided steps: a derivative (or a computational graph) taken apart into small questions the
// learner answers one at a time, the way the Cognitive Tutor checks each step of a solution.
// A chain asks for the outer function, each inner function, each link's derivative and their
// product; a product or quotient for f′, g′ and how they combine; a sum for each term; a
// graph for each node. Every key comes from the step engine's tree (or the graph's passes),
// never from a template; the last step asks for the whole derivative, so a finished walk
// ends in the answer. Returns data and prints nothing.
//
//   auto walk = tutor::guide("sin(x^2)", "x", tutor::Lang::en, false);
//   // walk[0].question.prompt asks f(u), walk[2] df/du (key cos(u)), walk[4] the product
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/i18n.hpp"
#include "course/practice.hpp"
#include "labs/graph.hpp"

namespace tutor {

struct GuideStep {
  std::string intro;  // said before the question, or empty: what the next steps are about
  std::string label;  // what the step finds, as shown: "f(u)", "df/du", "f′"
  Question question;  // graded by grade(), asked through the one ask loop
};

// The walk through d/d(WRT) FUNCTION (input text), in LANG, with formulas printed for the
// terminal (ASCII when asked). Empty when the derivation is one rule with nothing to take
// apart (x⁵, sin(x)), or FUNCTION does not parse. Never throws.
std::vector<GuideStep> guide(std::string_view function, std::string_view wrt, Lang lang,
                             bool ascii);

// The walk through G, which must have a point: graph_practice's questions, node by node,
// with one more step for each path into a node that feeds several others (each path's
// product before their sum).
std::vector<GuideStep> graph_guide(const Graph& g, Lang lang, bool ascii);

// The part of G's walk that leads to one question: node NODE's value (the values up to it),
// or with GRADIENT its gradient (every value, then the gradients back to it). Empty when
// that is the one question itself, or NODE is not asked about.
std::vector<GuideStep> graph_guide_to(const Graph& g, std::size_t node, bool gradient, Lang lang,
                                      bool ascii);

// "label = key": the step as a worked solution shows it.
std::string worked(const GuideStep& step, bool ascii);

}  // namespace tutor
