package io.jbgp.rib;

import io.jbgp.rib.fib.ForwardingTable.FibChange;
import io.jbgp.rib.table.BestPathChange;

/**
 * Observes RIB changes as values. Called on the RIB executor, in the order changes happen; must
 * return quickly and must not call back into the {@link Rib} synchronously (post instead).
 */
public interface RibListener {

    /** The best path (or ECMP set) of a prefix changed. */
    default void bestPathChanged(BestPathChange change) {
    }

    /** The forwarding table changed (what was handed to the FibSink). */
    default void fibChanged(FibChange change) {
    }
}
