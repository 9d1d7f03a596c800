// Putting a derivation into words: the step tree of steps.hpp as text (in Korean or English),
// JSON (the `tutor diff --format json` contract in the README, "Step-by-step
// differentiation") and a LaTeX align* block.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "base/i18n.hpp"
#include "math/print.hpp"
#include "math/steps.hpp"

namespace tutor {

struct ExplainOptions {
  Lang lang = Lang::en;
  Style style = Style::text;  // text or ascii
  bool brief = false;         // only the chain links with their factors, and the result
  bool partial = false;       // ∂/∂x instead of d/dx (the expression has several variables)
};

// The derivation as lines of text, starting with "d/dx E" and ending with the result.
std::string explain_text(const Step& root, const ExplainOptions& options);

// The step object of `tutor diff --format json` (README, "Step-by-step differentiation"): {"rule",
// "expression", "derivative", "substeps", "links"}.
nlohmann::ordered_json step_json(const Step& step);

// An align* block: the chain factors and the result, ready for a worksheet.
std::string explain_latex(const Step& root, bool partial);

}  // namespace tutor
