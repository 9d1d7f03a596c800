#!/usr/bin/env python3
"""The generated problems of `tutor practice` against SymPy.

`tutor practice --format json --count N --seed S` prints N problems of every skill, at
each level and focus in turn, with the key the tutor will accept: the derivative from its
own step engine (GiNaC). SymPy is an independent implementation of the same mathematics,
so here it is the oracle: for every problem, SymPy differentiates the function and the
two derivatives must agree as real functions, at several random points where both are
defined (mpmath, 30 digits, relative tolerance 1e-7; a difference is blamed on the tutor
only when it stays at 80 and 200 digits). The functions are read by the independent
parser of sympy_oracle.py, not by the tutor.

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

import sympy as sp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sympy_oracle import X, Y, agree_with_more_digits, close, parse_tutor, value_at  # noqa: E402

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
            where = f"seed {seed} {p['skill']}: d/d{p['wrt']} {p['function']} = {p['key']}"
            ident = (p['wrt'], p['function'])
            if ident in seen:
                failures.append(f'{where}: repeated')
                continue
            seen.add(ident)
            try:
                why = agrees(p['function'], p['wrt'], p['key'], rng)
            except Exception as e:  # a harness limit, reported as a failure to look at
                why = f'could not be checked: {e!r}'
            if why is None:
                passed += 1
                per_skill[p['skill']] += 1
            else:
                failures.append(f'{where}: {why}')
        rejected.update(out['rejected'])

    for skill, n in sorted(per_skill.items()):
        print(f'  {skill:12} {n} agree')
    drawn = passed + len(failures) + sum(rejected.values())
    print(f'set aside by the generator: {dict(rejected)} of {drawn} drawn')
    for f in failures[:args.show]:
        print('FAIL', f)
    print(f'{passed} passed, {len(failures)} failed')
    return 0 if not failures else 1


if __name__ == '__main__':
    sys.exit(main())
