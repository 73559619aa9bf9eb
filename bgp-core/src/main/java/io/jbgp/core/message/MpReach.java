package io.jbgp.core.message;

import io.jbgp.core.types.AddressFamily;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * MP_REACH_NLRI (RFC 4760 §3), for IPv4 and IPv6 unicast.
 * <pre>
 * +---------------------------------------------------------+
 * | Address Family Identifier (2 octets)                    |
 * | Subsequent Address Family Identifier (1 octet)          |
 * | Length of Next Hop Network Address (1 octet)            |
 * | Network Address of Next Hop (variable)                  |
 * | Reserved (1 octet)                                      |
 * | Network Layer Reachability Information (variable)       |
 * +---------------------------------------------------------+
 * </pre>
 * An IPv6 next hop is a global address, optionally followed by a link-local one (RFC 2545 §3).
 *
 * @param family    the AFI/SAFI
 * @param nextHop   the (global) next hop
 * @param linkLocal the IPv6 link-local next hop, when the peer sent 32 octets
 * @param nlri      the announced prefixes
 */
public record MpReach(AddressFamily family, InetAddress nextHop, Optional<Inet6Address> linkLocal,
                      List<Nlri> nlri) {
    /**
     * Rejects null parts and copies the NLRI list.
     *
     * @param family the AFI/SAFI
     * @param nextHop the (global) next hop
     * @param linkLocal the IPv6 link-local next hop, when the peer sent 32 octets
     * @param nlri the announced prefixes
     */
    public MpReach {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(nextHop, "nextHop");
        Objects.requireNonNull(linkLocal, "linkLocal");
        nlri = List.copyOf(nlri);
    }

    /**
     * A reach attribute with no link-local next hop.
     *
     * @param family the AFI/SAFI
     * @param nextHop the next hop
     * @param nlri the announced prefixes
     */
    public MpReach(AddressFamily family, InetAddress nextHop, List<Nlri> nlri) {
        this(family, nextHop, Optional.empty(), nlri);
    }
}
