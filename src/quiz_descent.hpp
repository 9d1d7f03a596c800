// The answer key of a `descent` question, in its own file because descent.hpp and check.hpp
// both declare tutor::Verdict (a descent verdict and a checked answer), so no file can
// include both.
#pragma once

#include <string>
#include <string_view>

#include "tutor/errors.hpp"
#include "tutor/symbols.hpp"
#include "tutor/syntax.hpp"

namespace tutor::detail {

// descent.hpp's kMaxDescentSteps (checked equal in quiz_descent.cpp).
inline constexpr int kMaxQuizSteps = 10000;

// An error in one field of a question ("from", "at.x", "answer"), so `quiz check` can point
// at that field.
class FieldError : public Error {
 public:
  FieldError(std::string field, Message msg, std::optional<Span> span = std::nullopt,
             std::string input = {})
      : Error(std::move(msg), span, std::move(input)), field_(std::move(field)) {}
  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

// θ[WRT] after exactly STEPS steps of gradient descent on F from START ("5" or "x=1,y=2")
// with rate LR. Throws FieldError("from") for a bad start and when the run leaves the domain or
// blows up before STEPS.
double descent_key(const Parsed& f, const std::string& start, double lr, int steps,
                   std::string_view wrt, SymbolTable& syms);

}  // namespace tutor::detail
