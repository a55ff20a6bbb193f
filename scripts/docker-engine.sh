#!/usr/bin/env bash
# A Docker engine of our own for building and testing the action's image, on machines without a system Docker
# (no systemd, no registry): Debian's docker.io, dockerd on its own paths under MLOPS_DOCKER_DIR and without its own
# networking (no iptables, no bridge), so containers run with --network host. See docs/action.md.
#
#   scripts/docker-engine.sh install   apt-get install docker.io and debootstrap when missing (idempotent)
#   scripts/docker-engine.sh start     install when missing, start dockerd unless it answers already, wait until ready
#   scripts/docker-engine.sh stop      stop the dockerd this script started (by its pid file) and its containers
#   scripts/docker-engine.sh status    exit 0 when the engine answers
#   scripts/docker-engine.sh host      print the DOCKER_HOST value of this engine
#
# MLOPS_DOCKER_DIR (default /tmp/mlops-docker) holds docker.sock, docker.pid, root/ (images: the stand-in bases stay
# cached there between runs), exec/ and dockerd.log.
set -euo pipefail
DIR="${MLOPS_DOCKER_DIR:-/tmp/mlops-docker}"
SOCK="$DIR/docker.sock"
PIDFILE="$DIR/docker.pid"
HOST="unix://$SOCK"
# overlay2 when the kernel has overlayfs: a container then starts on the image's layers instead of copying them all,
# as vfs does (13 s instead of 1 s per container for the action's image here). MLOPS_DOCKER_STORAGE overrides.
if [[ -n "${MLOPS_DOCKER_STORAGE:-}" ]]; then STORAGE=$MLOPS_DOCKER_STORAGE
elif grep -qw overlay /proc/filesystems 2>/dev/null; then STORAGE=overlay2
else STORAGE=vfs; fi
DOCKER=/usr/bin/docker # Debian's client, the daemon's version (a newer client elsewhere on PATH wants buildx)

answers() { [[ -S "$SOCK" ]] && "$DOCKER" -H "$HOST" version --format '{{.Server.Version}}' >/dev/null 2>&1; }

install() {
    if [[ -x /usr/sbin/dockerd && -x "$DOCKER" && -x /usr/sbin/debootstrap ]]; then return; fi
    if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
    echo "docker-engine: installing docker.io and debootstrap (Debian packages)"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install --no-install-recommends -y -q docker.io debootstrap >/dev/null
}

start() {
    if answers; then echo "docker-engine: already running ($HOST)"; return; fi
    install
    if [ "$(id -u)" -ne 0 ]; then echo "docker-engine: dockerd must run as root (run as root, or set DOCKER_HOST to a running engine)" >&2; exit 1; fi
    mkdir -p "$DIR/root" "$DIR/exec"
    if [[ -f "$PIDFILE" ]] && ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then rm -f "$PIDFILE"; fi
    local started=$SECONDS
    # setsid: the daemon must outlive this script and not get the build's Ctrl-C; stopped by its pid file.
    setsid /usr/sbin/dockerd -H "$HOST" --data-root "$DIR/root" --exec-root "$DIR/exec" --pidfile "$PIDFILE" \
        --iptables=false --ip-masq=false --bridge=none --storage-driver="$STORAGE" >"$DIR/dockerd.log" 2>&1 </dev/null &
    for _ in $(seq 1 120); do
        if answers; then echo "docker-engine: up on $HOST in $((SECONDS - started)) s (storage $STORAGE, data root $DIR/root)"; return; fi
        if ! kill -0 $! 2>/dev/null; then break; fi
        sleep 0.5
    done
    echo "docker-engine: dockerd did not come up; last lines of $DIR/dockerd.log:" >&2
    tail -n 20 "$DIR/dockerd.log" >&2 || true
    exit 1
}

stop() {
    if [[ ! -f "$PIDFILE" ]]; then echo "docker-engine: not running (no $PIDFILE)"; return; fi
    local pid
    pid=$(cat "$PIDFILE")
    if answers; then
        local running
        running=$("$DOCKER" -H "$HOST" ps -q)
        if [[ -n "$running" ]]; then "$DOCKER" -H "$HOST" kill $running >/dev/null 2>&1 || true; fi
    fi
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
        if ! kill -0 "$pid" 2>/dev/null; then
            # dockerd may leave its network namespace mounted under the exec root.
            awk -v d="$DIR/" 'index($2, d) == 1 { print $2 }' /proc/mounts | xargs -r umount -l 2>/dev/null || true
            rm -f "$PIDFILE"; echo "docker-engine: stopped"; return
        fi
        sleep 0.5
    done
    echo "docker-engine: dockerd ($pid) did not stop in 30 s; killing it" >&2
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$PIDFILE"
}

case "${1:-}" in
    install) install ;;
    start) start ;;
    stop) stop ;;
    status) answers ;;
    host) echo "$HOST" ;;
    *) echo "usage: $0 install|start|stop|status|host" >&2; exit 2 ;;
esac
