#!/usr/bin/env python3
"""An independent check of tests/data/equivalence_cases.tsv.

The policy (src/math/equivalence.hpp): two expressions are the same answer when they agree
at every real point where both are defined, and "defined" means that every intermediate value
is real and finite. So sqrt(k/m)*sqrt(m/k) is undefined where k/m < 0, log(x) for x <= 0, a
negative number to a non-integer power (the principal value is not real), 0 to a power <= 0,
and (a^b)^c is evaluated as written.

This script reads the tutor's syntax with a parser of its own (implicit multiplication, `^`
right-associative, a leading minus after powers, `e`, decimals read exactly), builds the SymPy
tree as written (evaluate=False, so SymPy rewrites nothing: exp(log(x)) stays as it is), and
evaluates every node of that tree with mpmath at 50 digits, refusing the point as soon as one
intermediate value is not real.

  different: a real point is searched for (a grid of integers and halves first, then random
             points over several magnitudes) where both sides are defined and differ by more
             than a relative 1e-6.
  equal:     random points over several magnitudes are drawn until 200 are found where both
             sides are defined (at most 6000 tries); at least 20 are required, and at every one
             the two agree within a relative 1e-10; so must they at every point of the grid.

A gap seen at 50 digits counts only if it survives evaluating the point again at 100 digits
with what the 50-digit values lost taken off (cancellation near x = -10^6 can eat 33 digits);
a point where the 50-digit values are mostly rounding proves nothing either way and is skipped.

Usage: equivalence_sympy.py CASES.tsv [-v]
Prints one line per failing row, then "N passed, M failed"; exits 0 only when M = 0.
"""

import itertools
import random
import re
import sys
from fractions import Fraction

import mpmath
import sympy

mpmath.mp.dps = 50

EQUAL_RTOL = mpmath.mpf("1e-10")
DIFFERENT_RTOL = mpmath.mpf("1e-6")
# Rounding at 50 digits: a sum whose terms are as large as M carries an error of about
# M * 1e-50, so differences below M * 1e-45 are noise (cosh(x)^2 - sinh(x)^2 at x = 1000).
NOISE = mpmath.mpf("1e-45")
WANTED_POINTS = 200
MIN_POINTS = 20
MAX_TRIES = 6000
SEED = 20261127


# ---------------------------------------------------------------------------------------------
# Reading the tutor's syntax

class Sigmoid(sympy.Function):
    nargs = 1


class Relu(sympy.Function):
    nargs = 1


class Softplus(sympy.Function):
    nargs = 1


class Step(sympy.Function):
    nargs = 1


FUNCTIONS = {
    "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "sec": sympy.sec, "csc": sympy.csc,
    "cot": sympy.cot, "asin": sympy.asin, "arcsin": sympy.asin, "acos": sympy.acos,
    "arccos": sympy.acos, "atan": sympy.atan, "arctan": sympy.atan, "sinh": sympy.sinh,
    "cosh": sympy.cosh, "tanh": sympy.tanh, "exp": sympy.exp, "log": sympy.log, "ln": sympy.log,
    "sqrt": sympy.sqrt, "abs": sympy.Abs, "sigmoid": Sigmoid, "relu": Relu, "softplus": Softplus, "step": Step,
}
CONSTANTS = {"pi": sympy.pi, "e": sympy.E}
GREEK = {"theta", "eta", "alpha", "beta", "lambda", "sigma", "gamma", "delta", "epsilon", "mu",
         "rho", "tau", "phi", "omega"}

TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<name>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<op>\*\*|[-+*/^()\[\]])
""", re.VERBOSE)


def tokenize(text):
    out, pos = [], 0
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            raise SyntaxError(f"cannot read {text[pos:]!r}")
        pos = m.end()
        if m.lastgroup == "space":
            continue
        value = m.group()
        if value == "**":
            value = "^"
        out.append((m.lastgroup, value))
    return out


def neg(x):
    return sympy.Mul(sympy.Integer(-1), x, evaluate=False)


def number(text):
    f = Fraction(text)  # exact: 2.0001 is 20001/10000, 1e-13 is 1/10^13
    return sympy.Rational(f.numerator, f.denominator)


class Parser:
    """expr   := ['+'|'-'] term (('+'|'-') term)*
       term   := factor (('*' | '/' | juxtaposition) factor)*      left to right
       factor := '-' factor | power
       power  := primary ['^' factor]                                 right-associative"""

    def __init__(self, text):
        self.tokens = tokenize(text)
        self.i = 0
        self.text = text

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else (None, None)

    def take(self, value=None):
        tok = self.peek()
        if tok[0] is None or (value is not None and tok[1] != value):
            raise SyntaxError(f"expected {value!r} in {self.text!r}")
        self.i += 1
        return tok

    def parse(self):
        e = self.expr()
        if self.i != len(self.tokens):
            raise SyntaxError(f"unexpected {self.peek()[1]!r} in {self.text!r}")
        return e

    def expr(self):
        kind, value = self.peek()
        sign = 1
        if value in ("+", "-"):
            self.take()
            sign = -1 if value == "-" else 1
        terms = [self.term()]
        if sign < 0:
            terms[0] = neg(terms[0])
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            t = self.term()
            terms.append(neg(t) if op == "-" else t)
        return terms[0] if len(terms) == 1 else sympy.Add(*terms, evaluate=False)

    def starts_primary(self):
        kind, value = self.peek()
        return kind in ("number", "name") or value in ("(", "[")

    def term(self):
        e = self.factor()
        while True:
            kind, value = self.peek()
            if value == "*":
                self.take()
                e = sympy.Mul(e, self.factor(), evaluate=False)
            elif value == "/":
                self.take()
                e = sympy.Mul(e, sympy.Pow(self.factor(), -1, evaluate=False), evaluate=False)
            elif self.starts_primary():
                e = sympy.Mul(e, self.factor(), evaluate=False)
            else:
                return e

    def factor(self):
        if self.peek()[1] == "-":
            self.take()
            return neg(self.factor())
        if self.peek()[1] == "+":
            self.take()
            return self.factor()
        return self.power()

    def power(self):
        base = self.primary()
        if self.peek()[1] == "^":
            self.take()
            return sympy.Pow(base, self.factor(), evaluate=False)
        return base

    def primary(self):
        kind, value = self.take()
        if kind == "number":
            return number(value)
        if value in ("(", "["):
            e = self.expr()
            self.take(")" if value == "(" else "]")
            return e
        if kind == "name":
            if value in FUNCTIONS and self.peek()[1] == "(":
                self.take("(")
                arg = self.expr()
                self.take(")")
                return FUNCTIONS[value](arg, evaluate=False)
            if value in FUNCTIONS:
                raise SyntaxError(f"{value} needs parentheses in {self.text!r}")
            if value in CONSTANTS:
                return CONSTANTS[value]
            if not re.fullmatch(r"[A-Za-z][0-9]*", value) and value not in GREEK:
                # The tutor reads a run of letters as a product of one-letter variables, but
                # where a power then applies (xy^2) is a convention; the table spells it out.
                raise SyntaxError(f"write the letters of {value!r} apart (x y or x*y) "
                                  f"in {self.text!r}")
            return sympy.Symbol(value, real=True)
        raise SyntaxError(f"unexpected {value!r} in {self.text!r}")


def parse(text):
    return Parser(text).parse()


# ---------------------------------------------------------------------------------------------
# Evaluating node by node at 50 digits

class Undefined(Exception):
    """Some intermediate value is not real (or not finite)."""


def is_integer(v):
    r = mpmath.nint(v)
    return abs(v - r) <= mpmath.mpf("1e-40") * max(1, abs(r)), r


def power(b, p):
    if b > 0:
        return mpmath.power(b, p)
    if b == 0:
        if p > 0:
            return mpmath.mpf(0)
        raise Undefined  # 0^0 and division by zero
    integral, r = is_integer(p)
    if not integral:
        raise Undefined  # the principal value of a negative base to a non-integer power
    return mpmath.power(b, int(r))


def unary(f, x):
    if f is sympy.sin:
        return mpmath.sin(x)
    if f is sympy.cos:
        return mpmath.cos(x)
    if f in (sympy.tan, sympy.sec, sympy.csc, sympy.cot):
        s, c = mpmath.sin(x), mpmath.cos(x)
        num, den = {sympy.tan: (s, c), sympy.sec: (1, c), sympy.csc: (1, s), sympy.cot: (c, s)}[f]
        if den == 0:
            raise Undefined
        return num / den
    if f in (sympy.asin, sympy.acos):
        if abs(x) > 1:
            raise Undefined
        return mpmath.asin(x) if f is sympy.asin else mpmath.acos(x)
    if f is sympy.atan:
        return mpmath.atan(x)
    if f is sympy.sinh:
        return mpmath.sinh(x)
    if f is sympy.cosh:
        return mpmath.cosh(x)
    if f is sympy.tanh:
        return mpmath.tanh(x)
    if f is sympy.exp:
        return mpmath.exp(x)
    if f is sympy.log:
        if x <= 0:
            raise Undefined
        return mpmath.log(x)
    if f is sympy.Abs:
        return abs(x)
    if f is Sigmoid:
        return 1 / (1 + mpmath.exp(-x))
    if f is Relu:
        return x if x > 0 else mpmath.mpf(0)
    if f is Softplus:
        return mpmath.log(1 + mpmath.exp(x))
    if f is Step:
        return mpmath.mpf(1) if x > 0 else (mpmath.mpf(0) if x < 0 else mpmath.mpf(1) / 2)
    raise ValueError(f"no evaluation for {f}")


def evaluate(e, point):
    """(value, largest |intermediate value|), or raises Undefined."""
    largest = [mpmath.mpf(0)]

    def walk(node):
        if node.is_Symbol:
            v = point[node]
        elif node.is_Rational:
            v = mpmath.mpf(node.p) / node.q
        elif node is sympy.pi:
            v = +mpmath.pi
        elif node is sympy.E:
            v = mpmath.e()
        elif node.is_Add:
            v = mpmath.fsum(walk(a) for a in node.args)
        elif node.is_Mul:
            v = mpmath.mpf(1)
            for a in node.args:
                v *= walk(a)
        elif node.is_Pow:
            b = walk(node.args[0])
            v = power(b, walk(node.args[1]))
        elif isinstance(node, sympy.Function) and len(node.args) == 1:
            v = unary(node.func, walk(node.args[0]))
        else:
            raise ValueError(f"no evaluation for {node!r}")
        if not mpmath.isfinite(v) or isinstance(v, mpmath.mpc):
            raise Undefined
        largest[0] = max(largest[0], abs(v))
        return v

    return walk(e), largest[0]


def both(a, b, point):
    try:
        va, ma = evaluate(a, point)
        vb, mb = evaluate(b, point)
    except (Undefined, ZeroDivisionError, OverflowError, ValueError):
        return None
    return va, vb, NOISE * max(ma, mb)


def confirmed_gap(a, b, point, va, vb, noise):
    """The gap between A and B at POINT once rounding is accounted for, or None when the gap
    seen at 50 digits is rounding: the point is evaluated again at 100 digits, and what the
    50-digit values lost (their distance to the 100-digit ones) is taken off the gap.
    sqrt((x + sqrt(x^2+1))^2) - sqrt(x^2+1) - x at x = -10^6 loses about 33 digits."""
    with mpmath.workdps(100):
        r = both(a, b, point)
    if r is None:
        return None
    wa, wb, _ = r
    lost = abs(va - wa) + abs(vb - wb)
    gap = abs(wa - wb)
    if gap <= lost + noise:
        return None
    return gap - lost


# ---------------------------------------------------------------------------------------------
# Points

HALVES = [Fraction(n, 2) for n in range(-6, 7)]  # -3, -5/2, ..., 3: integers and halves


def draw(rng):
    kind = rng.randrange(5)
    if kind == 0:
        return to_mpf(rng.choice(HALVES))
    if kind == 1:
        return mpmath.mpf(rng.randint(-12, 12))
    if kind == 2:
        return mpmath.mpf(rng.uniform(-10, 10))
    if kind == 3:  # magnitudes from 1e-8 to 1e6, either sign
        return mpmath.mpf(rng.choice((-1, 1)) * 10 ** rng.uniform(-8, 6))
    return mpmath.mpf(rng.uniform(-200, 200))


def to_mpf(f):
    return mpmath.mpf(f.numerator) / f.denominator


def random_points(symbols, rng):
    while True:
        yield {s: draw(rng) for s in symbols}


def grid_points(symbols):
    if len(symbols) > 3:
        return
    for values in itertools.product(HALVES, repeat=len(symbols)):
        yield {s: to_mpf(v) for s, v in zip(symbols, values)}


def show(point):
    return ", ".join(f"{s}={mpmath.nstr(v, 8)}" for s, v in sorted(point.items(), key=str))


# ---------------------------------------------------------------------------------------------
# Checking a row

def check_different(a, b, symbols, rng):
    """A witness point where both are defined and differ, or None."""
    tries = 0
    sources = itertools.chain(grid_points(symbols), random_points(symbols, rng)) if symbols \
        else iter([{}])
    for point in sources:
        tries += 1
        if tries > len(HALVES) ** min(len(symbols), 3) + MAX_TRIES:
            break
        r = both(a, b, point)
        if r is None:
            continue
        va, vb, noise = r
        if abs(va - vb) <= DIFFERENT_RTOL * max(abs(va), abs(vb)) or abs(va - vb) <= noise:
            continue
        gap = confirmed_gap(a, b, point, va, vb, noise)
        if gap is not None and gap > DIFFERENT_RTOL * max(abs(va), abs(vb)):
            return point, va, vb
    return None


def agree_at(a, b, point):
    """None where a side is undefined (or the point is all rounding), else (agree, va, vb)."""
    r = both(a, b, point)
    if r is None:
        return None
    va, vb, noise = r
    if abs(va - vb) > EQUAL_RTOL * max(abs(va), abs(vb)) + noise:
        gap = confirmed_gap(a, b, point, va, vb, noise)
        if gap is None:
            return None  # lost to rounding: neither agreement nor disagreement
        if gap > EQUAL_RTOL * max(abs(va), abs(vb)):
            return False, va, vb
    return True, va, vb


def check_equal(a, b, symbols, rng):
    """(random points where both are defined, the first disagreement or None). The grid of
    integers and halves is checked too, since that is where a^b with a < 0 is real."""
    for point in grid_points(symbols):
        r = agree_at(a, b, point)
        if r is not None and not r[0]:
            return 0, (point, r[1], r[2])
    found = 0
    sources = random_points(symbols, rng) if symbols else iter([{}])
    for tries, point in enumerate(sources):
        if tries >= MAX_TRIES or found >= WANTED_POINTS:
            break
        r = agree_at(a, b, point)
        if r is None:
            continue
        if not r[0]:
            return found, (point, r[1], r[2])
        found += 1
    if not symbols and found:
        found = WANTED_POINTS  # a constant: one evaluation is every point
    return found, None


def main(argv):
    if len(argv) < 2:
        print("usage: equivalence_sympy.py CASES.tsv [-v]", file=sys.stderr)
        return 2
    verbose = "-v" in argv[2:]
    passed = failed = 0
    with open(argv[1], encoding="utf-8") as f:
        lines = f.read().split("\n")
    for number_, row in enumerate(lines, 1):
        if not row.strip() or row.startswith("#"):
            continue
        cells = row.split("\t")
        if len(cells) != 4 or cells[2] not in ("equal", "different") or not cells[3].strip():
            print(f"line {number_}: malformed row (want a, b, equal|different, reason): {row!r}")
            failed += 1
            continue
        text_a, text_b, verdict, reason = cells
        try:
            a, b = parse(text_a), parse(text_b)
        except SyntaxError as err:
            print(f"line {number_}: {err}")
            failed += 1
            continue
        symbols = sorted(a.free_symbols | b.free_symbols, key=str)
        rng = random.Random(f"{SEED}:{text_a}:{text_b}")
        if verdict == "different":
            w = check_different(a, b, symbols, rng)
            if w is None:
                print(f"line {number_}: {text_a} vs {text_b}: expected different, but no real point "
                      f"where both are defined differs by more than a relative 1e-6")
                failed += 1
                continue
            if verbose:
                print(f"line {number_}: different at {show(w[0])}: "
                      f"{mpmath.nstr(w[1], 10)} against {mpmath.nstr(w[2], 10)}")
        else:
            found, bad = check_equal(a, b, symbols, rng)
            if bad is not None:
                point, va, vb = bad
                print(f"line {number_}: {text_a} vs {text_b}: expected equal, but at {show(point)}: "
                      f"{mpmath.nstr(va, 15)} against {mpmath.nstr(vb, 15)}")
                failed += 1
                continue
            if found < MIN_POINTS:
                print(f"line {number_}: {text_a} vs {text_b}: expected equal, but only {found} "
                      f"points where both are defined (at least {MIN_POINTS} needed)")
                failed += 1
                continue
            if verbose:
                print(f"line {number_}: equal at {found} points")
        passed += 1
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
