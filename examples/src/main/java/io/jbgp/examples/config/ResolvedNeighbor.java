package io.jbgp.examples.config;

import io.jbgp.core.types.Afi;
import io.jbgp.core.types.Asn;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * A neighbor as the daemon runs it: group settings overlaid with the neighbor's own, global
 * defaults filled in. This is what a later step maps onto the library's {@code PeerConfig}.
 *
 * @param group the enclosing group's name, if any
 * @param settings the merged settings; {@code settings.remoteAs()} is always present
 * @param holdTime the neighbor's, else the group's, else the global {@code holdtime}
 */
public record ResolvedNeighbor(
        InetAddress address, Optional<String> group, Asn remoteAs, PeerSettings settings,
        int holdTime) {

    /** The TCP port to connect to: {@code port N}, else 179 (RFC 4271 §8.2.1). */
    public int port() {
        return settings.port().orElse(179);
    }

    /**
     * Whether the session negotiates {@code afi} unicast: an explicit {@code announce} line
     * decides; without one, the family of the neighbor's address (bgpd's default).
     */
    public boolean announces(Afi afi) {
        Boolean explicit = settings.announce().get(afi);
        if (explicit != null) {
            return explicit;
        }
        return (address instanceof Inet4Address) == (afi == Afi.IPV4);
    }
}
