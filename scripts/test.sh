#!/usr/bin/env bash
# Runs every check Dayfinder has, in the order a failure is cheapest to find:
# formatting, lints, unit and integration tests, then the site's build and its browser
# tests (Playwright in Debian's chromium, with and without JavaScript, plus axe scans).
# Installs whatever is missing first (scripts/install-tools.sh). This is the README's
# test command and what .ci/run runs.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

# A PostgreSQL cluster of our own, in a temporary folder, on a free loopback port, with
# fsync off (it is thrown away): the store suite (tests/store_suite.rs) runs on it as well
# as on SQLite. Only DAYFINDER_TEST_POSTGRES is exported, not DATABASE_URL, so that the
# tests that start the `dayfinder` binary keep the embedded store. PostgreSQL refuses to
# run as root, so as root the cluster runs as the `postgres` user Debian's package makes.
pg_dir=""
pg_as=()
start_postgres() {
  local bin port
  bin=$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n 1)
  if [ -z "$bin" ]; then
    echo "no PostgreSQL found in /usr/lib/postgresql (scripts/install-tools.sh installs it)" >&2
    return 1
  fi
  pg_dir=$(mktemp -d /tmp/dayfinder-pg.XXXXXX)  # short: it holds the socket, too
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$pg_dir"
    pg_as=(runuser -u postgres --)
  fi
  trap stop_postgres EXIT
  port=$(( 20000 + RANDOM % 20000 ))
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$(( port + 1 )); done
  "${pg_as[@]}" "$bin/initdb" -D "$pg_dir/data" -U dayfinder --auth=trust -E UTF8 \
    --no-locale --no-sync >"$pg_dir/initdb.log"
  # TLS with a self-signed certificate for 127.0.0.1 and localhost, so that the store's
  # sslmode tests (tests/postgres_tls.rs) connect with require, verify-ca and verify-full.
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$pg_dir/server.key" -out "$pg_dir/server.crt" 2>/dev/null
  chmod 600 "$pg_dir/server.key"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$pg_dir/server.key" "$pg_dir/server.crt"; fi
  "${pg_as[@]}" "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -s \
    -o "-h 127.0.0.1 -p $port -k $pg_dir -c fsync=off -c full_page_writes=off -c ssl=on -c ssl_cert_file=$pg_dir/server.crt -c ssl_key_file=$pg_dir/server.key" start
  export DAYFINDER_TEST_POSTGRES="postgres://dayfinder@127.0.0.1:$port/postgres"
  export DAYFINDER_TEST_POSTGRES_CA="$pg_dir/server.crt"
  echo "$("$bin/postgres" --version) at $DAYFINDER_TEST_POSTGRES"
}
stop_postgres() {
  [ -n "$pg_dir" ] || return 0
  "${pg_as[@]}" "$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n 1)/pg_ctl" \
    -D "$pg_dir/data" -m immediate -s stop || true
  rm -rf "$pg_dir"
}

step "Installing missing tools"
scripts/install-tools.sh

step "Checking formatting"
cargo fmt --all -- --check

step "Linting"
cargo clippy --workspace --all-targets -- -D warnings

step "Starting a throwaway PostgreSQL for the store suite"
start_postgres

# The email tests start a real SMTP server (aiosmtpd) with this Python.
export DAYFINDER_TEST_SMTPD_PYTHON="$PWD/target/tools/smtpd/bin/python"
# Servers the tests start take any free port for their metrics (several run at once).
export DAYFINDER_METRICS_ADDR=127.0.0.1:0

step "Building the site (server and hydration bundle)"
cargo leptos build

step "Packing the release from this build"
scripts/release.sh --debug
DAYFINDER_TEST_RELEASE="$PWD/$(ls -t dist/dayfinder-*-linux.tar.gz | head -n 1)"
export DAYFINDER_TEST_RELEASE

step "Unit and integration tests"
cargo test --workspace

step "Browser tests"
(cd end2end && CI=1 npx playwright test)

step "All checks passed"
