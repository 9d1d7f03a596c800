// Renderers of the computational graph: the drawing, the tables, Mermaid, DOT and JSON.
#include "labs/graph_render.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "base/text.hpp"
#include "math/point.hpp"
#include "math/syntax.hpp"

namespace tutor {
namespace {

Graph graph_of(const std::string& text, const std::string& at) {
  static SymbolTable syms;
  Parsed p = parse(text, syms);
  Graph g = build_graph(p.expr);
  if (!at.empty()) evaluate(g, parse_point(at, p.variables));
  return g;
}

std::size_t index_of(const Graph& g, const std::string& name) {
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    if (g.nodes[i].name == name) return i;
  }
  throw std::runtime_error("no node " + name);
}

// The course's line, worked by hand: dy/da = dy/dd × dd/da = c × 1 = 3 × 1 = 3.
TEST(GraphRender, ChainRuleLineOfTheCourse) {
  Graph g = graph_of("(a+b)*c", "a=1,b=2,c=3");
  EXPECT_EQ(chain_rule_line(g, index_of(g, "a"), false), "dy/da = dy/dd × dd/da = 3 × 1 = 3");
  EXPECT_EQ(chain_rule_line(g, index_of(g, "a"), true), "dy/da = dy/dd * dd/da = 3 * 1 = 3");
  EXPECT_EQ(chain_rule_line(g, index_of(g, "d"), false), "dy/dd = c = 3");
  EXPECT_EQ(chain_rule_line(g, index_of(g, "y"), false), "dy/dy = 1");
}

TEST(GraphRender, ChainRuleLineSymbolic) {
  Graph g = graph_of("(a+b)*c", "");
  EXPECT_EQ(chain_rule_line(g, index_of(g, "a"), false), "dy/da = dy/dd × dd/da = c × 1 = c");
}

// colah: b feeds c = a + b (upstream d = 2) and d = b + 1 (upstream c = 3), so its line is
// a sum in that order, as colah writes it: 1·2 + 1·3 = 5.
TEST(GraphRender, ChainRuleLineSumsConsumers) {
  Graph g = graph_of("(a+b)*(b+1)", "a=2,b=1");
  const std::string line = chain_rule_line(g, index_of(g, "b"), false);
  EXPECT_NE(line.find(" + "), std::string::npos) << line;
  EXPECT_TRUE(line.ends_with("= 2 × 1 + 3 × 1 = 5")) << line;
}

TEST(GraphRender, NegativeFactorsInBrackets) {
  Graph g = graph_of("(x+y)*z", "x=-2,y=5,z=-4");
  EXPECT_EQ(chain_rule_line(g, index_of(g, "x"), false), "df/dx = df/da × da/dx = (-4) × 1 = -4");
}

// The lesson's figure: a and b join at (+) into d, d and c at (×) into y.
TEST(GraphRender, DrawingOfTheCourseExample) {
  Graph g = graph_of("(a+b)*c", "a=1,b=2,c=3");
  const std::pair<bool, std::string> drawings[] = {{false,
                                                    "  a ─┬─(+)── d ─┐\n"
                                                    "  b ─┘          ├─(×)── y\n"
                                                    "  c ────────────┘\n"},
                                                   {true,
                                                    "  a -+-(+)-- d -+\n"
                                                    "  b -+          +-(*)-- y\n"
                                                    "  c ------------+\n"}};
  for (const auto& [ascii, drawing] : drawings) {
    EXPECT_EQ(draw_graph(g, ascii).value_or("(not drawn)"), drawing);
  }
}

TEST(GraphRender, TooLargeToDraw) {
  std::string text = "x";
  for (int i = 1; i <= 30; ++i) text += "+sin(" + std::to_string(i) + "x)";
  Graph g = graph_of(text, "");
  EXPECT_FALSE(draw_graph(g, false).has_value());
  EXPECT_TRUE(draw_graph(g, false, DrawLimits{1000, 1000}).has_value());
}

TEST(GraphRender, TablesNameEveryNodeInOrder) {
  Graph g = graph_of("(2x+1)^3", "x=1");
  const std::string fwd = forward_table(g, Lang::en, false);
  EXPECT_NE(fwd.find("b³ = 27"), std::string::npos) << fwd;
  const std::string bwd = backward_table(g, Lang::en, false);
  EXPECT_NE(bwd.find("dy/dx = dy/da × da/dx = 27 × 2 = 54"), std::string::npos) << bwd;
  // Reverse order: y before b before a before x.
  EXPECT_LT(bwd.find("\n  y "), bwd.find("\n  b "));
  EXPECT_LT(bwd.find("\n  b "), bwd.find("\n  a "));
  EXPECT_LT(bwd.find("\n  a "), bwd.find("\n  x "));
  const std::string check = gradient_check(g, Lang::en, false);
  EXPECT_NE(check.find("6(2x + 1)² = 54"), std::string::npos) << check;
  EXPECT_NE(check.find("All input gradients agree"), std::string::npos) << check;
  EXPECT_NE(gradient_check(g, Lang::ko, false).find("일치합니다"), std::string::npos);
}

// Mermaid as the course writes it: `graph LR`, every edge between declared nodes, ops "(+)".
TEST(GraphRender, MermaidStructure) {
  Graph g = graph_of("(a+b)*c", "a=1,b=2,c=3");
  const std::string m = graph_mermaid(g, false);
  std::istringstream in(m);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "graph LR");
  const std::regex decl(R"re(^    ([A-Za-z_][A-Za-z0-9_]*)\["([^"]*)"\]$)re");
  const std::regex edge(R"(^    ([A-Za-z_][A-Za-z0-9_]*) --> ([A-Za-z_][A-Za-z0-9_]*)$)");
  std::set<std::string> ids;
  std::map<std::string, std::string> labels;
  int edges = 0;
  while (std::getline(in, line)) {
    std::smatch mm;
    if (std::regex_match(line, mm, decl)) {
      EXPECT_TRUE(ids.insert(mm[1]).second) << "declared twice: " << line;
      labels[mm[1]] = mm[2];
    } else if (std::regex_match(line, mm, edge)) {
      EXPECT_TRUE(ids.contains(mm[1])) << line;
      EXPECT_TRUE(ids.contains(mm[2])) << line;
      ++edges;
    } else {
      ADD_FAILURE() << "not Mermaid: " << line;
    }
  }
  EXPECT_EQ(edges, 6);  // a, b → (+) → d; d, c → (×) → y
  EXPECT_EQ(labels["op_add"], "(+)");
  EXPECT_EQ(labels["op_mul"], "(×)");
  EXPECT_EQ(labels["y"], "y = 9<br/>grad 1");
  EXPECT_EQ(labels["a"], "a = 1<br/>grad 3");
}

// micrograd's record nodes, and proof that Graphviz renders the file when it is installed.
TEST(GraphRender, DotRendersWithGraphviz) {
  Graph g = graph_of("sigmoid(w*x + b) - x/y + (a+b)*(b+1)", "w=2,x=1,b=-1,y=3,a=1/2");
  const std::string dot = graph_dot(g);
  EXPECT_NE(dot.find("[shape=record, label=\"{ w | data 2 | grad "), std::string::npos) << dot;
  if (std::system("command -v dot >/dev/null 2>&1") != 0) GTEST_SKIP() << "graphviz not installed";
  const std::string base = ::testing::TempDir() + "tutor_graph_test";
  {
    std::ofstream f(base + ".dot");
    f << dot;
  }
  const std::string cmd = "dot -Tsvg '" + base + ".dot' -o '" + base + ".svg' 2>'" + base + ".err'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << dot;
  std::ifstream svg(base + ".svg");
  std::stringstream ss;
  ss << svg.rdbuf();
  EXPECT_NE(ss.str().find("<svg"), std::string::npos);
  std::ifstream err(base + ".err");
  std::stringstream es;
  es << err.rdbuf();
  EXPECT_EQ(es.str(), "") << "graphviz warned";
  std::remove((base + ".dot").c_str());
  std::remove((base + ".svg").c_str());
  std::remove((base + ".err").c_str());
}

TEST(GraphRender, JsonContract) {
  Graph g = graph_of("(a+b)*c", "a=1,b=2,c=3");
  auto j = graph_json(g);
  // Input form: it parses back into the same expression.
  SymbolTable syms;
  EXPECT_TRUE((parse(j["expression"].get<std::string>(), syms).expr - parse("(a+b)*c", syms).expr)
                  .is_zero());
  EXPECT_EQ(j["output"], "y");
  EXPECT_EQ(j["value"], 9);
  EXPECT_EQ(j["gradients"], nlohmann::ordered_json::parse(R"({"a":3,"b":3,"c":3})"));
  bool saw_d = false;
  for (const auto& n : j["nodes"]) {
    for (const char* k : {"name", "op", "inputs", "value", "gradient"}) EXPECT_TRUE(n.contains(k));
    if (n["name"] == "d") {
      saw_d = true;
      EXPECT_EQ(n["op"], "+");
      EXPECT_EQ(n["inputs"], nlohmann::ordered_json::parse(R"(["a","b"])"));
      EXPECT_EQ(n["value"], 3);
      EXPECT_EQ(n["gradient"], 3);
    }
  }
  EXPECT_TRUE(saw_d);
  // Without a point, values and gradients are expressions in input form.
  auto s = graph_json(graph_of("(a+b)*c", ""));
  EXPECT_EQ(s["gradients"]["c"], "a+b");
  EXPECT_EQ(s["gradients"]["a"], "c");
}

// The widest line of TEXT, in display columns.
std::size_t widest_line(const std::string& text) {
  std::size_t w = 0;
  for (const auto& l : split_lines(text)) w = std::max(w, display_width(l));
  return w;
}

TEST(GraphRender, TablesFitANarrowWidth) {
  const Graph g = graph_of("relu(W*x + b)", "W=2,x=3,b=-1");
  for (Lang lang : {Lang::en, Lang::ko}) {
    for (std::size_t width : {60u, 40u}) {
      for (const std::string& t :
           {forward_table(g, lang, false, width), backward_table(g, lang, false, width),
            gradient_check(g, lang, false, width)}) {
        EXPECT_LE(widest_line(t), width) << width << "\n" << t;
      }
    }
  }
  // Narrowed, the chain rule still reads in order, only on several lines.
  const Graph course = graph_of("(a+b)*c", "a=1,b=2,c=3");
  std::string joined;
  for (const auto& l : split_lines(backward_table(course, Lang::en, false, 40))) {
    joined += " " + trim(l);
  }
  EXPECT_NE(joined.find("dy/da = dy/dd × dd/da"), std::string::npos) << joined;
}

}  // namespace
}  // namespace tutor
