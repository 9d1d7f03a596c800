#!/usr/bin/env python3
"""Differential test of `tutor diff` and `tutor check` against SymPy.

The tutor differentiates with GiNaC and its own step engine; its unit tests compare
the steps with GiNaC's `diff`, so a mistake shared by both (or in the way the tutor
simplifies GiNaC's output) goes unseen. SymPy is an independent implementation, so
here it is the oracle:

* thousands of expressions are generated from a fixed seed, written the way learners
  type them (implicit products, `^`, `e^(...)`, `sqrt`, `abs`, activations, two
  variables, and the whole function table: sech, csch, coth, arsinh, arcosh, artanh,
  arccot, arcsec, arccsc under both their names, alone, in chains and in identities),
  each kept both as the text the tutor reads and as a SymPy expression (the tutor's
  arccot, with values in (0, pi), is pi/2 - atan(u), not SymPy's acot);
* `tutor diff --format json` must answer within the timeout, must not refuse an
  expression that is defined somewhere on the real line, and its result must equal
  SymPy's derivative at several random real points inside the expression's domain
  (every intermediate value real, away from the kinks of abs/relu/step), evaluated
  with 30 significant digits, and with up to 500 where 30 do not settle it;
* `tutor check` must accept SymPy's derivative, printed in tutor syntax, as correct
  and reject a planted mistake (twice the derivative, one added, the innermost chain
  factor dropped, ...) that SymPy confirms really differs.

It prints counts per shape and per kind of failure, the first failures of each kind
with a command that reproduces them, and ends with `N passed, M failed`. The exit
status is 0 only when nothing failed.

    python3 tests/oracle/sympy_oracle.py --tutor build/tutor [--seed S] [--count N]
        [--jobs J] [--timeout SECONDS] [--shape chain] [--show 50]

The same seed gives the same expressions, points and answers on every machine.
"""

import argparse
import json
import math
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import mpmath
import sympy as sp

# 30 digits leave a wide margin over the 1e-7 tolerance even where a derivative is a
# difference of large terms.
mpmath.mp.dps = 30

X = sp.Symbol('x', real=True)
Y = sp.Symbol('y', real=True)
SYMS = {'x': X, 'y': Y}
HALF = sp.Rational(1, 2)

RTOL = 1e-7
ATOL = 1e-9
KINK = 1e-6
TARGET_POINTS = 6
MIN_POINTS = 4
MAX_CANDIDATES = 400
MAX_ANSWER_BYTES = 2000  # the tutor's input limit
# sin(cosh(150)) needs more than 30 digits to get even its sign right; points where a
# periodic function's argument is larger than this are not used.
MAX_PERIODIC_ARG = 1e6
PERIODIC = {'sin', 'cos', 'tan'}
# SymPy class names of the function table, evaluated by Evaluator.table
TABLE_NAMES = {'sech', 'csch', 'coth', 'asinh', 'acosh', 'atanh', 'asec', 'acsc', 'acot'}

FAILURE_KINDS = ['hang', 'crash', 'refusal', 'wrong derivative',
                 'check false negative', 'check false positive']


# ---------------------------------------------------------------------------
# The tutor's function names, read into SymPy. Activations are spelled out rather than
# kept as opaque functions so that SymPy derives their derivatives itself.

def _sigmoid(u, ev=True):
    return sp.Pow(sp.Add(1, sp.exp(sp.Mul(-1, u, evaluate=ev), evaluate=ev), evaluate=ev), -1,
                  evaluate=ev)


def _relu(u, ev=True):
    return sp.Max(0, u, evaluate=ev)


def _softplus(u, ev=True):
    return sp.log(sp.Add(1, sp.exp(u, evaluate=ev), evaluate=ev), evaluate=ev)


def _step(u, ev=True):
    return sp.Heaviside(u, HALF, evaluate=ev)


def _acot(u, ev=True):
    # The tutor's arccot takes values in (0, pi), so acot(x) = pi/2 - atan(x); SymPy's acot
    # is atan(1/x), which is pi less for x < 0 (same derivative, different values inside
    # a chain: cos(acot(x)) changes sign), so it is spelled out like the activations.
    return sp.Add(sp.Mul(HALF, sp.pi, evaluate=ev),
                  sp.Mul(-1, sp.atan(u, evaluate=ev), evaluate=ev), evaluate=ev)


def _fn(cls):
    return lambda u, ev=True: cls(u, evaluate=ev)


# Built with an explicit evaluate flag: sympy's global `evaluate(False)` context clears
# SymPy's cache every time it is entered, which made everything else several times slower.
FN_SYM = {name: _fn(cls) for name, cls in [
    ('sin', sp.sin), ('cos', sp.cos), ('tan', sp.tan), ('sec', sp.sec), ('csc', sp.csc),
    ('cot', sp.cot), ('asin', sp.asin), ('acos', sp.acos), ('atan', sp.atan),
    ('arcsin', sp.asin), ('arccos', sp.acos), ('arctan', sp.atan), ('sinh', sp.sinh),
    ('cosh', sp.cosh), ('tanh', sp.tanh), ('exp', sp.exp), ('log', sp.log), ('ln', sp.log),
    ('sqrt', sp.sqrt), ('√', sp.sqrt), ('abs', sp.Abs),
    # the function table: the tutor's sech, csch, coth, asinh, acosh, atanh, asec and acsc
    # are SymPy's (asec(x) = acos(1/x), acsc(x) = asin(1/x) in both)
    ('sech', sp.sech), ('csch', sp.csch), ('coth', sp.coth), ('asinh', sp.asinh),
    ('arsinh', sp.asinh), ('acosh', sp.acosh), ('arcosh', sp.acosh), ('atanh', sp.atanh),
    ('artanh', sp.atanh), ('asec', sp.asec), ('arcsec', sp.asec), ('acsc', sp.acsc),
    ('arccsc', sp.acsc)]}
FN_SYM.update({'sigmoid': _sigmoid, 'σ': _sigmoid, 'relu': _relu, 'softplus': _softplus,
               'step': _step, 'acot': _acot, 'arccot': _acot})


class HarnessError(Exception):
    """Something the harness itself cannot handle; never blamed on the tutor."""


# The tutor's ASCII input form (its "result" and "expression" fields, and the answers
# printed below) has explicit operators only, so a small parser is enough; it is several
# times faster than sympy's parse_expr, which matters at tens of thousands of reads.
# A name may carry primes (f''), which only a reader of held calls accepts.
TOKEN = re.compile(r"\s*(?:(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)"
                   r"|([A-Za-z_][A-Za-z_0-9]*)('*)|(\*\*|[-+*/^(),]))")

PARSE_FNS = {k: v for k, v in FN_SYM.items() if k.isascii()}
PARSE_CONSTS = {'e': sp.E, 'pi': sp.pi}


def _tokens(text):
    out, pos = [], 0
    text = text.strip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ValueError(f'cannot read {text!r} at column {pos + 1}')
        if m.group(1):
            out.append(('num', m.group(1)))
        elif m.group(2):
            out.append(('name', (m.group(2), len(m.group(3)))))
        else:
            out.append(('op', '^' if m.group(4) == '**' else m.group(4)))
        pos = m.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return out


class _Parser:
    # Precedence as in the tutor (and Python): ^ right-associative above unary minus,
    # so -x^2 is -(x^2) and x^-2 is x^(-2); * and / left to right; then + and -.
    def __init__(self, text):
        self.text = text
        self.t = _tokens(text)
        self.i = 0

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else (None, None)

    def take(self, op):
        if self.peek() == ('op', op):
            self.i += 1
            return True
        return False

    def fail(self):
        raise ValueError(f'cannot read {self.text!r} near token {self.i + 1}')

    def parse(self):
        e = self.sum()
        if self.i != len(self.t):
            self.fail()
        return e

    def sum(self):
        e = self.product()
        while True:
            if self.take('+'):
                e = sp.Add(e, self.product(), evaluate=False)
            elif self.take('-'):
                e = sp.Add(e, sp.Mul(-1, self.product(), evaluate=False), evaluate=False)
            else:
                return e

    def product(self):
        e = self.unary()
        while True:
            if self.take('*'):
                e = sp.Mul(e, self.unary(), evaluate=False)
            elif self.take('/'):
                e = sp.Mul(e, sp.Pow(self.unary(), -1, evaluate=False), evaluate=False)
            else:
                return e

    def unary(self):
        if self.take('-'):
            return sp.Mul(-1, self.unary(), evaluate=False)
        if self.take('+'):
            return self.unary()
        return self.power()

    def power(self):
        base = self.atom()
        if self.take('^'):
            return sp.Pow(base, self.unary(), evaluate=False)
        return base

    def atom(self):
        kind, val = self.peek()
        self.i += 1
        if kind == 'num':
            return sp.Integer(val) if val.isdigit() else sp.Rational(val)
        if kind == 'name':
            name, primes = val
            if self.peek() == ('op', '('):
                self.i += 1
                arg = self.sum()
                if not self.take(')'):
                    self.fail()
                return self.call(name, primes, arg)
            if primes:
                self.fail()
            return self.name(name)
        if (kind, val) == ('op', '('):
            e = self.sum()
            if not self.take(')'):
                self.fail()
            return e
        self.fail()

    # What a reader of other forms (held calls of defined functions) overrides.
    fns = PARSE_FNS

    def call(self, name, primes, arg):
        fn = self.fns.get(name)
        if fn is None or primes:
            raise ValueError(f'unknown function {name + chr(39) * primes!r} in {self.text!r}')
        return fn(arg, False)

    def name(self, name):
        if name in SYMS:
            return SYMS[name]
        if name in PARSE_CONSTS:
            return PARSE_CONSTS[name]
        raise ValueError(f'unknown name {name!r} in {self.text!r}')


def parse_tutor(text):
    """Reads the tutor's ASCII input form, unevaluated so that its own domain is kept
    (SymPy would otherwise turn sqrt(x)^2 into x)."""
    return _Parser(text).parse()


# ---------------------------------------------------------------------------
# Strict real evaluation. Every node is evaluated, so a non-real intermediate value
# (sqrt or log of a negative, asin outside [-1, 1]) makes the point undefined even
# when the final value would come out real.

class Undefined(Exception):
    pass


