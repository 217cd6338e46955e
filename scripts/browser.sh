#!/usr/bin/env bash
# Debian's chromium for the browser smoke boot's tests, installed with the machine's own apt.
#
#   scripts/browser.sh          install chromium if it is not there; print the binary's path
#   scripts/browser.sh path     print the binary's path, or fail if there is none
#
# Idempotent and quick when present: with /usr/bin/chromium (or C2W_BROWSER naming an executable)
# and `ip` nothing is fetched. The browser boot's boundary brings the namespace's loopback up with
# `ip` (iproute2, installed by default on Debian and Ubuntu, missing from slim images). The tests
# find the binary the same way (test/harness/browser.ts).
# apt-get install needs root, as the machine's and CI's shells are.
set -euo pipefail

log() { printf 'browser: %s\n' "$*" >&2; }
die() { printf 'browser: error: %s\n' "$*" >&2; exit 1; }

find_browser() {
  local b
  for b in "${C2W_BROWSER:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$b" ] && [ -x "$b" ]; then
      printf '%s\n' "$b"
      return 0
    fi
  done
  return 1
}

case "${1:-install}" in
  path)
    find_browser || die "no chromium: run scripts/browser.sh"
    ;;
  install)
    if command -v ip >/dev/null && find_browser; then exit 0; fi
    [ "$(id -u)" = 0 ] || die "chromium or ip is missing and installing them needs root (apt-get install chromium iproute2)"
    log "installing Debian's chromium (first time only)"
    export DEBIAN_FRONTEND=noninteractive
    timeout 600 apt-get update -qq >&2 || die "apt-get update failed"
    timeout 1200 apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core iproute2 >&2 ||
      die "apt-get install chromium failed"
    find_browser || die "chromium was installed but no binary was found"
    ;;
  *)
    die "usage: scripts/browser.sh [install|path]"
    ;;
esac
