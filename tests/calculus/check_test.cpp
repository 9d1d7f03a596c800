// The answer checker against a corpus labelled by hand (tests/data/check_cases.tsv), and the
// feedback it gives.
#include "calculus/check.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "base/i18n.hpp"
#include "math/print.hpp"
#include "math/syntax.hpp"
#include "support/tsv.hpp"

namespace tutor {
namespace {

struct Case {
  int line;
  std::string question, wrt, answer, status, mistake;
};

std::vector<Case> load_cases() {
  std::vector<Case> out;
  for (const auto& r : testing::read_tsv("check_cases.tsv", 5)) {
    const auto& f = r.fields;
    out.push_back(Case{r.line, f[0], f[1], f[2], f[3], f[4]});
  }
  return out;
}

TEST(Check, CorpusVerdictsAllRight) {
  auto cases = load_cases();
  ASSERT_GE(cases.size(), 80u);
  std::map<std::string, int> per_tag;
  for (const auto& c : cases) {
    SymbolTable syms;
    Parsed q = parse(c.question, syms);
    GiNaC::ex wrt = syms.get(c.wrt.empty() ? q.variables.front() : c.wrt);
    Outcome v = check(q.expr, wrt, c.answer, syms);
    std::string got_tag = v.mistake ? std::string(mistake_id(*v.mistake)) : "";
    EXPECT_EQ(status_id(v.status), c.status)
        << "line " << c.line << ": d/d" << print(wrt, Style::input) << " " << c.question
        << ", answer " << c.answer << ": " << render(Lang::en, v.feedback);
    EXPECT_EQ(got_tag, c.mistake) << "line " << c.line << ": " << c.question << " / " << c.answer
                                  << ": " << render(Lang::en, v.feedback);
    ++per_tag[c.mistake];
  }
  for (const char* tag :
       {"missing-inner-derivative", "sign-error", "power-rule", "product-rule", "quotient-rule",
        "constant-factor", "not-differentiated", "question-echo"}) {
    EXPECT_GE(per_tag[tag], 5) << tag;
  }
}

Outcome check_text(const std::string& q, const std::string& a) {
  static SymbolTable syms;
  return check(parse(q, syms).expr, syms.get("x"), a, syms);
}

TEST(Check, MissingInnerFactorIsNamedWithItsOrigin) {
  Outcome v = check_text("sin(x^2)", "cos(x^2)");
  EXPECT_EQ(render(Lang::en, v.feedback),
            "You are missing the factor 2x = d/dx (x²), the derivative of the inner function. "
            "The chain rule multiplies by it.");
  EXPECT_EQ(render(Lang::ko, v.feedback),
            "인수 2x = d/dx (x²)이 빠졌습니다. 안쪽 함수의 도함수입니다. 체인룰에서는 이것을 "
            "곱해야 합니다.");
  // Two levels down: the whole inner derivative 6(3x + 1) of (3x + 1)².
  Outcome deep = check_text("sin((3x+1)^2)", "cos((3x+1)^2)");
  EXPECT_NE(render(Lang::en, deep.feedback).find("6(3x + 1) = d/dx ((3x + 1)²)"), std::string::npos)
      << render(Lang::en, deep.feedback);
}

TEST(Check, InvalidAnswerKeepsTheCaretSpan) {
  Outcome v = check_text("sin(x^2)", "2x cos(x^2");
  EXPECT_EQ(v.status, Status::invalid);
  ASSERT_TRUE(v.error && v.error->span());
  EXPECT_EQ(v.error->span()->begin, 6u);  // the '(' that is never closed
}

TEST(Check, ChecksAgainstTheStepTreeItIsGiven) {
  SymbolTable syms;
  Step s = differentiate(parse("(3x+1)^2", syms).expr, syms.get("x"));
  EXPECT_EQ(print(s.derivative, Style::text), "6(3x + 1)");
  EXPECT_EQ(check(s, syms.get("x"), "18x + 6", syms).status, Status::correct);
  EXPECT_EQ(check(s, syms.get("x"), "2(3x+1)", syms).mistake, Mistake::missing_inner_derivative);
}

TEST(Check, AnswerUndefinedWhereTheDerivativeExists) {
  // ln(x²)' = 2/x exists for negative x too; 2/(√x·√|x|) only for x > 0.
  Outcome v = check_text("ln(x^2)", "2/(sqrt(x) sqrt(abs(x)))");
  EXPECT_EQ(v.status, Status::incorrect);
  EXPECT_EQ(v.feedback.key, "check.domain");
}

TEST(Check, EveryMistakeTagRoundTrips) {
  for (int i = 0; i <= static_cast<int>(Mistake::question_echo); ++i) {
    auto m = static_cast<Mistake>(i);
    EXPECT_EQ(parse_mistake(mistake_id(m)), m);
  }
  EXPECT_FALSE(parse_mistake("no-such-tag"));
}

}  // namespace
}  // namespace tutor
