#!/usr/bin/env bash
# A private Docker engine for the integration tests: Debian unstable's docker.io, docker-cli,
# containerd and docker-buildx with the machine's own Debian release's runc, fetched with
# `apt-get download` through a private apt configuration and unpacked with `dpkg -x`.
# Nothing is installed system-wide and no other engine on the machine is touched.
#
#   scripts/engine.sh start    fetch (first time only), start dockerd, make the test image
#   scripts/engine.sh stop     stop the dockerd (and its containerd) that start started
#   scripts/engine.sh env      print `export ...` lines for eval: DOCKER_HOST, DOCKER_CONFIG, PATH
#   scripts/engine.sh status   exit 0 if the engine answers, print its versions
#   scripts/engine.sh fetch    take unstable's current versions now (keeps the last good set on failure)
#
# Everything lives under C2W_ENGINE_HOME (default ~/.cache/c2w-action/engine), outside the clone,
# so a fresh clone on the same machine reuses the fetched packages.
#
# Options for a second engine (scripts/remote-engine.sh starts one like this), read by `start`:
#   C2W_ENGINE_NETNS=NAME        run dockerd in the network namespace NAME (`ip netns`)
#   C2W_ENGINE_TCP=ADDR:PORT     also listen on tcp://ADDR:PORT (plain TCP, no TLS: only for an address
#                                that nothing but this machine can reach, like a veth in a private /30)
#   C2W_ENGINE_CLASSIC_STORE=1   the classic image store (graph drivers) instead of containerd's
set -euo pipefail

ENGINE_HOME=${C2W_ENGINE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/c2w-action/engine}
MIN_API=1.48
TEST_IMAGE=${C2W_TEST_IMAGE:-c2w-test/busybox:1}
UNSTABLE_PACKAGES=(docker.io docker-cli containerd docker-buildx)
STABLE_PACKAGES=(runc busybox-static)

APT_DIR=$ENGINE_HOME/apt
SETS_DIR=$ENGINE_HOME/sets
CURRENT=$ENGINE_HOME/current          # symlink to the last good package set
RUN_DIR=$ENGINE_HOME/run              # exec-root, pidfile, socket
DATA_DIR=$ENGINE_HOME/data            # data-root (images, containerd content, buildkit state)
CONFIG_DIR=$ENGINE_HOME/docker-config # DOCKER_CONFIG with the buildx CLI plugin
SOCK=$RUN_DIR/docker.sock
PIDFILE=$RUN_DIR/dockerd.pid
EXEC_ROOT=$RUN_DIR/exec
LOG=$ENGINE_HOME/dockerd.log
DAEMON_JSON=$ENGINE_HOME/daemon.json

