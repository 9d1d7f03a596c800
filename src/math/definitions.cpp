#include "math/definitions.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "base/errors.hpp"
#include "math/cost.hpp"
#include "math/steps.hpp"

namespace tutor {

namespace {

// A held call: (the symbol naming the function, the order of the derivative, the argument).
// No eval, no derivative: it is only ever printed or written out, never computed with.
DECLARE_FUNCTION_3P(learner_call)
REGISTER_FUNCTION(learner_call, dummy())

}  // namespace

std::optional<Call> as_call(const GiNaC::ex& e) {
  if (!GiNaC::is_the_function<learner_call_SERIAL>(e)) return std::nullopt;
  return Call{GiNaC::ex_to<GiNaC::symbol>(e.op(0)).get_name(),
              GiNaC::ex_to<GiNaC::numeric>(e.op(1)).to_int(), e.op(2)};
}

bool has_calls(const GiNaC::ex& e) {
  for (auto it = e.preorder_begin(); it != e.preorder_end(); ++it) {
    if (GiNaC::is_the_function<learner_call_SERIAL>(*it)) return true;
  }
  return false;
}

const Definition* Definitions::find(std::string_view name) const {
  for (const auto& d : defs_) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

GiNaC::ex Definitions::call(std::string_view name, int order, const GiNaC::ex& arg) const {
  auto it = std::find_if(names_.begin(), names_.end(),
                         [&](const auto& entry) { return entry.first == name; });
  if (it == names_.end()) {
    names_.emplace_back(std::string(name), GiNaC::symbol(std::string(name)));
    it = names_.end() - 1;
  }
  return learner_call(it->second, order, arg);
}

namespace {

// Whether FROM calls TARGET, directly or through other definitions.
bool reaches(const Definitions& defs, const std::string& from, const std::string& target,
             std::set<std::string>& seen) {
  if (from == target) return true;
  if (!seen.insert(from).second) return false;
  const Definition* d = defs.find(from);
  if (d == nullptr) return false;
  return std::any_of(d->uses.begin(), d->uses.end(),
                     [&](const std::string& u) { return reaches(defs, u, target, seen); });
}

// Past this many digits a number is refused, as the parser refuses 2^5000.
constexpr double kMaxDigits = 1000;

// Writes out held calls, one definition's body (and each of its derivatives) at most once
// per expansion: h(x) = g(g(x)) with g(x) = f(f(x)) must not cost 2ⁿ bodies.
class Expander : public GiNaC::map_function {
 public:
  explicit Expander(const Definitions& defs) : defs_(defs) {}

  GiNaC::ex operator()(const GiNaC::ex& e) override {
    const auto call = as_call(e);
    if (!call) return has_calls(e) ? e.map(*this) : e;
    const Definition* d = defs_.find(call->name);
    if (d == nullptr) throw Error(Message{"define.not_defined", {call->name}});
    const GiNaC::ex arg = (*this)(call->arg);
    const GiNaC::ex& b = body(*d, call->order);
    // GiNaC computes numeric powers as it substitutes: f(f(5)) with f(x) = x^1000 would be a
    // number of 700,000 digits. Judge the size first.
    if (longest_number_digits(arg) * largest_exponent(b) > kMaxDigits) {
      throw Error(Message{"define.number_too_large", {call->name}});
    }
    GiNaC::ex result = b.subs(GiNaC::exmap{{own(*d), arg}});
    if (larger_than(result, Definitions::kMaxNodes, Definitions::kMaxDepth)) {
      throw Error(
          Message{"define.too_large", {call->name, std::to_string(Definitions::kMaxNodes)}});
    }
    return result;
  }

  // D's body written out, differentiated ORDER times, in D's own parameter symbol (own()).
  GiNaC::ex body(const Definition& d, int order) {
    const auto key = std::make_pair(d.name, order);
    if (auto it = bodies_.find(key); it != bodies_.end()) return it->second;
    GiNaC::ex b = order == 0 ? (*this)(d.body.subs(GiNaC::exmap{{d.parameter, own(d)}}))
                             : nth_derivative(body(d, 0), own(d), order);
    bodies_.emplace(key, b);
    return b;
  }

  // A symbol for D's parameter that nothing else uses. With f(t) = x·t and h(x) = g(f(x)),
  // h's x and f's free x are different variables; written out in the session's x, f(x)
  // would become x·x, and h(t) would be t⁴ instead of x²t².
  GiNaC::ex own(const Definition& d) {
    auto it = own_.find(d.name);
    if (it == own_.end()) {
      const std::string name = GiNaC::ex_to<GiNaC::symbol>(d.parameter).get_name();
      it = own_.emplace(d.name, GiNaC::realsymbol(name)).first;
    }
    return it->second;
  }

 private:
  const Definitions& defs_;
  std::map<std::string, GiNaC::ex> own_;
  std::map<std::pair<std::string, int>, GiNaC::ex> bodies_;
};

}  // namespace

GiNaC::ex Definitions::expand(const GiNaC::ex& held) const {
  if (!has_calls(held)) return held;
  Expander x(*this);
  return x(held);
}

GiNaC::ex Definitions::expanded_body(const Definition& d) const {
  Expander x(*this);
  return x.body(d, 0).subs(GiNaC::exmap{{x.own(d), d.parameter}});
}

bool Definitions::define(Definition def) {
  for (const auto& u : def.uses) {
    std::set<std::string> seen;
    if (reaches(*this, u, def.name, seen)) {
      throw Error(Message{"define.cycle", {def.name, u}});
    }
  }
  auto it = std::find_if(defs_.begin(), defs_.end(),
                         [&](const Definition& d) { return d.name == def.name; });
  const bool replaced = it != defs_.end();
  if (!replaced && defs_.size() >= kMaxDefinitions) {
    throw Error(Message{"define.too_many", {std::to_string(kMaxDefinitions)}});
  }
  const std::vector<Definition> before = defs_;
  if (replaced) {
    *it = std::move(def);
  } else {
    defs_.push_back(std::move(def));
  }
  // Late binding: a new f changes every definition that calls it, and each must still fit.
  try {
    Expander x(*this);
    for (const auto& d : defs_) x.body(d, 0);
  } catch (...) {
    defs_ = before;
    throw;
  }
  return replaced;
}

void Definitions::undefine(std::string_view name) {
  auto it =
      std::find_if(defs_.begin(), defs_.end(), [&](const Definition& d) { return d.name == name; });
  if (it == defs_.end()) throw Error(Message{"define.not_defined", {std::string(name)}});
  for (const auto& d : defs_) {
    if (std::find(d.uses.begin(), d.uses.end(), name) != d.uses.end()) {
      throw Error(Message{"define.in_use", {std::string(name), d.name}});
    }
  }
  defs_.erase(it);
}

}  // namespace tutor
