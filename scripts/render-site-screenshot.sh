#!/usr/bin/env bash
# Renders docs/site.png, the picture of a `site` folder booting the WASI stand-in, from a real run:
# test/integration/site/site.itest.ts serves the site with Python's http.server (no isolation headers),
# opens it in Debian's chromium, waits for the container's output in the terminal and saves the page.
#   scripts/render-site-screenshot.sh      (installs chromium through scripts/browser.sh the first time)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/browser.sh >/dev/null
C2W_SAVE_SITE_SCREENSHOT="$PWD/docs/site.png" npx vitest run test/integration/site/site.itest.ts -t 'in the DOM' >/dev/null
echo "wrote docs/site.png"
