#include "labs/graph_render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "base/table.hpp"
#include "base/text.hpp"
#include "math/functions.hpp"
#include "math/print.hpp"

namespace tutor {

using GiNaC::ex;
using GiNaC::numeric;

namespace {

Style style_of(bool ascii) {
  return ascii ? Style::ascii : Style::text;
}

bool is_leaf(const GraphNode& n) {
  return n.kind == NodeKind::input || n.kind == NodeKind::constant;
}

bool has_minus(const GraphNode& n) {
  return std::any_of(n.inputs.begin(), n.inputs.end(),
                     [](const GraphInput& in) { return in.role < 0; });
}

bool product_divides(const GraphNode& n) {
  return std::any_of(n.inputs.begin(), n.inputs.end(),
                     [](const GraphInput& in) { return in.role < 0; });
}

// The operation without brackets; TEXT for the terminal, else ASCII.
std::string op_symbol(const GraphNode& n, bool ascii) {
  switch (n.kind) {
    case NodeKind::input:
    case NodeKind::constant:
      return "";
    case NodeKind::sum:
      return has_minus(n) ? (ascii ? "-" : "−") : "+";
    case NodeKind::product:
      if (product_divides(n)) return ascii ? "/" : "÷";
      return ascii ? "*" : "×";
    case NodeKind::negate:
      return ascii ? "-" : "−";
    case NodeKind::power:
      if (n.exponent.is_equal(GiNaC::numeric(1, 2))) return ascii ? "sqrt" : "√";
      if (ascii) return "^" + print(n.exponent, Style::input);
      return "·" + print(GiNaC::pow(GiNaC::realsymbol("x"), n.exponent), Style::text).substr(1);
    case NodeKind::exponent:
      return "^";
    case NodeKind::function: {
      const FunctionInfo* info = function_by_ginac_name(n.function);
      if (info == nullptr) return n.function;
      return std::string(ascii ? info->name : info->text);
    }
  }
  return "";
}

// A factor in "3 × (−1)": negative numbers and sums in brackets.
std::string factor_text(const ex& v, bool ascii) {
  std::string s = print(v, style_of(ascii));
  bool wrap = GiNaC::is_a<GiNaC::add>(v) || s.starts_with("-") || s.starts_with("−");
  return wrap ? "(" + s + ")" : s;
}

std::string times(bool ascii) {
  return ascii ? " * " : " × ";
}

// The graph's tables: two spaces in from the margin, two between columns, at most WIDTH
// columns wide.
TextTable table(std::size_t width) {
  return TextTable({.indent = "  ", .width = width});
}

// --- the drawing ----------------------------------------------------------------------------

struct Block {
  std::vector<std::string> lines;
  std::size_t anchor = 0;
  std::size_t width() const {
    std::size_t w = 0;
    for (const auto& l : lines) w = std::max(w, display_width(l));
    return w;
  }
};

class Drawer {
 public:
  Drawer(const Graph& g, bool ascii) : g_(g), ascii_(ascii) {}

  Block draw(std::size_t idx) {
    const GraphNode& n = g_.nodes[idx];
    if (is_leaf(n) || drawn_.contains(idx)) return Block{{node_label(n, ascii_)}, 0};
    drawn_.insert(idx);
    std::vector<Block> children;
    for (const auto& in : n.inputs) children.push_back(draw(in.node));
    std::size_t w = 0;
    for (const auto& c : children) w = std::max(w, c.width());
    Block out;
    std::vector<std::size_t> anchors;
    for (const auto& c : children) {
      for (std::size_t r = 0; r < c.lines.size(); ++r) {
        std::string line = c.lines[r];
        const std::size_t lw = display_width(line);
        if (r == c.anchor) {
          line += " ";
          for (std::size_t k = lw; k < w; ++k) line += h();
          line += h();
          anchors.push_back(out.lines.size());
        } else {
          line += std::string(w - lw + 2, ' ');
        }
        out.lines.push_back(line);
      }
    }
    const std::size_t first = anchors.front(), last = anchors.back();
    const std::size_t mid = (first + last) / 2;
    std::set<std::size_t> is_anchor(anchors.begin(), anchors.end());
    for (std::size_t r = 0; r < out.lines.size(); ++r) {
      std::string c;
      if (first == last) {
        c = r == first ? h() : " ";
      } else if (r == first) {
        c = r == mid ? pick("┬", "+") : pick("┐", "+");
      } else if (r == last) {
        c = r == mid ? pick("┴", "+") : pick("┘", "+");
      } else if (r > first && r < last) {
        if (is_anchor.contains(r)) {
          c = r == mid ? pick("┼", "+") : pick("┤", "+");
        } else {
          c = r == mid ? pick("├", "+") : pick("│", "|");
        }
      } else {
        c = " ";
      }
      out.lines[r] += c;
    }
    out.lines[mid] += h() + op_label(n, ascii_) + h() + h() + " " + node_label(n, ascii_);
    out.anchor = mid;
    for (auto& l : out.lines) {
      while (l.ends_with(' ')) l.pop_back();
    }
    return out;
  }

