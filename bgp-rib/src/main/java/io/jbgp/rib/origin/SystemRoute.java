package io.jbgp.rib.origin;

import io.jbgp.core.types.IpPrefix;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A route of the host's own table, as the embedder (or the Linux source) reports it: a connected
 * subnet of an interface, or a static route. The input of {@code network inet connected|static}
 * and of next-hop resolution (OpenBGPD {@code struct kroute}).
 *
 * @param prefix    the destination
 * @param nextHop   the gateway; empty for a connected route
 * @param kind      connected, static, another protocol's, or a route we installed ourselves
 * @param interfaceName the outgoing interface name, "" when unknown
 * @param ifIndex   the interface index, 0 when unknown
 * @param priority  route priority/metric (lower is preferred), 0 when unknown
 * @param label     a free-form label (OpenBGPD route labels; Linux "proto" name)
 */
public record SystemRoute(IpPrefix prefix, Optional<InetAddress> nextHop, Kind kind, String interfaceName,
                          int ifIndex, int priority, String label) {

    /** What sort of host route this is. */
    public enum Kind {
        /** A subnet directly attached to an interface. */
        CONNECTED,
        /** A route configured by hand or by another daemon. */
        STATIC,
        /** A route this speaker installed itself (OpenBGPD F_BGPD); never redistributed. */
        OWN,
        /**
         * A route another protocol put in the host table (DHCP, router advertisements, another
         * routing daemon). Kept for next-hop resolution and for finding the uplink; only
         * {@code priority}/{@code rtlabel} statements redistribute it, {@code static} does not.
         */
        DYNAMIC
    }

    public SystemRoute {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(nextHop, "nextHop");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(label, "label");
    }

    public static SystemRoute connected(IpPrefix prefix, String interfaceName) {
        return new SystemRoute(prefix, Optional.empty(), Kind.CONNECTED, interfaceName, 0, 0, "");
    }

    public static SystemRoute staticRoute(IpPrefix prefix, InetAddress nextHop, String interfaceName) {
        return new SystemRoute(prefix, Optional.of(nextHop), Kind.STATIC, interfaceName, 0, 0, "");
    }

    public boolean isDefault() {
        return prefix.length() == 0;
    }
}
