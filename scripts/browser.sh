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
#
# Another apt-get may hold apt's locks (on a fresh machine, unattended-upgrades or cloud-init runs
# for minutes): the script waits for them up to C2W_APT_LOCK_WAIT seconds (default 600) instead of
# giving up at once. C2W_BROWSER_PATHS (the binaries looked for, default
# /usr/bin/chromium /usr/bin/chromium-browser) is a seam for the tests, as is apt's own APT_CONFIG.
set -euo pipefail

APT_LOCK_WAIT=${C2W_APT_LOCK_WAIT:-600}
[[ "$APT_LOCK_WAIT" =~ ^[0-9]+$ ]] || { printf 'browser: error: C2W_APT_LOCK_WAIT must be whole seconds\n' >&2; exit 1; }

log() { printf 'browser: %s\n' "$*" >&2; }
die() { printf 'browser: error: %s\n' "$*" >&2; exit 1; }

# apt-get, run again while another apt-get holds its lock, for up to APT_LOCK_WAIT seconds in all;
# `limit` bounds each run. apt's own DPkg::Lock::Timeout is not used: apt 2.6 fails `update` with
# "Could not get lock" the moment the other apt lets go of the lists lock, instead of taking it.
# The output is kept, to tell a busy apt from another failure.
APT_LOG=$(mktemp)
trap 'rm -f "$APT_LOG"' EXIT
apt_get() {
  local limit=$1 deadline=$((SECONDS + APT_LOCK_WAIT)) status said=''
  shift
  while :; do
    status=0
    timeout "$limit" apt-get "$@" 2>&1 | tee "$APT_LOG" >&2 || status=${PIPESTATUS[0]}
    if [ "$status" = 0 ] || ! grep -q 'Could not get lock' "$APT_LOG" || [ "$SECONDS" -ge "$deadline" ]; then
      return "$status"
    fi
    [ -n "$said" ] || log "another apt-get holds apt's lock; waiting for it (up to ${APT_LOCK_WAIT} s)"
    said=1
    sleep 2
  done
}
# What to add to the error when apt was still busy at the end of the wait.
busy() {
  if grep -q 'Could not get lock' "$APT_LOG"; then
    printf ': another apt-get still held its lock after %s s (C2W_APT_LOCK_WAIT); let it finish and run this again' "$APT_LOCK_WAIT"
  fi
}

find_browser() {
  local b
  # shellcheck disable=SC2086 # a list of paths
  for b in "${C2W_BROWSER:-}" ${C2W_BROWSER_PATHS:-/usr/bin/chromium /usr/bin/chromium-browser}; do
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
    apt_get 600 update -qq || die "apt-get update failed$(busy)"
    apt_get 1200 install -y -qq --no-install-recommends chromium fonts-dejavu-core iproute2 ||
      die "apt-get install chromium failed$(busy)"
    find_browser || die "chromium was installed but no binary was found"
    ;;
  *)
    die "usage: scripts/browser.sh [install|path]"
    ;;
esac
