#!/usr/bin/env bash
# Measures Dayfinder's speed side by side with an SQLite FTS5 baseline (issue 9) and
# writes a Markdown report (docs/performance.md explains every figure):
#   scripts/performance.sh                  10,000 and 100,000 services (about 10 minutes
#                                           once built; the first run builds in release
#                                           and installs oha, 20 minutes or more)
#   scripts/performance.sh --sizes 10000    other sizes (comma separated)
#   scripts/performance.sh --soak           10 minutes of mixed load on 10,000 services
# Everything runs on loopback. The report goes to target/performance/report.md (soak.md
# for the soak, or --out FILE) and to standard output. A benchmark, not a test: it fails only if
# something could not be measured.
set -euo pipefail
cd "$(dirname "$0")/.."

extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --soak) extra+=(--soak-minutes 10 --sizes 10000) ;;
    *) extra+=("$1") ;;
  esac
  shift
done

scripts/install-tools.sh --site-only
# oha, the load generator, pinned (its JSON output is what the report reads).
oha_version=1.16.0
if [ "$(target/tools/bin/oha --version 2>/dev/null | awk '{print $2}')" != "$oha_version" ]; then
  echo "performance: installing oha $oha_version into target/tools (a few minutes, once)" >&2
  cargo install --locked oha --version "$oha_version" --root target/tools
fi

# The release site (as scripts/budget.sh builds it), then the measuring program.
export PATH="$PWD/target/tools/node_modules/.bin:$PATH"
cargo leptos build --release --precompress
cargo build --release -p dayfinder-server --example performance

target/release/examples/performance \
  --bin target/release/dayfinder --site target/site --oha target/tools/bin/oha \
  --work target/performance "${extra[@]}"
