// Fuzzes what `tutor diff` does with a line of learner text: parse it, print it in every
// style, differentiate it by each of its variables and explain the steps. Bad input must
// end in tutor::SyntaxError; anything else escaping (or a sanitizer report) is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tutor/explain.hpp"
#include "tutor/print.hpp"
#include "tutor/steps.hpp"
#include "tutor/syntax.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  tutor::SymbolTable syms;
  tutor::Parsed p;
  try {
    p = tutor::parse(text, syms);
  } catch (const tutor::SyntaxError&) {
    return 0;
  }
  for (auto style : {tutor::Style::text, tutor::Style::ascii, tutor::Style::input, tutor::Style::latex}) {
    (void)tutor::print(p.expr, style);
  }
  for (const auto& name : p.variables) {
    tutor::Step s = tutor::differentiate(p.expr, syms.get(name));
    (void)tutor::explain_text(s, tutor::ExplainOptions{});
    (void)tutor::explain_latex(s, p.variables.size() > 1);
    (void)tutor::step_json(s).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  }
  return 0;
}
