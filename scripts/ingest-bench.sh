#!/usr/bin/env bash
# scripts/ingest-bench.sh [RUNS]: end-to-end ingest of the recorded full table (issue #6).
#
# Per round, one fresh daemon per target, in this order, each on its own loopback address:
#   ours-none    our bgpd (examples), fib-update no (-F none): the RIB, no forwarding table sink
#   ours-memory  our bgpd with the forwarding table kept in memory (-F memory, InMemoryFibSink)
#   frr          FRR bgpd 8.x without zebra (-Z): nothing reaches the kernel
#   openbgpd     OpenBGPD bgpd, fib-update no (only when listed in TARGETS)
# The feeder (io.jbgp.benchmarks.ingest.Replay) opens one eBGP session from 127.0.66.1 and sends
# the 89,679 recorded UPDATEs as fast as the target takes them; timing runs from Established to
# "the target holds every prefix". Then the daemon is stopped by its PID. At the end: every run,
# the medians per target and the ratios ours/FRR.
#
# Environment (all optional):
#   TARGETS="ours-none ours-memory frr"   which targets, in round order (add openbgpd to compare)
#   MEMORY_ROUNDS=N      run ours-memory only in the first N rounds (default: every round)
#   BGPD_JVM="-Xms1g -Xmx4g -XX:+UseG1GC -XX:TieredStopAtLevel=1"  our bgpd JVM flags:
#                        C1 alone saves the ~1.6 s C2 spends compiling during a 2 s ingest; G1 keeps the
#                        resident size near the live data (Parallel GC uses less CPU on a loaded
#                        machine but keeps a larger heap; benchmarks/notes/ingest.md has all three)
#   PROFILE=1            record JFR (profile settings, 1 ms samples) in our bgpd: OUT/ours-*-rN.jfr
#                        (slows it; then: jfr print --stack-depth 64 --events jdk.ExecutionSample F.jfr)
#   TIMEOUT_S=600        bound on one ingest;  MEMORY_TIMEOUT_S (default TIMEOUT_S) for ours-memory
#   JBGP_SHARED_DATA=DIR the shared data folder (default ../shared/data, else /work/shared/data)
#   OUT=DIR              where configs, logs and results go (default a new /tmp/jbgp-ingest-*)
#   SKIP_BUILD=1         use the jars already built
#   LIMIT=N              only the first N recorded UPDATEs (a quick check of the script itself)
# Packets stay on loopback: 127.0.66.1 (feeder) and 127.0.66.10+ (one per daemon), port 179.
set -euo pipefail

