#!/usr/bin/env bash
# Sets up everything a fresh Debian machine needs, builds, and runs the tutor:
#   ./run.sh                 the tutor's prompt
#   ./run.sh diff "sin(x^2)" any tutor command
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source cmake/setup.sh
tutor_setup run
tutor_build build tutor
exec build/tutor "$@"
