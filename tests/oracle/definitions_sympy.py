#!/usr/bin/env python3
"""Differential test of learner-defined functions (`--def`) against SymPy.

A learner defines f(x) = x^2 and g(x) = 3x + 1 and asks for f(g(x)); the tutor keeps
the call as written, writes it out with GiNaC (Definitions::expand) and names the
chain rule after the learner's functions (named_chain). The composite, its derivative
and the chain's factors all come from GiNaC, so a composition taken the wrong way
round, a derivative evaluated at the wrong argument, a variable captured on the way or
a chain factor that does not belong would agree with itself. SymPy is an independent
implementation of the same mathematics, so here it is the oracle:

* from a fixed seed, definitions are generated in the shapes learners type them
  (polynomials, affine maps, powers, exp, ln, sqrt, trig, sigmoid/tanh/softplus of an
  affine map, products and quotients; parameters x, t or u; now and then a free
  coefficient a, b or c; now and then h(x) = f(g(x)) defined as a composite, or f
  redefined after h uses it), and queries such as f(g(x)), g(f(x)), f(g(h(x))), h(x),
  f(2x+1), f(sin(x)), 2f(x)+g(x), f(x)g(x), f(f(x)), f'(x), f''(g(x)) and
  `diff --order 2` of f(g(x)); each definition and query is kept both as the text the
  tutor reads and as a tree from which SymPy builds its meaning, so the two cannot drift.
  A call means its definition's body with the parameter replaced by the argument, and
  nothing else: with f(t) = x t and h(x) = g(f(x)), h(t) is g(f(t)) = g(x t), the
  definition's own x staying the variable x;
* `show --format json` and `diff --format json` must answer within the timeout; their
  "expression" must equal SymPy's composition of the definitions and their "written"
  the same held form read back with the definitions;
* every derivative `diff` gives ("result", for each variable and order) must equal
  SymPy's derivative of the composite;
* where `diff` gives the chain in the learner's names, the factors must be the ones the
  query calls for (f'(g(x)), g'(x), ...), each factor's "value" must equal SymPy's value
  of that factor (the derivative of the definition at its argument, or for a factor with
  "call": false the derivative of that inner expression), each "rule" SymPy's derivative
  of the definition's body in its own parameter, and the product of the values the
  derivative;
* a few generated cases, and a fixed list of bad inputs (self reference, a cycle, a
  built-in name, two parameters, a call with two arguments, a definition that blows up
  when written out, a number too large), must be refused with exit status 2 and a
  message, quickly.

Values are compared at several random real points inside the domain (every intermediate
value real, away from kinks), with mpmath at 30 digits and a relative tolerance of
1e-7; a difference is blamed on the tutor only when it stays at 80 and 200 digits.

It prints counts per query shape and per kind of failure, the first failures of each
kind with a command that reproduces them, and ends with `N passed, M failed`. The exit
status is 0 only when nothing failed.

    python3 tests/oracle/definitions_sympy.py --tutor build/tutor [--seed S] [--count N]
        [--jobs J] [--timeout SECONDS] [--budget SECONDS] [--show 10]

The same seed gives the same definitions, queries and points on every machine.
"""

import json
import math
import os
import random
import re
import shlex
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import mpmath
import sympy as sp

# The expression generator (learner-shaped text with its meaning), the strict real
# evaluator, the tolerance and the binary runner are those of the plain-expression oracle.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy_oracle as so  # noqa: E402

from sympy_oracle import ATOM, Gen, Node  # noqa: E402

mpmath.mp.dps = 30

KINK = 1e-6
TARGET_POINTS = 5
MIN_POINTS = 3
MAX_CANDIDATES = 300
RECHECK_DIGITS = (80, 200)
QUICK = 5.0  # seconds within which a bad input must be refused

VAR_NAMES = ['x', 't', 'u', 'a', 'b', 'c']
SYM = {n: sp.Symbol(n, real=True) for n in VAR_NAMES}
COEFS = ['a', 'b', 'c']

FLOAT = so.Evaluator(False)
MP = so.Evaluator(True)
Undefined = so.Undefined

FAILURE_KINDS = ['hang', 'crash', 'refusal', 'accepted bad input', 'wrong expression',
                 'wrong written form', 'missing derivative', 'wrong derivative', 'wrong chain',
                 'wrong chain value', 'wrong chain rule', 'chain product', 'unreadable output']


# ---------------------------------------------------------------------------
# Definitions and their meaning. A definition is (name, parameter, body node); a body or
# query node may hold ('call', (name, order, argument)) nodes. Bodies are bound late, as in
# the tutor: a call means the body of the definition of that name in force at the end.

class Defs:
    def __init__(self):
        self.d = {}
        self._deriv = {}

    def define(self, name, param, body):
        self.d[name] = (param, body)
        self._deriv.clear()

    def param(self, name):
        return SYM[self.d[name][0]]

    def deriv(self, name, order):
        """The ORDERth derivative of NAME's body in its own parameter (evaluated)."""
        key = (name, order)
        v = self._deriv.get(key)
        if v is None:
            p, body = self.d[name]
            v = meaning(body, self, {p: SYM[p]}, True)
            if order:
                v = sp.diff(v, SYM[p], order)
            self._deriv[key] = v
        return v

    def at(self, name, order, arg, ev):
        if name not in self.d:
            raise ValueError(f'{name} is not defined')
        p, body = self.d[name]
        if order == 0:
            return meaning(body, self, {p: arg}, ev)
        return self.deriv(name, order).xreplace({SYM[p]: arg})


