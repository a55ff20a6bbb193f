#!/usr/bin/env bash
# Builds the action's image from actions/Dockerfile (repository root as context) and tags it mlopsci-action:<version>
# and ghcr.io/mlopsci/mlopsci-action:<version> (<Version> of src/MlopsCi.Cli). Run by ./build.sh Docker and Test.
#
# Engine: DOCKER_HOST when it answers, else our own (scripts/docker-engine.sh start; stopped by test-services.sh stop).
# Bases (MLOPS_DOCKER_BASES=auto|real|stand-in, default auto):
#   real      FROM mcr.microsoft.com/dotnet/sdk:10.0 and runtime:10.0 as pulled; the program is published inside the
#             SDK image (APP_SOURCE=sdk). The published image is always built this way.
#   stand-in  where no registry is reachable: a local runtime:10.0 made from Debian bookworm (debootstrap minbase plus
#             the host SDK's own .NET runtime), and the program published on the host with the Dockerfile's own
#             `dotnet publish` line (APP_SOURCE=host), since restoring inside a container fails on the TLS proxy's
#             certificate. A test aid: the image says so in its label org.mlopsci.bases.
#   auto      real when runtime:10.0 is present or can be pulled, else stand-in.
# The stand-in base is cached in the engine's data root and as artifacts/docker/runtime-standin-<version>.tar, so only
# the first build runs debootstrap (a few minutes). Prints the image's size; the last line is the tag.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HERE="$ROOT/scripts"
OUT="$ROOT/artifacts/docker"
STANDIN=mcr.microsoft.com/dotnet/aspnet:10.0
VERSION=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$ROOT/src/MlopsCi.Cli/MlopsCi.Cli.csproj" | head -1)
[[ -n "$VERSION" ]] || { echo "docker-image: no <Version> in src/MlopsCi.Cli/MlopsCi.Cli.csproj" >&2; exit 2; }
if [[ -x /usr/bin/docker ]]; then DOCKER=/usr/bin/docker; else DOCKER=docker; fi
started=$SECONDS

say() { echo "docker-image: $*"; }

if [[ -z "${DOCKER_HOST:-}" ]] || ! "$DOCKER" version --format '{{.Server.Version}}' >/dev/null 2>&1; then
    "$HERE/docker-engine.sh" start
    DOCKER_HOST=$("$HERE/docker-engine.sh" host)
    export DOCKER_HOST
fi
say "engine $DOCKER_HOST (server $("$DOCKER" version --format '{{.Server.Version}}'))"

standin_label() { "$DOCKER" image inspect --format '{{index .Config.Labels "org.mlopsci.stand-in"}}' "$STANDIN" 2>/dev/null || true; }

bases="${MLOPS_DOCKER_BASES:-auto}"
if [[ "$bases" == auto ]]; then
    if "$DOCKER" image inspect "$STANDIN" >/dev/null 2>&1; then
        if [[ -n "$(standin_label)" ]]; then bases=stand-in; else bases=real; fi
    elif timeout 60 "$DOCKER" pull -q "$STANDIN" >/dev/null 2>&1; then
        bases=real
    else
        bases=stand-in
        say "cannot pull $STANDIN (no registry reachable): using locally made STAND-IN base images, a test aid only;"
        say "the published image is built from the real bases (MLOPS_DOCKER_BASES=real, see docs/action.md)"
    fi
fi

