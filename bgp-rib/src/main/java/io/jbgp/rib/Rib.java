package io.jbgp.rib;

import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.decision.DecisionProcess;
import io.jbgp.rib.fib.FibRoute;
import io.jbgp.rib.fib.ForwardingTable;
import io.jbgp.rib.fib.NexthopResolver;
import io.jbgp.rib.origin.OriginChange;
import io.jbgp.rib.origin.OriginatedRoute;
import io.jbgp.rib.origin.Redistributor;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.rib.origin.SystemRouteSource;
import io.jbgp.rib.out.ExportCache;
import io.jbgp.rib.out.ExportRules;
import io.jbgp.rib.out.TableFeeder;
import io.jbgp.rib.out.UpdatePacker;
import io.jbgp.rib.out.UpdateQueue;
import io.jbgp.rib.policy.PolicyResult;
import io.jbgp.rib.policy.RouteContext;
import io.jbgp.rib.table.BestPathChange;
import io.jbgp.rib.table.Destination;
import io.jbgp.rib.table.LocRib;
import io.jbgp.rib.table.LocalSource;
import io.jbgp.rib.table.PeerSource;
import io.jbgp.rib.table.Route;
import io.jbgp.rib.table.RouteSource;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RIB facade: Adj-RIBs-In, Loc-RIB and decision process, forwarding table, Adj-RIBs-Out,
 * all owned by one {@link RibExecutor} and changed only by {@link RibCommand}s posted to it
 * (OpenBGPD's RDE, in-process). {@link #post} may be called from any thread; everything else
 * happens on the executor. Results come out as values: {@link BestPathChange} and
 * {@link ForwardingTable.FibChange} to {@link RibListener}s, UPDATEs to each neighbor's
 * {@link io.jbgp.core.peer.PeerOutbound}, batches to the {@link io.jbgp.rib.fib.FibSink}.
 *
 * <p>Flow of one UPDATE (STYLE §7): import policy, Adj-RIB-In (received and accepted views),
 * Loc-RIB candidate with its eligibility and its next hop counted, decision, and on a best-path
 * change: forwarding table (next hop resolved against host routes), then for every neighbor the
 * export chain (built-in rules cached per attribute set, then its policy) into its Adj-RIB-Out
 * and update queue. After each command the FIB batch is committed and every writable
 * neighbor's queue is packed into UPDATEs and sent.
 */
public final class Rib implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Rib.class);
    private static final int MESSAGES_PER_WRITABILITY_CHECK = 64;
    /** Share of a neighbor's max-prefix at which a warning is logged. */
    static final int PREFIX_WARNING_PERCENT = 80;

    private final RibConfig config;
    private final RibExecutor executor;
    private final DecisionProcess decision;
    private final LocRib locRib;
    private final NexthopResolver resolver;
    private final ForwardingTable fib;
    private final ExportRules exportRules;
    private final Map<InetAddress, RibPeer> peers = new LinkedHashMap<>();
    private final List<RibListener> listeners = new CopyOnWriteArrayList<>();
    // the interned outbound set runExport last took from an export cache (saves an intern lookup)
    private AttributeSet lastInterned;

    /**
     * A RIB with an empty table. Nothing runs until commands are posted.
     *
     * @param config the speaker-wide RIB settings
     * @param executor the single thread that owns all RIB state
     */
    public Rib(RibConfig config, RibExecutor executor) {
        this.config = config;
        this.executor = executor;
        this.decision = new DecisionProcess(config.decision(), config.localAs(), config.routerId());
        this.locRib = new LocRib(decision);
        this.resolver = new NexthopResolver(config.resolveViaDefault());
        this.fib = new ForwardingTable(config.fibSink(), config.ticker()::nanos);
        this.exportRules = new ExportRules(config.localAs(), config.rfc8212(), resolver);
    }

    // ---------------------------------------------------------------- API for any thread

    /**
     * Queues a command for the RIB executor.
     *
     * @param command the command; runs after those already queued
     */
    public void post(RibCommand command) {
        try {
            executor.execute(() -> apply(command));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed: a session event racing the shutdown (e.g. PeerDown after close) has nowhere to go
            log.debug("rib: closed, {} dropped", command.getClass().getSimpleName());
        }
    }

    /**
     * Originates a local route (what rib-fib's Redistributor and network statements call).
     *
     * @param prefix the prefix to announce
     * @param attributes its attributes (ORIGIN, communities, ...); the next hop is set per neighbor
     *     on export
     * @param source which kind of local route it is (network statement, connected, static)
     */
    public void originate(IpPrefix prefix, AttributeSet attributes, LocalSource source) {
        post(new RibCommand.Originate(prefix, attributes, source));
    }

    /**
     * Stops originating a local route.
     *
     * @param prefix the prefix
     * @param source the kind it was originated as
     */
    public void withdrawLocal(IpPrefix prefix, LocalSource source) {
        post(new RibCommand.WithdrawLocal(prefix, source));
    }

    /**
     * The sink for rib-fib's {@link Redistributor}: each origination change becomes an
     * {@link RibCommand.Originate} or {@link RibCommand.WithdrawLocal} of the matching local source.
     *
     * @return an output that posts to this RIB's executor
     */
    public Redistributor.Output originationOutput() {
        return changes -> {
            for (OriginChange c : changes) {
                c.before().ifPresent(b -> {
                    if (c.after().isEmpty() || c.after().get().source() != b.source()) {
                        withdrawLocal(c.prefix(), localSource(b.source()));
                    }
                });
                // the statement's attributes; the next hop is always "self" for our own routes
                c.after().ifPresent(a -> originate(c.prefix(), AttributeSet.of(a.attributes(), null).toBuilder()
                        .nextHop(null).build(), localSource(a.source())));
            }
        };
    }

    private static LocalSource localSource(OriginatedRoute.Source s) {
        switch (s) {
            case CONFIGURED:
                return LocalSource.CONFIGURED;
            case STATIC:
                return LocalSource.STATIC;
            default:
                return LocalSource.CONNECTED;
        }
    }

    /**
     * Feeds a host route source into next-hop resolution: subscribes first, then posts the
     * current routes (a route seen twice is harmless, a route missed would not be).
     *
     * @param source the host's routes (kernel, or supplied by the embedder)
     */
    public void attach(SystemRouteSource source) {
        SystemRouteSource.Listener l = systemRouteListener();
        source.subscribe(l);
        source.snapshot().forEach(l::added);
    }

    /**
     * {@return a listener for a {@link SystemRouteSource} that feeds host routes into next-hop
     * resolution}
     */
    public SystemRouteSource.Listener systemRouteListener() {
        return new SystemRouteSource.Listener() {
            @Override
            public void added(SystemRoute route) {
                post(new RibCommand.SystemRouteChanged(route, true));
            }

            @Override
            public void removed(SystemRoute route) {
                post(new RibCommand.SystemRouteChanged(route, false));
            }
        };
    }

    /**
     * Adds a listener; it hears changes from the next command on.
     *
     * @param listener the listener; called on the RIB executor, so it must not block
     */
    public void addListener(RibListener listener) {
        listeners.add(listener);
    }

    /**
     * Removes a listener; it may still hear the change being processed.
     *
     * @param listener a listener added before
     */
    public void removeListener(RibListener listener) {
        listeners.remove(listener);
    }

    /**
     * A consistent snapshot, taken on the executor (complete at once with a direct executor when
     * called from outside a RIB task). Never wait for it on the RIB executor itself, e.g. in a
     * listener: the snapshot task queues behind the running one.
     *
     * @return a future completed with the snapshot
     */
    public CompletableFuture<RibSnapshot> snapshot() {
        CompletableFuture<RibSnapshot> f = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                f.complete(takeSnapshot());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /**
     * Each established neighbor's path counts, in O(neighbors) on the executor: what a summary
     * ({@code bgpctl show summary}) needs, without the cost of a {@link #snapshot()} of a full table.
     *
     * @return a future completed with the counts per neighbor address, in the order neighbors came up
     */
    public CompletableFuture<Map<InetAddress, PeerCounts>> peerCounts() {
        CompletableFuture<Map<InetAddress, PeerCounts>> f = new CompletableFuture<>();
        executor.execute(() -> {
            Map<InetAddress, PeerCounts> out = new LinkedHashMap<>();
            for (Map.Entry<InetAddress, RibPeer> e : peers.entrySet()) {
                RibPeer p = e.getValue();
                long received = 0;
                long accepted = 0;
                long advertised = 0;
                for (AddressFamily family : p.families) {
                    received += p.in.size(family);
                    accepted += p.in.acceptedSize(family);
                    advertised += p.out.size(family);
                }
                out.put(e.getKey(), new PeerCounts(received, accepted, advertised));
            }
            f.complete(out);
        });
        return f;
    }

    /**
     * Calls {@code visitor} on the RIB executor for every prefix of a family with its candidates
     * (best first), without copying the table; the future completes after the last prefix. The
     * visitor must not keep the list beyond the call or touch the Rib.
     *
     * @param family the family to walk
     * @param visitor called once per prefix with its candidates, best first
     * @return a future completed after the last prefix
     */
    public CompletableFuture<Void> visit(AddressFamily family, BiConsumer<IpPrefix, List<Route>> visitor) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                locRib.destinations(family).forEach((p, d) -> visitor.accept(p, d.candidates()));
                f.complete(null);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** {@return the settings this RIB was built with} */
    public RibConfig config() {
        return config;
    }

    /**
     * The executor that owns this RIB; the session driver delivers {@code PeerEventHandler}
     * calls and {@code whenWritable} callbacks on it.
     *
     * @return the executor every RIB task runs on
     */
    public RibExecutor executor() {
        return executor;
    }

    /** Stops the executor after the queued commands. */
    @Override
    public void close() {
        executor.close();
    }

    // ---------------------------------------------------------------- on the executor

    /** Applies one command; runs on the RIB executor. An invariant failure is logged, not fatal. */
    void apply(RibCommand c) {
        try {
            dispatch(c);
        } catch (RuntimeException e) {
            // an embedded library must not take its host down (STYLE §11)
            log.error("rib: command {} failed, state may be partial", c.getClass().getSimpleName(), e);
        } finally {
            fib.commit();
            flushAll();
        }
    }

    private void dispatch(RibCommand c) {
        if (c instanceof RibCommand.Update u) {
            onUpdate(u);
        } else if (c instanceof RibCommand.PeerUp u) {
            onPeerUp(u);
        } else if (c instanceof RibCommand.PeerDown d) {
            onPeerDown(d.neighbor());
        } else if (c instanceof RibCommand.RouteRefresh r) {
            onRouteRefresh(r);
        } else if (c instanceof RibCommand.PeerWritable w) {
            RibPeer p = peers.get(w.neighbor());
            if (p != null) {
                p.awaitingWritable = false;
                if (p.feeder != null) {
                    scheduleFeed(p);
                }
            }
        } else if (c instanceof RibCommand.SystemRouteChanged s) {
            onSystemRoute(s);
        } else if (c instanceof RibCommand.ImportPolicyChanged i) {
            onImportPolicy(i);
        } else if (c instanceof RibCommand.ExportPolicyChanged e) {
            onExportPolicy(e);
        } else if (c instanceof RibCommand.Originate o) {
            AttributeSet a = config.interner().intern(o.attributes());
            putRoute(o.prefix(), newRoute(o.source(), Nlri.NO_PATH_ID, a));
        } else if (c instanceof RibCommand.WithdrawLocal w) {
            removeRoute(w.prefix(), w.source(), Nlri.NO_PATH_ID);
        } else {
            throw new IllegalStateException("dispatch: unknown command " + c);
        }
    }

    private void onPeerUp(RibCommand.PeerUp u) {
        InetAddress addr = u.neighbor().address();
        if (peers.containsKey(addr)) {
            onPeerDown(addr); // a new session replaces the old one's paths
        }
        RibPeer p = new RibPeer(u.neighbor(), u.codec(), u.sink(), u.importPolicy().orElse(null),
                u.exportPolicy().orElse(null), u.enhancedRouteRefresh(), locRib);
        p.maxPrefixes = u.maxPrefixes().orElse(0);
        peers.put(addr, p);
        log.info("rib: peer {} up, feeding {} ({}; {})", addr.getHostAddress(), p.families,
                p.importStatus(config.rfc8212()), p.exportStatus(config.rfc8212()));
        startFeed(p, p.families, true);
    }

    private void onPeerDown(InetAddress addr) {
        RibPeer p = peers.remove(addr);
        if (p == null) {
            return;
        }
        for (AddressFamily f : p.families) {
            List<Nlri> accepted = new ArrayList<>(p.in.acceptedSize(f));
            p.in.forEach(f, (n, received, post) -> {
                if (post != null) {
                    accepted.add(n);
                }
            });
            for (Nlri n : accepted) {
                removeRoute(n.prefix(), p.source, n.pathId());
            }
        }
        log.info("rib: peer {} down, its paths withdrawn", addr.getHostAddress());
    }

    private void onUpdate(RibCommand.Update u) {
        RibPeer p = peers.get(u.neighbor());
        if (p == null) {
            log.warn("rib: update from {} without an established session, ignored", u.neighbor().getHostAddress());
            return;
        }
        if (p.prefixLimitHit) {
            return; // the session is being reset for max-prefix: nothing more gets in
        }
        UpdateMessage m = u.update();
        for (AddressFamily f : p.families) {
            for (Nlri n : m.withdrawn(f)) {
                if (p.in.remove(n)) {
                    removeRoute(n.prefix(), p.source, n.pathId());
                }
            }
            List<Nlri> announced = m.announced(f);
            if (announced.isEmpty()) {
                continue;
            }
            // the IPv4 unicast next hop is the NEXT_HOP attribute, the others come in MP_REACH_NLRI
            InetAddress nh = m.mpReach().filter(r -> r.family().equals(f)).map(r -> r.nextHop()).orElse(null);
            AttributeSet raw = config.interner().intern(AttributeSet.of(m.attributes(), nh));
            for (Nlri n : announced) {
                if (p.maxPrefixes != 0 && !p.in.contains(n) && overPrefixLimit(p, f)) {
                    return; // the rest of this UPDATE is not imported; the session goes down
                }
                importPath(p, n, raw);
            }
        }
    }

    /**
     * Max-prefix (RFC 4486 §4, OpenBGPD's {@code max-prefix}): the neighbor's Adj-RIB-In count,
     * all families, with the new path about to be added, against its limit (O(1) per path). Passing {@value #PREFIX_WARNING_PERCENT}% is logged once;
     * passing the limit asks the session layer for CEASE Maximum Number of Prefixes Reached
     * (AFI and SAFI of the family that crossed it, and the limit) and stops importing.
     */
    private boolean overPrefixLimit(RibPeer p, AddressFamily f) {
        if (p.maxPrefixes == 0) {
            return false;
        }
        long count = 1; // the new path
        for (AddressFamily g : p.families) {
            count += p.in.size(g);
        }
        if (count > p.maxPrefixes) {
            p.prefixLimitHit = true;
            log.warn("rib: peer {} sent {} prefixes, over its max-prefix {}: resetting the session",
                    p.neighbor.address().getHostAddress(), count, p.maxPrefixes);
            p.sink.prefixLimitExceeded(f, p.maxPrefixes);
            return true;
        }
        if (!p.prefixWarned && count * 100 >= p.maxPrefixes * PREFIX_WARNING_PERCENT) {
            p.prefixWarned = true;
            log.warn("rib: peer {} sent {} prefixes, {}% of its max-prefix {}", p.neighbor.address().getHostAddress(),
                    count, PREFIX_WARNING_PERCENT, p.maxPrefixes);
        }
        return false;
    }

    // runs the import side for one received path; a throwing user policy rejects just that path
    private PolicyResult runImport(RibPeer p, Nlri n, AttributeSet raw) {
        if (p.importPolicy == null) {
            // RFC 8212 §4: an eBGP session without import policy accepts nothing
            return p.neighbor.ebgp() && config.rfc8212()
                    ? PolicyResult.reject("RFC 8212: no import policy for eBGP neighbor") : PolicyResult.accept(raw);
        }
        try {
            return p.importPolicy.apply(new RouteContext(n.prefix(), raw, p.source, p.neighbor));
        } catch (RuntimeException e) {
            log.warn("rib: peer {} import policy failed on {}, path rejected", p.neighbor.address().getHostAddress(),
                    n, e);
            return PolicyResult.reject("import policy failed: " + e);
        }
    }

    // puts one received path and its import outcome into the Adj-RIB-In and the Loc-RIB
    private void importPath(RibPeer p, Nlri n, AttributeSet raw) {
        PolicyResult r = runImport(p, n, raw);
        if (r instanceof PolicyResult.Accept a) {
            // accepted unchanged (the common case) needs no second intern lookup
            AttributeSet post = a.attributes() == raw ? raw : config.interner().intern(a.attributes());
            p.in.put(n, raw, post);
            Destination d = locRib.get(n.prefix());
            Route existing = d == null ? null : d.find(p.source, n.pathId());
            if (existing != null && existing.attrs().equals(post)) {
                return; // nothing changed: keep the route's age and emit nothing (OpenBGPD prefix_update)
            }
            putRoute(n.prefix(), existing, newRoute(p.source, n.pathId(), post));
        } else {
            p.in.put(n, raw, null);
            removeRoute(n.prefix(), p.source, n.pathId());
        }
    }

    private void onImportPolicy(RibCommand.ImportPolicyChanged c) {
        RibPeer p = peers.get(c.neighbor());
        if (p == null) {
            return;
        }
        p.importPolicy = c.policy().orElse(null);
        // soft reconfiguration: re-run the new policy over what the neighbor sent
        for (AddressFamily f : p.families) {
            List<Nlri> nlri = new ArrayList<>(p.in.size(f));
            List<AttributeSet> received = new ArrayList<>(p.in.size(f));
            p.in.forEach(f, (n, raw, post) -> {
                nlri.add(n);
                received.add(raw);
            });
            for (int i = 0; i < nlri.size(); i++) {
                importPath(p, nlri.get(i), received.get(i));
            }
        }
    }

    private void onExportPolicy(RibCommand.ExportPolicyChanged c) {
        RibPeer p = peers.get(c.neighbor());
        if (p == null) {
            return;
        }
        p.exportPolicy = c.policy().orElse(null);
        p.exportCache.clear(); // RFC 8212's outcome depends on whether there is a policy
        // a walk in progress restarts; an unfinished initial feed keeps its End-of-RIB
        startFeed(p, p.families, p.feeder != null && p.feeder.sendsEndOfRib());
    }

    private void onRouteRefresh(RibCommand.RouteRefresh r) {
        RibPeer p = peers.get(r.neighbor());
        if (p == null || !p.carries(r.family())) {
            return;
        }
        // RFC 7313 §4: BoRR before the re-advertisement, EoRR once it is all sent; a request
        // during an unfinished re-advertisement just extends it
        if (p.enhancedRouteRefresh && p.endOfRefreshDue.add(r.family())) {
            p.sink.sendRouteRefresh(new RouteRefreshMessage(r.family(), RouteRefreshMessage.BORR));
        }
        // RFC 2918 §4: re-send the Adj-RIB-Out of the family; it is already what export allows
        p.out.resend(r.family());
    }

    private void onSystemRoute(RibCommand.SystemRouteChanged s) {
        Set<InetAddress> moved = s.added() ? resolver.add(s.route()) : resolver.remove(s.route());
        for (RibPeer p : peers.values()) {
            p.exportCache.clear(); // a third-party next hop may now be (or no longer be) on a shared subnet
        }
        if (moved.isEmpty()) {
            return; // no next hop in use resolves differently: nothing to re-run
        }
        // only the prefixes with a path over a next hop that resolves differently; a walk, not
        // back-links, finds them: per-path back-links cost more memory than the whole Route, and
        // host route changes that move a next hop in use are rare (see NexthopResolver)
        for (IpPrefix prefix : usersOf(moved)) {
            Destination d = locRib.get(prefix);
            if (d == null) {
                continue;
            }
            changed(prefix, d.reevaluate(this::reresolve));
            updateFib(prefix); // the best may stay while its forwarding next hop moved
            exportToAll(prefix); // a third-party next hop may have become (in)valid
        }
    }

    // the prefixes with at least one BGP-learned candidate whose next hop is in `nexthops`
    private List<IpPrefix> usersOf(Set<InetAddress> nexthops) {
        List<IpPrefix> out = new ArrayList<>();
        for (AddressFamily f : List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST)) {
            for (Destination d : locRib.destinations(f).values()) {
                // arrival order, no ranking: candidates() would rank every destination of the table
                for (int i = 0; i < d.size(); i++) {
                    InetAddress nh = trackedNexthop(d.path(i));
                    if (nh != null && nexthops.contains(nh)) {
                        out.add(d.prefix());
                        break;
                    }
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- Loc-RIB changes

    // the next hop a candidate keeps tracked in the resolver: BGP-learned paths only
    private static InetAddress trackedNexthop(Route r) {
        return r == null || !(r.source() instanceof PeerSource) ? null : r.attrs().nextHop();
    }

    private void putRoute(IpPrefix prefix, Route route) {
        Destination d = locRib.get(prefix);
        putRoute(prefix, d == null ? null : d.find(route.source(), route.pathId()), route);
    }

    // adds or replaces a candidate; the next-hop count moves only when the next hop does
    private void putRoute(IpPrefix prefix, Route existing, Route route) {
        InetAddress was = trackedNexthop(existing);
        InetAddress now = trackedNexthop(route);
        if (!java.util.Objects.equals(was, now)) {
            if (now != null) {
                resolver.acquire(now);
            }
            if (was != null) {
                resolver.release(was);
            }
        }
        changed(prefix, locRib.update(prefix, route));
    }

    private void removeRoute(IpPrefix prefix, RouteSource source, long pathId) {
        Destination d = locRib.get(prefix);
        Route existing = d == null ? null : d.find(source, pathId);
        if (existing == null) {
            return;
        }
        InetAddress was = trackedNexthop(existing);
        if (was != null) {
            resolver.release(was);
        }
        changed(prefix, locRib.withdraw(prefix, source, pathId));
    }

    // ---------------------------------------------------------------- fan-out

    private Route newRoute(RouteSource source, long pathId, AttributeSet attrs) {
        Route r = new Route(source, pathId, attrs, config.ticker().nanos(),
                io.jbgp.rib.table.Eligibility.ELIGIBLE, 0);
        return reresolve(r);
    }

    // recomputes eligibility and next-hop cost from the current host routes
    private Route reresolve(Route r) {
        if (!(r.source() instanceof PeerSource)) {
            return r.withResolution(decision.eligibility(r.source(), r.attrs(), true), 0);
        }
        InetAddress nh = r.attrs().nextHop();
        NexthopResolver.Resolution res = nh == null ? NexthopResolver.Resolution.UNREACHABLE : resolver.resolve(nh);
        return r.withResolution(decision.eligibility(r.source(), r.attrs(), res.isReachable()), res.cost());
    }

    // after any change of a prefix's candidates: fan a best change out
    private void changed(IpPrefix prefix, Optional<BestPathChange> change) {
        if (change.isEmpty()) {
            return;
        }
        BestPathChange c = change.get();
        if (!listeners.isEmpty()) { // no iterator per change when nobody listens
            for (RibListener l : listeners) {
                l.bestPathChanged(c);
            }
        }
        // the change carries the new best and ECMP set: no second Loc-RIB lookup per change
        updateFib(prefix, c.multipath());
        exportToAll(prefix, c.newBest().orElse(null));
    }

    private void updateFib(IpPrefix prefix) {
        Destination d = locRib.get(prefix);
        updateFib(prefix, d == null ? List.of() : d.multipath());
    }

    // installs what the ECMP set (best first; empty when there is no best) forwards on
    private void updateFib(IpPrefix prefix, List<Route> paths) {
        FibRoute want = null;
        if (paths.size() == 1 && trackedNexthop(paths.get(0)) != null) {
            // one path: its resolution's list, shared by every prefix over the same next hop
            List<FibRoute.NextHop> via = resolver.resolve(trackedNexthop(paths.get(0))).via();
            if (!via.isEmpty()) {
                want = new FibRoute(prefix, via);
            }
        } else if (!paths.isEmpty() && paths.get(0).source() instanceof PeerSource) {
            // our own routes are the host's already; only BGP-learned paths are installed
            LinkedHashSet<FibRoute.NextHop> via = new LinkedHashSet<>();
            for (Route r : paths) {
                if (r.source() instanceof PeerSource && r.attrs().nextHop() != null) {
                    via.addAll(resolver.resolve(r.attrs().nextHop()).via());
                }
            }
            if (!via.isEmpty()) {
                want = new FibRoute(prefix, new ArrayList<>(via));
            }
        }
        if (listeners.isEmpty()) {
            fib.update(prefix, want); // no change value to build
        } else {
            fib.set(prefix, want).ifPresent(change -> listeners.forEach(l -> l.fibChanged(change)));
        }
    }

    private void exportToAll(IpPrefix prefix) {
        exportToAll(prefix, locRib.best(prefix));
    }

    private void exportToAll(IpPrefix prefix, Route best) {
        for (RibPeer p : peers.values()) {
            if (p.carries(prefix.family())) {
                exportTo(p, prefix, best);
            }
        }
    }

    private void exportTo(RibPeer p, IpPrefix prefix) {
        exportTo(p, prefix, locRib.best(prefix));
    }

    private void exportTo(RibPeer p, IpPrefix prefix, Route best) {
        AttributeSet out = null;
        if (best != null) {
            PolicyResult r = runExport(p, prefix, best);
            if (r instanceof PolicyResult.Accept a) {
                // the cached built-in outcome is interned already; a policy's own result is not
                out = a.attributes() == lastInterned ? lastInterned : config.interner().intern(a.attributes());
            }
        }
        p.out.set(prefix, out);
    }

    // the export chain for one neighbor; a throwing user policy withholds just that prefix
    private PolicyResult runExport(RibPeer p, IpPrefix prefix, Route best) {
        try {
            PolicyResult r = exportRules.checkSource(best, p.neighbor);
            if (r != null) {
                return r;
            }
            ExportCache.Outcome built = builtInExport(p, prefix.family(), best);
            if (!(built.result() instanceof PolicyResult.Accept a)) {
                return built.result();
            }
            lastInterned = a.attributes();
            AttributeSet mine = a.attributes();
            r = p.exportPolicy == null ? built.result()
                    : exportRules.applyPolicy(prefix, mine, best, p.neighbor, p.exportPolicy);
            if (r instanceof PolicyResult.Accept acc && !(acc.attributes() == mine && built.fitsAnyPrefix())
                    && !UpdatePacker.fits(prefix, acc.attributes(), p.codec)) {
                return PolicyResult.reject("attributes too large for one UPDATE");
            }
            return r;
        } catch (RuntimeException e) {
            log.warn("rib: peer {} export policy failed on {}, not announced", p.neighbor.address().getHostAddress(),
                    prefix, e);
            return PolicyResult.reject("export policy failed: " + e);
        }
    }

    // the built-in export rules for a best path's attributes, through the neighbor's cache
    private ExportCache.Outcome builtInExport(RibPeer p, AddressFamily family, Route best) {
        boolean fromPeer = best.source() instanceof PeerSource;
        ExportCache.Outcome o = p.exportCache.get(best.attrs(), family, fromPeer);
        if (o != null) {
            return o;
        }
        PolicyResult r = exportRules.applyAttributeRules(family, best.attrs(), fromPeer, p.neighbor,
                p.exportPolicy == null);
        if (r instanceof PolicyResult.Accept a) {
            AttributeSet interned = config.interner().intern(a.attributes());
            o = new ExportCache.Outcome(PolicyResult.accept(interned),
                    UpdatePacker.fits(longestPrefix(family), interned, p.codec));
        } else {
            o = new ExportCache.Outcome(r, false);
        }
        p.exportCache.put(best.attrs(), family, fromPeer, o);
        return o;
    }

    // a prefix whose NLRI is as long as any of its family's (for the size check of a cached set)
    private static IpPrefix longestPrefix(AddressFamily family) {
        return family.equals(AddressFamily.IPV4_UNICAST) ? io.jbgp.core.types.Ipv4Prefix.of(0, 32)
                : io.jbgp.core.types.Ipv6Prefix.of(0, 0, 128);
    }

    // ---------------------------------------------------------------- table feed and sending

    private void startFeed(RibPeer p, List<AddressFamily> families, boolean endOfRib) {
        p.feeder = new TableFeeder(families, endOfRib);
        scheduleFeed(p);
    }

    private void scheduleFeed(RibPeer p) {
        if (p.feedScheduled) {
            return;
        }
        p.feedScheduled = true;
        // a separate task per chunk, so other commands interleave with a long walk
        executor.execute(() -> {
            try {
                feedChunk(p);
            } catch (RuntimeException e) {
                log.error("rib: table feed to {} failed", p.neighbor.address().getHostAddress(), e);
            } finally {
                fib.commit();
                flushAll();
            }
        });
    }

    private void feedChunk(RibPeer p) {
        p.feedScheduled = false;
        if (peers.get(p.neighbor.address()) != p || p.feeder == null) {
            return; // the session went down (or was replaced) meanwhile
        }
        if (!p.sink.isWritable()) {
            awaitWritable(p); // resumed by PeerWritable
            return;
        }
        TableFeeder feeder = p.feeder;
        boolean done = feeder.feed(locRib, config.feedChunk(), d -> exportTo(p, d.prefix()), f -> {
            if (feeder.sendsEndOfRib()) {
                p.out.queue(f).requestEndOfRib();
            }
        });
        if (done) {
            p.feeder = null;
        } else {
            scheduleFeed(p);
        }
    }

    private void flushAll() {
        for (RibPeer p : peers.values()) {
            try {
                flush(p);
            } catch (RuntimeException e) {
                // one neighbor's broken queue must not stop the others' updates
                log.error("rib: peer {} update queue failed", p.neighbor.address().getHostAddress(), e);
            }
        }
    }

    private void flush(RibPeer p) {
        for (AddressFamily f : p.families) {
            UpdateQueue q = p.out.queue(f);
            while (!q.isEmpty()) {
                if (!p.sink.isWritable()) {
                    awaitWritable(p); // the rest stays queued, grouped, until the channel drains
                    return;
                }
                List<UpdateMessage> batch = UpdatePacker.drain(q, p.codec, MESSAGES_PER_WRITABILITY_CHECK);
                if (batch.isEmpty()) {
                    break;
                }
                p.sink.send(batch);
            }
            if (q.isEmpty() && p.endOfRefreshDue.remove(f)) {
                p.sink.sendRouteRefresh(new RouteRefreshMessage(f, RouteRefreshMessage.EORR));
            }
        }
    }

    // asks the transport for one PeerWritable command when its buffer drains
    private void awaitWritable(RibPeer p) {
        if (!p.awaitingWritable && p.sink.isOpen()) {
            p.awaitingWritable = true;
            InetAddress addr = p.neighbor.address();
            p.sink.whenWritable(() -> post(new RibCommand.PeerWritable(addr)));
        }
    }

    // ---------------------------------------------------------------- snapshot

    private RibSnapshot takeSnapshot() {
        return RibSnapshots.take(locRib, fib, peers.values(), this::runImport, this::runExport, config.rfc8212());
    }
}