def meaning(n, defs, scope, ev):
    """What node N means, with the parameter names in SCOPE bound to SymPy expressions;
    with ev=False exactly as typed, so that sqrt(x)^2 keeps the domain x >= 0."""
    k = n.kind
    if k == 'num':
        return n.a
    if k == 'var':
        return scope.get(n.a, SYM[n.a])
    if k == 'e':
        return sp.E
    if k == 'add':
        terms = [meaning(t, defs, scope, ev) for _, t in n.a]
        return sp.Add(*[t if s > 0 else sp.Mul(-1, t, evaluate=ev)
                        for (s, _), t in zip(n.a, terms)], evaluate=ev)
    if k == 'mul':
        coef, factors = n.a
        parts = [meaning(f, defs, scope, ev) for f in factors]
        if coef != 1:
            parts.insert(0, coef)
        return sp.Mul(*parts, evaluate=ev)
    if k == 'div':
        return sp.Mul(meaning(n.a[0], defs, scope, ev),
                      sp.Pow(meaning(n.a[1], defs, scope, ev), -1, evaluate=ev), evaluate=ev)
    if k == 'pow':
        return sp.Pow(meaning(n.a[0], defs, scope, ev), meaning(n.a[1], defs, scope, ev),
                      evaluate=ev)
    if k == 'fn':
        return so.FN_SYM[n.a[0]](meaning(n.a[1], defs, scope, ev), ev)
    if k == 'call':
        name, order, arg = n.a
        return defs.at(name, order, meaning(arg, defs, scope, ev), ev)
    raise AssertionError(k)


def substitute(n, name, repl):
    """N with the variable NAME replaced by the node REPL (the text is not kept up to date:
    only the structure and the meaning of the result are used)."""
    k = n.kind
    if k == 'var':
        return repl if n.a == name else n
    if k in ('num', 'e'):
        return n
    if k == 'add':
        return Node(k, [(s, substitute(t, name, repl)) for s, t in n.a], n.text, n.prec)
    if k == 'mul':
        return Node(k, (n.a[0], [substitute(f, name, repl) for f in n.a[1]]), n.text, n.prec)
    if k in ('div', 'pow'):
        return Node(k, (substitute(n.a[0], name, repl), substitute(n.a[1], name, repl)),
                    n.text, n.prec)
    if k == 'fn':
        return Node(k, (n.a[0], substitute(n.a[1], name, repl)), n.text, n.prec)
    if k == 'call':
        return Node(k, (n.a[0], n.a[1], substitute(n.a[2], name, repl)), n.text, n.prec)
    raise AssertionError(k)


def chain_plan(query, var, defs):
    """The factors of d/d(VAR) QUERY in the learner's names, outermost first: ('call', name,
    order, argument node) for name^(order)(argument), ('inner', node) for the derivative of
    an innermost argument that is no call. None when the query is no call, or a call at VAR
    itself whose definition is no call, where naming adds nothing, and when a definition in the
    chain depends on VAR other than through its parameter. A call of a definition
    that is itself a call (h(x) = f(g(x))) is opened first."""
    cur, opened = query, False
    while cur.kind == 'call':
        name, order, arg = cur.a
        p, body = defs.d[name]
        if order != 0 or body.kind != 'call':
            break
        cur, opened = substitute(body, p, arg), True
    if cur.kind != 'call':
        return None
    if not opened and is_var(cur.a[2], var):
        return None
    plan, node = [], cur
    while True:
        if node.kind != 'call':
            plan.append(('inner', node))
            return plan
        name, order, arg = node.a
        # p(t) = x·t depends on x by itself as well: d/dx p(g(x)) is no chain p'·g'.
        if defs.d[name][0] != var and SYM[var] in defs.deriv(name, 0).free_symbols:
            return None
        plan.append(('call', name, order + 1, arg))
        if is_var(arg, var):
            return plan
        node = arg


def is_var(n, var):
    return n.kind == 'var' and n.a == var


# ---------------------------------------------------------------------------
# Reading the tutor's input form: explicit operators, and held calls f''(g(x)) where
# `allow_calls` (the "written" forms and the chain factors' names).

PARSE_FNS = dict(so.PARSE_FNS)
PARSE_FNS['sign'] = lambda u, ev=True: sp.sign(u, evaluate=ev)


class Parser(so._Parser):  # pylint: disable=protected-access
    """The plain reader, with calls of DEFS (f''(g(x))) and this file's variables."""

    def __init__(self, text, defs=None):
        super().__init__(text)
        self.defs = defs

    fns = PARSE_FNS

    def call(self, name, primes, arg):
        if self.defs is not None and name in self.defs.d:
            return self.defs.at(name, primes, arg, False)
        return super().call(name, primes, arg)

    def name(self, name):
        if name in SYM:
            return SYM[name]
        return super().name(name)


def read(text, defs=None):
    return Parser(text, defs).parse()


# ---------------------------------------------------------------------------
# Learner-shaped definitions.

def call(name, arg, order=0):
    return Node('call', (name, order, arg), f"{name}{chr(39) * order}({arg.text})", ATOM)


def small_affine(g, v):
    return g.affine(v=v, a=g.r.choice([1, 1, 2, 3, -1, -2]), b=g.r.randint(-3, 3))


def pos_quadratic(g, v):
    """v^2 + c with c > 0: an argument that ln and sqrt take everywhere."""
    return g.add([(1, g.pw(g.var(v), 2)), g.term(g.r.randint(1, 5), [])])


