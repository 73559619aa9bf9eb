package io.jbgp.rib.fib;

import io.jbgp.core.types.IpPrefix;
import java.util.Collection;

/**
 * Port: where the forwarding table goes (a kernel, a data plane, a test). Called only from the
 * RIB executor, in batches: {@link #begin()}, any number of installs and withdraws, then
 * {@link #commit()}. {@link #resync} replaces the sink's whole content (at start, and after a
 * sink failure). An implementation must not block for long: the RIB thread waits on it.
 */
public interface FibSink extends AutoCloseable {

    /** Starts a batch. */
    default void begin() {
    }

    /**
     * Installs or replaces the route for its prefix.
     *
     * @param route the route; its next hops are immediate, already resolved
     */
    void install(FibRoute route);

    /**
     * Removes the route for a prefix (no-op if absent).
     *
     * @param prefix the destination
     */
    void withdraw(IpPrefix prefix);

    /** Ends a batch; sinks that buffer push here. */
    default void commit() {
    }

    /**
     * Makes the sink hold exactly these routes (installs missing, removes stale, own routes only).
     *
     * @param routes the complete forwarding table
     */
    void resync(Collection<FibRoute> routes);

    /**
     * Stops the sink; {@code removeRoutes} asks it to take its own routes out (bgpd -d stop).
     *
     * @param removeRoutes true to remove the routes this sink installed
     */
    default void close(boolean removeRoutes) {
    }

    @Override
    default void close() {
        close(true);
    }

    /** OpenBGPD's {@code fib-update no}: the forwarding table stays in memory only. */
    FibSink NONE = new FibSink() {
        @Override
        public void install(FibRoute route) {
        }

        @Override
        public void withdraw(IpPrefix prefix) {
        }

        @Override
        public void resync(Collection<FibRoute> routes) {
        }

        @Override
        public String toString() {
            return "FibSink.NONE";
        }
    };
}
