package io.jbgp.core.fsm;

/**
 * The timers of RFC 4271 §8 (plus RFC 9687's send hold timer); each is one deadline. The
 * declaration order is the firing order when several are due at once: the fatal ones first, so
 * no KEEPALIVE goes out just before a hold-timer NOTIFICATION.
 */
public enum TimerKind {
    /** ConnectRetryTimer (RFC 4271 §8.2.1.3 Event 9): retry the outbound connection. */
    CONNECT_RETRY,
    /** HoldTimer (Event 10): the peer has been silent too long. */
    HOLD,
    /** SendHoldTimer (RFC 9687 Event 29): the peer has not read from us for too long. */
    SEND_HOLD,
    /** KeepaliveTimer (Event 11): time to send a KEEPALIVE. */
    KEEPALIVE,
    /** DelayOpenTimer (Event 12): send our OPEN now. */
    DELAY_OPEN,
    /** IdleHoldTimer (Event 13): damping over, start again. Kept by {@link Peer}. */
    IDLE_HOLD
}