def body_node(g, v, coef=None):
    """A definition's body in the parameter V, as a learner types it; with COEF, one that
    uses the free coefficient COEF as well."""
    r = g.r
    x = lambda: g.var(v)
    if coef is not None:
        a = lambda: g.var(coef)
        c = r.randrange(8)
        if c == 0:  # a x^2
            return g.mul(1, [a(), g.pw(x(), 2)])
        if c == 1:  # a x + 1
            return g.add([(1, g.mul(1, [a(), x()])), g.term(g.nz(-4, 4), [])])
        if c == 2:  # sin(a x)
            return g.fn(r.choice(['sin', 'cos']), g.mul(1, [a(), x()]))
        if c == 3:  # e^(-a x)
            return g.exp(g.mul(r.choice([1, -1]), [a(), x()]))
        if c == 4:  # x^2 + a x
            return g.add([(1, g.pw(x(), 2)), (1, g.mul(1, [a(), x()]))])
        if c == 5:  # a/(x^2+1)
            return g.div(a(), pos_quadratic(g, v))
        if c == 6:  # sigmoid(a x + 1)
            return g.fn('sigmoid', g.add([(1, g.mul(1, [a(), x()])), g.term(g.nz(-2, 2), [])]))
        return g.mul(1, [a(), g.fn(r.choice(['sin', 'tanh']), x())])  # a sin(x)
    kinds = ['poly', 'affine', 'power', 'monomial', 'exp', 'log', 'sqrt', 'trig', 'activation',
             'product', 'quotient', 'atan', 'sum']
    k = r.choices(kinds, [12, 10, 9, 7, 10, 8, 7, 11, 9, 7, 6, 2, 6])[0]
    if k == 'poly':  # x^3 - 3x^2 + 2
        return g.poly(v=v, deg=r.choice([2, 2, 3]), lo=-4, hi=4)
    if k == 'affine':  # 3x + 1, 2 - x
        return g.affine(v=v, a=g.nz(-5, 5), b=r.randint(-6, 6))
    if k == 'power':  # (2x+1)^3, (x+1)^(-1), (x^2+1)^(1/2)
        e = r.choice([2, 3, 3, 4, -1, -2, sp.Rational(1, 2), sp.Rational(3, 2)])
        base = small_affine(g, v) if r.random() < 0.7 or e in (2, 3, 4) else pos_quadratic(g, v)
        return g.pw(base, e)
    if k == 'monomial':  # x^3, 2x^2, x^4/4
        m = g.pw(x(), r.choice([2, 3, 3, 4]))
        c = r.random()
        if c < 0.3:
            return g.mul(g.nz(-4, 4), [m])
        if c < 0.4:
            return g.div(m, g.num(r.choice([2, 3, 4])))
        return m
    if k == 'exp':  # e^x, exp(2x-1), e^(-x^2)
        c = r.randrange(4)
        arg = [x(), g.mul(-1, [x()]), small_affine(g, v),
               g.mul(-1, [g.pw(x(), 2)])][c]
        node = g.exp(arg)
        return g.mul(g.nz(-3, 3), [node]) if r.random() < 0.15 else node
    if k == 'log':  # ln(x), ln(x^2+1), log(2x+3)
        c = r.randrange(3)
        arg = [x(), pos_quadratic(g, v), small_affine(g, v)][c]
        return g.fn('log', arg, r.choice(['ln', 'ln', 'log']))
    if k == 'sqrt':  # sqrt(x), sqrt(x^2+4), sqrt(2x+1)
        c = r.randrange(3)
        arg = [x(), pos_quadratic(g, v), small_affine(g, v)][c]
        return g.fn('sqrt', arg)
    if k == 'trig':  # sin(x), cos(2x+1), sin(x)^2, tan(x)
        c = r.randrange(5)
        f = r.choice(['sin', 'cos'])
        if c == 0:
            return g.fn(f, x())
        if c == 1:
            return g.fn(f, small_affine(g, v))
        if c == 2:
            return g.pw(g.fn(f, x()), 2)
        if c == 3:
            return g.mul(g.nz(-3, 3), [g.fn(f, g.mul(g.nz(-3, 3), [x()]))])
        return g.fn('tan', x())
    if k == 'activation':  # sigmoid(2x-1), tanh(x/2), softplus(x), relu(x-1)
        f = r.choices(['sigmoid', 'tanh', 'softplus', 'relu'], [5, 4, 2, 1])[0]
        c = r.random()
        arg = x() if c < 0.3 else (g.div(x(), g.num(2)) if c < 0.4 else small_affine(g, v))
        return g.fn(f, arg)
    if k == 'product':  # x sin(x), x e^x, x^2 ln(x), x e^(-x)
        c = r.randrange(4)
        if c == 0:
            return g.mul(1, [x(), g.fn(r.choice(['sin', 'cos']), x())])
        if c == 1:
            return g.mul(1, [x(), g.exp(x() if r.random() < 0.5 else g.mul(-1, [x()]))])
        if c == 2:
            return g.mul(1, [g.pw(x(), 2), g.fn('log', x(), 'ln')])
        return g.mul(g.nz(1, 3), [x(), g.fn('sqrt', pos_quadratic(g, v))])
    if k == 'quotient':  # 1/(x^2+1), x/(x^2+1), 3/(2x-1)
        c = r.randrange(3)
        if c == 0:
            return g.div(g.num(g.nz(1, 4)), pos_quadratic(g, v))
        if c == 1:
            return g.div(x(), pos_quadratic(g, v))
        return g.div(g.num(g.nz(1, 5)), small_affine(g, v))
    if k == 'atan':
        return g.fn('atan', r.choice([x(), small_affine(g, v)]), r.choice(['atan', 'arctan']))
    # x^2 + sin(x), 3x - e^x
    first = g.term(g.nz(-3, 3), [g.pw(x(), 2) if r.random() < 0.6 else x()])
    second = r.choice([g.fn('sin', x()), g.fn('cos', x()), g.exp(x()), g.fn('sqrt', x())])
    return g.add([first, (r.choice([1, -1]), second)])


def def_text(g, name, param, body):
    eq = g.r.choice(['=', '=', ' = '])
    return f'{name}({param}){eq}{body.text}'


# ---------------------------------------------------------------------------
# Cases. A case holds the definitions (in the order given), the query and the runs.

