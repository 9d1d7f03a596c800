#!/usr/bin/env python3
"""The generated problems of `tutor practice` against SymPy.

`tutor practice --format json --count N --seed S` prints N problems of every skill, at
each level and focus in turn, with the key the tutor will accept: the derivative from its
own step engine (GiNaC), or the number or choice from its labs. SymPy is an independent
implementation of the same mathematics, so here it is the oracle: for every derivative,
SymPy differentiates the function and the two derivatives must agree as real functions, at
several random points where both are defined (mpmath, 30 digits, relative tolerance 1e-7;
a difference is blamed on the tutor only when it stays at 80 and 200 digits). The functions
are read by the independent parser of sympy_oracle.py, not by the tutor.

The other kinds are answered here from their setup alone, in exact arithmetic where the
answer is rational: a graph's node value (its expression must be a subexpression of the
graph's, evaluated at the point) and an input's gradient (SymPy's partial derivative of the
whole expression there); one descent step x0 - lr*f'(x0); the learning-rate verdict by
simulating descent exactly for SIM_STEPS steps and watching each coordinate's distance to
the minimum (grows: diverged; keeps its size: oscillating; shrinks changing sign: zigzag;
shrinks from one side: steady); the largest factor of n layers (|W| times the largest slope
SymPy finds for the activation, to the n); the product of the factors; and the fewest
layers whose largest factor is below 10^-k. Exact answers must also have at most four
decimals, as the tutor promises (but a product of factors, which may be typed as the
product).

It also checks what the generator promises: every run answers within the timeout, no
problem repeats within a run, and the same seed gives the same problems.

    python3 tests/oracle/practice_sympy.py --tutor build/tutor [--seeds 20] [--count 12]

It prints counts per skill and the first failures, and ends with `N passed, M failed`;
the exit status is 0 only when nothing failed.
"""

import argparse
import collections
import json
import os
import random
import subprocess
import sys
from fractions import Fraction

import sympy as sp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sympy_oracle import X, Y, agree_with_more_digits, close, parse_tutor, value_at  # noqa: E402

SIM_STEPS = 100     # exact descent steps simulated for a verdict
POINTS = 4           # points where both sides must be defined and agree
CANDIDATES = 200     # random points tried to find them
KINK = 1e-6


def run(tutor, seed, count, timeout):
    cmd = [tutor, 'practice', '--format', 'json', '--count', str(count), '--seed', str(seed)]
    env = dict(os.environ, LANG='C.UTF-8', XDG_DATA_HOME='/nonexistent-practice-oracle')
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    if p.returncode != 0:
        raise RuntimeError(f'{" ".join(cmd)} exited {p.returncode}: {p.stderr.strip()}')
    return json.loads(p.stdout)


def agrees(function, wrt, key, rng):
    """None when SymPy's derivative of FUNCTION agrees with KEY, else why not."""
    f = parse_tutor(function)
    k = parse_tutor(key)
    var = X if wrt == 'x' else Y
    d = sp.diff(f, var)
    good = 0
    for _ in range(CANDIDATES):
        env = {X: rng.uniform(-3, 3), Y: rng.uniform(-3, 3)}
        a, b = value_at(d, env, 30), value_at(k, env, 30)
        if a is None or b is None:
            continue
        if not close(a[0], b[0], max(a[1], b[1])):
            same, last = agree_with_more_digits(d, k, env)
            if not same:
                return f'at x={env[X]:.6g}, y={env[Y]:.6g}: SymPy {a[0]} vs tutor {b[0]}'
        good += 1
        if good == POINTS:
            return None
    return f'only {good} points where both are defined'


# --- the kinds that are not derivatives ------------------------------------------------

LETTERS = {n: sp.Symbol(n, real=True) for n in 'abcwxy'}
ACTIVATIONS = {
    'sigmoid': lambda u: 1 / (1 + sp.exp(-u)),
    'tanh': sp.tanh,
    'relu': lambda u: sp.Max(0, u),
    'softplus': lambda u: sp.log(1 + sp.exp(u)),
}


def read(text, opaque=False):
    """SymPy's own reading of a small expression in a, b, c, w, x, y. OPAQUE keeps the
    activations as unknown functions, so that the nodes inside them stay as written."""
    from sympy.parsing.sympy_parser import (convert_xor, parse_expr,
                                            standard_transformations)
    fns = {n: sp.Function(n) for n in ACTIVATIONS} if opaque else ACTIVATIONS
    return parse_expr(text, local_dict={**LETTERS, **fns},
                      transformations=standard_transformations + (convert_xor,))


def point_of(p, field):
    return {LETTERS[k]: sp.Rational(v) for k, v in p[field].items()}


def number_agrees(expected, key, decimals=True):
    """None when KEY is EXPECTED (a SymPy number), else why not. DECIMALS: an exact answer
    must have at most four decimals."""
    v = complex(sp.N(expected, 30))
    if abs(v.imag) > 1e-12:
        return f'not real: {expected}'
    if abs(v.real - key) > 1e-9 * max(1.0, abs(v.real)):
        return f'SymPy {sp.N(expected, 15)} vs tutor {key}'
    if decimals and expected.is_Rational and not (expected * 10**4).is_Integer:
        return f'{expected} has more than four decimals'
    return None


def check_graph(p):
    f = read(p['expression'])
    at = point_of(p, 'point')
    if p['kind'] == 'node-value':
        whole, node = read(p['expression'], True), read(p['node_expression'], True)
        if not any(sub == node for sub in sp.preorder_traversal(whole)):
            return f'{node} is not a node of {whole}'
        return number_agrees(read(p['node_expression']).subs(at), p['key'])
    g = sp.diff(f, LETTERS[p['node']]).subs(at)
    return number_agrees(g, p['key'])


