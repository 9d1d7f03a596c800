// `tutor diff EXPR`: the derivative, step by step, with every chain-rule factor.
#include <algorithm>
#include <ostream>

#include "base/errors.hpp"
#include "base/text.hpp"
#include "calculus/explain.hpp"
#include "calculus/named_chain.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "math/equivalence.hpp"
#include "math/point.hpp"
#include "math/print.hpp"
#include "math/steps.hpp"
#include "math/syntax.hpp"

namespace tutor::cli {

namespace {

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_word(char c) {
  return is_letter(c) || (c >= '0' && c <= '9');
}

// The order written after a d: "2", "²" or "^2" in d2/dx2, d²/dx², d^2/dx^2; 1 for none.
// I moves past it. Returns 0 when what is there is no order.
int order_at(const std::string& text, std::size_t& i) {
  if (i < text.size() && text[i] == '^') {
    std::size_t j = i + 1;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
    if (j == i + 1) return 0;
    const int n = std::stoi(text.substr(i + 1, std::min<std::size_t>(j - i - 1, 3)));
    i = j;
    return n;
  }
  std::string digits;
  while (i < text.size()) {
    if (text[i] >= '0' && text[i] <= '9') {
      digits += text[i++];
      continue;
    }
    std::size_t len = 1;
    const long cp = decode_utf8(text, i, len);
    const int d = superscript_digit(cp);
    if (d < 0) break;
    digits += static_cast<char>('0' + d);
    i += len;
  }
  if (digits.empty()) return 1;
  return std::stoi(digits.substr(0, 3));
}

struct Prefix {
  std::string variable;
  int order = 1;
  std::string rest;
};

// "d/dx sin(x)" → {"x", 1, "sin(x)"}; "d2/dx2 x^3", "d²/dx² x^3" and "d^2/dx^2 x^3" have order
// 2. The variable is a whole word when a space follows it, otherwise one letter, so
// "d/dx(x^2)" and "d/dxsin(x)" both mean d/dx. Throws tutor::Error when the two orders
// differ (d2/dx3).
std::optional<Prefix> split_prefix(const std::string& text) {
  std::size_t i = text.find_first_not_of(" \t");
  if (i == std::string::npos || text[i] != 'd') return std::nullopt;
  ++i;
  const int top = order_at(text, i);
  if (top == 0 || i >= text.size() || text.compare(i, 2, "/d") != 0) return std::nullopt;
  i += 2;
  std::string var;
  if (i < text.size() && is_letter(text[i])) {
    std::size_t j = i;
    while (j < text.size() && is_letter(text[j])) ++j;
    // Digits after the letters are the order (dx2) unless a space ends a name like w1.
    std::size_t k = j;
    while (k < text.size() && is_word(text[k])) ++k;
    const bool whole = k == text.size() || text[k] == ' ' || text[k] == '\t';
    if (top == 1 && whole) j = k;
    var = whole || top > 1 ? text.substr(i, j - i) : text.substr(i, 1);
    i += var.size();
  } else {
    for (const auto& g : greek_letters()) {
      if (text.compare(i, g.glyph.size(), g.glyph) == 0) {
        var = std::string(g.name);
        i += g.glyph.size();
        break;
      }
    }
  }
  if (var.empty()) return std::nullopt;
  const int bottom = order_at(text, i);
  if (bottom != top) {
    throw Error(Message{"diff.order_mismatch", {std::to_string(top), std::to_string(bottom)}},
                Span{0, i}, text);
  }
  return Prefix{var, top, text.substr(i)};
}

GiNaC::ex variable(const std::string& name, Context& ctx) {
  std::string canonical = name;
  if (const auto* g = greek_by_glyph(name)) canonical = std::string(g->name);
  if (!is_variable_name(canonical)) throw Error(Message{"diff.bad_variable", {sanitize(name)}});
  return ctx.syms->get(canonical);
}

// The point of --at, every variable of EXPR given, each value as typed (x=pi/2 is π/2);
// an error points at the --at text.
std::map<std::string, GiNaC::ex> point_of(const std::string& at, const GiNaC::ex& expr) {
  try {
    return parse_point(at, variables_of(expr));
  } catch (const Error& e) {
    throw Error(e.message(), Span{0, at.size()}, at);
  }
}

// A derivative's value at a point: the substitution as it reads (2·1·cos(1²)), the exact
// value where there is one (2cos(1)), and a decimal (≈ 1.0806).
struct AtValue {
  std::string substituted;
  GiNaC::ex exact;
  std::optional<double> value;
};

AtValue value_at(const GiNaC::ex& f, const GiNaC::ex& d,
                 const std::map<std::string, GiNaC::ex>& point, SymbolTable& syms, Style style) {
  // Each variable becomes a symbol named after its value, so that the printer shows the
  // substitution instead of GiNaC evaluating it away.
  GiNaC::exmap shown;
  GiNaC::exmap exact;
  for (const auto& [name, v] : point) {
    std::string text = print(v, style);
    bool bare = GiNaC::is_exactly_a<GiNaC::numeric>(v) &&
                GiNaC::ex_to<GiNaC::numeric>(v).is_integer() &&
                !GiNaC::ex_to<GiNaC::numeric>(v).is_negative();
    shown[syms.get(name)] = GiNaC::symbol(bare ? text : "(" + text + ")");
    exact[syms.get(name)] = v;
  }
  AtValue out;
  out.substituted = print(d.subs(shown), style);
  try {
    out.exact = d.subs(exact);
  } catch (const std::exception&) {
    out.exact = GiNaC::ex();  // a pole: no value
  }
  // Where f itself has no value, neither has f′, whatever the formula gives: ln'(−1).
  if (evaluate(f, exact)) out.value = evaluate(d, exact);
  return out;
}

// "= 2cos(1) ≈ 1.0806", "= 4", or "is undefined".
std::string value_text(const std::string& name, const AtValue& v, Style style, Lang lang) {
  if (!v.value) return tr(lang, "diff.at_undefined", name);
  std::string out = name + " = " + v.substituted;
  const std::string exact = print(v.exact, style);
  if (exact != v.substituted) out += " = " + exact;
  const bool rational = GiNaC::is_exactly_a<GiNaC::numeric>(v.exact) &&
                        GiNaC::ex_to<GiNaC::numeric>(v.exact).is_rational();
  if (!rational) out += (style == Style::text ? " ≈ " : " ~ ") + format_short(*v.value);
  return out;
}

// f′, f″, f‴, f⁽⁴⁾ …; f', f'', f''', f^(4) in ASCII.
std::string prime_name(int order, bool ascii, const std::string& f) {
  if (ascii) {
    return order <= 3 ? f + std::string(static_cast<std::size_t>(order), '\'')
                      : f + "^(" + std::to_string(order) + ")";
  }
  static const char* const kPrimes[] = {"", "′", "″", "‴"};
  if (order <= 3) return f + kPrimes[order];
  return f + "⁽" + superscript(std::to_string(order)) + "⁾";
}

// The letter that names the expression in f′(1) and ∂f/∂x: f, unless the learner has
// defined an f of their own (then f′(1) would read as theirs). For HELD a call g(x) of their
// own, g itself.
std::string expression_letter(const Definitions& defs, const GiNaC::ex& held) {
  if (auto c = as_call(held); c && c->order == 0 && GiNaC::is_a<GiNaC::symbol>(c->arg)) {
    return c->name;
  }
  for (const char* letter : {"f", "h", "F", "y"}) {
    if (defs.find(letter) == nullptr) return letter;
  }
  return "f";
}

// "d²/dx²", "d^2/dx^2".
std::string order_operator(int order, const std::string& v, bool ascii, bool partial) {
  if (ascii) {
    const std::string n = "^" + std::to_string(order);
    return "d" + n + "/d" + v + n;
  }
  const std::string d = partial ? "∂" : "d";
  return d + superscript(std::to_string(order)) + "/" + d + v + superscript(std::to_string(order));
}

// A factor of a product as it is written between others: a sum or a negative in parentheses.
std::string factor_text(const GiNaC::ex& e, Style style) {
  const std::string s = print(e, style);
  const bool wrap = GiNaC::is_exactly_a<GiNaC::add>(e) || s.starts_with("-") || s.starts_with("−");
  return wrap ? "(" + s + ")" : s;
}

// The chain in the learner's names:
//   d/dx f(g(x)) = f′(g(x))·g′(x)   (chain rule, in your names)
//     f′(x) = 2x, so f′(g(x)) = 2(3x + 1)
//     g′(x) = 3
//   d/dx f(g(x)) = 2(3x + 1)·3 = 6(3x + 1)
std::string named_text(const NamedChain& chain, const std::string& op, const Definitions& defs,
                       Style style, Lang lang) {
  const char* dot = style == Style::text ? "·" : "*";
  std::string out;
  for (const auto& o : chain.opened) {
    const auto c = as_call(o);
    const Definition& d = *defs.find(c->name);
    out += print(o, style) + " = " + print(d.body.subs(GiNaC::exmap{{d.parameter, c->arg}}), style);
    if (o.is_equal(chain.opened.back())) out += " = " + print(defs.expand(o), style);
    out += "\n";
  }
  std::string names;
  std::string values;
  std::string lines;
  for (const auto& f : chain.factors) {
    if (!names.empty()) {
      names += dot;
      values += dot;
    }
    values += factor_text(f.value, style);
    if (!f.is_call) {
      const std::string d = op + " " + factor_text(f.named, style);
      names += d;
      lines += "  " + d + " = " + print(f.value, style) + "\n";
      continue;
    }
    names += print(f.named, style);
    const auto c = as_call(f.named);
    const std::string rule =
        print(defs.call(c->name, c->order, f.parameter), style) + " = " + print(f.rule, style);
    if (c->arg.is_equal(f.parameter)) {
      lines += "  " + rule + "\n";
    } else {
      lines +=
          "  " +
          tr(lang, "diff.named_so", rule, print(f.named, style) + " = " + print(f.value, style)) +
          "\n";
    }
  }
  const std::string head = op + " " + print(chain.written, style);
  out += tr(lang, "diff.named_chain", head + " = " + names) + "\n" + lines;
  out += "  " + head + " = ";
  if (chain.factors.size() > 1) out += values + " = ";
  out += print(chain.result, style) + "\n";
  return out;
}

int run_diff(const Invocation& inv, Context& ctx) {
  std::string text = inv.expression;
  std::vector<std::string> wrts = inv.all("--wrt");
  int order = 1;
  if (auto value = inv.value("--order")) order = parse_order(*value);
  if (auto split = split_prefix(text)) {
    wrts.insert(wrts.begin(), split->variable);
    text = split->rest;
    if (split->order != 1) order = checked_order(split->order, inv.expression);
  }
  Parsed p = parse(text, *ctx.syms);
  std::vector<GiNaC::ex> vars;
  vars.reserve(std::max(wrts.size(), p.variables.size()) + 1);
  for (const auto& w : wrts) vars.push_back(variable(w, ctx));
  if (vars.empty()) {
    for (const auto& v : p.variables) vars.push_back(ctx.syms->get(v));
  }
  if (vars.empty()) vars.push_back(ctx.syms->get("x"));
  const bool partial = p.variables.size() > 1;
  const Definitions& defs = ctx.syms->definitions();
  // The chain in the learner's names, for each variable's first derivative.
  std::vector<std::optional<NamedChain>> named;
  named.reserve(vars.size());
  for (const auto& v : vars) named.push_back(named_chain(p.held, v, defs));

  // Every order of every variable, order by order: steps[i] is order orders[i].
  std::vector<Step> steps;
  std::vector<int> orders;
  std::vector<std::size_t> var_of;
  for (std::size_t n = 0; n < vars.size(); ++n) {
    int k = 0;
    for (Step& s : differentiate_orders(p.expr, vars[n], order)) {
      steps.push_back(std::move(s));
      orders.push_back(++k);
      var_of.push_back(n);
    }
  }
  ctx.last = steps.back().derivative;

  std::optional<std::map<std::string, GiNaC::ex>> point;
  std::vector<AtValue> at;
  if (auto where = inv.value("--at")) {
    point = point_of(*where, p.expr);
    for (const auto& s : steps)
      at.push_back(value_at(p.expr, s.derivative, *point, *ctx.syms, math_style(ctx)));
  }

  std::ostream& out = *ctx.out;
  const std::string format = format_of(inv);
  if (format == "json") {
    nlohmann::ordered_json j;
    j["input"] = inv.expression;
    j["expression"] = print(p.expr, Style::input);
    if (has_calls(p.held)) j["written"] = print(p.held, Style::input);
    j["variables"] = p.variables;
    j["derivatives"] = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const Step& s = steps[i];
      nlohmann::ordered_json d = {
          {"wrt", print(s.wrt, Style::input)},           {"order", orders[i]},
          {"result", print(s.derivative, Style::input)}, {"text", print(s.derivative, Style::text)},
          {"latex", print(s.derivative, Style::latex)},  {"steps", step_json(s)}};
      if (const auto& chain = named[var_of[i]]; chain && orders[i] == 1) {
        nlohmann::ordered_json factors = nlohmann::ordered_json::array();
        for (const auto& f : chain->factors) {
          factors.push_back({{"name", print(f.named, Style::input)},
                             {"call", f.is_call},
                             {"rule", f.is_call ? print(f.rule, Style::input) : ""},
                             {"value", print(f.value, Style::input)}});
        }
        d["chain"] = {{"written", print(chain->written, Style::input)}, {"factors", factors}};
      }
      if (point) {
        nlohmann::ordered_json where = nlohmann::ordered_json::object();
        for (const auto& [name, v] : *point) where[name] = *evaluate(v, {});
        d["at"] = where;
        d["value"] = at[i].value ? nlohmann::ordered_json(*at[i].value) : nlohmann::ordered_json();
        d["exact"] = at[i].value ? print(at[i].exact, Style::input) : "";
      }
      j["derivatives"].push_back(d);
    }
    out << json_text(j) << "\n";
    return 0;
  }
  const Style style = math_style(ctx);
  std::string coordinates;
  if (point) {
    for (const auto& [name, v] : *point) {
      coordinates += (coordinates.empty() ? "" : ", ") + print(v, style);
    }
  }
  const bool ascii = style != Style::text;
  const std::string letter = expression_letter(defs, p.held);
  const bool opened = !named.empty() && named[0] && !named[0]->opened.empty();
  if (format != "latex" && has_calls(p.held) && !opened) {
    out << print(p.held, style) << " = " << print(p.expr, style) << "\n";
  }
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::string v = print(steps[i].wrt, style);
    const bool last = orders[i] == order;
    if (format == "latex") {
      if (i) out << "\n";
      out << explain_latex(steps[i], partial) << "\n";
      continue;
    }
    std::string name = prime_name(orders[i], ascii, letter);
    if (partial && orders[i] == 1) {
      name = (ascii ? "d" + letter + "/d" : "∂" + letter + "/∂").append(v);
    } else if (partial) {
      name.append("_").append(v);
    }
    if (order > 1 && inv.has("--brief")) {
      // One line an order: f′ = …, f″ = ….
      if (orders[i] == 1 && i) out << "\n";
      out << name << " = " << print(steps[i].derivative, style) << "\n";
    } else {
      if (i) out << "\n";
      if (orders[i] > 1) {
        out << tr(ctx.lang, "diff.order_heading", order_operator(orders[i], v, ascii, partial),
                  print(p.expr, style), prime_name(orders[i] - 1, ascii, letter))
            << "\n";
      }
      if (const auto& chain = named[var_of[i]]; chain && orders[i] == 1) {
        const std::string op = partial ? (ascii ? "d/d" : "∂/∂") + v : "d/d" + v;
        out << wrapped(ctx, named_text(*chain, op, defs, style, ctx.lang));
      } else {
        ExplainOptions o{ctx.lang, style, inv.has("--brief"), partial};
        out << wrapped(ctx, explain_text(steps[i], o));
      }
    }
    if (!point || !last) continue;
    std::string called = name;
    called.append("(").append(coordinates).append(")");
    out << "  " << value_text(called, at[i], style, ctx.lang) << "\n";
  }
  if (format != "latex") {
    for (const auto& n : p.notes) {
      out << wrapped(ctx, tr(ctx.lang, "show.note", render(ctx.lang, n)) + "\n");
    }
  }
  // With several variables the partial derivatives at the point make the gradient.
  if (point && format != "latex" && order == 1 && steps.size() > 1 &&
      std::all_of(at.begin(), at.end(), [](const AtValue& a) { return a.value.has_value(); })) {
    std::string vector;
    for (const auto& a : at) vector += (vector.empty() ? "" : ", ") + format_short(*a.value);
    out << "\n" << tr(ctx.lang, "diff.gradient", coordinates, vector, letter) << "\n";
  }
  return 0;
}

}  // namespace

Command diff_command() {
  return Command{
      "diff",
      "cmd.diff",
      {
          {"--wrt", "V", "opt.diff.wrt", true},
          order_option(),
          {"--at", "V=N,...", "opt.diff.at"},
          {"--brief", "", "opt.diff.brief"},
          format_option({"text", "json", "latex"}),
      },
      true,
      run_diff,
  };
}

}  // namespace tutor::cli