class Case:
    def __init__(self, idx, shape, def_texts, defs, query, var, order=1, bad=False,
                 command='diff', query_text=None):
        self.idx = idx
        self.shape = shape
        self.def_texts = def_texts
        self.defs = defs
        self.query = query
        self.query_text = query_text if query_text is not None else query.text
        self.var = var
        self.order = order
        self.bad = bad
        self.command = command  # for a bad case: the one command run
        self.failures = []
        self.skip = None
        self.futures = {}
        self.args = {}
        self.elapsed = 0.0  # of the last run, for a bad input

    def build_args(self, rng):
        """The command lines: --def before or after the command, as --def X or --def=X."""
        p = rng.random()
        defs = []
        for t in self.def_texts:
            defs += (['--def=' + t] if rng.random() < 0.15 else ['--def', t])
        cmds = ['show', 'diff'] if not self.bad else [self.command]
        for cmd in cmds:
            opts = ['--format', 'json']
            if cmd == 'diff' and self.order > 1:
                opts += ['--order', str(self.order)]
            if p < 0.6:
                args = defs + [cmd] + opts
            elif p < 0.85:
                args = [cmd] + defs + opts
            else:
                args = [cmd] + opts + defs
            self.args[cmd] = args + ['--', self.query_text]

    def repro(self, cmd):
        return ' '.join(quote(a) for a in [TUTOR_SHOWN] + self.args[cmd])


def quote(arg):
    """For the shell: f'(x) in double quotes rather than as 'f'"'"'(x)'."""
    if "'" in arg and not any(ch in arg for ch in '$`\\"!'):
        return '"' + arg + '"'
    return shlex.quote(arg)


TUTOR_SHOWN = 'tutor'

NAME_SETS = [(('f', 'g', 'h'), 14), (('f', 'g', 'k'), 2), (('F', 'G', 'H'), 2),
             (('k', 'm', 'q'), 1), (('loss', 'act', 'lin'), 1)]


def pick_names(r):
    return r.choices([n for n, _ in NAME_SETS], [w for _, w in NAME_SETS])[0]


def pick_param(r):
    return r.choices(['x', 't', 'u'], [6, 3, 1])[0]


def simple_defs(g, names, coef_share=0.2):
    """Definitions of NAMES, each in its own parameter, one perhaps with a coefficient."""
    r = g.r
    defs, texts = Defs(), []
    coef_at = r.randrange(len(names)) if r.random() < coef_share else None
    for i, name in enumerate(names):
        p = pick_param(r)
        coef = None
        if i == coef_at:
            # now and then the variable of the query itself: k(t) = x t^2
            coef = 'x' if p != 'x' and r.random() < 0.25 else r.choice(COEFS)
        body = body_node(g, p, coef)
        defs.define(name, p, body)
        texts.append(def_text(g, name, p, body))
    return defs, texts


def query_var(r):
    return 'x' if r.random() < 0.85 else 't'


def shape_compose(g):  # f(g(x))
    f, h, _ = pick_names(g.r)
    defs, texts = simple_defs(g, [f, h])
    v = query_var(g.r)
    return Case(0, 'f(g(x))', texts, defs, call(f, call(h, g.var(v))), v)


def shape_compose_back(g):  # g(f(x))
    f, h, _ = pick_names(g.r)
    defs, texts = simple_defs(g, [f, h])
    v = query_var(g.r)
    return Case(0, 'g(f(x))', texts, defs, call(h, call(f, g.var(v))), v)


def shape_three(g):  # f(g(h(x)))
    names = pick_names(g.r)
    defs, texts = simple_defs(g, list(names), 0.15)
    v = query_var(g.r)
    f, h, k = names
    return Case(0, 'f(g(h(x)))', texts, defs, call(f, call(h, call(k, g.var(v)))), v)


def composite_def(g, names, defs, texts):
    """h(x) = f(g(x)), in h's own parameter, sometimes the other way round."""
    r = g.r
    f, h, k = names
    p = pick_param(r)
    outer, inner = (f, h) if r.random() < 0.75 else (h, f)
    body = call(outer, call(inner, g.var(p)))
    defs.define(k, p, body)
    texts.append(def_text(g, k, p, body))
    return k


def shape_composite(g):  # h(x) with h(x) = f(g(x))
    names = pick_names(g.r)
    defs, texts = simple_defs(g, list(names[:2]))
    k = composite_def(g, names, defs, texts)
    v = query_var(g.r)
    return Case(0, 'h(x), h=f(g)', texts, defs, call(k, g.var(v)), v)


def shape_redefined(g):  # h(x) = f(g(x)), then f redefined: h uses the new f
    names = pick_names(g.r)
    defs, texts = simple_defs(g, list(names[:2]))
    k = composite_def(g, names, defs, texts)
    f = names[g.r.randrange(2)]
    p = pick_param(g.r)
    body = body_node(g, p)
    defs.define(f, p, body)
    texts.append(def_text(g, f, p, body))
    v = query_var(g.r)
    q = call(k, g.var(v)) if g.r.random() < 0.7 else call(names[0], call(names[1], g.var(v)))
    return Case(0, 'redefined', texts, defs, q, v)


def shape_inner(g):  # f(2x+1), f(x^2+1), f(x/2)
    r = g.r
    f = pick_names(r)[0]
    defs, texts = simple_defs(g, [f])
    v = query_var(r)
    c = r.randrange(4)
    if c < 2:
        arg = g.affine(v=v, a=g.nz(-4, 4), b=g.nz(-5, 5))
    elif c == 2:
        arg = g.add([(1, g.pw(g.var(v), 2)), g.term(g.nz(-4, 4), [])])
    else:
        arg = g.div(g.var(v), g.num(r.choice([2, 3])))
    return Case(0, 'f(2x+1)', texts, defs, call(f, arg), v)


def shape_builtin_inner(g):  # f(sin(x)), f(e^x), f(ln(x)), f(sqrt(x))
    r = g.r
    f = pick_names(r)[0]
    defs, texts = simple_defs(g, [f])
    v = query_var(r)
    x = g.var(v)
    c = r.randrange(6)
    arg = [g.fn('sin', x), g.fn('cos', x), g.exp(x), g.fn('log', x, 'ln'), g.fn('sqrt', x),
           g.fn('tanh', g.mul(2, [x]))][c]
    return Case(0, 'f(sin(x))', texts, defs, call(f, arg), v)


