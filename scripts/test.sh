#!/usr/bin/env bash
# Every test: the schema files and the generated files, the type check, the unit and integration
# tests (PGlite and a throwaway PostgreSQL), the browser tests in headless Chromium, and the packed
# packages in two host apps installed with npm (which needs the npm registry).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== schema files and generated output are up to date"
pnpm exec tsx packages/codegen/src/cli.ts check --frozen
pnpm exec tsx packages/codegen/src/cli.ts check --frozen --overlay examples/company-oa/overlay --out examples/company-oa/generated

echo "== lint and format (biome)"
pnpm lint

echo "== type check"
pnpm exec tsc -p tsconfig.json

echo "== unit and integration tests"
pnpm exec vitest run

echo "== the API tests again, through PgBouncer (transaction mode) to a primary, reading from its streaming replica"
PG_TOPOLOGY=replicated pnpm --filter @ra-sales/server exec vitest run test/router

echo "== browser tests (headless Chromium against the standalone server)"
pnpm --filter @ra-sales/ui run e2e

echo "== the docs' commands as printed (walkthrough, README), on a my-company/ overlay removed afterwards"
pnpm exec tsx scripts/docs/run.ts

echo "== the packed packages in two host apps (npm install, type check, build, plain node, Chromium)"
pnpm exec tsx scripts/hosts/run.ts