class Evaluator:
    def __init__(self, use_mp):
        self.use_mp = use_mp
        if use_mp:
            m = mpmath
            self.f = {'sin': m.sin, 'cos': m.cos, 'tan': m.tan, 'exp': m.exp, 'log': m.log,
                      'asin': m.asin, 'acos': m.acos, 'atan': m.atan, 'sinh': m.sinh,
                      'cosh': m.cosh, 'tanh': m.tanh}
            self.inv_hyp = {'asinh': m.asinh, 'acosh': m.acosh, 'atanh': m.atanh}
            self.e = m.e
            self.pi = m.pi
        else:
            self.f = {'sin': math.sin, 'cos': math.cos, 'tan': math.tan, 'exp': math.exp,
                      'log': math.log, 'asin': math.asin, 'acos': math.acos,
                      'atan': math.atan, 'sinh': math.sinh, 'cosh': math.cosh,
                      'tanh': math.tanh}
            self.inv_hyp = {'asinh': math.asinh, 'acosh': math.acosh, 'atanh': math.atanh}
            self.e = math.e
            self.pi = math.pi
        self.consts = {}

    def number(self, r):
        v = self.consts.get(r)
        if v is None:
            if isinstance(r, sp.Rational):
                v = mpmath.mpf(int(r.p)) / int(r.q) if self.use_mp else int(r.p) / int(r.q)
            else:
                v = mpmath.mpf(str(r)) if self.use_mp else float(r)
            self.consts[r] = v
        return v

    def __call__(self, expr, env):
        """Returns (value, scale, kink): scale is the largest term of a top-level sum,
        kink the smallest |argument| of any abs/sign/step/relu seen."""
        self.env = env
        self.memo = {}
        self.kink = math.inf
        try:
            v = self.ev(expr)
        except (ZeroDivisionError, ValueError, OverflowError):
            raise Undefined from None
        scale = abs(v)
        if isinstance(expr, sp.Add):
            for a in expr.args:
                scale = max(scale, abs(self.memo[a]))
        return v, scale, self.kink

    def finite(self, v):
        if not self.use_mp and not math.isfinite(v):
            raise Undefined
        return v

    def ev(self, n):
        memo = self.memo
        v = memo.get(n)
        if v is not None:
            return v
        v = self.finite(self._ev(n))
        memo[n] = v
        return v

    def _mark(self, u):
        a = abs(u)
        if a < self.kink:
            self.kink = a

    def _ev(self, n):
        if n.is_Symbol:
            return self.env[n]
        if n.is_Number:
            if n.is_finite is False or n is sp.nan:
                raise Undefined
            return self.number(n)
        if n is sp.I or n is sp.zoo:
            raise Undefined  # SymPy wrote sqrt(-4u) as 2*I*sqrt(u): not real
        if n is sp.E:
            return self.e
        if n is sp.pi:
            return self.pi
        ev = self.ev
        if n.is_Add:
            s = 0
            for a in n.args:
                s = s + ev(a)
            return s
        if n.is_Mul:
            p = 1
            for a in n.args:
                p = p * ev(a)
            return p
        if n.is_Pow:
            b = ev(n.base)
            k = ev(n.exp)
            if k == int(k) and abs(k) < 10 ** 6:
                k = int(k)
                if b == 0 and k < 0:
                    raise Undefined
                return b ** k
            if b < 0:
                raise Undefined  # principal branch: not real
            if b == 0:
                if k > 0:
                    return b * 0
                raise Undefined
            return b ** k
        name = type(n).__name__
        f = self.f.get(name)
        if f is not None:
            u = ev(n.args[0])
            if not self.use_mp and name in PERIODIC and abs(u) > MAX_PERIODIC_ARG:
                raise Undefined
            if name == 'log' and u <= 0:
                raise Undefined
            if name in ('asin', 'acos') and abs(u) > 1:
                raise Undefined
            if name == 'tan' and self.f['cos'](u) == 0:
                raise Undefined
            return f(u)
        if name in ('sec', 'csc', 'cot'):
            u = ev(n.args[0])
            if not self.use_mp and abs(u) > MAX_PERIODIC_ARG:
                raise Undefined
            if name == 'sec':
                return 1 / self.f['cos'](u)
            if name == 'csc':
                return 1 / self.f['sin'](u)
            return self.f['cos'](u) / self.f['sin'](u)
        if name in TABLE_NAMES:
            return self.table(name, ev(n.args[0]))
        if name == 'Abs':
            u = ev(n.args[0])
            self._mark(u)
            return abs(u)
        if name == 'sign':
            u = ev(n.args[0])
            self._mark(u)
            return (u > 0) - (u < 0) + u * 0
        if name == 'Heaviside':
            u = ev(n.args[0])
            self._mark(u)
            return (1 if u > 0 else 0) + u * 0
        if name == 'DiracDelta':
            u = ev(n.args[0])
            self._mark(u)
            return u * 0
        if name in ('Max', 'Min'):
            vals = [ev(a) for a in n.args]
            for i in range(len(vals)):
                for j in range(i + 1, len(vals)):
                    self._mark(vals[i] - vals[j])
            return max(vals) if name == 'Max' else min(vals)
        raise HarnessError(f'cannot evaluate {name} in {n}')

    def table(self, name, u):
        """The function table on its real domain: csch, coth (and SymPy's acot, should it
        appear) not at 0, acosh from 1 up, atanh inside (-1, 1), asec and acsc where
        |u| >= 1. Beyond it the point is undefined, as SymPy's value would not be real."""
        f = self.f
        if name in ('csch', 'coth', 'acot') and u == 0:
            raise Undefined
        if name == 'acosh' and u < 1:
            raise Undefined
        if name == 'atanh' and abs(u) >= 1:
            raise Undefined
        if name in ('asec', 'acsc') and abs(u) < 1:
            raise Undefined
        if name == 'sech':
            return 1 / f['cosh'](u)
        if name == 'csch':
            return 1 / f['sinh'](u)
        if name == 'coth':
            return 1 / f['tanh'](u)
        if name == 'asec':
            return f['acos'](1 / u)
        if name == 'acsc':
            return f['asin'](1 / u)
        if name == 'acot':
            return f['atan'](1 / u)  # SymPy's convention, not the tutor's
        return self.inv_hyp[name](u)


FLOAT = Evaluator(False)
MP = Evaluator(True)


def close(a, b, scale):
    diff = abs(a - b)
    return diff <= max(RTOL * max(abs(a), abs(b)), ATOL * max(1, scale))


# Some points need more than 30 digits for one of two equal forms: coth(73)^2 - 1 is
# 10^-63, which 30 digits make 0, and tan(asec(-e^266)) is the tangent of pi/2 + 10^-116.
# Before a difference at a point is blamed on either side, both are evaluated again with
# more digits; only a difference that stays counts.
RECHECK_DIGITS = (80, 200, 500)


def value_at(expr, env, dps):
    """(value, scale) of expr at env with dps digits, or None where undefined."""
    with mpmath.workdps(dps):
        try:
            v, scale, _ = Evaluator(True)(expr, env)
        except Undefined:
            return None
        return +v, +scale


def agree_with_more_digits(a, b, env, digits=RECHECK_DIGITS):
    """Whether a and b agree at env at some precision of DIGITS (beyond 30 digits); else
    the last values tried ((value, scale) or None where undefined)."""
    last = None
    for dps in digits:
        va, vb = value_at(a, env, dps), value_at(b, env, dps)
        if va is not None and vb is not None and close(va[0], vb[0], max(va[1], vb[1])):
            return True, None
        last = (va, vb)
    return False, last


def fmt_value(v):
    return 'undefined' if v is None else fmt(v[0])


def fmt(v):
    return mpmath.nstr(v, 17) if isinstance(v, mpmath.mpf) else repr(v)


def fmt_point(env):
    return ', '.join(f'{s}={fmt(v)}' for s, v in sorted(env.items(), key=lambda kv: kv[0].name))


# ---------------------------------------------------------------------------
# Expressions as learners type them. A node keeps the text, how tightly that text binds
# (so a parent knows when to add parentheses), and what it means; the SymPy expression
# is built from the node, so text and meaning cannot drift apart.

ATOM, POW, PROD, SUM = 4, 3, 2, 1


class Node:
    __slots__ = ('kind', 'a', 'text', 'prec')

    def __init__(self, kind, a, text, prec):
        self.kind, self.a, self.text, self.prec = kind, a, text, prec


def to_sym(n, repl=None, ev=True):
    """The node's meaning; with ev=False exactly as typed (sqrt(x)^2 stays defined for
    x >= 0 only), which is what the domain of the input is taken from."""
    if repl and id(n) in repl:
        return repl[id(n)]
    k = n.kind
    if k == 'num':
        return n.a
    if k == 'var':
        return SYMS[n.a]
    if k == 'e':
        return sp.E
    if k == 'add':
        terms = [to_sym(t, repl, ev) for _, t in n.a]
        return sp.Add(*[t if s > 0 else sp.Mul(-1, t, evaluate=ev)
                        for (s, _), t in zip(n.a, terms)], evaluate=ev)
    if k == 'mul':
        coef, factors = n.a
        parts = [to_sym(f, repl, ev) for f in factors]
        if coef != 1:
            parts.insert(0, coef)
        return sp.Mul(*parts, evaluate=ev)
    if k == 'div':
        return sp.Mul(to_sym(n.a[0], repl, ev), sp.Pow(to_sym(n.a[1], repl, ev), -1, evaluate=ev),
                      evaluate=ev)
    if k == 'pow':
        return sp.Pow(to_sym(n.a[0], repl, ev), to_sym(n.a[1], repl, ev), evaluate=ev)
    if k == 'fn':
        return FN_SYM[n.a[0]](to_sym(n.a[1], repl, ev), ev)
    raise AssertionError(k)


