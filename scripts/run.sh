#!/usr/bin/env bash
# Runs the Dayfinder site on the bundled Cheshire East sample directory.
# The first run installs what building the site needs (see scripts/install-tools.sh; about
# 20 minutes on a new machine), later runs start in seconds. The store lives in
# ./dayfinder-data (or $DAYFINDER_DATA) and is filled with the sample when empty.
#   scripts/run.sh             debug build, http://127.0.0.1:3000
#   scripts/run.sh --release   optimised build
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-tools.sh --site-only
# Release builds need binaryen's own wasm-opt, not Debian's (see install-tools.sh).
export PATH="$PWD/target/tools/node_modules/.bin:$PATH"
echo "Building Dayfinder; it will be at http://127.0.0.1:3000 (Ctrl-C to stop)."
exec cargo leptos serve "$@"
