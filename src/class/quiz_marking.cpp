#include "class/quiz_marking.hpp"

#include <algorithm>
#include <map>

#include "base/text.hpp"
#include "labs/descent.hpp"
#include "labs/graph.hpp"
#include "math/equivalence.hpp"
#include "math/print.hpp"
#include "math/steps.hpp"
#include "math/syntax.hpp"

namespace tutor {

using GiNaC::ex;

namespace {

// Errors from the engines, tagged with the field they came from.
[[noreturn]] void rethrow_in(const std::string& field, const Error& e) {
  throw QuizFieldError(field, e.message(), e.span(), e.input());
}

GiNaC::ex parse_in(const std::string& text, const std::string& field, SymbolTable& syms,
                   std::vector<std::string>* vars = nullptr) {
  try {
    Parsed p = parse(text, syms);
    if (vars) *vars = p.variables;
    return p.expr;
  } catch (const SyntaxError& e) {
    throw QuizFieldError(field, e.message(), e.span(), e.input());
  }
}

std::optional<double> real_value(const ex& e) {
  return evaluate(e, GiNaC::exmap{});
}

bool is_exact_real(const ex& e) {
  return GiNaC::is_a<GiNaC::numeric>(e) && GiNaC::ex_to<GiNaC::numeric>(e).is_rational();
}

Message custom(const Localized& l) {
  return Message{"quiz.custom", {l.in(Lang::en), l.in(Lang::ko)}};
}

// θ[WRT] after exactly STEPS steps of gradient descent on F from START ("5" or "x=1,y=2")
// with rate LR. Throws QuizFieldError("from") for a bad start and when the run leaves the
// domain or blows up before STEPS.
double descent_key(const Parsed& f, const std::string& start_text, double lr, int steps,
                   std::string_view wrt, SymbolTable& syms) {
  std::map<std::string, double> start;
  try {
    start = parse_start(start_text, f.variables);
  } catch (const Error& e) {
    throw QuizFieldError("from", e.message());
  }
  DescentOptions o;
  o.rates = {lr};
  o.steps = steps;
  // The key is θ after exactly `steps` steps, so the run must not stop early.
  o.tol = 1e-300;
  Descent d = descend(f, start, o, syms);
  const DescentRun& run = d.runs.front();
  // A run judged diverged after all its steps still has its θ; one stopped early has none.
  if (run.steps.back().k < steps && run.verdict != RunVerdict::converged) {
    throw QuizFieldError("from", Message{"quiz.descent_stops", {std::to_string(run.reason.step)}});
  }
  auto idx = static_cast<std::size_t>(std::find(d.variables.begin(), d.variables.end(), wrt) -
                                      d.variables.begin());
  return run.steps.back().theta.at(idx);
}

}  // namespace

Posed pose(const QuizQuestion& q, const Variant& variant, SymbolTable& syms) {
  Posed p;
  p.question = &q;
  p.variant = variant;
  auto sub = [&](const Field& f) { return substitute(f.text, variant, true); };

  if (q.kind == QuizKind::choice) {
    p.key = q.answer_index;
    p.key_number = q.answer_index;
    return p;
  }
  if (q.kind == QuizKind::expression) {
    p.key = parse_in(sub(q.answer), "answer", syms, &p.variables);
    return p;
  }

  p.expression = parse_in(sub(q.expression), "expression", syms, &p.variables);
  if (!q.wrt.empty()) {
    p.wrt = syms.get(q.wrt);
    if (q.kind != QuizKind::derivative &&
        std::find(p.variables.begin(), p.variables.end(), q.wrt) == p.variables.end()) {
      throw QuizFieldError("wrt", Message{"quiz.wrt_not_in", {q.wrt}});
    }
  } else if (p.variables.size() > 1) {
    throw QuizFieldError("wrt", Message{"quiz.needs_wrt", {}});
  } else {
    p.wrt = syms.get(p.variables.empty() ? "x" : p.variables.front());
  }
  if ((q.kind == QuizKind::gradient || q.kind == QuizKind::descent) && p.variables.empty()) {
    throw QuizFieldError("expression", Message{"quiz.no_variable", {}});
  }

  switch (q.kind) {
    case QuizKind::derivative: {
      p.key = nth_derivative(p.expression, p.wrt, q.order);
      return p;
    }
    case QuizKind::value:
    case QuizKind::gradient: {
      GiNaC::exmap point;
      std::map<std::string, ex> named;
      for (const auto& [name, f] : q.at) {
        if (std::find(p.variables.begin(), p.variables.end(), name) == p.variables.end()) {
          throw QuizFieldError("at." + name, Message{"quiz.at_unknown", {name}});
        }
        SymbolTable scratch;
        std::vector<std::string> vars;
        ex value = parse_in(sub(f), "at." + name, scratch, &vars);
        if (!vars.empty() || !real_value(value)) {
          throw QuizFieldError("at." + name, Message{"quiz.at_not_number", {name}});
        }
        point[syms.get(name)] = value;
        named[name] = value;
        p.point.emplace_back(name, value);
      }
      for (const auto& v : p.variables) {
        if (!named.contains(v)) {
          throw QuizFieldError("at", Message{"quiz.at_missing", {v}});
        }
      }
      if (q.kind == QuizKind::value) {
        ex d = GiNaC::diff(p.expression, GiNaC::ex_to<GiNaC::symbol>(p.wrt),
                           static_cast<unsigned>(q.order));
        std::optional<double> k = evaluate(d, point);
        if (!k) {
          throw QuizFieldError("at", Message{"quiz.undefined_key", {}});
        }
        ex exact;
        try {
          exact = d.subs(point);
        } catch (const std::exception&) {
          exact = *k;
        }
        p.key = is_exact_real(exact) ? exact : ex(GiNaC::numeric(*k));
        p.key_number = k;
        p.function_value = evaluate(p.expression, point);
        return p;
      }
      Graph g = build_graph(p.expression);
      try {
        evaluate(g, named);
      } catch (const Error& e) {
        rethrow_in("at", e);
      }
      for (std::size_t i : g.variables) {
        if (g.nodes[i].name == print(p.wrt, Style::input)) p.key = g.nodes[i].gradient;
      }
      p.key_number = real_value(p.key);
      if (!p.key_number) {
        throw QuizFieldError("at", Message{"quiz.undefined_key", {}});
      }
      p.function_value = real_value(g.out().value);
      return p;
    }
    case QuizKind::descent: {
      double theta = descent_key(Parsed{p.expression, p.variables, {}, p.expression}, sub(q.from),
                                 q.lr, q.steps, print(p.wrt, Style::input), syms);
      p.key = GiNaC::numeric(theta);
      p.key_number = theta;
      return p;
    }
    default:
      return p;
  }
}

std::string Posed::prompt(Lang lang, bool ascii) const {
  const QuizQuestion& q = *question;
  Style st = text_style(ascii);
  if (q.prompt.given) return substitute(q.prompt.in(lang), variant, false);
  std::string at;
  for (const auto& [name, value] : point) {
    at += (at.empty() ? "" : ", ") + name + " = " + print(value, st);
  }
  std::string f = print(expression, st);
  std::string v = print(wrt, st);
  switch (q.kind) {
    case QuizKind::derivative:
      if (q.order > 1) {
        return tr(lang, "quiz.prompt.derivative_order", f, v, q.order);
      }
      return tr(lang, "quiz.prompt.derivative", f, v);
    case QuizKind::value:
      if (q.order > 1) {
        return tr(lang, "quiz.prompt.value_order", f, v, at, q.order);
      }
      return tr(lang, "quiz.prompt.value", f, v, at);
    case QuizKind::gradient:
      return tr(lang, "quiz.prompt.gradient", f, v, at);
    case QuizKind::descent:
      return tr(lang, "quiz.prompt.descent", f, substitute(q.from.text, variant, false),
                format_number(q.lr), v, q.steps);
    default:
      return {};
  }
}

std::string Posed::key_text(bool ascii) const {
  if (key_number && !is_exact_real(key)) return format_number(*key_number);
  return print(key, text_style(ascii));
}

std::vector<std::string> Posed::hints(Lang lang) const {
  std::vector<std::string> out;
  for (const auto& h : question->hints) out.push_back(substitute(h.in(lang), variant, false));
  return out;
}

Question to_question(const Posed& p, Lang lang, bool ascii) {
  const QuizQuestion& q = *p.question;
  Question out;
  out.id = q.id;
  out.prompt = p.prompt(lang, ascii);
  out.hints = p.hints(lang);
  out.points = q.points;
  out.tolerance = q.tolerance;
  for (const auto& [mistake, words] : q.feedback) out.feedback[mistake] = custom(words);
  switch (q.kind) {
    case QuizKind::derivative:
      out.kind = AnswerKind::derivative;
      out.function = print(nth_derivative(p.expression, p.wrt, q.order - 1), Style::input);
      out.wrt = print(p.wrt, Style::input);
      break;
    case QuizKind::choice: {
      out.kind = AnswerKind::choice;
      out.choice = static_cast<std::size_t>(q.answer_index - 1);
      const Lang other = lang == Lang::ko ? Lang::en : Lang::ko;
      for (const auto& c : q.choices) {
        out.choices.push_back(Choice{substitute(c.in(lang), p.variant, false),
                                     {substitute(c.in(other), p.variant, false)}});
      }
      break;
    }
    case QuizKind::expression:
      out.kind = AnswerKind::expression;
      out.expression = print(p.key, Style::input);
      break;
    default:
      // value, gradient, descent: a number, typed any way (27/2, 13.5, sqrt(2)/2).
      out.kind = AnswerKind::number;
      out.number = p.key_number.value_or(0);
      out.function_value = p.function_value;
      out.key = p.key_text(ascii);
      break;
  }
  return out;
}

}  // namespace tutor
