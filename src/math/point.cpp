#include "math/point.hpp"

#include <algorithm>
#include <cmath>
#include <exception>

#include "base/errors.hpp"
#include "base/text.hpp"
#include "math/symbols.hpp"
#include "math/syntax.hpp"

namespace tutor {

namespace {

using GiNaC::ex;
using GiNaC::numeric;

// The messages of each option; the same problem reads the same way in both, in words that
// fit the option (a start for --from, a value for --at).
struct PointWords {
  std::string_view syntax;       // {item}
  std::string_view unknown;      // {name, the variables}
  std::string_view duplicate;    // {name}
  std::string_view not_number;   // {name, value}
  std::string_view missing;      // {name}
  std::string_view needs_names;  // {the variables}; empty: a bare value is never taken
};

constexpr PointWords kWords[] = {
    // PointOption::at
    {"graph.at_syntax", "graph.at_unknown", "graph.at_duplicate", "graph.at_not_number",
     "graph.at_missing", ""},
    // PointOption::from
    {"descent.from_bad_item", "descent.from_unknown", "descent.from_duplicate",
     "descent.from_not_number", "descent.from_missing", "descent.from_needs_names"},
};

[[noreturn]] void fail(std::string_view key, std::vector<std::string> args) {
  throw Error(Message{std::string(key), std::move(args)});
}

std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "-" : out;
}

// The value of NAME typed as TEXT.
ex value_of(const std::string& name, const std::string& text, const PointWords& words) {
  std::optional<ex> value;
  try {
    SymbolTable scratch;
    Parsed p = parse(text, scratch);
    if (p.variables.empty() && real_number(p.expr)) value = p.expr;
  } catch (const std::exception&) {
    value.reset();
  }
  if (!value) fail(words.not_number, {name, text});
  return *value;
}

}  // namespace

std::optional<ex> real_number(const ex& e) {
  ex v = e;
  if (!(GiNaC::is_a<numeric>(v) && GiNaC::ex_to<numeric>(v).is_rational())) v = v.evalf();
  if (!GiNaC::is_a<numeric>(v)) return std::nullopt;
  const numeric& n = GiNaC::ex_to<numeric>(v);
  if (!n.is_real()) return std::nullopt;
  if (!n.is_rational() && !std::isfinite(n.to_double())) return std::nullopt;
  return v;
}

std::map<std::string, ex> parse_point(std::string_view text,
                                      const std::vector<std::string>& variables,
                                      PointOption option) {
  const PointWords& words = kWords[static_cast<int>(option)];
  std::map<std::string, ex> point;
  if (!words.needs_names.empty() && text.find('=') == std::string_view::npos) {
    if (variables.size() != 1) fail(words.needs_names, {listed(variables)});
    point[variables[0]] = value_of(variables[0], trim(text), words);
    return point;
  }
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t comma = text.find(',', pos);
    if (comma == std::string_view::npos) comma = text.size();
    const std::string item = trim(text.substr(pos, comma - pos));
    pos = comma + 1;
    if (item.empty() && comma == text.size() && !point.empty()) break;  // "x=1,"
    const auto eq = item.find('=');
    if (eq == std::string::npos) fail(words.syntax, {item});
    std::string name = trim(item.substr(0, eq));
    if (const auto* greek = greek_by_glyph(name)) name = std::string(greek->name);
    if (name.empty()) fail(words.syntax, {item});
    if (std::find(variables.begin(), variables.end(), name) == variables.end()) {
      fail(words.unknown, {name, listed(variables)});
    }
    if (point.contains(name)) fail(words.duplicate, {name});
    point[name] = value_of(name, trim(item.substr(eq + 1)), words);
  }
  for (const auto& v : variables) {
    if (!point.contains(v)) fail(words.missing, {v});
  }
  return point;
}

}  // namespace tutor
