package io.jbgp.core.fsm;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.error.ErrorCode;
import io.jbgp.core.message.NotificationMessage;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a session is not (or no longer) up, as the speaker shows it to users ("show neighbor":
 * "Last error: Hold Timer Expired"). A value, so tests compare it whole.
 *
 * @param kind         the category
 * @param notification the NOTIFICATION sent or received, when one was
 * @param detail       human-readable detail (the TCP error, which check failed); may be empty
 */
public record DownReason(Kind kind, Optional<NotificationMessage> notification, String detail) {

    /** Categories of {@link DownReason}. */
    public enum Kind {
        /** ManualStop (Event 2): we sent CEASE Administrative Shutdown. */
        MANUAL_STOP,
        /** AutomaticStop (Event 8): we sent a CEASE for a reason of our own (max prefixes, ...). */
        AUTOMATIC_STOP,
        /** We turned the connection away (RFC 4486 Connection Rejected): a session was up or stopped. */
        CONNECTION_REFUSED,
        /** Collision resolution (RFC 4271 §6.8) closed this connection in favour of the other. */
        COLLISION_LOST,
        /** Our hold timer expired (Event 10); we sent Hold Timer Expired. */
        HOLD_TIMER_EXPIRED,
        /** RFC 9687: the peer stopped reading; we sent Send Hold Timer Expired. */
        SEND_HOLD_TIMER_EXPIRED,
        /** We found a protocol error (bad OPEN, malformed message, FSM error) and sent a NOTIFICATION. */
        NOTIFICATION_SENT,
        /** The peer sent a NOTIFICATION. */
        NOTIFICATION_RECEIVED,
        /** The TCP connection failed or was reset. */
        TCP_FAILURE,
        /** The peer closed the TCP connection without a NOTIFICATION. */
        TCP_CLOSED
    }

    public DownReason {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(detail, "detail");
    }

    public static DownReason of(Kind kind, NotificationMessage notification, String detail) {
        return new DownReason(kind, Optional.of(notification), detail);
    }

    public static DownReason of(Kind kind, String detail) {
        return new DownReason(kind, Optional.empty(), detail);
    }

    /**
     * True when the reason should lengthen the IdleHold back-off (RFC 4271 §8.1.1
     * DampPeerOscillations): everything except an operator's stop, a refused or collided duplicate
     * connection, and a peer's CEASE for collision resolution.
     */
    public boolean isError() {
        switch (kind) {
            case MANUAL_STOP:
            case CONNECTION_REFUSED:
            case COLLISION_LOST:
                return false;
            case NOTIFICATION_RECEIVED:
                return notification.map(n -> !(n.code() == ErrorCode.CEASE.code()
                        && n.subcode() == BgpError.CEASE_CONNECTION_COLLISION_RESOLUTION.subcode()))
                        .orElse(true);
            default:
                return true;
        }
    }

    /** E.g. {@code NOTIFICATION received: Cease / Administrative Shutdown, "maintenance"}. */
    @Override
    public String toString() {
        String base = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        if (kind == Kind.NOTIFICATION_RECEIVED || kind == Kind.NOTIFICATION_SENT) {
            base = kind == Kind.NOTIFICATION_RECEIVED ? "NOTIFICATION received" : "NOTIFICATION sent";
        }
        StringBuilder sb = new StringBuilder(base);
        notification.ifPresent(n -> sb.append(": ").append(n.toString().replaceFirst("^NOTIFICATION ", "")));
        if (!detail.isEmpty()) {
            sb.append(" (").append(detail).append(')');
        }
        return sb.toString();
    }
}
