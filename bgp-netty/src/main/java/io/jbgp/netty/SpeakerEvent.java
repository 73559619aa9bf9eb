package io.jbgp.netty;

import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.fsm.NegotiatedSession;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.peer.PeerKey;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to a neighbor, published through {@link BgpSpeaker#events()}. Values:
 * tests compare them whole, and they carry no channel or session object.
 */
public sealed interface SpeakerEvent {

    /** The neighbor the event is about. */
    PeerKey peer();

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
                            Optional<DownReason> reason) implements SpeakerEvent {
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
    record SessionEstablished(PeerKey peer, NegotiatedSession session) implements SpeakerEvent {
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
    record SessionClosed(PeerKey peer, DownReason reason, boolean wasEstablished) implements SpeakerEvent {
        public SessionClosed {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
