#!/usr/bin/python3
"""The tutor against SymPy on the same workloads, in one run; prints a Markdown table.

    bench/compare_sympy.py [--build build] [--count 1000] [--seed 1]

Workloads (the tutor's side runs in build/bench/tutor_batch, one process, so start-up is
not counted; start-up is measured on its own with whole `tutor diff x^2` processes):
  - diff:   a generated set of expressions; tutor: parse + steps + explanation for every
            variable; SymPy: plain diff() of the already parsed expression.
  - check:  the hand-labelled answers of tests/data/check_cases.tsv and generated right and
            wrong answers; tutor: parse + check(); SymPy: simplify(answer - diff(q)) == 0
            with both already parsed and the derivative already computed.
  - chain:  sin(cos(sin(...(x)))) 50 deep, several times; SymPy's cache is cleared between
            repetitions so it differentiates every time, as the tutor does.
SymPy is given every advantage: its parsing and the reference derivative are not timed.
Times are CPU seconds on both sides (wall time on a busy machine measures the machine).
"""
import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time

import sympy
from sympy.core.cache import clear_cache
from sympy.parsing.sympy_parser import (convert_xor, implicit_multiplication_application,
                                        parse_expr, standard_transformations)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
X, Y = sympy.symbols("x y", real=True)
FUNCS = ["sin", "cos", "tan", "exp", "log", "sqrt", "tanh"]


def generate(rng, depth):
    """A random expression as text both the tutor and SymPy read (explicit * and ^)."""
    if depth == 0 or rng.random() < 0.2:
        return rng.choice(["x", "x", "x", "y", str(rng.randint(2, 9)), f"{rng.randint(2, 9)}*x"])
    kind = rng.random()
    if kind < 0.35:
        return f"{rng.choice(FUNCS)}({generate(rng, depth - 1)})"
    if kind < 0.55:
        return f"({generate(rng, depth - 1)})^{rng.randint(2, 5)}"
    op = rng.choice(["+", "-", "*", "/"])
    return f"({generate(rng, depth - 1)}){op}({generate(rng, depth - 1)})"


def to_sympy(text):
    tr = standard_transformations + (implicit_multiplication_application, convert_xor)
    return parse_expr(text, local_dict={"x": X, "y": Y, "e": sympy.E, "ln": sympy.log},
                      transformations=tr)


def defined(text):
    """Whether TEXT is defined as written: the generator can make 1/(x-x) or log(x-x),
    which the tutor refuses."""
    return not to_sympy(text).has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo)


def sympy_text(e):
    return str(e).replace("**", "^")


def run_batch(build, mode, lines):
    exe = os.path.join(build, "bench", "tutor_batch")
    out = subprocess.run([exe, mode], input="\n".join(lines) + "\n", capture_output=True,
                         text=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(f"tutor_batch {mode} failed: {out.stderr}")
    result = json.loads(out.stdout)
    if result["failed"]:
        print(f"note: tutor_batch {mode}: {result['failed']} of {result['count']} lines failed",
              file=sys.stderr)
        print(out.stderr, file=sys.stderr, end="")
    return result["cpu_seconds"]


def time_sympy(fn, items):
    """CPU seconds, like tutor_batch: a busy machine inflates wall time on both sides."""
    start = time.process_time()
    for item in items:
        fn(item)
    return time.process_time() - start


def diff_workload(build, count, seed):
    rng = random.Random(seed)
    texts = []
    while len(texts) < count:
        t = generate(rng, 4)
        if "x" in t and defined(t):
            texts.append(t)
    parsed = [to_sympy(t) for t in texts]
    tutor = run_batch(build, "diff", texts)
    clear_cache()

    def sympy_diff(e):
        for v in sorted(e.free_symbols, key=str) or [X]:
            sympy.diff(e, v)

    return tutor, time_sympy(sympy_diff, parsed)


def check_workload(build, seed):
    pairs = []
    with open(os.path.join(ROOT, "tests", "data", "check_cases.tsv"), encoding="utf-8") as f:
        for row in f:
            if row.startswith("#") or not row.strip():
                continue
            q, wrt, answer, status = row.rstrip("\n").split("\t")[:4]
            if wrt or status == "invalid":
                continue
            try:
                pairs.append((q, answer, to_sympy(q), to_sympy(answer)))
            except Exception:  # SymPy cannot read σ, ², |x| ...: the tutor's extras
                continue
    rng = random.Random(seed)
    while len(pairs) < 200:
        q = generate(rng, 3)
        if "x" not in q or "y" in q or not defined(q):
            continue
        sq = to_sympy(q)
        d = sympy.diff(sq, X)
        wrong = rng.choice([None, d + 1, 2 * d, sq, -d])
        answer = sympy.expand(d) if wrong is None else wrong
        pairs.append((q, sympy_text(answer), sq, answer))
    lines = [f"{q}\t{a}" for q, a, _, _ in pairs]
    tutor = run_batch(build, "check", lines)
    expected = [(sympy.diff(sq, X), sa) for _, _, sq, sa in pairs]
    clear_cache()
    return len(pairs), tutor, time_sympy(lambda p: sympy.simplify(p[1] - p[0]) == 0, expected)


def chain_workload(build, reps):
    text = "x"
    for i in range(50):
        text = ("cos(" if i % 2 else "sin(") + text + ")"
    tutor = run_batch(build, "diff", [text] * reps)
    e = to_sympy(text)

    def once(_):
        clear_cache()
        sympy.diff(e, X)

    return tutor, time_sympy(once, range(reps))


def startup(build, runs=20):
    """Median wall time of whole `tutor diff x^2` processes, and their mean CPU time (user +
    system), which a busy machine does not inflate."""
    exe = os.path.join(build, "tutor")
    took = []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([exe, "diff", "x^2"], capture_output=True, check=True)
        took.append(time.perf_counter() - start)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) / runs
    return statistics.median(took), cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chain-reps", type=int, default=20)
    args = ap.parse_args()

    rows = []
    t, s = diff_workload(args.build, args.count, args.seed)
    rows.append((f"derivatives of {args.count} generated expressions", "tutor diff with steps",
                 "diff()", t, s))
    n, t, s = check_workload(args.build, args.seed)
    rows.append((f"{n} answer checks", "tutor check", "simplify(a - b) == 0", t, s))
    t, s = chain_workload(args.build, args.chain_reps)
    rows.append((f"50-deep nested chain, {args.chain_reps} times", "tutor diff with steps",
                 "diff()", t, s))
    up, up_cpu = startup(args.build)

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = os.getloadavg()[0]
    print(f"{time.strftime('%Y-%m-%d')}, {cpu}, {os.cpu_count()} cores (load {load:.1f}), "
          f"Python {platform.python_version()}, SymPy {sympy.__version__}\n")
    print("| workload | tutor | SymPy | tutor (CPU s) | SymPy (CPU s) | SymPy / tutor |")
    print("|---|---|---|---:|---:|---:|")
    for name, tn, sn, t, s in rows:
        print(f"| {name} | {tn} | {sn} | {t:.3f} | {s:.3f} | {s / t:.1f}x |")
    print(f"\nstart-up, `tutor diff x^2` as a whole process: {up * 1000:.1f} ms wall (median of 20),"
          f" {up_cpu * 1000:.1f} ms CPU (mean)")


if __name__ == "__main__":
    main()
