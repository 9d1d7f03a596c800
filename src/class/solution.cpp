#include "class/solution.hpp"

#include <algorithm>
#include <map>

#include "base/text.hpp"
#include "calculus/explain.hpp"
#include "labs/descent.hpp"
#include "labs/graph.hpp"
#include "labs/graph_render.hpp"
#include "math/print.hpp"
#include "math/steps.hpp"

namespace tutor {

namespace {

// A descent longer than this shows its first and last steps only.
constexpr std::size_t kShownSteps = 8;

DocBlock answer_line(const Posed& p, Lang lang) {
  return doc::paragraph(
      {doc::strong(tr(lang, "paper.answer")), doc::text(" "), doc::code(answer_key(p, lang))});
}

// The derivation of each order, as `tutor diff --brief` writes it and as an align* block.
void derivation(const Posed& p, Lang lang, std::vector<DocBlock>& out) {
  const bool partial = p.variables.size() > 1;
  const int order = p.question->order;
  std::vector<std::string> lines;
  std::string latex;
  for (const Step& s : differentiate_orders(p.expression, p.wrt, order)) {
    for (auto& l : split_lines(explain_text(s, {lang, Style::text, true, partial})))
      lines.push_back(std::move(l));
    latex += explain_latex(s, partial) + "\n";
  }
  latex.pop_back();
  out.push_back(doc::display(std::move(lines), std::move(latex)));
}

void value_solution(const Posed& p, Lang lang, std::vector<DocBlock>& out) {
  derivation(p, lang, out);
  std::string at;
  for (const auto& [name, value] : p.point) {
    at += (at.empty() ? "" : ", ") + name + " = " + print(value, Style::text);
  }
  out.push_back(doc::paragraph({doc::text(tr(lang, "paper.value_at", at))}));
}

void gradient_solution(const Posed& p, Lang lang, std::vector<DocBlock>& out) {
  Graph g = build_graph(p.expression);
  std::map<std::string, GiNaC::ex> point(p.point.begin(), p.point.end());
  evaluate(g, point);
  std::vector<std::string> forward;
  for (const auto& n : g.nodes) {
    if (n.kind == NodeKind::input || n.kind == NodeKind::constant) continue;
    forward.push_back(node_label(n, false) + " = " + print(n.formula, Style::text) + " = " +
                      value_text(n.value, false));
  }
  std::vector<std::string> backward;
  for (std::size_t k = g.nodes.size(); k-- > 0;) {
    if (g.nodes[k].kind == NodeKind::constant) continue;
    backward.push_back(chain_rule_line(g, k, false));
  }
  out.push_back(doc::paragraph({doc::text(tr(lang, "paper.forward"))}));
  out.push_back(doc::display(std::move(forward)));
  out.push_back(doc::paragraph({doc::text(tr(lang, "paper.backward"))}));
  out.push_back(doc::display(std::move(backward)));
}

void descent_solution(const Posed& p, Lang lang, SymbolTable& syms, std::vector<DocBlock>& out) {
  const QuizQuestion& q = *p.question;
  DescentOptions o;
  o.rates = {q.lr};
  o.steps = q.steps;
  o.tol = 1e-300;  // every step, as the key was computed
  const Parsed f{p.expression, p.variables, {}, p.expression};
  const Descent d =
      descend(f, parse_start(substitute(q.from.text, p.variant, false), p.variables), o, syms);
  std::vector<std::string> gradient;
  for (std::size_t i = 0; i < d.variables.size(); ++i) {
    gradient.push_back("∂f/∂" + d.variables[i] + " = " + print(d.gradient[i], Style::text));
  }
  out.push_back(doc::paragraph(
      {doc::text(tr(lang, "paper.descent_rule", format_number(q.lr), join(gradient, ", ")))}));

  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> head{"k"};
  for (const auto& v : d.variables) head.push_back(v);
  head.push_back("f");
  for (const auto& v : d.variables) head.push_back("∂f/∂" + v);
  rows.push_back(head);
  const auto& steps = d.runs.front().steps;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    // The first steps and the last two: how it starts and where it ends.
    if (steps.size() > kShownSteps && i == kShownSteps - 2) {
      rows.push_back(std::vector<std::string>(head.size(), "⋮"));
    }
    if (steps.size() > kShownSteps && i >= kShownSteps - 2 && i + 2 < steps.size()) continue;
    const DescentStep& s = steps[i];
    std::vector<std::string> row{std::to_string(s.k)};
    for (double t : s.theta) row.push_back(format_number(t));
    row.push_back(format_short(s.value));
    for (double g : s.gradient) row.push_back(format_short(g));
    rows.push_back(std::move(row));
  }
  out.push_back(doc::table(std::move(rows)));
}

}  // namespace

std::string answer_key(const Posed& p, Lang lang) {
  const QuizQuestion& q = *p.question;
  if (q.kind == QuizKind::choice) {
    const auto i = static_cast<std::size_t>(q.answer_index - 1);
    return choice_letter(i) + ") " + substitute(q.choices[i].in(lang), p.variant, false);
  }
  return p.key_text(false);
}

std::vector<DocBlock> worked_solution(const Posed& p, Lang lang, SymbolTable& syms) {
  std::vector<DocBlock> out;
  try {
    switch (p.question->kind) {
      case QuizKind::derivative:
        derivation(p, lang, out);
        break;
      case QuizKind::value:
        value_solution(p, lang, out);
        break;
      case QuizKind::gradient:
        gradient_solution(p, lang, out);
        break;
      case QuizKind::descent:
        descent_solution(p, lang, syms, out);
        break;
      case QuizKind::choice:
      case QuizKind::expression:
        break;
    }
  } catch (const std::exception&) {
    // pose() found the key, so this is GiNaC refusing a step of the way: the key alone.
    out.clear();
  }
  out.push_back(answer_line(p, lang));
  return out;
}

}  // namespace tutor
