#!/usr/bin/env bash
# A single-node Ceph RGW (S3 API) for tests: one mon + one memstore OSD + radosgw on 127.0.0.1, no auth between
# daemons, one S3 user. Everything lives under $MLOPS_CEPH_DIR (default /tmp/mlops-ceph); data is in memory and
# is lost on stop.
#
#   scripts/ceph-rgw.sh install   install the Debian packages if missing (apt-get; sudo only when not root)
#   scripts/ceph-rgw.sh start     start and warm up; a running server is left as it is; while the OSD (which holds the
#                                 data) runs, only missing daemons are restarted and nothing is deleted; with the OSD
#                                 gone the data is gone too, and a fresh cluster replaces the leftover folder
#   scripts/ceph-rgw.sh stop      stop the daemons started by `start` (by their pid files)
#   scripts/ceph-rgw.sh reset     stop, delete $MLOPS_CEPH_DIR and start a fresh cluster
#   scripts/ceph-rgw.sh status    exit 0 when the S3 endpoint answers
#
# Environment: MLOPS_CEPH_DIR, MLOPS_CEPH_PORT (7480), MLOPS_CEPH_ACCESS_KEY (TESTAK), MLOPS_CEPH_SECRET_KEY (TESTSECRET).
# Every port derives from MLOPS_CEPH_PORT: radosgw on PORT, the monitor on PORT+1 (msgr2) and PORT+2 (msgr1), the OSD
# (8 sockets) within PORT+10..PORT+39; two instances need ports at least 40 apart (and their own MLOPS_CEPH_DIR).
set -euo pipefail

D=${MLOPS_CEPH_DIR:-/tmp/mlops-ceph}
PORT=${MLOPS_CEPH_PORT:-7480}
ACCESS_KEY=${MLOPS_CEPH_ACCESS_KEY:-TESTAK}
SECRET_KEY=${MLOPS_CEPH_SECRET_KEY:-TESTSECRET}
ENDPOINT="http://127.0.0.1:$PORT"
MON_ADDRS="[v2:127.0.0.1:$((PORT + 1)),v1:127.0.0.1:$((PORT + 2))]"
OSD_PORT_MIN=$((PORT + 10))
OSD_PORT_MAX=$((PORT + 39))
PACKAGES=(ceph-mon ceph-osd radosgw ceph-common)
DAEMONS=(client.rgw.a osd.0 mon.a)

