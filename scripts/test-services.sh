#!/usr/bin/env bash
# Starts or stops every service the test suites need: Ceph RGW (S3) on 127.0.0.1:7480 for
# tests/MlopsCi.S3.Tests (and any test that sets MLOPS_TEST_S3_ENDPOINT); a Docker engine for the action's container
# tests (tests/MlopsCi.Action.Tests), unless DOCKER_HOST names one that answers.
#
#   scripts/test-services.sh start   install missing Debian packages, start, wait until ready and warmed up (idempotent)
#   scripts/test-services.sh stop    stop the server, but only if `start` started it: a server that was already
#                                    running (someone else's, or a developer's) is left alone
#
# The tests read MLOPS_TEST_S3_ENDPOINT (default http://127.0.0.1:7480) and AWS_ACCESS_KEY_ID /
# AWS_SECRET_ACCESS_KEY (default TESTAK / TESTSECRET).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MARKER="${MLOPS_CEPH_DIR:-/tmp/mlops-ceph}.started-by-test-services"
DOCKER_MARKER="${MLOPS_DOCKER_DIR:-/tmp/mlops-docker}.started-by-test-services"

docker_given() { [[ -n "${DOCKER_HOST:-}" ]] && docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

case "${1:-}" in
    start)
        if "$HERE/ceph-rgw.sh" status >/dev/null 2>&1; then
            echo "test-services: Ceph RGW already running; it will be left running afterwards"
        else
            "$HERE/ceph-rgw.sh" start
            touch "$MARKER"
        fi
        # --- Docker engine (owner: the action's container tests) ---
        if docker_given; then
            echo "test-services: using the Docker engine at DOCKER_HOST=$DOCKER_HOST"
        elif "$HERE/docker-engine.sh" status; then
            echo "test-services: Docker engine already running; it will be left running afterwards"
        else
            "$HERE/docker-engine.sh" start
            touch "$DOCKER_MARKER"
        fi
        ;;
    stop)
        if [[ -f "$MARKER" ]]; then
            "$HERE/ceph-rgw.sh" stop
            rm -f "$MARKER"
        else
            echo "test-services: Ceph RGW was not started by test-services start; leaving it running"
        fi
        if [[ -f "$DOCKER_MARKER" ]]; then
            "$HERE/docker-engine.sh" stop
            rm -f "$DOCKER_MARKER"
        else
            echo "test-services: the Docker engine was not started by test-services start; leaving it running"
        fi
        ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