RUNS=${1:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TARGETS=${TARGETS:-"ours-none ours-memory frr"}
MEMORY_ROUNDS=${MEMORY_ROUNDS:-$RUNS}
BGPD_JVM=${BGPD_JVM:-"-Xms1g -Xmx4g -XX:+UseG1GC -XX:TieredStopAtLevel=1"}
REPLAY_JVM=${REPLAY_JVM:-"-Xmx2g"}
TIMEOUT_S=${TIMEOUT_S:-600}
MEMORY_TIMEOUT_S=${MEMORY_TIMEOUT_S:-$TIMEOUT_S}
PORT=179
FEEDER=127.0.66.1
FEEDER_AS=65501
TARGET_AS=65502
SENTINEL=203.0.113.0/24
if [ -z "${JBGP_SHARED_DATA:-}" ]; then
  if [ -d "$ROOT/../shared/data/mrt" ]; then JBGP_SHARED_DATA=$ROOT/../shared/data; else JBGP_SHARED_DATA=/work/shared/data; fi
fi
OUT=${OUT:-$(mktemp -d /tmp/jbgp-ingest-XXXXXX)}
mkdir -p "$OUT"
RESULTS=$OUT/results.txt
: >"$RESULTS"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/bench.log" >&2; }

# ---------------------------------------------------------------- the daemons we start, by PID
DAEMON_PID=
stop_daemon() {
  local pid=$DAEMON_PID
  DAEMON_PID=
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}
trap 'stop_daemon' EXIT
trap 'stop_daemon; exit 130' INT TERM

# waits (bounded) until ADDR:PORT is listening and the control file exists
await_ready() {
  local addr=$1 ctl=$2
  for _ in $(seq 1 300); do
    # a JVM listens on an IPv6 socket: [::ffff:127.0.66.10]:179
    if [ -S "$ctl" ] && ss -Hltn "sport = :$PORT" | awk '{print $4}' \
        | sed -e 's/^\[::ffff://' -e 's/\]//' | grep -qxF "$addr:$PORT"; then
      return 0
    fi
    kill -0 "$DAEMON_PID" 2>/dev/null || { log "daemon $DAEMON_PID died during start-up"; return 1; }
    sleep 0.1
  done
  log "daemon $DAEMON_PID not ready after 30 s"
  return 1
}

# JFR's "profile" settings with a Java sample every 1 ms instead of 10 (a loaded machine gives
# the RIB thread a fraction of a core: 10 ms leaves a few hundred samples per run)
jfc() {
  local java_home
  java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  sed 's|control="method-sampling-java-interval">10 ms<|control="method-sampling-java-interval">1 ms<|' \
    "$java_home/lib/jfr/profile.jfc" >"$OUT/profile-1ms.jfc"
  echo "$OUT/profile-1ms.jfc"
}

# ---------------------------------------------------------------- build
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building examples and benchmarks (mvn package, no install)"
  (cd "$ROOT" && mvn -B -o -q -DskipTests package -pl examples,benchmarks -am)
fi
EXAMPLES_JAR=$(ls "$ROOT"/examples/target/examples-*-all.jar | head -1)
BENCH_JAR=$ROOT/benchmarks/target/benchmarks.jar
[ -f "$EXAMPLES_JAR" ] && [ -f "$BENCH_JAR" ] || { echo "ingest-bench: jars missing" >&2; exit 1; }

# ---------------------------------------------------------------- one run
# run_one ROUND TARGET ADDRESS
run_one() {
  local round=$1 target=$2 addr=$3 dir=$OUT/$2-r$1
  mkdir -p "$dir"
  local -a replay=(java $REPLAY_JVM -Djbgp.shared.data="$JBGP_SHARED_DATA" -cp "$BENCH_JAR"
    io.jbgp.benchmarks.ingest.Replay --target "$addr:$PORT" --local "$FEEDER" --local-as "$FEEDER_AS"
    --label "$target" --timeout-s "$TIMEOUT_S" --limit "${LIMIT:-0}")
  local bound=$TIMEOUT_S
  case "$target" in
    ours-none|ours-memory)
      local fib=none update=no jfr=
      if [ "$target" = ours-memory ]; then fib=memory; update=yes; replay+=(--timeout-s "$MEMORY_TIMEOUT_S"); bound=$MEMORY_TIMEOUT_S; fi
      if [ "${PROFILE:-0}" = 1 ]; then jfr="-XX:StartFlightRecording=filename=$OUT/$target-r$round.jfr,settings=$(jfc)"; fi
      cat >"$dir/bgpd.conf" <<EOF
AS $TARGET_AS
router-id 10.66.0.${addr##*.}
listen on $addr port $PORT
fib-update $update
# the marker: our bgpd exports only this, and re-sends it on ROUTE-REFRESH after the table
network $SENTINEL
neighbor $FEEDER {
    remote-as $FEEDER_AS
    passive
    local-address $addr
}
allow from $FEEDER
allow to $FEEDER prefix $SENTINEL
EOF
      # shellcheck disable=SC2086
      java $BGPD_JVM $jfr -cp "$EXAMPLES_JAR" io.jbgp.examples.bgpd.Main bgpd -d -f "$dir/bgpd.conf" \
        -s "$dir/bgpd.sock" -F "$fib" >"$dir/bgpd.log" 2>&1 &
      DAEMON_PID=$!
      await_ready "$addr" "$dir/bgpd.sock" || return 1
      replay+=(--probe "jbgp:$dir/bgpd.sock" --complete refresh --sentinel "$SENTINEL" --java-heap yes)
      ;;
    frr)
      cat >"$dir/bgpd.conf" <<EOF
frr defaults traditional
hostname ingest-frr
log file $dir/frr.log critical
! RFC 8212 (ebgp-requires-policy): an inbound route-map that accepts all; nothing goes out
route-map FEEDER-IN permit 10
router bgp $TARGET_AS
 bgp router-id 10.66.0.${addr##*.}
 no bgp network import-check
 neighbor $FEEDER remote-as $FEEDER_AS
 neighbor $FEEDER passive
 neighbor $FEEDER update-source $addr
 address-family ipv4 unicast
  neighbor $FEEDER activate
  neighbor $FEEDER route-map FEEDER-IN in
 exit-address-family
EOF
      /usr/lib/frr/bgpd -f "$dir/bgpd.conf" -i "$dir/bgpd.pid" -z "$dir/zserv.api" --vty_socket "$dir" \
        -p "$PORT" -l "$addr" -Z -S -P 0 >"$dir/bgpd.log" 2>&1 &
      DAEMON_PID=$!
      await_ready "$addr" "$dir/bgpd.vty" || return 1
      # FRR 8 resets a session whose NEXT_HOP is in 127/8 (martian): a documentation address
      replay+=(--probe "frr:$dir" --next-hop 198.51.100.1 --complete count --poll-ms 25)
      ;;
    openbgpd)
      id -u _openbgpd >/dev/null 2>&1 || useradd --system --home-dir /run/openbgpd --shell /usr/sbin/nologin _openbgpd
      mkdir -p /run/openbgpd
      cat >"$dir/bgpd.conf" <<EOF
AS $TARGET_AS
router-id 10.66.0.${addr##*.}
listen on $addr port $PORT
socket "$dir/bgpd.sock"
fib-update no
neighbor $FEEDER {
    remote-as $FEEDER_AS
    passive
    local-address $addr
}
allow from $FEEDER
EOF
      bgpd -d -f "$dir/bgpd.conf" >"$dir/bgpd.log" 2>&1 &
      DAEMON_PID=$!
      await_ready "$addr" "$dir/bgpd.sock" || return 1
      replay+=(--probe "openbgpd:$dir/bgpd.sock" --complete count --poll-ms 25)
      ;;
    *) log "unknown target $target"; return 1 ;;
  esac
  sleep 1 # let the daemon settle: the RSS before the session is its idle footprint
  replay+=(--pid "$DAEMON_PID")
  log "round $round: $target on $addr (pid $DAEMON_PID)"
  local status=0
  timeout $((bound + 180)) "${replay[@]}" >"$dir/replay.out" 2>"$dir/replay.err" || status=$?
  cat "$dir/replay.out" >&2
  if grep -q '^RESULT ' "$dir/replay.out"; then
    echo "round=$round $(grep '^RESULT ' "$dir/replay.out" | sed 's/^RESULT //')" >>"$RESULTS"
  else
    log "round $round: $target failed (exit $status): $(tail -3 "$dir/replay.err" | tr '\n' ' ')"
    echo "round=$round label=$target status=FAILED complete=false" >>"$RESULTS"
  fi
  stop_daemon
}

