package io.jbgp.netty;

import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.fsm.NegotiatedSession;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.fib.ForwardingTable.FibChange;
import io.jbgp.rib.table.BestPathChange;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened in the speaker, published through {@link BgpSpeaker#events()}. Values:
 * tests compare them whole, and they carry no channel, session or RIB object that could change
 * under the subscriber.
 *
 * <p>Two kinds: {@link PeerEvent}s about one neighbor's sessions (from the transport), and route
 * events from the RIB ({@link BestPathChanged} for the routing table, {@link FibChanged} for the
 * forwarding table). Dispatch with {@code instanceof}; the set of variants may grow.
 */
public sealed interface SpeakerEvent {

    /** An event about one neighbor's sessions. */
    sealed interface PeerEvent extends SpeakerEvent {
        /**
         * The neighbor the event is about.
         *
         * @return its key
         */
        PeerKey peer();
    }

    /**
     * The neighbor's state changed: the most advanced state among its (at most two) connections,
     * IDLE when it has none (RFC 4271 §8.2.2 state names).
     *
     * @param peer     the neighbor
     * @param previous the state before
     * @param current  the state now
     * @param reason   when {@code current} is IDLE: why the last session ended
     */
    record PeerStateChanged(PeerKey peer, SessionState previous, SessionState current,
                            Optional<DownReason> reason) implements PeerEvent {
        /**
         * Checks that no component is null.
         *
         * @param peer     the neighbor
         * @param previous the state before
         * @param current  the state now
         * @param reason   when {@code current} is IDLE: why the last session ended
         */
        public PeerStateChanged {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A session reached Established.
     *
     * @param peer    the neighbor
     * @param session what the two OPENs negotiated
     */
    record SessionEstablished(PeerKey peer, NegotiatedSession session) implements PeerEvent {
        /**
         * Checks that no component is null.
         *
         * @param peer    the neighbor
         * @param session what the two OPENs negotiated
         */
        public SessionEstablished {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(session, "session");
        }
    }

    /**
     * One connection's session ended, established or not: refused (CEASE Connection Rejected),
     * collision lost, hold timer expired, NOTIFICATION received, TCP failure, ...
     *
     * @param peer           the neighbor
     * @param reason         why, with the NOTIFICATION sent or received
     * @param wasEstablished the session had reached Established (the RIB was told it is down)
     */
    record SessionClosed(PeerKey peer, DownReason reason, boolean wasEstablished) implements PeerEvent {
        /**
         * Checks that no component is null.
         *
         * @param peer           the neighbor
         * @param reason         why, with the NOTIFICATION sent or received
         * @param wasEstablished the session had reached Established (the RIB was told it is down)
         */
        public SessionClosed {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The best path (or ECMP set) of a prefix changed in the Loc-RIB, the routing table: a path
     * was learned, lost, or beaten, or the prefix became unreachable
     * ({@link BestPathChange#isWithdrawal()}).
     *
     * @param change the change, with the old and new best and the decision step that chose
     */
    record BestPathChanged(BestPathChange change) implements SpeakerEvent {
        /**
         * Checks that no component is null.
         *
         * @param change the change, with the old and new best and the decision step that chose
         */
        public BestPathChanged {
            Objects.requireNonNull(change, "change");
        }

        /**
         * The destination whose best path changed.
         *
         * @return the prefix
         */
        public IpPrefix prefix() {
            return change.prefix();
        }
    }

    /**
     * The forwarding table changed: what was handed to the {@link io.jbgp.rib.fib.FibSink}, with
     * resolved (immediate) next hops. Emitted whether or not the sink is {@code FibSink.NONE}.
     *
     * @param change the old and new forwarding entry of one prefix
     */
    record FibChanged(FibChange change) implements SpeakerEvent {
        /**
         * Checks that no component is null.
         *
         * @param change the old and new forwarding entry of one prefix
         */
        public FibChanged {
            Objects.requireNonNull(change, "change");
        }

        /**
         * The destination whose forwarding entry changed.
         *
         * @return the prefix
         */
        public IpPrefix prefix() {
            return change.prefix();
        }
    }
}
