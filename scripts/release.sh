#!/usr/bin/env bash
# Builds the release a council's IT deploys: one versioned tarball,
# dist/dayfinder-VERSION-ARCH-linux.tar.gz, holding the binary (OpenSSL built in), the
# site's files, a sample profile, the licence and attribution, the systemd unit and the
# Containerfile, and the deployment docs. Unpacked anywhere, `bin/dayfinder serve` serves
# the sample; docs/deploy.md says the rest.
#   scripts/release.sh           optimised build (about 15 minutes on 2 cores, cold)
#   scripts/release.sh --debug   packs the debug build already made (`cargo leptos build`):
#                                what the tests unpack and start
set -euo pipefail
cd "$(dirname "$0")/.."

mode=release
[ "${1:-}" = "--debug" ] && mode=debug
say() { printf 'release: %s\n' "$*"; }

version=$(sed -n '/^\[workspace.package\]/,/^\[/ s/^version = "\(.*\)"/\1/p' Cargo.toml)
name="dayfinder-$version-$(uname -m)-linux"

if [ "$mode" = release ]; then
  scripts/install-tools.sh --site-only
  # Release builds need binaryen's own wasm-opt (see install-tools.sh).
  export PATH="$PWD/target/tools/node_modules/.bin:$PATH"
  say "building $name (optimised, OpenSSL compiled in)"
  cargo leptos build --release --precompress --bin-features vendored-openssl
fi

bin="target/$mode/dayfinder"
if [ ! -x "$bin" ] || [ ! -d target/site/pkg ]; then
  say "no $mode build to pack: run scripts/release.sh, or cargo leptos build for --debug" >&2
  exit 1
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
dir="$stage/$name"
mkdir -p "$dir/bin" "$dir/docs" "$dir/deploy"
cp "$bin" "$dir/bin/"
# With hashed file names, the binary finds their hashes in the file beside it.
[ -f "target/$mode/hash.txt" ] && cp "target/$mode/hash.txt" "$dir/bin/"
cp -R target/site "$dir/site"
cp data/sample/profile.toml "$dir/profile.example.toml"
cp LICENSE "$dir/"
cp deploy/dayfinder.service deploy/Containerfile "$dir/deploy/"
cp docs/deploy.md docs/backup.md docs/council-profile.md docs/new-council.md \
  docs/places.md docs/feeds.md docs/scaling.md docs/email.md docs/security.md "$dir/docs/"
cat >"$dir/ATTRIBUTION" <<'TEXT'
Dayfinder is free software under the MIT licence (LICENSE).

Postcode positions built into the binary (Open Government Licence v3.0):
Contains OS data © Crown copyright and database right 2025.
Contains Royal Mail data © Royal Mail copyright and database right 2025.
Source: Office for National Statistics licensed under the Open Government Licence v.3.0.

The bundled directory is sample data: invented services at real places.
TEXT
cat >"$dir/README" <<TEXT
Dayfinder $version

Serve the sample directory (http://127.0.0.1:3000, data in ./dayfinder-data):

    bin/dayfinder serve

For your council: docs/new-council.md (profile, places, feed, first editor) and
docs/deploy.md (systemd, containers, TLS, backups, upgrades, PostgreSQL).
bin/dayfinder --help lists every command; bin/dayfinder serve --help every option.
TEXT

mkdir -p dist
tar -C "$stage" -czf "dist/$name.tar.gz" "$name"
say "dist/$name.tar.gz"
