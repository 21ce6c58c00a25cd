#!/usr/bin/env bash
# Installs what building, running and testing Dayfinder needs, skipping what is already
# there, so it is safe (and quick) to run again. See ../shared/toolchain.md for why each
# pin. A new machine takes about 20 minutes (cargo-leptos and wasm-bindgen compile).
#   scripts/install-tools.sh                  everything (build, run, browser tests)
#   scripts/install-tools.sh --site-only      only what building and running the site needs
#   scripts/install-tools.sh --packages-only  only the Debian packages the server's build
#                                             needs (seconds): what scripts/run.sh needs first
#   scripts/install-tools.sh --check-site     installs nothing; succeeds when the site's
#                                             build tools (hydration included) are all there
set -euo pipefail
cd "$(dirname "$0")/.."

site_only=false
packages_only=false
case "${1:-}" in
  --site-only) site_only=true ;;
  --packages-only) site_only=true; packages_only=true ;;
  --check-site)
    wb=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p' | head -1)
    rustup target list --installed | grep -qx wasm32-unknown-unknown &&
      cargo leptos --version 2>/dev/null | grep -q '0\.3\.10' &&
      [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$wb" ] &&
      command -v wasm-opt >/dev/null 2>&1
    exit $?
    ;;
esac

say() { printf 'install-tools: %s\n' "$*"; }

# Debian packages: wasm-opt (binaryen) for the release bundle, chromium for the browser tests,
# postgresql for the store's tests on PostgreSQL.
need_apt=()
command -v wasm-opt >/dev/null 2>&1 || need_apt+=(binaryen)
# OpenSSL's headers: the store's TLS to PostgreSQL (native-tls) links the system's OpenSSL.
[ -f /usr/include/openssl/ssl.h ] || need_apt+=(libssl-dev pkg-config)
if ! $site_only; then
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
  # PostgreSQL for the store suite's second backend (scripts/test.sh starts a throwaway one).
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need_apt+=(postgresql)
  # openssl makes the test cluster's self-signed certificate (scripts/test.sh).
  command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
  # Python with venv for the email tests' real SMTP server (aiosmtpd, below).
  command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
  python3 -c 'import ensurepip' 2>/dev/null || need_apt+=(python3-venv)
fi
if [ "${#need_apt[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  if [ -n "$sudo" ] && ! command -v sudo >/dev/null 2>&1; then
    say "please install these Debian packages as root: ${need_apt[*]}" >&2
    exit 1
  fi
  say "installing ${need_apt[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}"
fi

$packages_only && exit 0

rustup target list --installed | grep -qx wasm32-unknown-unknown ||
  rustup target add wasm32-unknown-unknown

# cargo-leptos 0.3.11 needs a newer rustc; no_downloads makes it use the tools on PATH
# instead of downloading them at build time.
if ! cargo leptos --version 2>/dev/null | grep -q '0\.3\.10'; then
  say "installing cargo-leptos 0.3.10 (about 16 minutes, once per machine)"
  cargo install cargo-leptos@0.3.10 --locked --features no_downloads
fi

# The wasm-bindgen CLI must be exactly the version in Cargo.lock. (--locked fails: one of
# its locked dependencies is not served.)
wb=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock 2>/dev/null | sed -n 's/^version = "\(.*\)"/\1/p' | head -1)
wb=${wb:-0.2.130}
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb" ]; then
  say "installing wasm-bindgen-cli $wb (about 3 minutes)"
  cargo install wasm-bindgen-cli@"$wb"
fi

# wasm-opt for release builds: Debian's binaryen (108) exports wasm-bindgen's externref
# table as the function table, and the release bundle then fails to start
# ("WebAssembly.Table.set(): Argument 1 is invalid for table"). Binaryen's own npm build
# is newer and right; release builds put target/tools/node_modules/.bin first on PATH.
if [ "$(target/tools/node_modules/.bin/wasm-opt --version 2>/dev/null | awk '{print $3}')" != 132 ]; then
  say "installing binaryen 132 (wasm-opt) into target/tools"
  npm install --prefix target/tools --no-save --no-audit --no-fund binaryen@132.0.0 >/dev/null
fi

# The browser tests' npm packages, reinstalled whenever package-lock.json changes.
# (Browsers are never downloaded: the tests use Debian's chromium.)
if ! $site_only && [ -f end2end/package-lock.json ]; then
  stamp=end2end/node_modules/.package-lock.sha256
  want=$(sha256sum end2end/package-lock.json | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing the browser tests' npm packages"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
    echo "$want" >"$stamp"
  fi
fi

# The email tests' SMTP server: aiosmtpd from PyPI in a virtual environment of its own
# (server/tests/support/smtp_sink.py runs in it; scripts/test.sh points the tests at it).
if ! $site_only && ! target/tools/smtpd/bin/python -c 'import aiosmtpd' 2>/dev/null; then
  say "installing aiosmtpd into target/tools/smtpd"
  python3 -m venv target/tools/smtpd
  target/tools/smtpd/bin/python -m pip install --quiet --disable-pip-version-check aiosmtpd==1.4.6
fi
