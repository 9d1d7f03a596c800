#include "calculus/explain.hpp"

#include <functional>

namespace tutor {

using GiNaC::ex;

namespace {

class Explainer {
 public:
  explicit Explainer(const ExplainOptions& o) : o_(o) {}

  std::string run(const Step& root) {
    line(0, d_of(root));
    if (o_.brief) {
      brief(root);
      line(1, d_of(root) + " = " + p(root.derivative));
    } else {
      step(root, 1);
    }
    if (root.remark == Remark::independent) {
      line(1, tr(o_.lang, "diff.note_independent", p(root.expression), p(root.wrt)));
    }
    return out_;
  }

 private:
  std::string p(const ex& e) const { return print(e, o_.style); }
  std::string rule(Rule r) const { return tr(o_.lang, "rule." + std::string(rule_id(r))); }
  bool ascii() const { return o_.style != Style::text; }

  // "d/dx sin(x²)", with parentheses around a sum: "d/dx (x² + 1)".
  std::string d_of(const Step& s) const {
    std::string v = p(s.wrt);
    std::string op = o_.partial && !ascii() ? "∂/∂" + v : "d/d" + v;
    std::string e = p(s.expression);
    if (GiNaC::is_exactly_a<GiNaC::add>(s.expression)) e = "(" + e + ")";
    return op + " " + e;
  }

  // A factor in a product shown side by side: sums and negatives in parentheses.
  std::string factor(const ex& e) const {
    std::string s = p(e);
    if (GiNaC::is_exactly_a<GiNaC::add>(e) || s.starts_with("-")) return "(" + s + ")";
    return s;
  }

  std::string times() const { return ascii() ? " * " : " · "; }

  void line(int depth, const std::string& text) {
    out_ += std::string(static_cast<std::size_t>(depth) * 2, ' ') + text + "\n";
  }

  // "= raw = simplified", or "= simplified" when the two read the same.
  std::string result(const std::string& raw, const ex& simplified) const {
    std::string s = p(simplified);
    return raw == s ? " = " + s : " = " + raw + " = " + s;
  }

  // For sums: when simplifying only reorders the terms, the raw order is kept and shown once.
  std::string sum_result(const std::vector<ex>& terms, const ex& simplified) const {
    ex total = 0;
    std::size_t nonzero = 0;
    for (const ex& t : terms) {
      total += t;
      if (!t.is_zero()) ++nonzero;
    }
    std::size_t shown = GiNaC::is_exactly_a<GiNaC::add>(simplified) ? simplified.nops() : 1;
    if (total.is_equal(simplified) && nonzero == terms.size() && nonzero == shown) {
      return " = " + joined_sum(terms);
    }
    return result(joined_sum(terms), simplified);
  }

  std::string joined_sum(const std::vector<ex>& terms) const {
    std::string out;
    for (std::size_t i = 0; i < terms.size(); ++i) {
      std::string t = p(terms[i]);
      if (i == 0) {
        out = t;
      } else if (t.starts_with("-")) {
        out += " - " + t.substr(1);
      } else {
        out += " + " + t;
      }
    }
    return out.empty() ? "0" : out;
  }

  std::string joined_product(const std::vector<ex>& factors) const {
    std::string out;
    for (std::size_t i = 0; i < factors.size(); ++i) {
      if (i) out += times();
      out += factor(factors[i]);
    }
    return out;
  }

  static bool is_leaf(const Step& s) { return s.substeps.empty(); }

  void remark(const Step& s, int depth) {
    if (s.remark != Remark::not_differentiable_at_zero) return;
    line(depth, tr(o_.lang, "diff.note_kink", p(s.expression), p(s.remark_at)));
  }

  void step(const Step& s, int depth) {
    switch (s.rule) {
      case Rule::chain:
        return chain(s, depth);
      case Rule::sum:
        return sum(s, depth);
      case Rule::constant_multiple:
        return constant_multiple(s, depth);
      case Rule::product:
        return product(s, depth);
      case Rule::quotient:
        return quotient(s, depth);
      case Rule::logarithmic_differentiation:
        return log_diff(s, depth);
      default:
        line(depth, d_of(s) + " = " + p(s.derivative) + "   (" + rule(s.rule) + ")");
        remark(s, depth + 1);
    }
  }