def shape_combination(g):  # 2f(x) + g(x), f(x) - 3g(x)
    f, h, _ = pick_names(g.r)
    defs, texts = simple_defs(g, [f, h])
    v = query_var(g.r)
    q = g.add([g.term(g.nz(-4, 4), [call(f, g.var(v))]),
               g.term(g.nz(-4, 4), [call(h, g.var(v))])])
    return Case(0, '2f(x)+g(x)', texts, defs, q, v)


def shape_product(g):  # f(x)g(x), f(x)*g(x), f(x)/g(x)
    f, h, _ = pick_names(g.r)
    defs, texts = simple_defs(g, [f, h])
    v = query_var(g.r)
    if g.r.random() < 0.8:
        q = g.mul(1, [call(f, g.var(v)), call(h, g.var(v))])
    else:
        q = g.div(call(f, g.var(v)), call(h, g.var(v)))
    return Case(0, 'f(x)g(x)', texts, defs, q, v)


def shape_self(g):  # f(f(x))
    f = pick_names(g.r)[0]
    defs, texts = simple_defs(g, [f])
    v = query_var(g.r)
    return Case(0, 'f(f(x))', texts, defs, call(f, call(f, g.var(v))), v)


def shape_prime(g):  # f'(x), f''(x): show gives the derivative of f, diff the next one
    f = pick_names(g.r)[0]
    defs, texts = simple_defs(g, [f])
    v = query_var(g.r)
    return Case(0, "f'(x)", texts, defs, call(f, g.var(v), g.r.choice([1, 1, 2])), v)


def shape_prime_chain(g):  # f''(g(x)), f'(g(x))
    f, h, _ = pick_names(g.r)
    defs, texts = simple_defs(g, [f, h])
    v = query_var(g.r)
    return Case(0, "f''(g(x))", texts, defs,
                call(f, call(h, g.var(v)), g.r.choice([1, 2, 2])), v)


def shape_order2(g):  # diff --order 2 f(g(x))
    f, h, _ = pick_names(g.r)
    defs, texts = simple_defs(g, [f, h])
    v = query_var(g.r)
    return Case(0, 'order 2 f(g(x))', texts, defs, call(f, call(h, g.var(v))), v, order=2)


def shape_bad(g):
    """Inputs the tutor must refuse: self reference, a cycle, a built-in name, two
    parameters, a call with two arguments, a number too large."""
    r = g.r
    f, h, _ = pick_names(r)
    p = pick_param(r)
    body = body_node(g, p)
    cmd = r.choice(['show', 'diff'])
    t = r.randrange(6)
    x = g.var('x')
    if t == 0:  # f(x) = x^2 + f(x)
        rec = call(f, r.choice([g.var(p), small_affine(g, p)]))
        bad = g.add([(1, body), (1, rec)] if r.random() < 0.5 else [(1, rec), (1, body)])
        return Case(0, 'bad: self reference', [def_text(g, f, p, bad)], None, call(f, x), 'x',
                    bad=True, command=cmd)
    if t == 1:  # f(x) = ..., g(x) = f(x) + 1, f(x) = g(x)
        texts = [def_text(g, f, p, body)]
        q = pick_param(r)
        uses = g.add([(1, call(f, g.var(q))), g.term(g.nz(-5, 5), [])])
        texts.append(def_text(g, h, q, uses))
        s = pick_param(r)
        texts.append(def_text(g, f, s, g.mul(g.nz(1, 3), [call(h, g.var(s))])))
        return Case(0, 'bad: cycle', texts, None, call(r.choice([f, h]), x), 'x', bad=True,
                    command=cmd)
    if t == 2:  # sin(x) = ...
        name = r.choice(['sin', 'cos', 'exp', 'ln', 'log', 'sqrt', 'tanh', 'sigmoid', 'abs',
                         'relu', 'e', 'pi'])
        return Case(0, 'bad: built-in name', [def_text(g, name, p, body)], None, x, 'x',
                    bad=True, command=cmd)
    if t == 3:  # f(x, y) = ...
        other = r.choice([n for n in ('x', 't', 'u', 'y') if n != p])
        text = f'{f}({p},{other})={body.text}'
        return Case(0, 'bad: two parameters', [text], None, call(f, x), 'x', bad=True,
                    command=cmd)
    if t == 4:  # f(x, 1)
        second = r.choice(['1', 'x', '2x+1', f'{f}(x)'])
        q = f'{f}(x, {second})' if r.random() < 0.5 else f'{f}({second},x)'
        return Case(0, 'bad: two arguments', [def_text(g, f, p, body)], None, None, 'x',
                    bad=True, command=cmd, query_text=q)
    # f(x) = x^500, f(f(3))
    k = r.choice([200, 500, 1000, 1500])
    c = r.randint(2, 9)
    return Case(0, 'bad: number too large', [f'{f}({p})={p}^{k}'], None, None, 'x', bad=True,
                command=cmd, query_text=f'{f}({f}({c}))')


SHAPES = [
    ('f(g(x))', shape_compose, 13),
    ('g(f(x))', shape_compose_back, 7),
    ('f(g(h(x)))', shape_three, 9),
    ('h(x), h=f(g)', shape_composite, 9),
    ('redefined', shape_redefined, 4),
    ('f(2x+1)', shape_inner, 8),
    ('f(sin(x))', shape_builtin_inner, 8),
    ('2f(x)+g(x)', shape_combination, 7),
    ('f(x)g(x)', shape_product, 7),
    ('f(f(x))', shape_self, 5),
    ("f'(x)", shape_prime, 7),
    ("f''(g(x))", shape_prime_chain, 7),
    ('order 2 f(g(x))', shape_order2, 9),
    ('bad input', shape_bad, 4),
]
SHAPE_ORDER = [s[0] for s in SHAPES[:-1]] + [
    'bad: self reference', 'bad: cycle', 'bad: built-in name', 'bad: two parameters',
    'bad: two arguments', 'bad: number too large', 'fixed bad input']

