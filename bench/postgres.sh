#!/usr/bin/env bash
# Benchmarks `rehab load` into PostgreSQL on the outputs of a synthetic archive.
#
# Usage: bench/postgres.sh [BINARY] [WORKDIR] [PERSONS] [URL]
#   BINARY   release binary (default: target/release/rehab)
#   WORKDIR  scratch folder (default: ${TMPDIR:-/tmp}/rehab-pg-bench)
#   PERSONS  persons of the archive (default: 322580, about a million mentions)
#   URL      server (default: postgresql://postgres@127.0.0.1:5432/test); the schema
#            `rehab_bench` is dropped first and left in place for inspection
# Steps: synthesise (seed 1), run, rerun on the same input (the nightly case: id_changes.csv
# empties), then change the occupation cell of every N-th row of kniga_pamyati.csv so that about
# 1% of all mentions change, and run again. Loads: the first run into an empty schema, the same
# folder again (nothing may be written), the rerun, and the changed run. Prints one markdown
# row per load: wall time and peak RSS (GNU time) and the rows inserted, updated and deleted
# (from the load's log), with the mentions rows alone for the changed run.
set -euo pipefail

BIN=${1:-target/release/rehab}
WORK=${2:-${TMPDIR:-/tmp}/rehab-pg-bench}
PERSONS=${3:-322580}
URL=${4:-postgresql://postgres@127.0.0.1:5432/test}
SCHEMA=rehab_bench

[ -x "$BIN" ] || { echo "no executable binary at $BIN (build with cargo build --release)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is required (GNU time)" >&2; exit 1; }
rm -rf "$WORK"
mkdir -p "$WORK"
psql "$URL" -q -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" 2>/dev/null

wall_seconds() {
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$1"
}
peak_rss_mb() {
  awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"
}
# "inserted updated deleted" of a table (or `total`) from a load's log.
written() {
  awk -v t="$2" '$1 == t && $3 == "inserted" { print $2, $4, $6 }' "$1"
}

"$BIN" synth --persons "$PERSONS" --seed 1 --output "$WORK/archive" >/dev/null
run() { "$BIN" run --input "$WORK/archive/input" --output "$WORK/out" --max-reject-ratio 1 2>"$WORK/run.log"; }
load() {
  /usr/bin/time -v "$BIN" load --output "$WORK/out" --postgres "$URL" --schema "$SCHEMA" \
    >"$WORK/$1.log" 2>&1
  local mentions total
  mentions=$(python3 -c "import json; print(json.load(open('$WORK/out/run.json'))['totals']['mentions'])")
  total=$(written "$WORK/$1.log" total)
  echo "| $1 | $mentions | $(wall_seconds "$WORK/$1.log") | $(peak_rss_mb "$WORK/$1.log") | ${total// / / } | $(written "$WORK/$1.log" mentions | tr ' ' '/') |"
}

echo "| load | mentions | wall (s) | peak RSS (MiB) | rows inserted / updated / deleted | mentions rows i/u/d |"
echo "|---|---|---|---|---|---|"
run
load first
load unchanged
run
load rerun
python3 - "$WORK/archive/input/kniga_pamyati.csv" "$WORK/out/run.json" <<'PY'
import csv, json, sys
path, run = sys.argv[1], json.load(open(sys.argv[2]))
rows = list(csv.reader(open(path, encoding="utf-8-sig", newline="")))
target = run["totals"]["mentions"] // 100
step = max(1, (len(rows) - 1) // max(1, target))
changed = 0
for i in range(1, len(rows), step):
    row = rows[i]
    while len(row) < 10:
        row.append("")
    row[9] = (row[9] + " (уточн.)").strip()
    changed += 1
with open(path, "w", encoding="utf-8-sig", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows(rows)
print(f"changed rows: {changed} of {run['totals']['mentions']} mentions", file=sys.stderr)
PY
run
load changed
