#!/usr/bin/env bash
# Measures the note reader and the linkage on a synthetic archive with a memory book.
#
# Usage: bench/notes.sh BINARY OUTDIR [SEED] [PERSONS]
#   BINARY   release binary (e.g. target/release/rehab)
#   OUTDIR   scratch folder (archive, outputs, logs)
#   SEED     generator seed (default 9091)
#   PERSONS  persons generated (default 3000)
# Generates `rehab synth --memory-book`, gives the memory book's notes one per line to
# `rehab normalize note`, scores what it reads per kind against notes_truth.csv
# (bench/notes_score.py), scores the notes written by hand in bench/notes_genre the same way,
# then runs `rehab run` + `rehab score` on the whole archive with and
# without the memory-book file and prints pairwise precision, recall and F1 of both.
set -euo pipefail

BIN=${1:?usage: bench/notes.sh BINARY OUTDIR [SEED] [PERSONS]}
WORK=${2:?usage: bench/notes.sh BINARY OUTDIR [SEED] [PERSONS]}
SEED=${3:-9091}
PERSONS=${4:-3000}
HERE=$(cd "$(dirname "$0")" && pwd)
BOOK=kniga_pamyati_spravki.csv

[ -x "$BIN" ] || { echo "no executable binary at $BIN (build with cargo build --release)" >&2; exit 1; }
command -v python3 > /dev/null || { echo "python3 is required" >&2; exit 1; }
rm -rf "$WORK"
mkdir -p "$WORK"
"$BIN" synth --persons "$PERSONS" --seed "$SEED" --memory-book --output "$WORK/archive" \
  > "$WORK/synth.log"
echo "Synthetic archive: $PERSONS persons, seed $SEED, memory book of" \
  "$(grep "^$BOOK" "$WORK/synth.log" | cut -f2) rows (files and logs in $WORK)"
echo

# The notes, one per line, and their record ids in the same order.
python3 - "$WORK/archive/input/$BOOK" "$WORK/notes.txt" "$WORK/note_ids.txt" <<'PY'
import csv, sys
book, notes, ids = sys.argv[1:4]
with open(book, encoding="utf-8", newline="") as f, \
        open(notes, "w", encoding="utf-8") as out, open(ids, "w", encoding="utf-8") as idf:
    reader = csv.reader(f)
    next(reader)
    for row in reader:
        out.write(" ".join(row[2].split()) + "\n")
        idf.write(row[0] + "\n")
PY

echo "## Note reader"
echo
if "$BIN" normalize note --help > /dev/null 2>&1; then
  if "$BIN" normalize note < "$WORK/notes.txt" > "$WORK/notes_read.csv" 2> "$WORK/note.log"; then
    python3 "$HERE/notes_score.py" "$WORK/archive/notes_truth.csv" "$WORK/note_ids.txt" \
      "$WORK/notes_read.csv"
  else
    echo "rehab normalize note failed (see $WORK/note.log)"
  fi
else
  echo "NOT MEASURED: this binary has no \`normalize note\` command (the note reader is not built in)."
fi
echo

# Notes of the genre written by hand in the published forms (bench/notes_genre/README.md).
score_written() {
  local label=$1 notes=$2 truth=$3 stem=$4
  python3 - "$notes" "$WORK/$stem.txt" "$WORK/${stem}_ids.txt" <<'PY2'
import csv, sys
notes, out, ids = sys.argv[1:4]
with open(notes, encoding="utf-8", newline="") as f, open(out, "w", encoding="utf-8") as o, \
        open(ids, "w", encoding="utf-8") as i:
    for row in csv.DictReader(f):
        o.write(" ".join(row["note"].split()) + "\n")
        i.write(row["record_id"] + "\n")
PY2
  echo "### $label"
  echo
  if "$BIN" normalize note < "$WORK/$stem.txt" > "$WORK/${stem}_read.csv" 2>> "$WORK/note.log"; then
    python3 "$HERE/notes_score.py" "$truth" "$WORK/${stem}_ids.txt" "$WORK/${stem}_read.csv"
  else
    echo "rehab normalize note failed (see $WORK/note.log)"
  fi
  echo
}
if "$BIN" normalize note --help > /dev/null 2>&1; then
  echo "## Notes written by hand in the genre's published forms"
  echo
  score_written "Set A (20 notes)" "$HERE/notes_genre/notes.csv" "$HERE/notes_genre/truth.csv" genre_a
  score_written "Set B (15 notes)" "$HERE/notes_genre/unseen_notes.csv" \
    "$HERE/notes_genre/unseen_truth.csv" genre_b
fi

# The whole archive, and the same archive without the memory book.
mkdir -p "$WORK/plain/input"
for f in "$WORK"/archive/input/*; do
  [ "$(basename "$f")" = "$BOOK" ] || ln -s "$f" "$WORK/plain/input/"
done
link_row() {
  local label=$1 input=$2 out=$3
  if ! "$BIN" run --input "$input" --output "$out" --max-reject-ratio 1 > "$out.log" 2>&1; then
    echo "| $label | run failed (see $out.log) | | | | | | | |"
    return
  fi
  "$BIN" score --truth "$WORK/archive/truth.csv" --mentions "$out/mentions.csv" --json \
    > "$out.score.json" 2> "$out.score.log"
  python3 - "$label" "$out.score.json" "$out/run.json" "$BOOK" "$WORK/archive/truth.csv" <<'PY'
import json, sys
import csv
from collections import Counter
label, score_path, run_path, book, truth_path = sys.argv[1:6]
persons = Counter(r["person"] for r in csv.DictReader(open(truth_path, encoding="utf-8")))
true_pairs = sum(n * (n - 1) // 2 for n in persons.values())
score = json.load(open(score_path, encoding="utf-8"))
run = json.load(open(run_path, encoding="utf-8"))
pw = score.get("pairwise", {})
bc = score.get("bcubed", {})
read = "-"
for source in run.get("sources", []):
    if source.get("name") == book:
        cols = (source.get("detected") or {}).get("columns", [])
        read = " ".join(c.get("field") or "(none)" for c in cols) or "-"
        if source.get("error"):
            read = "not read: " + source["error"]
def f(x):
    return "-" if x is None else f"{x:.4f}"
whole = score.get("correct_pairs", 0) / true_pairs if true_pairs else None
print(f"| {label} | {run.get('totals', {}).get('mentions', '-')} | {score.get('scored', '-')} | "
      f"{f(pw.get('precision'))} | {f(pw.get('recall'))} | {f(pw.get('f1'))} | {f(bc.get('f1'))} | "
      f"{f(whole)} | {read} |")
PY
}
echo "## Linkage"
echo
echo "| archive | mentions | scored | pairwise P | pairwise R | pairwise F1 | B-cubed F1 | R (whole truth) | memory book columns |"
echo "|---|---|---|---|---|---|---|---|---|"
link_row "with memory book" "$WORK/archive/input" "$WORK/with"
link_row "without memory book" "$WORK/plain/input" "$WORK/without"
