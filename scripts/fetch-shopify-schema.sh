#!/usr/bin/env bash
# Fetch the Shopify Admin GraphQL 2026-10 schema (standard introspection JSON, gzipped) that the
# simulator executes and the client's documents are validated against.
#
# Source: npm package @shopify/dev-mcp@1.16.0 (ISC, (c) Shopify Inc.), file
# package/dist/data/admin_2026-10.json.gz. Only that one file is extracted; the package is not
# installed (its dependency tree is large). Both the tarball and the file are checked against
# pinned sha256 values, so a re-run either reproduces the committed bytes or fails.
#
# usage: scripts/fetch-shopify-schema.sh [destination-dir]
set -euo pipefail

PACKAGE='@shopify/dev-mcp@1.16.0'
MEMBER='package/dist/data/admin_2026-10.json.gz'
TARBALL_SHA256='4663c79229028e98f825a09d5f04ec6c3736331b740ce50260f9ffac10709474'
FILE_SHA256='f3b522f264556925eada700e795e4a002a9cba83444ebcc6c0d724254a0c6593'

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest_dir="${1:-$repo_root/packages/simulators/shopify-schema}"
dest="$dest_dir/admin-2026-10.introspection.json.gz"

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "packing $PACKAGE into $work" >&2
tarball_name="$(cd "$work" && npm pack "$PACKAGE" --silent)"
tarball="$work/$tarball_name"

actual="$(sha256_of "$tarball")"
if [ "$actual" != "$TARBALL_SHA256" ]; then
  echo "tarball sha256 mismatch: expected $TARBALL_SHA256, got $actual" >&2
  exit 1
fi

tar -xzf "$tarball" -C "$work" "$MEMBER"
actual="$(sha256_of "$work/$MEMBER")"
if [ "$actual" != "$FILE_SHA256" ]; then
  echo "$MEMBER sha256 mismatch: expected $FILE_SHA256, got $actual" >&2
  exit 1
fi

mkdir -p "$dest_dir"
cp "$work/$MEMBER" "$dest"
echo "wrote $dest ($FILE_SHA256)" >&2
