// Forty derivatives from a published answer key (OpenStax Calculus Volume 1, chapter 3; the
// file's header says which exercises and why a form differs): the tutor's final form is
// pinned, and its value is checked against the book's own answer, which is independent of
// the tutor and of GiNaC.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "math/equivalence.hpp"
#include "math/print.hpp"
#include "math/steps.hpp"
#include "math/symbols.hpp"
#include "math/syntax.hpp"
#include "support/tsv.hpp"

namespace tutor {
namespace {

using GiNaC::ex;

struct Row {
  int line = 0;
  std::string id, expression, answer, printed;
};

std::vector<Row> rows() {
  std::vector<Row> out;
  for (const auto& r : testing::read_tsv("textbook_derivatives.tsv", 4)) {
    const auto& f = r.fields;
    out.push_back(Row{r.line, f[0], f[1], f[2], f[3]});
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
