package io.jbgp.netty;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.config.SpeakerConfig;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.fsm.Peer;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.fsm.Ticker;
import io.jbgp.core.peer.PeerEventHandler;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.netty.session.PeerDriver;
import io.jbgp.rib.Rib;
import io.jbgp.rib.RibCommand;
import io.jbgp.rib.RibConfig;
import io.jbgp.rib.RibExecutor;
import io.jbgp.rib.RibListener;
import io.jbgp.rib.RibPeerEventHandler;
import io.jbgp.rib.RibPeerSettings;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.fib.FibSink;
import io.jbgp.rib.fib.ForwardingTable.FibChange;
import io.jbgp.rib.origin.NetworkStatement;
import io.jbgp.rib.origin.OriginConfig;
import io.jbgp.rib.origin.SystemRouteSource;
import io.jbgp.rib.table.BestPathChange;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty {@link BgpSpeaker}: one {@link PeerDriver} per neighbor, each pinned to one event
 * loop that also carries both of its connections; a {@link BgpListener} per listen address; a
 * {@link PeerConnector} for outbound connections; and the RIB ({@link Rib}) on its own single
 * thread, the RIB executor, fed by the sessions through {@link RibPeerEventHandler}.
 *
 * <pre>{@code
 * try (BgpSpeaker speaker = NettyBgpSpeaker.builder()
 *         .localAs(Asn.of(65001)).routerId(RouterId.parse("10.1.0.1"))
 *         .listen(new InetSocketAddress(1179))
 *         .fibSink(new InMemoryFibSink())
 *         .systemRoutes(hostRoutes)
 *         .network(NetworkStatement.connected(AddressFamily.IPV4_UNICAST))
 *         .build()) {
 *     speaker.addPeer(PeerConfig.builder(InetAddress.getByName("127.0.0.2"), Asn.of(65002)).build(),
 *             RibPeerSettings.of(Policies.allowAll(), Policies.allowAll()));
 *     speaker.announce(IpPrefix.parse("203.0.113.0/24"));
 * }
 * }</pre>
 *
 * <p>Threads: the event loops (sessions; never blocked), the RIB executor (all routing state,
 * FIB sink calls, and by default the event subscribers), and the caller's. Session events reach
 * the RIB as {@link RibCommand}s posted straight from the loop, so a neighbor's PeerDown is queued
 * before {@link #close} closes the FIB sink behind it.
 *
 * <p>Built with {@link Builder#peerEventHandler}, the speaker is a bare transport: the handler
 * replaces the RIB (tests with a fake RIB, embedders with their own), and the routing methods
 * ({@link #announce}, {@link #withdraw}, {@link #updatePeer}, {@link #requestRouteRefresh},
 * {@link #reconfigureOrigin}, {@link #rib}) throw {@link IllegalStateException}.
 */
public final class NettyBgpSpeaker implements BgpSpeaker {
    private static final Logger LOG = LoggerFactory.getLogger(NettyBgpSpeaker.class);
    /** Bound on how long {@link #close} waits for NOTIFICATIONs to drain. */
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final SpeakerConfig config;
    private final EventLoops loops;
    /** The routing side; null for a bare transport (a user-supplied PeerEventHandler). */
    private final SpeakerRib rib;
    private final RibView ribView;
    private final PeerEventHandler handler;
    /** Where the handler is called: directly on the loop for our RIB (it only posts), else the callbacks'. */
    private final Executor handlerExecutor;
    /** The bare transport's private callback thread; null when there is a RIB. */
    private final RibExecutor ownedCallbacks;
    private final Executor callbackExecutor;
    private final Ticker ticker;
    private final RandomGenerator random;
    private final SpeakerEvents events;
    private final PeerConnector connector;
    private final Map<InetAddress, PeerDriver> drivers = new ConcurrentHashMap<>();
    private final List<BgpListener> listeners = new ArrayList<>();
    private volatile Thread callbackThread;
    private boolean started;
    private boolean closed;

    private NettyBgpSpeaker(Builder b, List<InetSocketAddress> listen) {
        TimerConfig timers = b.timers == null ? TimerConfig.DEFAULT : b.timers;
        Asn localAs = Objects.requireNonNull(b.localAs, "localAs");
        RouterId routerId = Objects.requireNonNull(b.routerId, "routerId");
        SpeakerConfig.Builder sc = SpeakerConfig.builder(localAs, routerId).timers(timers);
        listen.forEach(sc::listen);
        this.config = sc.build();
        this.ticker = b.ticker == null ? Ticker.system() : b.ticker;
        this.random = b.random == null ? new SplittableRandom() : b.random;
        if (b.handler == null) {
            RibConfig rc = RibConfig.of(localAs, routerId).withTicker(ticker::nanos).withFibSink(b.fibSink);
            rc = b.ribTweak.apply(rc);
            List<NetworkStatement> statements = new ArrayList<>(b.origin.statements());
            statements.addAll(b.networks);
            OriginConfig origin = new OriginConfig(statements, b.origin.includeInterfaces(),
                    b.origin.excludeInterfaces(), b.origin.includePrefixes(), b.origin.excludePrefixes(),
                    b.origin.uplinkGuard());
            this.rib = new SpeakerRib(rc, origin, b.systemRoutes, !b.keepFibRoutes, new RouteEvents());
            this.ribView = new RibView(rib.rib());
            this.handler = rib.handler();
            this.handlerExecutor = Runnable::run;
            this.ownedCallbacks = null;
            this.callbackExecutor = b.executor == null ? rib.executor() : b.executor;
        } else {
            this.rib = null;
            this.ribView = null;
            this.handler = b.handler;
            this.ownedCallbacks = b.executor == null ? RibExecutor.singleThread("jbgp-callbacks") : null;
            this.callbackExecutor = b.executor == null ? ownedCallbacks : b.executor;
            this.handlerExecutor = callbackExecutor;
        }
        if (b.executor == null) {
            callbackExecutor.execute(() -> callbackThread = Thread.currentThread());
        }
        this.events = new SpeakerEvents(callbackExecutor);
        try {
            this.loops = b.group == null ? EventLoops.create(b.threads) : EventLoops.wrap(b.group);
        } catch (RuntimeException e) {
            // an unusable group: do not leave the RIB or callback thread behind
            if (rib != null) {
                rib.executor().close();
            }
            if (ownedCallbacks != null) {
                ownedCallbacks.close();
            }
            throw e;
        }
        this.connector = new PeerConnector(loops);
    }

    /**
     * A builder; local AS and router ID are required.
     *
     * @return a new builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The speaker-wide configuration.
     *
     * @return AS, identifier, listen addresses and default timers
     */
    public SpeakerConfig config() {
        return config;
    }

    @Override
    public void start() {
        CompletableFuture<Void> loaded = startLocked();
        if (loaded != null) {
            rib.awaitLoaded(loaded); // outside the monitor: a subscriber may call addPeer meanwhile
        }
    }

    // binds and starts under the monitor; returns the RIB's initial load to wait for, if any
    private synchronized CompletableFuture<Void> startLocked() {
        if (started) {
            return null;
        }
        if (closed) {
            throw new IllegalStateException("NettyBgpSpeaker.start: already closed");
        }
        // FIB resync and host routes are queued before any session can post
        CompletableFuture<Void> loaded = rib == null ? null : rib.start();
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
        return loaded;
    }

    @Override
    public synchronized void addPeer(PeerConfig peer, RibPeerSettings settings) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(settings, "settings");
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
        if (rib != null) {
            rib.putSettings(peer.key(), settings); // before the driver exists: looked up at Established
        } else if (!settings.equals(RibPeerSettings.NONE)) {
            throw new IllegalStateException("NettyBgpSpeaker.addPeer: routing settings need the speaker's "
                    + "own RIB, this one was built with peerEventHandler(...)");
        }
        PeerDriver d = new PeerDriver(new Peer(config, peer, new SplittableRandom(random.nextLong())),
                loops.next(), ticker, handler, handlerExecutor, events::publish, connector);
        drivers.put(peer.remoteAddress(), d);
        if (started) {
            updateMd5Keys();
            d.start();
        }
    }

    @Override
    public synchronized boolean updatePeer(PeerKey peer, RibPeerSettings settings) {
        Objects.requireNonNull(settings, "settings");
        SpeakerRib r = requireRib("updatePeer");
        if (!drivers.containsKey(peer.address())) {
            return false;
        }
        r.updateSettings(peer, settings);
        return true;
    }

    @Override
    public boolean removePeer(PeerKey peer) {
        return removePeer(peer, BgpError.CEASE_PEER_DECONFIGURED, Optional.empty());
    }

    @Override
    public synchronized boolean removePeer(PeerKey peer, BgpError cease, Optional<String> communication) {
        if (cease.code() != io.jbgp.core.error.ErrorCode.CEASE) {
            throw new IllegalArgumentException("not a Cease subcode: " + cease);
        }
        PeerDriver d = drivers.remove(peer.address());
        if (d == null) {
            return false;
        }
        d.stop(cease, communication);
        if (rib != null) {
            rib.removeSettings(peer);
        }
        updateMd5Keys();
        return true;
    }

    @Override
    public synchronized boolean stopPeer(PeerKey peer, BgpError cease, Optional<String> communication) {
        if (cease.code() != io.jbgp.core.error.ErrorCode.CEASE) {
            throw new IllegalArgumentException("not a Cease subcode: " + cease);
        }
        PeerDriver d = drivers.get(peer.address());
        if (d == null) {
            return false;
        }
        d.stop(cease, communication);
        return true;
    }

    @Override
    public synchronized boolean startPeer(PeerKey peer) {
        PeerDriver d = drivers.get(peer.address());
        if (d == null) {
            return false;
        }
        if (started && !closed) {
            d.start(); // before start() the speaker starts every neighbor itself
        }
        return true;
    }

    @Override
    public synchronized boolean resetPeer(PeerKey peer, Optional<String> communication) {
        PeerDriver d = drivers.get(peer.address());
        if (d == null) {
            return false;
        }
        if (started && !closed) {
            d.reset(communication);
        }
        return true;
    }

    @Override
    public Optional<SessionState> peerState(PeerKey peer) {
        return Optional.ofNullable(drivers.get(peer.address())).map(PeerDriver::state);
    }

    @Override
    public Optional<MessageStatistics> statistics(PeerKey peer) {
        return Optional.ofNullable(drivers.get(peer.address())).map(PeerDriver::statistics);
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
    public void announce(IpPrefix prefix, AttributeSet attributes) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(attributes, "attributes");
        requireOpenRib("announce").announce(prefix, attributes);
    }

    @Override
    public void withdraw(IpPrefix prefix) {
        Objects.requireNonNull(prefix, "prefix");
        requireOpenRib("withdraw").withdraw(prefix);
    }

    @Override
    public boolean requestRouteRefresh(PeerKey peer, AddressFamily family) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(family, "family");
        return requireOpenRib("requestRouteRefresh").requestRouteRefresh(peer, family);
    }

    @Override
    public void reconfigureOrigin(OriginConfig origin) {
        requireOpenRib("reconfigureOrigin").reconfigureOrigin(origin);
    }

    @Override
    public RibView rib() {
        requireRib("rib");
        return ribView;
    }

    @Override
    public SpeakerEvents events() {
        return events;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Blocks for at most about 15 s; must not be called on one of the speaker's event loops
     * (it waits for them). Called from an event subscriber on the RIB or callback thread, it
     * returns at once and closes on a thread of its own (waiting there would wait for itself).
     */
    @Override
    public void close(Optional<String> shutdownCommunication) {
        if (Thread.currentThread() == callbackThread) {
            Thread t = new Thread(() -> close(shutdownCommunication), "jbgp-close");
            t.setDaemon(true);
            t.start();
            return;
        }
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
        if (rib != null) {
            // the sessions' PeerDown commands are queued already (posted from the loops as they
            // went down); the FIB sink closes after them, then the RIB thread ends
            rib.close();
        }
        if (ownedCallbacks != null) {
            ownedCallbacks.close();
        }
    }

    private SpeakerRib requireRib(String method) {
        if (rib == null) {
            throw new IllegalStateException("NettyBgpSpeaker." + method
                    + ": this speaker was built with peerEventHandler(...) and has no RIB of its own");
        }
        return rib;
    }

    private synchronized SpeakerRib requireOpenRib(String method) {
        SpeakerRib r = requireRib(method);
        if (closed) {
            throw new IllegalStateException("NettyBgpSpeaker." + method + ": speaker is closed");
        }
        return r;
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

    /** Turns the RIB's change values into events; runs on the RIB executor. */
    private final class RouteEvents implements RibListener {
        @Override
        public void bestPathChanged(BestPathChange change) {
            if (events.hasSubscribers()) { // a full table is a million of these: build none for nobody
                emit(new SpeakerEvent.BestPathChanged(change));
            }
        }

        @Override
        public void fibChanged(FibChange change) {
            if (events.hasSubscribers()) {
                emit(new SpeakerEvent.FibChanged(change));
            }
        }

        private void emit(SpeakerEvent e) {
            if (callbackExecutor == rib.executor()) {
                events.deliverNow(e); // already on the callback thread: no second hop per route
            } else {
                events.publish(e);
            }
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
        private Executor executor;
        private Ticker ticker;
        private RandomGenerator random;
        private TimerConfig timers;
        private FibSink fibSink = FibSink.NONE;
        private boolean keepFibRoutes;
        private SystemRouteSource systemRoutes = SystemRouteSource.NONE;
        private OriginConfig origin = OriginConfig.NONE;
        private final List<NetworkStatement> networks = new ArrayList<>();
        private UnaryOperator<RibConfig> ribTweak = UnaryOperator.identity();
        private boolean deferStart;

        private Builder() {}

        /**
         * Our AS (required).
         *
         * @param asn our AS number
         * @return this builder
         */
        public Builder localAs(Asn asn) {
            this.localAs = asn;
            return this;
        }

        /**
         * Our BGP Identifier (required).
         *
         * @param id our BGP Identifier
         * @return this builder
         */
        public Builder routerId(RouterId id) {
            this.routerId = id;
            return this;
        }

        /**
         * Adds a listen address; without any (and without {@link #noListen()}) it is 0.0.0.0:179.
         *
         * @param address an address and port to accept connections on
         * @return this builder
         */
        public Builder listen(InetSocketAddress address) {
            listen.add(Objects.requireNonNull(address, "address"));
            return this;
        }

        /**
         * Only connect out; accept nothing.
         *
         * @return this builder
         */
        public Builder noListen() {
            this.noListen = true;
            return this;
        }

        /**
         * Runs on the embedder's loops (epoll or NIO), which the speaker never shuts down.
         *
         * @param group the loops to run on
         * @return this builder
         */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.group = group;
            return this;
        }

        /**
         * Number of event loop threads when the speaker creates its own (0: Netty's default).
         *
         * @param threads the number of threads
         * @return this builder
         */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Where the forwarding table goes: best BGP paths with resolved next hops, in batches on
         * the RIB thread. Default {@link FibSink#NONE} (OpenBGPD {@code fib-update no}). The
         * speaker resyncs it at start (removing stale routes of an earlier run) and closes it
         * on {@link NettyBgpSpeaker#close}; the speaker owns it from here on.
         *
         * @param sink the forwarding table port
         * @return this builder
         */
        public Builder fibSink(FibSink sink) {
            this.fibSink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Leaves our routes in the FIB sink on close ({@code FibSink.close(false)}, bgpd's
         * {@code -n}/fib-couple-on-exit off); the default removes them. The next start's resync
         * removes any that are stale.
         *
         * @return this builder
         */
        public Builder keepFibRoutesOnClose() {
            this.keepFibRoutes = true;
            return this;
        }

        /**
         * The host's connected and static routes: BGP next hops resolve against them (a route
         * whose next hop does not resolve is not eligible, RFC 4271 §9.1.2), and the dynamic
         * {@code network} statements select from them. Default {@link SystemRouteSource#NONE}:
         * then only routes of {@link #network} prefixes and {@link BgpSpeaker#announce} exist,
         * learned routes never become best. The speaker closes the source on close.
         *
         * @param source the host route port
         * @return this builder
         */
        public Builder systemRoutes(SystemRouteSource source) {
            this.systemRoutes = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Adds a {@code network} statement (after those of {@link #origin}), in configuration order.
         *
         * @param statement the statement
         * @return this builder
         */
        public Builder network(NetworkStatement statement) {
            networks.add(Objects.requireNonNull(statement, "statement"));
            return this;
        }

        /**
         * The origination settings: statements plus the redistribution overrides and the uplink
         * (WAN-leak) guard. Statements given with {@link #network} are appended to its own.
         *
         * @param origin statements, overrides and the uplink guard
         * @return this builder
         */
        public Builder origin(OriginConfig origin) {
            this.origin = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /**
         * Adjusts the RIB settings derived from the other options (AS, identifier, ticker, FIB
         * sink), e.g. {@code c -> c.withDecision(...).withResolveViaDefault(true)}.
         *
         * @param tweak a function of the derived RIB settings
         * @return this builder
         */
        public Builder ribConfig(UnaryOperator<RibConfig> tweak) {
            this.ribTweak = Objects.requireNonNull(tweak, "tweak");
            return this;
        }

        /**
         * Makes the speaker a bare transport: this handler (a fake RIB in tests, or the embedder's
         * own) receives the session events instead of the speaker's RIB, on the callback executor.
         * RIB options ({@link #fibSink}, {@link #systemRoutes}, {@link #network}) are then ignored.
         *
         * @param handler the inbound port to call instead of the RIB
         * @return this builder
         */
        public Builder peerEventHandler(PeerEventHandler handler) {
            this.handler = handler;
            return this;
        }

        /**
         * The executor for event subscribers (and a bare transport's {@link PeerEventHandler}
         * calls); it must run tasks one at a time in order. Default: the RIB executor, the one
         * thread that owns all routing state, so subscribers see changes in RIB order and must
         * not block. A user-supplied executor is never shut down by the speaker.
         *
         * @param executor a serial executor
         * @return this builder
         */
        public Builder callbackExecutor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * The clock of the FSMs and of route age (tests inject one). Must advance like the event
         * loops' own clock. Default {@link Ticker#system()}.
         *
         * @param ticker monotonic nanoseconds
         * @return this builder
         */
        public Builder ticker(Ticker ticker) {
            this.ticker = ticker;
            return this;
        }

        /**
         * Jitter source (RFC 4271 §10); seed it for reproducible runs.
         *
         * @param random the generator
         * @return this builder
         */
        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        /**
         * Timer defaults for neighbors that configure none.
         *
         * @param timers connect-retry, hold and idle-hold defaults
         * @return this builder
         */
        public Builder timers(TimerConfig timers) {
            this.timers = timers;
            return this;
        }

        /**
         * {@link #build()} returns a speaker not started yet: call {@link BgpSpeaker#start()}.
         *
         * @return this builder
         */
        public Builder deferStart() {
            this.deferStart = true;
            return this;
        }

        /**
         * Creates the speaker and, unless {@link #deferStart()}, starts it (binds the listeners,
         * resyncs the FIB sink, loads the host routes).
         *
         * @return the speaker
         * @throws NullPointerException if local AS or router ID is missing
         */
        public NettyBgpSpeaker build() {
            List<InetSocketAddress> addresses = new ArrayList<>(listen);
            if (noListen) {
                addresses.clear();
            } else if (addresses.isEmpty()) {
                addresses.add(new InetSocketAddress(SpeakerConfig.BGP_PORT));
            }
            NettyBgpSpeaker s = new NettyBgpSpeaker(this, addresses);
            if (!deferStart) {
                try {
                    s.start();
                } catch (RuntimeException e) {
                    s.close();
                    throw e;
                }
            }
            return s;
        }
    }
}
