package io.jbgp.rib;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.fib.FibRoute;
import io.jbgp.rib.fib.FibSink;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** A FIB sink that keeps routes in a map and checks that every change happens inside a batch. */
public final class MemoryFibSink implements FibSink {

    public final Map<IpPrefix, FibRoute> routes = new TreeMap<>();
    public int batches;
    private boolean open;

    @Override
    public void begin() {
        if (open) {
            throw new AssertionError("begin inside a batch");
        }
        open = true;
        batches++;
    }

    @Override
    public void install(FibRoute route) {
        check();
        routes.put(route.prefix(), route);
    }

    @Override
    public void withdraw(IpPrefix prefix) {
        check();
        routes.remove(prefix);
    }

    @Override
    public void commit() {
        check();
        open = false;
    }

    @Override
    public void resync(Collection<FibRoute> all) {
        routes.clear();
        all.forEach(r -> routes.put(r.prefix(), r));
    }

    public boolean isInBatch() {
        return open;
    }

    private void check() {
        if (!open) {
            throw new AssertionError("FIB change outside begin/commit");
        }
    }
}
