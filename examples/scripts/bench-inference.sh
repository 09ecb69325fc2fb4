#!/usr/bin/env bash
# Interleaved inference benchmark: the seed's PyTorch peer and nnproxy, in turn, on one core.
#
#   examples/scripts/bench-inference.sh PEER_SCRIPT [options]
#
# PEER_SCRIPT is the peer's inference script (infer_peer.py: the seed's Ackley network in PyTorch,
# one thread, float64), run with Debian's python3 and its python3-torch package. For every round
# and activation the peer and nnproxy's InferenceThroughput run back to back, pinned to the same
# core, the order swapped every round; nnproxy runs once per kernel: the portable one (a plain
# `java`) and the vector one (`java --add-modules jdk.incubator.vector`). The machine must be idle
# (1-minute load average at most --max-load) before the first round, and the load after the last
# one is reported. The result is a Markdown table: per activation, dimension and batch size, the
# median evaluations/s of each side and the median ratio to the peer with its range over the rounds.
#
# Options:
#   --rounds N          rounds (default 3, at least 3)
#   --activations LIST  comma-separated, of relu, silu, tanh (default relu,silu)
#   --kernels LIST      comma-separated, of portable, vector (default portable,vector)
#   --cpu N             the core to pin both to (default 0)
#   --jar FILE          nnproxy's jar (default examples/target/nnproxy.jar)
#   --python FILE       the peer's interpreter (default /usr/bin/python3)
#   --max-load X        the largest load average that counts as idle (default 0.5)
#   --seconds S         nnproxy's seconds per measurement (default 1.0, as the peer's)
#   --raw FILE          also keep every measured line in FILE
#   --force             measure even if the machine is not idle (the table says so)
#
#   examples/scripts/bench-inference.sh --table RAW_FILE   prints the table of a --raw file again
set -euo pipefail
. "$(dirname "$0")/bench-common.sh"

table() {  # the Markdown table of a raw file: $1
awk "$BENCH_AWK"'
  {
    who = $2; kernel = field("kernel"); if (who == "nnproxy") who = "nnproxy-" (kernel == "" ? "portable" : kernel)
    if (who != "torch") sides[who] = 1
    key = field("activation") SUBSEP field("d") SUBSEP field("batch")
    v[who, key, field("round")] = field("evals_per_s"); keys[key] = 1; rounds[field("round")] = 1
  }
  END {
    ns = 0; if ("nnproxy-portable" in sides) side[++ns] = "nnproxy-portable"
    if ("nnproxy-vector" in sides) side[++ns] = "nnproxy-vector"
    head = "| activation | d | batch | PyTorch, evals/s |"; rule = "|---|---|---|---|"
    for (s = 1; s <= ns; s++) {
      name = side[s] == "nnproxy-vector" ? "vector kernel" : "portable kernel"
      head = head " " name ", evals/s | ratio, median | ratio, range |"; rule = rule "---|---|---|"
    }
    print head; print rule
    n = 0; for (k in keys) order[++n] = k
    for (i = 2; i <= n; i++) for (j = i; j > 1; j--) {
      split(order[j - 1], x, SUBSEP); split(order[j], y, SUBSEP)
      if (x[1] > y[1] || (x[1] == y[1] && (x[2] + 0 > y[2] + 0 || (x[2] == y[2] && x[3] + 0 > y[3] + 0)))) {
        t = order[j]; order[j] = order[j - 1]; order[j - 1] = t
      } else break
    }
    for (i = 1; i <= n; i++) {
      k = order[i]; split(k, p, SUBSEP); tl = ""
      for (r in rounds) if (("torch", k, r) in v) tl = tl " " v["torch", k, r]
      if (tl == "") continue
      line = sprintf("| %s | %d | %d | %.0f |", p[1], p[2], p[3], median(tl))
      for (s = 1; s <= ns; s++) {
        nl = ""; rl = ""
        for (r in rounds) if ((("torch", k, r) in v) && ((side[s], k, r) in v)) {
          nl = nl " " v[side[s], k, r]; rl = rl " " v[side[s], k, r] / v["torch", k, r]
        }
        if (rl == "") { line = line " | | |"; continue }
        mn = median(nl); mr = median(rl)
        line = line sprintf(" %.0f | %.2fx | %.2f-%.2fx |", mn, mr, lo, hi)
      }
      print line
    }
  }' "$1"
}

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2; }
[ $# -ge 1 ] || usage
PEER=$1; shift
if [ "$PEER" = --table ]; then table "$1"; exit; fi
[ -f "$PEER" ] || { echo "peer script not found: $PEER" >&2; exit 2; }
ROUNDS=3 ACTS=relu,silu KERNELS=portable,vector CPU=0 JAR=examples/target/nnproxy.jar PY=/usr/bin/python3 MAXLOAD=0.5
SECONDS_PER=1.0 RAW="" FORCE=""
while [ $# -gt 0 ]; do
  case $1 in
    --activations) ACTS=$2; shift 2 ;;
    --kernels) KERNELS=$2; shift 2 ;;
    --seconds) SECONDS_PER=$2; shift 2 ;;
    *) bench_option "$@"
       [ "$BENCH_SHIFT" -gt 0 ] || { echo "unknown option: $1" >&2; usage; }
       shift "$BENCH_SHIFT" ;;
  esac
done
[ "$ROUNDS" -ge 3 ] 2>/dev/null || { echo "--rounds must be at least 3, but was $ROUNDS" >&2; exit 2; }
bench_require "$JAR" "$PY" torch

LOAD_BEFORE=$(bench_require_idle "$MAXLOAD" "$FORCE")
OUT=$(mktemp); trap 'rm -f "$OUT"' EXIT

peer() { taskset -c "$CPU" "$PY" "$PEER" "$1" | sed "s/^/round=$2 /" >> "$OUT"; }
ours() {  # every kernel of --kernels in turn: $1 activation, $2 round
  local kernel flags
  for kernel in ${KERNELS//,/ }; do
    case $kernel in
      portable) flags=() ;;
      vector) flags=(--add-modules jdk.incubator.vector) ;;
      *) echo "unknown kernel: $kernel (portable or vector)" >&2; exit 2 ;;
    esac
    taskset -c "$CPU" java "${flags[@]}" -cp "$JAR" io.github.nnproxy.examples.InferenceThroughput \
      "$1" 2,10 1,10,100,1000 "$SECONDS_PER" 2> >(grep -v '^WARNING: Using incubator modules' >&2) \
      | sed "s/^/round=$2 /" >> "$OUT"
  done
}
for ((r = 1; r <= ROUNDS; r++)); do
  for act in ${ACTS//,/ }; do
    echo "round $r/$ROUNDS, $act" >&2
    if ((r % 2)); then peer "$act" "$r"; ours "$act" "$r"; else ours "$act" "$r"; peer "$act" "$r"; fi
  done
done
LOAD_AFTER=$(bench_load)
[ -z "$RAW" ] || cp "$OUT" "$RAW"

echo "Interleaved, pinned to core $CPU, $ROUNDS rounds; load average $LOAD_BEFORE before, $LOAD_AFTER after" \
  "(one core busy during the run)$( [ -n "$FORCE" ] && echo ', --force: not checked idle')."
echo "$(java -version 2>&1 | head -1); peer: $("$PY" -c 'import torch; print("torch", torch.__version__)')."
echo
table "$OUT"