 private:
  std::string h() const { return ascii_ ? "-" : "─"; }
  std::string pick(const char* u, const char* a) const { return ascii_ ? a : u; }

  const Graph& g_;
  bool ascii_;
  std::set<std::size_t> drawn_;
};

// --- numbers in JSON ------------------------------------------------------------------------

nlohmann::ordered_json json_value(const ex& v) {
  if (GiNaC::is_a<numeric>(v)) {
    const numeric& n = GiNaC::ex_to<numeric>(v);
    if (n.is_integer() && abs(n) < numeric(std::numeric_limits<long long>::max() / 2)) {
      return static_cast<long long>(n.to_long());
    }
    if (n.is_real()) return n.to_double();
  }
  return print(v, Style::input);
}

std::string json_op(const GraphNode& n) {
  switch (n.kind) {
    case NodeKind::input:
      return "input";
    case NodeKind::constant:
      return "constant";
    case NodeKind::negate:
      return "neg";
    case NodeKind::power:
      if (n.exponent.is_equal(GiNaC::numeric(1, 2))) return "sqrt";
      return "^" + print(n.exponent, Style::input);
    default:
      return op_symbol(n, true);
  }
}

std::string mermaid_label(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"') {
      out += "#quot;";
    } else {
      out += c;
    }
  }
  return out;
}

std::string dot_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("{}|<>\"\\ ").find(c) != std::string_view::npos && c != ' ') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::string node_label(const GraphNode& n, bool ascii) {
  if (n.kind == NodeKind::input || n.kind == NodeKind::constant) {
    return print(n.expr, style_of(ascii));
  }
  return n.name;
}

std::string op_label(const GraphNode& n, bool ascii) {
  return "(" + op_symbol(n, ascii) + ")";
}

std::string derivative_name(const Graph& g, std::size_t of, std::size_t wrt, bool ascii) {
  return "d" + node_label(g.nodes[of], ascii) + "/d" + node_label(g.nodes[wrt], ascii);
}

std::string value_text(const ex& v, bool ascii) {
  return print(v, style_of(ascii));
}

std::string chain_rule_line(const Graph& g, std::size_t node, bool ascii) {
  const GraphNode& n = g.nodes[node];
  const std::string lhs = derivative_name(g, g.output, node, ascii);
  const std::string value = value_text(n.gradient, ascii);
  if (node == g.output) return lhs + " = 1";
  std::string names, numbers;
  for (const auto& t : n.terms) {
    if (!names.empty()) {
      names += " + ";
      numbers += " + ";
    }
    if (t.consumer == g.output) {
      // dy/dd where y consumes d: the local derivative itself (y = c·d, so dy/dd = c).
      if (n.terms.size() == 1) {
        names += value_text(t.local, ascii);
        numbers += value_text(t.local_value, ascii);
      } else {
        names += derivative_name(g, g.output, g.output, ascii) + times(ascii) +
                 factor_text(t.local, ascii);
        numbers += "1" + times(ascii) + factor_text(t.local_value, ascii);
      }
    } else {
      names += derivative_name(g, g.output, t.consumer, ascii) + times(ascii) +
               derivative_name(g, t.consumer, node, ascii);
      numbers += factor_text(t.upstream, ascii) + times(ascii) + factor_text(t.local_value, ascii);
    }
  }
  std::string line = lhs + " = " + names;
  if (numbers != names) line += " = " + numbers;
  if (value != numbers) line += " = " + value;
  return line;
}

std::optional<std::string> draw_graph(const Graph& g, bool ascii, const DrawLimits& limits) {
  if (g.nodes.size() > limits.max_nodes) return std::nullopt;
  Block b = Drawer(g, ascii).draw(g.output);
  if (b.width() > limits.max_width) return std::nullopt;
  std::string out;
  for (const auto& l : b.lines) out += "  " + l + "\n";
  return out;
}

