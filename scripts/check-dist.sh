#!/usr/bin/env bash
# Fails when dist/ differs from a fresh build of src/ (like actions/typescript-action's check-dist).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build >/dev/null
if [ -n "$(git status --porcelain -- dist)" ]; then
  echo "dist/ does not match a fresh build of src/. Run 'npm run build' and commit dist/:" >&2
  git status --porcelain -- dist >&2
  git diff --stat -- dist >&2 || true
  exit 1
fi
echo "dist/ matches a fresh build."
