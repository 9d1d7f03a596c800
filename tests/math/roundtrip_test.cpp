// Printing and reading back: parse(print(e)) is e for a thousand generated expressions, and
// what the printer writes for them is the same in every process.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "math/functions.hpp"
#include "math/print.hpp"
#include "math/syntax.hpp"
#include "support/run.hpp"

namespace tutor {
namespace {

using GiNaC::ex;
using GiNaC::numeric;

constexpr unsigned kSeed = 20240611;
constexpr int kWanted = 1200;  // expressions kept; the issue asks for at least 1000

// Random expression trees over every function, operator and kind of number, built directly
// with GiNaC (never through the parser).
class Generator {
 public:
  explicit Generator(SymbolTable& syms) : rng_(kSeed) {
    for (const char* name : {"x", "y", "z", "theta", "w1", "eta", "b"})
      vars_.push_back(syms.get(name));
  }

  ex tree(int depth) {
    if (depth == 0 || pick(4) == 0) return leaf();
    switch (pick(9)) {
      case 0:
        return tree(depth - 1) + tree(depth - 1);
      case 1:
        return tree(depth - 1) - tree(depth - 1);
      case 2:
      case 3:
        return tree(depth - 1) * tree(depth - 1);
      case 4:
        return tree(depth - 1) / tree(depth - 1);
      case 5: {
        // A large numeric exponent would have GiNaC compute a huge number before any
        // check could refuse it; the parser's limits are tested elsewhere.
        ex base = tree(depth - 1);
        ex x = exponent(depth);
        if (GiNaC::is_a<numeric>(x) && abs(GiNaC::ex_to<numeric>(x)) > 12) x = 2;
        // The parser reads e^u as exp(u), never as a power of e.
        if (base.is_equal(GiNaC::exp(ex(1)))) return GiNaC::exp(x);
        return GiNaC::pow(base, x);
      }
      case 6:
        return -tree(depth - 1);
      default: {
        const auto names = function_names();
        const FunctionName& f = names[pick(names.size())];
        used_.insert(std::string(f.info->name));
        return f.info->build(tree(depth - 1));
      }
    }
  }

  // The functions that appeared in some tree, by canonical name.
  const std::set<std::string>& used() const { return used_; }

 private:
  std::size_t pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
  }

  ex leaf() {
    static const double kDecimals[] = {0.5, 2.5, 0.125, 1e-3, 3.14159, 0.1, 1.75, 12.5, 6.02e23};
    switch (pick(8)) {
      case 0:
        return numeric(static_cast<int>(pick(19)) - 9);
      case 1:
        return numeric(static_cast<int>(pick(19)) - 9, static_cast<int>(pick(6)) + 2);
      case 2:
        return numeric(kDecimals[pick(std::size(kDecimals))]);
      case 3:
        return pick(2) ? ex(GiNaC::Pi) : GiNaC::exp(ex(1));
      case 4:
        return numeric("123456789012345");
      default:
        return vars_[pick(vars_.size())];
    }
  }

  ex exponent(int depth) {
    switch (pick(8)) {
      case 0:
        return numeric(static_cast<int>(pick(7)) - 3);
      case 1:
        return numeric(1, 2);
      case 2:
        return numeric(-1, 2);
      case 3:
        return numeric(static_cast<int>(pick(5)) + 1, 3);
      case 4:
        return vars_[pick(vars_.size())];
      case 5:
        return numeric(1.5);
      case 6:
        return tree(depth > 2 ? 2 : depth - 1);
      default:
        return numeric(static_cast<int>(pick(4)) + 2);
    }
  }

