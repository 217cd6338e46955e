#!/usr/bin/env bash
# A private container registry for the integration tests: Debian's docker-registry (the CNCF
# distribution registry 2.8) and apache2-utils' htpasswd, fetched with `apt-get download` through
# a private apt configuration and unpacked with `dpkg -x`, like scripts/engine.sh does the engine.
# Nothing is installed system-wide. The registry listens on loopback only, on a free port, with
# htpasswd (bcrypt) authentication for one user whose password is made on the first start.
#
#   scripts/registry.sh start          fetch (first time only), start the registry
#   scripts/registry.sh stop           stop every registry process that start or serve-in started
#   scripts/registry.sh env            print `export ...` lines: C2W_REGISTRY (host:port), _USER, _PASSWORD,
#                                      C2W_REGISTRY_PUBLIC (host:port)
#   scripts/registry.sh status         exit 0 if the registry answers
#   scripts/registry.sh serve-in NS    serve the same storage on 127.0.0.1:PORT inside network
#                                      namespace NS too (a remote engine there reaches "the" registry
#                                      at the same address as the runner does)
#
# Beside it, start also serves the same storage read-only and without a login on a second port
# (C2W_REGISTRY_PUBLIC): a public registry as readers see it (ghcr.io serves public packages to
# anonymous pulls), while pushes go through the authenticated port.
#
# Docker and BuildKit treat registries on 127.0.0.0/8 as insecure-allowed (plain HTTP), so no TLS.
# Everything lives under C2W_REGISTRY_HOME (default: the engine home's registry/ folder, so each
# private engine has its own registry), outside the clone.
set -euo pipefail

ENGINE_HOME=${C2W_ENGINE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/c2w-action/engine}
REG_HOME=${C2W_REGISTRY_HOME:-$ENGINE_HOME/registry}
PACKAGES=(docker-registry apache2-utils libapr1 libaprutil1)

APT_DIR=$REG_HOME/apt
ROOT=$REG_HOME/root            # the unpacked packages
DATA=$REG_HOME/data            # the registry's storage
RUN=$REG_HOME/run              # config, pidfiles, logs
PORT_FILE=$REG_HOME/port
PUBLIC_PORT_FILE=$REG_HOME/public-port
USER_NAME=c2w
PASSWORD_FILE=$REG_HOME/password
HTPASSWD=$REG_HOME/htpasswd

