#!/usr/bin/env bash
# Measures the site against its budget (issue 3, point 7) and prints a Markdown table:
# results page HTML + CSS compressed, hydration bundle compressed, and server time for
# results pages on a 10,000-service synthetic directory. A benchmark, not a test: it builds
# in release (several minutes cold) and exits non-zero only if a budget is exceeded.
#   scripts/budget.sh [services] [requests]
set -euo pipefail
cd "$(dirname "$0")/.."
services=${1:-10000}
requests=${2:-400}

scripts/install-tools.sh --site-only
# The wasm-opt that release builds need (see install-tools.sh).
export PATH="$PWD/target/tools/node_modules/.bin:$PATH"
# --precompress writes .br and .gz beside each asset, served as they are.
cargo leptos build --release --precompress

data=$(mktemp -d)
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$data"' EXIT

echo "Generating $services synthetic services..." >&2
target/release/dayfinder --data-dir "$data" generate --services "$services" --seed 1 >&2
LEPTOS_SITE_ROOT=target/site LEPTOS_ENV=PROD RUST_LOG=warn \
  target/release/dayfinder --data-dir "$data" serve --addr "127.0.0.1:$port" --metrics-addr off &
server=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.2
done

node scripts/budget.mjs "http://127.0.0.1:$port" target/site/pkg "$requests"
