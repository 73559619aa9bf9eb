package io.jbgp.netty;

import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.Rib;
import io.jbgp.rib.RibSnapshot;
import io.jbgp.rib.fib.FibRoute;
import io.jbgp.rib.table.Route;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

/**
 * Read access to a speaker's RIB, from any thread: the routing table (the Loc-RIB, every
 * candidate of every prefix with the best marked and the reason it won), the forwarding table
 * (best BGP paths with resolved next hops, what the {@link io.jbgp.rib.fib.FibSink} holds) and
 * each established neighbor's Adj-RIBs.
 *
 * <p>Every answer is an immutable copy taken on the RIB executor between two RIB commands, so it
 * is consistent, and it is returned as a future because the RIB thread is the only one allowed to
 * read live state (STYLE §7 rule 11). Joining one of these futures on the RIB executor itself
 * (from an event subscriber, with the default callback executor) would wait forever: chain with
 * {@code thenAccept} there instead.
 */
public final class RibView {
    private final Rib rib;

    RibView(Rib rib) {
        this.rib = Objects.requireNonNull(rib, "rib");
    }

    /**
     * A consistent copy of the whole RIB.
     *
     * @return the snapshot; fails with {@link IllegalStateException} after close
     */
    public CompletableFuture<RibSnapshot> snapshot() {
        try {
            return rib.snapshot();
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("RibView.snapshot: speaker is closed", e));
        }
    }

    /**
     * Calls {@code visitor} with each destination of a family and its candidates (best first),
     * in prefix order, over one consistent snapshot. The visitor runs on the RIB executor when the
     * snapshot is taken after this call returns, else on the calling thread.
     *
     * @param family  the address family to walk
     * @param visitor called with each prefix and its candidates, best first
     * @return completes after the last destination was visited, or with the visitor's exception
     */
    public CompletableFuture<Void> visit(AddressFamily family,
                                         BiConsumer<IpPrefix, List<RibSnapshot.CandidateView>> visitor) {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(visitor, "visitor");
        return snapshot().thenAccept(s -> s.routes(family)
                .forEach(d -> visitor.accept(d.prefix(), d.candidates())));
    }

    /**
     * The best path of every reachable prefix of a family (the routing table's winners).
     *
     * @param family the address family
     * @return the best paths, in prefix order
     */
    public CompletableFuture<Map<IpPrefix, Route>> bestPaths(AddressFamily family) {
        Objects.requireNonNull(family, "family");
        return snapshot().thenApply(s -> s.bestPaths(family));
    }

    /**
     * The forwarding table: what the FIB sink was given.
     *
     * @return the entries with resolved next hops, in prefix order
     */
    public CompletableFuture<Map<IpPrefix, FibRoute>> forwardingTable() {
        return snapshot().thenApply(RibSnapshot::forwarding);
    }
}
