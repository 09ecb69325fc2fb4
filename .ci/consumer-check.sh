#!/usr/bin/env bash
# Builds and runs README.md's "Use it from your project" example as a newcomer would: installs
# nnproxy into a throwaway copy of the local Maven repository (never into ~/.m2 itself), writes
# the README's pom.xml and main, exactly as written, into a fresh folder, and runs the README's
# command there. Fails if the build fails or the main does not print both distances.
#   .ci/consumer-check.sh [-o]     extra arguments (e.g. -o, offline) go to every mvn call
# KEEP=1 keeps the throwaway folder. About 1 to 2 minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

work="$(mktemp -d "${TMPDIR:-/tmp}/nnproxy-consumer.XXXXXX")"
cleanup() { if [[ "${KEEP:-}" == 1 ]]; then echo "consumer-check: kept $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT

repo="$work/m2"
user_repo="${HOME}/.m2/repository"
if [[ -d "$user_repo" ]]; then
  cp -r "$user_repo" "$repo"
  rm -rf "$repo/io/github/nnproxy"   # only what this checkout installs
else
  mkdir -p "$repo"
fi

echo "consumer-check: installing nnproxy into $repo"
# the README's install command, with the throwaway repository
mvn -B -q -Dmaven.repo.local="$repo" install -DskipTests "$@"

project="$work/my-project"
python3 .ci/readme-blocks.py README.md files "$project" >/dev/null
echo "consumer-check: building the README's project in $project"
log="$work/run.log"
(cd "$project" && mvn -B -q -Dmaven.repo.local="$repo" compile exec:java "$@") 2>&1 | tee "$log"

fail=0
for who in "Jenetics GA" "jMetal PSO"; do
  if ! grep -q "^$who *on the proxy: .*distance to the true optimum [0-9.]*$" "$log"; then
    echo "consumer-check: FAILED: no distance line for $who" >&2
    fail=1
  fi
done
if grep -q "SLF4J" "$log"; then
  echo "consumer-check: FAILED: SLF4J complained (no provider on the project's classpath?)" >&2
  fail=1
fi
[[ $fail == 0 ]] && echo "consumer-check: OK"
exit $fail
