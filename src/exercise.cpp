#include "tutor/exercise.hpp"

#include <cmath>

#include "tutor/descent.hpp"
#include "tutor/equivalence.hpp"
#include "tutor/print.hpp"
#include "tutor/syntax.hpp"

namespace tutor {

namespace {

// θ after STEPS steps of descent on x² from 5 at rate LR, from the descent engine.
double theta_after(double lr, int steps) {
  SymbolTable syms;
  Parsed f = parse("x^2", syms);
  DescentOptions o;
  o.rates = {lr};
  o.steps = steps;
  o.tol = 1e-300;  // run every step; this exercise asks for θ₃, not for convergence
  Descent d = descend(f, {{"x", 5.0}}, o, syms);
  return d.runs.front().steps.at(static_cast<std::size_t>(steps)).theta.front();
}

// The rate whose run ends with VERDICT, as its 1-based position among RATES.
int rate_with(const std::vector<double>& rates, RunVerdict verdict) {
  SymbolTable syms;
  Parsed f = parse("x^2", syms);
  DescentOptions o;
  o.rates = rates;
  Descent d = descend(f, {{"x", 5.0}}, o, syms);
  for (std::size_t i = 0; i < d.runs.size(); ++i) {
    if (d.runs[i].verdict == verdict) return static_cast<int>(i) + 1;
  }
  return 0;
}

}  // namespace

std::vector<Exercise> course_exercises() {
  std::vector<Exercise> out;

  Exercise one;
  one.number = 1;
  one.title = Message{"exercise.1.title", {}};
  ExercisePart d;
  d.kind = PartKind::derivative;
  d.prompt = Message{"exercise.1.prompt", {}};
  d.expression = "sin(x^2)";
  d.hints = {Message{"exercise.1.hint1", {}}, Message{"exercise.1.hint2", {}}};
  one.parts.push_back(d);
  one.solution = "diff sin(x^2)";
  out.push_back(one);

  Exercise two;
  two.number = 2;
  two.title = Message{"exercise.2.title", {}};
  ExercisePart g;
  g.kind = PartKind::graph;
  g.prompt = Message{"exercise.2.prompt", {}};
  g.expression = "(2x+1)^3";
  g.at = "x=1";
  two.parts.push_back(g);
  ExercisePart chain;
  chain.kind = PartKind::derivative;
  chain.prompt = Message{"exercise.2.prompt_formula", {}};
  chain.expression = "(2x+1)^3";
  chain.hints = {Message{"exercise.2.hint1", {}}, Message{"exercise.2.hint2", {}}};
  two.parts.push_back(chain);
  two.solution = "graph (2x+1)^3 --at x=1";
  out.push_back(two);

  const std::vector<double> rates = {0.001, 0.1, 10};
  const std::vector<std::string> rate_text = {"0.001", "0.1", "10"};
  Exercise three;
  three.number = 3;
  three.title = Message{"exercise.3.title", {}};
  ExercisePart diverges;
  diverges.kind = PartKind::choice;
  diverges.prompt = Message{"exercise.3.prompt_diverges", {}};
  diverges.choices = rate_text;
  diverges.answer = rate_with(rates, RunVerdict::diverged);
  diverges.hints = {Message{"exercise.3.hint_factor", {}}};
  three.parts.push_back(diverges);
  ExercisePart slow = diverges;
  slow.prompt = Message{"exercise.3.prompt_slow", {}};
  slow.answer = rate_with(rates, RunVerdict::slow);
  three.parts.push_back(slow);
  ExercisePart theta;
  theta.kind = PartKind::number;
  theta.prompt = Message{"exercise.3.prompt_theta", {}};
  theta.number = theta_after(0.1, 3);
  theta.hints = {Message{"exercise.3.hint_update", {}}, Message{"exercise.3.hint_steps", {}}};
  three.parts.push_back(theta);
  three.solution = "descent x^2 --from 5 --lr 0.001 --lr 0.1 --lr 10";
  out.push_back(three);
  return out;
}

PartVerdict judge(const ExercisePart& part, const std::string& answer) {
  PartVerdict v;
  try {
    if (part.kind == PartKind::choice) {
      // By number ("3") or as written ("10", "10.0").
      SymbolTable syms;
      Parsed p = parse(answer, syms);
      auto value = evaluate(p.expr, {});
      if (!value) {
        v.feedback = Message{"exercise.choice_range", {std::to_string(part.choices.size())}};
        return v;
      }
      int picked = 0;
      for (std::size_t i = 0; i < part.choices.size(); ++i) {
        auto c = evaluate(parse(part.choices[i], syms).expr, {});
        if (c && nearly_equal(*c, *value)) picked = static_cast<int>(i) + 1;
      }
      if (picked == 0 && std::round(*value) == *value && *value >= 1 &&
          *value <= static_cast<double>(part.choices.size())) {
        picked = static_cast<int>(*value);
      }
      if (picked == 0) {
        v.feedback = Message{"exercise.choice_range", {std::to_string(part.choices.size())}};
        return v;
      }
      v.status = picked == part.answer ? Status::correct : Status::incorrect;
      v.feedback =
          Message{v.status == Status::correct ? "check.correct" : "exercise.not_this_one", {}};
      return v;
    }
    SymbolTable syms;
    Parsed p = parse(answer, syms);
    auto value = evaluate(p.expr, {});
    if (!p.variables.empty() || !value) {
      v.feedback = Message{"exercise.need_number", {}};
      return v;
    }
    bool right = std::abs(*value - part.number) <= 1e-6 * std::max(1.0, std::abs(part.number));
    v.status = right ? Status::correct : Status::incorrect;
    v.feedback = Message{right ? "check.correct" : "exercise.number_wrong", {}};
    return v;
  } catch (const SyntaxError& e) {
    v.feedback = e.message();
    return v;
  }
}

}  // namespace tutor
