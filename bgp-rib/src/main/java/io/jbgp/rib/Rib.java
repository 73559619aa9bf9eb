package io.jbgp.rib;

import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.decision.DecisionProcess;
import io.jbgp.rib.decision.Verdict;
import io.jbgp.rib.fib.FibRoute;
import io.jbgp.rib.fib.ForwardingTable;
import io.jbgp.rib.fib.NexthopResolver;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.rib.origin.SystemRouteSource;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RIB facade: Adj-RIBs-In, Loc-RIB and decision process, forwarding table, Adj-RIBs-Out,
 * all owned by one {@link RibExecutor} and changed only by {@link RibCommand}s posted to it
 * (OpenBGPD's RDE, in-process). {@link #post} may be called from any thread; everything else
 * happens on the executor. Results come out as values: {@link BestPathChange} and
 * {@link ForwardingTable.FibChange} to {@link RibListener}s, UPDATEs to each neighbor's
 * {@link io.jbgp.rib.out.UpdateSink}, batches to the {@link io.jbgp.rib.fib.FibSink}.
 *
 * <p>Flow of one UPDATE (STYLE §7): pre-policy Adj-RIB-In, import policy, post-policy Adj-RIB-In,
 * Loc-RIB candidate with its eligibility, decision, and on a best-path change: forwarding table
 * (next hop resolved against host routes), then for every neighbor the export chain into its
 * Adj-RIB-Out and update queue. After each command the FIB batch is committed and every writable
 * neighbor's queue is packed into UPDATEs and sent.
 */
public final class Rib implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Rib.class);
    private static final int MESSAGES_PER_WRITABILITY_CHECK = 64;

    private final RibConfig config;
    private final RibExecutor executor;
    private final DecisionProcess decision;
    private final LocRib locRib;
    private final NexthopResolver resolver;
    private final ForwardingTable fib;
    private final ExportRules exportRules;
    private final Map<InetAddress, RibPeer> peers = new LinkedHashMap<>();
    private final List<RibListener> listeners = new CopyOnWriteArrayList<>();

    public Rib(RibConfig config, RibExecutor executor) {
        this.config = config;
        this.executor = executor;
        this.decision = new DecisionProcess(config.decision(), config.localAs(), config.routerId());
        this.locRib = new LocRib(decision);
        this.resolver = new NexthopResolver(config.resolveViaDefault());
        this.fib = new ForwardingTable(config.fibSink());
        this.exportRules = new ExportRules(config.localAs(), config.rfc8212(), resolver);
    }

    // ---------------------------------------------------------------- API for any thread

    /** Queues a command for the RIB executor. */
    public void post(RibCommand command) {
        executor.execute(() -> apply(command));
    }

    /** Originates a local route (what rib-fib's Redistributor and network statements call). */
    public void originate(IpPrefix prefix, AttributeSet attributes, LocalSource source) {
        post(new RibCommand.Originate(prefix, attributes, source));
    }

    /** Stops originating a local route. */
    public void withdrawLocal(IpPrefix prefix, LocalSource source) {
        post(new RibCommand.WithdrawLocal(prefix, source));
    }

    /** A listener for a {@link SystemRouteSource} that feeds host routes into next-hop resolution. */
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

    /** Adds a listener; it hears changes from the next command on. */
    public void addListener(RibListener listener) {
        listeners.add(listener);
    }

    public void removeListener(RibListener listener) {
        listeners.remove(listener);
    }

    /** A consistent snapshot, taken on the executor (complete at once with a direct executor). */
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

    public RibConfig config() {
        return config;
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
            if (p != null && p.feeder != null) {
                scheduleFeed(p);
            }
        } else if (c instanceof RibCommand.SystemRouteChanged s) {
            onSystemRoute(s);
        } else if (c instanceof RibCommand.ImportPolicyChanged i) {
            onImportPolicy(i);
        } else if (c instanceof RibCommand.ExportPolicyChanged e) {
            onExportPolicy(e);
        } else if (c instanceof RibCommand.Originate o) {
            AttributeSet a = config.interner().intern(o.attributes());
            Route r = newRoute(o.source(), Nlri.NO_PATH_ID, a);
            changed(o.prefix(), locRib.update(o.prefix(), r));
        } else if (c instanceof RibCommand.WithdrawLocal w) {
            changed(w.prefix(), locRib.withdraw(w.prefix(), w.source(), Nlri.NO_PATH_ID));
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
                u.exportPolicy().orElse(null));
        peers.put(addr, p);
        log.info("rib: peer {} up, feeding {} ({}; {})", addr.getHostAddress(), p.families,
                importStatus(p), exportStatus(p));
        startFeed(p, p.families, true);
    }

    private void onPeerDown(InetAddress addr) {
        RibPeer p = peers.remove(addr);
        if (p == null) {
            return;
        }
        for (AddressFamily f : p.families) {
            for (Nlri n : List.copyOf(p.in.postPolicy(f).keySet())) {
                changed(n.prefix(), locRib.withdraw(n.prefix(), p.source, n.pathId()));
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
        UpdateMessage m = u.update();
        for (AddressFamily f : p.families) {
            for (Nlri n : m.withdrawn(f)) {
                if (p.in.remove(n)) {
                    changed(n.prefix(), locRib.withdraw(n.prefix(), p.source, n.pathId()));
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
                p.in.putPrePolicy(n, raw);
                importPath(p, n, raw);
            }
        }
    }

    // runs import policy on one received path and puts the outcome into the Loc-RIB
    private void importPath(RibPeer p, Nlri n, AttributeSet raw) {
        PolicyResult r;
        if (p.importPolicy == null) {
            // RFC 8212 §4: an eBGP session without import policy accepts nothing
            r = p.neighbor.ebgp() && config.rfc8212() ? PolicyResult.reject("RFC 8212") : PolicyResult.accept(raw);
        } else {
            r = p.importPolicy.apply(new RouteContext(n.prefix(), raw, p.source, p.neighbor));
        }
        if (r instanceof PolicyResult.Accept a) {
            AttributeSet post = config.interner().intern(a.attributes());
            p.in.putPostPolicy(n, post);
            changed(n.prefix(), locRib.update(n.prefix(), newRoute(p.source, n.pathId(), post)));
        } else {
            p.in.putPostPolicy(n, null);
            changed(n.prefix(), locRib.withdraw(n.prefix(), p.source, n.pathId()));
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
            for (Map.Entry<Nlri, AttributeSet> e : List.copyOf(p.in.prePolicy(f).entrySet())) {
                importPath(p, e.getKey(), e.getValue());
            }
        }
    }

    private void onExportPolicy(RibCommand.ExportPolicyChanged c) {
        RibPeer p = peers.get(c.neighbor());
        if (p == null) {
            return;
        }
        p.exportPolicy = c.policy().orElse(null);
        // a walk in progress restarts; an unfinished initial feed keeps its End-of-RIB
        startFeed(p, p.families, p.feeder != null && p.feeder.sendsEndOfRib());
    }

    private void onRouteRefresh(RibCommand.RouteRefresh r) {
        RibPeer p = peers.get(r.neighbor());
        if (p == null || !p.carries(r.family())) {
            return;
        }
        if (p.feeder != null) {
            // already walking everything; the walk re-sends this family anyway
            p.out.forget(r.family());
            return;
        }
        p.out.forget(r.family());
        startFeed(p, List.of(r.family()), false);
    }

    private void onSystemRoute(RibCommand.SystemRouteChanged s) {
        Set<IpPrefix> affected = s.added() ? resolver.add(s.route()) : resolver.remove(s.route());
        // only the prefixes whose next hops resolve differently, found through the back-links
        for (IpPrefix prefix : affected) {
            Destination d = locRib.get(prefix);
            if (d == null) {
                continue;
            }
            changed(prefix, d.reevaluate(this::reresolve));
            updateFib(prefix); // the best may stay while its forwarding next hop moved
            exportToAll(prefix); // a third-party next hop may have become (in)valid
        }
    }

    // ---------------------------------------------------------------- fan-out

    private Route newRoute(RouteSource source, long pathId, AttributeSet attrs) {
        Route r = new Route(source, pathId, attrs, config.ticker().getAsLong(),
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

    // after any change of a prefix's candidates: refresh back-links, then fan a best change out
    private void changed(IpPrefix prefix, Optional<BestPathChange> change) {
        Destination d = locRib.get(prefix);
        Set<InetAddress> nexthops = new HashSet<>();
        if (d != null) {
            for (Route r : d.candidates()) {
                if (r.source() instanceof PeerSource && r.attrs().nextHop() != null) {
                    nexthops.add(r.attrs().nextHop());
                }
            }
        }
        resolver.link(prefix, nexthops);
        if (change.isEmpty()) {
            return;
        }
        for (RibListener l : listeners) {
            l.bestPathChanged(change.get());
        }
        updateFib(prefix);
        exportToAll(prefix);
    }

    private void updateFib(IpPrefix prefix) {
        Destination d = locRib.get(prefix);
        FibRoute want = null;
        if (d != null && d.best() != null && d.best().source() instanceof PeerSource) {
            // our own routes are the host's already; only BGP-learned paths are installed
            LinkedHashSet<FibRoute.NextHop> via = new LinkedHashSet<>();
            for (Route r : d.multipath()) {
                if (r.source() instanceof PeerSource && r.attrs().nextHop() != null) {
                    via.addAll(resolver.resolve(r.attrs().nextHop()).via());
                }
            }
            if (!via.isEmpty()) {
                want = new FibRoute(prefix, new ArrayList<>(via));
            }
        }
        fib.set(prefix, want).ifPresent(change -> listeners.forEach(l -> l.fibChanged(change)));
    }

    private void exportToAll(IpPrefix prefix) {
        for (RibPeer p : peers.values()) {
            if (p.carries(prefix.family())) {
                exportTo(p, prefix);
            }
        }
    }

    private void exportTo(RibPeer p, IpPrefix prefix) {
        Route best = locRib.best(prefix);
        AttributeSet out = null;
        if (best != null) {
            PolicyResult r = exportRules.apply(prefix, best, p.neighbor, p.exportPolicy);
            if (r instanceof PolicyResult.Accept a) {
                out = config.interner().intern(a.attributes());
            }
        }
        p.out.set(prefix, out);
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
            return; // resumed by PeerWritable
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
            flush(p);
        }
    }

    private void flush(RibPeer p) {
        for (AddressFamily f : p.families) {
            UpdateQueue q = p.out.queue(f);
            while (!q.isEmpty() && p.sink.isWritable()) {
                List<UpdateMessage> batch = UpdatePacker.drain(q, p.codec, MESSAGES_PER_WRITABILITY_CHECK);
                if (batch.isEmpty()) {
                    break; // an End-of-RIB waiting for a later family-done
                }
                batch.forEach(p.sink::send);
            }
        }
    }

    // ---------------------------------------------------------------- snapshot

    private RibSnapshot takeSnapshot() {
        Map<AddressFamily, List<RibSnapshot.DestinationView>> routes = new LinkedHashMap<>();
        for (AddressFamily f : List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST)) {
            List<RibSnapshot.DestinationView> views = new ArrayList<>();
            for (Destination d : locRib.destinations(f).values()) {
                List<Verdict> reasons = d.reasons();
                List<RibSnapshot.CandidateView> cands = new ArrayList<>();
                for (int i = 0; i < d.candidates().size(); i++) {
                    Route r = d.candidates().get(i);
                    cands.add(new RibSnapshot.CandidateView(r, r == d.best(), d.multipath().contains(r),
                            i < reasons.size() ? Optional.of(reasons.get(i)) : Optional.empty()));
                }
                views.add(new RibSnapshot.DestinationView(d.prefix(), cands));
            }
            routes.put(f, List.copyOf(views));
        }
        Map<InetAddress, RibSnapshot.PeerView> pv = new LinkedHashMap<>();
        for (RibPeer p : peers.values()) {
            Map<Nlri, AttributeSet> pre = new LinkedHashMap<>();
            Map<Nlri, AttributeSet> post = new LinkedHashMap<>();
            Map<IpPrefix, AttributeSet> out = new LinkedHashMap<>();
            for (AddressFamily f : p.families) {
                pre.putAll(p.in.prePolicy(f));
                post.putAll(p.in.postPolicy(f));
                out.putAll(p.out.advertised(f));
            }
            pv.put(p.neighbor.address(), new RibSnapshot.PeerView(p.neighbor, pre, post, out, importStatus(p),
                    exportStatus(p), p.feeder != null));
        }
        return new RibSnapshot(routes, fib.snapshot(), pv);
    }

    private String importStatus(RibPeer p) {
        if (p.importPolicy != null) {
            return "import policy configured";
        }
        return p.neighbor.ebgp() && config.rfc8212()
                ? "RFC 8212: eBGP neighbor without import policy, accepting nothing" : "accepting all (no policy)";
    }

    private String exportStatus(RibPeer p) {
        if (p.exportPolicy != null) {
            return "export policy configured";
        }
        return p.neighbor.ebgp() && config.rfc8212()
                ? "RFC 8212: eBGP neighbor without export policy, announcing nothing" : "announcing all (no policy)";
    }
}
