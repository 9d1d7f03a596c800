#include "tutor/question.hpp"

#include <cctype>
#include <cmath>

#include "tutor/print.hpp"
#include "tutor/symbols.hpp"
#include "tutor/syntax.hpp"
#include "tutor/text.hpp"

namespace tutor {

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The real value of TEXT, which must be a number without variables ("54", "27*2", "1/3").
// Throws tutor::Error (with the parser's span) when it is not one.
double number_of(std::string_view text) {
  SymbolTable scratch;
  Parsed p = parse(text, scratch);
  if (!p.variables.empty()) throw Error(Message{"lesson.not_a_number", {sanitize(text)}});
  GiNaC::ex v = p.expr.evalf();
  if (!GiNaC::is_a<GiNaC::numeric>(v) || !GiNaC::ex_to<GiNaC::numeric>(v).is_real()) {
    throw Error(Message{"lesson.not_a_number", {sanitize(text)}});
  }
  return GiNaC::ex_to<GiNaC::numeric>(v).to_double();
}

// The variable a derivative question is about: wrt, else the expression's only variable.
GiNaC::ex variable_of(const LessonQuestion& q, const Parsed& p, SymbolTable& syms) {
  if (!q.wrt.empty()) return syms.get(q.wrt);
  if (p.variables.size() > 1) throw Error(Message{"lesson.needs_wrt", {sanitize(q.expression)}});
  return syms.get(p.variables.empty() ? "x" : p.variables.front());
}

// The index of the choice ANSWER names: its letter ("b", "b)", "(b)") or its whole text.
std::optional<std::size_t> choice_index(const LessonQuestion& q, std::string_view answer) {
  std::string a = lower(trim(answer));
  while (!a.empty() && (a.back() == ')' || a.back() == '.')) a.pop_back();
  if (!a.empty() && a.front() == '(') a.erase(0, 1);
  for (std::size_t i = 0; i < q.choices.size(); ++i) {
    if (a == std::string(1, choice_letter(i)) || a == lower(trim(q.choices[i]))) return i;
  }
  return std::nullopt;
}

Grade grade_derivative(const LessonQuestion& q, std::string_view answer) {
  SymbolTable syms;
  Parsed p = parse(q.expression, syms);
  Verdict v = check(p.expr, variable_of(q, p, syms), answer, syms);
  return Grade{v.status, v.mistake, v.feedback, v.error};
}

Grade grade_number(const LessonQuestion& q, std::string_view answer) {
  double got = 0;
  try {
    got = number_of(answer);
  } catch (const Error& e) {
    return Grade{Status::invalid, std::nullopt, e.message(), e};
  }
  double expected = number_of(q.answer);
  // Relative, so that a small expected value (1/1024) is not matched by 0; absolute at 0.
  const double scale = expected == 0 ? 1.0 : std::fabs(expected);
  bool right = std::fabs(got - expected) <= q.tolerance * scale;
  if (right)
    return Grade{Status::correct, std::nullopt, Message{"check.correct", {}}, std::nullopt};
  return Grade{Status::incorrect, std::nullopt, Message{"lesson.number_wrong", {}}, std::nullopt};
}

Grade grade_choice(const LessonQuestion& q, std::string_view answer) {
  auto picked = choice_index(q, answer);
  if (!picked) {
    Error e(Message{"lesson.no_such_choice",
                    {sanitize(trim(answer)), std::string(1, choice_letter(0)),
                     std::string(1, choice_letter(q.choices.size() - 1))}});
    return Grade{Status::invalid, std::nullopt, e.message(), e};
  }
  if (picked == choice_index(q, q.answer)) {
    return Grade{Status::correct, std::nullopt, Message{"check.correct", {}}, std::nullopt};
  }
  return Grade{Status::incorrect, std::nullopt, Message{"lesson.choice_wrong", {}}, std::nullopt};
}

}  // namespace

char choice_letter(std::size_t i) {
  return static_cast<char>('a' + i % 26);
}

Grade grade(const LessonQuestion& q, std::string_view answer) {
  try {
    if (trim(answer).empty()) {
      Error e(Message{"lesson.empty_answer", {}});
      return Grade{Status::invalid, std::nullopt, e.message(), e};
    }
    switch (q.kind) {
      case LessonQuestionKind::derivative:
        return grade_derivative(q, answer);
      case LessonQuestionKind::number:
        return grade_number(q, answer);
      case LessonQuestionKind::choice:
        return grade_choice(q, answer);
    }
  } catch (const Error& e) {
    return Grade{Status::invalid, std::nullopt, e.message(), e};
  } catch (const std::exception& e) {
    Error err(Message{"error.internal", {e.what()}});
    return Grade{Status::invalid, std::nullopt, err.message(), err};
  }
  return {};
}

std::optional<Message> question_problem(const LessonQuestion& q) {
  try {
    switch (q.kind) {
      case LessonQuestionKind::derivative: {
        if (q.expression.empty()) return Message{"lesson.missing_key", {"expr"}};
        SymbolTable syms;
        Parsed p = parse(q.expression, syms);
        if (!q.wrt.empty() && !is_variable_name(q.wrt))
          return Message{"diff.bad_variable", {sanitize(q.wrt)}};
        variable_of(q, p, syms);
        break;
      }
      case LessonQuestionKind::number:
        number_of(q.answer);
        break;
      case LessonQuestionKind::choice:
        if (q.choices.size() < 2) return Message{"lesson.few_choices", {}};
        if (!choice_index(q, q.answer)) {
          return Message{"lesson.no_such_choice",
                         {sanitize(q.answer), std::string(1, choice_letter(0)),
                          std::string(1, choice_letter(q.choices.size() - 1))}};
        }
        break;
    }
    if (q.answer.empty()) return std::nullopt;  // reported as a missing key
    Grade g = grade(q, q.answer);
    if (g.status != Status::correct) return Message{"lesson.key_rejected", {sanitize(q.answer)}};
  } catch (const Error& e) {
    return e.message();
  } catch (const std::exception& e) {
    return Message{"error.internal", {e.what()}};
  }
  return std::nullopt;
}

std::string answer_key(const LessonQuestion& q, bool ascii) {
  switch (q.kind) {
    case LessonQuestionKind::derivative:
      try {
        SymbolTable syms;
        return print(parse(q.answer, syms).expr, text_style(ascii));
      } catch (const std::exception&) {
        return sanitize(q.answer, ascii);
      }
    case LessonQuestionKind::number:
      return sanitize(q.answer, ascii);
    case LessonQuestionKind::choice:
      if (auto i = choice_index(q, q.answer)) {
        return std::string(1, choice_letter(*i)) + ") " + q.choices[*i];
      }
      return sanitize(q.answer, ascii);
  }
  return {};
}

}  // namespace tutor
