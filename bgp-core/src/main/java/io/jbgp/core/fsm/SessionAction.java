package io.jbgp.core.fsm;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import java.util.Objects;
import java.util.Optional;

/**
 * Outputs of a {@link Session}, executed by the driver in list order. A {@link Send} of a
 * NOTIFICATION is always followed by {@link CloseConnection} in the same list, so the driver can
 * flush the NOTIFICATION and then close.
 */
public sealed interface SessionAction {

    /**
     * Open an outbound TCP connection to the peer (RFC 4271 "initiates a TCP connection"),
     * abandoning any earlier attempt of this session. Report the outcome with
     * {@link Peer#connected} or {@link Peer#connectFailed}.
     */
    record Connect() implements SessionAction {}

    /** Write a message on this session's connection. */
    record Send(BgpMessage message) implements SessionAction {
        public Send {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Flush what was sent, then close the connection (or cancel the connect attempt); the session
     * is in IDLE and will not produce further actions.
     */
    record CloseConnection() implements SessionAction {}

    /**
     * The peer's OPEN was accepted: switch the codec to {@code session.codecContext()} before the
     * next message is read or written.
     */
    record Negotiated(NegotiatedSession session) implements SessionAction {
        public Negotiated {
            Objects.requireNonNull(session, "session");
        }
    }

    /** The session reached Established: tell the RIB (PeerEventHandler.established). */
    record Established(NegotiatedSession session) implements SessionAction {
        public Established {
            Objects.requireNonNull(session, "session");
        }
    }

    /**
     * The session went to IDLE. Emitted once per session, on every exit to IDLE.
     *
     * @param reason         why, for the user
     * @param wasEstablished true when an {@link Established} preceded it, i.e. the RIB must be
     *                       told (PeerEventHandler.down)
     */
    record Down(DownReason reason, boolean wasEstablished) implements SessionAction {
        public Down {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * An UPDATE received in Established, for the RIB.
     *
     * @param update         the message
     * @param withdrawCause  present when RFC 7606 made this a treat-as-withdraw UPDATE
     *                       (PeerEventHandler.treatAsWithdraw), with the error that caused it
     */
    record DeliverUpdate(UpdateMessage update, Optional<BgpError> withdrawCause) implements SessionAction {
        public DeliverUpdate {
            Objects.requireNonNull(update, "update");
            Objects.requireNonNull(withdrawCause, "withdrawCause");
        }

        /** An ordinary UPDATE. */
        public DeliverUpdate(UpdateMessage update) {
            this(update, Optional.empty());
        }
    }

    /** A ROUTE-REFRESH for a negotiated family, received in Established, for the RIB. */
    record DeliverRouteRefresh(RouteRefreshMessage refresh) implements SessionAction {
        public DeliverRouteRefresh {
            Objects.requireNonNull(refresh, "refresh");
        }
    }
}
