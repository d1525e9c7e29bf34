#!/usr/bin/env bash
# Build every publishable package (compiled ESM + declarations) and pack it as npm would publish it:
#   bash scripts/pack.sh <folder>      → <folder>/ra-sales-{schema,server,ui,domain,codegen}-<version>.tgz
# pnpm pack applies each package's publishConfig (exports on dist/) and turns workspace:* into versions.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mkdir -p "${1:?usage: pack.sh <folder>}" && cd "$1" && pwd)"
pnpm run build
for pkg in schema server ui domain codegen; do
  (cd "packages/$pkg" && pnpm pack --pack-destination "$out" >/dev/null)
done
ls "$out"/*.tgz
