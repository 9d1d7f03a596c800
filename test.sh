#!/usr/bin/env bash
# Sets up everything a fresh Debian machine needs, builds the tutor and its tests,
# and runs the whole suite. Exits non-zero on any failure.
#
# Then one clang build with AddressSanitizer and UndefinedBehaviorSanitizer serves twice:
# the whole suite again under the sanitizers, and a fuzz smoke run of 2,000 inputs per
# target from a fixed seed (TUTOR_FUZZ_RUNS changes the number). TUTOR_CI_SANITIZE=0 skips
# both; the README ("Hardening") has the times.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source cmake/setup.sh
tutor_setup run test
tutor_build build all -DTUTOR_TESTS=ON -DTUTOR_BENCH=ON
(cd build && ctest --output-on-failure -j "$(nproc)" "$@")

if [ "${TUTOR_CI_SANITIZE:-1}" = 1 ]; then
  CXX=clang++-14 tutor_build build-fuzz all -DTUTOR_FUZZ=ON -DTUTOR_TESTS=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo
  (cd build-fuzz && ctest --output-on-failure -j "$(nproc)" "$@")
  fuzz/smoke.sh build-fuzz
fi
