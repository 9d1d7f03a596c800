// `tutor diff EXPR`: the derivative, step by step, with every chain-rule factor.
#include <algorithm>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "tutor/errors.hpp"
#include "tutor/explain.hpp"
#include "tutor/steps.hpp"
#include "tutor/syntax.hpp"
#include "tutor/text.hpp"

namespace tutor::cli {

namespace {

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_word(char c) {
  return is_letter(c) || (c >= '0' && c <= '9');
}

// "d/dx sin(x)" → {"x", "sin(x)"}. The variable is a whole word when a space follows it,
// otherwise one letter, so "d/dx(x^2)" and "d/dxsin(x)" both mean d/dx.
std::optional<std::pair<std::string, std::string>> split_prefix(const std::string& text) {
  std::size_t i = text.find_first_not_of(" \t");
  if (i == std::string::npos || text.compare(i, 3, "d/d") != 0) return std::nullopt;
  i += 3;
  std::string var;
  if (i < text.size() && is_letter(text[i])) {
    std::size_t j = i;
    while (j < text.size() && is_word(text[j])) ++j;
    bool whole = j == text.size() || text[j] == ' ' || text[j] == '\t';
    var = whole ? text.substr(i, j - i) : text.substr(i, 1);
    i += var.size();
  } else {
    for (const auto& g : greek_letters()) {
      if (text.compare(i, g.glyph.size(), g.glyph) == 0) {
        var = std::string(g.name);
        i += g.glyph.size();
        break;
      }
    }
  }
  if (var.empty()) return std::nullopt;
  return std::make_pair(var, text.substr(i));
}

GiNaC::ex variable(const std::string& name, Context& ctx) {
  std::string canonical = name;
  if (const auto* g = greek_by_glyph(name)) canonical = std::string(g->name);
  if (!is_variable_name(canonical)) throw Error(Message{"diff.bad_variable", {sanitize(name)}});
  return ctx.syms->get(canonical);
}

int run_diff(const Invocation& inv, Context& ctx) {
  std::string text = inv.expression;
  std::vector<std::string> wrts = inv.all("--wrt");
  if (auto split = split_prefix(text)) {
    wrts.insert(wrts.begin(), split->first);
    text = split->second;
  }
  Parsed p = parse(text, *ctx.syms);
  std::vector<GiNaC::ex> vars;
  vars.reserve(std::max(wrts.size(), p.variables.size()) + 1);
  for (const auto& w : wrts) vars.push_back(variable(w, ctx));
  if (vars.empty()) {
    for (const auto& v : p.variables) vars.push_back(ctx.syms->get(v));
  }
  if (vars.empty()) vars.push_back(ctx.syms->get("x"));
  const bool partial = p.variables.size() > 1;

  std::vector<Step> steps;
  steps.reserve(vars.size());
  for (const auto& v : vars) steps.push_back(differentiate(p.expr, v));
  ctx.last = steps.back().derivative;

  std::ostream& out = *ctx.out;
  const std::string format = format_of(inv);
  if (format == "json") {
    nlohmann::ordered_json j;
    j["input"] = inv.expression;
    j["expression"] = print(p.expr, Style::input);
    j["variables"] = p.variables;
    j["derivatives"] = nlohmann::ordered_json::array();
    for (const auto& s : steps) {
      j["derivatives"].push_back({{"wrt", print(s.wrt, Style::input)},
                                  {"result", print(s.derivative, Style::input)},
                                  {"text", print(s.derivative, Style::text)},
                                  {"latex", print(s.derivative, Style::latex)},
                                  {"steps", step_json(s)}});
    }
    out << json_text(j) << "\n";
    return 0;
  }
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (i) out << "\n";
    if (format == "latex") {
      out << explain_latex(steps[i], partial) << "\n";
    } else {
      ExplainOptions o{ctx.lang, math_style(ctx), inv.has("--brief"), partial};
      out << explain_text(steps[i], o);
    }
  }
  return 0;
}

}  // namespace

Command diff_command() {
  return Command{
      "diff",
      "diff EXPR [--wrt V]... [--brief] [--format text|json|latex]",
      {"Differentiate step by step, naming every rule and every chain-rule factor.",
       "단계별로 미분합니다. 모든 규칙과 체인룰의 모든 인수를 보여 줍니다."},
      {
          {"--wrt",
           "V",
           {"differentiate with respect to V (repeatable; default: every variable)",
            "V에 대해 미분합니다 (여러 번 가능, 기본값: 모든 변수)"},
           true},
          {"--brief",
           "",
           {"show only the chain links with their factors, and the result",
            "체인의 고리와 인수, 결과만 보여 줍니다"}},
          {"--format",
           "FORMAT",
           {"output format: text, json or latex", "출력 형식: text, json, latex"},
           false,
           {"text", "json", "latex"}},
      },
      true,
      run_diff,
  };
}

}  // namespace tutor::cli