# ---------------------------------------------------------------- the rounds
{
  echo "# ingest-bench $(date -u +%FT%TZ), $RUNS rounds, targets: $TARGETS"
  echo "# machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/{print $2}') GB RAM, $(uname -sr)"
  echo "# $(java -version 2>&1 | head -1); FRR $(/usr/lib/frr/bgpd --version 2>/dev/null | head -1 | awk '{print $3}')"
  echo "# our bgpd JVM: $BGPD_JVM; feeder JVM: $REPLAY_JVM; commit $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/header.txt" >&2

n=10
for round in $(seq 1 "$RUNS"); do
  for target in $TARGETS; do
    if [ "$target" = ours-memory ] && [ "$round" -gt "$MEMORY_ROUNDS" ]; then
      continue
    fi
    run_one "$round" "$target" "127.0.66.$n" || { log "round $round: $target did not run"; stop_daemon; }
    n=$((n + 1))
  done
done
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/header.txt" >&2

# ---------------------------------------------------------------- the table
python3 - "$RESULTS" "$OUT/header.txt" <<'EOF' | tee "$OUT/summary.txt"
import statistics, sys
rows = []
for line in open(sys.argv[1]):
    kv = dict(p.split('=', 1) for p in line.split())
    rows.append(kv)
print(open(sys.argv[2]).read().rstrip())
print()
print(f"{'round':>5} {'target':<12} {'status':<13} {'seconds':>8} {'prefixes/s':>11} {'RSS B/pfx':>9} "
      f"{'heap B/pfx':>10} {'CPU s':>6} {'cores':>5} {'write s':>7} {'load1':>5}")
def f(r, k, fmt):
    v = r.get(k)
    try:
        x = float(v)
    except (TypeError, ValueError):
        return '-'
    return '-' if x != x or x < 0 and k != 'load1' else format(x, fmt)
for r in rows:
    cores = '-'
    try:
        cores = format(float(r['cpu_s']) / float(r['seconds']), '.2f')
    except (KeyError, ValueError, ZeroDivisionError):
        pass
    pps = f(r, 'pps', ',.0f') if r.get('complete') == 'true' else '-'
    print(f"{r['round']:>5} {r['label']:<12} {r['status']:<13} {f(r,'seconds','.3f'):>8} {pps:>11} "
          f"{f(r,'rss_b_per_prefix','.0f'):>9} {f(r,'heap_b_per_prefix','.0f'):>10} {f(r,'cpu_s','.2f'):>6} "
          f"{cores:>5} {f(r,'write_s','.3f'):>7} {f(r,'load1','.1f'):>5}")
print()
med = {}
for label in dict.fromkeys(r['label'] for r in rows):
    done = [r for r in rows if r['label'] == label and r.get('complete') == 'true']
    if not done:
        print(f"{label:<12} no complete run")
        continue
    m = {k: statistics.median(float(r[k]) for r in done)
         for k in ('seconds', 'pps', 'rss_b_per_prefix', 'cpu_s', 'heap_b_per_prefix')}
    med[label] = m
    heap = '' if m['heap_b_per_prefix'] != m['heap_b_per_prefix'] else f", live heap {m['heap_b_per_prefix']:.0f} B/prefix"
    print(f"median {label:<12} ({len(done)} of {sum(r['label'] == label for r in rows)} complete): "
          f"{m['seconds']:.3f} s, {m['pps']:,.0f} prefixes/s, RSS {m['rss_b_per_prefix']:.0f} B/prefix, "
          f"CPU {m['cpu_s']:.2f} s{heap}")
if 'frr' in med:
    for label in med:
        if label.startswith('ours'):
            o, r = med[label], med['frr']
            print(f"ratio {label}/frr: speed {o['pps'] / r['pps']:.2f}x (time {o['seconds'] / r['seconds']:.2f}x), "
                  f"RSS per prefix {o['rss_b_per_prefix'] / r['rss_b_per_prefix']:.2f}x, "
                  f"CPU {o['cpu_s'] / r['cpu_s']:.2f}x")
EOF
echo "ingest-bench: results in $OUT" >&2
