#include "calculus/named_chain.hpp"

#include "base/errors.hpp"
#include "math/forms.hpp"
#include "math/steps.hpp"

namespace tutor {

namespace {

// RULE with PARAM replaced by ARG, a product kept as one (2u at u = 3x + 1 is 2(3x + 1),
// where GiNaC alone would give 6x + 2).
GiNaC::ex substituted(const GiNaC::ex& rule, const GiNaC::ex& param, const GiNaC::ex& arg) {
  const GiNaC::exmap m{{param, arg}};
  if (!GiNaC::is_exactly_a<GiNaC::mul>(rule)) return real_form(rule.subs(m));
  std::vector<GiNaC::ex> factors;
  for (std::size_t i = 0; i < rule.nops(); ++i) factors.push_back(rule.op(i).subs(m));
  return chain_form(factors);
}

}  // namespace

std::optional<NamedChain> named_chain(const GiNaC::ex& held, const GiNaC::ex& var,
                                      const Definitions& defs) {
  NamedChain chain;
  GiNaC::ex cur = held;
  // h(x) = f(g(x)): the chain is f's and g's, so h is opened first.
  while (true) {
    const auto c = as_call(cur);
    if (!c) return std::nullopt;
    const Definition* d = defs.find(c->name);
    if (d == nullptr || c->order != 0 || !as_call(d->body)) break;
    chain.opened.push_back(cur);
    cur = d->body.subs(GiNaC::exmap{{d->parameter, c->arg}});
  }
  if (chain.opened.empty() && as_call(cur)->arg.is_equal(var)) return std::nullopt;
  chain.written = cur;

  GiNaC::ex node = cur;
  while (true) {
    const auto c = as_call(node);
    if (!c) {
      NamedFactor f;
      f.named = node;
      f.value = differentiate(defs.expand(node), var).derivative;
      chain.factors.push_back(f);
      break;
    }
    const Definition* d = defs.find(c->name);
    if (d == nullptr) throw Error(Message{"define.not_defined", {c->name}});
    const GiNaC::ex body = defs.expanded_body(*d);
    // p(x) = a·x² depends on a by itself: d/da p(g(x)) is no chain of p′ and g′.
    if (!d->parameter.is_equal(var) && body.has(var)) return std::nullopt;
    NamedFactor f;
    f.named = defs.call(c->name, c->order + 1, c->arg);
    f.is_call = true;
    f.parameter = d->parameter;
    f.rule = nth_derivative(body, d->parameter, c->order + 1);
    f.value = substituted(f.rule, d->parameter, defs.expand(c->arg));
    chain.factors.push_back(f);
    if (c->arg.is_equal(var)) break;
    node = c->arg;
  }
  chain.result = differentiate(defs.expand(held), var).derivative;
  return chain;
}

}  // namespace tutor
