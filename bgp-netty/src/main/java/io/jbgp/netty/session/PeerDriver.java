package io.jbgp.netty.session;

import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.fsm.NegotiatedSession;
import io.jbgp.core.fsm.Peer;
import io.jbgp.core.fsm.PeerAction;
import io.jbgp.core.fsm.Session;
import io.jbgp.core.fsm.SessionAction;
import io.jbgp.core.fsm.SessionEvent;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.fsm.Ticker;
import io.jbgp.core.peer.PeerEventHandler;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.netty.MessageStatistics;
import io.jbgp.netty.SpeakerEvent;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one neighbor's sans-IO {@link Peer} on one Netty {@link EventLoop} (STYLE §6.6: Netty is
 * only the driver). Both of the neighbor's connections, the outbound one and an accepted one, are
 * registered on this loop, so the Peer's collision resolution (RFC 4271 §6.8) sees the events of
 * both in one order and needs no locks. Everything here runs on {@link #loop()}; the public
 * methods hop onto it when called from elsewhere.
 *
 * <p>The driver turns channel events into {@link SessionEvent}s, executes the returned
 * {@link PeerAction}s in order, flushes each written channel once at the end of a batch, and
 * keeps exactly one scheduled wake-up at {@link Peer#nextDeadline()} (OpenBGPD's
 * {@code timer_nextduein} loop). RIB-bound work ({@link PeerEventHandler} calls) is posted to the
 * RIB executor, never run on the event loop.
 */
public final class PeerDriver {
    private static final Logger LOG = LoggerFactory.getLogger(PeerDriver.class);
    /** How long a NOTIFICATION may take to drain before the connection is closed regardless. */
    private static final long CLOSE_GRACE_SECONDS = 5;
    /** Sessions going down because the peer stopped reading (RFC 9687): closed without a grace. */
    private final Set<Session> stalled = new LinkedHashSet<>();

    /** Opens outbound connections for a driver (the transport's {@code PeerConnector}). */
    public interface Connector {
        /**
         * Starts a connection attempt registered on {@code driver.loop()} whose pipeline is built
         * by {@link SessionChannelInitializer} with {@code inbound = false}.
         *
         * @param driver the neighbor to connect to
         * @return the connection attempt
         */
        ChannelFuture connect(PeerDriver driver);
    }

    private final Peer peer;
    private final EventLoop loop;
    private final Ticker ticker;
    private final PeerEventHandler handler;
    private final Executor ribExecutor;
    private final Consumer<SpeakerEvent> events;
    private final Connector connector;

    /** Message counts of every connection this neighbor ever had (OpenBGPD keeps them per peer). */
    private final MessageCounters counters = new MessageCounters();
    private final Map<Session, SessionHandler> bound = new IdentityHashMap<>();
    private final Map<Session, ChannelPeerOutbound> outbounds = new IdentityHashMap<>();
    private final Set<Channel> dirty = new LinkedHashSet<>();
    private final Set<Channel> closing = new LinkedHashSet<>();
    private ChannelFuture pendingConnect;
    private ScheduledFuture<?> wakeUp;
    private long wakeUpAt;
    private SessionState lastState = SessionState.IDLE;
    private volatile SessionState publishedState = SessionState.IDLE;
    private Promise<Void> stopped;
    /** A {@link #start} whose loop task has not run yet; written by any thread, consumed on the loop. */
    private volatile boolean startPending;

    /**
     * A driver for one neighbor; nothing happens before {@link #start()}.
     *
     * @param peer        the neighbor's FSMs (collision handling included)
     * @param loop        the loop it and both its connections run on
     * @param ticker      the FSM clock
     * @param handler     the inbound port (the RIB)
     * @param ribExecutor where {@code handler} is called, in order
     * @param events      receives the neighbor's {@code SpeakerEvent}s
     * @param connector   opens outbound connections
     */
    public PeerDriver(Peer peer, EventLoop loop, Ticker ticker, PeerEventHandler handler,
                      Executor ribExecutor, Consumer<SpeakerEvent> events, Connector connector) {
        this.peer = Objects.requireNonNull(peer, "peer");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.ribExecutor = Objects.requireNonNull(ribExecutor, "ribExecutor");
        this.events = Objects.requireNonNull(events, "events");
        this.connector = Objects.requireNonNull(connector, "connector");
    }

    /**
     * The event loop this neighbor and both of its connections run on.
     *
     * @return the neighbor's loop
     */
    public EventLoop loop() {
        return loop;
    }

    /**
     * The neighbor's identity.
     *
     * @return its key
     */
    public PeerKey key() {
        return peer.key();
    }

    /**
     * The neighbor's configuration.
     *
     * @return its transport configuration
     */
    public io.jbgp.core.config.PeerConfig config() {
        return peer.config();
    }

    /**
     * The state last computed on the loop; safe to read from any thread.
     *
     * @return the most advanced state of its connections
     */
    public SessionState state() {
        return publishedState;
    }

    /**
     * The neighbor's message statistics: every message read from and written to any of its
     * connections since the driver was created, and what is queued for the socket now. Safe to
     * call from any thread; reads counters, never waits for the loop.
     *
     * @return a snapshot of the counters
     */
    public MessageStatistics statistics() {
        return counters.snapshot();
    }

    MessageCounters counters() {
        return counters;
    }

    /**
     * Runs {@code query} against the Peer on its loop and returns the result (for "show" output
     * and tests; the Peer itself must never escape the loop).
     *
     * @param <T>   the answer's type
     * @param query a function of the Peer, run on its loop
     * @return the answer, completed on the loop
     */
    public <T> Future<T> inspect(java.util.function.Function<Peer, T> query) {
        return loop.submit(() -> query.apply(peer));
    }

    /**
     * ManualStart (RFC 4271 Event 1 or 4). The start runs as a task on the loop; a connection the
     * loop accepts before that task ran (the listener registers accepted channels inline when it
     * shares the loop, in the same I/O pass) runs the pending start first, so a neighbor added
     * just before its peer connects is never refused as "stopped".
     */
    public void start() {
        startPending = true;
        onLoop(this::runPendingStart);
    }

    private void runPendingStart() {
        if (startPending) {
            startPending = false;
            execute(peer.start(ticker.nanos()));
        }
    }

    /**
     * ManualStop (Event 2): CEASE Administrative Shutdown with the communication (RFC 9003) on
     * every connection that sent an OPEN. The future completes when every connection is closed.
     *
     * @param communication the shutdown communication, if any
     * @return completes when every connection is closed
     */
    public Future<Void> stop(Optional<String> communication) {
        Promise<Void> done = loop.newPromise();
        startPending = false;
        onLoop(() -> {
            stopped = done;
            execute(peer.stop(communication, ticker.nanos()));
            cancelPendingConnect();
            completeStopIfIdle();
        });
        return done;
    }

    /**
     * Ends every session with the given CEASE (e.g. Peer De-configured, RFC 4486 subcode 3), then
     * stops the neighbor.
     *
     * @param cease         the CEASE to send
     * @param communication the shutdown communication, if any
     * @return completes when every connection is closed
     */
    public Future<Void> stop(io.jbgp.core.error.BgpError cease, Optional<String> communication) {
        Promise<Void> done = loop.newPromise();
        startPending = false;
        onLoop(() -> {
            stopped = done;
            // AutomaticStop (Event 8) of the whole neighbor with the caller's CEASE subcode
            execute(peer.stop(cease, communication, ticker.nanos()));
            cancelPendingConnect();
            completeStopIfIdle();
        });
        return done;
    }

    /**
     * An operator's reset ("clear neighbor"): CEASE Administrative Reset with the communication
     * (RFC 9003) on every connection that sent an OPEN, then a new attempt at once. One task on
     * the loop, so no connection event can slip between the stop and the start.
     *
     * @param communication the shutdown communication, if any
     */
    public void reset(Optional<String> communication) {
        startPending = false;
        // the stop's CloseConnection actions cancel a pending connect, the start's Connect opens one
        onLoop(() -> execute(peer.reset(communication, ticker.nanos())));
    }

    // ---------------------------------------------------------------- from SessionHandler

    /** A connection of this neighbor came up (RFC 4271 Event 16 or 17); binds it to a session. */
    void connected(SessionHandler h, InetSocketAddress local, InetSocketAddress remote, boolean inbound) {
        assert loop.inEventLoop();
        if (!inbound && pendingConnect != null && h.channel() == pendingConnect.channel()) {
            pendingConnect = null;
        }
        runPendingStart(); // the start task may still be queued behind this I/O event
        Peer.Attached attached = peer.connected(local, remote, inbound, ticker.nanos());
        h.attach(attached.session());
        bound.put(attached.session(), h);
        execute(attached.actions());
    }

    /** An event on a bound connection. */
    void handle(SessionHandler h, SessionEvent event) {
        assert loop.inEventLoop();
        Session s = h.session();
        if (s == null || bound.get(s) != h) {
            return; // the session ended already; late events of a closing channel are harmless
        }
        execute(peer.handle(s, event, ticker.nanos()));
    }

    /** The channel of a bound connection became writable or not; resumes RIB senders. */
    void writabilityChanged(SessionHandler h, boolean writable) {
        ChannelPeerOutbound out = h.session() == null ? null : outbounds.get(h.session());
        if (out != null && writable) {
            out.drainWaiters();
        }
        handle(h, writable ? new SessionEvent.SendBufferDrained() : new SessionEvent.SendBufferStalled());
    }

    /** A bound channel closed: forget it. */
    void closed(SessionHandler h) {
        Session s = h.session();
        if (s != null && bound.get(s) == h) {
            execute(peer.handle(s, new SessionEvent.TcpClosed(), ticker.nanos()));
            bound.remove(s);
        }
        completeStopIfIdle();
    }

    /**
     * The RIB's prefix limit for this neighbor was exceeded on session {@code s} (RFC 4486 §4):
     * CEASE subcode 1 with AFI, SAFI and the limit, then IdleHold for the configured restart time.
     */
    void prefixLimitExceeded(Session s, io.jbgp.core.types.AddressFamily family, long limit) {
        onLoop(() -> {
            if (peer.established().filter(e -> e == s).isEmpty()) {
                return; // that session is gone already
            }
            LOG.warn("peer={} sent more than {} {} prefixes, closing with CEASE Maximum Number of Prefixes"
                    + " Reached{}", key(), limit, family, config().maxPrefixRestart()
                    .map(d -> ", restart in " + d.toSeconds() + " s").orElse(", not restarting"));
            execute(peer.prefixLimitExceeded(family, limit, ticker.nanos()));
        });
    }

    /** The outbound buffer of session {@code s} passed its hard limit: CEASE Out of Resources. */
    void outOfResources(Session s, long pendingBytes) {
        assert loop.inEventLoop();
        LOG.warn("peer={} not reading: {} octets queued despite backpressure, closing with CEASE Out of Resources",
                key(), pendingBytes);
        execute(peer.outOfResources(s, pendingBytes + " octets queued", ticker.nanos()));
    }

    /** An UPDATE written for the RIB restarts the keepalive timer (RFC 4271 §10). */
    void messageSent(Session s) {
        peer.messageSent(s, ticker.nanos());
        reschedule();
    }

    // ---------------------------------------------------------------- actions

    private void execute(List<PeerAction> actions) {
        try {
            for (PeerAction pa : actions) {
                if (pa.action() instanceof SessionAction.Down d
                        && d.reason().kind() == DownReason.Kind.SEND_HOLD_TIMER_EXPIRED) {
                    stalled.add(pa.session()); // its CloseConnection, just before, may still be pending
                }
            }
            for (PeerAction pa : actions) {
                apply(pa.session(), pa.action());
            }
        } catch (RuntimeException e) {
            // an embedded library must not take its host down: reset this neighbor only
            LOG.error("peer={} driver failure, closing its connections", key(), e);
            for (SessionHandler h : List.copyOf(bound.values())) {
                h.channel().close();
            }
        } finally {
            stalled.clear();
            for (Channel ch : dirty) {
                ch.flush();
            }
            dirty.clear();
            publishState();
            reschedule();
        }
    }

    private void apply(Session s, SessionAction action) {
        SessionHandler h = bound.get(s);
        if (action instanceof SessionAction.Connect) {
            cancelPendingConnect();
            ChannelFuture f = connector.connect(this);
            // a loopback connect may complete inline, channelActive included: then it is bound
            pendingConnect = f.isSuccess() ? null : f;
            f.addListener((ChannelFutureListener) cf -> {
                if (!cf.isSuccess() && pendingConnect == cf) {
                    pendingConnect = null;
                    String why = cf.cause() == null ? "cancelled" : String.valueOf(cf.cause().getMessage());
                    execute(peer.connectFailed(why, ticker.nanos()));
                }
            });
        } else if (action instanceof SessionAction.Send send) {
            if (h != null && h.channel().isActive()) {
                h.channel().write(send.message(), h.channel().voidPromise());
                dirty.add(h.channel());
            }
        } else if (action instanceof SessionAction.CloseConnection) {
            closeConnection(s, h, stalled.remove(s));
        } else if (action instanceof SessionAction.Negotiated n) {
            if (h != null) {
                h.negotiated(n.session().codecContext());
            }
        } else if (action instanceof SessionAction.Established e) {
            established(s, h, e.session());
        } else if (action instanceof SessionAction.Down d) {
            down(s, d.reason(), d.wasEstablished());
        } else if (action instanceof SessionAction.DeliverUpdate u) {
            post(() -> handler.update(key(), u.update()));
        } else if (action instanceof SessionAction.DeliverRouteRefresh r) {
            post(() -> handler.routeRefresh(key(), r.refresh()));
        } else {
            throw new IllegalStateException("PeerDriver.apply: unknown action " + action + " for " + key());
        }
    }

    /**
     * Flush what was written (the NOTIFICATION), then close; a peer that stops reading gets the
     * connection closed after a grace period anyway. When the session went down because the peer
     * stopped reading (the send hold timer), the connection is closed at once: RFC 9687 §4.3 asks
     * for the NOTIFICATION only when sending it does not delay the close, and it sits behind the
     * data the peer never read.
     */
    private void closeConnection(Session s, SessionHandler h, boolean peerStalled) {
        if (h == null) {
            cancelPendingConnect(); // the session gave up its connect attempt
            return;
        }
        bound.remove(s);
        Channel ch = h.channel();
        dirty.remove(ch);
        h.detach();
        closing.add(ch);
        if (peerStalled) {
            ch.close();
        } else {
            ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> halfClose(ch));
        }
        ScheduledFuture<?> force = ch.eventLoop().schedule(() -> {
            ch.close();
        }, CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
        ch.closeFuture().addListener(f -> onLoop(() -> {
            force.cancel(false);
            closing.remove(ch);
            completeStopIfIdle();
        }));
    }

    /**
     * After the NOTIFICATION is flushed, shuts down only our sending side and keeps reading (and
     * ignoring) until the neighbor closes, which Netty turns into a full close. A plain close
     * while the neighbor is still sending (a table feed, an End-of-RIB) makes our kernel answer
     * its data with a reset, and a reset discards the NOTIFICATION unread in the neighbor's
     * receive buffer: the RFC 8203 shutdown communication would be lost exactly when the
     * neighbor is busiest. The grace timer still bounds the wait.
     */
    private static void halfClose(Channel ch) {
        if (ch instanceof DuplexChannel d && d.isActive() && !d.isOutputShutdown()) {
            d.shutdownOutput().addListener(f -> {
                if (!f.isSuccess()) {
                    ch.close();
                }
            });
        } else {
            ch.close();
        }
    }

    private void established(Session s, SessionHandler h, NegotiatedSession ns) {
        if (h == null) {
            throw new IllegalStateException("PeerDriver.established: no channel for " + key());
        }
        ChannelPeerOutbound out = new ChannelPeerOutbound(this, s, h.channel(), ribExecutor);
        outbounds.put(s, out);
        LOG.info("peer={} session established, as {} hold {} families {}", key(), ns.peerAs(),
                ns.holdTime().seconds(), ns.families());
        post(() -> handler.established(key(), ns, out));
        events.accept(new SpeakerEvent.SessionEstablished(key(), ns));
    }

    private void down(Session s, DownReason reason, boolean wasEstablished) {
        ChannelPeerOutbound out = outbounds.remove(s);
        if (out != null) {
            out.close();
        }
        if (wasEstablished) {
            LOG.info("peer={} session down: {}", key(), reason);
            post(() -> handler.down(key(), reason));
        } else {
            LOG.debug("peer={} connection ended: {}", key(), reason);
        }
        events.accept(new SpeakerEvent.SessionClosed(key(), reason, wasEstablished));
    }

    /**
     * Runs a {@link PeerEventHandler} call on the RIB executor. A failing handler is logged, not
     * allowed to reset the session: the RIB's bug is not the neighbor's fault.
     */
    private void post(Runnable call) {
        try {
            ribExecutor.execute(() -> {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    LOG.error("peer={} PeerEventHandler failed", key(), e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("peer={} RIB executor is shut down, event dropped", key());
        }
    }

    private void cancelPendingConnect() {
        ChannelFuture f = pendingConnect;
        pendingConnect = null;
        if (f != null) {
            f.channel().close();
        }
    }

    private void publishState() {
        SessionState now = peer.state();
        if (now != lastState) {
            SessionState before = lastState;
            lastState = now;
            publishedState = now;
            Optional<DownReason> reason = now == SessionState.IDLE ? peer.lastDown() : Optional.empty();
            events.accept(new SpeakerEvent.PeerStateChanged(key(), before, now, reason));
        }
    }

    /** Keeps exactly one wake-up, at the Peer's earliest deadline. */
    private void reschedule() {
        OptionalLong next = peer.nextDeadline();
        if (next.isEmpty()) {
            cancelWakeUp();
            return;
        }
        long at = next.getAsLong();
        if (wakeUp != null && !wakeUp.isDone() && wakeUpAt == at) {
            return;
        }
        cancelWakeUp();
        wakeUpAt = at;
        long delay = Math.max(0, at - ticker.nanos());
        wakeUp = loop.schedule(this::wake, delay, TimeUnit.NANOSECONDS);
    }

    private void cancelWakeUp() {
        if (wakeUp != null) {
            wakeUp.cancel(false);
            wakeUp = null;
        }
    }

    private void wake() {
        wakeUp = null;
        execute(peer.poll(ticker.nanos()));
    }

    private void completeStopIfIdle() {
        if (stopped != null && bound.isEmpty() && closing.isEmpty() && pendingConnect == null) {
            stopped.trySuccess(null);
        }
    }

    private void onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    @Override
    public String toString() {
        return "PeerDriver[" + key() + " " + publishedState.displayName() + "]";
    }
}
