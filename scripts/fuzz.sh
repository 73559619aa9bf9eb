#!/usr/bin/env bash
# Time-boxed coverage-guided fuzzing of every Jazzer target (see FUZZING.md).
#
#   scripts/fuzz.sh                      # each target for FUZZ_SECONDS (default 25 s): ~2 minutes
#   scripts/fuzz.sh 600                  # each target for 10 minutes
#   scripts/fuzz.sh 300 readMessage      # one target (by method name) for 5 minutes
#
# Plain `mvn test` only replays the committed seed corpora; this script sets JAZZER_FUZZ=1, under
# which jazzer-junit fuzzes one @FuzzTest per JVM, so it runs Maven once per target. A failing
# input is written next to the seeds (src/test/resources/.../<Class>Inputs/<method>/crash-*),
# where every later `mvn test` replays it; the script then exits non-zero. The inputs that found
# new coverage go to <module>/.cifuzz-corpus/ (not committed; delete it to start afresh).
# Logs and the final libFuzzer statistics of each target land in target/fuzz/.
#
# Environment: FUZZ_SECONDS (per target), FUZZ_KEEP_GOING=N (report up to N distinct findings per
# target instead of stopping at the first), MVN (default mvn).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-${FUZZ_SECONDS:-25}}"
only="${2:-}"
mvn_cmd="${MVN:-mvn}"
[[ "$seconds" =~ ^[0-9]+$ ]] && (( seconds > 0 )) || { echo "fuzz.sh: seconds must be a positive integer" >&2; exit 2; }

# module(s) to build | test class#method
targets=(
  "bgp-core|io.jbgp.core.fuzz.CodecFuzzTest#readMessage"
  "bgp-core|io.jbgp.core.fuzz.CodecFuzzTest#decodeUpdateBody"
  "bgp-core|io.jbgp.core.fuzz.MrtReaderFuzzTest#readStream"
  "bgp-core,bgp-rib,bgp-netty|io.jbgp.netty.fuzz.SessionFuzzTest#receiveAfterOpen"
  "bgp-core,bgp-rib,bgp-netty|io.jbgp.netty.fuzz.SessionFuzzTest#receiveFromConnect"
)

mkdir -p target/fuzz
extra=()
if [[ -n "${FUZZ_KEEP_GOING:-}" ]]; then
  extra+=("-Djazzer.keep_going=${FUZZ_KEEP_GOING}")
fi

failed=()
ran=0
for t in "${targets[@]}"; do
  modules="${t%%|*}"
  test="${t#*|}"
  method="${test#*#}"
  if [[ -n "$only" && "$only" != "$method" && "$only" != "$test" ]]; then
    continue
  fi
  ran=$((ran + 1))
  log="target/fuzz/${method}.log"
  echo "fuzz.sh: ${test} for ${seconds} s (log: ${log})"
  # -max_total_time overrides the @FuzzTest maxDuration; the logging level keeps the per-input
  # warnings of the session target (one per malformed message) from slowing the fuzzer down
  if JAZZER_FUZZ=1 "$mvn_cmd" -B test -pl "$modules" \
      -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1="-max_total_time=${seconds}" \
      -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
      "${extra[@]}" >"$log" 2>&1; then
    status=ok
  else
    status=FAILED
    failed+=("$test")
  fi
  # libFuzzer's last status line: executions, coverage (cov: edges, ft: features), corpus, speed
  stats="$(grep -aE '^#[0-9]+' "$log" | tail -1 || true)"
  echo "fuzz.sh: ${status} ${method}: ${stats:-no libFuzzer statistics (see the log)}"
  grep -aE '^(== Java Exception|Base64:)|crash-[0-9a-f]+' "$log" | head -6 || true
done

if (( ran == 0 )); then
  echo "fuzz.sh: no target named ${only}" >&2
  exit 2
fi
if (( ${#failed[@]} > 0 )); then
  echo "fuzz.sh: findings in: ${failed[*]}; the inputs are in the targets' Inputs directories" >&2
  exit 1
fi
echo "fuzz.sh: ${ran} target(s), no findings"
