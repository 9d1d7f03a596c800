// Printing expressions the same way on every run, in textbook order.
//
//   print(e, Style::text)   2x·cos(x²)       6(2x + 1)²      1/(x² + 1)     √x
//   print(e, Style::ascii)  2*x*cos(x^2)     6*(2*x + 1)^2   1/(x^2 + 1)    sqrt(x)
//   print(e, Style::input)  2*x*cos(x^2)     6*(2*x+1)^2     1/(x^2+1)      sqrt(x)
//   print(e, Style::latex)  2 x \cos\left(x^{2}\right) ...
//
// Input form is what `tutor` parses back into the same expression; ASCII is input form with
// spaces around + and − for reading.
#pragma once

#include <ginac/ginac.h>

#include <string>
#include <string_view>

namespace tutor {

enum class Style { text, ascii, input, latex };

// E in STYLE. Never throws for expressions the parser or the engines produce.
std::string print(const GiNaC::ex& e, Style style);

// The style for learner-facing text: Unicode unless ASCII is asked for or the terminal's
// locale is not UTF-8.
Style text_style(bool ascii);

// A number the way the printer writes it: exact when exact, else up to 12 significant
// digits ("0.1", "2.5e-07").
std::string format_number(double d);

// A computed value in six significant digits, as tables, charts and approximations show
// one ("0.64", "1.2e-05", "≈ 1.08060"): shorter than format_number, for reading, not for
// typing back.
std::string format_short(double d);

// The shortest text that reads back as exactly D ("0.1", "1e-300"), for data that programs
// read: CSV.
std::string format_full(double d);

}  // namespace tutor
