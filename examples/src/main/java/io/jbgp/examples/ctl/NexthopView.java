package io.jbgp.examples.ctl;

import io.jbgp.core.types.IpPrefix;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One BGP next hop the RIB tracks, as {@code bgpctl show nexthop} reports it (OpenBGPD's
 * {@code show nexthop}): whether the host can reach it, through which host route, gateway and
 * interface, and how many prefixes have a candidate path using it.
 *
 * @param nexthop       the BGP next hop (the NEXT_HOP attribute or the MP_REACH next hop)
 * @param reachable     whether a connected or static host route covers it
 * @param route         the host route it resolves through; empty when unreachable
 * @param gateway       the immediate next hop the FIB forwards to; empty when unreachable
 * @param interfaceName the outgoing interface, "" when unknown or unreachable
 * @param cost          the cost to reach it (0 for connected)
 * @param prefixes      how many prefixes have at least one candidate path using it
 */
public record NexthopView(InetAddress nexthop, boolean reachable, Optional<IpPrefix> route,
        Optional<InetAddress> gateway, String interfaceName, long cost, int prefixes) {

    /** Checks the fields. */
    public NexthopView {
        Objects.requireNonNull(nexthop, "nexthop");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(interfaceName, "interfaceName");
    }
}
