#include "course/exercise.hpp"

#include "labs/descent.hpp"
#include "math/syntax.hpp"

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

// The rate whose run ends with VERDICT, as its 0-based position among RATES.
std::size_t rate_with(const std::vector<double>& rates, RunVerdict verdict) {
  SymbolTable syms;
  Parsed f = parse("x^2", syms);
  DescentOptions o;
  o.rates = rates;
  Descent d = descend(f, {{"x", 5.0}}, o, syms);
  for (std::size_t i = 0; i < d.runs.size(); ++i) {
    if (d.runs[i].verdict == verdict) return i;
  }
  return rates.size();
}

}  // namespace

std::vector<Exercise> course_exercises(Lang lang) {
  auto text = [lang](const char* key) { return tr(lang, key); };
  std::vector<Exercise> out;

  Exercise one;
  one.number = 1;
  one.title = text("exercise.1.title");
  Question d;
  d.kind = AnswerKind::derivative;
  d.prompt = text("exercise.1.prompt");
  d.function = "sin(x^2)";
  d.hints = {text("exercise.1.hint1"), text("exercise.1.hint2")};
  one.parts.push_back({d, {}});
  one.solution = "diff sin(x^2)";
  out.push_back(one);

  Exercise two;
  two.number = 2;
  two.title = text("exercise.2.title");
  Question g;
  g.prompt = text("exercise.2.prompt");
  g.function = "(2x+1)^3";
  two.parts.push_back({g, "x=1"});
  Question chain;
  chain.kind = AnswerKind::derivative;
  chain.prompt = text("exercise.2.prompt_formula");
  chain.function = "(2x+1)^3";
  chain.hints = {text("exercise.2.hint1"), text("exercise.2.hint2")};
  two.parts.push_back({chain, {}});
  two.solution = "graph (2x+1)^3 --at x=1";
  out.push_back(two);

  const std::vector<double> rates = {0.001, 0.1, 10};
  Exercise three;
  three.number = 3;
  three.title = text("exercise.3.title");
  Question diverges;
  diverges.kind = AnswerKind::choice;
  diverges.prompt = text("exercise.3.prompt_diverges");
  for (const char* rate : {"0.001", "0.1", "10"}) diverges.choices.push_back(Choice{rate, {}});
  diverges.choice = rate_with(rates, RunVerdict::diverged);
  diverges.hints = {text("exercise.3.hint_factor")};
  three.parts.push_back({diverges, {}});
  Question slow = diverges;
  slow.prompt = text("exercise.3.prompt_slow");
  slow.choice = rate_with(rates, RunVerdict::slow);
  three.parts.push_back({slow, {}});
  Question theta;
  theta.kind = AnswerKind::number;
  theta.prompt = text("exercise.3.prompt_theta");
  theta.number = theta_after(0.1, 3);
  theta.hints = {text("exercise.3.hint_update"), text("exercise.3.hint_steps")};
  three.parts.push_back({theta, {}});
  three.solution = "descent x^2 --from 5 --lr 0.001 --lr 0.1 --lr 10";
  out.push_back(three);
  return out;
}

}  // namespace tutor
