#!/usr/bin/env bash
# Runs every check Dayfinder has, in the order a failure is cheapest to find:
# formatting, lints, unit and integration tests, then the site's build and its browser
# tests (Playwright in Debian's chromium, with and without JavaScript, plus axe scans).
# Installs whatever is missing first (scripts/install-tools.sh). This is the README's
# test command and what .ci/run runs.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Installing missing tools"
scripts/install-tools.sh

step "Checking formatting"
cargo fmt --all -- --check

step "Linting"
cargo clippy --workspace --all-targets -- -D warnings

step "Unit and integration tests"
cargo test --workspace

step "Building the site (server and hydration bundle)"
cargo leptos build

step "Browser tests"
(cd end2end && CI=1 npx playwright test)

step "All checks passed"
