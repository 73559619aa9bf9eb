package io.jbgp.examples.ctl;

import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.types.Asn;
import io.jbgp.netty.MessageStatistics;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One neighbor as {@code bgpctl show summary} reports it; the daemon fills it from its session
 * and RIB state.
 *
 * @param uptimeSeconds seconds since the session last went up or down, or {@link #NEVER}; while
 *     Established this is the time since it became Established
 * @param prefixesReceived paths held in the Loc-RIB from this neighbor (eligible or not)
 * @param prefixesSent prefixes in its Adj-RIB-Out
 * @param statistics the speaker's message counters for this neighbor: every message of every
 *     session since the neighbor was configured (OpenBGPD keeps them across session resets)
 * @param maxPrefix the configured {@code max-prefix}, 0 when none (shown as {@code PrfRcvd/max})
 */
public record NeighborView(
        InetAddress address, Asn remoteAs, Optional<String> description, SessionState state,
        long uptimeSeconds, long prefixesReceived, long prefixesSent, MessageStatistics statistics,
        long maxPrefix) {

    /** {@link #uptimeSeconds} of a session that never changed state. */
    public static final long NEVER = -1;

    /** Checks the fields. */
    public NeighborView {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(statistics, "statistics");
    }

    /** {@return bgpctl's MsgRcvd: messages of every type received} */
    public long messagesReceived() {
        return statistics.received().total();
    }

    /** {@return bgpctl's MsgSent: messages of every type written to the socket} */
    public long messagesSent() {
        return statistics.sent().total();
    }

    /** {@return UPDATE messages received} */
    public long updatesIn() {
        return statistics.received().updates();
    }

    /** {@return UPDATE messages sent} */
    public long updatesOut() {
        return statistics.sent().updates();
    }

    /** {@return bgpctl's OutQ: messages queued for the socket, not yet written} */
    public long outQueue() {
        return statistics.outQueueMessages();
    }
}