# Bad inputs that must be refused, among them definitions that blow up when written out
# (f(f(f(f(x)))) with f(x) = x + sin(x) doubles with each call) and must not hang.
FIXED_BAD = [
    ['--def', 'f(x)=f(x)+1', 'show', '--', 'f(x)'],
    ['--def', 'f(x)=x^2', '--def', 'g(x)=f(x)+1', '--def', 'f(x)=g(x)', 'show', '--', 'g(x)'],
    ['--def', 'sin(x)=x', 'show', '--', 'sin(x)'],
    ['--def', 'f(x,y)=x', 'show', '--', 'f(x)'],
    ['--def', 'f(x)=x^2', 'show', '--', 'f(1,2)'],
    ['--def', 'f(x)=x+sin(x)', '--def', 'g(x)=f(f(f(f(x))))', '--def', 'k(x)=g(g(g(g(x))))',
     'show', '--', 'k(k(x))'],
    ['--def', 'f(x)=x+sin(x)', '--def', 'g(x)=f(f(f(f(x))))', 'diff', '--format', 'json', '--',
     'g(g(g(g(x))))'],
    ['--def', 'f(x)=x^1000', 'show', '--', 'f(f(5))'],
    ['--def', 'f(x)=x^1000', 'diff', '--format', 'json', '--', 'f(f(5))'],
]


def generate(seed, count):
    rng = random.Random(f'definitions-sympy:{seed}')
    weights = [s[2] for s in SHAPES]
    cases, seen, attempts = [], set(), 0
    while len(cases) < count and attempts < count * 50:
        attempts += 1
        shape = rng.choices(SHAPES, weights)[0]
        case = shape[1](Gen(rng))
        key = (tuple(case.def_texts), case.query_text, case.order)
        if key in seen:
            continue
        seen.add(key)
        case.idx = len(cases)
        case.build_args(rng)
        cases.append(case)
    for args in FIXED_BAD:
        case = Case(len(cases), 'fixed bad input', [], None, None, 'x', bad=True,
                    command='fixed', query_text=args[-1])
        case.args = {'fixed': args}
        cases.append(case)
    return cases


# ---------------------------------------------------------------------------
# Points and comparison.

def draw(rng, name, i):
    if name in COEFS:
        return rng.uniform(-3, 3) if i % 4 else rng.choice([-1, 1]) * rng.uniform(0.2, 6)
    k = i % 6
    if k < 3:
        return rng.uniform(-3, 3)
    if k == 3:
        return rng.choice([-1, 1]) * 10 ** rng.uniform(-2, -0.3)
    if k == 4:
        return rng.uniform(-10, 10)
    return rng.choice([-1, 1]) * 10 ** rng.uniform(0.5, 1.5)


def find_points(rng, syms, exprs):
    """Real points where every expression in EXPRS is defined, away from kinks (the plain
    oracle's search, with this file's coefficients drawn apart)."""
    pts = so.search_points(rng, syms, exprs, lambda i, j, s: draw(rng, s.name, i + 2 * j),
                           near_from=20, spread=2, largest=1e100, target=TARGET_POINTS,
                           candidates=MAX_CANDIDATES)
    return [p for p, _ in pts]


def fmt(v):
    return 'undefined' if v is None else mpmath.nstr(v, 15)


def fmt_point(env):
    return ', '.join(f'{s}={mpmath.nstr(v, 12)}' for s, v in sorted(env.items(),
                                                                     key=lambda kv: kv[0].name))


def differs(got, want, envs):
    """None when GOT equals WANT at every point of ENVS where WANT is defined (a point
    near a kink of either is left out), else where and how they differ."""
    compared = 0
    for env in envs:
        try:
            wv, ws, wk = MP(want, env)
        except Undefined:
            continue
        if wk < KINK:
            continue
        try:
            hv, hs, hk = MP(got, env)
        except Undefined:
            hv, hs, hk = None, 0, math.inf
        except KeyError as exc:
            return f'uses {exc.args[0]}, which the input does not have'
        if hk < KINK:
            continue
        compared += 1
        if hv is not None and so.close(hv, wv, max(hs, ws)):
            continue
        same, last = so.agree_with_more_digits(want, got, env, RECHECK_DIGITS)
        if same:
            continue
        return (f'at {fmt_point(env)}: SymPy {fmt(wv)}, tutor {fmt(hv)} (with '
                f'{RECHECK_DIGITS[-1]} digits: SymPy {fmt(last[0] and last[0][0])}, tutor '
                f'{fmt(last[1] and last[1][0])})')
    return None


# ---------------------------------------------------------------------------
# The SymPy side of a case, and the checks.

COUNTS = {'expression': 0, 'written': 0, 'derivative': 0, 'chain': 0, 'factor': 0}

def prepare(case, seed):
    defs, q = case.defs, case.query
    case.unev = meaning(q, defs, {}, False)
    case.sym = meaning(q, defs, {}, True)
    names = sorted({s.name for s in case.sym.free_symbols} | {case.var})
    case.vars = [SYM[n] for n in names]
    case.derivs = {}
    for s in case.vars:
        d = case.sym
        for k in range(1, case.order + 1):
            d = sp.diff(d, s)
            case.derivs[(s.name, k)] = d
    # the chain each first derivative is expected to have, with the values of its factors
    case.plans = {s.name: expected_chain(case, s.name) for s in case.vars}
    extra = [item[-1] for items in case.plans.values() if items for item in items]
    rng = random.Random(f'definitions-points:{seed}:{case.idx}')
    # x as well: the tutor differentiates an expression without variables, f''(t) = 2, in x
    syms = sorted({s for e in [case.unev] + extra for s in e.free_symbols} | set(case.vars)
                  | {SYM['x']}, key=lambda s: s.name)
    exprs = [case.unev] + list(case.derivs.values()) + extra
    case.points = find_points(rng, syms, exprs)


