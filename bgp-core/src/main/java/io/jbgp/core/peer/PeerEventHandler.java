package io.jbgp.core.peer;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.fsm.NegotiatedSession;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;

/**
 * The inbound port: what the session layer tells the RIB about a neighbor (STYLE §1).
 * {@code bgp-rib} implements it; {@code bgp-netty} calls it.
 *
 * <p>Threading contract: the driver invokes every method on the RIB executor, never on a Netty
 * event loop, and in the order the events happened for one neighbor: {@code established}, then
 * any number of {@code update}/{@code treatAsWithdraw}/{@code routeRefresh}, then {@code down}.
 * Implementations therefore need no locking, and must not block (they run on the single RIB
 * thread). Calls for different neighbors interleave freely.
 *
 * <p>A neighbor that goes down without ever being established produces no calls at all: the RIB
 * only hears about sessions it could have routes from. Session attempts that fail earlier are
 * visible in the speaker's event stream instead.
 */
public interface PeerEventHandler {

    /**
     * The session reached Established (RFC 4271 §8.2.2, KEEPALIVE received in OpenConfirm).
     *
     * @param peer     the neighbor
     * @param session  what the two OPENs negotiated (families, ADD-PATH, 4-octet AS, addresses)
     * @param outbound where to send this neighbor UPDATEs and ROUTE-REFRESHes until {@code down}
     */
    void established(PeerKey peer, NegotiatedSession session, PeerOutbound outbound);

    /** An UPDATE received in Established, already decoded and RFC 7606-classified. */
    void update(PeerKey peer, UpdateMessage update);

    /**
     * An UPDATE that RFC 7606 says to treat as a withdrawal: {@code withdrawals} withdraws every
     * prefix the malformed message carried. The default handles it as an ordinary UPDATE.
     *
     * @param cause the error that would have reset the session under RFC 4271
     */
    default void treatAsWithdraw(PeerKey peer, UpdateMessage withdrawals, BgpError cause) {
        update(peer, withdrawals);
    }

    /**
     * A ROUTE-REFRESH for a family the session negotiated (RFC 2918 §4, RFC 7313 subtypes); the
     * RIB re-sends its Adj-RIB-Out for that family.
     */
    void routeRefresh(PeerKey peer, RouteRefreshMessage refresh);

    /**
     * The established session ended; the RIB withdraws everything learned from the neighbor and
     * drops its Adj-RIB-Out. The {@link PeerOutbound} from {@code established} is dead from now on.
     */
    void down(PeerKey peer, DownReason reason);
}
