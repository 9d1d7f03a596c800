// Reading what a learner types: "2x cos(x^2)", "(3x+1)²", "σ(w x + b)".
//
// The project's own lexer and parser, because GiNaC's parser has no implicit multiplication,
// no error positions, and no limits. Limits are checked before GiNaC evaluates anything, so
// no input can make it hang or exhaust the stack.
//
//   tutor::SymbolTable syms;
//   tutor::Parsed p = tutor::parse("2x cos(x^2)", syms);   // p.expr == 2*x*cos(x^2)
#pragma once

#include <ginac/ginac.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/errors.hpp"
#include "math/print.hpp"
#include "math/symbols.hpp"

namespace tutor {

// The documented limits (README, "Limits"). Each refusal has its own message.
struct Limits {
  std::size_t max_input_bytes = 2000;  // longer input is refused before it is read
  int max_depth = 200;                 // nested parentheses, functions, powers and signs
  // An integer literal; as many digits as a computed number may have, so that whatever the
  // tutor prints it can read back.
  std::size_t max_integer_digits = 1000;
  double max_number_digits = 1000;    // a number the parser computes, e.g. 2^3000
  long max_exponent = 1000;           // |n| in x^n for a non-numeric x
  double max_expanded_terms = 10000;  // terms that expanding the expression could give
};

struct Parsed {
  GiNaC::ex expr;
  std::vector<std::string> variables;  // sorted by name
  // How the text was read where a learner might have meant something else: "xy" is x·y.
  std::vector<Message> notes;
  // As written, calls of the learner's functions kept: f(g(x)), f''(x) (see definitions.hpp).
  // The same as `expr` when there are none.
  GiNaC::ex held;
};

// Parses TEXT, creating its variables in SYMS. Throws SyntaxError (with the span of the
// offending text) for anything it cannot read or that exceeds LIMITS; nothing else.
Parsed parse(std::string_view text, SymbolTable& syms, const Limits& limits = {});

// A definition, "f(x) = x^2": NAME(PARAMETER) = BODY, NAME not a built-in function or
// constant, PARAMETER one variable, BODY an expression that may call earlier definitions but
// not NAME, directly or through others. Throws SyntaxError with a span for each of these, and
// as parse() does for the body. Does not add it: see Definitions::define.
struct ParsedDefinition {
  Definition definition;
  std::vector<Message> notes;  // as Parsed::notes, for the body
};
ParsedDefinition parse_definition(std::string_view text, SymbolTable& syms,
                                  const Limits& limits = {});

// The run of primes at POS in TEXT (ASCII quotes and the Unicode prime, double and triple
// prime): its length in bytes and how many primes it counts, three for a triple prime.
// Zero bytes when there is none.
struct PrimeRun {
  std::size_t bytes = 0;
  long count = 0;
};
PrimeRun prime_run(std::string_view text, std::size_t pos);

// Whether TEXT has the shape of a definition, NAME(...) = ..., so that the prompt reads it as
// one rather than as an expression.
bool looks_like_definition(std::string_view text);

// Whether NAME can be a variable: an identifier that is not a function or a constant.
bool is_variable_name(std::string_view name);

// TEXT in the learner's own order, with the printer's signs: spaces around a binary + or −,
// · for a product sign, a whole-number power as a superscript, and Greek letters and function
// names as STYLE writes them (ASCII spellings under Style::ascii). For headers, where the
// learner should recognise what they typed: (a+b)*c is (a + b)·c there, never c·(a + b).
// TEXT should have parsed already; what does not lex comes back as typed. Never throws.
std::string as_typed(std::string_view text, const SymbolTable& syms, Style style);

// Function names within edit distance 2 of NAME, best first ("sinn" -> {"sin"}).
std::vector<std::string> similar_function_names(std::string_view name);

}  // namespace tutor
