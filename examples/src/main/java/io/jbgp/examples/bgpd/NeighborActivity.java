package io.jbgp.examples.bgpd;

import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.fsm.NegotiatedSession;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.netty.SpeakerEvent;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What "show neighbor" needs and the speaker does not keep: the session each neighbor
 * negotiated and why its last session ended. (Message counts are the speaker's own,
 * {@code BgpSpeaker.statistics}, counted on the wire.) Fed from the {@code PeerEventHandler}
 * calls (on the RIB executor) and the speaker's events; read from control-socket threads, hence
 * concurrent maps.
 */
final class NeighborActivity {

    private final Map<InetAddress, NegotiatedSession> sessions = new ConcurrentHashMap<>();
    private final Map<InetAddress, DownReason> lastDown = new ConcurrentHashMap<>();

    /** A session reached Established: remembers what it negotiated. */
    void established(PeerKey peer, NegotiatedSession session) {
        sessions.put(peer.address(), session);
    }

    /** An established session ended. */
    void down(PeerKey peer, DownReason reason) {
        sessions.remove(peer.address());
        lastDown.put(peer.address(), reason);
    }

    /**
     * The speaker reports any connection's end. Established sessions are already recorded by
     * {@link #down}. Of the failed attempts only those ended by a NOTIFICATION are kept (an
     * OPEN refused for a bad AS or hold time), like bgpctl's "Last error": a neighbor that is
     * simply not there yet fails every connect-retry with a TCP error, which would otherwise
     * bury the reason the last session ended. Collision resolution (RFC 4271 §6.8) and a
     * refused duplicate say nothing about the neighbor ({@link DownReason#isError()}).
     */
    void event(SpeakerEvent e) {
        if (e instanceof SpeakerEvent.SessionClosed c && !c.wasEstablished()
                && c.reason().notification().isPresent() && c.reason().isError()
                && !sessions.containsKey(c.peer().address())) {
            lastDown.put(c.peer().address(), c.reason());
        }
    }

    /** The session in effect with {@code a}, if Established. */
    Optional<NegotiatedSession> session(InetAddress a) {
        return Optional.ofNullable(sessions.get(a));
    }

    /** Why the last session (or attempt) with {@code a} ended. */
    Optional<DownReason> lastDown(InetAddress a) {
        return Optional.ofNullable(lastDown.get(a));
    }

    /** Forgets a neighbor removed from the configuration. */
    void forget(InetAddress a) {
        sessions.remove(a);
        lastDown.remove(a);
    }
}
