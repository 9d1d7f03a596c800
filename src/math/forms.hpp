// The form a derivative is shown in: the rule a textbook follows, with rewrites that hold
// at every real point of the input's domain, at a cost bounded before anything runs.
//
// The rule, rule by rule of the step engine:
//   chain     the product of the link factors, the inner function kept whole:
//             d/dx (3x + 1)² = 2(3x + 1)·3 = 6(3x + 1), d/dx sin(x²) = 2x·cos(x²). A sum to
//             the first power gives up its integer content only to cancel a number under
//             the bar: (2x + 2)/(2√(x² + 2x + 1)) = (x + 1)/√(x² + 2x + 1).
//   sum, product rule
//             the terms added and like terms combined. A product of numbers, powers of
//             variables and sums is multiplied out (d/dx 2x(x + 4) = 4x + 8,
//             d/dx (x³ − 3x² + 2) = 3x² − 6x); any other product, and a power of a sum up
//             to the 4th, only when that makes terms cancel (csc²·(cot + 1) −
//             csc²·(cot − 1) = 2csc²). So a power of a sum, a function or a root keeps its
//             term whole otherwise: 3x(x + 1)² + (x + 1)³, (sin(x) − 1)² − x·cos(x).
//   constant multiple
//             c·(a + b) is distributed; c times a product joins its number
//             (2cos(x²) − 4x²·sin(x²), 5·6(3x + 1) = 30(3x + 1)).
//   quotient  (f′g − fg′)/g² with the numerator by the sum rule and g² as it is:
//             d/dx (2x + 1)/(x + 1) = 1/(x + 1)².
// Nothing is factored and no negative number is taken out of a sum. No GiNaC factor(),
// normal() or gcd() is ever called: factor() is unsound for real variables
// (factor(x/√(x²)) = 1) and can run without end (on x² + 2x(x + 1)).
//
//   tutor::sum_form({2 * x, 2 * (x + 1)})   // 4x + 2
#pragma once

#include <ginac/ginac.h>

#include <vector>

namespace tutor {

// FACTORS multiplied for display: numbers collected in front, the other factors combined,
// and the product held so that 6·(3x + 1) is not distributed into 18x + 6 (GiNaC would).
// Arithmetic on the result evaluates it again. Costs one pass over the factors.
GiNaC::ex product_form(const std::vector<GiNaC::ex>& factors);

// E rebuilt with every node evaluated again, so a held product is distributed and GiNaC's
// polynomial code sees the canonical form it expects. Costs one walk of E.
GiNaC::ex unheld(const GiNaC::ex& e);

// E with the rewrites that hold for real variables on E's whole domain applied: an even
// power under a root becomes an absolute value, (u^(2k))^r = |u|^(2kr) for a non-integer
// r, so √(u²) = |u| and (x²)^(3/2) = |x|³. Nothing else is rewritten. Costs one walk of E.
GiNaC::ex real_form(const GiNaC::ex& e);

// The chain rule's result: the link factors by product_form, then real_form.
GiNaC::ex chain_form(const std::vector<GiNaC::ex>& factors);

// The sum and product rules' result: TERMS added by the rule above. A term is multiplied
// out only into at most kMaxExpandTerms terms, counted before multiplying.
GiNaC::ex sum_form(const std::vector<GiNaC::ex>& terms);

// The constant multiple rule's result: C times DERIVATIVE, distributed over a sum.
GiNaC::ex scaled_form(const GiNaC::ex& c, const GiNaC::ex& derivative);

// The quotient rule's result: NUMERATOR_TERMS by sum_form, over DENOMINATOR squared.
GiNaC::ex quotient_form(const std::vector<GiNaC::ex>& numerator_terms,
                        const GiNaC::ex& denominator);

}  // namespace tutor
