#!/usr/bin/env bash
# `npm run check`: every static gate, each run even when an earlier one fails, so one run lists
# every finding; exits non-zero when any gate found anything (warnings count as findings).
set -uo pipefail
cd "$(dirname "$0")/.."

failed=()
gate() {
  local name="$1"
  shift
  echo "== $name: $*"
  if ! "$@"; then failed+=("$name"); fi
}

gate typecheck npx tsc --noEmit
gate svelte-check npx svelte-check --tsconfig tsconfig.json --fail-on-warnings --output human
gate lint npx eslint --max-warnings 0 .
gate format npx prettier --check --log-level warn .

if [ ${#failed[@]} -gt 0 ]; then
  echo "check failed: ${failed[*]}" >&2
  exit 1
fi
echo "check passed: typecheck, svelte-check, lint, format"
