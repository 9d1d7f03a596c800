#include "math/symbols.hpp"

#include <array>
#include <set>

namespace tutor {

GiNaC::ex SymbolTable::get(std::string_view name) {
  auto it = symbols_.find(name);
  if (it != symbols_.end()) return it->second;
  const auto* greek = greek_by_name(name);
  GiNaC::ex sym = greek ? GiNaC::realsymbol(std::string(name), std::string(greek->latex))
                        : GiNaC::realsymbol(std::string(name));
  symbols_.emplace(std::string(name), sym);
  return sym;
}

bool SymbolTable::contains(std::string_view name) const {
  return symbols_.count(name) != 0;
}

std::vector<std::string> SymbolTable::names() const {
  std::vector<std::string> out;
  out.reserve(symbols_.size());
  for (const auto& [name, sym] : symbols_) out.push_back(name);
  return out;
}

std::vector<std::string> variables_of(const GiNaC::ex& e) {
  std::set<std::string> names;
  // Iterative walk: expressions come from the parser and are shallow, but this is also
  // called on derivatives, which nest no deeper than their source.
  std::vector<GiNaC::ex> todo{e};
  while (!todo.empty()) {
    GiNaC::ex cur = todo.back();
    todo.pop_back();
    if (GiNaC::is_a<GiNaC::symbol>(cur)) {
      names.insert(GiNaC::ex_to<GiNaC::symbol>(cur).get_name());
      continue;
    }
    for (std::size_t i = 0; i < cur.nops(); ++i) todo.push_back(cur.op(i));
  }
  return {names.begin(), names.end()};
}

namespace {
const std::array kGreek{
    GreekLetter{"α", "alpha", "\\alpha"},
    GreekLetter{"β", "beta", "\\beta"},
    GreekLetter{"γ", "gamma", "\\gamma"},
    GreekLetter{"δ", "delta", "\\delta"},
    GreekLetter{"ε", "epsilon", "\\varepsilon"},
    GreekLetter{"η", "eta", "\\eta"},
    GreekLetter{"θ", "theta", "\\theta"},
    GreekLetter{"λ", "lambda", "\\lambda"},
    GreekLetter{"μ", "mu", "\\mu"},
    GreekLetter{"ρ", "rho", "\\rho"},
    GreekLetter{"σ", "sigma", "\\sigma"},
    GreekLetter{"τ", "tau", "\\tau"},
    GreekLetter{"φ", "phi", "\\varphi"},
    GreekLetter{"ω", "omega", "\\omega"},
};
}  // namespace

std::span<const GreekLetter> greek_letters() {
  return kGreek;
}

const GreekLetter* greek_by_glyph(std::string_view glyph) {
  for (const auto& g : kGreek) {
    if (g.glyph == glyph) return &g;
  }
  return nullptr;
}

const GreekLetter* greek_by_name(std::string_view name) {
  for (const auto& g : kGreek) {
    if (g.name == name) return &g;
  }
  return nullptr;
}

}  // namespace tutor
