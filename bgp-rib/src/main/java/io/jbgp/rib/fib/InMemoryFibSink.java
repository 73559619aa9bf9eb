package io.jbgp.rib.fib;

import io.jbgp.core.types.IpPrefix;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link FibSink} that keeps the forwarding table in memory, for tests and for embedders that
 * program their own data plane from a snapshot. The RIB thread writes; any thread may read
 * {@link #snapshot()}, which shows the state as of the last completed batch ({@link #commit()}),
 * or of the last single change made outside a batch, never a half-applied batch.
 *
 * <p>Cost: a batch is collected as a delta and applied to the committed table at its commit, so a
 * commit costs the size of its batch, not of the table (the RIB commits once per command: a full
 * table arrives in ~90,000 commits, and copying the whole table at each made the sink quadratic).
 * The immutable copy a reader gets is made by {@link #snapshot()}, once per committed state that
 * somebody actually reads; while it is made the RIB thread waits at its next commit.
 */
public final class InMemoryFibSink implements FibSink {
    /**
     * The current batch in order, written only by the RIB thread: prefixes, and routes or null for
     * a withdrawal, at the same index; applied in order, so the last change of a prefix wins. Lists,
     * not a map: a batch is a handful of changes, and a HashMap that once held a big batch would
     * make every later clear and iteration cost its whole capacity.
     */
    private final ArrayList<IpPrefix> pendingPrefixes = new ArrayList<>();
    private final ArrayList<FibRoute> pendingRoutes = new ArrayList<>();
    /** Whether the current batch starts from an empty table (a resync). */
    private boolean pendingClear;
    private boolean inBatch;

    private final Object lock = new Object();
    /** The table as of the last commit; guarded by {@link #lock}. */
    private final Map<IpPrefix, FibRoute> committed = new HashMap<>();
    /** An immutable copy of {@link #committed}, or null when a commit made it stale; guarded by {@link #lock}. */
    private Map<IpPrefix, FibRoute> published = Map.of();
    private final AtomicLong commits = new AtomicLong();
    private volatile boolean closed;

    @Override
    public void begin() {
        inBatch = true;
    }

    @Override
    public void install(FibRoute route) {
        checkOpen();
        pendingPrefixes.add(route.prefix());
        pendingRoutes.add(route);
        commitUnlessBatched();
    }

    @Override
    public void withdraw(IpPrefix prefix) {
        checkOpen();
        pendingPrefixes.add(prefix);
        pendingRoutes.add(null);
        commitUnlessBatched();
    }

    @Override
    public void commit() {
        inBatch = false;
        apply();
    }

    @Override
    public void resync(Collection<FibRoute> routes) {
        checkOpen();
        clearPending();
        pendingClear = true;
        for (FibRoute r : routes) {
            pendingPrefixes.add(r.prefix());
            pendingRoutes.add(r);
        }
        commitUnlessBatched();
    }

    @Override
    public void close(boolean removeRoutes) {
        if (removeRoutes) {
            clearPending();
            pendingClear = true;
            apply();
        }
        closed = true;
    }

    /** {@return the forwarding table as of the last commit: immutable, safe from any thread} */
    public Map<IpPrefix, FibRoute> snapshot() {
        synchronized (lock) {
            if (published == null) {
                published = Map.copyOf(committed);
            }
            return published;
        }
    }

    /** {@return how many states were committed (batches plus unbatched changes)} */
    public long publications() {
        return commits.get();
    }

    /** {@return true after {@link #close(boolean)}} */
    public boolean isClosed() {
        return closed;
    }

    private void commitUnlessBatched() {
        if (!inBatch) {
            apply();
        }
    }

    // moves the batch into the committed table; O(batch)
    private void apply() {
        if (pendingPrefixes.isEmpty() && !pendingClear) {
            return;
        }
        synchronized (lock) {
            if (pendingClear) {
                committed.clear();
            }
            for (int i = 0; i < pendingPrefixes.size(); i++) {
                FibRoute r = pendingRoutes.get(i);
                if (r == null) {
                    committed.remove(pendingPrefixes.get(i));
                } else {
                    committed.put(pendingPrefixes.get(i), r);
                }
            }
            published = null;
        }
        clearPending();
        pendingClear = false;
        commits.incrementAndGet();
    }

    // a resync's big batch leaves big backing arrays: let them go rather than keep them for good
    private void clearPending() {
        boolean big = pendingPrefixes.size() > 4096;
        pendingPrefixes.clear();
        pendingRoutes.clear();
        if (big) {
            pendingPrefixes.trimToSize();
            pendingRoutes.trimToSize();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("InMemoryFibSink: used after close");
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "InMemoryFibSink[" + committed.size() + " routes]";
        }
    }
}
