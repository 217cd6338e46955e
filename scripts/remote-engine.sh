#!/usr/bin/env bash
# A second Docker engine for the integration tests, standing in for a remote builder: scripts/engine.sh
# with its own C2W_ENGINE_HOME, run in its own network namespace and listening on TCP on that
# namespace's address only. A veth pair joins the namespace to this one over a private /30 and
# nothing else: no route out of the namespace, no forwarding, so its traffic stays between the two.
# The registry of scripts/registry.sh is served inside the namespace on the same loopback address
# and storage, so a cache-ref means the same cache to both engines.
#
# Its built-in BuildKit is also offered as a BuildKit endpoint on the namespace's address
# (scripts/buildkit-endpoint.mjs), for `docker buildx create --driver remote tcp://ADDR:1234`.
#
#   scripts/remote-engine.sh start   make the namespace (first time), start the engine, its BuildKit
#                                    endpoint and the registry in it
#   scripts/remote-engine.sh stop    stop them and remove the namespace
#   scripts/remote-engine.sh env     print `export ...` lines: C2W_REMOTE_DOCKER_HOST (tcp://ADDR:2375),
#                                    C2W_REMOTE_BUILDKIT (tcp://ADDR:1234), C2W_REMOTE_NETNS,
#                                    C2W_REMOTE_SOCKET (its unix socket, on this side)
#   scripts/remote-engine.sh classic start|stop|env
#                                    a third engine with the classic image store on a unix socket
#                                    (a builder that cannot export a cache); env prints C2W_CLASSIC_DOCKER_HOST
#
# Homes: C2W_ENGINE_HOME-remote and C2W_ENGINE_HOME-classic (the package set is shared with the
# first engine through a symlink, so nothing is fetched twice).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ENGINE_HOME=${C2W_ENGINE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/c2w-action/engine}
REMOTE_HOME=$ENGINE_HOME-remote
CLASSIC_HOME=$ENGINE_HOME-classic
PORT=2375
BUILDKIT_PORT=1234

log() { printf 'remote-engine: %s\n' "$*" >&2; }
die() { printf 'remote-engine: error: %s\n' "$*" >&2; exit 1; }

# One namespace and /30 per engine home, so engines of different homes never share them:
# 10.213.N.0/30 with N from the home's path; .1 is this side, .2 the namespace.
slot() { printf '%s' "$ENGINE_HOME" | cksum | awk '{ print $1 % 250 }'; }
NS=c2w-remote-$(slot)
HOST_IF=c2wr$(slot)h
NS_IF=c2wr$(slot)n
NET=10.213.$(slot)
HOST_ADDR=$NET.1
NS_ADDR=$NET.2

ensure_netns() {
  if ! ip netns list | grep -qw "^$NS"; then ip netns add "$NS"; fi
  ip -n "$NS" link set lo up
  if ! ip link show "$HOST_IF" >/dev/null 2>&1; then
    ip link add "$HOST_IF" type veth peer name "$NS_IF" netns "$NS"
    ip addr add "$HOST_ADDR/30" dev "$HOST_IF"
    ip -n "$NS" addr add "$NS_ADDR/30" dev "$NS_IF"
  fi
  ip link set "$HOST_IF" up
  ip -n "$NS" link set "$NS_IF" up
}

# The first engine's package set, shared.
share_packages() {
  local home=$1
  mkdir -p "$home"
  [ -e "$ENGINE_HOME/current" ] || bash "$HERE/engine.sh" start >/dev/null
  ln -sfn "$(readlink -f "$ENGINE_HOME/current")" "$home/current"
}

# Each engine imports its own test image, and `docker import` stamps the time into the image config,
# so two engines hold different images under one name. Runners that pull a base image from a
# registry all get the same one; to model that (a shared cache matches layers by digest), the
# second engine gets the first engine's image.
same_test_image() {
  local home=$1 image=${C2W_TEST_IMAGE:-c2w-test/busybox:1} mine theirs
  eval "$(bash "$HERE/engine.sh" env)"
  local local_host=$DOCKER_HOST other_host=unix://$home/run/docker.sock
  mine=$(DOCKER_HOST=$local_host docker image inspect --format '{{.Id}}' "$image")
  theirs=$(DOCKER_HOST=$other_host docker image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)
  [ "$mine" = "$theirs" ] && return 0
  DOCKER_HOST=$local_host docker save "$image" | DOCKER_HOST=$other_host docker load -q >/dev/null
  log "loaded the first engine's $image into $home"
}

