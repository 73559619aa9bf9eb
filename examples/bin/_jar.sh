# Shared by the launchers: finds the shaded examples jar or says how to build it.
# shellcheck shell=bash
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar=$(ls "$here"/target/examples-*-all.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then
  echo "$(basename "$0"): $here/target/examples-*-all.jar is missing; build it from the repository root with:" >&2
  echo "    mvn -B -q -DskipTests package" >&2
  exit 1
fi