  void sum(const Step& s, int depth) {
    line(depth, tr(o_.lang, "diff.sum_intro", rule(s.rule)));
    for (const auto& sub : s.substeps) step(sub, depth + 1);
    line(depth, d_of(s) + sum_result(s.parts, s.derivative));
  }

  void constant_multiple(const Step& s, int depth) {
    const Step& sub = s.substeps.front();
    std::string raw = factor(s.parts[0]) + times() + factor(s.parts[1]);
    if (is_leaf(sub)) {
      // 3x² in one line: the constant, the one rule under it, and the product.
      line(depth, d_of(s) + result(raw, s.derivative) + "   (" + rule(s.rule) + ", " +
                      rule(sub.rule) + ")");
      remark(sub, depth + 1);
      return;
    }
    line(depth, tr(o_.lang, "diff.constant_multiple_intro", rule(s.rule), p(s.parts[0]),
                   p(sub.expression)));
    step(sub, depth + 1);
    line(depth, d_of(s) + result(factor(s.parts[0]) + times() + factor(s.parts[1]), s.derivative));
  }

  std::string factor_names(const std::vector<const Step*>& subs, bool numbered) const {
    static const char* kSub[] = {"₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
    std::string out;
    for (std::size_t i = 0; i < subs.size(); ++i) {
      if (i) out += ", ";
      std::string name;
      if (!numbered) {
        name = i == 0 ? "f" : "g";
      } else if (!ascii() && i < 9) {
        name = std::string("f") + kSub[i];
      } else {
        name = "f" + std::to_string(i + 1);
      }
      out += name + " = " + p(subs[i]->expression);
    }
    return out;
  }

  void product(const Step& s, int depth) {
    std::vector<const Step*> subs;
    for (const auto& sub : s.substeps) subs.push_back(&sub);
    bool two = subs.size() == 2;
    if (two) {
      std::string formula = ascii() ? "(f*g)' = f'*g + f*g'" : "(f·g)' = f'·g + f·g'";
      line(depth,
           tr(o_.lang, "diff.product_intro", rule(s.rule), formula, factor_names(subs, false)));
    } else {
      line(depth, tr(o_.lang, "diff.product_intro_n", rule(s.rule), factor_names(subs, true)));
    }
    for (const auto* sub : subs) step(*sub, depth + 1);
    line(depth, d_of(s) + sum_result(s.parts, s.derivative));
  }

  void quotient(const Step& s, int depth) {
    const Step& dn = s.substeps[0];
    const Step& dd = s.substeps[1];
    std::string formula = ascii() ? "(f/g)' = (f'*g - f*g')/g^2" : "(f/g)' = (f'·g - f·g')/g²";
    line(depth, tr(o_.lang, "diff.quotient_intro", rule(s.rule), formula,
                   "f = " + p(dn.expression) + ", g = " + p(dd.expression)));
    step(dn, depth + 1);
    step(dd, depth + 1);
    // (f'·g − f·g')/g²
    std::string raw = "(" + joined_product({s.parts[0], s.parts[1]}) + " - " +
                      joined_product({s.parts[2], s.parts[3]}) + ")/" + factor(s.parts[1]) +
                      (ascii() ? "^2" : "²");
    line(depth, d_of(s) + result(raw, s.derivative));
  }

  void log_diff(const Step& s, int depth) {
    const Step& sub = s.substeps.front();
    line(depth,
         tr(o_.lang, "diff.log_intro", rule(s.rule), p(s.expression), p(sub.expression), p(s.wrt)));
    step(sub, depth + 1);
    line(depth, d_of(s) + result(joined_product(s.parts), s.derivative));
  }

  // "dv/dx" for the link that differentiates NUM with respect to DEN.
  std::string link_ratio(const std::string& num, const std::string& den, bool last) const {
    std::string d = o_.partial && last && !ascii() ? "∂" : "d";
    return d + num + "/" + d + den;
  }

  void chain(const Step& s, int depth) {
    // "f(u) = sin(u), u = v², v = 3x + 1"
    std::string defs;
    for (std::size_t i = 0; i < s.links.size(); ++i) {
      const Link& l = s.links[i];
      if (i) defs += ", ";
      if (i == 0) {
        defs += "f(" + p(l.variable) + ") = " + p(l.outer);
      } else {
        defs += p(s.links[i - 1].variable) + " = " + p(l.outer);
      }
    }
    line(depth, tr(o_.lang, "diff.chain_intro", rule(s.rule), p(s.expression),
                   p(s.links.front().variable), defs));
    links(s, depth + 1, !o_.brief);
    line(depth, d_of(s) + result(joined_product(s.parts), s.derivative));
    remark(s, depth + 1);
  }

  void links(const Step& s, int depth, bool with_substeps) {
    for (std::size_t i = 0; i < s.links.size(); ++i) {
      const Link& l = s.links[i];
      const Step& local = s.substeps[i];
      bool last = i + 1 == s.links.size();
      std::string num = i == 0 ? "f" : p(s.links[i - 1].variable);
      std::string text = link_ratio(num, p(l.variable), last) + " = " + p(l.local);
      std::string back = p(l.factor);
      if (back != p(l.local)) text += " = " + back;
      text += "   (" + rule(local.rule) + ")";
      line(depth, text);
      if (with_substeps && !is_leaf(local)) {
        // The innermost function gets its own derivation, one level further in.
        step(local, depth + 1);
      } else {
        remark(local, depth + 1);
      }
    }
  }

  // --brief: every chain in the tree, links only.
  void brief(const Step& s) {
    if (s.rule == Rule::chain) {
      std::string defs;
      links(s, 1, false);
    }
    for (const auto& sub : s.substeps) brief(sub);
  }

  const ExplainOptions& o_;
  std::string out_;
};

}  // namespace

std::string explain_text(const Step& root, const ExplainOptions& options) {
  return Explainer(options).run(root);
}

nlohmann::ordered_json step_json(const Step& s) {
  nlohmann::ordered_json j;
  j["rule"] = rule_id(s.rule);
  j["expression"] = print(s.expression, Style::input);
  j["wrt"] = print(s.wrt, Style::input);
  j["derivative"] = print(s.derivative, Style::input);
  j["substeps"] = nlohmann::ordered_json::array();
  for (const auto& sub : s.substeps) j["substeps"].push_back(step_json(sub));
  if (s.rule == Rule::chain) {
    j["links"] = nlohmann::ordered_json::array();
    for (const auto& l : s.links) {
      j["links"].push_back({{"outer", print(l.outer, Style::input)},
                            {"variable", print(l.variable, Style::input)},
                            {"inner", print(l.inner, Style::input)},
                            {"factor", print(l.factor, Style::input)}});
    }
  }
  if (s.remark == Remark::not_differentiable_at_zero) {
    j["not_differentiable_where_zero"] = print(s.remark_at, Style::input);
  }
  return j;
}

std::string explain_latex(const Step& root, bool partial) {
  auto L = [](const ex& e) { return print(e, Style::latex); };
  std::string v = L(root.wrt);
  std::string d = partial ? "\\partial" : "d";
  std::string out = "\\begin{align*}\n";
  std::function<void(const Step&)> chains = [&](const Step& s) {
    if (s.rule == Rule::chain) {
      for (std::size_t i = 0; i < s.links.size(); ++i) {
        const Link& l = s.links[i];
        std::string num = i == 0 ? "f" : L(s.links[i - 1].variable);
        bool last = i + 1 == s.links.size();
        std::string dd = last ? d : "d";
        out.append("\\frac{").append(dd).append(" ").append(num).append("}{").append(dd);
        out.append(" ").append(L(l.variable)).append("} &= ").append(L(l.local));
        if (L(l.local) != L(l.factor)) out += " = " + L(l.factor);
        out += " \\\\\n";
      }
    }
    for (const auto& sub : s.substeps) chains(sub);
  };
  chains(root);
  out += "\\frac{" + d + "}{" + d + " " + v + "}\\left(" + L(root.expression) + "\\right) &= ";
  if (root.rule == Rule::chain) {
    std::string raw;
    for (std::size_t i = 0; i < root.parts.size(); ++i) {
      if (i) raw += " \\cdot ";
      bool wrap = GiNaC::is_exactly_a<GiNaC::add>(root.parts[i]);
      raw += wrap ? "\\left(" + L(root.parts[i]) + "\\right)" : L(root.parts[i]);
    }
    if (raw != L(root.derivative)) out += raw + " \\\\\n&= ";
  }
  out += L(root.derivative) + "\n\\end{align*}";
  return out;
}

}  // namespace tutor
