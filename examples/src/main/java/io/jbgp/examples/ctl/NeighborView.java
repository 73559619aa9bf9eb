package io.jbgp.examples.ctl;

import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.types.Asn;
import java.net.InetAddress;
import java.util.Optional;

/**
 * One neighbor as {@code bgpctl show summary} reports it; the daemon fills it from its session
 * and RIB state.
 *
 * @param uptimeSeconds seconds since the session last went up or down, or {@link #NEVER}; while
 *     Established this is the time since it became Established
 * @param prefixesReceived paths held in the Loc-RIB from this neighbor (eligible or not)
 * @param prefixesSent prefixes in its Adj-RIB-Out
 * @param updatesIn UPDATE messages received on the current (or last) session
 * @param updatesOut UPDATE messages sent on the current (or last) session
 * @param outQueue UPDATEs waiting to be sent (not exposed by the speaker: 0)
 * @param maxPrefix the configured {@code max-prefix}, 0 when none (shown as {@code PrfRcvd/max})
 */
public record NeighborView(
        InetAddress address, Asn remoteAs, Optional<String> description, SessionState state,
        long uptimeSeconds, long prefixesReceived, long prefixesSent, long updatesIn,
        long updatesOut, long outQueue, long maxPrefix) {

    /** {@link #uptimeSeconds} of a session that never changed state. */
    public static final long NEVER = -1;
}
