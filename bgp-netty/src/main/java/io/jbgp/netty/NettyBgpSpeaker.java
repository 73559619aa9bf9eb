package io.jbgp.netty;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.config.SpeakerConfig;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.fsm.NegotiatedSession;
import io.jbgp.core.fsm.Peer;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.fsm.Ticker;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.peer.PeerEventHandler;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.peer.PeerOutbound;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import io.jbgp.netty.session.PeerDriver;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty {@link BgpSpeaker}: one {@link PeerDriver} per neighbor, each pinned to one event
 * loop that also carries both of its connections; a {@link BgpListener} per listen address; a
 * {@link PeerConnector} for outbound connections; and a single callback executor (the RIB
 * executor) on which {@link PeerEventHandler} calls and {@link SpeakerEvent}s are delivered.
 *
 * <pre>{@code
 * try (BgpSpeaker speaker = NettyBgpSpeaker.builder()
 *         .localAs(Asn.of(65001)).routerId(RouterId.parse("10.1.0.1"))
 *         .listen(new InetSocketAddress("127.0.0.1", 1179))
 *         .peerEventHandler(rib)
 *         .build()) {
 *     speaker.start();
 *     speaker.addPeer(PeerConfig.builder(InetAddress.getByName("127.0.0.2"), Asn.of(65002)).build());
 * }
 * }</pre>
 */
public final class NettyBgpSpeaker implements BgpSpeaker {
    private static final Logger LOG = LoggerFactory.getLogger(NettyBgpSpeaker.class);
    /** Bound on how long {@link #close} waits for NOTIFICATIONs to drain. */
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final SpeakerConfig config;
    private final EventLoops loops;
    private final PeerEventHandler handler;
    private final ExecutorService ownedExecutor;
    private final java.util.concurrent.Executor callbackExecutor;
    private final Ticker ticker;
    private final RandomGenerator random;
    private final SpeakerEvents events;
    private final PeerConnector connector;
    private final Map<InetAddress, PeerDriver> drivers = new ConcurrentHashMap<>();
    private final List<BgpListener> listeners = new ArrayList<>();
    private volatile Thread ribThread;
    private boolean started;
    private boolean closed;

