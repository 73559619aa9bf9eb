package io.jbgp.rib.table;

import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Afi;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A BGP neighbor as the RIB sees it once the session is up.
 *
 * @param address      the neighbor's address (the key of its paths)
 * @param asn          its AS number
 * @param routerId     its BGP Identifier
 * @param ebgp         whether the session is external
 * @param localV4      our IPv4 address towards it (NEXT_HOP self for IPv4), if any
 * @param localV6      our IPv6 address towards it (next hop self for IPv6), if any
 */
public record Neighbor(InetAddress address, Asn asn, RouterId routerId, boolean ebgp,
                       Optional<Inet4Address> localV4, Optional<Inet6Address> localV6) {
    public Neighbor {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(asn, "asn");
        Objects.requireNonNull(routerId, "routerId");
        Objects.requireNonNull(localV4, "localV4");
        Objects.requireNonNull(localV6, "localV6");
    }

    /** A neighbor whose session runs between {@code local} and {@code address}. */
    public static Neighbor of(InetAddress address, Asn asn, RouterId routerId, Asn localAs, InetAddress local) {
        return new Neighbor(address, asn, routerId, !asn.equals(localAs),
                local instanceof Inet4Address v4 ? Optional.of(v4) : Optional.empty(),
                local instanceof Inet6Address v6 ? Optional.of(v6) : Optional.empty());
    }

    /** The source its routes carry in the Loc-RIB. */
    public PeerSource source() {
        return new PeerSource(address, routerId, asn, ebgp);
    }

    /** Our address for "next hop self" in a family, or {@code null} when we have none. */
    public InetAddress localAddress(AddressFamily family) {
        return family.afi() == Afi.IPV4.code() ? localV4.orElse(null) : localV6.orElse(null);
    }
}
