package io.jbgp.rib.table;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.decision.Verdict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a Loc-RIB change for one prefix: the best path (or ECMP set) changed. A value,
 * as GoBGP's {@code Calculate} returns an {@code Update}; the RIB fans it out to the forwarding
 * table, to every Adj-RIB-Out and to listeners.
 *
 * @param prefix    the destination
 * @param oldBest   the previous best path, empty if there was none
 * @param newBest   the new best path, empty if the prefix is now unreachable
 * @param multipath the new ECMP set (the best first), empty when there is no best
 * @param reason    why the new best beat the runner-up, empty when it had no eligible rival
 */
public record BestPathChange(IpPrefix prefix, Optional<Route> oldBest, Optional<Route> newBest,
                             List<Route> multipath, Optional<Verdict> reason) {
    public BestPathChange {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(oldBest, "oldBest");
        Objects.requireNonNull(newBest, "newBest");
        multipath = List.copyOf(multipath);
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the prefix lost its last eligible path. */
    public boolean isWithdrawal() {
        return newBest.isEmpty();
    }
}
