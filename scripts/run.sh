#!/usr/bin/env bash
# Runs the Dayfinder site on the bundled Cheshire East sample directory, at
# http://127.0.0.1:3000. The store lives in ./dayfinder-data (or $DAYFINDER_DATA) and is
# filled with the sample when empty.
#   scripts/run.sh                  debug build
#   scripts/run.sh --release        optimised build
#   scripts/run.sh --server-first   as on a new machine, even where the tools are there
#
# On a new machine the site is served as soon as the server is built: every page works
# without JavaScript. Meanwhile the tools for the enhanced (JavaScript) version are
# installed and its bundle built in the background (about 20 minutes, once per machine;
# its log is target/run-enhanced.log), and the script switches to it by itself. Later
# runs start the enhanced site in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'run: %s\n' "$*"; }
mode=debug
server_first=false
release_flag=()
for arg in "$@"; do
  case "$arg" in
    --release) mode=release; release_flag=(--release) ;;
    --server-first) server_first=true ;;
    *) say "unknown option $arg (try --release or --server-first)" >&2; exit 2 ;;
  esac
done
# Release builds need binaryen's own wasm-opt, not Debian's (see install-tools.sh).
export PATH="$PWD/target/tools/node_modules/.bin:$PATH"

if ! $server_first && scripts/install-tools.sh --check-site; then
  echo "Building Dayfinder; it will be at http://127.0.0.1:3000 (Ctrl-C to stop)."
  exec cargo leptos serve "${release_flag[@]}"
fi

# First run: the server alone first (the Debian packages its build needs take seconds).
scripts/install-tools.sh --packages-only
say "building the server (a few minutes the first time)"
cargo build -p dayfinder-server --bin dayfinder "${release_flag[@]}"

# The site's files as the server-rendered pages need them: the stylesheet, as written,
# and the pictures and icons. The hydration bundle is not there yet.
quick=target/quick-site
rm -rf "$quick"
mkdir -p "$quick/pkg"
cp -R public/. "$quick/"
cp style/main.css "$quick/pkg/dayfinder.css"

LEPTOS_SITE_ROOT="$quick" LEPTOS_SITE_PKG_DIR=pkg LEPTOS_OUTPUT_NAME=dayfinder \
  LEPTOS_HASH_FILES=false "target/$mode/dayfinder" serve &
server=$!
stop() { kill "$server" 2>/dev/null || true; [ -n "${enhanced:-}" ] && kill "$enhanced" 2>/dev/null; }
trap stop EXIT INT TERM

log=target/run-enhanced.log
say "Dayfinder is at http://127.0.0.1:3000 (Ctrl-C to stop). Every page works now, without"
say "JavaScript. The enhanced version is on its way: its tools are being installed and its"
say "bundle built in the background (about 20 minutes, once; see $log). The site"
say "switches to it by itself (the next page opened after that is enhanced): nothing to restart."
(
  scripts/install-tools.sh --site-only &&
    cargo leptos build "${release_flag[@]}"
) >"$log" 2>&1 &
enhanced=$!

if wait "$enhanced"; then
  enhanced=""
  say "the enhanced version is built: switching to it (a second or two)"
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  trap - EXIT INT TERM
  exec cargo leptos serve "${release_flag[@]}"
fi
enhanced=""
say "building the enhanced version failed (see $log); the site stays as it is, without" >&2
say "JavaScript, which every journey works without." >&2
wait "$server"
