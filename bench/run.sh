#!/usr/bin/env bash
# Benchmarks `rehab run` on synthetic archives of about 10k, 100k and 1M mentions.
#
# Usage: bench/run.sh [BINARY] [WORKDIR] [SIZES...]
#   BINARY   release binary (default: target/release/rehab)
#   WORKDIR  scratch folder for corpora (default: ${TMPDIR:-/tmp}/rehab-bench)
#   SIZES    target mention counts (default: 10000 100000 1000000)
# Prints two markdown tables. The first: generation time, pipeline wall time and peak RSS (from
# /usr/bin/time -v) of a first run and of a rerun that loads the first run's id registry (the
# nightly case), and the pairwise precision, recall, F1 and B-cubed F1 of the output against the
# truth. The second: the first run's time per stage, from its run.json (`timings_seconds`; the
# three writing steps run at the same time, so the run's wall time holds the longest of them;
# then the CPU time of each writing step's own thread, `emit_cpu`, which a busy machine changes
# less than wall time), beside its wall time and peak RSS. The third: the first run's time per step of linking. The
# fourth: the first run's resident memory at the end of each stage and of the steps of linking
# that hold the most (`memory_mib` of run.json: resident then / peak so far, MiB).
set -euo pipefail

BIN=${1:-target/release/rehab}
WORK=${2:-${TMPDIR:-/tmp}/rehab-bench}
shift $(( $# > 2 ? 2 : $# ))
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 100000 1000000)
# The generator writes about 3.1 mentions per person.
MENTIONS_PER_PERSON_X10=31
SEED=${SEED:-1}

[ -x "$BIN" ] || { echo "no executable binary at $BIN (build with cargo build --release)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is required (GNU time)" >&2; exit 1; }
mkdir -p "$WORK"

# Seconds from GNU time's "h:mm:ss" or "m:ss.cc".
wall_seconds() {
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$1"
}

peak_rss_mb() {
  awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"
}

# The n-th "f1" value of the score JSON (1 = pairwise, 2 = B-cubed).
f1_of() {
  awk -v want="$2" '/"f1"/ { n++; if (n == want) { gsub(/[ ",]/, "", $2); printf "%.4f", $2 } }' FS=':' "$1"
}

# A value of run.json by its path of keys (python3), or `-`.
run_json() {
  python3 - "$@" <<'PY' 2>/dev/null || echo "-"
import json, sys
value = json.load(open(sys.argv[1]))
for key in sys.argv[2:]:
    value = value[key]
print(value)
PY
}

rows=()
stage_rows=()
step_rows=()
memory_rows=()
# Where memory is reported: the stages, and the steps of linking between them.
MEMORY_POINTS="read link_steps.features link_steps.comparing link_steps.scoring link_steps.clustering attach write"
# The steps of linking, as run.json times them (`timings_seconds.link_steps`).
LINK_STEPS="features blocking comparing training scoring clustering reporting"
for size in "${SIZES[@]}"; do
  persons=$(( size * 10 / MENTIONS_PER_PERSON_X10 ))
  dir="$WORK/m$size"
  rm -rf "$dir"
  mkdir -p "$dir"
  /usr/bin/time -v "$BIN" synth --persons "$persons" --seed "$SEED" --output "$dir" \
    > "$dir/synth.log" 2> "$dir/synth.time"
  mentions=$(( $(wc -l < "$dir/truth.csv") - 1 ))
  synth_wall=$(wall_seconds "$dir/synth.time")
  status=ok
  if ! /usr/bin/time -v "$BIN" run --input "$dir/input" --output "$dir/output" --max-reject-ratio 1 \
      > "$dir/run.log" 2> "$dir/run.time"; then
    status="failed (see $dir/run.log, $dir/run.time)"
  fi
  cp "$dir/output/run.json" "$dir/run.json" 2>/dev/null || true
  run_wall=$(wall_seconds "$dir/run.time")
  run_rss=$(peak_rss_mb "$dir/run.time")
  # The nightly case: the same input again, with the previous run's id registry to load.
  if ! /usr/bin/time -v "$BIN" run --input "$dir/input" --output "$dir/output" --max-reject-ratio 1 \
      > "$dir/rerun.log" 2> "$dir/rerun.time"; then
    status="rerun failed (see $dir/rerun.log, $dir/rerun.time)"
  fi
  rerun_wall=$(wall_seconds "$dir/rerun.time")
  rerun_rss=$(peak_rss_mb "$dir/rerun.time")
  pair_p="-"; pair_r="-"; pair_f1="-"; b3_f1="-"
  if [ -f "$dir/output/mentions.csv" ] && \
     "$BIN" score --truth "$dir/truth.csv" --mentions "$dir/output/mentions.csv" --json \
       > "$dir/score.json" 2> "$dir/score.log"; then
    pair_p=$(printf '%.4f' "$(run_json "$dir/score.json" pairwise precision)")
    pair_r=$(printf '%.4f' "$(run_json "$dir/score.json" pairwise recall)")
    pair_f1=$(f1_of "$dir/score.json" 1)
    b3_f1=$(f1_of "$dir/score.json" 2)
  fi
  stages=""
  for stage in ingest normalize link attach "emit csv" "emit sqlite" "emit report" \
    "emit_cpu csv" "emit_cpu sqlite" "emit_cpu report"; do
    # shellcheck disable=SC2086 # the stage is a path of keys
    stages+=" $(run_json "$dir/run.json" timings_seconds $stage) |"
  done
  stage_rows+=("| $mentions |$stages ${run_wall:--} | ${run_rss:--} |")
  steps=""
  for step in $LINK_STEPS; do
    steps+=" $(run_json "$dir/run.json" timings_seconds link_steps "$step") |"
  done
  step_rows+=("| $mentions |$steps $(run_json "$dir/run.json" timings_seconds link) |")
  memory=""
  for point in $MEMORY_POINTS; do
    # shellcheck disable=SC2086 # the point is a path of keys
    keys=$(echo "$point" | tr '.' ' ')
    # shellcheck disable=SC2086
    memory+=" $(run_json "$dir/run.json" memory_mib $keys resident) / $(run_json "$dir/run.json" memory_mib $keys peak) |"
  done
  memory_rows+=("| $mentions |$memory ${run_rss:--} |")
  pairs=$(run_json "$dir/output/run.json" linkage compared_pairs)
  link_s=$(run_json "$dir/output/run.json" timings_seconds link)
  rows+=("| $size | $persons | $mentions | $synth_wall | ${run_wall:--} | ${run_rss:--} | ${rerun_wall:--} | ${rerun_rss:--} | $pairs | $link_s | $pair_p | $pair_r | $pair_f1 | $b3_f1 | $status |")
  echo "done: $size mentions" >&2
done

echo "| target mentions | persons | mentions | synth wall (s) | run wall (s) | run peak RSS (MiB) | rerun wall (s) | rerun peak RSS (MiB) | pairs compared | link (s) | pairwise P | pairwise R | pairwise F1 | B-cubed F1 | status |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "| mentions | ingest (s) | normalize (s) | link (s) | attach (s) | write CSV (s) | write SQLite (s) | write reports (s) | CSV thread CPU (s) | SQLite thread CPU (s) | reports thread CPU (s) | run wall (s) | run peak RSS (MiB) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${stage_rows[@]}"
echo
echo "| mentions | $(echo $LINK_STEPS | sed 's/ / (s) | /g') (s) | link (s) |"
echo "|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${step_rows[@]}"
echo
echo "| mentions | $(echo $MEMORY_POINTS | sed 's/link_steps\.//g; s/ / | /g') | run peak RSS (MiB) |"
echo "|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${memory_rows[@]}"
