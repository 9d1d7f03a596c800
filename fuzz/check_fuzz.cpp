// Fuzzes `tutor check`: the first line is the question, the rest the learner's answer.
// check() must give a verdict for every answer text and never throw; the question is
// learner text too, so it may only fail with tutor::SyntaxError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tutor/check.hpp"
#include "tutor/print.hpp"
#include "tutor/syntax.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t nl = input.find('\n');
  if (nl == std::string_view::npos) return 0;
  std::string_view question = input.substr(0, nl);
  std::string_view answer = input.substr(nl + 1);
  tutor::SymbolTable syms;
  tutor::Parsed p;
  try {
    p = tutor::parse(question, syms);
  } catch (const tutor::SyntaxError&) {
    return 0;
  }
  GiNaC::ex wrt = syms.get(p.variables.empty() ? "x" : p.variables.front());
  tutor::Verdict v = tutor::check(p.expr, wrt, answer, syms);
  (void)tutor::render(tutor::Lang::ko, v.feedback);
  (void)tutor::print(v.expected, tutor::Style::text);
  if (v.answer) (void)tutor::print(*v.answer, tutor::Style::input);
  return 0;
}
