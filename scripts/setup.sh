#!/usr/bin/env bash
# One command from a clean Debian 12 machine: install the packages, build (Release) into build/,
# and run the demo on the bundled data. Safe to run again: each step skips what is done.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install_deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
echo
build/skillmatch demo