cmd_start() {
  ensure_netns
  share_packages "$REMOTE_HOME"
  C2W_ENGINE_HOME=$REMOTE_HOME C2W_ENGINE_NETNS=$NS C2W_ENGINE_TCP=$NS_ADDR:$PORT bash "$HERE/engine.sh" start
  same_test_image "$REMOTE_HOME"
  # The runner side reaches it over the veth.
  local i
  for i in $(seq 1 40); do
    curl -sf -m 2 "http://$NS_ADDR:$PORT/_ping" >/dev/null && break
    [ "$i" = 40 ] && die "the remote engine does not answer at tcp://$NS_ADDR:$PORT"
    sleep 0.25
  done
  start_endpoint
  bash "$HERE/registry.sh" start
  bash "$HERE/registry.sh" serve-in "$NS"
  log "ready: tcp://$NS_ADDR:$PORT (netns $NS)"
}

ENDPOINT_PID=$REMOTE_HOME/run/buildkit-endpoint.pid

endpoint_pid() {
  local pid
  pid=$(cat "$ENDPOINT_PID" 2>/dev/null) || return 1
  [ -n "$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "buildkit-endpoint.mjs $NS_ADDR:$BUILDKIT_PORT" ||
    return 1
  printf '%s' "$pid"
}

start_endpoint() {
  local i
  endpoint_pid >/dev/null && return 0
  (
    exec setsid nsenter "--net=/run/netns/$NS" node "$HERE/buildkit-endpoint.mjs" "$NS_ADDR:$BUILDKIT_PORT" \
      "$REMOTE_HOME/run/docker.sock" </dev/null >>"$REMOTE_HOME/buildkit-endpoint.log" 2>&1
  ) &
  printf '%s\n' $! >"$ENDPOINT_PID"
  for i in $(seq 1 40); do
    ip netns exec "$NS" ss -Hltn "sport = :$BUILDKIT_PORT" | grep -q . && return 0
    sleep 0.25
  done
  die "the BuildKit endpoint did not start (log: $REMOTE_HOME/buildkit-endpoint.log)"
}

cmd_stop() {
  local epid
  if epid=$(endpoint_pid); then kill -TERM "$epid" 2>/dev/null || true; fi
  rm -f "$ENDPOINT_PID"
  if [ -d "$REMOTE_HOME" ]; then C2W_ENGINE_HOME=$REMOTE_HOME bash "$HERE/engine.sh" stop; fi
  # The registry's instance in the namespace (the one on this side is registry.sh stop's).
  local reg=${C2W_REGISTRY_HOME:-$ENGINE_HOME/registry}
  if [ -f "$reg/run/netns-$NS.pid" ]; then
    local pid
    pid=$(cat "$reg/run/netns-$NS.pid")
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$reg/run/netns-$NS.yml"; then
      kill -TERM "$pid" 2>/dev/null || true
    fi
    rm -f "$reg/run/netns-$NS.pid"
  fi
  ip link del "$HOST_IF" 2>/dev/null || true
  ip netns del "$NS" 2>/dev/null || true
}

cmd_env() {
  printf 'export C2W_REMOTE_DOCKER_HOST=%q\n' "tcp://$NS_ADDR:$PORT"
  printf 'export C2W_REMOTE_BUILDKIT=%q\n' "tcp://$NS_ADDR:$BUILDKIT_PORT"
  printf 'export C2W_REMOTE_NETNS=%q\n' "$NS"
  printf 'export C2W_REMOTE_SOCKET=%q\n' "unix://$REMOTE_HOME/run/docker.sock"
}

classic() {
  case "${1:-}" in
    start)
      share_packages "$CLASSIC_HOME"
      C2W_ENGINE_HOME=$CLASSIC_HOME C2W_ENGINE_CLASSIC_STORE=1 bash "$HERE/engine.sh" start
      ;;
    stop) if [ -d "$CLASSIC_HOME" ]; then C2W_ENGINE_HOME=$CLASSIC_HOME bash "$HERE/engine.sh" stop; fi ;;
    env) printf 'export C2W_CLASSIC_DOCKER_HOST=%q\n' "unix://$CLASSIC_HOME/run/docker.sock" ;;
    *) die "usage: $0 classic start|stop|env" ;;
  esac
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  env) cmd_env ;;
  classic) classic "${2:-}" ;;
  *) echo "usage: $0 start|stop|env|classic start|stop|env" >&2; exit 2 ;;
esac
