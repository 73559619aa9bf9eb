#!/usr/bin/env bash
# Captures golden BGP messages from two real daemons peering on loopback, and writes each
# message as hex into bgp-core/src/test/resources/golden/*.hex (see split-golden.py).
#
#   FRR 8.4 bgpd (no zebra)  127.0.0.2  AS 65502
#   OpenBGPD 7.7 bgpd        127.0.0.3  AS 65501
#
# Both listen on an unprivileged port (PORT, default 21979) and announce prefixes from
# 198.51.100.0/24, 203.0.113.0/24 and 2001:db8::/32 with communities and large communities.
# The script then drives the session through a withdrawal, route refreshes from both sides and
# an administrative shutdown with a shutdown communication (RFC 9003), capturing everything with
# tshark on lo. Every daemon it starts is stopped by its recorded PID; the temp dir is removed.
#
# Needs root (OpenBGPD chroots), FRR, OpenBGPD, tshark and python3. Usage:
#   scripts/capture-golden.sh [OUT_DIR]        (default bgp-core/src/test/resources/golden)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$ROOT/bgp-core/src/test/resources/golden}
PORT=${PORT:-21979}
FRR_ADDR=127.0.0.2
OBGPD_ADDR=127.0.0.3
WORK=$(mktemp -d /tmp/jbgp-golden.XXXXXX)
PIDS=()

cleanup() {
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    # bounded wait for them to go away
    for _ in $(seq 1 50); do
        alive=0
        for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ $alive = 0 ] && break
        sleep 0.1
    done
    for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
    if [ -n "${KEEP_WORK:-}" ]; then echo "capture-golden: kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# wait_for DESCRIPTION SECONDS COMMAND...: polls COMMAND every 0.5 s until it succeeds
wait_for() {
    local what=$1 secs=$2
    shift 2
    for _ in $(seq 1 $((secs * 2))); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.5
    done
    echo "capture-golden: timed out waiting for $what" >&2
    return 1
}

frr() { vtysh --vty_socket "$WORK/frr" "$@"; }
obgpctl() { bgpctl -s "$WORK/obgpd/bgpd.sock" "$@"; }

id _openbgpd >/dev/null 2>&1 || useradd --system --home-dir /run/openbgpd --shell /usr/sbin/nologin _openbgpd
mkdir -p /run/openbgpd "$WORK/frr" "$WORK/obgpd"

# ---- FRR ------------------------------------------------------------------------------------
cat >"$WORK/frr/bgpd.conf" <<EOF
frr defaults traditional
hostname golden-frr
log file $WORK/frr/bgpd.log informational
route-map TAG permit 10
 set community 65502:100 65502:200
 set large-community 65502:1:1
!
router bgp 65502
 bgp router-id 198.51.100.2
 no bgp ebgp-requires-policy
 no bgp network import-check
 neighbor $OBGPD_ADDR remote-as 65501
 neighbor $OBGPD_ADDR port $PORT
 neighbor $OBGPD_ADDR update-source $FRR_ADDR
 neighbor $OBGPD_ADDR timers connect 5
 neighbor $OBGPD_ADDR capability extended-nexthop
 address-family ipv4 unicast
  network 198.51.100.128/25
  network 203.0.113.128/25
  neighbor $OBGPD_ADDR activate
  neighbor $OBGPD_ADDR route-map TAG out
 exit-address-family
 address-family ipv6 unicast
  network 2001:db8:2::/48
  neighbor $OBGPD_ADDR activate
  neighbor $OBGPD_ADDR route-map TAG out
 exit-address-family
!
EOF

# ---- OpenBGPD -------------------------------------------------------------------------------
cat >"$WORK/obgpd/bgpd.conf" <<EOF
AS 65501
router-id 198.51.100.3
listen on $OBGPD_ADDR port $PORT
socket "$WORK/obgpd/bgpd.sock"
fib-update no
holdtime 90
connect-retry 5
# FRR 8.4 resets the session on a NEXT_HOP in 127/8 (a martian), so OpenBGPD announces
# third-party next hops from the documentation ranges: that needs a multihop session and
# "set nexthop no-modify" (and "qualify via default" so the next hops count as reachable)
nexthop qualify via default
network 198.51.100.0/25 set { nexthop 198.51.100.1 community 65501:100 large-community 65501:1:1 }
network 203.0.113.0/25 set { nexthop 198.51.100.1 community 65501:200 large-community 65501:2:2 }
network 2001:db8:1::/48 set { nexthop 2001:db8::1 community 65501:300 large-community 65501:3:3 }
neighbor $FRR_ADDR {
    remote-as 65502
    local-address $OBGPD_ADDR
    local-address ::1
    port $PORT
    multihop 2
    announce IPv4 unicast
    announce IPv6 unicast
    announce refresh yes
    announce enhanced refresh yes
    announce restart yes
    announce as-4byte yes
}
allow from any
allow to any
match to $FRR_ADDR set nexthop no-modify
EOF
bgpd -n -f "$WORK/obgpd/bgpd.conf" >/dev/null