def check_step(p):
    f = read(p['function'])
    at = point_of(p, 'start')
    v = LETTERS[p['asked']]
    lr = sp.Rational(p['rate'])
    return number_agrees(at[v] - lr * sp.diff(f, v).subs(at), p['key'])


def verdict_of(p):
    """What descent does on a quadratic, from an exact simulation of it."""
    f = read(p['function'])
    names = sorted(p['start'])
    vs = [LETTERS[n] for n in names]
    grad = sp.lambdify(vs, [sp.diff(f, v) for v in vs], modules='sympy')
    lr = sp.Rational(p['rate'])
    best = sp.solve([sp.diff(f, v) for v in vs], vs, dict=True)[0]
    theta = [sp.Rational(p['start'][n]) for n in names]
    dist = [[t - best[v]] for t, v in zip(theta, vs)]
    for _ in range(SIM_STEPS):
        g = grad(*theta)
        theta = [t - lr * gi for t, gi in zip(theta, g)]
        for i, v in enumerate(vs):
            dist[i].append(theta[i] - best[v])
    size = [(abs(d[0]), abs(d[-1])) for d in dist]
    if any(end > start for start, end in size):
        return 'diverged'
    if any(end == start and start != 0 for start, end in size):
        return 'oscillating'
    if any(d[k] * d[k + 1] < 0 for d in dist for k in range(3)):
        return 'zigzag'
    return 'steady'


def largest_slope(name):
    """The largest slope of the activation, found by SymPy: at its critical point 0, checked
    against a grid."""
    z = sp.Symbol('z', real=True)
    slope = sp.diff(ACTIVATIONS[name](z), z)
    top = sp.limit(slope, z, 0, '+')
    grid = [slope.subs(z, sp.Rational(k, 8)) for k in range(-80, 81) if k != 0]
    assert all(sp.N(s) <= sp.N(top) + 1e-15 for s in grid), name
    return sp.nsimplify(top)


def check_layers(p):
    if p['kind'] == 'factor-product':
        expected = sp.Integer(1)
        for f in p['factors']:
            expected *= sp.Rational(f)
        # typed as the product itself, so any number of decimals
        return number_agrees(expected, p['key'], decimals=False)
    per_layer = sp.Rational(p['weight']) * largest_slope(p['activation'])
    if p['kind'] == 'layer-bound':
        expected = per_layer ** p['layers']
        v = float(expected)
        return None if abs(v - p['key']) <= 1e-12 * v else f'{expected} vs tutor {p["key"]}'
    n = 1
    while per_layer ** n >= sp.Rational(1, 10**p['below']):
        n += 1
    return None if n == p['key'] else f'{n} layers vs tutor {p["key"]}'


CHECKS = {'node-value': check_graph, 'node-gradient': check_graph, 'descent-step': check_step,
          'rate-verdict': lambda p: None if verdict_of(p) == p['key']
          else f'simulated {verdict_of(p)} vs tutor {p["key"]}',
          'layer-bound': check_layers, 'factor-product': check_layers,
          'layers-below': check_layers}


def ident_of(p):
    return json.dumps({k: v for k, v in p.items() if k not in ('level', 'focus', 'key')},
                      sort_keys=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--tutor', required=True)
    ap.add_argument('--seeds', type=int, default=20)
    ap.add_argument('--count', type=int, default=12, help='problems per skill and seed')
    ap.add_argument('--timeout', type=float, default=30)
    ap.add_argument('--show', type=int, default=10)
    args = ap.parse_args()

    rng = random.Random(20261130)
    passed, failures = 0, []
    per_skill = collections.Counter()
    rejected = collections.Counter()
    for seed in range(args.seeds):
        try:
            out = run(args.tutor, seed, args.count, args.timeout)
        except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as e:
            failures.append(f'seed {seed}: {e}')
            continue
        # The same seed, the same problems.
        if seed == 0:
            again = run(args.tutor, seed, args.count, args.timeout)
            if again != out:
                failures.append('seed 0 gave different problems on a second run')
        seen = set()
        for p in out['problems']:
            derivative = p['kind'] == 'derivative'
            if derivative:
                where = f"seed {seed} {p['skill']}: d/d{p['wrt']} {p['function']} = {p['key']}"
                ident = (p['wrt'], p['function'])
            else:
                where = f"seed {seed} {p['skill']}: {ident_of(p)} = {p['key']}"
                ident = ident_of(p)
            if ident in seen:
                failures.append(f'{where}: repeated')
                continue
            seen.add(ident)
            try:
                if derivative:
                    why = agrees(p['function'], p['wrt'], p['key'], rng)
                else:
                    why = CHECKS[p['kind']](p)
            except Exception as e:  # a harness limit, reported as a failure to look at
                why = f'could not be checked: {e!r}'
            if why is None:
                passed += 1
                per_skill[p['skill']] += 1
            else:
                failures.append(f'{where}: {why}')
        rejected.update(out['rejected'])

    for skill, n in sorted(per_skill.items()):
        print(f'  {skill:14} {n} agree')
    drawn = passed + len(failures) + sum(rejected.values())
    print(f'set aside by the generator: {dict(rejected)} of {drawn} drawn')
    for f in failures[:args.show]:
        print('FAIL', f)
    print(f'{passed} passed, {len(failures)} failed')
    return 0 if not failures else 1


if __name__ == '__main__':
    sys.exit(main())
