#!/usr/bin/env bash
# Builds and tests the Jenetics adapter against Jenetics 8.3.0 (profile jenetics8).
# Jenetics 8 is Java 21 bytecode, so this needs a JDK 21+; it looks for one under /usr/lib/jvm
# (or under $JVM_ROOT, or uses $JENETICS8_JAVA_HOME if set) and skips, with exit code 0, when
# there is none.
set -euo pipefail
cd "$(dirname "$0")/.."

java_major() { # prints the feature version of the JDK at $1, or nothing
  local release="$1/release"
  [[ -f "$release" ]] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

jdk=""
if [[ -n "${JENETICS8_JAVA_HOME:-}" ]]; then
  jdk="$JENETICS8_JAVA_HOME"
else
  best=0
  for candidate in "${JVM_ROOT:-/usr/lib/jvm}"/*; do
    [[ -x "$candidate/bin/javac" ]] || continue
    major="$(java_major "$candidate")"
    if [[ -n "$major" && "$major" -ge 21 && "$major" -gt "$best" ]]; then
      best="$major"
      jdk="$candidate"
    fi
  done
fi

if [[ -z "$jdk" ]]; then
  echo "jenetics8: skipped: no JDK 21+ under ${JVM_ROOT:-/usr/lib/jvm} (Jenetics 8 needs Java 21)"
  exit 0
fi

echo "jenetics8: building jenetics-proxy against Jenetics 8.3.0 with $jdk"
JAVA_HOME="$jdk" mvn -B -P jenetics8 -pl jenetics-proxy -am verify "$@"
echo "jenetics8: OK"
