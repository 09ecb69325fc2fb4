#!/usr/bin/env bash
# Kills a training run with SIGKILL in the middle of its sampling, runs the same command again,
# and checks that no simulation was lost or repeated and that the proxy equals an uninterrupted
# run's. The simulation program counts its own runs: it appends one line to $NNPROXY_SIM_LOG per
# simulation whose value it delivered.
#
# usage: examples/scripts/resume-check.sh [-n SAMPLES] [-k KILL_AFTER] [-t TRIALS] [-c CONCURRENCY]
#                                         [-b BOUNDS] [-- PROGRAM ARGS...]
# default program: a POSIX shell script (a 4-D bowl computed by awk) written to a temporary folder;
# give your own after --, with its --bounds (-b). Build first:
#   mvn -B -q -pl examples -am package -DskipTests
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/../target/nnproxy.jar"
n=2000 kill_after=700 trials=3 concurrency=2 bounds=""
while getopts "n:k:t:c:b:" opt; do
  case $opt in
    n) n=$OPTARG ;; k) kill_after=$OPTARG ;; t) trials=$OPTARG ;; c) concurrency=$OPTARG ;;
    b) bounds=$OPTARG ;; *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ -f "$jar" ] || { echo "build first: mvn -B -q -pl examples -am package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ $# -gt 0 ]; then
  program=("$@")
else
  cat > "$work/bowl.sh" <<'SIM'
#!/bin/sh
v=$(awk 'BEGIN { s = 0; for (i = 1; i < ARGC; i++) s += (ARGV[i] - 0.3) ^ 2; printf "%.17g", s }' "$@")
printf '%s\n' "$v"
[ -n "$NNPROXY_SIM_LOG" ] && echo "$*" >> "$NNPROXY_SIM_LOG"
exit 0
SIM
  chmod +x "$work/bowl.sh"
  program=("$work/bowl.sh")
  bounds=${bounds:-"-1:1,-1:1,-1:1,-1:1"}
fi
[ -n "$bounds" ] || { echo "give the program's bounds with -b LO:HI,..." >&2; exit 2; }
cmd=$(printf '%q ' "${program[@]}")
lines() { if [ -f "$1" ]; then wc -l < "$1"; else echo 0; fi; }
train() { # store out; always run in a subshell, which java replaces, so that kill reaches it
  exec java -jar "$jar" train --command "$cmd" --bounds "$bounds" --samples "$n" --scheme lhs \
    --trainer quick --seed 1 --concurrency "$concurrency" --store "$1" --out "$2" --quiet
}
echo "program: $cmd; $n samples, killed after about $kill_after simulations, $trials trials"
(NNPROXY_SIM_LOG="$work/reference.log" train "$work/reference.db" "$work/reference.nnproxy") \
  > /dev/null
echo "| trial | simulations before the kill | after the rerun: total | distinct points | repeated | proxy |"
echo "|---|---|---|---|---|---|"
for t in $(seq 1 "$trials"); do
  log="$work/t$t.log" db="$work/t$t.db" out="$work/t$t.nnproxy"
  (NNPROXY_SIM_LOG="$log" train "$db" "$out") > /dev/null &
  pid=$!
  # aim the kill at a different moment of a simulation in every trial
  target=$((kill_after + 37 * t))
  while [ "$(lines "$log")" -lt "$target" ]; do
    kill -0 $pid 2>/dev/null || { echo "the run ended before the kill" >&2; exit 1; }
    sleep 0.0$((RANDOM % 9 + 1))
  done
  kill -9 $pid; wait $pid 2>/dev/null || true
  sleep 1 # orphaned simulations end; they cannot deliver their values
  before=$(lines "$log")
  (NNPROXY_SIM_LOG="$log" train "$db" "$out") > /dev/null
  total=$(wc -l < "$log")
  distinct=$(sort -u "$log" | wc -l)
  same=$(java -cp "$jar" io.github.nnproxy.examples.SameProxy "$work/reference.nnproxy" "$out" \
    | cut -d: -f1 || true)
  echo "| $t | $before | $total | $distinct | $((total - distinct)) | $same |"
done
