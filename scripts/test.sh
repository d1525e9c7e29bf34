#!/usr/bin/env bash
# Every test: the schema files and the generated files, the type check, the unit and integration
# tests (PGlite and a throwaway PostgreSQL), and the browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== schema files and generated output are up to date"
pnpm exec tsx packages/codegen/src/cli.ts check --frozen
pnpm exec tsx packages/codegen/src/cli.ts check --frozen --overlay examples/company-oa/overlay --out examples/company-oa/generated

echo "== type check"
pnpm exec tsc -p tsconfig.json

echo "== unit and integration tests"
pnpm exec vitest run

echo "== browser tests (headless Chromium against the standalone server)"
pnpm --filter @ra-sales/ui run e2e
