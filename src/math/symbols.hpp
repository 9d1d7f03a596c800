// One table of names per session, so that every "x" the learner types is the same x, and
// every f they define is known to everything they type after.
#pragma once

#include <ginac/ginac.h>

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "math/definitions.hpp"

namespace tutor {

class SymbolTable {
 public:
  // The real symbol named NAME (its ASCII spelling: "theta", not "θ"), created on first use.
  GiNaC::ex get(std::string_view name);
  // Whether NAME has been used.
  bool contains(std::string_view name) const;
  // Every name used so far, sorted.
  std::vector<std::string> names() const;

  // The functions the learner has defined in this session.
  Definitions& definitions() { return definitions_; }
  const Definitions& definitions() const { return definitions_; }

 private:
  std::map<std::string, GiNaC::ex, std::less<>> symbols_;
  Definitions definitions_;
};

// The names of the symbols in E, sorted by name.
std::vector<std::string> variables_of(const GiNaC::ex& e);

// The Greek letters a learner may type, as (glyph, ASCII name, LaTeX command).
struct GreekLetter {
  std::string_view glyph;
  std::string_view name;
  std::string_view latex;
};
std::span<const GreekLetter> greek_letters();
const GreekLetter* greek_by_glyph(std::string_view glyph);
const GreekLetter* greek_by_name(std::string_view name);

}  // namespace tutor
