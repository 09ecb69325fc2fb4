# Shared by bench-inference.sh and bench-training.sh (sourced, not run): the checks before an
# interleaved measurement and the awk functions of their tables.

# bench_option "$@": reads one of the options both scripts take (--rounds, --cpu, --jar,
# --python, --max-load, --raw, --force, -h/--help; the last calls the script's usage) into
# ROUNDS, CPU, JAR, PY, MAXLOAD, RAW or FORCE, and sets BENCH_SHIFT to the words it used:
# 0 when $1 is none of them.
bench_option() {
  BENCH_SHIFT=2
  case $1 in
    --rounds) ROUNDS=$2 ;;
    --cpu) CPU=$2 ;;
    --jar) JAR=$2 ;;
    --python) PY=$2 ;;
    --max-load) MAXLOAD=$2 ;;
    --raw) RAW=$2 ;;
    --force) FORCE=1; BENCH_SHIFT=1 ;;
    -h|--help) usage ;;
    *) BENCH_SHIFT=0 ;;
  esac
}

# The 1-minute load average.
bench_load() { cut -d' ' -f1 /proc/loadavg; }

# bench_require JAR PYTHON MODULES...: the jar exists, PYTHON imports every module, taskset is
# there; exits 2 with the fix otherwise.
bench_require() {
  local jar=$1 py=$2; shift 2
  [ -f "$jar" ] || { echo "jar not found: $jar (build it with: mvn -B -q package -DskipTests)" >&2; exit 2; }
  local m packages=""
  for m in "$@"; do packages="$packages python3-$m"; done
  "$py" -c "import $(IFS=,; echo "$*")" 2>/dev/null || {
    echo "$py cannot import $*: apt-get install -y$packages, or pass --python" >&2; exit 2; }
  command -v taskset >/dev/null || { echo "taskset not found (util-linux)" >&2; exit 2; }
}

# bench_require_idle MAXLOAD FORCE: prints the load average; exits 3 when it is above MAXLOAD,
# unless FORCE is not empty.
bench_require_idle() {
  local l; l=$(bench_load)
  if ! awk -v l="$l" -v m="$1" 'BEGIN { exit !(l <= m) }' && [ -z "$2" ]; then
    echo "the machine is not idle: load average $l > $1 (wait, or --force)" >&2
    exit 3
  fi
  echo "$l"
}

# awk functions for the tables: field(name) reads name=value from the current line;
# median(list) of a space-separated list, which also sets lo and hi to its extremes.
BENCH_AWK='
  function field(name,   i, kv) {
    for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) return kv[2] }
    return ""
  }
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    lo = a[1]; hi = a[n]
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
'
