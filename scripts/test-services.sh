#!/usr/bin/env bash
# Starts or stops every service the test suites need. Today: Ceph RGW (S3) on 127.0.0.1:7480 for
# tests/MlopsCi.S3.Tests (and any test that sets MLOPS_TEST_S3_ENDPOINT).
#
#   scripts/test-services.sh start   install missing Debian packages, start, wait until ready and warmed up (idempotent)
#   scripts/test-services.sh stop    stop what `start` started
#
# The tests read MLOPS_TEST_S3_ENDPOINT (default http://127.0.0.1:7480) and AWS_ACCESS_KEY_ID /
# AWS_SECRET_ACCESS_KEY (default TESTAK / TESTSECRET).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

case "${1:-}" in
    start) "$HERE/ceph-rgw.sh" start ;;
    stop) "$HERE/ceph-rgw.sh" stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
