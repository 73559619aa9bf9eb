package io.jbgp.rib.fib;

import io.jbgp.core.types.IpPrefix;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The forwarding table: for each prefix with an eligible BGP best path, the resolved
 * (immediate) next hops to forward on, one per ECMP path. Kept apart from the routing table
 * ({@code LocRib}), which holds every candidate and the BGP next hops (OpenBGPD
 * {@code exit_nexthop} vs {@code true_nexthop}). It is the only thing that reaches the
 * {@link FibSink}, in batches: the first change of a RIB command opens one with
 * {@link FibSink#begin()}, {@link #commit()} at the end of the command closes it.
 *
 * <p>Owned by the RIB executor; not thread-safe.
 */
public final class ForwardingTable {

    /**
     * A change of the forwarding table, as a value for listeners.
     *
     * @param prefix   the destination
     * @param oldRoute what was installed, empty if nothing
     * @param newRoute what is installed now, empty if withdrawn
     */
    public record FibChange(IpPrefix prefix, Optional<FibRoute> oldRoute, Optional<FibRoute> newRoute) {
        public FibChange {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(oldRoute, "oldRoute");
            Objects.requireNonNull(newRoute, "newRoute");
        }
    }

    private final FibSink sink;
    private final TreeMap<IpPrefix, FibRoute> routes = new TreeMap<>();
    private boolean inBatch;

    public ForwardingTable(FibSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Installs, replaces or (with {@code null}) removes the entry for a prefix. */
    public Optional<FibChange> set(IpPrefix prefix, FibRoute route) {
        if (route != null && !route.prefix().equals(prefix)) {
            throw new IllegalArgumentException("set: route for " + route.prefix() + " given for " + prefix);
        }
        FibRoute old = route == null ? routes.remove(prefix) : routes.put(prefix, route);
        if (Objects.equals(old, route)) {
            return Optional.empty();
        }
        if (!inBatch) {
            sink.begin();
            inBatch = true;
        }
        if (route == null) {
            sink.withdraw(prefix);
        } else {
            sink.install(route);
        }
        return Optional.of(new FibChange(prefix, Optional.ofNullable(old), Optional.ofNullable(route)));
    }

    /** Closes the current sink batch, if one is open. */
    public void commit() {
        if (inBatch) {
            inBatch = false;
            sink.commit();
        }
    }

    /** The installed route for a prefix, or {@code null}. */
    public FibRoute get(IpPrefix prefix) {
        return routes.get(prefix);
    }

    /** An immutable copy of the whole table, sorted by prefix. */
    public Map<IpPrefix, FibRoute> snapshot() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(routes));
    }

    /** Pushes the whole table to the sink ({@link FibSink#resync}), e.g. after a sink restart. */
    public void resync() {
        sink.resync(routes.values());
    }

    public int size() {
        return routes.size();
    }
}
