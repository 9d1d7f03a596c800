// A quiz question made concrete for one variant (pose), with its answer key, and turned into
// the practice engine's Question so that `quiz take` asks it and `quiz grade` marks it the
// way every other question is asked and marked.
//
//   tutor::SymbolTable syms;
//   tutor::Posed p = tutor::pose(question, tutor::draw_variant(question, seed), syms);
//   tutor::grade(tutor::to_question(p, Lang::en, false), "2x cos(x^2)").status  // correct
#pragma once

#include <ginac/ginac.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/errors.hpp"
#include "base/i18n.hpp"
#include "class/quiz_file.hpp"
#include "class/quiz_variants.hpp"
#include "course/practice.hpp"
#include "math/symbols.hpp"

namespace tutor {

// A question made concrete for one variant: its expression and its answer key.
struct Posed {
  const QuizQuestion* question = nullptr;
  Variant variant;
  GiNaC::ex expression;  // derivative, value, gradient, descent
  GiNaC::ex wrt;         // derivative, value, gradient, descent (the component asked for)
  std::vector<std::string> variables;
  // The answer key: the derivative, the number (value, gradient, descent), the expression
  // (expression), or the 1-based index (choice).
  GiNaC::ex key;
  std::optional<double> key_number;
  std::optional<double> function_value;                  // value and gradient: f at the point
  std::vector<std::pair<std::string, GiNaC::ex>> point;  // value and gradient: the point

  // The prompt in LANG: the teacher's, with the variant filled in, or a generated one.
  std::string prompt(Lang lang, bool ascii) const;
  // The key as the learner would type it.
  std::string key_text(bool ascii) const;
  // The hints in LANG, variant filled in.
  std::vector<std::string> hints(Lang lang) const;
};

// An error in one field of a question ("from", "at.x", "answer", "expression", "wrt"), so
// `quiz check` can point at that field.
class QuizFieldError : public Error {
 public:
  QuizFieldError(std::string field, Message msg, std::optional<Span> span = std::nullopt,
                 std::string input = {})
      : Error(std::move(msg), span, std::move(input)), field_(std::move(field)) {}
  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

// Q for VARIANT with its answer key. Throws QuizFieldError (an expression error keeps its
// span) when the question has no answer for this variant, and may let GiNaC's own errors
// through (a pole, an overflow). Costs a parse and a derivative; a descent question runs its
// steps (at most 10,000).
Posed pose(const QuizQuestion& q, const Variant& variant, SymbolTable& syms);

// The question as `quiz take` asks it in LANG, and as `quiz grade` marks it: the prompt and
// hints with the variant filled in, the key, the choices (each also named by its text in the
// other language), the tolerance, the teacher's feedback for mistakes, and the points.
// Costs nothing beyond printing the key.
Question to_question(const Posed& p, Lang lang, bool ascii);

}  // namespace tutor