class Gen:
    def __init__(self, rng):
        self.r = rng

    # -- leaves
    def num(self, v):
        v = sp.Rational(v)
        if v.q == 1:
            return Node('num', v, str(v.p), ATOM if v >= 0 else SUM)
        text = f'{abs(v.p)}/{v.q}'
        return Node('num', v, ('-' + text) if v < 0 else text, SUM if v < 0 else PROD)

    def dec(self, s):
        # Only decimals that binary floating point holds exactly, so the tutor's double
        # and SymPy's rational agree to the last digit.
        v = sp.Rational(s)
        return Node('num', v, s, ATOM if v >= 0 else SUM)

    def var(self, name='x'):
        return Node('var', name, name, ATOM)

    def e(self):
        return Node('e', None, 'e', ATOM)

    # -- combinators
    def wrap(self, n, need):
        if n.prec >= need:
            return n.text
        if self.r.random() < 0.04:
            return '[' + n.text + ']'
        return '(' + n.text + ')'

    def _join(self, left_text, left, right_text, explicit):
        if explicit:
            return self.r.choice(['*', '*', ' * ', '·'])
        r0 = right_text[0]
        last = left_text[-1]
        if r0.isdigit() or r0 == '.':
            return '*'
        if r0 in '([':
            if last in ')]' or last.isdigit() or (left is not None and left.kind == 'var'):
                return ''
            return ' '
        if last in ')]':
            return self.r.choice(['', ' '])
        if last.isdigit() and left is None:  # a coefficient: 2x, 2sin(x), 2 e^x
            if r0 == 'e':
                return ' '
            return self.r.choice(['', '', '', ' '])
        return ' '

    def mul(self, coef, factors):
        coef = sp.Rational(coef)
        if not factors:
            return self.num(coef)
        if coef == 0:
            raise AssertionError('zero coefficient')
        explicit = self.r.random() < 0.15
        parts = [self.wrap(f, POW) for f in factors]
        a = abs(coef)
        if a == 1:
            text = parts[0]
        else:
            ctext = str(a.p) if a.q == 1 else f'({a.p}/{a.q})'
            text = ctext + self._join(ctext, None, parts[0], explicit) + parts[0]
        for prev, f, p in zip(factors, factors[1:], parts[1:]):
            text += self._join(text, prev, p, explicit) + p
        if coef < 0:
            return Node('mul', (coef, factors), '-' + text, SUM)
        return Node('mul', (coef, factors), text, PROD)

    def div(self, a, b):
        text = self.wrap(a, PROD) + '/' + self.wrap(b, POW)
        return Node('div', (a, b), text, PROD)

    def pw(self, b, e):
        if isinstance(e, (int, sp.Rational)):
            e = self.num(e)
        bt = self.wrap(b, ATOM)
        if e.kind == 'num' and e.a.q == 1 and e.a >= 0:
            et = e.text
        elif e.kind == 'num' and e.a.q == 1 and self.r.random() < 0.4:
            et = e.text  # x^-2
        elif e.kind == 'var':
            et = e.text
        else:
            et = '(' + e.text + ')'
        return Node('pow', (b, e), bt + '^' + et, POW)

    def fn(self, name, arg, shown=None):
        return Node('fn', (name, arg), f'{shown or name}({arg.text})', ATOM)

    def add(self, terms):
        # terms: (sign, node) with node's own text never starting with a minus
        r = self.r
        tight = r.random() < 0.3
        text = ''
        for i, (s, t) in enumerate(terms):
            tt = t.text if t.prec >= PROD and not t.text.startswith('-') else '(' + t.text + ')'
            if i == 0:
                text = ('-' if s < 0 else '') + tt
            elif tight:
                text += ('-' if s < 0 else '+') + tt
            else:
                text += (' - ' if s < 0 else ' + ') + tt
        return Node('add', terms, text, SUM)

    # -- learner-sized pieces
    def nz(self, lo=-5, hi=5):
        while True:
            v = self.r.randint(lo, hi)
            if v:
                return v

    def term(self, c, factors):
        c = sp.Rational(c)
        return (1 if c > 0 else -1), (self.mul(abs(c), factors) if factors else self.num(abs(c)))

    def affine(self, v='x', a=None, b=None):
        """a·v + b in one of the orders a learner writes: 3x-2, 2 - 3x, -x + 4."""
        r = self.r
        a = sp.Rational(a if a is not None else self.nz())
        b = sp.Rational(b if b is not None else r.randint(-9, 9))
        vt = self.term(a, [self.var(v)])
        if b == 0:
            return self.mul(a, [self.var(v)]) if a < 0 else vt[1]
        bt = self.term(b, [])
        return self.add([bt, vt] if (r.random() < 0.3 and b > 0) else [vt, bt])

    def exp(self, arg):
        r = self.r.random()
        if r < 0.4:
            return self.fn('exp', arg)
        return self.pw(self.e(), arg)

    def poly(self, v='x', deg=None, lo=-6, hi=6):
        r = self.r
        deg = deg or r.randint(2, 4)
        terms = []
        for k in range(deg, -1, -1):
            if k == deg or r.random() < 0.6:
                c = self.nz(lo, hi)
                if k == 0:
                    terms.append(self.term(c, []))
                else:
                    xv = self.var(v)
                    terms.append(self.term(c, [xv if k == 1 else self.pw(xv, k)]))
        return self.add(terms) if len(terms) > 1 else (
            terms[0][1] if terms[0][0] > 0 else self.mul(-1, [terms[0][1]]))


# ---------------------------------------------------------------------------
# Shapes. Each returns (node, variables, innermost argument or None); the innermost
# argument is what a "forgot the inner derivative" mistake leaves undifferentiated.

def shape_poly(g):
    r, x = g.r, g.var
    t = r.randrange(7)
    if t == 0:  # 3x^2 + 2x(x+1)
        terms = [g.term(g.nz(), [g.pw(x(), r.choice([2, 2, 3]))]),
                 g.term(g.nz(), [x(), g.affine(a=1, b=g.nz(-9, 9))])]
        if r.random() < 0.4:
            terms.append(g.term(g.nz(-9, 9), []))
        return g.add(terms), ['x'], None
    if t == 1:  # (x+1)(x+2), (3x+1)(2-3x), 2(x-1)(x+3)^2
        factors = [g.affine(a=r.choice([1, 1, 1, 2, 3, -1, -3]))
                   for _ in range(r.choice([2, 2, 3]))]
        if r.random() < 0.3:
            i = r.randrange(len(factors))
            factors[i] = g.pw(factors[i], r.choice([2, 3]))
        return g.mul(r.choice([1, 1, 1, 2, 3, -1, -2]), factors), ['x'], None
    if t == 2:  # x^2(x+1)^3
        k = r.choice([1, 2, 3])
        f = [x() if k == 1 else g.pw(x(), k),
             g.pw(g.affine(a=r.choice([1, 1, 2, -1])), r.choice([2, 3, 4]))]
        return g.mul(r.choice([1, 1, 2, -1, 3]), f), ['x'], None
    if t == 3:  # x^3 - 3x^2 + 2
        return g.poly(deg=r.randint(2, 5)), ['x'], None
    if t == 4:  # 2x(x+1)(x-3)
        c = g.nz()
        f = [x(), g.affine(a=r.choice([1, 2])), g.affine(a=r.choice([1, -1, 3]))]
        return g.mul(c, f), ['x'], None
    if t == 5:  # (2x+1)^3 + x^2
        return g.add([(1, g.pw(g.affine(), r.choice([2, 3, 4]))),
                      g.term(g.nz(), [g.pw(x(), 2)])]), ['x'], None
    # (x^2+1)(x-2)
    return g.mul(1, [g.poly(deg=2, lo=-3, hi=3), g.affine(a=r.choice([1, 2, -1]))]), ['x'], None


RATIONAL_EXPONENTS = [sp.Rational(p, q) for p, q in
                      [(3, 2), (1, 2), (5, 2), (2, 3), (1, 3), (-1, 2), (-3, 2), (4, 3), (5, 3),
                       (-1, 3), (3, 4)]]


def shape_quotient(g):
    r, x = g.r, g.var
    t = r.randrange(9)
    if t == 0:  # (2x+1)/(x+1)
        a = g.affine()
        return g.div(a, g.affine()), ['x'], None
    if t == 1:  # x/(x^2+1), 3x^2/(x^2+4)
        k = r.choice([0, 1, 1, 2])
        num = g.num(g.nz(1, 5)) if k == 0 else (x() if k == 1 else g.pw(x(), 2))
        if r.random() < 0.3 and k:
            num = g.mul(g.nz(2, 5), [num])
        den = g.add([(1, g.pw(x(), 2)), g.term(g.nz(1, 9), [])])
        return g.div(num, den), ['x'], None
    if t == 2:  # (2x+1)^(-2)
        a = g.affine()
        return g.pw(a, -r.randint(1, 3)), ['x'], a
    if t == 3:  # x^(3/2), 2x^(-1/2)
        p = r.choice(RATIONAL_EXPONENTS)
        node = g.pw(x(), p)
        return (g.mul(g.nz(), [node]) if r.random() < 0.3 else node), ['x'], None
    if t == 4:  # 1/x^2, 3/(2x-1)^2
        a = g.affine() if r.random() < 0.5 else x()
        den = g.pw(a, r.randint(1, 3)) if r.random() < 0.8 else a
        return g.div(g.num(g.nz(1, 9)), den), ['x'], (a if a.kind != 'var' else None)
    if t == 5:  # (x^2+1)^(1/3)
        base = g.add([(1, g.pw(x(), 2)), g.term(g.nz(1, 9), [])])
        return g.pw(base, r.choice(RATIONAL_EXPONENTS)), ['x'], base
    if t == 6:  # (3x-2)^(2/3)
        a = g.affine()
        return g.pw(a, r.choice(RATIONAL_EXPONENTS)), ['x'], a
    if t == 7:  # (x^2-3x+1)/(x-2)^2
        return g.div(g.poly(deg=2, lo=-4, hi=4), g.pw(g.affine(), r.choice([1, 2]))), ['x'], None
    # x(x+1)^(-1)
    return g.mul(1, [x(), g.pw(g.affine(a=1), -1)]), ['x'], None


