// What each fuzz target does with one input, shared by the libFuzzer programs in fuzz/ and
// by tests/fuzz_regression_test.cpp, which replays the corpora and every past finding.
// Each function returns normally for any input; a crash, a sanitizer report or an
// exception escaping is a bug.
#pragma once

#include <string_view>

#include "tutor/check.hpp"
#include "tutor/explain.hpp"
#include "tutor/print.hpp"
#include "tutor/steps.hpp"
#include "tutor/syntax.hpp"

namespace tutor::fuzz {

// A line of learner text as `tutor diff` treats it: parse it, print it in every style,
// differentiate it by each of its variables and explain the steps. Bad input must end in
// tutor::SyntaxError, or tutor::Error from differentiate() for what has no derivative (0^x).
inline void parse_target(std::string_view text) {
  SymbolTable syms;
  Parsed p;
  try {
    p = parse(text, syms);
  } catch (const SyntaxError&) {
    return;
  }
  for (auto style : {Style::text, Style::ascii, Style::input, Style::latex})
    (void)print(p.expr, style);
  for (const auto& name : p.variables) {
    Step s;
    try {
      s = differentiate(p.expr, syms.get(name));
    } catch (const Error&) {
      continue;
    }
    (void)explain_text(s, ExplainOptions{});
    (void)explain_latex(s, p.variables.size() > 1);
    (void)step_json(s).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  }
}

// `tutor check`: the first line is the question, the rest the learner's answer. check()
// gives a verdict for every answer text; the question may only fail with tutor::Error
// (unreadable, or without a derivative).
inline void check_target(std::string_view input) {
  std::size_t nl = input.find('\n');
  if (nl == std::string_view::npos) return;
  SymbolTable syms;
  Parsed p;
  try {
    p = parse(input.substr(0, nl), syms);
  } catch (const SyntaxError&) {
    return;
  }
  GiNaC::ex wrt = syms.get(p.variables.empty() ? "x" : p.variables.front());
  Verdict v;
  try {
    v = check(p.expr, wrt, input.substr(nl + 1), syms);
  } catch (const Error&) {
    return;
  }
  (void)render(Lang::ko, v.feedback);
  (void)print(v.expected, Style::text);
  if (v.answer) (void)print(*v.answer, Style::input);
}

}  // namespace tutor::fuzz
