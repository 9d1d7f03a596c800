// The equivalence checker against a table of pairs whose verdicts follow the real-domain
// policy (tests/data/equivalence_cases.tsv; every verdict there is checked independently by
// tests/oracle/equivalence_sympy.py): two expressions are the same answer when they agree at
// every real point where both are defined.
#include "math/equivalence.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "math/symbols.hpp"
#include "math/syntax.hpp"
#include "support/tsv.hpp"

namespace tutor {
namespace {

struct Case {
  int line;
  std::string a, b, verdict, reason;
};

std::vector<Case> load_cases() {
  std::vector<Case> out;
  for (const auto& r : testing::read_tsv("equivalence_cases.tsv", 4)) {
    const auto& f = r.fields;
    out.push_back(Case{r.line, f[0], f[1], f[2], f[3]});
  }
  return out;
}

const char* verdict_name(Agreement v) {
  switch (v) {
    case Agreement::equal:
      return "equal";
    case Agreement::different:
      return "different";
    case Agreement::undecided:
      return "undecided";
  }
  return "?";
}

// Every variable of A and B, in name order.
std::vector<GiNaC::ex> variables(const GiNaC::ex& a, const GiNaC::ex& b, SymbolTable& syms) {
  std::set<std::string> names;
  for (const auto& n : variables_of(a)) names.insert(n);
  for (const auto& n : variables_of(b)) names.insert(n);
  std::vector<GiNaC::ex> out;
  for (const auto& n : names) out.push_back(syms.get(n));
  return out;
}

struct Pair {
  GiNaC::ex a, b;
  std::vector<GiNaC::ex> vars;
};

// Both sides of every row, parsed with one shared symbol table.
std::vector<Pair> parse_all(const std::vector<Case>& cases, SymbolTable& syms) {
  std::vector<Pair> out;
  for (const auto& c : cases) {
    Pair p;
    try {
      p.a = parse(c.a, syms).expr;
      p.b = parse(c.b, syms).expr;
    } catch (const std::exception& e) {
      ADD_FAILURE() << "line " << c.line << ": " << c.a << " vs " << c.b
                    << " does not parse: " << e.what();
    }
    p.vars = variables(p.a, p.b, syms);
    out.push_back(p);
  }
  return out;
}

TEST(Equivalence, TableVerdictsAllRight) {
  auto cases = load_cases();
  ASSERT_GE(cases.size(), 70u);
  SymbolTable syms;
  auto parsed = parse_all(cases, syms);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto& c = cases[i];
    ASSERT_TRUE(c.verdict == "equal" || c.verdict == "different")
        << "line " << c.line << ": verdict " << c.verdict;
    Equivalence r = compare_functions(parsed[i].a, parsed[i].b, parsed[i].vars);
    EXPECT_EQ(verdict_name(r.verdict), c.verdict)
        << "line " << c.line << ": " << c.a << " vs " << c.b << " (" << c.reason << "); "
        << r.agreeing_points << " agreeing points, " << r.only_first_defined
        << " where only the first is defined, " << r.only_second_defined
        << " where only the second is" << (r.symbolic ? ", decided symbolically" : "");
  }
}

TEST(Equivalence, TableVerdictsRepeatAndDoNotDependOnTheOrder) {
  auto cases = load_cases();
  ASSERT_GE(cases.size(), 70u);
  SymbolTable syms;
  auto parsed = parse_all(cases, syms);
  std::vector<Agreement> first;
  for (const auto& p : parsed) first.push_back(compare_functions(p.a, p.b, p.vars).verdict);
  for (int run = 1; run <= 3; ++run) {
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const auto& c = cases[i];
      const auto& p = parsed[i];
      EXPECT_EQ(verdict_name(compare_functions(p.a, p.b, p.vars).verdict), verdict_name(first[i]))
          << "run " << run << ", line " << c.line << ": " << c.a << " vs " << c.b << " ("
          << c.reason << ")";
      EXPECT_EQ(verdict_name(compare_functions(p.b, p.a, p.vars).verdict), verdict_name(first[i]))
          << "run " << run << ", reversed, line " << c.line << ": " << c.b << " vs " << c.a << " ("
          << c.reason << ")";
    }
  }
}

}  // namespace
}  // namespace tutor
