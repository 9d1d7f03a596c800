// Forty derivatives from a published answer key (OpenStax Calculus Volume 1, chapter 3; the
// file's header says which exercises and why a form differs): the tutor's final form is
// pinned, and its value is checked against the book's own answer, which is independent of
// the tutor and of GiNaC.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tutor/equivalence.hpp"
#include "tutor/print.hpp"
#include "tutor/steps.hpp"
#include "tutor/symbols.hpp"
#include "tutor/syntax.hpp"

namespace tutor {
namespace {

using GiNaC::ex;

struct Row {
  int line = 0;
  std::string id, expression, answer, printed;
};

std::vector<Row> rows() {
  std::ifstream in(std::string(TUTOR_TEST_DATA) + "/textbook_derivatives.tsv");
  std::vector<Row> out;
  std::string text;
  for (int line = 1; std::getline(in, text); ++line) {
    if (text.empty() || text[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(text);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    EXPECT_EQ(f.size(), 4u) << "line " << line;
    if (f.size() == 4) out.push_back(Row{line, f[0], f[1], f[2], f[3]});
  }
  return out;
}

TEST(Textbook, FortyAnswersFromTheKey) {
  const auto all = rows();
  EXPECT_EQ(all.size(), 40u);
  for (const auto& r : all) {
    SymbolTable syms;
    ex x = syms.get("x");
    Step s = differentiate(parse(r.expression, syms).expr, x);
    EXPECT_EQ(print(s.derivative, Style::text), r.printed) << r.id << " (line " << r.line << ")";
    ex book = parse(r.answer, syms).expr;
    EXPECT_EQ(compare_functions(s.derivative, book, {x}).verdict, Agreement::equal)
        << r.id << ": the book's " << r.answer;
  }
}

}  // namespace
}  // namespace tutor
