#!/bin/sh
# Soak tests (not part of mvn verify), figures printed as "soak: ..." lines. Two harnesses:
#
#   scripts/soak.sh bgpd [minutes] [updates-per-second]   (default 10 min, 200/s)
#     Our bgpd daemon (examples' Bgpd, started from a generated 50-neighbor bgpd.conf as bin/bgpd
#     starts it) with 50 plain-socket neighbors on 127.0.73.10-59 and a listener on 127.0.73.9;
#     examples' io.jbgp.examples.soak.BgpdSoakRun. The issue's soak; results in SOAK.md.
#
#   scripts/soak.sh [minutes] [updates-per-second]        (default 5 min, 200/s)
#     The bare library speaker (RIB facade) with 50 raw-socket neighbors on 127.0.0.150-199;
#     bgp-netty's io.jbgp.netty.robust.SoakRun.
#
# Both churn IPv6 routes, then check no session dropped, the Loc-RIB / forwarding table / a
# listener's wire view consistent, and heap after GC flat. Loopback only; prefixes from
# 2001:db8::/32.
set -eu
cd "$(dirname "$0")/.."
if [ "${1:-}" = bgpd ]; then
  shift
  MINUTES="${1:-10}"
  RATE="${2:-200}"
  exec mvn -B -o -q test -pl examples -am \
      -Dtest=io.jbgp.examples.soak.BgpdSoakRun -Dsurefire.failIfNoSpecifiedTests=false \
      -Djbgp.soak.minutes="$MINUTES" -Djbgp.soak.rate="$RATE" \
      -Dsurefire.timeout=$(( (MINUTES + 10) * 60 ))
fi
MINUTES="${1:-5}"
RATE="${2:-200}"
exec mvn -B -o -q test -pl bgp-netty -am \
    -Dtest=io.jbgp.netty.robust.SoakRun -Dsurefire.failIfNoSpecifiedTests=false \
    -Djbgp.soak.minutes="$MINUTES" -Djbgp.soak.rate="$RATE" \
    -Dsurefire.timeout=$(( (MINUTES + 10) * 60 ))