log() { printf 'engine: %s\n' "$*" >&2; }
die() { printf 'engine: error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# Package fetching

# shellcheck source=lib/apt.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/apt.sh"

# Write the private apt configuration: the unstable suite from the machine's own archive, plus
# the machine's release (for runc and busybox-static), both signed by the machine's keyring.
write_apt_config() {
  local codename=$1 src uri keyring
  src=$(archive_source "$codename") || die "cannot find the Debian archive for '$codename' in the machine's apt sources"
  uri=${src%%$'\t'*}
  keyring=${src#*$'\t'}
  [ -n "$keyring" ] || keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  mkdir -p "$APT_DIR/sources.list.d" "$APT_DIR/preferences.d" "$APT_DIR/state/lists/partial" \
    "$APT_DIR/cache/archives/partial"
  : >"$APT_DIR/sources.list"
  : >"$APT_DIR/preferences"
  cat >"$APT_DIR/sources.list.d/c2w-engine.sources" <<EOF
Types: deb
URIs: $uri
Suites: unstable $codename
Components: main
Signed-By: $keyring
EOF
}

deb_field() { dpkg-deb -f "$1" "$2"; }

# Fetch unstable's current versions into a new set; switch `current` to it only when every
# binary runs. On failure the last good set stays current.
fetch() {
  local codename stamp set opts=() p
  codename=$(os_codename)
  write_apt_config "$codename"
  mapfile -t opts < <(apt_opts)
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  set=$SETS_DIR/$stamp
  mkdir -p "$set/debs" "$set/root"
  log "fetching packages (unstable: ${UNSTABLE_PACKAGES[*]}; $codename: ${STABLE_PACKAGES[*]})"
  local pkgs=()
  for p in "${UNSTABLE_PACKAGES[@]}"; do pkgs+=("$p/unstable"); done
  for p in "${STABLE_PACKAGES[@]}"; do pkgs+=("$p/$codename"); done
  if ! { apt-get "${opts[@]}" -qq update >&2 &&
    (cd "$set/debs" && apt-get "${opts[@]}" -qq download "${pkgs[@]}" >&2); }; then
    rm -rf "$set"
    return 1
  fi
  : >"$set/versions"
  for f in "$set"/debs/*.deb; do
    printf '%s %s\n' "$(deb_field "$f" Package)" "$(deb_field "$f" Version)" >>"$set/versions"
    dpkg -x "$f" "$set/root"
  done
  if ! check_set "$set"; then
    log "the fetched set $stamp does not run here; keeping the previous one"
    rm -rf "$set"
    return 1
  fi
  ln -sfn "sets/$stamp" "$CURRENT.new" && mv -T "$CURRENT.new" "$CURRENT"
  cp "$set/versions" "$ENGINE_HOME/versions"
  log "package set $stamp:"
  sed 's/^/engine:   /' "$set/versions" >&2
  # Keep the current set and the one before it.
  (cd "$SETS_DIR" && ls -1 | sort | head -n -2 | while read -r old; do
    [ "sets/$old" = "$(readlink "$CURRENT")" ] || rm -rf "$old"
  done)
}

check_set() {
  local r=$1/root
  "$r/usr/sbin/dockerd" --version >/dev/null &&
    "$r/usr/bin/containerd" --version >/dev/null &&
    "$r/usr/bin/docker" --version >/dev/null &&
    "$r/usr/libexec/docker/cli-plugins/docker-buildx" version >/dev/null &&
    "$r/usr/sbin/runc" --version >/dev/null &&
    [ -x "$r/bin/busybox" ]
}

ensure_packages() {
  if [ -e "$CURRENT/root/usr/sbin/dockerd" ] && [ "${C2W_ENGINE_REFRESH:-0}" != 1 ]; then
    return 0
  fi
  if ! fetch; then
    [ -e "$CURRENT/root/usr/sbin/dockerd" ] || die "fetching the engine packages failed and no earlier set exists"
    log "fetch failed; reusing the last good set ($(readlink "$CURRENT"))"
  fi
}

# ---------------------------------------------------------------------------------------------
# The daemon

bin_path() { printf '%s' "$CURRENT/root/usr/bin:$CURRENT/root/usr/sbin"; }

engine_env() {
  export DOCKER_HOST=unix://$SOCK
  export DOCKER_CONFIG=$CONFIG_DIR
  export PATH="$(bin_path):$PATH"
  unset DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH BUILDX_BUILDER
}

dockerd_pid() {
  local pid
  [ -f "$PIDFILE" ] || return 1
  pid=$(cat "$PIDFILE" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  # Our dockerd only: its command line names our socket.
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$SOCK" || return 1
  printf '%s' "$pid"
}

answers() { (engine_env && timeout 5 docker version --format '{{.Server.APIVersion}}') 2>/dev/null; }

# version_ge A B: A >= B for dotted numbers.
version_ge() { [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n 1)" = "$2" ]; }

check_api() {
  local api
  api=$(answers) || die "the engine does not answer at $SOCK"
  version_ge "$api" "$MIN_API" ||
    die "Engine API $api is below $MIN_API: c2w v0.8.4 runs 'docker save --platform', which needs Docker 28 (API 1.48)"
}

write_daemon_config() {
  mkdir -p "$RUN_DIR" "$DATA_DIR" "$EXEC_ROOT" "$CONFIG_DIR/cli-plugins"
  local snapshotter=true
  [ "${C2W_ENGINE_CLASSIC_STORE:-0}" = 1 ] && snapshotter=false
  cat >"$DAEMON_JSON" <<EOF
{
  "features": { "containerd-snapshotter": $snapshotter },
  "iptables": false,
  "ip6tables": false,
  "ip-forward": false,
  "ip-masq": false,
  "bridge": "none",
  "cgroup-parent": "c2w-engine",
  "log-level": "warn"
}
EOF
  ln -sfn "$CURRENT/root/usr/libexec/docker/cli-plugins/docker-buildx" "$CONFIG_DIR/cli-plugins/docker-buildx"
  [ -f "$CONFIG_DIR/config.json" ] || printf '{}\n' >"$CONFIG_DIR/config.json"
}

start_daemon() {
  local i pid
  local prefix=() listen=()
  # nsenter --net switches the network namespace only (ip netns exec would also remount /sys).
  [ -n "${C2W_ENGINE_NETNS:-}" ] && prefix=(nsenter "--net=/run/netns/$C2W_ENGINE_NETNS")
  # --tls=false: dockerd refuses a TCP listener without TLS unless told so explicitly.
  [ -n "${C2W_ENGINE_TCP:-}" ] && listen=(-H "tcp://$C2W_ENGINE_TCP" --tls=false)
  write_daemon_config
  log "starting dockerd ($(readlink "$CURRENT"))"
  (
    engine_env
    exec 9>&- # the daemon must not hold the start lock
    # setsid: the daemon outlives this script and the test process that ran it.
    exec setsid "${prefix[@]}" dockerd \
      --config-file "$DAEMON_JSON" \
      --data-root "$DATA_DIR" \
      --exec-root "$EXEC_ROOT" \
      --pidfile "$PIDFILE" \
      -H "unix://$SOCK" "${listen[@]}" \
      </dev/null >>"$LOG" 2>&1
  ) &
  for i in $(seq 1 120); do
    if answers >/dev/null; then return 0; fi
    if ! kill -0 $! 2>/dev/null && ! dockerd_pid >/dev/null; then
      tail -n 30 "$LOG" >&2 || true
      die "dockerd exited during start (log: $LOG)"
    fi
    sleep 0.25
  done
  tail -n 30 "$LOG" >&2 || true
  die "dockerd did not answer within 30 s (log: $LOG)"
}

# The test image, made offline: a busybox-static rootfs imported as $TEST_IMAGE (amd64).
ensure_test_image() {
  (
    engine_env
    docker image inspect "$TEST_IMAGE" >/dev/null 2>&1 && exit 0
    local tmp bb
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    bb=$(ls "$CURRENT"/debs/busybox-static_*.deb | head -n 1)
    dpkg -x "$bb" "$tmp/rootfs"
    rm -rf "$tmp/rootfs/usr/share"
    mkdir -p "$tmp/rootfs"/{etc,tmp,proc,sys,dev,root,usr/bin,usr/sbin,sbin}
    chmod 1777 "$tmp/rootfs/tmp"
    "$tmp/rootfs/bin/busybox" --list-full | while read -r p; do
      [ -e "$tmp/rootfs/$p" ] || ln -s /bin/busybox "$tmp/rootfs/$p"
    done
    printf 'root:x:0:0:root:/root:/bin/sh\n' >"$tmp/rootfs/etc/passwd"
    printf 'root:x:0:\n' >"$tmp/rootfs/etc/group"
    tar --numeric-owner --owner=0 --group=0 -C "$tmp/rootfs" -c . |
      docker import --platform linux/amd64 --change 'CMD ["/bin/sh"]' - "$TEST_IMAGE" >/dev/null
    log "imported $TEST_IMAGE"
  )
}

cmd_start() {
  mkdir -p "$ENGINE_HOME"
  exec 9>"$ENGINE_HOME/lock"
  flock 9
  if dockerd_pid >/dev/null && answers >/dev/null; then
    ensure_test_image
    return 0
  fi
  # A dockerd that does not answer (killed with its session, hung, or still exiting) and the
  # containerd it left behind would make the new one refuse its pidfile: end them first.
  stop_engine
  ensure_packages
  start_daemon
  check_api
  ensure_test_image
  log "ready: $(answers | sed 's/^/API /') at unix://$SOCK"
}

# Stops our dockerd and the containerd it started (the caller holds the lock).
stop_engine() {
  local pid i cpid cpidfile=$EXEC_ROOT/containerd/containerd.pid
  cpid=$(cat "$cpidfile" 2>/dev/null || true)
  if pid=$(dockerd_pid); then
    kill -TERM "$pid"
    for i in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    log "stopped dockerd $pid"
  fi
  # The containerd that dockerd started, if it outlived dockerd.
  if [ -n "$cpid" ] && kill -0 "$cpid" 2>/dev/null &&
    tr '\0' ' ' <"/proc/$cpid/cmdline" | grep -qF -- "$EXEC_ROOT"; then
    kill -TERM "$cpid"
    for i in $(seq 1 40); do kill -0 "$cpid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$cpid" 2>/dev/null && kill -KILL "$cpid" 2>/dev/null || true
  fi
  rm -f "$PIDFILE" "$SOCK"
}

cmd_stop() {
  mkdir -p "$ENGINE_HOME"
  exec 9>"$ENGINE_HOME/lock"
  flock 9
  stop_engine
}

cmd_env() {
  printf 'export DOCKER_HOST=%q\n' "unix://$SOCK"
  printf 'export DOCKER_CONFIG=%q\n' "$CONFIG_DIR"
  printf 'export PATH=%q:"$PATH"\n' "$(bin_path)"
}

cmd_status() {
  local pid
  pid=$(dockerd_pid) || { echo "engine: not running"; return 1; }
  (
    engine_env
    docker version --format 'engine: dockerd {{.Server.Version}} (API {{.Server.APIVersion}}), pid '"$pid"
    docker buildx version | sed 's/^/engine: /'
  ) || return 1
  [ -f "$CURRENT/versions" ] && sed 's/^/engine:   /' "$CURRENT/versions"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  env) cmd_env ;;
  status) cmd_status ;;
  fetch)
    mkdir -p "$ENGINE_HOME"
    exec 9>"$ENGINE_HOME/lock"
    flock 9
    fetch || { [ -e "$CURRENT" ] && log "fetch failed; keeping $(readlink "$CURRENT")"; exit 1; }
    ;;
  *) echo "usage: $0 start|stop|env|status|fetch" >&2; exit 2 ;;
esac