    private NettyBgpSpeaker(Builder b) {
        TimerConfig timers = b.timers == null ? TimerConfig.DEFAULT : b.timers;
        SpeakerConfig.Builder sc = SpeakerConfig.builder(
                Objects.requireNonNull(b.localAs, "localAs"), Objects.requireNonNull(b.routerId, "routerId"))
                .timers(timers);
        b.listen.forEach(sc::listen);
        this.config = sc.build();
        this.loops = b.group == null ? EventLoops.create(b.threads) : EventLoops.wrap(b.group);
        this.handler = b.handler == null ? new LoggingPeerEventHandler() : b.handler;
        if (b.executor == null) {
            this.ownedExecutor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "jbgp-rib");
                t.setDaemon(true);
                ribThread = t;
                return t;
            });
            this.callbackExecutor = ownedExecutor;
        } else {
            this.ownedExecutor = null;
            this.callbackExecutor = b.executor;
        }
        this.ticker = b.ticker == null ? Ticker.system() : b.ticker;
        this.random = b.random == null ? new SplittableRandom() : b.random;
        this.events = new SpeakerEvents(callbackExecutor);
        this.connector = new PeerConnector(loops);
    }

    /** A builder; local AS and router ID are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The speaker-wide configuration (AS, identifier, listen addresses, default timers). */
    public SpeakerConfig config() {
        return config;
    }

    @Override
    public synchronized void start() {
        if (started) {
            return;
        }
        if (closed) {
            throw new IllegalStateException("NettyBgpSpeaker.start: already closed");
        }
        // neighbors first: an accepted connection must find its Peer started, or it would be
        // refused as "stopped" (the start task is queued on the neighbor's loop ahead of any
        // connection that loop accepts)
        drivers.values().forEach(PeerDriver::start);
        try {
            for (InetSocketAddress a : config.listen()) {
                BgpListener l = new BgpListener(loops, a, drivers::get);
                l.bind();
                listeners.add(l);
            }
            updateMd5Keys();
        } catch (RuntimeException e) {
            listeners.forEach(BgpListener::close);
            listeners.clear();
            drivers.values().forEach(d -> d.stop(Optional.empty()));
            throw e;
        }
        started = true;
    }

    @Override
    public synchronized void addPeer(PeerConfig peer) {
        Objects.requireNonNull(peer, "peer");
        if (closed) {
            throw new IllegalStateException("NettyBgpSpeaker.addPeer: speaker is closed");
        }
        if (peer.vrf().isPresent()) {
            throw new UnsupportedOperationException("VRFs are not supported by this transport: " + peer.key());
        }
        PeerConnector.checkSupported(loops, peer);
        if (drivers.containsKey(peer.remoteAddress())) {
            throw new IllegalArgumentException("neighbor " + peer.key() + " is already configured");
        }
        PeerDriver d = new PeerDriver(new Peer(config, peer, new SplittableRandom(random.nextLong())),
                loops.next(), ticker, handler, callbackExecutor, events::publish, connector);
        drivers.put(peer.remoteAddress(), d);
        if (started) {
            updateMd5Keys();
            d.start();
        }
    }

    @Override
    public synchronized boolean removePeer(PeerKey peer) {
        PeerDriver d = drivers.remove(peer.address());
        if (d == null) {
            return false;
        }
        d.stop(BgpError.CEASE_PEER_DECONFIGURED, Optional.empty());
        updateMd5Keys();
        return true;
    }

    @Override
    public Optional<SessionState> peerState(PeerKey peer) {
        return Optional.ofNullable(drivers.get(peer.address())).map(PeerDriver::state);
    }

    /** The neighbor's driver (tests and "show" output). */
    Optional<PeerDriver> driver(PeerKey peer) {
        return Optional.ofNullable(drivers.get(peer.address()));
    }

    @Override
    public List<PeerKey> peers() {
        return drivers.values().stream().map(PeerDriver::key).sorted().toList();
    }

    @Override
    public synchronized List<InetSocketAddress> listenAddresses() {
        return listeners.stream().map(BgpListener::localAddress).toList();
    }

    @Override
    public SpeakerEvents events() {
        return events;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Blocks for at most about 10 s; must not be called on one of the speaker's event loops
     * (it waits for them). Calling it from an event callback is allowed.
     */
    @Override
    public void close(Optional<String> shutdownCommunication) {
        List<Future<Void>> stopping = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (PeerDriver d : drivers.values()) {
                stopping.add(d.stop(shutdownCommunication));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_WAIT_SECONDS);
        for (Future<Void> f : stopping) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!f.awaitUninterruptibly(left, TimeUnit.NANOSECONDS)) {
                LOG.warn("close: a neighbor did not finish its shutdown within {} s", CLOSE_WAIT_SECONDS);
            }
        }
        synchronized (this) {
            listeners.forEach(BgpListener::close);
            listeners.clear();
        }
        loops.close();
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
            if (Thread.currentThread() == ribThread) {
                return; // closed from a callback: the executor finishes after this task
            }
            try {
                ownedExecutor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void updateMd5Keys() {
        Map<InetAddress, String> keys = new HashMap<>();
        for (PeerDriver d : drivers.values()) {
            d.config().md5Password().ifPresent(p -> keys.put(d.config().remoteAddress(), p));
        }
        for (BgpListener l : listeners) {
            if (!keys.isEmpty() || loops.isEpoll()) {
                l.md5Keys(keys);
            }
        }
    }

    /** The default {@link PeerEventHandler} until a RIB is plugged in: logs and drops routes. */
    static final class LoggingPeerEventHandler implements PeerEventHandler {
        @Override
        public void established(PeerKey peer, NegotiatedSession session, PeerOutbound outbound) {
            LOG.info("peer={} up, no RIB attached: routes are ignored", peer);
        }

        @Override
        public void update(PeerKey peer, UpdateMessage update) {
            LOG.debug("peer={} UPDATE ignored (no RIB): {}", peer, update);
        }

        @Override
        public void routeRefresh(PeerKey peer, RouteRefreshMessage refresh) {
            LOG.debug("peer={} ROUTE-REFRESH ignored (no RIB)", peer);
        }

        @Override
        public void down(PeerKey peer, DownReason reason) {
            LOG.info("peer={} down: {}", peer, reason);
        }
    }

    /** Builder of {@link NettyBgpSpeaker}. */
    public static final class Builder {
        private Asn localAs;
        private RouterId routerId;
        private final List<InetSocketAddress> listen = new ArrayList<>();
        private boolean noListen;
        private EventLoopGroup group;
        private int threads;
        private PeerEventHandler handler;
        private java.util.concurrent.Executor executor;
        private Ticker ticker;
        private RandomGenerator random;
        private TimerConfig timers;

        private Builder() {}

        public Builder localAs(Asn asn) {
            this.localAs = asn;
            return this;
        }

        public Builder routerId(RouterId id) {
            this.routerId = id;
            return this;
        }

        /** Adds a listen address; without any (and without {@link #noListen()}) it is 0.0.0.0:179. */
        public Builder listen(InetSocketAddress address) {
            listen.add(Objects.requireNonNull(address, "address"));
            return this;
        }

        /** Only connect out; accept nothing. */
        public Builder noListen() {
            this.noListen = true;
            return this;
        }

        /** Runs on the embedder's loops (epoll or NIO), which the speaker never shuts down. */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.group = group;
            return this;
        }

        /** Number of event loop threads when the speaker creates its own (0: Netty's default). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** The inbound port (the RIB). */
        public Builder peerEventHandler(PeerEventHandler handler) {
            this.handler = handler;
            return this;
        }

        /**
         * The executor for {@link PeerEventHandler} calls and events; it must run tasks one at a
         * time in order (the RIB's single writer). Default: a private single thread.
         */
        public Builder callbackExecutor(java.util.concurrent.Executor executor) {
            this.executor = executor;
            return this;
        }

        /** The FSM's clock (tests inject one). Must advance like the event loops' own clock. */
        public Builder ticker(Ticker ticker) {
            this.ticker = ticker;
            return this;
        }

        /** Jitter source (RFC 4271 §10); seed it for reproducible runs. */
        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        /** Timer defaults for neighbors that configure none. */
        public Builder timers(TimerConfig timers) {
            this.timers = timers;
            return this;
        }

        public NettyBgpSpeaker build() {
            if (listen.isEmpty() && !noListen) {
                listen.add(new InetSocketAddress(SpeakerConfig.BGP_PORT));
            }
            if (noListen) {
                listen.clear();
            }
            return new NettyBgpSpeaker(this);
        }
    }
}
