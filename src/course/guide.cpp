#include "course/guide.hpp"

#include <array>
#include <optional>

#include "course/graph_practice.hpp"
#include "labs/graph_render.hpp"
#include "math/equivalence.hpp"
#include "math/print.hpp"
#include "math/steps.hpp"
#include "math/symbols.hpp"
#include "math/syntax.hpp"

namespace tutor {

using GiNaC::ex;

namespace {

// The names of a product's or quotient's factors, in the order the rule names them.
constexpr std::array<std::string_view, 4> kFactorNames = {"f", "g", "h", "k"};

class Walker {
 public:
  Walker(const Step& root, Lang lang, bool ascii)
      : lang_(lang), ascii_(ascii), var_(print(root.wrt, Style::input)) {
    // A function of several variables is differentiated partially.
    const bool partial = variables_of(root.expression).size() > 1;
    op_ = (partial ? "∂/∂" : "d/d") + var_;
  }

  std::vector<GuideStep> walk(const Step& s) {
    struct RuleWalk {
      Rule rule;
      std::vector<GuideStep> (Walker::*walk)(const Step&);
    };
    static constexpr RuleWalk kWalks[] = {
        {Rule::chain, &Walker::chain},
        {Rule::product, &Walker::product},
        {Rule::quotient, &Walker::quotient},
        {Rule::sum, &Walker::sum},
        {Rule::constant_multiple, &Walker::constant_multiple},
    };
    for (const auto& w : kWalks) {
      if (w.rule == s.rule) return (this->*w.walk)(s);
    }
    return {};
  }

 private:
  std::string show(const ex& e) const { return print(e, text_style(ascii_)); }
  static std::string input(const ex& e) { return print(e, Style::input); }

  // "d/dx sin(x²)", "d/dx (x³ + sin(x))", "d/dx (x·cos(x))": a sum or product in brackets,
  // so that the operator plainly takes all of it.
  std::string d_of(const ex& e) const {
    const bool compound = GiNaC::is_exactly_a<GiNaC::add>(e) || GiNaC::is_exactly_a<GiNaC::mul>(e);
    return op_ + " " + (compound ? "(" + show(e) + ")" : show(e));
  }

  static Question expression_question(std::string prompt, const ex& key, std::string hint) {
    Question q;
    q.kind = AnswerKind::expression;
    q.prompt = std::move(prompt);
    q.expression = input(key);
    q.hints = {std::move(hint)};
    return q;
  }

  // The derivative of E, graded by tutor::check so that a wrong one is told its mistake.
  Question derivative_question(std::string prompt, const Step& s, std::string hint) const {
    Question q;
    q.kind = AnswerKind::derivative;
    q.prompt = std::move(prompt);
    q.function = input(s.expression);
    q.wrt = var_;
    q.key = input(s.derivative);
    q.hints = {std::move(hint)};
    return q;
  }

  // The walk's last step: the derivative of S itself, after the parts found before it.
  GuideStep whole(const Step& s, const std::string& formula, std::string hint) const {
    const std::string label = d_of(s.expression);
    return {"", label,
            derivative_question(tr(lang_, "guide.whole", label, formula), s, std::move(hint))};
  }

  // f(g(h(x))) as links: the outer function, each inner one, each link's derivative, then
  // their product.
  std::vector<GuideStep> chain(const Step& s) {
    const auto& links = s.links;
    const std::size_t n = links.size();
    // What each link is called: f, then the letters; and the expression each link is, in x.
    std::vector<std::string> names{"f"};
    for (std::size_t i = 0; i + 1 < n; ++i) names.push_back(input(links[i].variable));
    auto at = [&](std::size_t i) { return i == 0 ? s.expression : links[i - 1].inner; };
    const std::string u = names[1];
    std::vector<GuideStep> out;

    Question outer =
        expression_question(tr(lang_, "guide.outer", show(s.expression), u), links[0].outer,
                            tr(lang_, "guide.outer_hint", show(s.expression), u));
    outer.missteps = {
        {input(s.expression), Message{"guide.outer_whole", {u}}},
        {input(links[0].outer.subs(links[0].variable == s.wrt)),
         Message{"guide.outer_in_x", {u, var_}}},
    };
    out.push_back({tr(lang_, "guide.chain_intro", show(s.expression), std::to_string(n)),
                   "f(" + u + ")", std::move(outer)});

    for (std::size_t i = 1; i < n; ++i) {
      const std::string inside = i + 1 < n ? names[i + 1] : var_;
      const char* key = i + 1 < n ? "guide.link" : "guide.inner";
      Question q = expression_question(
          tr(lang_, key, names[i], inside), links[i].outer,
          tr(lang_, "guide.inner_hint", names[i], show(at(i - 1)), show(links[i - 1].outer)));
      if (i + 1 < n) q.letters = {{inside, input(links[i].inner)}};
      out.push_back({"", names[i], std::move(q)});
    }

    std::string formula, found;
    for (std::size_t i = 0; i < n; ++i) {
      const Link& l = links[i];
      const std::string by = i + 1 < n ? names[i + 1] : var_;
      const std::string label = "d" + names[i] + "/d" + by;
      const std::string lhs = i == 0 ? "f(" + by + ")" : names[i];
      Question q = expression_question(tr(lang_, "guide.local", label, lhs, show(l.outer)), l.local,
                                       tr(lang_, "guide.local_hint", show(l.outer), by));
      if (i + 1 < n) {
        q.letters = {{by, input(l.inner)}};
        q.missteps = {{input(l.local.subs(l.variable == s.wrt)),
                       Message{"guide.local_at_x", {var_, by, show(l.inner)}}}};
        found += (found.empty() ? "" : ", ") + by + " = " + show(l.inner);
      }
      formula += (formula.empty() ? "" : " · ") + label;
      out.push_back({"", label, std::move(q)});
    }
    out.push_back(whole(s, formula, tr(lang_, "guide.chain_product_hint", found)));
    return out;
  }

