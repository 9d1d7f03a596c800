// Walking the learner through a solution at the terminal: the steps of course/guide.hpp, each
// asked through ask() so the hint, answer and quit words work as at any question. `practice`
// walks a derivative after a wrong first answer (or from the start under --guided); a graph's
// walk (graph_guide) is asked the same way.
#pragma once

#include <vector>

#include "cli/command.hpp"
#include "course/guide.hpp"

namespace tutor::cli {

enum class WalkEnd {
  finished,  // every step answered, or the rest of the solution shown on request
  quit,      // the learner typed quit
  ended,     // the input ran out
};

// Asks STEPS in turn, each headed "Step i of n". A step answered or out of tries leads to
// the next; the answer word (an empty line, "solution") shows the key and then every later
// step worked, ending the walk. A finished walk ends by saying the last step's result.
// Throws tutor::Interrupted as ask() does.
WalkEnd walk_through(const std::vector<GuideStep>& steps, Context& ctx);

}  // namespace tutor::cli
