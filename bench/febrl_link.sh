#!/usr/bin/env bash
# Links the FEBRL test data (Christen & Churches; exported by bench/febrl.sh --export) with
# `rehab run` and no configuration, and scores the persons pairwise against the truth the record
# ids imply: `rec-N-org` and `rec-N-dup-K` are one person N. FEBRL 4 is linked as one input
# folder holding both files (A and B), FEBRL 3 as a folder holding its one file.
#
# Usage: bench/febrl_link.sh [BINARY] [WORKDIR]
#   BINARY   release binary (default: target/release/rehab)
#   WORKDIR  scratch folder (default: a new temporary folder, kept and named at the end)
#
# Prints one table row per data set: mentions, persons, true pairs, pairs put in one person,
# pairwise precision, recall and F1, and the run's seconds.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
BIN=${1:-target/release/rehab}
WORK=${2:-$(mktemp -d "${TMPDIR:-/tmp}/rehab-febrl-link.XXXXXX")}
[ -x "$BIN" ] || { echo "no executable binary at $BIN (build with cargo build --release)" >&2; exit 1; }
rm -rf "$WORK/export" "$WORK/febrl4" "$WORK/febrl3"
"$HERE/febrl.sh" --export "$WORK/export"
mkdir -p "$WORK/febrl4/input" "$WORK/febrl3/input"
mv "$WORK/export/febrl4_a.csv" "$WORK/export/febrl4_b.csv" "$WORK/febrl4/input/"
mv "$WORK/export/febrl3.csv" "$WORK/febrl3/input/"

echo "FEBRL linked by rehab run without configuration (files in $WORK)"
echo
echo "| data set | mentions | persons | true pairs | linked pairs | precision | recall | F1 | seconds |"
echo "|---|---|---|---|---|---|---|---|---|"
for set in febrl4 febrl3; do
  start=$(date +%s.%N)
  if ! "$BIN" run --input "$WORK/$set/input" --output "$WORK/$set/output" \
      --max-reject-ratio 1 > "$WORK/$set/run.log" 2>&1; then
    echo "| $set | rehab run failed (see $WORK/$set/run.log) |"
    continue
  fi
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  python3 - "$WORK/$set/output/mentions.csv" "$set" "$seconds" <<'PY'
import csv, sys
from collections import Counter

path, name, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
csv.field_size_limit(1 << 24)
with open(path, encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))

def pairs(counts):
    return sum(n * (n - 1) // 2 for n in counts.values())

truth = Counter(r["record_id"].split("-")[1] for r in rows)
linked = Counter(r["person_id"] for r in rows)
both = Counter((r["person_id"], r["record_id"].split("-")[1]) for r in rows)
true_pairs, linked_pairs, right = pairs(truth), pairs(linked), pairs(both)
precision = right / linked_pairs if linked_pairs else 1.0
recall = right / true_pairs if true_pairs else 1.0
f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
print(f"| {name} | {len(rows)} | {len(linked)} | {true_pairs} | {linked_pairs} | "
      f"{precision:.4f} | {recall:.4f} | {f1:.4f} | {seconds:.1f} |")
PY
done