  // f′ = ? for each factor named in NAMES, and what was found, for the hint of the whole.
  void factor_steps(const Step& s, std::size_t count, std::vector<GuideStep>& out,
                    std::string& found) const {
    for (std::size_t i = 0; i < count; ++i) {
      const Step& f = s.substeps[i];
      const std::string name(kFactorNames[i]);
      out.push_back({"", name + "′",
                     derivative_question(tr(lang_, "guide.factor", name, show(f.expression)), f,
                                         tr(lang_, "guide.factor_hint", show(f.expression)))});
      found += (found.empty() ? "" : ", ") + name + " = " + show(f.expression) + ", " + name +
               "′ = " + show(f.derivative);
    }
  }

  // (f·g·…)′: each factor's derivative, then the sum of the products that take one each.
  std::vector<GuideStep> product(const Step& s) {
    const std::size_t n = s.substeps.size();
    if (n < 2 || n > kFactorNames.size()) return {};
    std::string names, given, formula;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string name(kFactorNames[i]);
      names += (i == 0 ? "" : "·") + name;
      given += (i == 0 ? "" : ", ") + name + " = " + show(s.substeps[i].expression);
      std::string term;
      for (std::size_t j = 0; j < n; ++j) {
        term += (j == 0 ? "" : "·") + std::string(kFactorNames[j]) + (i == j ? "′" : "");
      }
      formula += (i == 0 ? "" : " + ") + term;
    }
    std::vector<GuideStep> out;
    std::string found;
    factor_steps(s, n, out, found);
    out.front().intro = tr(lang_, "guide.product_intro", show(s.expression), names, given);
    out.push_back(whole(s, formula, tr(lang_, "guide.use_steps", found)));
    return out;
  }

  // f/g: f′, g′, the numerator f′g − fg′, then the whole quotient.
  std::vector<GuideStep> quotient(const Step& s) {
    const Step& num = s.substeps[0];
    const Step& den = s.substeps[1];
    std::vector<GuideStep> out;
    std::string found;
    factor_steps(s, 2, out, found);
    out.front().intro = tr(lang_, "guide.quotient_intro", show(s.expression), show(num.expression),
                           show(den.expression));
    const ex right = num.derivative * den.expression - num.expression * den.derivative;
    const ex reversed = num.expression * den.derivative - num.derivative * den.expression;
    Question q = expression_question(tr(lang_, "guide.quotient_numerator"), right,
                                     tr(lang_, "guide.use_steps", found));
    q.missteps = {{input(reversed), Message{"guide.quotient_order", {}}}};
    out.push_back({"", "f′·g − f·g′", std::move(q)});
    out.push_back(
        whole(s, "(f′·g − f·g′)/g²",
              tr(lang_, "guide.quotient_whole_hint", show(GiNaC::pow(den.expression, 2)))));
    return out;
  }

  // Term by term: a term with a rule of its own gets its own walk, any other one step; then
  // their sum. A sum of one varying term is that term's walk.
  std::vector<GuideStep> sum(const Step& s) {
    std::vector<const Step*> terms;
    for (const auto& t : s.substeps) {
      if (t.rule != Rule::constant) terms.push_back(&t);
    }
    if (terms.size() == 1) return walk(*terms.front());
    std::vector<GuideStep> out;
    std::string found, formula;
    for (const Step* t : terms) {
      const std::string label = d_of(t->expression);
      std::vector<GuideStep> inner = walk(*t);
      if (inner.empty()) {
        out.push_back({"", label,
                       derivative_question(tr(lang_, "guide.term", label), *t,
                                           tr(lang_, "guide.term_hint", show(t->expression)))});
      } else {
        GuideStep& first = inner.front();
        first.intro = tr(lang_, "guide.term_intro", show(t->expression)) +
                      (first.intro.empty() ? "" : " " + first.intro);
        for (auto& step : inner) out.push_back(std::move(step));
      }
      found += (found.empty() ? "" : ", ") + label + " = " + show(t->derivative);
      formula += (formula.empty() ? "" : " + ") + label;
    }
    out.front().intro = tr(lang_, "guide.sum_intro", show(s.expression)) +
                        (out.front().intro.empty() ? "" : " " + out.front().intro);
    out.push_back(whole(s, formula, tr(lang_, "guide.use_steps", found)));
    return out;
  }

