// A total order on expressions that does not depend on GiNaC's hash values, which change
// from run to run. Anything that walks the operands of a sum or a product (the printer,
// the step engine, the graph builder) walks them in this order.
#pragma once

#include <ginac/ginac.h>

#include <string>
#include <vector>

namespace tutor {

// A canonical serialisation of E: the same string for the same expression on every run,
// with the operands of sums and products sorted. Two expressions with the same key are
// equal.
std::string canonical_key(const GiNaC::ex& e);

// Negative, zero or positive as A sorts before, with or after B. Deterministic and total.
int compare(const GiNaC::ex& a, const GiNaC::ex& b);

// The terms of a sum in textbook order: descending degree (x² + 3x + 1), variables
// alphabetically within a degree, the constant last. A non-sum is a single term.
std::vector<GiNaC::ex> sorted_terms(const GiNaC::ex& sum);

// The factors of a product in textbook order: the number, constants (π), powers of
// variables alphabetically, polynomial sums, functions, then sums that hold functions
// (2x·cos(x²), 6(3x + 1)·cos(…), σ(x)(1 − σ(x))). A non-product is a single factor.
std::vector<GiNaC::ex> sorted_factors(const GiNaC::ex& product);

// FACTORS put in the order sorted_factors uses.
void sort_factors(std::vector<GiNaC::ex>& factors);

// The total degree of E in its variables: 2 for 3x²y⁰, 3 for x·y², 0 for sin(x).
double total_degree(const GiNaC::ex& e);

}  // namespace tutor
