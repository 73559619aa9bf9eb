package io.jbgp.examples.bgpd;

import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.fsm.NegotiatedSession;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.peer.PeerOutbound;
import io.jbgp.netty.SpeakerEvent;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What "show neighbor" needs and the speaker does not keep: the session each neighbor
 * negotiated, why its last session ended, and how many UPDATEs went each way. Fed from the
 * {@code PeerEventHandler} calls (on the RIB executor) and the speaker's events; read from
 * control-socket threads, hence concurrent maps and atomic counters.
 *
 * <p>Counters belong to one session: they restart when a session reaches Established and keep
 * their value after it ends, until the next one (bgpctl shows the last session's counts too).
 */
final class NeighborActivity {

    /** UPDATE counts of one session. */
    record Counts(long updatesIn, long updatesOut) {
        static final Counts NONE = new Counts(0, 0);
    }

    private final Map<InetAddress, NegotiatedSession> sessions = new ConcurrentHashMap<>();
    private final Map<InetAddress, DownReason> lastDown = new ConcurrentHashMap<>();
    private final Map<InetAddress, AtomicLong> updatesIn = new ConcurrentHashMap<>();
    private final Map<InetAddress, AtomicLong> updatesOut = new ConcurrentHashMap<>();

    /**
     * A session reached Established: remembers what it negotiated, restarts its counters and
     * returns the outbound port to hand on, wrapped so that sent UPDATEs are counted.
     */
    PeerOutbound established(PeerKey peer, NegotiatedSession session, PeerOutbound out) {
        InetAddress a = peer.address();
        sessions.put(a, session);
        AtomicLong sent = new AtomicLong();
        updatesIn.put(a, new AtomicLong());
        updatesOut.put(a, sent);
        return new CountingOutbound(out, sent);
    }

    /** An UPDATE arrived from {@code peer}. */
    void updateReceived(PeerKey peer) {
        updatesIn.computeIfAbsent(peer.address(), k -> new AtomicLong()).incrementAndGet();
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

    /** The UPDATE counts of the current or last session with {@code a}. */
    Counts counts(InetAddress a) {
        AtomicLong in = updatesIn.get(a);
        AtomicLong out = updatesOut.get(a);
        return in == null && out == null ? Counts.NONE
                : new Counts(in == null ? 0 : in.get(), out == null ? 0 : out.get());
    }

    /** Forgets a neighbor removed from the configuration. */
    void forget(InetAddress a) {
        sessions.remove(a);
        lastDown.remove(a);
        updatesIn.remove(a);
        updatesOut.remove(a);
    }

    /** Counts the UPDATEs the RIB sends through a session's port. */
    private static final class CountingOutbound implements PeerOutbound {
        private final PeerOutbound delegate;
        private final AtomicLong sent;

        CountingOutbound(PeerOutbound delegate, AtomicLong sent) {
            this.delegate = delegate;
            this.sent = sent;
        }

        @Override
        public PeerKey peer() {
            return delegate.peer();
        }

        @Override
        public void send(List<UpdateMessage> updates) {
            // sends after the session ended are dropped by the port, so they are not counted
            if (delegate.isOpen()) {
                sent.addAndGet(updates.size());
            }
            delegate.send(updates);
        }

        @Override
        public void sendRouteRefresh(RouteRefreshMessage refresh) {
            delegate.sendRouteRefresh(refresh);
        }

        @Override
        public boolean isWritable() {
            return delegate.isWritable();
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        @Override
        public void whenWritable(Runnable task) {
            delegate.whenWritable(task);
        }
    }
}