std::string forward_table(const Graph& g, Lang lang, bool ascii, std::size_t width) {
  TextTable t = table(width);
  t.add_row({tr(lang, "graph.col_node"), tr(lang, "graph.col_op"), tr(lang, "graph.col_inputs"),
             tr(lang, "graph.col_value")});
  for (const auto& n : g.nodes) {
    std::string op, inputs, value;
    if (n.kind == NodeKind::input) {
      op = tr(lang, "graph.kind_input");
      value = g.has_point ? value_text(n.value, ascii) : node_label(n, ascii);
    } else if (n.kind == NodeKind::constant) {
      op = tr(lang, "graph.kind_constant");
      value = value_text(n.value, ascii);
    } else {
      op = op_symbol(n, ascii);
      for (const auto& in : n.inputs) {
        if (!inputs.empty()) inputs += ", ";
        inputs += node_label(g.nodes[in.node], ascii);
      }
      value = value_text(n.formula, ascii);
      if (const std::string v = value_text(n.value, ascii); v != value) value += " = " + v;
    }
    if (inputs.empty()) inputs = ascii ? "-" : "—";
    t.add_row({node_label(n, ascii), op, inputs, value});
  }
  return t.str();
}

std::string backward_table(const Graph& g, Lang lang, bool ascii, std::size_t width) {
  TextTable t = table(width);
  t.add_row({tr(lang, "graph.col_node"), tr(lang, "graph.col_local"),
             tr(lang, "graph.col_upstream"), tr(lang, "graph.col_gradient")});
  const std::string dash = ascii ? "-" : "—";
  for (std::size_t k = g.nodes.size(); k-- > 0;) {
    const GraphNode& n = g.nodes[k];
    if (n.kind == NodeKind::constant) continue;
    std::string locals, upstream;
    for (const auto& term : n.terms) {
      if (!locals.empty()) {
        locals += "; ";
        upstream += "; ";
      }
      const std::string local = value_text(term.local, ascii);
      const std::string local_value = value_text(term.local_value, ascii);
      locals += derivative_name(g, term.consumer, k, ascii) + " = " + local;
      if (g.has_point && local_value != local) locals += " = " + local_value;
      upstream += derivative_name(g, g.output, term.consumer, ascii) + " = " +
                  value_text(term.upstream, ascii);
    }
    if (locals.empty()) locals = dash;
    if (upstream.empty()) upstream = dash;
    t.add_row({node_label(n, ascii), locals, upstream, chain_rule_line(g, k, ascii)});
  }
  return t.str();
}

std::string gradient_check(const Graph& g, Lang lang, bool ascii, std::size_t width) {
  if (g.variables.empty()) return "  " + tr(lang, "graph.no_inputs") + "\n";
  TextTable t = table(width);
  bool all = true;
  for (std::size_t v : g.variables) {
    const bool ok = gradient_agrees(g, v);
    all = all && ok;
    const ex symbolic = g.expr.diff(GiNaC::ex_to<GiNaC::symbol>(g.nodes[v].symbol));
    const std::string ours = derivative_name(g, g.output, v, ascii) + " = " +
                             value_text(gradient_in_variables(g, v), ascii);
    const std::string ref = value_text(reference_gradient(g, v), ascii);
    std::string diff_text = value_text(symbolic, ascii);
    if (g.has_point && diff_text != ref) diff_text += " = " + ref;
    // Under ASCII the message's arrow prints as "->": measured as it will print.
    const std::string says =
        tr(lang, "graph.diff_says", "d/d" + node_label(g.nodes[v], ascii), diff_text);
    t.add_row({ours, ascii ? ascii_math(says) : says,
               (ok ? (ascii ? "OK " : "✓ ") + tr(lang, "graph.ok")
                   : (ascii ? "X " : "✗ ") + tr(lang, "graph.not_ok"))});
  }
  const std::string verdict = "  " + tr(lang, all ? "graph.agree" : "graph.disagree") + "\n";
  return t.str() + (width > 0 ? wrap_lines(ascii ? ascii_math(verdict) : verdict, width) : verdict);
}

