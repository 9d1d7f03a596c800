#!/usr/bin/env bash
# Sets up everything a fresh Debian machine needs, builds the tutor and its tests,
# and runs the whole suite. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source cmake/setup.sh
tutor_setup
tutor_build build all -DTUTOR_TESTS=ON -DTUTOR_BENCH=ON
cd build
ctest --output-on-failure -j "$(nproc)" "$@"
