package io.jbgp.netty;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.RibPeerSettings;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.origin.OriginConfig;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * An embeddable BGP-4 speaker (STYLE §8), the one object an application holds: it listens,
 * connects, runs one FSM per neighbor, and runs the RIB (Adj-RIBs-In, import policy, decision
 * process, Loc-RIB, forwarding table and {@link io.jbgp.rib.fib.FibSink}, export policy,
 * Adj-RIBs-Out) fed by the sessions, by {@link #announce} and by the {@code network} statements.
 *
 * <p>Per-neighbor routing settings (import and export policy, next-hop-self addresses) are a
 * {@link RibPeerSettings} given next to the transport's {@link PeerConfig} in
 * {@link #addPeer(PeerConfig, RibPeerSettings)}: {@code PeerConfig} lives in bgp-core, which
 * knows nothing of the RIB. An eBGP neighbor without an import (export) policy accepts
 * (announces) nothing, RFC 8212; an iBGP neighbor without one accepts (announces) everything.
 *
 * <p>Threading: every method may be called from any thread and returns without waiting for the
 * network or the RIB, except {@link #close()} and {@link #start()}, which wait (bounded) for
 * sockets to be closed or bound. Route changes are queued to the RIB's single thread and take
 * effect in call order. {@link #events()} subscribers run on the callback executor (the RIB
 * executor by default).
 */
public interface BgpSpeaker extends AutoCloseable {

    /**
     * Resyncs the FIB sink, loads the host routes, binds the listeners and starts every neighbor
     * added so far. Idempotent; {@code NettyBgpSpeaker.Builder.build()} calls it unless told not
     * to.
     */
    void start();

    /**
     * Adds a neighbor without routing policies ({@link RibPeerSettings#NONE}).
     *
     * @param peer the transport side: address, AS, timers, capabilities
     */
    default void addPeer(PeerConfig peer) {
        addPeer(peer, RibPeerSettings.NONE);
    }

    /**
     * Adds a neighbor with its routing settings; it is started at once when the speaker runs.
     *
     * @param peer     the transport side: address, AS, timers, capabilities
     * @param settings the RIB side: import and export policy, next-hop-self addresses
     * @throws IllegalArgumentException if the neighbor is already configured
     */
    void addPeer(PeerConfig peer, RibPeerSettings settings);

    /**
     * Replaces a neighbor's routing settings without resetting its session: the new import policy
     * is re-run over what it sent (soft reconfiguration inbound, kept Adj-RIB-In pre-policy), the
     * new export policy re-exports the Loc-RIB to it. Next-hop-self addresses apply from its next
     * session.
     *
     * @param peer     the neighbor
     * @param settings its new import and export policy and next-hop-self addresses
     * @return true if the neighbor is configured
     */
    boolean updatePeer(PeerKey peer, RibPeerSettings settings);

    /**
     * Removes a neighbor: its sessions end with CEASE Peer De-configured (RFC 4486 subcode 3) and
     * its routes leave the RIB.
     *
     * @param peer the neighbor
     * @return true if the neighbor existed
     */
    boolean removePeer(PeerKey peer);

    /**
     * Removes a neighbor, ending its sessions with the given CEASE subcode: CEASE Administrative
     * Shutdown or Administrative Reset may carry a shutdown communication (RFC 9003 §2), which is
     * what OpenBGPD and FRR send when an operator takes a neighbor down or out of the
     * configuration.
     *
     * @param peer          the neighbor
     * @param cease         a Cease subcode, e.g. {@code CEASE_ADMINISTRATIVE_SHUTDOWN}
     * @param communication the RFC 9003 text (ignored by the peer for other subcodes), or empty
     * @return true if the neighbor existed
     */
    boolean removePeer(PeerKey peer, io.jbgp.core.error.BgpError cease, java.util.Optional<String> communication);

    /**
     * Takes a neighbor down without removing it (OpenBGPD's {@code bgpctl neighbor ADDR down}):
     * its sessions end with the given CEASE subcode (RFC 4486) and communication (RFC 9003), and it
     * stays Idle, refusing connections, until {@link #startPeer}. Its configuration, routing
     * settings and {@link #statistics} are kept. Stopping a stopped neighbor sends nothing.
     *
     * @param peer          the neighbor
     * @param cease         a Cease subcode, e.g. {@code CEASE_ADMINISTRATIVE_SHUTDOWN}
     * @param communication the RFC 9003 text (ignored by the peer for other subcodes), or empty
     * @return true if the neighbor is configured
     */
    boolean stopPeer(PeerKey peer, io.jbgp.core.error.BgpError cease, java.util.Optional<String> communication);

    /**
     * Starts a neighbor stopped with {@link #stopPeer} (ManualStart, RFC 4271 Event 1), at once
     * and without the IdleHold back-off. A running neighbor waiting out its back-off starts at once
     * as well; an established one is not disturbed.
     *
     * @param peer the neighbor
     * @return true if the neighbor is configured
     */
    boolean startPeer(PeerKey peer);

    /**
     * Resets a neighbor's sessions (OpenBGPD's {@code bgpctl neighbor ADDR clear}): CEASE
     * Administrative Reset (RFC 4486 subcode 4) with the communication (RFC 9003), then a new
     * session attempt at once, the back-off forgotten. A stopped neighbor is started. Its
     * configuration, routing settings and {@link #statistics} are kept.
     *
     * @param peer          the neighbor
     * @param communication the RFC 9003 text, or empty
     * @return true if the neighbor is configured
     */
    boolean resetPeer(PeerKey peer, java.util.Optional<String> communication);

    /**
     * The neighbor's current state: the most advanced of its connections (RFC 4271 §8.2.2).
     *
     * @param peer the neighbor
     * @return its state, or empty when it is not configured
     */
    Optional<SessionState> peerState(PeerKey peer);

    /**
     * The neighbor's message statistics (OpenBGPD's MsgRcvd, MsgSent and OutQ, and its per-type
     * "Message statistics"): messages read and written by type, prefixes announced and withdrawn,
     * End-of-RIB markers, what is queued for the socket, and the last NOTIFICATION each way.
     * The counts cover every session since the neighbor was added; they are not reset when a
     * session ends. Never blocks: safe to call from any thread, the event loops included.
     *
     * @param peer the neighbor
     * @return a snapshot of its counters, or empty when it is not configured
     */
    Optional<MessageStatistics> statistics(PeerKey peer);

    /**
     * The configured neighbors.
     *
     * @return their keys, sorted
     */
    List<PeerKey> peers();

    /**
     * The addresses the listeners are bound to.
     *
     * @return the bound addresses, with the real ports when 0 was asked for; empty before start
     */
    List<InetSocketAddress> listenAddresses();

    /**
     * Originates a prefix (OpenBGPD {@code network 203.0.113.0/24}), replacing an earlier
     * announcement of it. The RIB supplies AS_PATH and the next hop towards each neighbor
     * (next hop self when {@code attributes} has none, RFC 4271 §5.1.3); export policies apply.
     *
     * @param prefix     the destination to originate
     * @param attributes its path attributes (ORIGIN, MED, communities, ...)
     * @throws IllegalStateException when the speaker is closed
     */
    void announce(IpPrefix prefix, AttributeSet attributes);

    /**
     * {@link #announce(IpPrefix, AttributeSet)} with ORIGIN IGP and no other attribute.
     *
     * @param prefix the destination to originate
     */
    default void announce(IpPrefix prefix) {
        announce(prefix, AttributeSet.builder().build());
    }

    /**
     * Stops originating a prefix announced with {@link #announce}; no-op if it was not.
     *
     * @param prefix the destination
     */
    void withdraw(IpPrefix prefix);

    /**
     * Asks an established neighbor to re-send a family with ROUTE-REFRESH (RFC 2918), e.g. after
     * an import policy change when its pre-policy routes were not kept.
     *
     * @param peer   the neighbor
     * @param family the address family to re-send
     * @return false when no session is up, or it did not negotiate route refresh or the family
     */
    boolean requestRouteRefresh(PeerKey peer, AddressFamily family);

    /**
     * Replaces the {@code network} statements and redistribution overrides at run time: prefixes
     * the new configuration no longer originates are withdrawn, new ones announced. Prefixes
     * given to {@link #announce} are not affected.
     *
     * @param origin the new statements and overrides
     */
    void reconfigureOrigin(OriginConfig origin);

    /**
     * Read access to the routing and forwarding tables.
     *
     * @return the view (one per speaker)
     */
    RibView rib();

    /**
     * Neighbor state changes, sessions, best-path and forwarding-table changes.
     *
     * @return the event stream to subscribe to
     */
    SpeakerEvents events();

    /**
     * Stops: CEASE Administrative Shutdown with the shutdown communication (RFC 9003) to every
     * neighbor, waits (bounded) for the NOTIFICATIONs to be flushed, closes the listeners and the
     * system route source, closes the FIB sink (removing our routes from it unless told to keep
     * them), stops the RIB and releases the event loops and executors the speaker created.
     *
     * @param shutdownCommunication the operator's reason sent in the CEASE, if any
     */
    void close(Optional<String> shutdownCommunication);

    /** {@link #close(Optional)} without a shutdown communication. */
    @Override
    default void close() {
        close(Optional.empty());
    }
}
