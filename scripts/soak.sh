#!/bin/sh
# Soak test (not part of mvn verify): a speaker with the RIB and 50 raw-socket neighbors on
# 127.0.0.150-199 churning IPv6 routes for N minutes, then checks no session dropped, the
# Loc-RIB / forwarding table / a listener's wire view consistent, and heap after GC flat.
#   scripts/soak.sh [minutes] [updates-per-second]
# Loopback only; prefixes from 2001:db8::/32. Figures are printed as "soak: ..." lines.
set -eu
cd "$(dirname "$0")/.."
MINUTES="${1:-5}"
RATE="${2:-200}"
exec mvn -B -o -q test -pl bgp-netty -am \
    -Dtest=io.jbgp.netty.robust.SoakRun -Dsurefire.failIfNoSpecifiedTests=false \
    -Djbgp.soak.minutes="$MINUTES" -Djbgp.soak.rate="$RATE" \
    -Dsurefire.timeout=$(( (MINUTES + 10) * 60 ))
