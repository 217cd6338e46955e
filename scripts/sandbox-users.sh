#!/usr/bin/env bash
# Two unprivileged users for the smoke boundary's tests, made the way runners are set up:
#
#   c2w-sudo     passwordless sudo, as the runner user of GitHub's hosted runners
#   c2w-nosudo   no sudo: a self-hosted runner's plain user
#
# Idempotent: an existing user or sudoers entry is left as it is; sudo is installed with the
# machine's apt only when it is missing (apt-get waits up to 120 s for another apt's lock). Needs
# root. Prints nothing on success.
set -euo pipefail

die() { printf 'sandbox-users: error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "making users needs root"
if ! command -v sudo >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get -o DPkg::Lock::Timeout=120 update -qq >&2 || die "apt-get update failed"
  timeout 600 apt-get -o DPkg::Lock::Timeout=120 install -y -qq --no-install-recommends sudo >&2 ||
    die "apt-get install sudo failed"
fi
for user in c2w-sudo c2w-nosudo; do
  id -u "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user" ||
    die "useradd $user failed"
done
entry=/etc/sudoers.d/c2w-sudo
if [ ! -f "$entry" ]; then
  printf 'c2w-sudo ALL=(ALL) NOPASSWD:ALL\n' >"$entry.tmp"
  chmod 0440 "$entry.tmp"
  visudo -cqf "$entry.tmp" || { rm -f "$entry.tmp"; die "the sudoers entry does not parse"; }
  mv "$entry.tmp" "$entry"
fi
