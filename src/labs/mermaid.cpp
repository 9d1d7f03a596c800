#include "labs/mermaid.hpp"

#include <map>
#include <optional>
#include <utility>

#include "base/text.hpp"
#include "labs/graph.hpp"
#include "labs/graph_render.hpp"
#include "math/symbols.hpp"
#include "math/syntax.hpp"

namespace tutor {

namespace {

// The tutor's drawing of the expression on a `%% tutor: EXPR` line, if there is one that
// parses and fits.
std::optional<std::vector<std::string>> drawing(const std::vector<std::string>& lines, bool ascii) {
  for (const auto& l : lines) {
    const std::string t = trim(l);
    if (!t.starts_with("%% tutor:")) continue;
    try {
      SymbolTable syms;
      Parsed p = parse(trim(t.substr(9)), syms);
      if (auto d = draw_graph(build_graph(p.expr), ascii)) {
        std::vector<std::string> out;
        for (const auto& line : split_lines(*d)) out.push_back(sanitize(line, ascii));
        return out;
      }
    } catch (const std::exception&) {
      // Not an expression the tutor reads: the edges will do.
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> mermaid_text(std::string_view body, bool ascii) {
  const std::vector<std::string> lines = split_lines(body);
  if (auto d = drawing(lines, ascii)) return *d;
  // Nodes are `id`, `id[label]`, `id(label)` or `id["label"]`; a node keeps the label it was
  // last given.
  std::map<std::string, std::string> labels;
  auto node = [&labels](std::string text) {
    text = trim(text);
    const auto open = text.find_first_of("[(");
    std::string id = trim(text.substr(0, open));
    if (open != std::string::npos) {
      std::string label = text.substr(open + 1);
      while (!label.empty() && (label.back() == ']' || label.back() == ')')) label.pop_back();
      if (label.size() >= 2 && label.front() == '"' && label.back() == '"') {
        label = label.substr(1, label.size() - 2);
      }
      labels[id] = label;
    }
    return id;
  };
  std::vector<std::pair<std::string, std::string>> edges;
  for (const auto& l : lines) {
    const std::string t = trim(l);
    const auto arrow = t.find("-->");
    if (arrow == std::string::npos || t.starts_with("%%")) continue;
    edges.emplace_back(node(t.substr(0, arrow)), node(t.substr(arrow + 3)));
  }
  auto label = [&](const std::string& id) {
    auto it = labels.find(id);
    return sanitize(it == labels.end() ? id : it->second, ascii);
  };
  std::vector<std::string> out;
  out.reserve(edges.size());
  for (const auto& [from, to] : edges) {
    out.push_back(label(from) + (ascii ? " ---> " : " ──▶ ") + label(to));
  }
  return out;
}

}  // namespace tutor
