#!/usr/bin/env bash
# Calibration of the linker's pair scores against the truth of synthetic archives: for every
# scored pair (`rehab run --scored-pairs`), the score (log2 odds of one person) against the share
# of pairs that truly are one person, per band of scores, at each archive size. A calibrated score
# s means the same probability 2^s / (1 + 2^s) at any size.
#
# Usage: bench/calibration.sh [BINARY] [WORKDIR] [SIZES...]
#   BINARY   release binary (default: target/release/rehab)
#   WORKDIR  scratch folder (default: ${TMPDIR:-/tmp}/rehab-calibration)
#   SIZES    target mention counts (default: 10000 100000)
#   SEED     environment variable, the generator's seed (default 606)
set -euo pipefail

BIN=${1:-target/release/rehab}
WORK=${2:-${TMPDIR:-/tmp}/rehab-calibration}
shift $(( $# > 2 ? 2 : $# ))
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 100000)
SEED=${SEED:-606}
[ -x "$BIN" ] || { echo "no executable binary at $BIN" >&2; exit 1; }
mkdir -p "$WORK"

for size in "${SIZES[@]}"; do
  dir="$WORK/m$size"
  rm -rf "$dir"
  mkdir -p "$dir"
  # The generator writes about 3.1 mentions per person.
  "$BIN" synth --persons $(( size * 10 / 31 )) --seed "$SEED" --output "$dir" > /dev/null 2>&1
  "$BIN" run --input "$dir/input" --output "$dir/out" --scored-pairs "$dir/pairs.csv" > "$dir/run.log" 2>&1
  echo "## $(( $(wc -l < "$dir/truth.csv") - 1 )) mentions (seed $SEED)"
  python3 - "$dir" <<'PY'
import csv, math, sys
d = sys.argv[1]
truth = {f"{r['source']}:{r['record_id']}": r["person"] for r in csv.DictReader(open(f"{d}/truth.csv"))}
bands = {}
for r in csv.DictReader(open(f"{d}/pairs.csv")):
    s = float(r["score"])
    band = max(-4, min(16, 2 * math.floor(s / 2)))
    n, same = bands.get(band, (0, 0))
    bands[band] = (n + 1, same + (truth[r["a"]] == truth[r["b"]]))
print("| score band | pairs | one person (observed) | model 2^s/(1+2^s) at band centre |")
print("|---|---|---|---|")
for band in sorted(bands):
    n, same = bands[band]
    label = f"< -2" if band == -4 else (f">= 16" if band == 16 else f"[{band}, {band + 2})")
    centre = band + 1
    print(f"| {label} | {n} | {same / n:.3f} | {2**centre / (1 + 2**centre):.3f} |")
PY
done
