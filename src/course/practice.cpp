#include "course/practice.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <string>

#include "base/text.hpp"
#include "calculus/check.hpp"
#include "math/equivalence.hpp"
#include "math/print.hpp"
#include "math/steps.hpp"
#include "math/symbols.hpp"
#include "math/syntax.hpp"

namespace tutor {

using GiNaC::ex;

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The value of TEXT as a number without variables ("54", "27*2", "sqrt(2)/2"). Throws the
// parser's SyntaxError when it does not parse, and practice.need_number when it is not a
// real number.
double number_in(std::string_view text) {
  SymbolTable scratch;
  Parsed p = parse(text, scratch);
  std::optional<double> v = p.variables.empty() ? evaluate(p.expr, {}) : std::nullopt;
  if (!v) throw Error(Message{"practice.need_number", {}});
  return *v;
}

// The same, or nullopt for anything that is not a number.
std::optional<double> maybe_number(std::string_view text) {
  try {
    return number_in(text);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// The variable of a derivative question: wrt, else the function's only variable (x when it
// has none). Throws lesson.needs_wrt for several variables and no wrt.
ex variable_of(const Question& q, const Parsed& p, SymbolTable& syms) {
  if (!q.wrt.empty()) return syms.get(q.wrt);
  if (p.variables.size() > 1) throw Error(Message{"lesson.needs_wrt", {sanitize(q.function)}});
  return syms.get(p.variables.empty() ? "x" : p.variables.front());
}

Outcome graded(Status status, Message feedback, std::optional<Mistake> mistake = std::nullopt) {
  Outcome o;
  o.status = status;
  o.feedback = std::move(feedback);
  o.mistake = mistake;
  return o;
}

Outcome grade_derivative(const Question& q, std::string_view answer) {
  SymbolTable syms;
  Parsed p = parse(q.function, syms);
  return check(p.expr, variable_of(q, p, syms), answer, syms);
}

Outcome grade_number(const Question& q, std::string_view answer) {
  const double v = number_in(answer);
  if (numbers_match(q.number, v, q.tolerance) || rounds_to(q.number, answer)) {
    return graded(Status::correct, Message{"check.correct", {}});
  }
  // The mistakes a number can show: the function's value instead of its derivative's, or
  // the right size with the wrong sign.
  const auto& fv = q.function_value;
  if (fv && numbers_match(*fv, v, q.tolerance) && !numbers_match(q.number, *fv, q.tolerance)) {
    return graded(Status::incorrect, Message{"practice.number_not_differentiated", {}},
                  Mistake::not_differentiated);
  }
  if (q.number != 0 && numbers_match(q.number, -v, q.tolerance)) {
    return graded(Status::incorrect, Message{"check.sign_error", {}}, Mistake::sign_error);
  }
  return graded(Status::incorrect, Message{"practice.number_wrong", {}});
}

Outcome grade_choice(const Question& q, std::string_view answer) {
  auto picked = choice_named(q, answer);
  if (!picked) {
    const std::size_t n = q.choices.size();
    throw Error(Message{"practice.no_such_choice",
                        {sanitize(trim(answer)), std::to_string(n), choice_letter(n - 1)}});
  }
  if (*picked == q.choice) return graded(Status::correct, Message{"check.correct", {}});
  return graded(Status::incorrect, Message{"practice.choice_wrong", {}});
}

// E with every letter of Q written out (u → x² for cos(u)), parsed into SYMS.
ex written_out(const Question& q, const ex& e, SymbolTable& syms) {
  if (q.letters.empty()) return e;
  GiNaC::exmap m;
  for (const auto& l : q.letters) m[syms.get(l.name)] = parse(l.expression, syms).expr;
  return e.subs(m);
}

// Whether A and B are the same function of every variable either has.
bool same_function(const ex& a, const ex& b, SymbolTable& syms) {
  std::set<std::string> names;
  for (const auto& n : variables_of(a)) names.insert(n);
  for (const auto& n : variables_of(b)) names.insert(n);
  std::vector<ex> vars;
  vars.reserve(names.size() + 1);
  for (const auto& n : names) vars.push_back(syms.get(n));
  if (vars.empty()) vars.push_back(syms.get("x"));
  return compare_functions(a, b, vars).verdict == Agreement::equal;
}

Outcome grade_expression(const Question& q, std::string_view answer) {
  SymbolTable syms;
  const ex key = written_out(q, parse(q.expression, syms).expr, syms);
  const ex a = written_out(q, parse(answer, syms).expr, syms);
  if (same_function(a, key, syms)) return graded(Status::correct, Message{"check.correct", {}});
  for (const auto& m : q.missteps) {
    if (same_function(a, written_out(q, parse(m.expression, syms).expr, syms), syms))
      return graded(Status::incorrect, m.feedback);
  }
  return graded(Status::incorrect, Message{"practice.not_equivalent", {}});
}

using Grader = Outcome (*)(const Question&, std::string_view);

// By AnswerKind, in its order.
constexpr Grader kGraders[] = {grade_derivative, grade_number, grade_choice, grade_expression};

}  // namespace

bool rounds_to(double expected, std::string_view typed) {
  const std::string whole = trim(typed);
  std::string_view t = whole;
  const bool negative = !t.empty() && t.front() == '-';
  if (!t.empty() && (t.front() == '-' || t.front() == '+')) t.remove_prefix(1);
  // The digits before any exponent; "1e-3" and "2.5E4" are decimals too.
  const std::size_t e = t.find_first_of("eE");
  const std::string_view mantissa = t.substr(0, e);
  long exponent = 0;
  if (e != std::string_view::npos) {
    const std::string_view ex = t.substr(e + 1);
    std::size_t used = 0;
    try {
      exponent = std::stol(std::string(ex), &used);
    } catch (const std::exception&) {
      return false;
    }
    if (used != ex.size() || std::abs(exponent) > 300) return false;
  }
  if (mantissa.empty() ||
      !std::all_of(mantissa.begin(), mantissa.end(),
                   [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) ||
      std::count(mantissa.begin(), mantissa.end(), '.') > 1) {
    return false;
  }
  const std::size_t dot = mantissa.find('.');
  const long decimals =
      dot == std::string_view::npos ? 0 : static_cast<long>(mantissa.size() - dot - 1);
  const std::size_t first = mantissa.find_first_of("123456789");
  if (first == std::string_view::npos) return false;
  long significant = 0;
  for (std::size_t i = first; i < mantissa.size(); ++i) significant += mantissa[i] != '.';
  if (significant < kRoundedDigits) return false;
  const double given = std::stod(std::string(t));
  // Half a unit in the last place typed, and a hair more for binary rounding.
  const double half_unit = 0.5 * std::pow(10.0, static_cast<double>(exponent - decimals));
  return std::abs(std::abs(expected) - given) <= half_unit * (1 + 1e-9) &&
         (expected < 0) == negative;
}

bool numbers_match(double expected, double given, double tolerance) {
  const double scale = std::max(std::abs(expected), std::abs(given));
  return std::abs(expected - given) <= tolerance * scale + 1e-12;
}

std::string choice_letter(std::size_t i) {
  return std::string(1, static_cast<char>('a' + i % 26));
}

std::optional<std::size_t> choice_named(const Question& q, std::string_view answer) {
  const std::string a = lower(trim(answer));
  if (a.empty()) return std::nullopt;
  const std::size_t n = q.choices.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (a == lower(trim(q.choices[i].text))) return i;
    for (const auto& alias : q.choices[i].aliases) {
      if (a == lower(trim(alias))) return i;
    }
  }
  if (auto v = maybe_number(a)) {
    for (std::size_t i = 0; i < n; ++i) {
      auto c = maybe_number(q.choices[i].text);
      if (c && numbers_match(*c, *v)) return i;
    }
    if (std::round(*v) == *v && *v >= 1 && *v <= static_cast<double>(n)) {
      return static_cast<std::size_t>(*v) - 1;
    }
    return std::nullopt;
  }
  std::string letter = a;
  while (!letter.empty() && (letter.back() == ')' || letter.back() == '.')) letter.pop_back();
  if (!letter.empty() && letter.front() == '(') letter.erase(0, 1);
  for (std::size_t i = 0; i < n; ++i) {
    if (letter == choice_letter(i)) return i;
  }
  return std::nullopt;
}

Outcome grade(const Question& q, std::string_view answer) {
  Outcome o;
  try {
    if (trim(answer).empty()) {
      o = graded(Status::blank, Message{"practice.blank", {}});
    } else {
      o = kGraders[static_cast<std::size_t>(q.kind)](q, answer);
    }
  } catch (const Error& e) {
    o = graded(Status::invalid, e.message());
    o.error = e;
  } catch (const std::exception&) {
    // GiNaC's own limits (an overflow, memory) on a pathological answer.
    Error e(Message{"error.too_big", {}});
    o = graded(Status::invalid, e.message());
    o.error = e;
  }
  o.score = o.status == Status::correct ? q.points : 0;
  if (o.mistake) {
    auto it = q.feedback.find(*o.mistake);
    if (it != q.feedback.end()) o.feedback = it->second;
  }
  return o;
}

std::string key_text(const Question& q, bool ascii) {
  try {
    SymbolTable syms;
    switch (q.kind) {
      case AnswerKind::derivative: {
        if (!q.key.empty()) return print(parse(q.key, syms).expr, text_style(ascii));
        Parsed p = parse(q.function, syms);
        return print(differentiate(p.expr, variable_of(q, p, syms)).derivative, text_style(ascii));
      }
      case AnswerKind::number:
        return q.key.empty() ? format_number(q.number) : sanitize(q.key, ascii);
      case AnswerKind::choice:
        if (q.choice >= q.choices.size()) return sanitize(q.key, ascii);
        return choice_letter(q.choice) + ") " + q.choices[q.choice].text;
      case AnswerKind::expression:
        return print(parse(q.expression, syms).expr, text_style(ascii));
    }
  } catch (const std::exception&) {
    // A key that does not parse is reported by question_problem; show it as written.
  }
  return sanitize(q.key.empty() ? q.expression : q.key, ascii);
}

std::optional<Message> question_problem(const Question& q) {
  try {
    // A number and a choice are their own keys; an expression must pass the grader.
    std::string key;
    switch (q.kind) {
      case AnswerKind::derivative: {
        SymbolTable syms;
        Parsed p = parse(q.function, syms);
        if (!q.wrt.empty() && !is_variable_name(q.wrt))
          return Message{"diff.bad_variable", {sanitize(q.wrt)}};
        variable_of(q, p, syms);
        key = q.key;
        break;
      }
      case AnswerKind::number:
        break;
      case AnswerKind::choice:
        if (q.choices.size() < 2) return Message{"lesson.few_choices", {}};
        if (q.choice >= q.choices.size()) {
          return Message{"practice.no_such_choice",
                         {sanitize(q.key), std::to_string(q.choices.size()),
                          choice_letter(q.choices.size() - 1)}};
        }
        break;
      case AnswerKind::expression:
        key = q.expression;
        break;
    }
    if (key.empty()) return std::nullopt;
    Outcome o = grade(q, key);
    if (o.status != Status::correct) return Message{"lesson.key_rejected", {sanitize(key)}};
  } catch (const Error& e) {
    return e.message();
  } catch (const std::exception& e) {
    return Message{"error.internal", {e.what()}};
  }
  return std::nullopt;
}

}  // namespace tutor