def shape_root(g):
    r, x = g.r, g.var
    sqrt = lambda n: g.fn('sqrt', n, r.choice(['sqrt'] * 9 + ['√']))
    t = r.randrange(9)
    if t == 0:  # sqrt(x^2), sqrt((x-8)^2)
        a = x() if r.random() < 0.3 else g.affine(a=r.choice([1, 1, -1, 2, 3]))
        return sqrt(g.pw(a, 2)), ['x'], a
    if t == 1:  # (x^2)^(3/2)
        a = x() if r.random() < 0.3 else g.affine(a=r.choice([1, -1, 2]))
        return g.pw(g.pw(a, 2), sp.Rational(r.choice([1, 3, 5]), 2)), ['x'], a
    if t == 2:  # sqrt(x^2+2x+1), sqrt(4x^2-12x+9)
        k, c = r.choice([1, 1, 1, 2, 3]), g.nz(-6, 6)
        terms = [g.term(k * k, [g.pw(x(), 2)]), g.term(2 * k * c, [x()]), g.term(c * c, [])]
        return sqrt(g.add(terms)), ['x'], None
    if t == 3:  # sqrt((4x+2)(2x-5))
        inner = g.mul(1, [g.affine(), g.affine()])
        return sqrt(inner), ['x'], inner
    if t == 4:  # sqrt((9-x)^(-2))
        a = g.affine(a=r.choice([1, -1, 2]))
        inner = g.pw(a, -2) if r.random() < 0.6 else g.div(g.num(1), g.pw(a, 2))
        return sqrt(inner), ['x'], a
    if t == 5:  # abs(3x-1), abs(x^2-4)
        if r.random() < 0.5:
            a = g.affine()
        else:
            a = g.add([(1, g.pw(x(), r.choice([2, 3]))), g.term(g.nz(-9, 9), [])])
        node = g.fn('abs', a)
        return (g.mul(g.nz(), [node]) if r.random() < 0.2 else node), ['x'], a
    if t == 6:  # sqrt((x-1)^4), ((2x+1)^2)^(1/3)
        a = g.affine(a=r.choice([1, 2, -1]))
        if r.random() < 0.5:
            return sqrt(g.pw(a, 4)), ['x'], a
        return g.pw(g.pw(a, 2), sp.Rational(r.choice([1, 2, 4]), 3)), ['x'], a
    if t == 7:  # x sqrt(x^2), x abs(x), abs(x-1)^3
        a = x() if r.random() < 0.5 else g.affine(a=1)
        c = r.randrange(3)
        if c == 0:
            return g.mul(1, [x(), sqrt(g.pw(a, 2))]), ['x'], None
        if c == 1:
            return g.mul(r.choice([1, 2, -1]), [x(), g.fn('abs', a)]), ['x'], None
        return g.pw(g.fn('abs', a), r.choice([2, 3])), ['x'], a
    # sqrt(x^2(x+1)^2)
    inner = g.mul(1, [g.pw(x(), 2), g.pw(g.affine(a=1), 2)])
    return sqrt(inner), ['x'], inner


# sinh and cosh are left out of chains: cos(cosh(x^3)) is beyond double precision for
# any checker, and learners meet the hyperbolic functions as tanh of an affine map.
CHAIN_FUNCS = (['sin'] * 6 + ['cos'] * 6 + ['exp'] * 5 + ['log'] * 5 + ['sqrt'] * 4 + ['tan'] * 3
               + ['pow2', 'pow3', 'pow2', 'asin', 'acos', 'atan', 'sec', 'csc', 'cot', 'tanh'])
# The rest of the function table, taken for about one link in ten (shape_table tests them
# more closely). All grow slowly or not at all, so they do not overflow a chain.
TABLE_FUNCS = ['sech', 'csch', 'coth', 'asinh', 'acosh', 'atanh', 'acot', 'asec', 'acsc']
TABLE_SHARE = 0.1
# the other name the tutor reads for each
ARC_NAMES = {'asinh': 'arsinh', 'acosh': 'arcosh', 'atanh': 'artanh', 'acot': 'arccot',
             'asec': 'arcsec', 'acsc': 'arccsc', 'asin': 'arcsin', 'acos': 'arccos',
             'atan': 'arctan'}

# Where each of the function table is real: acosh wants u >= 1 and asec, acsc |u| >= 1, so
# an argument bounded by 1 (sin, cos, tanh, sech) leaves them a few isolated points at
# most; atanh wants |u| < 1, which an argument of at least 1 (x^2 + 1, cosh) never is.
NEEDS_BIG = {'acosh', 'asec', 'acsc'}
NEEDS_SMALL = {'atanh'}
# What a chain link can only be below 1 (in size) or only at least 1, for the same reason.
BOUNDED = {'sin', 'cos', 'tanh', 'sech'}
AT_LEAST_ONE = {'sec', 'csc', 'coth'}


def compatible(f, f2):
    """Whether f(u) and f2(u) are real at a common u: artanh(x) + arcsec(x) is nowhere."""
    return not ((f in NEEDS_SMALL and f2 in NEEDS_BIG) or (f in NEEDS_BIG and f2 in NEEDS_SMALL))


def fits(f, below):
    """Whether f of a link `below` (a chain function's name) is real somewhere."""
    if f in NEEDS_BIG:
        return below not in BOUNDED
    if f in NEEDS_SMALL:
        return below not in AT_LEAST_ONE
    return True


def chain_link(g, f, node):
    r = g.r
    if f == 'exp':
        return g.exp(node)
    if f == 'log':
        return g.fn('log', node, r.choice(['ln', 'log']))
    if f == 'sqrt':
        c = r.random()
        if c < 0.1:
            return g.pw(node, HALF)
        return g.fn('sqrt', node, '√' if c < 0.15 else 'sqrt')
    if f == 'pow2':
        return g.pw(node, 2)
    if f == 'pow3':
        return g.pw(node, 3)
    if f in ARC_NAMES and r.random() < 0.3:
        return g.fn(f, node, ARC_NAMES[f])
    return g.fn(f, node)


def shape_chain(g):
    r, x = g.r, g.var
    depth = r.choices([1, 2, 3, 4], [15, 35, 30, 20])[0]
    b = r.randrange(7)
    if b == 0:
        base = x()
    elif b in (1, 2):
        base = g.affine()
    elif b == 3:
        base = g.mul(r.choice([1, 1, 2, 3, -1]), [g.pw(x(), r.choice([2, 3]))])
    elif b == 4:
        base = g.add([(1, g.pw(x(), 2)), g.term(g.nz(-9, 9), [])])
    elif b == 5:  # ln((2x-1)(4x+3))
        base = g.mul(1, [g.affine(), g.affine()])
    else:
        base = g.poly(deg=2, lo=-3, hi=3)
    node = base
    inner = base if base.kind != 'var' else None
    below = None
    for level in range(depth):
        if TABLE_SHARE and r.random() < TABLE_SHARE:
            f = r.choice([h for h in TABLE_FUNCS if fits(h, below)])
        else:
            f = r.choice(CHAIN_FUNCS)
        below = f
        if level and r.random() < 0.12:
            node = g.mul(g.nz(-4, 4), [node])
        node = chain_link(g, f, node)
        if inner is None:
            inner = node if depth > 1 else None
    c = r.random()
    if c < 0.08:
        node = g.mul(1, [x(), node])  # x sin(x^2): a product around the chain
    elif c < 0.16:
        node = g.mul(g.nz(-5, 5), [node])
    return node, ['x'], inner


def shape_activation(g):
    r, x = g.r, g.var
    act = r.choice(['sigmoid', 'sigmoid', 'σ', 'tanh', 'relu', 'relu', 'softplus', 'step'])
    if r.random() < 0.15:
        w = g.dec(r.choice(['0.5', '1.5', '2.5', '0.25']))
        wv = w.a
        wx = g.mul(1, [w, x()])
    else:
        wv = sp.Rational(g.nz(-4, 4))
        wx = g.mul(abs(wv), [x()])
    # keep the kink (and the sigmoid's bend) within [-3, 3], where learners look
    b = r.randint(-3 * int(abs(wv) + 1), 3 * int(abs(wv) + 1))
    if abs(b) > 3 * abs(wv):
        b = 0
    if b == 0:
        arg = wx if wv > 0 else g.mul(-1, [wx])
    elif wv > 0 and r.random() < 0.3:
        arg = g.add([g.term(b, []), (1, wx)])
    else:
        arg = g.add([(1 if wv > 0 else -1, wx), g.term(b, [])])
    name = 'sigmoid' if act == 'σ' else act
    node = g.fn(name, arg, act)
    c = r.random()
    if c < 0.12:
        node = g.mul(g.nz(-3, 3), [node])
    elif c < 0.2:
        node = g.pw(node, 2)
    elif c < 0.26:
        node = g.fn(r.choice(['sigmoid', 'relu', 'tanh']), node)
    return node, ['x'], arg


def shape_constant(g):
    r, x = g.r, g.var
    t = r.randrange(10)
    if t == 0:  # sin(x)^2 + cos(x)^2
        a = x() if r.random() < 0.5 else g.affine()
        return g.add([(1, g.pw(g.fn('sin', a), 2)), (1, g.pw(g.fn('cos', a), 2))]), ['x'], None
    if t == 1:  # (x+1)^2 - x^2 - 2x
        c = g.nz(-6, 6)
        terms = [(1, g.pw(g.affine(a=1, b=c), 2)), (-1, g.pw(x(), 2)), g.term(-2 * c, [x()])]
        if r.random() < 0.4:
            terms.append(g.term(-c * c, []))
        return g.add(terms), ['x'], None
    if t == 2:  # ln(e^3)
        return g.fn('log', g.pw(g.e(), g.nz(1, 9)), r.choice(['ln', 'log'])), ['x'], None
    if t == 3:
        a = x() if r.random() < 0.5 else g.affine()
        return g.add([(1, g.pw(g.fn('cosh', a), 2)), (-1, g.pw(g.fn('sinh', a), 2))]), ['x'], None
    if t == 4:
        a = x() if r.random() < 0.5 else g.affine()
        return g.add([(1, g.pw(g.fn('sec', a), 2)), (-1, g.pw(g.fn('tan', a), 2))]), ['x'], None
    if t == 5:  # (x+2)(x-2) - x^2
        c = g.nz(1, 6)
        return g.add([(1, g.mul(1, [g.affine(a=1, b=c), g.affine(a=1, b=-c)])),
                      (-1, g.pw(x(), 2))]), ['x'], None
    if t == 6:  # e^(ln(5))
        return g.exp(g.fn('log', g.num(g.nz(2, 9)), r.choice(['ln', 'log']))), ['x'], None
    if t == 7:  # ln(e^(2x)) - 2x
        a = g.nz()
        ln = g.fn('log', g.exp(g.mul(a, [x()])), 'ln')
        return g.add([(1, ln), g.term(-a, [x()])]), ['x'], None
    if t == 8:  # sin(2x) - 2sin(x)cos(x)
        return g.add([(1, g.fn('sin', g.mul(2, [x()]))),
                      (-1, g.mul(2, [g.fn('sin', x()), g.fn('cos', x())]))]), ['x'], None
    # e^x e^(-x)
    return g.mul(1, [g.exp(x()), g.exp(g.mul(-1, [x()]))]), ['x'], None