  // c·g: g's walk, then c times what it found. Without a walk for g there is nothing to
  // take apart.
  std::vector<GuideStep> constant_multiple(const Step& s) {
    const Step& g = s.substeps[0];
    std::vector<GuideStep> out = walk(g);
    if (out.empty()) return out;
    const ex c = s.parts[0];
    out.push_back(whole(s, show(c) + " · " + d_of(g.expression),
                        tr(lang_, "guide.constant_hint", show(c), show(g.derivative))));
    return out;
  }

  Lang lang_;
  bool ascii_;
  std::string var_;
  std::string op_;
};

Question number_question(std::string prompt, const ex& value, std::string hint, bool ascii) {
  Question q;
  q.kind = AnswerKind::number;
  q.prompt = std::move(prompt);
  q.number = evaluate(value, {}).value_or(0);
  q.key = value_text(value, ascii);
  q.hints = {std::move(hint)};
  return q;
}

}  // namespace

std::vector<GuideStep> guide(std::string_view function, std::string_view wrt, Lang lang,
                             bool ascii) {
  try {
    SymbolTable syms;
    Parsed p = parse(function, syms);
    std::string var(wrt);
    if (var.empty()) var = p.variables.size() == 1 ? p.variables.front() : "x";
    const Step s = differentiate(p.expr, syms.get(var));
    return Walker(s, lang, ascii).walk(s);
  } catch (const std::exception&) {
    // Not a function the engine differentiates: nothing to walk through.
    return {};
  }
}

namespace {

struct Stop {
  std::size_t node;
  bool gradient;
};

// G's walk, ending with the question STOP names when there is one.
std::vector<GuideStep> graph_walk(const Graph& g, Lang lang, bool ascii, std::optional<Stop> stop) {
  std::vector<GuideStep> out;
  bool forward_said = false, backward_said = false;
  for (GraphQuestion& gq : graph_practice(g, lang, ascii)) {
    const std::size_t k = gq.node;
    const GraphNode& n = g.nodes[k];
    std::string intro;
    if (!gq.backward && !forward_said) {
      intro = tr(lang, "guide.graph_forward");
      forward_said = true;
    }
    if (gq.backward && !backward_said) {
      intro = tr(lang, "guide.graph_backward");
      backward_said = true;
    }
    const std::string label =
        gq.backward ? derivative_name(g, g.output, k, ascii) : node_label(n, ascii);
    if (gq.backward && n.terms.size() > 1) {
      // A node that feeds several: each path's product first, then their sum.
      bool first = true;
      for (const GradientTerm& t : n.terms) {
        const std::string up = derivative_name(g, g.output, t.consumer, ascii);
        const std::string local = derivative_name(g, t.consumer, k, ascii);
        const std::string path = up + " · " + local;
        Question q = number_question(
            tr(lang, "guide.graph_path", node_label(g.nodes[t.consumer], ascii), path),
            t.upstream * t.local_value,
            tr(lang, "guide.graph_path_hint", up, value_text(t.upstream, ascii), local,
               value_text(t.local_value, ascii)),
            ascii);
        std::string said = first ? tr(lang, "guide.graph_paths", node_label(n, ascii)) : "";
        if (first && !intro.empty()) said = intro + " " + said;
        out.push_back({said, path, std::move(q)});
        first = false;
      }
      intro.clear();
      gq.question.hints.insert(gq.question.hints.begin(), tr(lang, "guide.graph_sum", label));
    }
    out.push_back({intro, label, std::move(gq.question)});
    if (stop && stop->node == k && stop->gradient == gq.backward) return out;
  }
  // A stop that was never reached asks for nothing this walk leads to.
  if (stop) out.clear();
  return out;
}

}  // namespace

std::vector<GuideStep> graph_guide(const Graph& g, Lang lang, bool ascii) {
  return graph_walk(g, lang, ascii, std::nullopt);
}

std::vector<GuideStep> graph_guide_to(const Graph& g, std::size_t node, bool gradient, Lang lang,
                                      bool ascii) {
  std::vector<GuideStep> out = graph_walk(g, lang, ascii, Stop{node, gradient});
  if (out.size() < 2) out.clear();
  return out;
}

std::string worked(const GuideStep& step, bool ascii) {
  return step.label + " = " + key_text(step.question, ascii);
}

}  // namespace tutor
