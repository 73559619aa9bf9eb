package io.jbgp.core.fsm;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.Bytes;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs to a {@link Session}, named after the RFC 4271 §8.1 events they stand for. Timer events
 * (9–13, RFC 9687's 29) are not here: they come out of {@link Session#poll(long)}.
 */
public sealed interface SessionEvent {

    /**
     * Event 1 ManualStart / Event 4 ManualStart_with_PassiveTcpEstablishment.
     *
     * @param passive wait for the peer to connect instead of connecting out
     */
    record ManualStart(boolean passive) implements SessionEvent {}

    /**
     * Event 3 AutomaticStart / Event 5 AutomaticStart_with_PassiveTcpEstablishment: the restart a
     * {@link Peer} issues after its IdleHold timer.
     */
    record AutomaticStart(boolean passive) implements SessionEvent {}

    /**
     * Event 2 ManualStop: CEASE Administrative Shutdown (RFC 4486 subcode 2), with an optional
     * shutdown communication (RFC 9003).
     */
    record ManualStop(Optional<String> communication) implements SessionEvent {
        public ManualStop {
            Objects.requireNonNull(communication, "communication");
        }
    }

    /**
     * Event 8 AutomaticStop: the speaker ends the session for a reason of its own, e.g. maximum
     * prefixes reached (CEASE subcode 1), peer de-configured (3) or collision resolution (7).
     *
     * @param cease         a CEASE subcode
     * @param communication RFC 9003 text, only sent with subcodes 2 and 4
     */
    record AutomaticStop(BgpError cease, Optional<String> communication) implements SessionEvent {
        public AutomaticStop {
            Objects.requireNonNull(cease, "cease");
            if (cease.code() != io.jbgp.core.error.ErrorCode.CEASE) {
                throw new IllegalArgumentException("not a CEASE subcode: " + cease);
            }
            Objects.requireNonNull(communication, "communication");
        }
    }

    /**
     * Event 16 Tcp_CR_Acked (our connect succeeded) or Event 17 TcpConnectionConfirmed (we
     * accepted the peer's connection).
     *
     * @param local   our end of the connection
     * @param remote  the peer's end
     * @param inbound true for Event 17 (the peer initiated), which matters for collision
     *                resolution (RFC 4271 §6.8)
     */
    record TcpConnected(InetSocketAddress local, InetSocketAddress remote, boolean inbound)
            implements SessionEvent {
        public TcpConnected {
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(remote, "remote");
        }
    }

    /** Event 18 TcpConnectionFails: the connect attempt failed or the connection was reset. */
    record TcpConnectionFails(String reason) implements SessionEvent {
        public TcpConnectionFails {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Event 18 as well, but an orderly close (FIN) by the peer without a NOTIFICATION. */
    record TcpClosed() implements SessionEvent {}

    /**
     * Events 19 BGPOpen, 25 NotifMsg, 26 KeepAliveMsg, 27 UpdateMsg, and ROUTE-REFRESH (RFC 2918):
     * a well-formed message from the peer.
     */
    record MessageReceived(BgpMessage message) implements SessionEvent {
        public MessageReceived {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Events 21 BGPHeaderErr, 22 BGPOpenMsgErr, 28 UpdateMsgErr: the codec refused a message. The
     * FSM sends exactly this error and data in a NOTIFICATION, then closes.
     */
    record DecodeFailed(BgpError error, Bytes data) implements SessionEvent {
        public DecodeFailed {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * Event 27 UpdateMsg for an UPDATE that RFC 7606 §2 says to treat as withdraw: the session
     * stays up, the hold timer restarts, and {@code withdrawals} goes to the RIB.
     */
    record UpdateTreatedAsWithdraw(UpdateMessage withdrawals, BgpError cause) implements SessionEvent {
        public UpdateTreatedAsWithdraw {
            Objects.requireNonNull(withdrawals, "withdrawals");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * RFC 9687: the connection stopped accepting our data (Netty: the channel became unwritable).
     * Starts the SendHoldTimer unless it is running.
     */
    record SendBufferStalled() implements SessionEvent {}

    /** RFC 9687: the peer is reading again (the channel became writable); stops the SendHoldTimer. */
    record SendBufferDrained() implements SessionEvent {}
}
