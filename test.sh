#!/usr/bin/env bash
# Sets up everything a fresh Debian machine needs, builds the tutor and its tests,
# and runs the whole suite. Exits non-zero on any failure.
#
# Then a fuzz smoke run, the same 2,000 inputs per target on every run (TUTOR_CI_FUZZ=0
# skips it; TUTOR_FUZZ_RUNS changes the number), and, with TUTOR_CI_SANITIZE=1, the whole
# suite again under AddressSanitizer and UndefinedBehaviorSanitizer. The sanitizer run is off by default: on 2 cores its build
# alone takes longer than everything else together (README, "Hardening").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source cmake/setup.sh
tutor_setup
tutor_build build all -DTUTOR_TESTS=ON -DTUTOR_BENCH=ON
(cd build && ctest --output-on-failure -j "$(nproc)" "$@")

if [ "${TUTOR_CI_FUZZ:-1}" = 1 ]; then
  CXX=clang++-14 tutor_build build-fuzz fuzz_targets -DTUTOR_FUZZ=ON -DTUTOR_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo
  fuzz/smoke.sh build-fuzz
fi

if [ "${TUTOR_CI_SANITIZE:-0}" = 1 ]; then
  tutor_build build-asan all -DTUTOR_TESTS=ON -DTUTOR_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
  (cd build-asan && ctest --output-on-failure -j "$(nproc)" "$@")
fi
