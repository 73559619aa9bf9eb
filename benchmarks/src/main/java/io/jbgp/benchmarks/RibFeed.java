package io.jbgp.benchmarks;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.peer.PeerOutbound;
import io.jbgp.rib.Rib;
import io.jbgp.rib.RibCommand;
import io.jbgp.rib.RibConfig;
import io.jbgp.rib.RibExecutor;
import io.jbgp.rib.attr.AttributeInterner;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.rib.policy.Policies;
import java.util.List;
import java.util.Optional;

/**
 * Builds a {@link Rib} facade on a direct executor (commands run synchronously on the caller's
 * thread) with {@link SyntheticNeighbors} up, and feeds it the recorded full table from each of
 * them. Shared by {@link RibChurnBenchmark} and {@link RibFootprint}.
 */
final class RibFeed {
    private final SyntheticNeighbors neighbors;
    private final AttributeInterner interner;
    private final Rib rib;
    private final CountingOutbound[] outbounds;

    /** A RIB with {@code neighbors} up, accepting and announcing everything, next hops resolvable. */
    RibFeed(SyntheticNeighbors neighbors, AttributeInterner interner) {
        this.neighbors = neighbors;
        this.interner = interner;
        RibConfig config = new RibConfig(SyntheticNeighbors.LOCAL_AS, SyntheticNeighbors.LOCAL_ID,
                io.jbgp.rib.decision.DecisionOptions.DEFAULT, false, false, 1000, System::nanoTime,
                io.jbgp.rib.fib.FibSink.NONE, interner);
        rib = new Rib(config, RibExecutor.direct());
        rib.post(new RibCommand.SystemRouteChanged(SystemRoute.connected(SyntheticNeighbors.LAN, "lan0"), true));
        outbounds = new CountingOutbound[neighbors.count()];
        for (int i = 0; i < neighbors.count(); i++) {
            outbounds[i] = new CountingOutbound(PeerKey.of(neighbors.neighbor(i).address()));
            rib.post(new RibCommand.PeerUp(neighbors.neighbor(i), CodecContext.DEFAULT, outbounds[i],
                    Optional.of(Policies.allowAll()), Optional.of(Policies.allowAll())));
        }
    }

    Rib rib() {
        return rib;
    }

    /** UPDATEs the RIB has sent to all neighbors together. */
    long sent() {
        long n = 0;
        for (CountingOutbound o : outbounds) {
            n += o.sent;
        }
        return n;
    }

    /**
     * Feeds every recorded UPDATE from every neighbor (neighbor by neighbor, as sessions coming up
     * one after the other would), each with that neighbor's view of its attributes.
     *
     * @param decodeAfresh decode each message again per neighbor, so no two neighbors share NLRI
     *                     objects, as separate sessions would not (for memory measurements)
     * @return the paths announced
     */
    long feed(FullTable table, boolean decodeAfresh) {
        List<UpdateMessage> decoded = table.decodeAll();
        AttributeSet[] recorded = new AttributeSet[decoded.size()];
        for (int m = 0; m < decoded.size(); m++) {
            recorded[m] = interner.intern(AttributeSet.of(decoded.get(m).attributes(), null));
        }
        long paths = 0;
        for (int i = 0; i < neighbors.count(); i++) {
            for (int m = 0; m < decoded.size(); m++) {
                UpdateMessage u = decodeAfresh ? FullTable.decode(table.messages().get(m), table.context())
                        : decoded.get(m);
                UpdateMessage mine = u;
                if (!u.announced().isEmpty()) {
                    AttributeSet view = neighbors.view(i, recorded[m], false, interner);
                    mine = new UpdateMessage(u.withdrawn(), view.toPathAttributes(true), Optional.empty(),
                            Optional.empty(), u.announced());
                }
                paths += mine.announced().size();
                rib.post(new RibCommand.Update(neighbors.neighbor(i).address(), mine));
            }
        }
        return paths;
    }

    /**
     * Neighbor {@code i}'s copy of the recorded table, as its session would hand it to the RIB:
     * the UPDATEs decoded, each announcement carrying that neighbor's view of its attributes.
     */
    List<UpdateMessage> messagesOf(int i, FullTable table) {
        List<UpdateMessage> decoded = table.decodeAll();
        List<UpdateMessage> out = new java.util.ArrayList<>(decoded.size());
        for (UpdateMessage u : decoded) {
            if (u.announced().isEmpty()) {
                out.add(u);
                continue;
            }
            AttributeSet recorded = interner.intern(AttributeSet.of(u.attributes(), null));
            AttributeSet view = neighbors.view(i, recorded, false, interner);
            out.add(new UpdateMessage(u.withdrawn(), view.toPathAttributes(true), Optional.empty(),
                    Optional.empty(), u.announced()));
        }
        return out;
    }

    /** Posts already built UPDATEs from neighbor {@code i}; returns the paths they announce. */
    long post(int i, List<UpdateMessage> messages) {
        java.net.InetAddress from = neighbors.neighbor(i).address();
        long paths = 0;
        for (UpdateMessage u : messages) {
            paths += u.announced().size();
            rib.post(new RibCommand.Update(from, u));
        }
        return paths;
    }

    /** Counts and drops what the RIB sends; always writable. */
    private static final class CountingOutbound implements PeerOutbound {
        private final PeerKey peer;
        long sent;

        CountingOutbound(PeerKey peer) {
            this.peer = peer;
        }

        @Override
        public PeerKey peer() {
            return peer;
        }

        @Override
        public void send(List<UpdateMessage> updates) {
            sent += updates.size();
        }

        @Override
        public void sendRouteRefresh(RouteRefreshMessage refresh) {
        }

        @Override
        public boolean isWritable() {
            return true;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void whenWritable(Runnable task) {
            task.run();
        }
    }
}
