package io.jbgp.examples.bgpd;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.fsm.NegotiatedSession;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.peer.PeerEventHandler;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.peer.PeerOutbound;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv6Prefix;
import io.jbgp.examples.config.BgpdConfig;
import io.jbgp.examples.config.BgpdConfigParser;
import io.jbgp.examples.config.BgpdConfigWriter;
import io.jbgp.examples.config.ConfigException;
import io.jbgp.examples.config.LeakGuard;
import io.jbgp.examples.ctl.ActionResult;
import io.jbgp.examples.ctl.ControlDispatcher;
import io.jbgp.examples.ctl.ControlServer;
import io.jbgp.examples.ctl.ControlTarget;
import io.jbgp.examples.ctl.FibRowView;
import io.jbgp.examples.ctl.NeighborAction;
import io.jbgp.examples.ctl.NeighborDetailView;
import io.jbgp.examples.ctl.NeighborView;
import io.jbgp.examples.ctl.NetworkView;
import io.jbgp.examples.ctl.NexthopView;
import io.jbgp.examples.ctl.RibQuery;
import io.jbgp.examples.ctl.RibRowView;
import io.jbgp.netty.MessageStatistics;
import io.jbgp.netty.NettyBgpSpeaker;
import io.jbgp.netty.SpeakerEvent;
import io.jbgp.rib.PeerCounts;
import io.jbgp.rib.Rib;
import io.jbgp.rib.RibCommand;
import io.jbgp.rib.RibConfig;
import io.jbgp.rib.RibExecutor;
import io.jbgp.rib.RibPeerEventHandler;
import io.jbgp.rib.RibPeerSettings;
import io.jbgp.rib.RibSnapshot;
import io.jbgp.rib.fib.FibSink;
import io.jbgp.rib.fib.KernelFibSink;
import io.jbgp.rib.origin.NetworkStatement;
import io.jbgp.rib.origin.OriginChange;
import io.jbgp.rib.origin.OriginatedRoute;
import io.jbgp.rib.origin.PreviewEntry;
import io.jbgp.rib.origin.Redistributor;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.rib.origin.SystemRouteSource;
import io.jbgp.rib.table.PeerSource;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer demo daemon: one bgpd.conf brought to life by composing the library's parts. This is
 * the wiring an embedder would otherwise write, and what {@code NettyBgpSpeaker} does not (yet)
 * do by itself:
 *
 * <pre>
 *   NettyBgpSpeaker ──PeerEventHandler──► RibPeerEventHandler ──RibCommand──► Rib (one RibExecutor)
 *        ▲ callbacks on the RIB executor                                          │
 *        └────────────── PeerOutbound (UPDATE, ROUTE-REFRESH) ◄───────────────────┤
 *   SystemRouteSource ─► Redistributor (network statements) ─► Rib.originate      │
 *                     └► Rib.systemRouteListener (next-hop resolution)            ▼
 *                                                         ForwardingTable ─► FibSink
 * </pre>
 *
 * <p>Threading: the speaker delivers its callbacks and events on the RIB executor, the
 * {@link Redistributor} runs there too, so the routing state has one writer (STYLE §10).
 * {@link ControlTarget} methods run on control-socket threads and only read snapshots taken on
 * the executor; reconfiguration ({@link #reload}, {@link #neighbor}) is serialised by this
 * object's monitor.
 *
 * <p>Loopback is always treated as connected for next-hop resolution: the kernel keeps
 * 127.0.0.0/8 in its {@code local} table, which the system route source does not read, and the
 * demo and interop tests peer over 127.0.0.x. The IPv4-mapped IPv6 form of loopback counts as
 * well (the library's resolver does not map {@code ::ffff:a.b.c.d} to IPv4 by itself).
 */
public final class Bgpd implements ControlTarget, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Bgpd.class);
    /** Bound on waiting for the RIB executor to answer a "show" question. */
    private static final Duration SNAPSHOT_WAIT = Duration.ofSeconds(5);
    private static final List<SystemRoute> LOOPBACK = List.of(
            SystemRoute.connected(IpPrefix.parse("127.0.0.0/8"), "lo"),
            SystemRoute.connected(IpPrefix.parse("::1/128"), "lo"),
            // ::ffff:127.0.0.0/104, the IPv4-mapped form (RFC 4291 §2.5.5.2) FRR sends as the IPv6
            // next hop on an IPv4 session when its source address has no IPv6 sibling
            SystemRoute.connected(Ipv6Prefix.of(0, 0x0000_ffff_7f00_0000L, 104), "lo"));

    /**
     * What bgpd.conf cannot say: where host routes come from and forwarding goes, and the next
     * hop addresses for the family a session does not run over.
     *
     * @param systemRoutes the host's connected and static routes
     * @param fibSink      where the forwarding table goes when {@code fib-update yes}; empty: the
     *                     kernel of the namespace we run in
     * @param localV4      our IPv4 next hop on IPv6 sessions; empty: an address beside the session's
     * @param localV6      our IPv6 next hop on IPv4 sessions; empty: an address beside the session's
     * @param idleHold     the first IdleHold back-off after a session drop (default 30 s)
     * @param configFile   the file {@code reload} re-reads
     * @param threads      event loop threads (0: Netty's default)
     */
    public record Options(SystemRouteSource systemRoutes, Optional<FibSink> fibSink, Optional<Inet4Address> localV4,
                          Optional<Inet6Address> localV6, Optional<Duration> idleHold, Optional<Path> configFile,
                          int threads) {
        public Options {
            Objects.requireNonNull(systemRoutes, "systemRoutes");
            Objects.requireNonNull(fibSink, "fibSink");
            Objects.requireNonNull(localV4, "localV4");
            Objects.requireNonNull(localV6, "localV6");
            Objects.requireNonNull(idleHold, "idleHold");
            Objects.requireNonNull(configFile, "configFile");
        }

        /** No host routes, the kernel FIB (when the file says {@code fib-update yes}), one thread. */
        public static Options defaults() {
            return new Options(SystemRouteSource.NONE, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), 1);
        }

        public Options withSystemRoutes(SystemRouteSource s) {
            return new Options(s, fibSink, localV4, localV6, idleHold, configFile, threads);
        }

        public Options withFibSink(FibSink s) {
            return new Options(systemRoutes, Optional.of(s), localV4, localV6, idleHold, configFile, threads);
        }

        public Options withLocalV4(Inet4Address a) {
            return new Options(systemRoutes, fibSink, Optional.of(a), localV6, idleHold, configFile, threads);
        }

        public Options withLocalV6(Inet6Address a) {
            return new Options(systemRoutes, fibSink, localV4, Optional.of(a), idleHold, configFile, threads);
        }

        public Options withIdleHold(Duration d) {
            return new Options(systemRoutes, fibSink, localV4, localV6, Optional.of(d), configFile, threads);
        }

        public Options withConfigFile(Path p) {
            return new Options(systemRoutes, fibSink, localV4, localV6, idleHold, Optional.of(p), threads);
        }
    }

    private final Options options;
    private final FibSink fibSink;
    private final RibExecutor ribExecutor;
    private final Rib rib;
    private final NettyBgpSpeaker speaker;
    private final Map<InetAddress, PeerOutbound> outbound = new ConcurrentHashMap<>();
    private final Map<InetAddress, Long> lastUpDown = new ConcurrentHashMap<>();
    private final Set<InetAddress> adminDown = ConcurrentHashMap.newKeySet();
    private final NeighborActivity activity = new NeighborActivity();
    /** The host routes handed to the RIB's next-hop resolver, mirrored for "show nexthop". */
    private final Set<SystemRoute> hostRoutes = ConcurrentHashMap.newKeySet();
    private volatile RunningConfig running;
    /** Owned by the RIB executor. */
    private Redistributor redistributor;
    private ControlServer control;
    private boolean closed;

    private Bgpd(RunningConfig running, Options options) {
        this.running = running;
        this.options = options;
        BgpdConfig c = running.config();
        this.fibSink = !c.fibUpdate() ? FibSink.NONE
                : options.fibSink().orElseGet(() -> new KernelFibSink(KernelFibSink.Config.defaults()));
        this.ribExecutor = RibExecutor.singleThread("jbgp-rib-" + c.asn());
        this.rib = new Rib(RibConfig.of(c.asn(), running.routerId()).withFibSink(fibSink), ribExecutor);
        RibPeerEventHandler ribHandler = new RibPeerEventHandler(rib,
                key -> this.running.settings().getOrDefault(key.address(), RibPeerSettings.NONE));
        NettyBgpSpeaker.Builder b = NettyBgpSpeaker.builder().localAs(c.asn()).routerId(running.routerId())
                .callbackExecutor(ribExecutor).peerEventHandler(new SessionTap(ribHandler)).threads(options.threads());
        for (BgpdConfig.ListenConfig l : c.listen()) {
            b.listen(new InetSocketAddress(l.address(), l.port()));
        }
        try {
            this.speaker = b.build(); // binds the listeners
        } catch (Exception e) { // a bind error (EADDRINUSE) is an IOException, maybe wrapped by the speaker
            ribExecutor.close();
            Throwable io = e;
            for (int depth = 0; io != null && !(io instanceof java.io.IOException) && depth < 8; depth++) {
                io = io.getCause();
            }
            if (io instanceof java.io.IOException) {
                throw new IllegalStateException("cannot listen on " + listenText(c) + ": " + io.getMessage(), e);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot start: " + e.getMessage(), e);
        }
    }

    private static String listenText(BgpdConfig c) {
        return c.listen().stream().map(l -> BgpdConfigWriter.address(l.address()) + ":" + l.port())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Starts a daemon for a parsed configuration: origination, neighbors, listeners. */
    public static Bgpd start(BgpdConfig config, Options options) {
        Bgpd d = new Bgpd(RunningConfig.of(config, options), options);
        try {
            d.startInternal();
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
        return d;
    }

    /** Reads, checks and starts a configuration file ({@code reload} re-reads it). */
    public static Bgpd start(Path file, Options options) throws IOException, ConfigException {
        return start(BgpdConfigParser.parse(file), options.withConfigFile(file));
    }

    private void startInternal() {
        speaker.events().subscribe(this::onEvent);
        SystemRouteSource.Listener ribResolver = rib.systemRouteListener();
        SystemRouteSource.Listener resolver = new SystemRouteSource.Listener() {
            @Override
            public void added(SystemRoute r) {
                hostRoutes.add(r);
                ribResolver.added(r);
            }

            @Override
            public void removed(SystemRoute r) {
                hostRoutes.remove(r);
                ribResolver.removed(r);
            }
        };
        LOOPBACK.forEach(resolver::added);
        ribExecutor.execute(() -> redistributor = new Redistributor(running.origin(), this::originate));
        options.systemRoutes().subscribe(new SystemRouteSource.Listener() {
            @Override
            public void added(SystemRoute r) {
                resolver.added(r);
                ribExecutor.execute(() -> redistributor.added(r));
            }

            @Override
            public void removed(SystemRoute r) {
                resolver.removed(r);
                ribExecutor.execute(() -> redistributor.removed(r));
            }
        });
        // after subscribing: a route reported twice is ignored by both consumers
        List<SystemRoute> now = options.systemRoutes().snapshot();
        now.forEach(resolver::added);
        ribExecutor.execute(() -> redistributor.reset(now));
        for (PeerConfig p : running.peers().values()) {
            speaker.addPeer(p);
        }
        speaker.start();
        LOG.info("bgpd AS {} router-id {} started with {} neighbor(s), listening on {}", running.config().asn(),
                running.routerId(), running.peers().size(), speaker.listenAddresses());
    }

    /** Serves {@code bgpctl} on a Unix socket (mode 0600) until {@link #close}. */
    public synchronized void startControlSocket(Path socket) throws IOException {
        if (control != null) {
            throw new IllegalStateException("startControlSocket: already serving " + control.path());
        }
        control = ControlServer.start(socket, new ControlDispatcher(this));
    }

    /** The RIB (embedders and tests read snapshots from it). */
    public Rib rib() {
        return rib;
    }

    /** The speaker (its events, neighbor states). */
    public NettyBgpSpeaker speaker() {
        return speaker;
    }

    /**
     * A consistent RIB snapshot, waited for (bounded). Taken in two hops over the RIB executor:
     * tasks already queued may queue follow-ups (the redistributor's originations are posted as
     * new commands), and the second hop runs after those, so "show" sees their result.
     */
    public RibSnapshot snapshot() {
        return twoHops(rib::snapshot);
    }

    // asks the RIB from a task on its executor, so the question queues behind the follow-ups of
    // tasks already queued; waits (bounded) for the answer
    private <T> T twoHops(java.util.function.Supplier<CompletableFuture<T>> question) {
        CompletableFuture<T> f = new CompletableFuture<>();
        ribExecutor.execute(() -> question.get().whenComplete((v, e) -> {
            if (e != null) {
                f.completeExceptionally(e);
            } else {
                f.complete(v);
            }
        }));
        return await(f);
    }

    // ---------------------------------------------------------------- origination

    // the leak guards' include lists restrict what the redistributor selects (runs on the RIB executor)
    private void originate(List<OriginChange> changes) {
        List<OriginChange> out = new ArrayList<>();
        for (OriginChange c : changes) {
            Optional<OriginatedRoute> before = c.before().filter(this::passesInclude);
            Optional<OriginatedRoute> after = c.after().filter(this::passesInclude);
            if (before.equals(after)) {
                continue;
            }
            out.add(new OriginChange(c.prefix(), before, after));
        }
        if (!out.isEmpty()) {
            rib.originationOutput().changed(out);
        }
    }

    private boolean passesInclude(OriginatedRoute r) {
        return includeRejection(r.statement(), r.prefix(), r.systemRoute()).isEmpty();
    }

    private Optional<String> includeRejection(NetworkStatement s, IpPrefix prefix, Optional<SystemRoute> via) {
        LeakGuard g = running.guards().get(s);
        if (g == null || g.includePrefixes().isEmpty()) {
            return Optional.empty();
        }
        return g.rejection(prefix, via.map(SystemRoute::interfaceName).filter(n -> !n.isEmpty()));
    }

    // ---------------------------------------------------------------- session bookkeeping

    private void onEvent(SpeakerEvent e) {
        activity.event(e);
        if (e instanceof SpeakerEvent.PeerStateChanged s
                && (s.previous() == SessionState.ESTABLISHED || s.current() == SessionState.ESTABLISHED)) {
            lastUpDown.put(s.peer().address(), System.nanoTime());
        }
    }

    /** Remembers each session's outbound port, for {@code neighbor ADDR refresh}. */
    private final class SessionTap implements PeerEventHandler {
        private final PeerEventHandler rib;

        SessionTap(PeerEventHandler rib) {
            this.rib = rib;
        }

        @Override
        public void established(PeerKey peer, NegotiatedSession session, PeerOutbound out) {
            activity.established(peer, session);
            outbound.put(peer.address(), out);
            rib.established(peer, session, out);
        }

        @Override
        public void update(PeerKey peer, UpdateMessage update) {
            rib.update(peer, update);
        }

        @Override
        public void routeRefresh(PeerKey peer, RouteRefreshMessage refresh) {
            rib.routeRefresh(peer, refresh);
        }

        @Override
        public void down(PeerKey peer, DownReason reason) {
            outbound.remove(peer.address());
            activity.down(peer, reason);
            rib.down(peer, reason);
        }
    }

    // ---------------------------------------------------------------- ControlTarget

    @Override
    public List<NeighborView> neighbors() {
        Map<InetAddress, PeerCounts> counts = peerCounts();
        return running.peers().values().stream().map(p -> summary(p, counts)).toList();
    }

    /**
     * The RIB's per-neighbor counts, waited for (bounded): O(neighbors), so "show summary" stays
     * instant with full tables (a snapshot copies the whole RIB). Two hops over the executor, as
     * {@link #snapshot()}.
     */
    private Map<InetAddress, PeerCounts> peerCounts() {
        return twoHops(rib::peerCounts);
    }

    // state from the speaker, counts from the RIB and the activity record
    private NeighborView summary(PeerConfig p, Map<InetAddress, PeerCounts> counts) {
        InetAddress a = p.remoteAddress();
        SessionState st = adminDown.contains(a) ? SessionState.IDLE
                : speaker.peerState(p.key()).orElse(SessionState.IDLE);
        PeerCounts c = counts.get(a);
        // the paths held from it: its candidates in the Loc-RIB (what import policy accepted)
        long received = c == null ? 0 : c.accepted();
        long sent = c == null ? 0 : c.advertised();
        // set when the session became Established, and again when it went down
        Long t = lastUpDown.get(a);
        long uptime = t == null ? NeighborView.NEVER : TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t);
        // the speaker's own counters, kept across sessions, clears and downs (not across a reload
        // that changes the neighbor's session parameters: that is a new neighbor to the speaker)
        MessageStatistics stats = speaker.statistics(p.key()).orElse(MessageStatistics.NONE);
        return new NeighborView(a, p.remoteAs(), Optional.of(p.description()).filter(x -> !x.isEmpty()),
                st, uptime, received, sent, stats,
                p.maxPrefixes().isPresent() ? p.maxPrefixes().getAsInt() : 0);
    }

    @Override
    public List<NeighborDetailView> neighborDetails() {
        Map<InetAddress, PeerCounts> s = peerCounts();
        RunningConfig rc = running;
        List<NeighborDetailView> out = new ArrayList<>();
        for (PeerConfig p : rc.peers().values()) {
            NeighborView n = summary(p, s);
            InetAddress a = p.remoteAddress();
            boolean ebgp = !p.remoteAs().equals(rc.config().asn());
            RibPeerSettings settings = rc.settings().getOrDefault(a, RibPeerSettings.NONE);
            Optional<NeighborDetailView.Session> session = n.state() == SessionState.ESTABLISHED
                    ? activity.session(a).map(NeighborDetails::session) : Optional.empty();
            out.add(new NeighborDetailView(n, activity.lastDown(a).map(DownReason::toString), session,
                    NeighborDetails.policyStatus(settings.importPolicy(), a, ebgp, rib.config().rfc8212(), true),
                    NeighborDetails.policyStatus(settings.exportPolicy(), a, ebgp, rib.config().rfc8212(), false)));
        }
        return out;
    }

    @Override
    public List<NexthopView> nexthops() {
        return RibRows.nexthops(snapshot(), List.copyOf(hostRoutes), rib.config().resolveViaDefault());
    }

    @Override
    public List<RibRowView> rib(RibQuery query) {
        return RibRows.rib(snapshot(), query, List.copyOf(hostRoutes), rib.config().resolveViaDefault());
    }

    @Override
    public List<FibRowView> fib(Optional<IpPrefix> prefix) {
        return RibRows.fib(snapshot().forwarding(), prefix);
    }

    @Override
    public List<NetworkView> networks() {
        List<PreviewEntry> preview = onRibExecutor(() -> redistributor.preview());
        List<NetworkView> out = new ArrayList<>();
        for (PreviewEntry e : preview) {
            Optional<String> excluded = e.included()
                    ? includeRejection(e.statement(), e.prefix(), e.systemRoute()) : Optional.empty();
            String iface = e.systemRoute().map(SystemRoute::interfaceName).filter(n -> !n.isEmpty())
                    .map(n -> " [" + n + "]").orElse("");
            if (excluded.isPresent()) {
                out.add(new NetworkView(e.prefix(), e.statement().toString(), false, excluded.get() + iface));
            } else {
                out.add(new NetworkView(e.prefix(), e.statement().toString(), e.included(),
                        e.included() ? "" : e.reason().text() + iface));
            }
        }
        return out;
    }

    @Override
    public BgpdConfig config() {
        return running.config();
    }

    @Override
    public synchronized ActionResult neighbor(InetAddress address, NeighborAction action) {
        PeerConfig p = running.peers().get(address);
        if (p == null) {
            return ActionResult.failed("no such neighbor " + address.getHostAddress());
        }
        switch (action) {
            case UP:
                // a neighbor whose session parameters changed while down was removed by reload
                if (adminDown.remove(address) && !speaker.startPeer(p.key())) {
                    speaker.addPeer(p);
                }
                return ActionResult.done("request sent.");
            case DOWN:
                if (adminDown.add(address)) {
                    // as bgpctl neighbor down: Administrative Shutdown with a communication (RFC 9003);
                    // the neighbor stays configured in the speaker, so its statistics are kept
                    speaker.stopPeer(p.key(), BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN,
                            Optional.of("neighbor taken down by bgpctl"));
                }
                return ActionResult.done("request sent.");
            case CLEAR:
                if (!adminDown.contains(address)) {
                    // CEASE Administrative Reset and a new session at once; statistics kept
                    speaker.resetPeer(p.key(), Optional.of("neighbor cleared by bgpctl"));
                }
                return ActionResult.done("request sent.");
            case REFRESH:
                PeerOutbound out = outbound.get(address);
                if (out == null || !out.isOpen()) {
                    return ActionResult.failed("neighbor " + address.getHostAddress() + " is not established");
                }
                // RFC 2918: ask the neighbor to re-send each family the session carries
                p.families().forEach(f -> out.sendRouteRefresh(RouteRefreshMessage.request(f)));
                return ActionResult.done("request sent.");
            default:
                throw new IllegalStateException("neighbor: unknown action " + action);
        }
    }

    @Override
    public synchronized ActionResult reload() {
        if (options.configFile().isEmpty()) {
            return ActionResult.failed("reload: no configuration file (the daemon was started from memory)");
        }
        BgpdConfig c;
        try {
            c = BgpdConfigParser.parse(options.configFile().get());
        } catch (ConfigException e) {
            return ActionResult.failed(e.getMessage() + " (configuration unchanged)");
        } catch (IOException e) {
            return ActionResult.failed("reload: cannot read " + options.configFile().get() + ": " + e.getMessage()
                    + " (configuration unchanged)");
        }
        return apply(c);
    }

    /** Applies a new configuration: the difference only, untouched sessions keep running. */
    synchronized ActionResult apply(BgpdConfig c) {
        RunningConfig old = running;
        BgpdConfig o = old.config();
        if (!c.asn().equals(o.asn()) || !c.routerId().equals(o.routerId()) || !c.listen().equals(o.listen())
                || c.fibUpdate() != o.fibUpdate()) {
            return ActionResult.failed("reload: AS, router-id, listen or fib-update changed; restart bgpd for that"
                    + " (configuration unchanged)");
        }
        RunningConfig next = RunningConfig.of(c, options);
        running = next;
        int added = 0;
        int removed = 0;
        int reset = 0;
        for (PeerConfig p : old.peers().values()) {
            if (!next.peers().containsKey(p.remoteAddress())) {
                adminDown.remove(p.remoteAddress());
                activity.forget(p.remoteAddress());
                speaker.removePeer(p.key(), BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN,
                        Optional.of("neighbor removed from the configuration"));
                removed++;
            }
        }
        boolean policiesChanged = !c.filters().equals(o.filters()) || !c.groups().equals(o.groups());
        for (PeerConfig p : next.peers().values()) {
            InetAddress a = p.remoteAddress();
            PeerConfig before = old.peers().get(a);
            if (before == null) {
                speaker.addPeer(p);
                added++;
            } else if (!sameSession(before, p)) {
                // session parameters changed: only a new session can carry them; an
                // administratively down neighbor is added again by "neighbor up"
                speaker.removePeer(p.key());
                if (!adminDown.contains(a)) {
                    speaker.addPeer(p);
                }
                reset++;
            } else if (policiesChanged) {
                // soft reconfiguration: the RIB re-runs the policies, the session stays up
                RibPeerSettings s = next.settings().get(a);
                rib.post(new RibCommand.ImportPolicyChanged(a, s.importPolicy()));
                rib.post(new RibCommand.ExportPolicyChanged(a, s.exportPolicy()));
            }
        }
        if (!next.origin().equals(old.origin()) || !next.guards().equals(old.guards())) {
            ribExecutor.execute(() -> redistributor.reconfigure(next.origin()));
        }
        String msg = String.format("reloaded: %d neighbor(s) added, %d removed, %d reset; policies %s",
                added, removed, reset, policiesChanged ? "re-applied" : "unchanged");
        LOG.info("{}", msg);
        return ActionResult.done(msg);
    }

    /**
     * Whether two configurations of one neighbor drive the same session. The description is
     * display text only ("show" reads it from the running configuration), so a new one must not
     * cost the session, as in OpenBGPD; everything else in {@link PeerConfig} goes into the OPEN,
     * the socket or the session's limits and needs a new session.
     */
    static boolean sameSession(PeerConfig a, PeerConfig b) {
        return a.equals(new PeerConfig(b.remoteAddress(), b.remoteAs(), b.vrf(), b.localAddress(), b.port(),
                b.passive(), b.timers(), a.description(), b.families(), b.routeRefresh(), b.enhancedRouteRefresh(),
                b.extendedMessage(), b.addPath(), b.role(), b.strictRole(), b.requiredCapabilities(),
                b.md5Password(), b.ttlSecurity(), b.maxPrefixes(), b.maxPrefixRestart(),
                b.shutdownCommunication()));
    }

    // ---------------------------------------------------------------- stop

    /**
     * Stops: the control socket, then every session with CEASE Administrative Shutdown and our
     * shutdown communication, then (once the RIB has withdrawn what the sessions brought) the
     * FIB sink, which takes our remaining kernel routes out.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (control != null) {
                try {
                    control.close();
                } catch (IOException e) {
                    LOG.warn("control socket close failed: {}", e.toString());
                }
            }
        }
        speaker.close(Optional.of(RunningConfig.SHUTDOWN_COMMUNICATION));
        try {
            rib.snapshot().get(SNAPSHOT_WAIT.toMillis(), TimeUnit.MILLISECONDS); // the PeerDowns are processed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("rib did not settle before stop: {}", e.toString());
        }
        try {
            options.systemRoutes().close();
        } catch (Exception e) {
            LOG.warn("system route source close failed: {}", e.toString());
        }
        rib.close();
        fibSink.close(true);
        LOG.info("bgpd AS {} stopped", running.config().asn());
    }

    // ---------------------------------------------------------------- helpers

    private <T> T onRibExecutor(Supplier<T> query) {
        CompletableFuture<T> f = new CompletableFuture<>();
        ribExecutor.execute(() -> {
            try {
                f.complete(query.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return await(f);
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(SNAPSHOT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the RIB", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("RIB query failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the RIB did not answer within " + SNAPSHOT_WAIT, e);
        }
    }
}
