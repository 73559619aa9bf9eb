package io.jbgp.netty;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.peer.PeerKey;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * An embeddable BGP-4 speaker (STYLE §8): it listens, connects, runs one FSM per neighbor and
 * hands established sessions to the RIB through {@link io.jbgp.core.peer.PeerEventHandler}.
 * {@link #close()} ends every session with CEASE Administrative Shutdown (RFC 4486 subcode 2).
 *
 * <p>Threading: every method may be called from any thread and returns without waiting for the
 * network, except {@link #close()} and {@link #start()}, which wait (bounded) for sockets to be
 * closed or bound. Events and {@code PeerEventHandler} calls arrive on the callback executor.
 */
public interface BgpSpeaker extends AutoCloseable {

    /** Binds the listeners and starts every neighbor added so far. Idempotent. */
    void start();

    /** Adds a neighbor, started at once when the speaker runs. */
    void addPeer(PeerConfig peer);

    /**
     * Removes a neighbor: its sessions end with CEASE Peer De-configured (RFC 4486 subcode 3).
     *
     * @return true if the neighbor existed
     */
    boolean removePeer(PeerKey peer);

    /** The neighbor's current state, or empty when it is not configured. */
    Optional<SessionState> peerState(PeerKey peer);

    /** The configured neighbors. */
    List<PeerKey> peers();

    /** The addresses the listeners are bound to (the real ports when 0 was asked for). */
    List<InetSocketAddress> listenAddresses();

    /** Neighbor state changes, established and closed sessions. */
    SpeakerEvents events();

    /**
     * Stops: CEASE Administrative Shutdown with the shutdown communication (RFC 9003) to every
     * neighbor, waits (bounded) for the NOTIFICATIONs to be flushed, closes the listeners and
     * releases the event loops and executors the speaker created.
     */
    void close(Optional<String> shutdownCommunication);

    /** {@link #close(Optional)} without a shutdown communication. */
    @Override
    default void close() {
        close(Optional.empty());
    }
}