log() { printf 'registry: %s\n' "$*" >&2; }
die() { printf 'registry: error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# Package fetching (the machine's own Debian release, from the machine's own archive and keyring)

# shellcheck source=lib/apt.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/apt.sh"

fetch() {
  local codename src uri keyring opts=() tmp f
  codename=$(os_codename)
  src=$(archive_source "$codename") || die "cannot find the Debian archive for '$codename' in the machine's apt sources"
  uri=${src%%$'\t'*}
  keyring=${src#*$'\t'}
  [ -n "$keyring" ] || keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  mkdir -p "$APT_DIR/sources.list.d" "$APT_DIR/preferences.d" "$APT_DIR/state/lists/partial" \
    "$APT_DIR/cache/archives/partial"
  : >"$APT_DIR/sources.list"
  : >"$APT_DIR/preferences"
  cat >"$APT_DIR/sources.list.d/c2w-registry.sources" <<EOF
Types: deb
URIs: $uri
Suites: $codename
Components: main
Signed-By: $keyring
EOF
  mapfile -t opts < <(apt_opts)
  tmp=$(mktemp -d "$REG_HOME/fetch.XXXXXX")
  log "fetching ${PACKAGES[*]} ($codename)"
  if ! { apt-get "${opts[@]}" -qq update >&2 &&
    (cd "$tmp" && apt-get "${opts[@]}" -qq download "${PACKAGES[@]}" >&2); }; then
    rm -rf "$tmp"
    die "fetching ${PACKAGES[*]} failed"
  fi
  mkdir -p "$tmp/root"
  : >"$tmp/versions"
  for f in "$tmp"/*.deb; do
    printf '%s %s\n' "$(dpkg-deb -f "$f" Package)" "$(dpkg-deb -f "$f" Version)" >>"$tmp/versions"
    dpkg -x "$f" "$tmp/root"
  done
  rm -f "$tmp"/*.deb
  rm -rf "$ROOT" "$REG_HOME/versions"
  mv "$tmp/root" "$ROOT"
  mv "$tmp/versions" "$REG_HOME/versions"
  rmdir "$tmp"
  sed 's/^/registry:   /' "$REG_HOME/versions" >&2
}

registry_bin() { printf '%s' "$ROOT/usr/bin/docker-registry"; }

# htpasswd needs libapr and libaprutil, unpacked beside it.
htpasswd_bin() { LD_LIBRARY_PATH="$ROOT/usr/lib/x86_64-linux-gnu" "$ROOT/usr/bin/htpasswd" "$@"; }

ensure_packages() {
  if [ -x "$(registry_bin)" ] && [ -x "$ROOT/usr/bin/htpasswd" ] && [ "${C2W_REGISTRY_REFRESH:-0}" != 1 ]; then
    return 0
  fi
  fetch
}

# ---------------------------------------------------------------------------------------------
# The service

port_free() { ! ss -Hltn "sport = :$1" | grep -q .; }

choose_port() {
  local p i file=${1:-$PORT_FILE}
  if [ -s "$file" ] && port_free "$(cat "$file")"; then cat "$file"; return 0; fi
  for i in $(seq 1 50); do
    p=$((20000 + RANDOM % 30000))
    if port_free "$p"; then printf '%s\n' "$p" >"$file"; printf '%s' "$p"; return 0; fi
  done
  die "no free port found"
}

ensure_credentials() {
  if [ ! -s "$PASSWORD_FILE" ]; then
    (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$PASSWORD_FILE")
  fi
  # bcrypt (-B), the only scheme the registry's htpasswd authenticator accepts.
  (umask 077 && htpasswd_bin -Bbn "$USER_NAME" "$(cat "$PASSWORD_FILE")" >"$HTPASSWD.new") ||
    die "htpasswd failed"
  mv "$HTPASSWD.new" "$HTPASSWD"
}

write_config() {
  local name=$1 port=$2
  mkdir -p "$RUN" "$DATA"
  if [ "$name" = public ]; then
    cat >"$RUN/$name.yml" <<EOF
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $DATA
  maintenance:
    readonly:
      enabled: true
http:
  addr: 127.0.0.1:$port
  secret: $(cat "$PASSWORD_FILE")-http-secret
EOF
    return 0
  fi
  cat >"$RUN/$name.yml" <<EOF
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $DATA
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
  secret: $(cat "$PASSWORD_FILE")-http-secret
auth:
  htpasswd:
    realm: c2w-test-registry
    path: $HTPASSWD
EOF
}

# pid_of NAME: the pid of our registry process NAME (its command line names our config).
pid_of() {
  local pid f=$RUN/$1.pid
  [ -f "$f" ] || return 1
  pid=$(cat "$f" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$RUN/$1.yml" || return 1
  printf '%s' "$pid"
}

# answers [NS]: the registry's /v2/ answers 401 (authentication required) on its port.
answers() {
  local port code
  if [ "${1:-}" = public ]; then
    port=$(cat "$PUBLIC_PORT_FILE" 2>/dev/null) || return 1
    code=$(curl -s -o /dev/null -m 3 -w '%{http_code}' "http://127.0.0.1:$port/v2/") || return 1
    [ "$code" = 200 ]
    return
  fi
  port=$(cat "$PORT_FILE" 2>/dev/null) || return 1
  if [ -n "${1:-}" ]; then
    code=$(ip netns exec "$1" curl -s -o /dev/null -m 3 -w '%{http_code}' "http://127.0.0.1:$port/v2/") || return 1
  else
    code=$(curl -s -o /dev/null -m 3 -w '%{http_code}' "http://127.0.0.1:$port/v2/") || return 1
  fi
  [ "$code" = 401 ]
}

# serve NAME [NS]: start the registry with config NAME (in network namespace NS) and wait for it.
serve() {
  local name=$1 ns=${2:-} i
  local prefix=()
  [ -n "$ns" ] && [ "$ns" != public ] && prefix=(ip netns exec "$ns")
  (
    exec 9>&-
    exec setsid "${prefix[@]}" "$(registry_bin)" serve "$RUN/$name.yml" </dev/null >>"$RUN/$name.log" 2>&1
  ) &
  printf '%s\n' $! >"$RUN/$name.pid"
  for i in $(seq 1 80); do
    if answers "$ns"; then return 0; fi
    if ! kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null; then
      tail -n 20 "$RUN/$name.log" >&2 || true
      die "the registry exited during start (log: $RUN/$name.log)"
    fi
    sleep 0.25
  done
  tail -n 20 "$RUN/$name.log" >&2 || true
  die "the registry did not answer within 20 s (log: $RUN/$name.log)"
}

stop_one() {
  local pid i
  pid=$(pid_of "$1") || { rm -f "$RUN/$1.pid"; return 0; }
  kill -TERM "$pid"
  for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  rm -f "$RUN/$1.pid"
  log "stopped $1 ($pid)"
}

lock() {
  mkdir -p "$REG_HOME"
  exec 9>"$REG_HOME/lock"
  flock 9
}

cmd_start() {
  local port public
  lock
  if pid_of host >/dev/null && answers && pid_of public >/dev/null && answers public; then return 0; fi
  if ! { pid_of host >/dev/null && answers; }; then
    stop_one host
    ensure_packages
    ensure_credentials
    port=$(choose_port)
    write_config host "$port"
    serve host
    log "ready: http://127.0.0.1:$port (user $USER_NAME)"
  fi
  stop_one public
  public=$(choose_port "$PUBLIC_PORT_FILE")
  write_config public "$public"
  serve public public
  log "ready: http://127.0.0.1:$public (read-only, no login)"
}

# serve-in NS: the same storage and credentials on 127.0.0.1:PORT inside NS (the host's
# registry must be running: the port is its port).
cmd_serve_in() {
  local ns=$1 name
  [ -n "$ns" ] || die "usage: $0 serve-in NETNS"
  name=netns-$ns
  lock
  pid_of host >/dev/null || die "the registry is not running; run '$0 start' first"
  if pid_of "$name" >/dev/null && answers "$ns"; then return 0; fi
  stop_one "$name"
  write_config "$name" "$(cat "$PORT_FILE")"
  serve "$name" "$ns"
  log "ready in netns $ns: http://127.0.0.1:$(cat "$PORT_FILE")"
}

cmd_stop() {
  local f
  lock
  for f in "$RUN"/*.pid; do
    [ -e "$f" ] || continue
    stop_one "$(basename "$f" .pid)"
  done
}

cmd_env() {
  [ -s "$PORT_FILE" ] && [ -s "$PASSWORD_FILE" ] || die "the registry was never started; run '$0 start'"
  printf 'export C2W_REGISTRY=%q\n' "127.0.0.1:$(cat "$PORT_FILE")"
  printf 'export C2W_REGISTRY_USER=%q\n' "$USER_NAME"
  printf 'export C2W_REGISTRY_PASSWORD=%q\n' "$(cat "$PASSWORD_FILE")"
  if [ -s "$PUBLIC_PORT_FILE" ]; then printf 'export C2W_REGISTRY_PUBLIC=%q\n' "127.0.0.1:$(cat "$PUBLIC_PORT_FILE")"; fi
}

cmd_status() {
  pid_of host >/dev/null && answers || { echo "registry: not running"; return 1; }
  echo "registry: http://127.0.0.1:$(cat "$PORT_FILE"), pid $(pid_of host)"
  [ -f "$REG_HOME/versions" ] && sed 's/^/registry:   /' "$REG_HOME/versions"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  env) cmd_env ;;
  status) cmd_status ;;
  serve-in) cmd_serve_in "${2:-}" ;;
  *) echo "usage: $0 start|stop|env|status|serve-in NETNS" >&2; exit 2 ;;
esac
