package io.jbgp.rib.fib;

import io.jbgp.core.types.IpPrefix;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link FibSink} that keeps the forwarding table in memory, for tests and for embedders that
 * program their own data plane from a snapshot. The RIB thread writes; any thread may read
 * {@link #snapshot()}, which shows the state as of the last completed batch ({@link #commit()}),
 * or of the last single change made outside a batch, never a half-applied batch.
 */
public final class InMemoryFibSink implements FibSink {
    /** Written only by the RIB thread. */
    private final Map<IpPrefix, FibRoute> working = new HashMap<>();
    private volatile Map<IpPrefix, FibRoute> published = Map.of();
    private final AtomicLong commits = new AtomicLong();
    private boolean inBatch;
    private volatile boolean closed;

    @Override
    public void begin() {
        inBatch = true;
    }

    @Override
    public void install(FibRoute route) {
        checkOpen();
        working.put(route.prefix(), route);
        publishUnlessBatched();
    }

    @Override
    public void withdraw(IpPrefix prefix) {
        checkOpen();
        working.remove(prefix);
        publishUnlessBatched();
    }

    @Override
    public void commit() {
        inBatch = false;
        publish();
    }

    @Override
    public void resync(Collection<FibRoute> routes) {
        checkOpen();
        working.clear();
        for (FibRoute r : routes) {
            working.put(r.prefix(), r);
        }
        publishUnlessBatched();
    }

    @Override
    public void close(boolean removeRoutes) {
        if (removeRoutes) {
            working.clear();
            publish();
        }
        closed = true;
    }

    /** {@return the published forwarding table: immutable, safe from any thread} */
    public Map<IpPrefix, FibRoute> snapshot() {
        return published;
    }

    /** {@return how many times a state was published (batches committed plus unbatched changes)} */
    public long publications() {
        return commits.get();
    }

    /** {@return true after {@link #close(boolean)}} */
    public boolean isClosed() {
        return closed;
    }

    private void publishUnlessBatched() {
        if (!inBatch) {
            publish();
        }
    }

    private void publish() {
        published = Map.copyOf(working);
        commits.incrementAndGet();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("InMemoryFibSink: used after close");
        }
    }

    @Override
    public String toString() {
        return "InMemoryFibSink[" + published.size() + " routes]";
    }
}
