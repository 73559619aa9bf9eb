package io.jbgp.rib.fib;

import io.jbgp.core.types.IpPrefix;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the forwarding table as pushed to a {@link FibSink}: a prefix and its resolved
 * (immediate) next hops, more than one for ECMP.
 *
 * @param prefix   the destination
 * @param nextHops the resolved next hops, at least one
 */
public record FibRoute(IpPrefix prefix, List<NextHop> nextHops) {
    /**
     * Rejects a null prefix and an empty next-hop list; copies the list.
     *
     * @param prefix the destination
     * @param nextHops the resolved next hops, at least one
     */
    public FibRoute {
        Objects.requireNonNull(prefix, "prefix");
        nextHops = List.copyOf(nextHops);
        if (nextHops.isEmpty()) {
            throw new IllegalArgumentException("a FIB route needs a next hop");
        }
    }

    /**
     * A resolved next hop: a gateway address and the interface it is reached through.
     *
     * @param gateway       the immediate next hop
     * @param interfaceName the outgoing interface, "" when the host resolves it
     */
    public record NextHop(InetAddress gateway, String interfaceName) {
        /**
         * Rejects null parts.
         *
         * @param gateway the immediate next hop
         * @param interfaceName the outgoing interface, "" when the host resolves it
         */
        public NextHop {
            Objects.requireNonNull(gateway, "gateway");
            Objects.requireNonNull(interfaceName, "interfaceName");
        }
    }
}
