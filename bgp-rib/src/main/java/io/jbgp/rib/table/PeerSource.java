package io.jbgp.rib.table;

import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A route learned from a BGP neighbor.
 *
 * @param address    the neighbor's address (the key of its paths)
 * @param routerId   its BGP Identifier from the OPEN (decision step "lowest router id")
 * @param neighborAs its AS number
 * @param ebgp       whether the session is external (neighbor AS differs from ours)
 */
public record PeerSource(InetAddress address, RouterId routerId, Asn neighborAs, boolean ebgp)
        implements RouteSource {
    public PeerSource {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(routerId, "routerId");
        Objects.requireNonNull(neighborAs, "neighborAs");
    }

    @Override
    public boolean sameAs(RouteSource other) {
        return other instanceof PeerSource p && p.address.equals(address);
    }

    @Override
    public boolean isEbgp() {
        return ebgp;
    }

    @Override
    public String toString() {
        return address.getHostAddress() + " (AS" + neighborAs + ", " + (ebgp ? "eBGP" : "iBGP") + ")";
    }
}
