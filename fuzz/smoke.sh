#!/usr/bin/env bash
# A short fuzzing run of every target in BUILD/fuzz: a fixed number of inputs from a fixed
# seed, starting from the seed corpus (and the course's own lessons and quiz), so that how
# much is fuzzed does not depend on the machine's speed. (Which inputs are kept can still
# vary a little: GiNaC's term order, and with it the code covered, changes per process.) New
# inputs go to a scratch folder, never into the repository. A crash, a leak or a sanitizer
# report fails the run and leaves its input in BUILD/fuzz-findings/. Long runs are by hand:
#   fuzz/smoke.sh build-fuzz            # TUTOR_FUZZ_RUNS inputs per target (default 2000)
#   build-fuzz/fuzz/quiz_fuzz -max_total_time=600 fuzz/corpus/quiz lessons/quizzes
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${1:-build-fuzz}
runs=${TUTOR_FUZZ_RUNS:-2000}
findings="$build/fuzz-findings"
mkdir -p "$findings"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The seeds: fuzz/corpus/<stem>, the past findings, and real files of the kind the target
# reads.
seeds() {
  local dirs=("fuzz/corpus/$1" "fuzz/regressions/$1")
  case "$1" in
    lesson) dirs+=(lessons/en lessons/ko) ;;
    quiz | responses) dirs+=(lessons/quizzes) ;;
    results) dirs+=(lessons/quizzes) ;;
  esac
  for d in "${dirs[@]}"; do if [[ -d $d ]]; then echo "$d"; fi; done
}

# The expression targets start from the parser's vocabulary: every function name.
dict_for() {
  case "$1" in
    parse | check) echo "-dict=fuzz/expression.dict" ;;
  esac
}

status=0
for exe in "$build"/fuzz/*_fuzz; do
  stem=$(basename "$exe" _fuzz)
  mkdir -p "$scratch/$stem"
  echo "fuzz: $stem, $runs inputs" >&2
  start=$SECONDS
  # -max_total_time only guards against a stuck run; a run that hits it ends early and
  # passes. The timeout per input is generous: CI machines are busy.
  # shellcheck disable=SC2046
  if ! "$exe" $(dict_for "$stem") -seed="${TUTOR_FUZZ_SEED:-1}" -runs="$runs" -max_total_time=600 \
      -timeout="${TUTOR_FUZZ_TIMEOUT:-5}" -rss_limit_mb=2048 -max_len=8192 \
      -print_final_stats=0 -artifact_prefix="$findings/$stem-" \
      "$scratch/$stem" $(seeds "$stem") \
      >"$scratch/$stem.log" 2>&1; then
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
  echo "fuzz: $stem took $((SECONDS - start)) s" >&2
done
exit $status
