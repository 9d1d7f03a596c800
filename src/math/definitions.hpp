// Functions the learner defines, f(x) = x^2, g(x) = 3x + 1, h(x) = f(g(x)), and calls of
// them, f(g(x)) and f''(x).
//
// A call is kept as written, a `held` expression, so that the tutor can speak in the
// learner's own names (f′(g(x))·g′(x)); expand() writes it out for every engine. Bodies are
// bound late: after f is redefined, h(x) = f(g(x)) uses the new f.
//
//   tutor::SymbolTable syms;
//   syms.definitions().define(tutor::parse_definition("f(x) = x^2", syms));
//   tutor::parse("f(3x+1)", syms).expr;   // (3x + 1)²
#pragma once

#include <ginac/ginac.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tutor {

struct Definition {
  std::string name;               // "f"
  GiNaC::ex parameter;            // the session's symbol x
  GiNaC::ex body;                 // held: calls of other definitions are kept
  std::vector<std::string> uses;  // the definitions BODY calls, each once, sorted
};

// A held call: the ORDERth derivative of the function NAME, at ARG (order 0: the function).
struct Call {
  std::string name;
  int order = 0;
  GiNaC::ex arg;
};

// Whether E is a held call, and its parts.
std::optional<Call> as_call(const GiNaC::ex& e);
// Whether E contains a held call anywhere.
bool has_calls(const GiNaC::ex& e);

class Definitions {
 public:
  // Past these, a call is refused: what it writes out would be larger than any input the
  // parser accepts. f(x) = x + sin(x); f(f(f(…))) doubles with each call.
  static constexpr std::size_t kMaxNodes = 5000;
  static constexpr std::size_t kMaxDepth = 200;
  static constexpr std::size_t kMaxDefinitions = 100;

  // Adds DEF, or replaces the definition of the same name (then returns true). Throws
  // tutor::Error "define.cycle" when DEF's body would call DEF through the others, and
  // "define.too_many" past kMaxDefinitions.
  bool define(Definition def);
  // Removes NAME. Throws tutor::Error "define.not_defined", or "define.in_use" when another
  // definition calls NAME.
  void undefine(std::string_view name);

  const Definition* find(std::string_view name) const;
  // In the order they were first defined.
  const std::vector<Definition>& all() const { return defs_; }
  bool empty() const { return defs_.empty(); }

  // The held call NAME^(ORDER)(ARG). NAME must be defined.
  GiNaC::ex call(std::string_view name, int order, const GiNaC::ex& arg) const;

  // HELD with every call written out: f(g(x)) → (3x + 1)², f''(x) → the second derivative
  // of f's body, as `diff --order 2` takes it. Throws tutor::Error "define.too_large" when
  // the result passes kMaxNodes or kMaxDepth (checked after each call, before it is used
  // further), "define.not_defined" for a call of a name no longer defined, and GiNaC's own
  // exceptions for a call at a pole (f(0) with f(x) = 1/x).
  GiNaC::ex expand(const GiNaC::ex& held) const;

  // D's body written out.
  GiNaC::ex expanded_body(const Definition& d) const;

 private:
  std::vector<Definition> defs_;
  // One symbol per name ever defined, so that a held call survives a redefinition.
  mutable std::vector<std::pair<std::string, GiNaC::ex>> names_;
};

}  // namespace tutor
