#!/usr/bin/env bash
# Measures how much linkage depends on the header wordings: generates the same synthetic archive
# twice (same persons, rows and values), once under each source's usual headers and once under the
# second set (`rehab synth --headers second`: abbreviations, other wordings, two-row headers, title
# lines), runs `rehab run` on each, scores each against the truth, and prints per set: mentions,
# rejects, rows read per source, pairwise precision, recall and F1, and the F1 difference.
#
# Usage: bench/layouts.sh [BINARY] [WORKDIR]
#   BINARY   release binary (default: target/release/rehab)
#   WORKDIR  scratch folder (default: ${TMPDIR:-/tmp}/rehab-layouts)
# Environment: PERSONS (default 3000), SEED (default 5150).
#
# `rehab score` scores only the mentions that are both in the output and in the truth; a source
# that is not read leaves its rows out and the score says nothing about them. So beside the score
# of the mentions read, the table gives the pairwise recall and F1 over the whole truth: the
# correct pairs found divided by all true pairs of the archive (rows not read count as missed).
set -euo pipefail

BIN=${1:-target/release/rehab}
WORK=${2:-${TMPDIR:-/tmp}/rehab-layouts}
PERSONS=${PERSONS:-3000}
SEED=${SEED:-5150}

[ -x "$BIN" ] || { echo "no executable binary at $BIN (build with cargo build --release)" >&2; exit 1; }
command -v python3 > /dev/null || { echo "python3 is required to read run.json" >&2; exit 1; }
mkdir -p "$WORK"

# Prints the per-set summary line and per-source lines of one scored run (python3 reads the JSON).
summarise() {
  python3 - "$@" <<'PY'
import csv, json, sys
from collections import Counter

label, truth_path, run_path, score_path, status = sys.argv[1:6]
persons = Counter(row["person"] for row in csv.DictReader(open(truth_path, encoding="utf-8")))
truth_rows = sum(persons.values())
truth_pairs = sum(n * (n - 1) // 2 for n in persons.values())
run = json.load(open(run_path, encoding="utf-8")) if run_path != "-" else {}
score = json.load(open(score_path, encoding="utf-8")) if score_path != "-" else {}
totals = run.get("totals", {})

def fmt(x):
    return "-" if x is None else f"{x:.4f}"

# With nothing scored, `rehab score` reports 1.0 for everything: say nothing instead.
pairwise = score.get("pairwise", {}) if score.get("scored") else {}
correct = score.get("correct_pairs")
predicted = score.get("predicted_pairs")
precision = correct / predicted if predicted else None
recall_all = correct / truth_pairs if correct is not None and truth_pairs else None
f1_all = (2 * precision * recall_all / (precision + recall_all)
          if precision and recall_all else (0.0 if correct is not None else None))
rejects = run.get("rejects_by_reason", {})
reasons = ", ".join(f"{k} {v}" for k, v in sorted(rejects.items())) or "-"
print(f"SET|{label}|{truth_rows}|{totals.get('mentions', '-')}|{totals.get('rejects', '-')}|"
      f"{reasons}|{score.get('scored', '-')}|{fmt(pairwise.get('precision'))}|"
      f"{fmt(pairwise.get('recall'))}|{fmt(pairwise.get('f1'))}|{fmt(recall_all)}|{fmt(f1_all)}|"
      f"{status}")
for source in run.get("sources", []):
    detected = source.get("detected") or {}
    fields = [c["field"] for c in detected.get("columns", [])]
    read = f"{source.get('rows', 0)} rows, header row {detected.get('header_row', '-')}, " \
           f"{len(fields)} columns: {' '.join(fields) or '-'}"
    if source.get("error"):
        read = "not read: " + source["error"].split(": ", 1)[-1]
    print(f"SRC|{label}|{source['name']}|{source.get('rows', 0)}|{source.get('accepted', 0)}|"
          f"{source.get('rejected', 0)}|{read}")
PY
}

# A markdown table row of `|`-separated cells.
table_row() {
  echo "| $1 |" | sed 's/|/ | /g; s/  */ /g; s/^ //; s/ $//'
}

lines=()
for set in usual second; do
  dir="$WORK/$set"
  rm -rf "$dir"
  mkdir -p "$dir"
  "$BIN" synth --persons "$PERSONS" --seed "$SEED" --headers "$set" --output "$dir" > "$dir/synth.log"
  status=ok
  run_json="$dir/output/run.json"
  if ! "$BIN" run --input "$dir/input" --output "$dir/output" --max-reject-ratio 1 \
      > "$dir/run.log" 2>&1; then
    status="run failed (see $dir/run.log)"
  fi
  [ -f "$run_json" ] || run_json="-"
  score_json="-"
  if [ -f "$dir/output/mentions.csv" ] && "$BIN" score --truth "$dir/truth.csv" \
      --mentions "$dir/output/mentions.csv" --json > "$dir/score.json" 2> "$dir/score.log"; then
    score_json="$dir/score.json"
  else
    status="$status; score failed (see $dir/score.log)"
  fi
  while IFS= read -r line; do lines+=("$line"); done \
    < <(summarise "$set" "$dir/truth.csv" "$run_json" "$score_json" "$status")
done

echo "Synthetic archive: $PERSONS persons, seed $SEED (files and logs in $WORK/{usual,second})"
echo
echo "| headers | truth rows | mentions | rejects | rejects by reason | scored | P (scored) | R (scored) | F1 (scored) | R (whole truth) | F1 (whole truth) | status |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for line in "${lines[@]}"; do
  if [[ $line == SET\|* ]]; then table_row "${line#SET|}"; fi
done
echo
echo "| headers | source | rows | mentions | rejects | read |"
echo "|---|---|---|---|---|---|"
for line in "${lines[@]}"; do
  if [[ $line == SRC\|* ]]; then table_row "${line#SRC|}"; fi
done
echo
f1() { printf '%s\n' "${lines[@]}" | awk -F'|' -v set="$1" -v col="$2" '$1 == "SET" && $2 == set { print $col }'; }
for pair in "scored:10" "whole truth:12"; do
  name=${pair%:*}; col=${pair#*:}
  a=$(f1 usual "$col"); b=$(f1 second "$col")
  if [[ $a == - || $b == - ]]; then
    echo "F1 ($name), second minus usual: -"
  else
    awk -v a="$a" -v b="$b" -v n="$name" 'BEGIN { printf "F1 (%s), second minus usual: %+.4f\n", n, b - a }'
  fi
done
