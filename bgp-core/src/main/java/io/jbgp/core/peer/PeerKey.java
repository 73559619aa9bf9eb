package io.jbgp.core.peer;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Identifies a neighbor across the session layer and the RIB: its address, plus the routing
 * instance (VRF) when the same address may appear in several.
 *
 * @param address the neighbor's address
 * @param vrf     the routing instance, empty for the default one
 */
public record PeerKey(InetAddress address, Optional<String> vrf) implements Comparable<PeerKey> {

    public PeerKey {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(vrf, "vrf");
    }

    /** A neighbor in the default routing instance. */
    public static PeerKey of(InetAddress address) {
        return new PeerKey(address, Optional.empty());
    }

    /** Orders by VRF (default first), then by address bytes, IPv4 before IPv6. */
    @Override
    public int compareTo(PeerKey o) {
        int c = vrf.orElse("").compareTo(o.vrf.orElse(""));
        if (c != 0) {
            return c;
        }
        byte[] a = address.getAddress();
        byte[] b = o.address.getAddress();
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        return java.util.Arrays.compareUnsigned(a, b);
    }

    /** "198.51.100.1" or "198.51.100.1%blue". */
    @Override
    public String toString() {
        return address.getHostAddress() + vrf.map(v -> "%" + v).orElse("");
    }
}
