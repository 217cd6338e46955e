#!/usr/bin/env bash
# Renders report/README.md's picture of the report action's job summary (docs/report-summary.png) from a
# real run: test/integration/report.itest.ts runs a three-cell matrix and the report action through
# the harness and saves the summary; Debian's chromium screenshots it with GitHub-like styling.
#   scripts/render-report-summary.sh      (needs: npm run build, the engine, apt-get install chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
C2W_SAVE_REPORT_SUMMARY="$tmp/summary.html" npx vitest run test/integration/report.itest.ts -t 'three-cell' >/dev/null
{
  cat <<'HTML'
<!doctype html><meta charset="utf-8"><style>
body { font: 14px -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328;
       margin: 24px; width: 1100px; }
table { border-collapse: collapse; margin: 8px 0 12px; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; text-align: left; }
tr:nth-child(2n) { background: #f6f8fa; }
td { font-variant-numeric: tabular-nums; }
h3 { font-size: 20px; border-bottom: 1px solid #d1d9e0; padding-bottom: 6px; }
h4 { font-size: 16px; margin-bottom: 4px; }
</style><body>
HTML
  cat "$tmp/summary.html"
} >"$tmp/page.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$tmp/profile" --hide-scrollbars \
  --window-size=1160,440 --screenshot="$PWD/docs/report-summary.png" "file://$tmp/page.html" >/dev/null 2>&1
cp "$tmp/summary.html" docs/report-summary.html
echo "wrote docs/report-summary.png and docs/report-summary.html"