log() { echo "ceph-rgw: $*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

installed() {
    command -v ceph-mon >/dev/null && command -v ceph-osd >/dev/null && command -v radosgw >/dev/null &&
        command -v radosgw-admin >/dev/null && command -v ceph >/dev/null && command -v curl >/dev/null
}

cmd_install() {
    if installed; then
        log "packages already installed"
        return 0
    fi
    log "installing ${PACKAGES[*]} (about a minute)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install --no-install-recommends -y -q "${PACKAGES[@]}" curl >/dev/null
    installed || { log "install finished but the Ceph binaries are still missing"; return 1; }
}

# The endpoint answers an anonymous GET / with 200 (an empty bucket list) once radosgw is serving.
endpoint_up() {
    curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$ENDPOINT/" 2>/dev/null | grep -q '^200$'
}

daemon_pid() {
    local f="$D/run/$1.pid"
    [ -f "$f" ] || return 1
    local pid
    pid=$(cat "$f" 2>/dev/null) || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

all_daemons_running() {
    local n
    for n in "${DAEMONS[@]}"; do daemon_pid "$n" >/dev/null || return 1; done
}

cmd_status() {
    if endpoint_up && all_daemons_running; then
        echo "running: $ENDPOINT (dir $D)"
        return 0
    fi
    if endpoint_up; then
        echo "an S3 endpoint answers on $ENDPOINT but it was not started from $D"
        return 0
    fi
    echo "not running ($ENDPOINT)"
    return 1
}

# Signed S3 request with curl's SigV4 (path-style, region us-east-1).
s3() {
    local method=$1 path=$2
    curl -s -o /dev/null -w '%{http_code}' --max-time 120 -X "$method" \
        --aws-sigv4 "aws:amz:us-east-1:s3" --user "$ACCESS_KEY:$SECRET_KEY" \
        -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -H "Content-Length: 0" "$ENDPOINT$path"
}

# The first bucket and the first PUT create RGW's pools, which takes seconds; do it here, not in the first test.
warm_up() {
    local bucket="mlops-warmup-$$-$RANDOM" code i
    for i in $(seq 1 30); do
        code=$(s3 PUT "/$bucket") || code=000
        [ "$code" = 200 ] && break
        sleep 1
    done
    [ "$code" = 200 ] || { log "warm-up: creating bucket $bucket answered HTTP $code"; return 1; }
    code=$(s3 PUT "/$bucket/warmup") || code=000
    [ "$code" = 200 ] || { log "warm-up: PUT answered HTTP $code"; return 1; }
    s3 DELETE "/$bucket/warmup" >/dev/null || true
    code=$(s3 DELETE "/$bucket") || code=000
    [ "$code" = 204 ] || { log "warm-up: deleting bucket answered HTTP $code"; return 1; }
}

write_conf() {
    local fsid=$1
    cat >"$D/ceph.conf" <<CONF
[global]
fsid = $fsid
mon host = $MON_ADDRS
mon initial members = a
public addr = 127.0.0.1
auth cluster required = none
auth service required = none
auth client required = none
auth supported = none
ms bind ipv6 = false
run dir = $D/run
admin socket = $D/run/\$name.asok
pid file = $D/run/\$name.pid
log file = $D/log/\$name.log
keyring = $D/keyring
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
mon data avail warn = 1
mon data avail crit = 1
client mount timeout = 30
[mon]
mon data = $D/mon.\$id
[osd]
osd data = $D/osd.\$id
osd objectstore = memstore
ms bind port min = $OSD_PORT_MIN
ms bind port max = $OSD_PORT_MAX
memstore device bytes = 4294967296
osd max object size = 134217728
[client.rgw.a]
# Without crc mode radosgw loops on auth and exits after 300 s.
ms mon client mode = crc
ms client mode = crc
client mount timeout = 30
rgw frontends = beast endpoint=127.0.0.1:$PORT tcp_nodelay=1
rgw data = $D/rgw
rgw dns name = 127.0.0.1
rgw thread pool size = 64
CONF
}

cmd_start() {
    if all_daemons_running && endpoint_up; then
        log "already running on $ENDPOINT"
        return 0
    fi
    if endpoint_up; then
        log "port $PORT already serves an S3 endpoint not started from $D; using it as it is"
        return 0
    fi
    cmd_install
    if [ -f "$D/ceph.conf" ] && [ -d "$D/mon.a/store.db" ]; then
        # The objects live in the memstore OSD's memory: while it runs, restart only what is missing and keep all.
        if daemon_pid osd.0 >/dev/null; then
            restart_missing
            return
        fi
        # With the OSD gone its objects are gone too (after `stop`, a reboot, or a kill): the folder holds only the
        # bookkeeping of a cluster that no longer has data, which a restart cannot revive. Start a fresh one.
        cmd_stop >/dev/null 2>&1 || true
        log "the OSD of the cluster in $D is not running, so its in-memory objects are already gone; starting a fresh cluster"
        rm -rf "$D"
    fi
    mkdir -p "$D"/{log,run,mon.a,osd.0,rgw}
    local fsid osd_uuid id c started=$SECONDS
    fsid=$(cat /proc/sys/kernel/random/uuid)
    write_conf "$fsid"
    c=(-c "$D/ceph.conf")
    ceph-authtool --create-keyring "$D/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
    monmaptool --create --addv a "$MON_ADDRS" --fsid "$fsid" "$D/monmap" >/dev/null
    ceph-mon "${c[@]}" --mkfs -i a --monmap "$D/monmap" --keyring "$D/keyring"
    ceph-mon "${c[@]}" -i a
    osd_uuid=$(cat /proc/sys/kernel/random/uuid)
    id=$(timeout 60 ceph "${c[@]}" osd new "$osd_uuid")
    ceph-osd "${c[@]}" -i "$id" --mkfs --osd-uuid "$osd_uuid" 2>>"$D/log/osd-mkfs.log"
    ceph-osd "${c[@]}" -i "$id" 2>>"$D/log/osd-start.log"
    radosgw "${c[@]}" -n client.rgw.a
    local i
    for i in $(seq 1 600); do endpoint_up && break; sleep 0.1; done
    endpoint_up || { log "radosgw did not answer on $ENDPOINT within 60 s; see $D/log"; return 1; }
    timeout 60 radosgw-admin "${c[@]}" user create --uid=test --display-name=test \
        --access-key="$ACCESS_KEY" --secret-key="$SECRET_KEY" >/dev/null
    warm_up || { log "warm-up failed; see $D/log"; return 1; }
    log "up on $ENDPOINT in $((SECONDS - started)) s (access key $ACCESS_KEY; dir $D)"
}

# A daemon died while the OSD (and so the data) lives on, e.g. radosgw crashed: start only what is missing, with the cluster's own ceph.conf
# (its ports are the ones the running daemons use), and keep every file.
restart_missing() {
    local c=(-c "$D/ceph.conf") started=$SECONDS restarted=()
    if ! daemon_pid mon.a >/dev/null; then ceph-mon "${c[@]}" -i a; restarted+=(mon.a); fi
    if ! daemon_pid client.rgw.a >/dev/null; then radosgw "${c[@]}" -n client.rgw.a; restarted+=(client.rgw.a); fi
    local i
    for i in $(seq 1 600); do endpoint_up && break; sleep 0.1; done
    endpoint_up || { log "restarted ${restarted[*]:-nothing} but $ENDPOINT does not answer within 60 s; see $D/log (nothing was deleted)"; return 1; }
    log "restarted ${restarted[*]:-nothing} in $((SECONDS - started)) s; up on $ENDPOINT (dir $D kept)"
}

cmd_reset() {
    cmd_stop >/dev/null 2>&1 || true
    rm -rf "$D"
    cmd_start
}

cmd_stop() {
    local n pid pids=() i
    for n in "${DAEMONS[@]}"; do
        if pid=$(daemon_pid "$n"); then
            kill "$pid" 2>/dev/null || true
            pids+=("$pid")
        fi
    done
    for i in $(seq 1 50); do
        local alive=0
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ $alive = 0 ] && break
        sleep 0.2
    done
    for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
    if [ ${#pids[@]} -gt 0 ]; then log "stopped (${#pids[@]} daemons)"; else log "not running"; fi
}

case "${1:-}" in
    install) cmd_install ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    reset) cmd_reset ;;
    status) cmd_status ;;
    *) echo "usage: $0 install|start|stop|reset|status" >&2; exit 2 ;;
esac
