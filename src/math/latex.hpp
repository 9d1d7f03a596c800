// The LaTeX subset the lessons write their math in, turned into text a terminal shows:
// \frac{dy}{dx} → dy/dx, x^2 → x², \theta_{\text{new}} → θ_new, \times → ×, and
// \begin{aligned} … \end{aligned} laid out line by line with the & columns lined up.
//
//   tutor::latex_to_text("\\frac{dh}{dx} = 6(3x + 1)")   // "dh/dx = 6(3x + 1)"
//   tutor::latex_to_text("x^{2}", {.ascii = true})         // "x^2"
//
// Whatever the input, the result never contains a backslash command: an unknown command is
// shown by its name and reported in `unknown`, so a lesson with a typo is caught when it loads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tutor {

struct LatexOptions {
  bool ascii = false;  // plain ASCII: theta, *, x^2, sqrt(x)
};

struct LatexText {
  std::vector<std::string> lines;    // one line for inline math; several for aligned blocks
  std::vector<std::string> unknown;  // commands outside the subset, without the backslash
};

// Renders LATEX (the text between $…$ or $$…$$). Never throws.
LatexText render_latex(std::string_view latex, const LatexOptions& options = {});

// The lines of render_latex joined with newlines.
std::string latex_to_text(std::string_view latex, const LatexOptions& options = {});

}  // namespace tutor
