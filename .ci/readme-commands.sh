#!/usr/bin/env bash
# Runs README.md's command lines as a newcomer would: every fenced ```bash block, in order and
# exactly as written, in a fresh copy of this checkout (its tracked and unignored files, nothing
# built), stopping at the first command that fails. Blocks preceded by <!-- ci: skip ... --> are
# left out (long runs, mvn install, the tests themselves); --all runs them too.
#   .ci/readme-commands.sh [--all]      KEEP=1 keeps the copy. About 3 minutes without --all.
# Uses the local Maven repository as it is (the README's commands install nothing into it).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

work="$(mktemp -d "${TMPDIR:-/tmp}/nnproxy-readme.XXXXXX")"
cleanup() { if [[ "${KEEP:-}" == 1 ]]; then echo "readme-commands: kept $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT

git ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' f; do [[ -e "$f" ]] && printf '%s\0' "$f"; done \
  | tar --null -T - -cf - | tar -xf - -C "$work"

script="$work/readme-commands.bash"
python3 .ci/readme-blocks.py README.md commands "$@" > "$script"
echo "readme-commands: running $(grep -c . "$script") command lines of README.md in $work"
# bash takes no PS4 from the environment when run as root: the script sets it, first
sed -i '1i PS4='"'"'+ [${SECONDS}s] '"'"'' "$script"
cd "$work"
start=$SECONDS
# -x prints each command as it runs, after the seconds so far; -e stops at the first failure
bash -euxo pipefail "$script"
echo "readme-commands: OK ($((SECONDS - start)) s)"