def shape_twovar(g):
    r = g.r
    x, y = (lambda: g.var('x')), (lambda: g.var('y'))
    t = r.randrange(10)
    if t == 0:  # x^2 y + 3x y^2
        terms = [g.term(g.nz(), [g.pw(x(), 2), y()]), g.term(g.nz(), [x(), g.pw(y(), 2)])]
        return g.add(terms), ['x', 'y'], None
    if t == 1:  # sin(x y)
        arg = g.mul(r.choice([1, 1, 2, 3]), [x(), y()])
        return g.fn(r.choice(['sin', 'cos']), arg), ['x', 'y'], arg
    if t == 2:  # e^(x-y)
        arg = g.add([g.term(g.nz(-3, 3), [x()]), g.term(g.nz(-3, 3), [y()])])
        return g.exp(arg), ['x', 'y'], arg
    if t == 3:  # (x+y)^3
        arg = g.add([g.term(g.nz(-3, 3), [x()]), g.term(g.nz(-3, 3), [y()])])
        return g.pw(arg, r.choice([2, 3, 4])), ['x', 'y'], arg
    if t == 4:  # x/y, (x+y)/(x-y)
        if r.random() < 0.5:
            return g.div(x(), y()), ['x', 'y'], None
        return g.div(g.add([(1, x()), (1, y())]), g.add([(1, x()), (-1, y())])), ['x', 'y'], None
    if t == 5:  # ln(x^2+y^2), sqrt(x^2+y^2)
        arg = g.add([(1, g.pw(x(), 2)), (1, g.pw(y(), 2))])
        return g.fn(r.choice(['ln', 'sqrt']), arg), ['x', 'y'], arg
    if t == 6:  # sigmoid(2x - y), relu(x - y)
        arg = g.add([g.term(g.nz(-3, 3), [x()]), g.term(g.nz(-3, 3), [y()])])
        return g.fn(r.choice(['sigmoid', 'relu', 'tanh', 'softplus']), arg), ['x', 'y'], arg
    if t == 7:  # x e^(x y), x^2 sin(y)
        if r.random() < 0.5:
            return g.mul(1, [x(), g.exp(g.mul(1, [x(), y()]))]), ['x', 'y'], None
        return g.mul(g.nz(), [g.pw(x(), 2), g.fn(r.choice(['sin', 'cos']), y())]), ['x', 'y'], None
    if t == 8:  # x y(x+y)
        return g.mul(1, [x(), y(), g.add([(1, x()), (1, y())])]), ['x', 'y'], None
    # (x-y)^2 + (x+2y)^2
    return g.add([(1, g.pw(g.add([(1, x()), (-1, y())]), 2)),
                  (1, g.pw(g.add([(1, x()), g.term(g.nz(1, 3), [y()])]), 2))]), ['x', 'y'], None


def table_fn(g, f, arg):
    if f in ARC_NAMES and g.r.random() < 0.35:
        return g.fn(f, arg, ARC_NAMES[f])
    return g.fn(f, arg)


def table_linear(g):
    """The arguments learners give these functions first: x/2, 2x/3, (x-1)/3, 3x - 1."""
    r, x = g.r, g.var
    c = r.randrange(5)
    if c == 0:
        return g.div(x(), g.num(r.choice([2, 2, 3, 4, 5])))
    if c == 1:
        k = r.choice([2, 3, 4])
        return g.div(g.mul(r.choice([m for m in (1, 2, 3, 5) if m != k]), [x()]), g.num(k))
    if c == 2:
        return g.div(g.affine(a=1, b=g.nz(-3, 3)), g.num(r.choice([2, 3, 4])))
    return g.affine(a=r.choice([1, 2, 3, -1, -2, -3]), b=r.randint(-4, 4))


def table_inner(g, f):
    """An argument for f that is real somewhere in f's domain: sin(x), e^x, x^2 + 1, ln(x),
    1/x, cosh(x), ... (their range is 'unit' for bounded by 1, 'big' for at least 1)."""
    r, x = g.r, g.var
    while True:
        c = r.randrange(13)
        if c == 0:
            u, kind = g.add([(1, g.pw(x(), 2)), g.term(r.randint(1, 4), [])]), 'big'
        elif c == 1:
            u, kind = g.add([(1, g.pw(x(), 2)), g.term(-r.randint(1, 4), [])]), 'all'
        elif c == 2:
            u, kind = g.exp(r.choice([x(), x(), g.mul(-1, [x()]), g.mul(2, [x()])])), 'all'
        elif c == 3:
            u, kind = g.fn('log', x(), r.choice(['ln', 'ln', 'log'])), 'all'
        elif c == 4:
            u, kind = g.fn('sqrt', x(), r.choice(['sqrt'] * 4 + ['√'])), 'all'
        elif c in (5, 6):
            u, kind = g.fn(r.choice(['sin', 'cos', 'tanh']),
                           x() if r.random() < 0.6 else g.affine(a=r.choice([1, 2, 3]))), 'unit'
        elif c == 7:
            u, kind = g.div(g.num(r.choice([1, 1, 2])), x()), 'all'
        elif c == 8:
            u, kind = g.pw(x(), r.choice([2, 3])), 'all'
        elif c == 9:
            u, kind = g.fn(r.choice(['cosh', 'sec']), x()), 'big'
        elif c == 10:
            u, kind = g.poly(deg=2, lo=-3, hi=3), 'all'
        elif c == 11:
            u, kind = g.mul(r.choice([1, 2, 3]), [x(), g.fn('exp', x()) if r.random() < 0.3
                                                    else g.pw(g.e(), x())]), 'all'
        else:
            u, kind = table_linear(g), 'all'
        if (kind == 'unit' and f in NEEDS_BIG) or (kind == 'big' and f in NEEDS_SMALL):
            continue
        return u


def shape_table(g):
    """sech, csch, coth, the inverse hyperbolic functions, arccot, arcsec and arccsc, alone
    and in the chains, products and sums learners build with them."""
    r, x = g.r, g.var
    f = r.choice(TABLE_FUNCS)
    t = r.choices(range(9), [10, 18, 22, 14, 12, 7, 7, 6, 6])[0]
    if t == 0:  # sech(x), 3 arcsec(x), -coth(x)
        node = table_fn(g, f, x())
        c = r.random()
        if c < 0.25:
            node = g.mul(g.nz(-5, 5), [node])
        return node, ['x'], None
    if t == 1:  # atanh(x/2), acosh(2x+3), acot(3x-1), artanh((x-1)/3)
        u = table_linear(g)
        node = table_fn(g, f, u)
        if r.random() < 0.15:
            node = g.mul(g.nz(-4, 4), [node])
        return node, ['x'], u
    if t == 2:  # sech(sin(x)), csch(e^x), asec(x^2+1), arsinh(ln(x))
        u = table_inner(g, f)
        return table_fn(g, f, u), ['x'], u
    if t == 3:  # ln(acosh(x)), sqrt(atanh(x)), e^(asinh(2x)), acot(x)^2, 1/coth(x)
        u = x() if r.random() < 0.5 else table_linear(g)
        inner = table_fn(g, f, u)
        outer = r.choice(['log', 'sqrt', 'exp', 'sin', 'cos', 'atan', 'tanh', 'pow2', 'pow2',
                          'pow3', 'recip'])
        if outer == 'recip':
            node = g.div(g.num(r.choice([1, 1, 2])), inner)
        else:
            node = chain_link(g, outer, inner)
        return node, ['x'], (u if u.kind != 'var' else inner)
    if t == 4:  # x arccot(x), x^2 sech(x), e^x csch(x), asinh(x)/x, sech(x) tanh(x)
        u = x() if r.random() < 0.6 else table_linear(g)
        fn = table_fn(g, f, u)
        c = r.randrange(7)
        if c == 0:
            return g.mul(r.choice([1, 1, 2, -1]), [x(), fn]), ['x'], None
        if c == 1:
            return g.mul(1, [g.pw(x(), r.choice([2, 3])), fn]), ['x'], None
        if c == 2:
            return g.mul(1, [g.exp(x()), fn]), ['x'], None
        if c == 3:
            return g.mul(1, [g.fn(r.choice(['sin', 'cos']), x()), fn]), ['x'], None
        if c == 4:
            return g.div(fn, x() if r.random() < 0.5 else
                         g.add([(1, g.pw(x(), 2)), g.term(r.randint(1, 4), [])])), ['x'], None
        if c == 5:
            return g.div(x(), fn), ['x'], None
        f2 = r.choice([h for h in TABLE_FUNCS if compatible(f, h)])
        return g.mul(1, [fn, table_fn(g, f2, u)]), ['x'], None
    if t == 5:  # asinh(x) + acosh(x), 3 sech(x) - 2coth(x), x^2 + atanh(x)
        u = x() if r.random() < 0.6 else table_linear(g)
        f2 = r.choice([h for h in TABLE_FUNCS if h != f and compatible(f, h)]
                      + ['sin', 'atan', 'tanh', 'log'])
        terms = [g.term(r.choice([1, 1, 2, 3, -1]), [table_fn(g, f, u)]),
                 g.term(r.choice([1, 1, 2, -1, -2]), [table_fn(g, f2, u) if f2 in TABLE_FUNCS
                                                      else chain_link(g, f2, u)])]
        if r.random() < 0.3:
            terms.append(g.term(g.nz(-5, 5), [g.pw(x(), 2)]))
        return g.add(terms), ['x'], None
    if t == 6:  # identities: the derivative is 0 or a known function
        return table_identity(g), ['x'], None
    if t == 7:  # asinh(sech(x)), coth(acosh(x)), atanh(sech(2x)), asec(coth(x))
        u = x() if r.random() < 0.6 else table_linear(g)
        f2 = r.choice([h for h in TABLE_FUNCS if fits(f, h)])
        inner = table_fn(g, f2, u)
        return table_fn(g, f, inner), ['x'], (u if u.kind != 'var' else inner)
    # two variables: asinh(x y), sech(x - y), acot(x/y), x coth(y)
    y = lambda: g.var('y')
    c = r.randrange(4)
    if c == 0:
        arg = g.mul(1, [x(), y()])
    elif c == 1:
        arg = g.add([g.term(g.nz(-3, 3), [x()]), g.term(g.nz(-3, 3), [y()])])
    elif c == 2:
        arg = g.div(x(), y()) if r.random() < 0.5 else g.div(y(), x())
    else:
        return g.mul(1, [x(), table_fn(g, f, y())]), ['x', 'y'], None
    return table_fn(g, f, arg), ['x', 'y'], arg


