package io.jbgp.rib.policy;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.table.Neighbor;
import io.jbgp.rib.table.RouteSource;
import java.util.Objects;

/**
 * What a policy sees: the prefix, the attributes so far, where the route came from and the
 * neighbor on the other side (the sender on import, the receiver on export).
 *
 * @param prefix     the destination
 * @param attributes the attributes as they stand at this point of the chain
 * @param source     the route's source (on import: the sending neighbor)
 * @param neighbor   the neighbor the policy is applied for
 */
public record RouteContext(IpPrefix prefix, AttributeSet attributes, RouteSource source, Neighbor neighbor) {
    public RouteContext {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(neighbor, "neighbor");
    }

    /** The same context with other attributes (for chained policies). */
    public RouteContext withAttributes(AttributeSet a) {
        return new RouteContext(prefix, a, source, neighbor);
    }
}
