package io.jbgp.rib.fib;

import io.jbgp.core.types.IpPrefix;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import io.jbgp.rib.table.PrefixTable;
import java.util.TreeMap;

/**
 * The forwarding table: for each prefix with an eligible BGP best path, the resolved
 * (immediate) next hops to forward on, one per ECMP path. Kept apart from the routing table
 * ({@code LocRib}), which holds every candidate and the BGP next hops (OpenBGPD
 * {@code exit_nexthop} vs {@code true_nexthop}). It is the only thing that reaches the
 * {@link FibSink}, in batches: the first change of a RIB command opens one with
 * {@link FibSink#begin()}, {@link #commit()} at the end of the command closes it.
 *
 * <p>A sink that throws (an embedder's data plane gone, a bug in it) must not stop routing: the
 * table here stays the truth, the failure is logged, and the sink is brought back in line with a
 * {@link FibSink#resync} at the first commit after a back-off (100 ms, doubling up to 30 s while
 * it keeps failing; time from the injected clock).
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
        /**
         * Rejects null parts.
         *
         * @param prefix the destination
         * @param oldRoute what was installed, empty if nothing
         * @param newRoute what is installed now, empty if withdrawn
         */
        public FibChange {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(oldRoute, "oldRoute");
            Objects.requireNonNull(newRoute, "newRoute");
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ForwardingTable.class);
    private static final long FIRST_RESYNC_NANOS = 100_000_000L;
    private static final long MAX_RESYNC_NANOS = 30_000_000_000L;

    private final FibSink sink;
    // hashed: every best-path change looks its prefix up; sorted only on snapshot and resync.
    // IPv4 keys packed in an open-addressing table: ~20 B per prefix instead of a HashMap node
    // The values are the next-hop lists, not FibRoutes: the lists are shared by every prefix
    // over the same resolved next hop, so an entry costs no object of its own (a FibRoute per
    // prefix was 24 B of it); FibRoutes are made when handed out.
    private final PrefixTable<List<FibRoute.NextHop>> routes = new PrefixTable<>();
    private boolean inBatch;
    private boolean sinkOutOfSync;  // a sink call failed: resync before trusting it again
    private final java.util.function.LongSupplier nanos;
    private long resyncBackoff = FIRST_RESYNC_NANOS;
    private long resyncAt;          // nanos: no resync attempt before

    /**
     * An empty table that pushes its changes to {@code sink}.
     *
     * @param sink where installs and withdrawals go; {@link FibSink#NONE} to keep them in memory
     *     only
     */
    public ForwardingTable(FibSink sink) {
        this(sink, System::nanoTime);
    }

    /**
     * With the clock that paces resync attempts after a sink failure.
     *
     * @param sink where installs and withdrawals go
     * @param nanos a monotonic clock in nanoseconds (a {@code Ticker} in tests)
     */
    public ForwardingTable(FibSink sink, java.util.function.LongSupplier nanos) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.nanos = Objects.requireNonNull(nanos, "nanos");
    }

    /**
     * Installs, replaces or (with {@code null}) removes the entry for a prefix.
     *
     * @param prefix the destination
     * @param route the new entry, or {@code null} to remove it
     * @return the change, or empty when the entry was already so
     */
    public Optional<FibChange> set(IpPrefix prefix, FibRoute route) {
        FibRoute old = get(prefix);
        return update(prefix, route)
                ? Optional.of(new FibChange(prefix, Optional.ofNullable(old), Optional.ofNullable(route)))
                : Optional.empty();
    }

    /**
     * As {@link #set}, without building the change value (the RIB's path when nobody listens).
     *
     * @param prefix the destination
     * @param route the new entry, or {@code null} to remove it
     * @return true when the entry changed (and the sink was told)
     */
    public boolean update(IpPrefix prefix, FibRoute route) {
        if (route != null && !route.prefix().equals(prefix)) {
            throw new IllegalArgumentException("set: route for " + route.prefix() + " given for " + prefix);
        }
        List<FibRoute.NextHop> old = route == null ? routes.remove(prefix) : routes.put(prefix, route.nextHops());
        if (Objects.equals(old, route == null ? null : route.nextHops())) {
            return false;
        }
        if (!sinkOutOfSync) {
            // while out of sync, changes only go to the table; the resync carries them
            try {
                if (!inBatch) {
                    inBatch = true;
                    sink.begin();
                }
                if (route == null) {
                    sink.withdraw(prefix);
                } else {
                    sink.install(route);
                }
            } catch (RuntimeException e) {
                sinkFailed("set " + prefix, e);
            }
        }
        return true;
    }

    /** Closes the current sink batch, if one is open. */
    public void commit() {
        if (inBatch) {
            inBatch = false;
            try {
                sink.commit();
            } catch (RuntimeException e) {
                sinkFailed("commit", e);
            }
        }
        if (sinkOutOfSync && nanos.getAsLong() - resyncAt >= 0) {
            try {
                sink.resync(sorted().values());
                sinkOutOfSync = false;
                resyncBackoff = FIRST_RESYNC_NANOS;
                LOG.info("fib: sink {} back in sync with {} routes", sink, routes.size());
            } catch (RuntimeException e) {
                resyncBackoff = Math.min(resyncBackoff * 2, MAX_RESYNC_NANOS);
                resyncAt = nanos.getAsLong() + resyncBackoff;
                LOG.debug("fib: resync of sink {} failed again, next try in {} ms: {}", sink,
                        resyncBackoff / 1_000_000, e.toString());
            }
        }
    }

    // the routing side goes on; the sink is resynced from the table later
    private void sinkFailed(String what, RuntimeException e) {
        inBatch = false;
        if (!sinkOutOfSync) {
            LOG.error("fib: sink {} failed ({}), routing continues; resyncing it later", sink, what, e);
            resyncAt = nanos.getAsLong() + resyncBackoff;
        }
        sinkOutOfSync = true;
    }

    /**
     * True while the sink missed changes after a failure and waits for a resync.
     *
     * @return true until a resync succeeds
     */
    public boolean isSinkOutOfSync() {
        return sinkOutOfSync;
    }

    /**
     * The installed route for a prefix, or {@code null}.
     *
     * @param prefix the destination
     * @return the entry, or {@code null}
     */
    public FibRoute get(IpPrefix prefix) {
        List<FibRoute.NextHop> via = routes.get(prefix);
        return via == null ? null : new FibRoute(prefix, via);
    }

    /** {@return an immutable copy of the whole table, sorted by prefix} */
    public Map<IpPrefix, FibRoute> snapshot() {
        return java.util.Collections.unmodifiableMap(sorted());
    }

    /** Pushes the whole table to the sink ({@link FibSink#resync}), e.g. after a sink restart. */
    public void resync() {
        try {
            sink.resync(sorted().values());
            sinkOutOfSync = false;
            resyncBackoff = FIRST_RESYNC_NANOS;
        } catch (RuntimeException e) {
            sinkFailed("resync", e);
        }
    }

    private TreeMap<IpPrefix, FibRoute> sorted() {
        TreeMap<IpPrefix, FibRoute> out = new TreeMap<>();
        routes.forEach((p, via) -> out.put(p, new FibRoute(p, via)));
        return out;
    }

    /** {@return the number of installed prefixes} */
    public int size() {
        return routes.size();
    }
}
