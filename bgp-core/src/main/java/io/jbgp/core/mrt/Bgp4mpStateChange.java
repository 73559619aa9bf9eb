package io.jbgp.core.mrt;

import io.jbgp.core.types.Asn;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * A session state change seen by the collector: BGP4MP or BGP4MP_ET subtype STATE_CHANGE or
 * STATE_CHANGE_AS4 (RFC 6396 §4.4.1, §4.4.4). The peer part is laid out as in
 * {@link Bgp4mpMessage}; the message is replaced by two states.
 * <pre>
 * |   ... peer and local AS, interface, family, addresses ...     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Old State          |          New State            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * States use the RFC 6396 §4.4.1 codes: 1 Idle, 2 Connect, 3 Active, 4 OpenSent,
 * 5 OpenConfirm, 6 Established. Other values are kept as read.
 *
 * @param timestamp      when the change happened
 * @param subtype        STATE_CHANGE or STATE_CHANGE_AS4
 * @param peerAs         the peer's AS
 * @param localAs        the collector's AS
 * @param interfaceIndex the collector's interface index, 0 when unknown
 * @param peerAddress    the peer's address
 * @param localAddress   the collector's address on the session
 * @param oldState       the state left (1..6)
 * @param newState       the state entered (1..6)
 */
public record Bgp4mpStateChange(Instant timestamp, Bgp4mpSubtype subtype, Asn peerAs, Asn localAs,
                                int interfaceIndex, InetAddress peerAddress, InetAddress localAddress,
                                int oldState, int newState) implements MrtRecord {
    public static final int IDLE = 1;
    public static final int CONNECT = 2;
    public static final int ACTIVE = 3;
    public static final int OPEN_SENT = 4;
    public static final int OPEN_CONFIRM = 5;
    public static final int ESTABLISHED = 6;

    public Bgp4mpStateChange {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(subtype, "subtype");
        if (!subtype.isStateChange()) {
            throw new IllegalArgumentException("not a state change subtype: " + subtype);
        }
        Objects.requireNonNull(peerAs, "peerAs");
        Objects.requireNonNull(localAs, "localAs");
        Objects.requireNonNull(peerAddress, "peerAddress");
        Objects.requireNonNull(localAddress, "localAddress");
    }

    /** The RFC 4271 §8.2.2 name of a state code, e.g. "OPEN_SENT", or "state 9". */
    public static String stateName(int state) {
        return switch (state) {
            case IDLE -> "IDLE";
            case CONNECT -> "CONNECT";
            case ACTIVE -> "ACTIVE";
            case OPEN_SENT -> "OPEN_SENT";
            case OPEN_CONFIRM -> "OPEN_CONFIRM";
            case ESTABLISHED -> "ESTABLISHED";
            default -> "state " + state;
        };
    }
}