  std::mt19937 rng_;
  std::vector<ex> vars_;
  std::set<std::string> used_;
};

// Whether E holds only numbers the parser accepts: real, decimals well inside a double's
// range, exact numbers of modest size, small symbolic exponents. Independent of the parser's
// own checks.
bool in_scope(const ex& e) {
  const auto out_of_scope = [](const ex& part) {
    if (GiNaC::is_a<GiNaC::power>(part) && GiNaC::is_a<numeric>(part.op(1))) {
      return abs(GiNaC::ex_to<numeric>(part.op(1))) > 100;
    }
    if (!GiNaC::is_a<numeric>(part)) return false;
    const numeric& n = GiNaC::ex_to<numeric>(part);
    if (n.is_rational()) return n.numer().int_length() > 300 || n.denom().int_length() > 300;
    return !n.is_real() || (!n.is_zero() && (abs(n) > numeric(1e200) || abs(n) < numeric(1e-200)));
  };
  return std::none_of(e.preorder_begin(), e.preorder_end(), out_of_scope);
}

// E with every decimal rounded to DIGITS significant digits. The input form writes a
// decimal with the digits of a double, ASCII with 12, while GiNaC may hold it more precisely;
// rounding both sides compares what the printer promises.
struct RoundDecimals : GiNaC::map_function {
  int digits;
  explicit RoundDecimals(int d) : digits(d) {}
  ex operator()(const ex& e) override {
    if (GiNaC::is_a<numeric>(e) && !e.info(GiNaC::info_flags::rational) &&
        e.info(GiNaC::info_flags::real)) {
      double d = GiNaC::ex_to<numeric>(e).to_double();
      return numeric(std::strtod(fmt::format("{:.{}g}", d, digits).c_str(), nullptr));
    }
    return e.map(*this);
  }
};

bool has_decimal(const ex& e) {
  if (GiNaC::is_a<numeric>(e)) return !e.info(GiNaC::info_flags::crational);
  for (std::size_t i = 0; i < e.nops(); ++i) {
    if (has_decimal(e.op(i))) return true;
  }
  return false;
}

bool same(const ex& a, const ex& b) {
  return a.is_equal(b) || (a - b).is_zero();
}

// Whether A and B take the same value at three fixed complex points. Reading a printed
// root back, GiNaC may rewrite it: √(−1/(b − η)) comes back as 1/√(η − b), which is the same
// function except on the branch cut, a set a generic complex point never lies on.
bool same_function(const ex& a, const ex& b) {
  const std::vector<std::pair<double, double>> points{{0.37, 0.71}, {-1.13, 0.29}, {2.03, -0.61}};
  std::set<ex, GiNaC::ex_is_less> vars;
  for (const ex& e : {a, b}) {
    for (auto it = e.preorder_begin(); it != e.preorder_end(); ++it) {
      if (GiNaC::is_a<GiNaC::symbol>(*it)) vars.insert(*it);
    }
  }
  int agreed = 0;
  for (std::size_t p = 0; p < points.size(); ++p) {
    GiNaC::exmap at;
    double k = 1;
    for (const ex& v : vars) {
      at[v] = numeric(points[p].first * k) + numeric(points[p].second / k) * GiNaC::I;
      k += 0.37;
    }
    try {
      ex va = a.subs(at).evalf();
      ex vb = b.subs(at).evalf();
      if (!GiNaC::is_a<numeric>(va) || !GiNaC::is_a<numeric>(vb)) return false;
      double diff = GiNaC::abs(GiNaC::ex_to<numeric>(va - vb)).to_double();
      double size = GiNaC::abs(GiNaC::ex_to<numeric>(va)).to_double();
      if (diff > 1e-9 * std::max(1.0, size)) return false;
      ++agreed;
    } catch (const std::exception&) {
      // A pole at this point: another point decides.
    }
  }
  return agreed >= 2;
}

struct Sample {
  std::vector<ex> exprs;
  std::set<std::string> functions;
};

Sample generate(SymbolTable& syms) {
  Generator gen(syms);
  Sample s;
  for (int attempt = 0; attempt < 20 * kWanted && static_cast<int>(s.exprs.size()) < kWanted;
       ++attempt) {
    ex e;
    try {
      e = gen.tree(1 + attempt % 5);
    } catch (const std::exception&) {
      continue;  // 1/0, log(0), tan(π/2) while building: not an expression
    }
    if (!in_scope(e) || print(e, Style::input).size() > 1500) continue;
    s.exprs.push_back(e);
  }
  s.functions = gen.used();
  return s;
}

void expect_reads_back(const ex& e, Style style, SymbolTable& syms) {
  const std::string printed = print(e, style);
  ex back;
  try {
    back = parse(printed, syms).expr;
  } catch (const SyntaxError& err) {
    ADD_FAILURE() << "'" << printed << "' does not parse: " << err.what();
    return;
  }
  if (same(back, e)) return;
  RoundDecimals round(style == Style::input ? 15 : 10);
  if (same(round(back), round(e))) return;
  // GiNaC moves the sign out of a sum only when its numbers are exact, so with decimals
  // −½b(21 − 6.0√n) and ½b(−21 + 6.0√n) stay apart; normal() shows they are the same.
  if (has_decimal(e) && (round(back) - round(e)).normal().is_zero()) return;
  if (!has_decimal(e) && same_function(back, e)) return;
  ADD_FAILURE() << "'" << printed << "' reads back as '" << print(back, Style::input) << "'";
}

TEST(RoundTrip, InputFormReadsBackAsTheSameExpression) {
  SymbolTable syms;
  Sample s = generate(syms);
  ASSERT_GE(s.exprs.size(), 1000u);
  for (const ex& e : s.exprs) expect_reads_back(e, Style::input, syms);
}

TEST(RoundTrip, AsciiReadsBackAsTheSameExpression) {
  SymbolTable syms;
  Sample s = generate(syms);
  ASSERT_GE(s.exprs.size(), 1000u);
  for (const ex& e : s.exprs) expect_reads_back(e, Style::ascii, syms);
}

TEST(RoundTrip, GeneratorCoversEveryFunction) {
  SymbolTable syms;
  Sample s = generate(syms);
  for (const auto& f : function_names()) {
    EXPECT_TRUE(s.functions.count(std::string(f.info->name))) << f.info->name;
  }
}

// The child side of the next test: with TUTOR_PRINT_DUMP set, writes every generated
// expression in each style to stdout. Without it, it does nothing.
TEST(RoundTrip, DumpForTheProcessComparison) {
  if (std::getenv("TUTOR_PRINT_DUMP") == nullptr) return;
  SymbolTable syms;
  for (const ex& e : generate(syms).exprs) {
    std::cout << print(e, Style::text) << '\n'
              << print(e, Style::input) << '\n'
              << print(e, Style::latex) << '\n';
  }
}

// GiNaC's term order changes from process to process, so the same test binary is run three
// times and must print the generated expressions identically.
TEST(RoundTrip, TextIsTheSameInSeparateProcesses) {
  const std::string self = "/proc/self/exe";
  char path[4096];
  ssize_t n = readlink(self.c_str(), path, sizeof path - 1);
  ASSERT_GT(n, 0);
  path[n] = '\0';
  std::string first;
  for (int run = 0; run < 3; ++run) {
    auto r = testing::run_program(
        path, {"--gtest_filter=RoundTrip.DumpForTheProcessComparison", "--gtest_brief=1"}, "",
        {{"TUTOR_PRINT_DUMP", "1"}}, 60);
    ASSERT_EQ(r.status, 0) << r.err;
    // gtest's own lines start with '['; the dump never does.
    std::string dump;
    std::size_t pos = 0;
    while (pos < r.out.size()) {
      std::size_t end = r.out.find('\n', pos);
      if (end == std::string::npos) end = r.out.size();
      if (r.out[pos] != '[') dump += r.out.substr(pos, end - pos + 1);
      pos = end + 1;
    }
    ASSERT_GT(dump.size(), 10000u);
    if (run == 0) {
      first = dump;
    } else {
      EXPECT_EQ(dump, first) << "run " << run << " printed differently";
    }
  }
}

}  // namespace
}  // namespace tutor
