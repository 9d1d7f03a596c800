#!/usr/bin/env python3
"""Run the golden cases of tests/golden/cases against a tutor binary.

Each case NAME is a set of files in tests/golden/cases/:

  NAME.args    the arguments, one per line (required)
  NAME.out     the exact expected standard output (required)
  NAME.status  the expected exit status, when it is not 0
  NAME.in      standard input, when the case reads any (otherwise stdin is empty)

The expected files are written by hand from the course and the README; see README.md here.
Each case runs with a timeout of 10 s, LANG=C.UTF-8, NO_COLOR=1, TUTOR_LANG unset, and fresh
XDG directories, so nothing outside the case decides the output. Standard output is compared
byte for byte, and the exit status too; a mismatch prints a unified diff.

Usage: run_golden.py --tutor PATH [-k SUBSTRING]... [--list]
Prints one line per case, then "N passed, M failed"; exits 0 only when none failed.
"""

import argparse
import difflib
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
TIMEOUT_SECONDS = 10

# Variables that could change the language, the width or the colour of the output.
CLEARED = ("TUTOR_LANG", "LC_ALL", "LC_MESSAGES", "LC_CTYPE", "LANGUAGE", "COLUMNS", "LINES",
           "TUTOR_LESSONS", "CLICOLOR_FORCE", "FORCE_COLOR", "TERM")


def case_names(filters):
    names = sorted(p.name[: -len(".args")] for p in CASES.glob("*.args"))
    if filters:
        names = [n for n in names if any(f in n for f in filters)]
    return names


def environment(home):
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    env["LANG"] = "C.UTF-8"
    env["NO_COLOR"] = "1"
    # Every view lays itself out for the terminal's width; the expected files are for 80.
    env["COLUMNS"] = "80"
    env["HOME"] = home
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state"),
                     ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        path = os.path.join(home, sub)
        os.makedirs(path, exist_ok=True)
        env[var] = path
    return env


def read_case(name):
    args_text = (CASES / f"{name}.args").read_text(encoding="utf-8")
    args = args_text.split("\n")
    if args and args[-1] == "":
        args.pop()
    expected = (CASES / f"{name}.out").read_bytes()
    status_file = CASES / f"{name}.status"
    status = int(status_file.read_text().strip()) if status_file.exists() else 0
    in_file = CASES / f"{name}.in"
    stdin = in_file.read_bytes() if in_file.exists() else b""
    return args, expected, status, stdin


def show_diff(name, expected, actual):
    exp_lines = expected.decode("utf-8", errors="replace").splitlines(keepends=True)
    act_lines = actual.decode("utf-8", errors="replace").splitlines(keepends=True)
    diff = difflib.unified_diff(exp_lines, act_lines, fromfile=f"{name}.out (expected)",
                                tofile=f"{name} (tutor)")
    for line in diff:
        sys.stdout.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")


def run_case(tutor, name):
    """Returns a list of problems (empty when the case passes)."""
    args, expected, status, stdin = read_case(name)
    with tempfile.TemporaryDirectory(prefix="tutor-golden-") as home:
        try:
            done = subprocess.run([tutor, *args], input=stdin, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, env=environment(home), cwd=home,
                                  timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            return [f"timed out after {TIMEOUT_SECONDS} s"], None
        except OSError as e:
            return [f"cannot run {tutor}: {e}"], None
    problems = []
    if done.returncode != status:
        problems.append(f"exit status {done.returncode}, expected {status}")
    if done.stdout != expected:
        problems.append("standard output differs")
    return problems, done


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tutor", required=True, help="the tutor binary to run")
    parser.add_argument("-k", dest="filters", action="append", default=[],
                        help="run only the cases whose name contains this (repeatable)")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    opts = parser.parse_args()

    names = case_names(opts.filters)
    if opts.list:
        for name in names:
            print(name)
        return 0
    if not names:
        print("no cases found", file=sys.stderr)
        return 2
    tutor = os.path.abspath(opts.tutor)

    passed = failed = 0
    for name in names:
        problems, done = run_case(tutor, name)
        if not problems:
            passed += 1
            print(f"ok    {name}")
            continue
        failed += 1
        args, expected, _, _ = read_case(name)
        print(f"FAIL  {name}: {'; '.join(problems)}")
        print("      tutor " + shlex.join(args))
        if done is not None:
            if done.stdout != expected:
                show_diff(name, expected, done.stdout)
            if done.stderr:
                print("      stderr: " + done.stderr.decode("utf-8", errors="replace").rstrip())
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
