#!/usr/bin/env bash
# Installs what the test suite needs, only when it is missing: FRR (bgpd, zebra, vtysh),
# OpenBGPD (bgpd, bgpctl), bgpdump (the MRT oracle), tshark, iproute2 and ping (the two-site
# namespace test). Debian, as root.
set -euo pipefail
need=()
[ -x /usr/lib/frr/bgpd ] && command -v vtysh >/dev/null || need+=(frr)
command -v bgpctl >/dev/null || need+=(openbgpd)
command -v bgpdump >/dev/null || need+=(bgpdump)
command -v tshark >/dev/null || need+=(tshark)
command -v ip >/dev/null || need+=(iproute2)
command -v ping >/dev/null || need+=(iputils-ping)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-test-deps: need root to install: ${need[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}"
fi
# OpenBGPD drops privileges to _openbgpd and chroots to /run/openbgpd (see PEERS.md)
if command -v bgpctl >/dev/null; then
  id _openbgpd >/dev/null 2>&1 || useradd --system --home-dir /run/openbgpd --shell /usr/sbin/nologin _openbgpd
  mkdir -p /run/openbgpd
fi
echo "install-test-deps: ok"