std::string graph_mermaid(const Graph& g, bool ascii) {
  std::vector<std::string> id(g.nodes.size()), op_id(g.nodes.size());
  std::map<std::string, int> counts;
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const GraphNode& n = g.nodes[i];
    if (n.kind == NodeKind::constant) {
      id[i] = "k" + std::to_string(i);
    } else if (n.name.size() == 1) {
      id[i] = n.name;
    } else {
      id[i] = "v_" + n.name;
    }
    if (!is_leaf(n)) {
      static const std::map<NodeKind, std::string> kWord = {
          {NodeKind::sum, "add"},   {NodeKind::product, "mul"},  {NodeKind::negate, "neg"},
          {NodeKind::power, "pow"}, {NodeKind::exponent, "pow"}, {NodeKind::function, "fn"}};
      std::string word = kWord.at(n.kind);
      if (n.kind == NodeKind::sum && has_minus(n)) word = "sub";
      if (n.kind == NodeKind::product && product_divides(n)) word = "div";
      if (n.kind == NodeKind::function) word = n.function;
      const int c = ++counts[word];
      op_id[i] = "op_" + word + (c > 1 ? std::to_string(c) : "");
    }
  }
  std::string out = "graph LR\n";
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const GraphNode& n = g.nodes[i];
    std::string label = node_label(n, ascii);
    if (g.has_point) {
      label += " = " + value_text(n.value, ascii);
      if (n.kind != NodeKind::constant) label += "<br/>grad " + value_text(n.gradient, ascii);
    }
    out += "    " + id[i] + "[\"" + mermaid_label(label) + "\"]\n";
    if (!is_leaf(n)) out += "    " + op_id[i] + "[\"" + mermaid_label(op_label(n, ascii)) + "\"]\n";
  }
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const GraphNode& n = g.nodes[i];
    if (is_leaf(n)) continue;
    for (const auto& in : n.inputs) out += "    " + id[in.node] + " --> " + op_id[i] + "\n";
    out += "    " + op_id[i] + " --> " + id[i] + "\n";
  }
  return out;
}

std::string graph_dot(const Graph& g) {
  std::string out = "digraph graph_of_expression {\n  rankdir=LR;\n";
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const GraphNode& n = g.nodes[i];
    std::string label = "{ " + dot_escape(node_label(n, true));
    label += " | data " + dot_escape(value_text(n.value, true));
    label += " | grad " + dot_escape(value_text(n.gradient, true)) + " }";
    out += fmt::format("  n{} [shape=record, label=\"{}\"];\n", i, label);
    if (!is_leaf(n)) {
      out += fmt::format("  n{}op [label=\"{}\"];\n", i, dot_escape(op_symbol(n, false)));
      out += fmt::format("  n{}op -> n{};\n", i, i);
    }
  }
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    for (const auto& in : g.nodes[i].inputs) out += fmt::format("  n{} -> n{}op;\n", in.node, i);
  }
  out += "}\n";
  return out;
}

nlohmann::ordered_json graph_json(const Graph& g) {
  nlohmann::ordered_json j;
  j["expression"] = print(g.expr, Style::input);
  j["output"] = g.out().name;
  j["value"] = json_value(g.out().value);
  if (g.has_point) {
    nlohmann::ordered_json at = nlohmann::ordered_json::object();
    for (const auto& [name, v] : g.point) at[name] = json_value(v);
    j["at"] = at;
  }
  nlohmann::ordered_json nodes = nlohmann::ordered_json::array();
  for (const auto& n : g.nodes) {
    nlohmann::ordered_json node;
    node["name"] = n.name;
    node["op"] = json_op(n);
    nlohmann::ordered_json inputs = nlohmann::ordered_json::array();
    nlohmann::ordered_json locals = nlohmann::ordered_json::array();
    for (const auto& in : n.inputs) {
      inputs.push_back(g.nodes[in.node].name);
      nlohmann::ordered_json l;
      l["input"] = g.nodes[in.node].name;
      l["derivative"] = print(in.local, Style::input);
      if (g.has_point) l["value"] = json_value(in.local_value);
      locals.push_back(l);
    }
    node["inputs"] = inputs;
    node["value"] = json_value(n.value);
    node["gradient"] = json_value(n.gradient);
    node["formula"] = print(n.formula, Style::input);
    node["expression"] = print(n.expr, Style::input);
    node["local"] = locals;
    nodes.push_back(node);
  }
  j["nodes"] = nodes;
  nlohmann::ordered_json grads = nlohmann::ordered_json::object();
  for (std::size_t v : g.variables)
    grads[g.nodes[v].name] = json_value(gradient_in_variables(g, v));
  j["gradients"] = grads;
  return j;
}

}  // namespace tutor
