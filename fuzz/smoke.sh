#!/usr/bin/env bash
# A short fuzzing run of every target in BUILD/fuzz, each SECONDS long, starting from the
# seed corpus. New inputs go to a scratch folder, never into the repository; a crash or a
# hang (over TUTOR_FUZZ_TIMEOUT, default 2 s: CI machines are busy) fails the run and leaves its input in BUILD/fuzz-findings/.
#   fuzz/smoke.sh build-fuzz 30
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${1:-build-fuzz}
seconds=${2:-30}
findings="$build/fuzz-findings"
mkdir -p "$findings"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for exe in "$build"/fuzz/*_fuzz; do
  stem=$(basename "$exe" _fuzz)
  mkdir -p "$scratch/$stem"
  echo "fuzz: $stem for ${seconds}s" >&2
  # A fixed seed makes a failure reproducible (the number of runs still depends on speed).
  if ! "$exe" -seed="${TUTOR_FUZZ_SEED:-1}" -max_total_time="$seconds" \
      -timeout="${TUTOR_FUZZ_TIMEOUT:-2}" -rss_limit_mb=2048 \
      -print_final_stats=0 -artifact_prefix="$findings/$stem-" \
      "$scratch/$stem" "fuzz/corpus/$stem" fuzz/regressions/"$stem" >"$scratch/$stem.log" 2>&1; then
    tail -n 40 "$scratch/$stem.log" >&2
    # A crash, a sanitizer report or a leak is a bug and fails the run. A slow input on a
    # busy machine is reported for a look but does not fail it: its time depends on the load.
    if ls "$findings/$stem-"{crash,leak,undefined,deadly}-* >/dev/null 2>&1 ||
        ! ls "$findings/$stem-"{timeout,oom,slow-unit}-* >/dev/null 2>&1; then
      echo "fuzz: $stem FAILED; the input is in $findings/" >&2
      status=1
    else
      echo "fuzz: $stem found a slow input (kept in $findings/); not a failure" >&2
    fi
  fi
done
exit $status
