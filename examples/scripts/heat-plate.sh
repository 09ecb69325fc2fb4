#!/usr/bin/env bash
# Runs the heat-plate simulation (io.github.nnproxy.examples.physics.HeatPlateProgram) as an
# external program, passing every argument through:
#   examples/scripts/heat-plate.sh [--grid N] X0 Y0 P        one point, value on the last line
#   examples/scripts/heat-plate.sh [--grid N] --batch < rows one value per CSV row of stdin
# Needs the examples jar: mvn -o -B -q -pl examples -am package -DskipTests
# NNPROXY_JAR overrides the jar, JAVA_HOME the Java installation, NNPROXY_SIM_LOG names the
# simulation log (one line per simulation). See docs/physics-example.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="${NNPROXY_JAR:-$here/../target/nnproxy.jar}"
if [[ ! -f "$jar" ]]; then
  echo "heat-plate.sh: $jar not found;" \
    "build it with: mvn -o -B -q -pl examples -am package -DskipTests" >&2
  exit 2
fi
java="java"
if [[ -n "${JAVA_HOME:-}" ]]; then
  java="$JAVA_HOME/bin/java"
fi
exec "$java" -XX:+UseSerialGC -cp "$jar" io.github.nnproxy.examples.physics.HeatPlateProgram "$@"
