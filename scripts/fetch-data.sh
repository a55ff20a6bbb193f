#!/usr/bin/env bash
# Gets the real data the training tests, examples and benchmark use: the vega-datasets npm package (pinned), unpacked
# into .data/vega-datasets/ (gitignored), plus small derived CSVs in .data/vega-datasets/derived/.
# Idempotent and offline-friendly: does nothing when the files are already there; `npm pack` uses npm's cache.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
VERSION=3.2.1
DEST="$ROOT/.data/vega-datasets"
DATA="$DEST/package/data"
DERIVED="$DEST/derived"

if [[ -f "$DERIVED/.complete-$VERSION" ]]; then
  echo "vega-datasets $VERSION already in $DEST"
  exit 0
fi

command -v npm >/dev/null || { echo "error: npm is needed to fetch vega-datasets (install Node.js)" >&2; exit 1; }
command -v node >/dev/null || { echo "error: node is needed to convert the JSON datasets" >&2; exit 1; }

if [[ ! -f "$DATA/seattle-weather.csv" ]]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  echo "Fetching vega-datasets@$VERSION with npm pack …"
  (cd "$work" && npm pack --silent "vega-datasets@$VERSION" >/dev/null)
  mkdir -p "$DEST"
  rm -rf "$DEST/package"
  tar -xzf "$work/vega-datasets-$VERSION.tgz" -C "$DEST"
fi

mkdir -p "$DERIVED"
cp "$DATA/seattle-weather.csv" "$DERIVED/seattle-weather.csv"
# JSON arrays of flat objects → CSV with a header (null → empty cell, RFC 4180 quoting).
node - "$DATA" "$DERIVED" <<'JS'
const fs = require('fs');
const path = require('path');
const [dataDir, outDir] = process.argv.slice(2);
const cell = v => {
  if (v === null || v === undefined) return '';
  const s = String(v).replace(/[\r\n]+/g, ' ');
  return /[",]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
};
for (const name of ['penguins', 'cars']) {
  const rows = JSON.parse(fs.readFileSync(path.join(dataDir, name + '.json'), 'utf8'));
  const columns = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const lines = [columns.map(cell).join(',')].concat(rows.map(r => columns.map(c => cell(r[c])).join(',')));
  fs.writeFileSync(path.join(outDir, name + '.csv'), lines.join('\n') + '\n');
  console.log(`${name}.csv: ${rows.length} rows, ${columns.length} columns`);
}
JS
touch "$DERIVED/.complete-$VERSION"
echo "vega-datasets $VERSION ready in $DEST"