def expected_chain(case, v):
    """chain_plan with SymPy's values: ('call', name, order, argument, value) and
    ('inner', expression, value), or None where no chain is expected."""
    plan = chain_plan(case.query, v, case.defs)
    if plan is None:
        return None
    defs, items = case.defs, []
    for item in plan:
        if item[0] == 'call':
            _, name, n, arg = item
            arg_sym = meaning(arg, defs, {}, True)
            value = defs.deriv(name, n).xreplace({defs.param(name): arg_sym})
            items.append(('call', name, n, arg_sym, value))
        else:
            inner = meaning(item[1], defs, {}, True)
            items.append(('inner', inner, sp.diff(inner, SYM[v])))
    return items


def run_result(case, cmd):
    """(doc, None) for a run that answered with JSON, else (None, a failure already noted)."""
    status, out, err = case.futures[cmd].result()
    if status == 'not run':
        case.skip = case.skip or 'not run: the time budget was spent'
        return None
    if status == 'hang':
        case.failures.append(('hang', f'{case.repro(cmd)}  (no answer in {RUNNER.timeout:g} s)'))
        return None
    if status == 2:
        if len(case.points) >= MIN_POINTS:
            case.failures.append(('refusal', f'{case.repro(cmd)}  exit 2: '
                                              f'{so.first_line(err)}  (defined at '
                                              f'{fmt_point(case.points[0])})'))
        else:
            case.skip = case.skip or 'refused, undefined (almost) everywhere'
        return None
    if status != 0:
        case.failures.append(('crash', f'{case.repro(cmd)}  exit {status}: {so.first_line(err)}'))
        return None
    try:
        return json.loads(out)
    except ValueError as exc:
        case.failures.append(('crash', f'{case.repro(cmd)}  unreadable JSON ({exc})'))
        return None


def check_form(case, cmd, doc, field, want, with_calls, kind):
    text = doc.get(field)
    if not isinstance(text, str):
        case.failures.append(('unreadable output', f'{case.repro(cmd)}  no "{field}"'))
        return
    try:
        got = read(text, case.defs if with_calls else None)
    except ValueError as exc:
        case.failures.append(('unreadable output', f'{case.repro(cmd)}  "{field}": {exc}'))
        return
    COUNTS[field] += 1
    why = differs(got, want, case.points)
    if why:
        case.failures.append((kind, f'{case.repro(cmd)}\n      "{field}": {text}\n      SymPy: '
                                    f'{want}\n      {why}'))


def evaluate(case):
    if case.bad:
        return evaluate_bad(case)
    if len(case.points) < MIN_POINTS:
        case.skip = f'fewer than {MIN_POINTS} real points'
    show = run_result(case, 'show')
    if show is not None and not case.skip:
        check_form(case, 'show', show, 'expression', case.unev, False, 'wrong expression')
        check_form(case, 'show', show, 'written', case.unev, True, 'wrong written form')
    diff = run_result(case, 'diff')
    if diff is None or case.skip:
        return
    check_form(case, 'diff', diff, 'expression', case.unev, False, 'wrong expression')
    check_form(case, 'diff', diff, 'written', case.unev, True, 'wrong written form')
    try:
        entries = {(d['wrt'], d['order']): d for d in diff['derivatives']}
    except (KeyError, TypeError):
        case.failures.append(('unreadable output', f'{case.repro("diff")}  no "derivatives"'))
        return
    for (v, k) in case.derivs:
        if (v, k) not in entries and case.sym.has(SYM[v]):
            case.failures.append(('missing derivative', f'{case.repro("diff")}  no derivative '
                                                        f'of order {k} in {v}'))
    for (v, k), entry in entries.items():
        if v not in SYM:
            case.failures.append(('unreadable output', f'{case.repro("diff")}  derivative in '
                                                       f'an unknown variable {v!r}'))
            continue
        want = case.derivs.get((v, k))
        if want is None:
            want = sp.diff(case.sym, SYM[v], k)
        try:
            got = read(entry['result'])
        except (ValueError, KeyError) as exc:
            case.failures.append(('unreadable output', f'{case.repro("diff")}  result: {exc}'))
            continue
        COUNTS['derivative'] += 1
        why = differs(got, want, case.points)
        if why:
            case.failures.append(('wrong derivative', f'{case.repro("diff")}\n      d^{k}/d{v}^{k}'
                                                       f' tutor: {entry["result"]}\n      '
                                                       f'SymPy: {want}\n      {why}'))
        chain = entry.get('chain')
        if k == 1 and v not in case.plans:
            case.plans[v] = expected_chain(case, v)
        plan = case.plans[v] if k == 1 else None
        if chain is None:
            if plan is not None and v == case.var:
                case.failures.append(('wrong chain', f'{case.repro("diff")}  no chain in d/d{v}'
                                                     f', expected {plan_names(plan)}'))
            continue
        check_chain(case, v, k, chain, plan, want)


def plan_names(plan):
    return ', '.join(f"{it[1]}{chr(39) * it[2]}" if it[0] == 'call' else '(inner)'
                     for it in plan)


CALL_NAME = re.compile(r"^([A-Za-z_][A-Za-z_0-9]*)('+)\((.*)\)$")