def table_identity(g):
    r, x = g.r, g.var
    u = x() if r.random() < 0.6 else table_linear(g)  # one node, used twice or three times
    c = r.randrange(10)
    if c == 0:  # acot(u) + atan(u) = pi/2
        return g.add([(1, table_fn(g, 'acot', u)), (1, chain_link(g, 'atan', u))])
    if c == 1:  # coth(u) - 1/tanh(u) = 0
        return g.add([(1, g.fn('coth', u)), (-1, g.div(g.num(1), g.fn('tanh', u)))])
    if c == 2:  # sech(u)^2 + tanh(u)^2 = 1
        return g.add([(1, g.pw(g.fn('sech', u), 2)), (1, g.pw(g.fn('tanh', u), 2))])
    if c == 3:  # coth(u)^2 - csch(u)^2 = 1
        return g.add([(1, g.pw(g.fn('coth', u), 2)), (-1, g.pw(g.fn('csch', u), 2))])
    if c == 4:  # asec(u) - acos(1/u) = 0
        return g.add([(1, table_fn(g, 'asec', u)),
                      (-1, chain_link(g, 'acos', g.div(g.num(1), u)))])
    if c == 5:  # acsc(u) + asec(u) = pi/2
        return g.add([(1, table_fn(g, 'acsc', u)), (1, table_fn(g, 'asec', u))])
    if c == 6:  # asinh(u) - ln(u + sqrt(u^2+1)) = 0
        return g.add([(1, table_fn(g, 'asinh', u)),
                      (-1, g.fn('log', g.add([(1, u), (1, g.fn('sqrt', g.add(
                          [(1, g.pw(u, 2)), (1, g.num(1))])))]), 'ln'))])
    if c == 7:  # atanh(u) - ln((1+u)/(1-u))/2 = 0
        q = g.div(g.add([(1, g.num(1)), (1, u)]), g.add([(1, g.num(1)), (-1, u)]))
        return g.add([(1, table_fn(g, 'atanh', u)),
                      (-1, g.div(g.fn('log', q, 'ln'), g.num(2)))])
    if c == 8:  # acosh(u) - ln(u + sqrt(u^2-1)) = 0
        return g.add([(1, table_fn(g, 'acosh', u)),
                      (-1, g.fn('log', g.add([(1, u), (1, g.fn('sqrt', g.add(
                          [(1, g.pw(u, 2)), (-1, g.num(1))])))]), 'ln'))])
    # sech(u) cosh(u) = 1
    return g.mul(1, [g.fn('sech', u), g.fn('cosh', u)])


SHAPES = [
    # name, generator, share of the expressions, planted mistakes in the order tried
    ('polynomial', shape_poly, 18, ['times2', 'plus1']),
    ('quotient/power', shape_quotient, 15, ['neg', 'times2', 'plus1']),
    ('root/abs', shape_root, 13, ['drop_inner', 'neg', 'plus1']),
    ('chain', shape_chain, 24, ['drop_inner', 'times2', 'plus1']),
    ('activation', shape_activation, 10, ['drop_inner', 'plus1', 'times2']),
    ('constant', shape_constant, 6, ['plus1']),
    ('two-variable', shape_twovar, 14, ['other_wrt', 'times2', 'plus1']),
    ('function-table', shape_table, 7, ['drop_inner', 'neg', 'times2', 'plus1']),
]


# ---------------------------------------------------------------------------
# SymPy to tutor syntax, for the answers handed to `tutor check`.

class NotPrintable(Exception):
    pass


# SymPy names printed as they are: the tutor reads each with the same meaning (SymPy's
# acot is not among them, see _tp).
PRINT_NAMES = {'sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'asin', 'acos', 'atan', 'sinh',
               'cosh', 'tanh', 'exp', 'log', 'sech', 'csch', 'coth', 'asinh', 'acosh', 'atanh',
               'asec', 'acsc'}


def tprint(e):
    text, _ = _tp(e)
    if len(text.encode()) > MAX_ANSWER_BYTES:
        raise NotPrintable('longer than the input limit')
    return text


def _wrapped(e, need):
    t, p = _tp(e)
    return t if p >= need else '(' + t + ')'


def _fold_sign(factors):
    """sign(u)·u^k is u^(k-1)·|u| and sign(u)·|u|^k is u·|u|^(k-1), also at u = 0.
    Printing sign(u) as u/abs(u) there would make a removable hole at u = 0, where the
    derivative exists, and the checker rightly refuses an answer undefined there."""
    for i, f in enumerate(factors):
        if type(f).__name__ != 'sign':
            continue
        u = f.args[0]
        for j, g in enumerate(factors):
            base, k = (g.base, g.exp) if g.is_Pow else (g, sp.S.One)
            if not (k.is_Integer and k > 0):
                continue
            if base == u:
                repl = [sp.Abs(u)] + ([sp.Pow(u, k - 1)] if k > 1 else [])
            elif base == sp.Abs(u):
                repl = [u] + ([sp.Pow(base, k - 1)] if k > 1 else [])
            else:
                continue
            rest = [h for m, h in enumerate(factors) if m not in (i, j)]
            return _fold_sign(rest + repl)
    return factors


def _tp(e):
    if e.is_Integer:
        return str(e), (ATOM if e >= 0 else SUM)
    if e.is_Rational:
        return f'{e.p}/{e.q}', (PROD if e > 0 else SUM)
    if e.is_Float:
        return repr(float(e)), ATOM
    if e is sp.E:
        return 'e', ATOM
    if e is sp.pi:
        return 'pi', ATOM
    if e.is_Symbol:
        return e.name, ATOM
    if e.is_Add:
        parts = []
        for i, term in enumerate(e.args):
            if i and term.could_extract_minus_sign():
                parts.append(' - ' + _wrapped(-term, PROD))
            elif i:
                parts.append(' + ' + _wrapped(term, PROD))
            else:
                parts.append(_tp(term)[0])
        return ''.join(parts), SUM
    if e.is_Mul:
        coef, rest = e.as_coeff_Mul()
        if coef.is_negative:
            return '-' + _wrapped(-e, PROD), SUM
        num, den = [], []
        factors = _fold_sign(list(sp.Mul.make_args(rest)))
        if coef != 1:
            if coef.is_Rational:
                if coef.p != 1:
                    num.append(str(coef.p))
                if coef.q != 1:
                    den.append(str(coef.q))
            else:
                num.append(_wrapped(coef, POW))
        for f in factors:
            if f.is_Pow and f.exp.is_Number and f.exp.is_negative:
                den.append(_wrapped(sp.Pow(f.base, -f.exp), POW))
            else:
                num.append(_wrapped(f, POW))
        text = '*'.join(num) if num else '1'
        if den:
            text += '/' + (den[0] if len(den) == 1 else '(' + '*'.join(den) + ')')
        return text, PROD
    if e.is_Pow:
        b, k = e.args
        if b is sp.E:
            return f'exp({_tp(k)[0]})', ATOM
        if k == HALF:
            return f'sqrt({_tp(b)[0]})', ATOM
        if k.is_Number and k.is_negative:
            return '1/' + _wrapped(sp.Pow(b, -k), POW), PROD
        kt = str(k) if (k.is_Integer and k > 0) else '(' + _tp(k)[0] + ')'
        return _wrapped(b, ATOM) + '^' + kt, POW
    name = type(e).__name__
    if name in PRINT_NAMES:
        return f'{name}({_tp(e.args[0])[0]})', ATOM
    if name == 'acot':
        # SymPy's acot(u) is atan(1/u); the tutor's acot would be pi more for u < 0
        return f'atan(1/{_wrapped(e.args[0], POW)})', ATOM
    if name == 'Abs':
        return f'abs({_tp(e.args[0])[0]})', ATOM
    if name == 'sign':
        u = _tp(e.args[0])[0]
        return f'(({u})/abs({u}))', ATOM
    if name == 'Heaviside':
        return f'step({_tp(e.args[0])[0]})', ATOM
    if name == 'Max' and len(e.args) == 2 and sp.S.Zero in e.args:
        other = e.args[0] if e.args[1] == 0 else e.args[1]
        return f'relu({_tp(other)[0]})', ATOM
    raise NotPrintable(f'no tutor syntax for {name}')


def without_delta(e):
    # Away from its kink a step's derivative is 0, which is also what the tutor says.
    if e.has(sp.DiracDelta):
        e = e.replace(lambda n: isinstance(n, sp.DiracDelta), lambda n: sp.S.Zero)
    return e


# ---------------------------------------------------------------------------
# Running the tutor.

