#!/usr/bin/env bash
# Installs what building, running and testing Dayfinder needs, skipping what is already
# there (see ../shared/toolchain.md for why each pin). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v wasm-opt >/dev/null 2>&1 || need_apt+=(binaryen)
if [ "${#need_apt[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
  else
    echo "Please install these Debian packages: ${need_apt[*]}" >&2
  fi
fi

rustup target list --installed | grep -q wasm32-unknown-unknown ||
  rustup target add wasm32-unknown-unknown

# cargo-leptos 0.3.11 needs a newer rustc; no_downloads makes it use the tools on PATH.
if ! cargo leptos --version 2>/dev/null | grep -q '0.3.10'; then
  cargo install cargo-leptos@0.3.10 --locked --features no_downloads
fi

# The wasm-bindgen CLI must be exactly the version in Cargo.lock.
wb=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock 2>/dev/null | sed -n 's/^version = "\(.*\)"/\1/p' | head -1)
wb=${wb:-0.2.130}
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb"; then
  cargo install wasm-bindgen-cli@"$wb"
fi

if [ -f end2end/package-lock.json ] && [ ! -d end2end/node_modules/@playwright/test ]; then
  (cd end2end && npm ci --no-audit --no-fund)
fi