def check_chain(case, v, k, chain, plan, want):
    rep = case.repro('diff')
    where = f'd/d{v}' if k == 1 else f'd^{k}/d{v}^{k}'
    try:
        factors = chain['factors']
        shape = []
        for f in factors:
            if f['call']:
                m = CALL_NAME.match(f['name'])
                if not m:
                    raise ValueError(f'factor name {f["name"]!r}')
                shape.append(('call', m.group(1), len(m.group(2))))
            else:
                shape.append(('inner',))
        values = [read(f['value']) for f in factors]
        written = read(chain['written'], case.defs)
    except (KeyError, TypeError, ValueError) as exc:
        case.failures.append(('unreadable output', f'{rep}  chain of {where}: {exc!r}'))
        return
    COUNTS['chain'] += 1
    COUNTS['factor'] += len(factors)
    why = differs(written, case.unev, case.points)
    if why:
        case.failures.append(('wrong written form', f'{rep}\n      chain of {where} "written": '
                                                    f'{chain["written"]}\n      {why}'))
    listed = ', '.join(f['name'] for f in factors)
    if plan is None:
        case.failures.append(('wrong chain', f'{rep}\n      {where} has a chain ({listed}) '
                                             f'where none was expected'))
    elif [s for s in shape] != [(it[0],) + ((it[1], it[2]) if it[0] == 'call' else ())
                                 for it in plan]:
        case.failures.append(('wrong chain', f'{rep}\n      chain of {where}: {listed}; '
                                             f'expected {plan_names(plan)}'))
        plan = None
    if plan is not None:
        for f, got, item in zip(factors, values, plan):
            wv = item[-1]
            why = differs(got, wv, case.points)
            if why:
                case.failures.append(('wrong chain value', f'{rep}\n      {where}, factor '
                                                           f'{f["name"]} = {f["value"]}\n      '
                                                           f'SymPy: {wv}\n      {why}'))
            if item[0] != 'call':
                continue
            _, name, n, arg_sym, _ = item
            try:
                rule = read(f['rule'])
            except ValueError as exc:
                case.failures.append(('unreadable output', f'{rep}  rule of {f["name"]}: {exc}'))
                continue
            p = case.defs.param(name)
            envs = []
            for env in case.points:
                try:
                    argval, _, _ = MP(arg_sym, env)
                except Undefined:
                    continue
                e2 = dict(env)
                e2[p] = argval
                envs.append(e2)
            want_rule = case.defs.deriv(name, n)
            why = differs(rule, want_rule, envs)
            if why:
                case.failures.append(('wrong chain rule', f'{rep}\n      {where}, factor '
                                                          f'{f["name"]}: rule {f["rule"]}\n      '
                                                          f'SymPy: {want_rule} (in {p})\n      '
                                                          f'{why}'))
    product = sp.Mul(*values, evaluate=False) if values else sp.S.One
    why = differs(product, want, case.points)
    if why:
        vals = ' · '.join(f'({f["value"]})' for f in factors)
        case.failures.append(('chain product', f'{rep}\n      {where}: the factors {listed} '
                                               f'multiply to {vals}\n      SymPy\'s derivative: '
                                               f'{want}\n      {why}'))


def evaluate_bad(case):
    cmd = case.command
    status, out, err = case.futures[cmd].result()
    elapsed = case.elapsed
    rep = case.repro(cmd)
    if status == 'not run':
        case.skip = 'not run: the time budget was spent'
    elif status == 'hang':
        case.failures.append(('hang', f'{rep}  (no answer in {RUNNER.timeout:g} s)'))
    elif status == 0:
        case.failures.append(('accepted bad input', f'{rep}  exit 0'))
    elif status != 2 or not err.strip():
        case.failures.append(('crash', f'{rep}  exit {status}, no message: '
                                       f'{so.first_line(err)}'))
    elif elapsed > QUICK:
        case.failures.append(('hang', f'{rep}  refused only after {elapsed:.1f} s'))


# ---------------------------------------------------------------------------

RUNNER = None


def timed(runner, case, args):
    t0 = time.monotonic()
    result = runner(args)
    case.elapsed = time.monotonic() - t0
    return result


def main():
    global RUNNER, TUTOR_SHOWN
    ap = so.argument_parser(__doc__, seed='1',
                            seed_help='seed of the definitions, queries and points',
                            count=400, count_help='number of generated cases')
    ap.add_argument('--budget', type=float, default=240.0,
                    help='seconds after which no more tutor runs are started')
    ap.add_argument('--show', type=int, default=10, help='failures listed per kind')
    args = ap.parse_args()
    TUTOR_SHOWN = args.tutor

    t0 = time.monotonic()
    RUNNER = runner = so.Runner(os.path.abspath(args.tutor), args.timeout, args.budget)
    cases = generate(args.seed, args.count)
    pool = ThreadPoolExecutor(max_workers=max(1, args.jobs))
    for case in cases:
        for cmd, a in case.args.items():
            case.futures[cmd] = pool.submit(timed, runner, case, a)
    harness_errors = []
    for case in cases:
        try:
            if not case.bad:
                prepare(case, args.seed)
            evaluate(case)
        except (RecursionError, ValueError, TypeError, KeyError) as exc:
            harness_errors.append(f'{case.repro(next(iter(case.args)))}: {exc!r}')
            case.failures = []
            case.skip = 'harness error'
    pool.shutdown()
    runner.close()
    report(cases, args, runner, harness_errors, time.monotonic() - t0)
    failed = sum(1 for c in cases if c.failures)
    return 1 if failed or runner.not_run or harness_errors else 0


def report(cases, args, runner, harness_errors, elapsed):
    out = sys.stdout
    by_kind = so.failures_by_kind(cases, FAILURE_KINDS)
    print(f'Definitions oracle: seed {args.seed}, {len(cases)} cases, tutor {runner.tutor}',
          file=out)
    so.report_shapes(out, cases, SHAPE_ORDER, lambda c: c.shape, 24)
    print(f'tutor runs: {sum(len(c.args) for c in cases)} queued, {runner.calls} finished',
          file=out)
    print(f'compared: {COUNTS["expression"]} expressions, {COUNTS["written"]} written forms, '
          f'{COUNTS["derivative"]} derivatives, {COUNTS["chain"]} chains with '
          f'{COUNTS["factor"]} factors', file=out)
    so.report_tallies(out, cases, args, runner, by_kind)
    if harness_errors:
        print(f'harness errors: {len(harness_errors)}', file=out)
        for h in harness_errors[:args.show]:
            print('  ' + h, file=out)
    so.report_failures(out, by_kind, args.show)
    print(f'\ntime: {elapsed:.1f} s wall, {time.process_time():.1f} s CPU in this process',
          file=out)
    so.report_passed(out, cases)


if __name__ == '__main__':
    sys.exit(main())