make_standin() {
    local dotnet_root runtime tarball mirror rootfs
    dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
    runtime=$(ls "$dotnet_root/shared/Microsoft.NETCore.App" | grep '^10\.' | sort -V | tail -1)
    [[ -n "$runtime" ]] || { echo "docker-image: no .NET 10 runtime under $dotnet_root/shared/Microsoft.NETCore.App" >&2; exit 1; }
    if [[ "$(standin_label)" == "$runtime" ]]; then say "stand-in $STANDIN (.NET $runtime) cached in the engine"; return; fi
    tarball="$OUT/runtime-standin-$runtime.tar"
    if [[ ! -f "$tarball" ]]; then
        "$HERE/docker-engine.sh" install
        # The mirror apt uses here (a snapshot or a local mirror may be all that is reachable).
        mirror=${MLOPS_DEBIAN_MIRROR:-$(grep -rhE '^[[:space:]]*(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null | grep -oE 'https?://[^ ]+/debian/?( |$)' | head -1 | tr -d ' ' || true)}
        mirror=${mirror:-http://deb.debian.org/debian}
        rootfs="${MLOPS_DOCKER_DIR:-/tmp/mlops-docker}/standin-rootfs"
        rm -rf "$rootfs"
        say "debootstrap bookworm from $mirror (the first build only; a few minutes)"
        local t=$SECONDS
        # What mcr.microsoft.com/dotnet/aspnet:10.0 (Debian 12) holds besides .NET; not libgomp1, so the Dockerfile's
        # own apt-get install of it runs here as it does on the real base.
        debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3 bookworm "$rootfs" "$mirror" \
            >"$OUT/debootstrap.log" 2>&1 || { tail -n 20 "$OUT/debootstrap.log" >&2; exit 1; }
        mkdir -p "$rootfs/usr/share/dotnet/shared"
        cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$rootfs/usr/share/dotnet/"
        mkdir -p "$rootfs/usr/share/dotnet/shared/Microsoft.NETCore.App"
        cp -a "$dotnet_root/shared/Microsoft.NETCore.App/$runtime" "$rootfs/usr/share/dotnet/shared/Microsoft.NETCore.App/"
        # mlops ui is built on ASP.NET Core: the aspnet base holds that shared framework too.
        mkdir -p "$rootfs/usr/share/dotnet/shared/Microsoft.AspNetCore.App"
        cp -a "$dotnet_root/shared/Microsoft.AspNetCore.App/$runtime" "$rootfs/usr/share/dotnet/shared/Microsoft.AspNetCore.App/"
        ln -sfn /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"
        rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
        tar -C "$rootfs" -c . >"$tarball.tmp" && mv "$tarball.tmp" "$tarball"
        rm -rf "$rootfs"
        say "stand-in root file system in $((SECONDS - t)) s: $tarball"
    fi
    "$DOCKER" import \
        --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
        --change "ENV DOTNET_RUNNING_IN_CONTAINER=true" --change "ENV DOTNET_VERSION=$runtime" \
        --change "LABEL org.mlopsci.stand-in=$runtime" \
        "$tarball" "$STANDIN" >/dev/null
    say "stand-in $STANDIN imported (Debian bookworm minbase + .NET $runtime from $dotnet_root)"
}

publish_on_host() {
    local src="$OUT/source" line t=$SECONDS
    line=$(grep -m1 '^RUN dotnet publish ' "$ROOT/actions/Dockerfile") || { echo "docker-image: no 'RUN dotnet publish' line in actions/Dockerfile" >&2; exit 1; }
    read -r -a args <<<"${line#RUN }"
    for i in "${!args[@]}"; do [[ "${args[$i]}" == /app ]] && args[$i]="$OUT/app"; done
    # The build stage's context (its COPY lines under .dockerignore): root build files and src/ without outputs.
    rm -rf "$src" "$OUT/app"
    mkdir -p "$src"
    tar -C "$ROOT" --exclude=bin --exclude=obj --exclude=.mlops --exclude=TestResults \
        -c global.json Directory.Build.props Directory.Packages.props .editorconfig src | tar -C "$src" -x
    say "publishing on the host: ${args[*]}"
    (cd "$src" && DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1 \
        "${args[@]}" -nologo -v:q >"$OUT/publish.log" 2>&1) || { tail -n 30 "$OUT/publish.log" >&2; exit 1; }
    rm -rf "$src"
    say "published in $((SECONDS - t)) s ($(du -sm "$OUT/app" | cut -f1) MB)"
}

mkdir -p "$OUT"
case "$bases" in
    real) app_source=sdk ;;
    stand-in) make_standin; publish_on_host; app_source=host ;;
    *) echo "docker-image: MLOPS_DOCKER_BASES must be auto, real or stand-in, not '$bases'" >&2; exit 2 ;;
esac

t=$SECONDS
DOCKER_BUILDKIT=1 "$DOCKER" build --network host -f "$ROOT/actions/Dockerfile" --build-arg "APP_SOURCE=$app_source" \
    --label "org.mlopsci.bases=$bases" --label "org.opencontainers.image.version=$VERSION" \
    -t "mlopsci-action:$VERSION" -t "ghcr.io/mlopsci/mlopsci-action:$VERSION" "$ROOT" >"$OUT/build.log" 2>&1 \
    || { tail -n 40 "$OUT/build.log" >&2; exit 1; }
size=$("$DOCKER" image inspect --format '{{.Size}}' "mlopsci-action:$VERSION")
base_size=$("$DOCKER" image inspect --format '{{.Size}}' "$STANDIN" 2>/dev/null || echo 0)
say "docker build in $((SECONDS - t)) s; total $((SECONDS - started)) s"
say "image mlopsci-action:$VERSION = ghcr.io/mlopsci/mlopsci-action:$VERSION ($bases bases): $((size / 1000000)) MB, of which the runtime base $((base_size / 1000000)) MB"
echo "mlopsci-action:$VERSION"
