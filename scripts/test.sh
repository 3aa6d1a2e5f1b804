#!/usr/bin/env bash
# `npm test`: unit + integration (vitest, real Postgres), then a production build and the
# Playwright suite in real Chromium against it. Prints how long each phase took.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1

phase() {
  local name=$1; shift
  local start=$SECONDS
  echo "::: $name"
  "$@"
  echo "::: $name took $((SECONDS - start)) s"
}

phase "typecheck" npx tsc --noEmit
phase "vitest" npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
phase "next build" npx next build
phase "playwright" npx playwright test

# One plain closing line over both runners, for humans and CI alike.
node scripts/test-summary.mjs reports/vitest.json reports/playwright.json