# ---- capture, then daemons ------------------------------------------------------------------
tshark -q -i lo -f "tcp port $PORT" -a duration:120 -w "$WORK/bgp.pcapng" 2>"$WORK/tshark.err" &
PIDS+=($!)
TSHARK=$!
wait_for "tshark to start" 20 grep -q "Capturing on" "$WORK/tshark.err"

bgpd -d -f "$WORK/obgpd/bgpd.conf" >"$WORK/obgpd/bgpd.log" 2>&1 &
PIDS+=($!)

/usr/lib/frr/bgpd -f "$WORK/frr/bgpd.conf" -i "$WORK/frr/bgpd.pid" -z "$WORK/frr/zserv.api" \
    --vty_socket "$WORK/frr" -p "$PORT" -l "$FRR_ADDR" -Z -S -P 0 >"$WORK/frr/stdout.log" 2>&1 &
PIDS+=($!)

established() {
    frr -c "show bgp neighbors $OBGPD_ADDR json" | python3 -c '
import json, sys
n = json.load(sys.stdin)
sys.exit(0 if next(iter(n.values()))["bgpState"] == "Established" else 1)'
}
wait_for "the session to come up" 60 established
# both families received from OpenBGPD (its End-of-RIBs have been sent by then)
frr_has() { frr -c "show bgp $1 unicast $2 json" | grep -q '"prefix"'; }
wait_for "IPv4 routes from OpenBGPD" 30 frr_has ipv4 198.51.100.0/25
wait_for "IPv6 routes from OpenBGPD" 30 frr_has ipv6 2001:db8:1::/48
obgpd_has() { obgpctl show rib "$1" | grep -q "$1"; }
wait_for "IPv4 routes from FRR" 30 obgpd_has 198.51.100.128/25
wait_for "IPv6 routes from FRR" 30 obgpd_has 2001:db8:2::/48
sleep 2

# a withdrawal from FRR (IPv4, classic field) and from OpenBGPD (IPv6, MP_UNREACH)
frr -c 'configure terminal' -c 'router bgp 65502' -c 'address-family ipv4 unicast' \
    -c 'no network 203.0.113.128/25'
obgpctl network delete 2001:db8:1::/48
wait_for "the IPv4 withdrawal" 30 sh -c "! vtysh --vty_socket $WORK/frr -c 'show bgp ipv4 unicast 203.0.113.128/25 json' | grep -q '\"prefix\"' || ! bgpctl -s $WORK/obgpd/bgpd.sock show rib 203.0.113.128/25 | grep -q 203.0.113.128"
sleep 2

# route refreshes: FRR asks for IPv4 (OpenBGPD answers with BoRR/EoRR under RFC 7313),
# then OpenBGPD asks FRR
frr -c "clear bgp ipv4 unicast $OBGPD_ADDR soft in"
sleep 2
obgpctl neighbor "$FRR_ADDR" refresh
sleep 3

# an administrative shutdown with a shutdown communication (RFC 9003)
frr -c 'configure terminal' -c 'router bgp 65502' \
    -c "neighbor $OBGPD_ADDR shutdown message jbgp golden vector shutdown"
sleep 2

# stop the capture and let tshark flush
kill -INT "$TSHARK" 2>/dev/null || true
for _ in $(seq 1 50); do kill -0 "$TSHARK" 2>/dev/null || break; sleep 0.1; done

mkdir -p "$OUT"
python3 "$ROOT/scripts/split-golden.py" "$WORK/bgp.pcapng" "$OUT" \
    "$FRR_ADDR=FRR $(/usr/lib/frr/bgpd --version | head -1 | awk '{print $3}') bgpd, AS 65502" \
    "$OBGPD_ADDR=OpenBGPD $(bgpd -V 2>&1 | awk '{print $2}') bgpd, AS 65501"
echo "capture-golden: wrote $(ls "$OUT"/*.hex | wc -l) vectors to $OUT"
