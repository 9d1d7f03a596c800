// The worked solution of a quiz question for one variant, in one place for the feedback
// files of `quiz grade --feedback` and the answer sheets of `quiz print --key`: the
// derivation with its chain-rule factors (derivative, value), the graph's forward and
// backward pass (gradient), the descent steps (descent), or the right choice, each ending
// with the answer.
//
//   tutor::Posed p = tutor::pose(question, variant, syms);
//   std::vector<tutor::DocBlock> b = tutor::worked_solution(p, tutor::Lang::en, syms);
#pragma once

#include <string>
#include <vector>

#include "base/i18n.hpp"
#include "class/document.hpp"
#include "class/quiz_marking.hpp"
#include "math/symbols.hpp"

namespace tutor {

// The answer as a student reads it: "2x·cos(x²)", "0.64", "c) 10".
std::string answer_key(const Posed& p, Lang lang);

// The solution of P as document blocks in LANG; SYMS is the table P was posed with. Costs what
// `tutor diff`, `tutor graph` or `tutor descent` cost for the question (a descent question runs its
// steps again); callers that solve many students remember it per variant. Never throws: a step that
// GiNaC refuses leaves the answer alone.
std::vector<DocBlock> worked_solution(const Posed& p, Lang lang, SymbolTable& syms);

}  // namespace tutor
