#!/usr/bin/env bash
# Interleaved training benchmark: the seed's PyTorch pipeline and nnproxy, in turn, on one core.
#
#   examples/scripts/bench-training.sh PEER_SCRIPT [options]
#
# PEER_SCRIPT is the seed's pipeline (seed_pipeline.py), run with Debian's python3 and its
# python3-torch and python3-pyswarms packages as `seed_pipeline.py ackley 2 dense EPOCHS 0`: the
# seed's network for 2-D Ackley trained with Adam (learning rate 1e-3, batch 8) on 10,000 uniform
# points for EPOCHS epochs, no PSO. nnproxy's TrainingThroughput does the same work with the
# seed's settings (SeedRecipes.trainer). For every round the two run back to back, pinned to the
# same core, the order swapped every round; the machine must be idle (1-minute load average at
# most --max-load) before the first round, and the load after the last one is reported. The result
# is a Markdown table: the median seconds per epoch of each side and the median speed-up (peer
# seconds over nnproxy seconds) with its range over the rounds.
#
# Options:
#   --rounds N      rounds (default 3, at least 3)
#   --epochs N      epochs per training (default 20)
#   --cpu N         the core to pin both to (default 0)
#   --jar FILE      nnproxy's jar (default examples/target/nnproxy.jar)
#   --python FILE   the peer's interpreter (default /usr/bin/python3)
#   --max-load X    the largest load average that counts as idle (default 0.5)
#   --raw FILE      also keep every measured line in FILE
#   --force         measure even if the machine is not idle (the table says so)
set -euo pipefail
. "$(dirname "$0")/bench-common.sh"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2; }
[ $# -ge 1 ] || usage
PEER=$1; shift
[ -f "$PEER" ] || { echo "peer script not found: $PEER" >&2; exit 2; }
ROUNDS=3 EPOCHS=20 CPU=0 JAR=examples/target/nnproxy.jar PY=/usr/bin/python3 MAXLOAD=0.5 RAW="" FORCE=""
while [ $# -gt 0 ]; do
  case $1 in
    --epochs) EPOCHS=$2; shift 2 ;;
    *) bench_option "$@"
       [ "$BENCH_SHIFT" -gt 0 ] || { echo "unknown option: $1" >&2; usage; }
       shift "$BENCH_SHIFT" ;;
  esac
done
[ "$ROUNDS" -ge 3 ] 2>/dev/null || { echo "--rounds must be at least 3, but was $ROUNDS" >&2; exit 2; }
[ "$EPOCHS" -ge 1 ] 2>/dev/null || { echo "--epochs must be at least 1, but was $EPOCHS" >&2; exit 2; }
bench_require "$JAR" "$PY" torch pyswarms

LOAD_BEFORE=$(bench_require_idle "$MAXLOAD" "$FORCE")
OUT=$(mktemp); trap 'rm -f "$OUT"' EXIT

# the peer prints NumPy's warning about the mean of no PSO runs: dropped
peer() { taskset -c "$CPU" "$PY" -W ignore "$PEER" ackley 2 dense "$EPOCHS" 0 | sed "s/^/round=$1 /" >> "$OUT"; }
ours() {
  taskset -c "$CPU" java -cp "$JAR" io.github.nnproxy.examples.TrainingThroughput "$EPOCHS" paper \
    | sed "s/^/round=$1 /" >> "$OUT"
}
for ((r = 1; r <= ROUNDS; r++)); do
  echo "round $r/$ROUNDS" >&2
  if ((r % 2)); then peer "$r"; ours "$r"; else ours "$r"; peer "$r"; fi
done
LOAD_AFTER=$(bench_load)
[ -z "$RAW" ] || cp "$OUT" "$RAW"

echo "Interleaved, pinned to core $CPU, $ROUNDS rounds of $EPOCHS epochs; load average $LOAD_BEFORE" \
  "before, $LOAD_AFTER after (one core busy during the run)$( [ -n "$FORCE" ] && echo ', --force: not checked idle')."
echo "$(java -version 2>&1 | head -1); peer: $("$PY" -c 'import torch; print("torch", torch.__version__)')."
echo
awk "$BENCH_AWK"'
  { r = field("round"); who = $2; s[who, r] = field("per_epoch_s"); r2[who, r] = field("test_r2"); rounds[r] = 1 }
  END {
    pl = ""; nl = ""; rl = ""; ql = ""; ml = ""
    for (r in rounds) if ((("peer", r) in s) && (("nnproxy", r) in s)) {
      pl = pl " " s["peer", r]; nl = nl " " s["nnproxy", r]; rl = rl " " s["peer", r] / s["nnproxy", r]
      ql = ql " " r2["peer", r]; ml = ml " " r2["nnproxy", r]
    }
    print "| work | PyTorch, s per epoch | nnproxy, s per epoch | speed-up, median | speed-up, range | validation R2, PyTorch / nnproxy |"
    print "|---|---|---|---|---|---|"
    mp = median(pl); mn = median(nl); mr = median(rl); a = lo; b = hi
    printf "| the seed'"'"'s 2-D Ackley network, 10,000 points, batch 8 | %.3f | %.4f | %.1fx | %.1f-%.1fx | %.4f / %.4f |\n", \
      mp, mn, mr, a, b, median(ql), median(ml)
  }' "$OUT"