class Runner:
    def __init__(self, tutor, timeout, budget):
        self.tutor = tutor
        self.timeout = timeout
        self.deadline = time.monotonic() + budget
        self.tmp = tempfile.mkdtemp(prefix='sympy_oracle.')
        self.env = dict(os.environ)
        # diff and check write nothing today; keep anything they might write out of $HOME
        self.env.update({'TUTOR_LANG': 'en', 'NO_COLOR': '1', 'LC_ALL': 'C.UTF-8',
                         'XDG_DATA_HOME': self.tmp, 'XDG_STATE_HOME': self.tmp})
        self.calls = 0
        self.not_run = 0
        self.lock = threading.Lock()
        self.binary = self.snapshot()

    def snapshot(self):
        """Runs a private copy of the binary, so that a rebuild during the run neither
        mixes two versions in one report nor makes runs fail half-way through a link."""
        dst = os.path.join(self.tmp, 'tutor')
        give_up = time.monotonic() + 300
        while True:
            try:
                shutil.copy2(self.tutor, dst)
                p = subprocess.run([dst, 'show', '--format', 'json', '--', 'x'], env=self.env,
                                   capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
                if p.returncode == 0 and b'"expression"' in p.stdout:
                    return dst
            except (OSError, subprocess.TimeoutExpired):
                pass
            if time.monotonic() > give_up:
                sys.exit(f'error: {self.tutor} is missing or does not run')
            time.sleep(1)

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __call__(self, args):
        """Returns (exit status, 'hang' or 'not run'; stdout; stderr)."""
        if time.monotonic() > self.deadline:
            with self.lock:
                self.not_run += 1
            return 'not run', b'', b''
        try:
            p = subprocess.run([self.binary] + args, capture_output=True, timeout=self.timeout,
                               env=self.env, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            return 'hang', exc.stdout or b'', exc.stderr or b''
        with self.lock:
            self.calls += 1
        return p.returncode, p.stdout, p.stderr


def first_line(b):
    s = b.decode('utf-8', 'replace').strip()
    return s.splitlines()[0] if s else ''


# ---------------------------------------------------------------------------

class Case:
    def __init__(self, idx, shape, node, variables, inner):
        self.idx = idx
        self.shape = shape
        self.node = node
        self.text = node.text
        self.vars = variables
        self.inner = inner
        self.failures = []  # (kind, detail)
        self.skip = None
        self.notes = []
        self.diff_futures = {}
        self.check_futures = []

    def wrts(self):
        return self.vars if len(self.vars) > 1 else [None]

    def diff_cmd(self, wrt):
        return ['diff', '--format', 'json'] + (['--wrt', wrt] if wrt else []) + ['--', self.text]

    def repro_diff(self, wrt):
        return 'tutor diff ' + ('--wrt %s ' % wrt if wrt else '') + '-- ' + shlex.quote(self.text)

    def check_cmd(self, wrt, answer):
        return (['check', '--format', 'json'] + (['--wrt', wrt] if wrt else [])
                + ['--answer=' + answer, '--', self.text])

    def repro_check(self, wrt, answer):
        return ('tutor check ' + ('--wrt %s ' % wrt if wrt else '') + '--answer='
                + shlex.quote(answer) + ' -- ' + shlex.quote(self.text))


def generate(seed, count, only=None):
    rng = random.Random(f'sympy-oracle:{seed}')
    shapes = [s for s in SHAPES if (only is None and (TABLE_SHARE or s[0] != 'function-table'))
              or s[0] == only]
    weights = [s[2] for s in shapes]
    seen = set()
    cases = []
    attempts = 0
    while len(cases) < count and attempts < count * 50:
        attempts += 1
        shape = rng.choices(shapes, weights)[0]
        node, variables, inner = shape[1](Gen(rng))
        if node.text in seen:
            continue
        seen.add(node.text)
        cases.append(Case(len(cases), shape, node, variables, inner))
    return cases


def draw(rng, i):
    k = i % 8
    if k < 4:
        return rng.uniform(-3, 3)
    if k == 4:
        return rng.uniform(-50, 50)
    if k == 5:
        return rng.choice([-1, 1]) * 10 ** rng.uniform(-3, -0.5)
    if k == 6:
        return rng.choice([-1, 1]) * 10 ** rng.uniform(0, 2.5)
    return rng.uniform(-10, 10)


def defined_float(exprs, env, largest=1e200):
    """Whether every expression in EXPRS is real, away from kinks and below LARGEST at ENV."""
    for e in exprs:
        try:
            v, _, kink = FLOAT(e, env)
        except Undefined:
            return False
        except (TypeError, KeyError):
            return False
        if kink < KINK or abs(v) > largest:
            return False
    return True


def search_points(rng, syms, exprs, draw_at, near_from=24, spread=3, largest=1e200,
                  target=None, candidates=None):
    """Real points where every expression in EXPRS is defined, away from kinks, as
    (point, values at 30 digits): DRAW_AT(i, j, symbol) proposes the ith candidate's jth
    coordinate from several magnitudes; from candidate NEAR_FROM on, every other one is
    sought around a point already found, within 10^-SPREAD of its size, so that a narrow
    domain (asin(2-4x) lives in [1/4, 3/4]) still gives enough points. At most TARGET
    points from at most CANDIDATES tries (by default this file's)."""
    target = TARGET_POINTS if target is None else target
    candidates = MAX_CANDIDATES if candidates is None else candidates
    good = []
    for i in range(candidates):
        if len(good) >= target:
            break
        if good and i >= near_from and i % 2:
            base = rng.choice(good)
            env = {s: base[s] + rng.gauss(0, 1) * max(1.0, abs(base[s])) *
                   10 ** -rng.uniform(0, spread) for s in syms}
        else:
            env = {s: draw_at(i, j, s) for j, s in enumerate(syms)}
        if any(env == g for g in good):
            continue
        if defined_float(exprs, env, largest):
            good.append(env)
    points = []
    for env in good:
        menv = {s: mpmath.mpf(v) for s, v in env.items()}
        try:
            vals = [MP(e, menv) for e in exprs]
        except Undefined:
            continue
        if all(k >= KINK for _, _, k in vals):
            points.append((menv, vals))
    return points


def find_points(case, rng, exprs):
    """The points of CASE: search_points over its variables."""
    syms = [SYMS[v] for v in case.vars]
    return search_points(rng, syms, exprs, lambda i, j, s: draw(rng, i + 3 * j))


def prepare(case, seed, runner, pool):
    """All of the SymPy side of one case, and the check runs that need it."""
    case.unev = to_sym(case.node, ev=False)
    case.sym = to_sym(case.node)
    wrt_syms = [SYMS[v] for v in case.vars]
    case.derivs = {v: sp.diff(case.sym, s) for v, s in zip(case.vars, wrt_syms)}
    rng = random.Random(f'points:{seed}:{case.idx}')
    exprs = [case.unev] + [case.derivs[v] for v in case.vars]
    pts = find_points(case, rng, exprs)
    case.points = [env for env, _ in pts]
    case.dvals = {v: [vals[1 + i] for _, vals in pts] for i, v in enumerate(case.vars)}
    if len(case.points) < MIN_POINTS:
        return
    rules = case.shape[3]
    for v in case.vars:
        wrt = v if len(case.vars) > 1 else None
        d = case.derivs[v]
        right = answer_text(case, without_delta(d), d, case.dvals[v], must_match=True)
        if right is None:
            case.notes.append(('answer not printable', v))
        else:
            case.check_futures.append((wrt, 'right', right,
                                       pool.submit(check_after_diff, runner, case, wrt, right)))
        planted = None
        for k in range(len(rules)):
            rule = rules[(case.idx + k) % len(rules)]
            wrong = planted_expr(case, v, rule)
            if wrong is None:
                continue
            planted = answer_text(case, without_delta(wrong), d, case.dvals[v],
                                  must_match=False)
            if planted is not None:
                break
        if planted is None:
            case.notes.append(('no planted mistake differs', v))
        else:
            case.check_futures.append((wrt, 'planted:' + rule, planted,
                                       pool.submit(check_after_diff, runner, case, wrt, planted)))


def planted_expr(case, v, rule):
    d = case.derivs[v]
    if rule == 'times2':
        return 2 * d
    if rule == 'plus1':
        return d + 1
    if rule == 'neg':
        return -d
    if rule == 'other_wrt':
        others = [w for w in case.vars if w != v]
        return case.derivs[others[0]] if others else None
    if rule == 'drop_inner':
        if case.inner is None:
            return None
        t = sp.Dummy('t', real=True)
        outer = to_sym(case.node, {id(case.inner): t})
        return sp.diff(outer, t).xreplace({t: to_sym(case.inner)})
    raise AssertionError(rule)


def answer_text(case, expr, deriv, dvals, must_match):
    """Prints expr in tutor syntax and reads the text back: what the checker is given
    is that text, so it is the text, as read, that must equal the derivative (deriv, with
    the values dvals) at every point (must_match) or be defined at every point and
    clearly differ from the derivative at one at least, with 30 digits and with more."""
    try:
        text = tprint(expr)
        back = parse_tutor(text)
    except (NotPrintable, ValueError):
        return None
    differs = False
    for env, dv in zip(case.points, dvals):
        try:
            tv, tscale, _ = MP(back, env)
        except Undefined:
            tv = None
        dval = dv[0]
        if must_match:
            if tv is None or not close(tv, dval, max(tscale, dv[1])):
                same, last = agree_with_more_digits(deriv, back, env)
                if same:
                    continue
                if last[1] is not None:
                    case.notes.append(('harness: printed answer reads back differently', text))
                return None
            continue
        if tv is None:
            return None
        if not close(tv, dval, max(tscale, dv[1])) and clearly_apart(tv, tscale, dval, dv[1]):
            # confirmed with more digits, or 30 digits that were not enough would plant a
            # "mistake" that is the derivative itself
            hi_t = value_at(back, env, RECHECK_DIGITS[0])
            hi_d = value_at(deriv, env, RECHECK_DIGITS[0])
            if hi_t is not None and hi_d is not None and \
                    clearly_apart(hi_t[0], hi_t[1], hi_d[0], hi_d[1]):
                differs = True
    if must_match:
        return text
    return text if differs else None


def clearly_apart(a, ascale, b, bscale):
    # a point where the two barely differ proves nothing either way
    gap = abs(a - b)
    return gap > 1e-4 * max(abs(a), abs(b)) and gap > 1e-6 * max(1, ascale, bscale)


def check_after_diff(runner, case, wrt, answer):
    # A check recomputes the derivative, so it hangs wherever diff hangs; waiting for the
    # diff result first saves a timeout per hanging expression.
    fut = case.diff_futures.get(wrt)
    if fut is not None and fut.result()[0] in ('hang', 'not run'):
        return None
    return runner(case.check_cmd(wrt, answer))


def evaluate_diff(case, wrt, result):
    v = wrt or 'x'
    status, out, err = result
    if status == 'not run':
        case.skip = 'not run: the time budget was spent'
        return
    if status == 'hang':
        case.failures.append(('hang', f'{case.repro_diff(wrt)}  '
                                      f'(no answer in {RUNNER.timeout:g} s)'))
        return
    if status == 2:
        if case.points:
            pt = fmt_point(case.points[0])
            case.failures.append(('refusal', f'{case.repro_diff(wrt)}  exit 2: {first_line(err)}'
                                             f'  (defined at {pt})'))
        else:
            case.skip = 'refused, undefined everywhere'
        return
    if status != 0:
        case.failures.append(('crash', f'{case.repro_diff(wrt)}  exit {status}: {first_line(err)}'))
        return
    try:
        doc = json.loads(out)
        entries = [d for d in doc['derivatives'] if d['wrt'] == v]
        if not entries and not doc['derivatives'] and not doc.get('variables'):
            text = '0'
        else:
            text = entries[0]['result']
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        case.failures.append(('crash', f'{case.repro_diff(wrt)}  unreadable JSON ({exc})'))
        return
    if len(case.points) < MIN_POINTS:
        case.skip = case.skip or 'fewer than %d real points' % MIN_POINTS
        return
    try:
        got = parse_tutor(text)
    except ValueError as exc:
        case.failures.append(('crash', f'{case.repro_diff(wrt)}  result {text!r}: {exc}'))
        return
    compared = 0
    for env, dv in zip(case.points, case.dvals[v]):
        want, wscale = dv[0], dv[1]
        try:
            have, hscale, kink = MP(got, env)
        except Undefined:
            have, kink = None, math.inf
        if kink < KINK:
            continue
        if have is None or not close(have, want, max(wscale, hscale)):
            same, last = agree_with_more_digits(case.derivs[v], got, env)
            if not same:
                case.failures.append((
                    'wrong derivative',
                    f'{case.repro_diff(wrt)}\n      tutor: {text}\n      SymPy: '
                    f'{case.derivs[v]}\n      at {fmt_point(env)}: SymPy {fmt(want)}, tutor '
                    f'{"undefined" if have is None else fmt(have)} (with {RECHECK_DIGITS[-1]} '
                    f'digits: SymPy {fmt_value(last[0])}, tutor {fmt_value(last[1])})'
                    f'{reading(doc, case, env)}'))
                return
        compared += 1
    if compared < MIN_POINTS:
        case.skip = case.skip or 'fewer than %d comparable points' % MIN_POINTS


def reading(doc, case, env):
    """Says so when the tutor already read the input as something else."""
    try:
        read = parse_tutor(doc['expression'])
        rv, rs, _ = MP(read, env)
        iv, is_, _ = MP(case.unev, env)
    except (Undefined, ValueError, KeyError, HarnessError):
        return ''
    if close(rv, iv, max(rs, is_)):
        return ''
    return f'\n      the tutor read the input as {doc["expression"]} = {fmt(rv)}, not {fmt(iv)}'


def evaluate_check(case, wrt, label, answer, result):
    if result is None:
        return  # the diff of this expression hung, already a failure
    status, out, err = result
    if status == 'not run':
        return
    want = 'correct' if label == 'right' else 'incorrect'
    cmd = case.repro_check(wrt, answer)
    if status == 'hang':
        case.failures.append(('hang', f'{cmd}  (no answer in {RUNNER.timeout:g} s)'))
        return
    if status == 2:
        case.failures.append(('refusal', f'{cmd}  exit 2: {first_line(err)}'))
        return
    try:
        doc = json.loads(out)
        got = doc['status']
    except (ValueError, KeyError, TypeError):
        case.failures.append(('crash', f'{cmd}  exit {status}, unreadable JSON'))
        return
    if status not in (0, 1) or (status == 0) != (got == 'correct'):
        case.failures.append(('crash', f'{cmd}  exit {status} with status {got!r}'))
        return
    if got == want:
        return
    kind = 'check false negative' if want == 'correct' else 'check false positive'
    extra = f' ({label[8:]})' if label != 'right' else ''
    case.failures.append((kind, f'{cmd}\n      expected {want}{extra}, got {got}'
                                f' (mistake {doc.get("mistake")}): {doc.get("feedback")}'
                                f'\n      the tutor\'s derivative: {doc.get("expected")}'))


RUNNER = None


def argument_parser(doc, seed, seed_help, count, count_help):
    """The options an oracle script shares: the binary, the seed, how many cases, and how
    the tutor runs are spread and bounded."""
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=doc.split('\n\n')[0])
    ap.add_argument('--tutor', default=os.path.join(here, '..', '..', 'build', 'tutor'),
                    help='the tutor binary (default: build/tutor of this checkout)')
    ap.add_argument('--seed', default=seed, help=seed_help)
    ap.add_argument('--count', type=int, default=count, help=count_help)
    ap.add_argument('--jobs', type=int, default=2, help='tutor processes at a time')
    ap.add_argument('--timeout', type=float, default=10.0, help='seconds per tutor run')
    return ap


def main():
    global RUNNER
    ap = argument_parser(__doc__, seed='2026', seed_help='seed of the expressions and points',
                         count=5000, count_help='number of expressions')
    ap.add_argument('--budget', type=float, default=780.0,
                    help='seconds after which no more tutor runs are started (the ctest '
                         'timeout is 900), so that a binary that hangs a lot still gets '
                         'its report')
    ap.add_argument('--show', type=int, default=20, help='failures listed per kind')
    ap.add_argument('--shape', choices=[s[0] for s in SHAPES], help='only this shape')
    ap.add_argument('--no-function-table', action='store_true',
                    help='leave out the newest functions (sech ... arccsc), which otherwise '
                         'have a shape of their own and turn up now and then in chains')
    args = ap.parse_args()
    global TABLE_SHARE
    if args.no_function_table:
        TABLE_SHARE = 0.0

    t0 = time.monotonic()
    RUNNER = runner = Runner(os.path.abspath(args.tutor), args.timeout, args.budget)
    cases = generate(args.seed, args.count, args.shape)
    pool = ThreadPoolExecutor(max_workers=max(1, args.jobs))
    # Every diff is queued before any check, so a check waiting for its diff never
    # waits for work that is still behind it in the queue.
    for case in cases:
        for wrt in case.wrts():
            case.diff_futures[wrt] = pool.submit(runner, case.diff_cmd(wrt))
    harness_errors = []

    def finish(case):
        if case.skip == 'harness error':
            return
        for wrt in case.wrts():
            try:
                evaluate_diff(case, wrt, case.diff_futures[wrt].result())
            except (HarnessError, RecursionError) as exc:
                harness_errors.append(f'{case.text}: {exc!r}')
                case.skip = case.skip or 'harness error'
        for wrt, label, answer, fut in case.check_futures:
            evaluate_check(case, wrt, label, answer, fut.result())

    # Results are read while later cases are still being prepared, so that the SymPy
    # work on the results overlaps the tutor runs instead of following them.
    pending = 0
    for case in cases:
        try:
            prepare(case, args.seed, runner, pool)
        except (HarnessError, RecursionError) as exc:
            harness_errors.append(f'{case.text}: {exc!r}')
            case.skip = 'harness error'
        while pending <= case.idx and all(f.done() for f in cases[pending].diff_futures.values()) \
                and all(f.done() for *_, f in cases[pending].check_futures):
            finish(cases[pending])
            pending += 1
    t_sympy = time.monotonic() - t0
    for case in cases[pending:]:
        finish(case)
    pool.shutdown()
    runner.close()
    elapsed = time.monotonic() - t0
    report(cases, args, runner, harness_errors, elapsed, t_sympy)
    failed = sum(1 for c in cases if c.failures)
    return 1 if failed or runner.not_run else 0


def failures_by_kind(cases, kinds):
    """The failure details of CASES, listed under each of KINDS."""
    by_kind = {k: [] for k in kinds}
    for c in cases:
        for kind, detail in c.failures:
            by_kind[kind].append(detail)
    return by_kind


def report_shapes(out, cases, names, shape_of, width):
    """A row of counts for each shape of NAMES that has cases, then a blank line."""
    print(f'{"shape":<{width}}{"count":>7}{"passed":>8}{"failed":>8}{"skipped":>9}', file=out)
    for name in names:
        cs = [c for c in cases if shape_of(c) == name]
        if not cs:
            continue
        nf = sum(1 for c in cs if c.failures)
        ns = sum(1 for c in cs if c.skip and not c.failures)
        print(f'{name:<{width}}{len(cs):>7}{len(cs) - nf:>8}{nf:>8}{ns:>9}', file=out)
    print(file=out)


def report_tallies(out, cases, args, runner, by_kind):
    """Whether the time budget cut the run short, then the failures of each kind and the
    skipped cases, counted."""
    if runner.not_run:
        print(f'INCOMPLETE: {runner.not_run} tutor runs were not started: the time budget of '
              f'{args.budget:g} s was spent', file=out)
    for kind in by_kind:
        print(f'{kind + ":":<22}{len(by_kind[kind]):>6}', file=out)
    skips = {}
    for c in cases:
        if c.skip and not c.failures:
            skips[c.skip] = skips.get(c.skip, 0) + 1
    print(f'{"skipped:":<22}{sum(skips.values()):>6}'
          + ''.join(f'\n  {n:>6}  {why}' for why, n in sorted(skips.items())), file=out)


def report_failures(out, by_kind, show):
    """The first SHOW failures of each kind."""
    for kind, items in by_kind.items():
        if not items:
            continue
        print(f'\nfirst {min(len(items), show)} of {len(items)} {kind}:', file=out)
        for d in items[:show]:
            print('  ' + d, file=out)


def report_passed(out, cases):
    failed = sum(1 for c in cases if c.failures)
    print(f'{len(cases) - failed} passed, {failed} failed', file=out)


def report(cases, args, runner, harness_errors, elapsed, t_sympy):
    out = sys.stdout
    by_kind = failures_by_kind(cases, FAILURE_KINDS)
    print(f'SymPy oracle: seed {args.seed}, {len(cases)} expressions, tutor {runner.tutor}',
          file=out)
    report_shapes(out, cases, [s[0] for s in SHAPES], lambda c: c.shape[0], 16)
    checks = sum(len(c.check_futures) for c in cases)
    diffs = sum(len(c.wrts()) for c in cases)
    print(f'tutor runs: {diffs} diff and {checks} check queued, {runner.calls} finished', file=out)
    report_tallies(out, cases, args, runner, by_kind)
    notes = {}
    for c in cases:
        for why, _ in c.notes:
            notes[why] = notes.get(why, 0) + 1
    if notes:
        print('checks not run:' + ''.join(f'\n  {n:>6}  {why}' for why, n in sorted(notes.items())),
              file=out)
    if harness_errors:
        print(f'harness errors (not counted against the tutor): {len(harness_errors)}', file=out)
        for h in harness_errors[:args.show]:
            print('  ' + h, file=out)
    skipped = [c for c in cases if c.skip and not c.failures]
    if skipped:
        print(f'\nfirst {min(len(skipped), args.show)} of {len(skipped)} skipped:', file=out)
        for c in skipped[:args.show]:
            print(f'  {c.repro_diff(c.wrts()[0])}  ({c.skip})', file=out)
    report_failures(out, by_kind, args.show)
    print(f'\ntime: {elapsed:.1f} s wall, {time.process_time():.1f} s CPU in this process '
          f'(SymPy side ready after {t_sympy:.1f} s)', file=out)
    report_passed(out, cases)


if __name__ == '__main__':
    sys.exit(main())
