package io.jbgp.rib;

import static io.jbgp.rib.TestRoutes.LOCAL_AS;
import static io.jbgp.rib.TestRoutes.LOCAL_ID;
import static io.jbgp.rib.TestRoutes.addr;
import static io.jbgp.rib.TestRoutes.prefix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.Origin;
import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.message.MpReach;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.attr.CommunitySet;
import io.jbgp.rib.decision.DecisionOptions;
import io.jbgp.rib.fib.FibRoute;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.rib.policy.PolicyResult;
import io.jbgp.rib.policy.Policies;
import io.jbgp.rib.policy.RouteContext;
import io.jbgp.rib.table.LocalSource;
import io.jbgp.rib.table.Neighbor;
import io.jbgp.rib.table.PeerSource;
import io.jbgp.rib.table.Route;
import io.jbgp.rib.table.RouteSource;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Model-based property: after any generated sequence of announcements (one neighbor with ADD-PATH
 * path ids), withdrawals, sessions going down and up, host route (next hop) changes, import and
 * export policy changes, route refreshes (RFC 2918 and RFC 7313), transports backing up and
 * draining, and local originations across five neighbors (three eBGP, two iBGP), the RIB agrees
 * with a deliberately simple reference that recomputes everything from scratch:
 * <ul>
 *   <li>the Adj-RIB-In pre-policy equals what each neighbor sent;
 *   <li>every prefix's candidates and best path equal a brute-force selection (eligibility,
 *       then deterministic MED by neighbor AS groups);
 *   <li>the forwarding table and the FIB sink equal the resolved best paths;
 *   <li>each neighbor's Adj-RIB-Out equals the view rebuilt from the UPDATEs it was sent, and
 *       holds exactly the prefixes the export rules allow.
 * </ul>
 */
class RibModelProperties {

    private static final List<SystemRoute> HOST_ROUTES = List.of(
            SystemRoute.connected(prefix("10.0.0.0/24"), "eth0"),
            SystemRoute.connected(prefix("10.0.1.0/24"), "eth1"),
            new SystemRoute(prefix("10.0.2.0/24"), Optional.of(addr("10.0.1.1")), SystemRoute.Kind.STATIC, "eth1", 0,
                    10, ""),
            new SystemRoute(prefix("10.0.2.0/25"), Optional.of(addr("10.0.1.2")), SystemRoute.Kind.STATIC, "eth1", 0,
                    20, ""),
            SystemRoute.connected(prefix("2001:db8:ffff::/64"), "eth2"));

    private static final List<IpPrefix> PREFIXES = List.of(prefix("198.51.100.0/24"), prefix("198.51.100.0/25"),
            prefix("203.0.113.0/24"), prefix("203.0.113.64/26"), prefix("2001:db8:1::/48"), prefix("2001:db8:2::/48"));

    private static final List<InetAddress> V4_NEXTHOPS = List.of(addr("10.0.0.9"), addr("10.0.2.7"),
            addr("10.0.2.200"), addr("10.0.3.7"));
    private static final List<InetAddress> V6_NEXTHOPS = List.of(addr("2001:db8:ffff::2"), addr("2001:db8:ffff::9"),
            addr("2001:db8:eeee::1"));

    private static final AttributeSet LOCAL_ATTRS = AttributeSet.builder().origin(Origin.INCOMPLETE).med(1).build();

    private static final int PEERS = 5;
    private static final int MAX_PATHS = 2;
    private static final int POLICIES = 5; // index 4 means "no policy"

    /** Neighbor i: two eBGP sessions into AS 65002 (MED comparable), one into 65003, two iBGP (2 and 4). */
    private static Neighbor neighbor(int i) {
        String[] a = {"10.0.0.2", "10.0.0.3", "10.0.1.4", "10.0.0.5", "10.0.1.6"};
        long[] as = {65002, 65003, LOCAL_AS.value(), 65002, LOCAL_AS.value()};
        return new Neighbor(addr(a[i]), Asn.of(as[i]), RouterId.parse("10.0." + (i + 2) + ".1"),
                as[i] != LOCAL_AS.value(), Optional.of((Inet4Address) addr(i == 2 || i == 4 ? "10.0.1.1" : "10.0.0.1")),
                Optional.of((Inet6Address) addr("2001:db8:ffff::1")));
    }

    /** The policies both the RIB and the reference use, by index; empty for "none". */
    private static Optional<Policies.AnyPolicy> policy(int index) {
        switch (index) {
            case 0:
                return Optional.of(Policies.allowAll());
            case 1:
                return Optional.of(ctx -> PREFIXES.indexOf(ctx.prefix()) % 2 == 1
                        ? PolicyResult.reject("odd") : PolicyResult.accept(ctx.attributes()));
            case 2:
                return Optional.of(ctx -> PREFIXES.indexOf(ctx.prefix()) % 2 == 0
                        ? PolicyResult.accept(ctx.attributes().toBuilder().localPref(300).build())
                        : PolicyResult.accept(ctx.attributes()));
            case 3:
                return Optional.of(ctx -> PolicyResult.accept(ctx.attributes().toBuilder()
                        .communities(ctx.attributes().communities().with(List.of(Community.NO_EXPORT), List.of()))
                        .build()));
            default:
                return Optional.empty();
        }
    }

    /** The state the test drives and the reference reads. */
    private static final class World {
        final MemoryFibSink fibSink = new MemoryFibSink();
        long now;
        final Rib rib = new Rib(RibConfig.of(LOCAL_AS, LOCAL_ID).withFibSink(fibSink).withTicker(() -> now)
                .withFeedChunk(3).withDecision(DecisionOptions.DEFAULT.withMaxPaths(MAX_PATHS)), RibExecutor.direct());
        final boolean[] up = new boolean[PEERS];
        final RecordingOutbound[] sinks = new RecordingOutbound[PEERS];
        final int[] importPolicy = {0, 1, 2, 0, 4};
        final int[] exportPolicy = {0, 0, 0, 4, 4};
        final List<Map<Nlri, AttributeSet>> sent = new ArrayList<>();
        final Set<SystemRoute> hostRoutes = new HashSet<>();
        final Set<IpPrefix> local = new HashSet<>();

        World() {
            for (int i = 0; i < PEERS; i++) {
                sent.add(new HashMap<>());
            }
        }

        void peerUp(int i) {
            up[i] = true;
            sinks[i] = new RecordingOutbound();
            rib.post(new RibCommand.PeerUp(neighbor(i), CodecContext.DEFAULT, sinks[i],
                    policy(importPolicy[i]).map(p -> p), policy(exportPolicy[i]).map(p -> p), i == 1 || i == 2));
        }

        void apply(int s) {
            now++;
            int peer = (s >>> 3) % PEERS;
            IpPrefix prefix = PREFIXES.get((s >>> 5) % PREFIXES.size());
            // neighbor 4 sends ADD-PATH (RFC 7911): two path ids per prefix
            Nlri nlri = peer == 4 ? Nlri.of(prefix, 1 + ((s >>> 12) & 1)) : Nlri.of(prefix);
            switch (s % 8) {
                case 2 -> {
                    // neighbor 3 copies neighbor 0's path (same AS) with its own next hop: ECMP candidates
                    AttributeSet theirs = sent.get(0).get(Nlri.of(prefix));
                    if (up[3] && up[0] && theirs != null) {
                        AttributeSet a = theirs.toBuilder().nextHop(prefix.family().equals(AddressFamily.IPV4_UNICAST)
                                ? neighbor(3).address() : V6_NEXTHOPS.get((s >>> 8) % 2)).build();
                        sent.get(3).put(Nlri.of(prefix), a);
                        rib.post(new RibCommand.Update(neighbor(3).address(), announce(Nlri.of(prefix), a)));
                    }
                }
                case 0, 1 -> {
                    if (up[peer]) {
                        AttributeSet a = attrs(peer, prefix, s >>> 8);
                        sent.get(peer).put(nlri, a);
                        rib.post(new RibCommand.Update(neighbor(peer).address(), announce(nlri, a)));
                    }
                }
                case 3 -> {
                    if (up[peer]) {
                        sent.get(peer).remove(nlri);
                        rib.post(new RibCommand.Update(neighbor(peer).address(),
                                prefix.family().equals(AddressFamily.IPV4_UNICAST)
                                        ? UpdateMessage.withdraw(List.of(nlri))
                                        : new UpdateMessage(List.of(), io.jbgp.core.attr.PathAttributes.EMPTY,
                                                Optional.empty(), Optional.of(new io.jbgp.core.message.MpUnreach(
                                                        prefix.family(), List.of(nlri))), List.of())));
                    }
                }
                case 4 -> {
                    if (((s >>> 5) & 3) == 2) {
                        // the neighbor asks for a re-send (RFC 2918; RFC 7313 for neighbors 1 and 2)
                        if (up[peer]) {
                            rib.post(new RibCommand.RouteRefresh(neighbor(peer).address(), ((s >>> 7) & 1) == 0
                                    ? AddressFamily.IPV4_UNICAST : AddressFamily.IPV6_UNICAST));
                        }
                    } else if (((s >>> 5) & 3) == 3) {
                        // the neighbor's transport backs up, or drains: sends and feeds pause and resume
                        if (up[peer] && sinks[peer].writable) {
                            sinks[peer].writable = false;
                        } else if (up[peer]) {
                            sinks[peer].drain();
                        }
                    } else if (up[peer]) {
                        up[peer] = false;
                        sent.get(peer).clear();
                        rib.post(new RibCommand.PeerDown(neighbor(peer).address()));
                    } else {
                        peerUp(peer);
                    }
                }
                case 5 -> {
                    SystemRoute r = HOST_ROUTES.get((s >>> 3) % HOST_ROUTES.size());
                    boolean add = hostRoutes.add(r);
                    if (!add) {
                        hostRoutes.remove(r);
                    }
                    rib.post(new RibCommand.SystemRouteChanged(r, add));
                }
                case 6 -> {
                    importPolicy[peer] = (s >>> 5) % POLICIES;
                    rib.post(new RibCommand.ImportPolicyChanged(neighbor(peer).address(),
                            policy(importPolicy[peer]).map(p -> p)));
                }
                default -> {
                    if (((s >>> 3) & 1) == 0) {
                        if (local.remove(prefix)) {
                            rib.withdrawLocal(prefix, LocalSource.CONFIGURED);
                        } else {
                            local.add(prefix);
                            rib.originate(prefix, LOCAL_ATTRS, LocalSource.CONFIGURED);
                        }
                    } else {
                        int p = (s >>> 4) % PEERS;
                        exportPolicy[p] = (s >>> 6) % POLICIES;
                        rib.post(new RibCommand.ExportPolicyChanged(neighbor(p).address(),
                                policy(exportPolicy[p]).map(x -> x)));
                    }
                }
            }
        }

        AttributeSet attrs(int peer, IpPrefix prefix, int seed) {
            Neighbor n = neighbor(peer);
            List<Long> path = new ArrayList<>();
            if (n.ebgp()) {
                path.add(n.asn().value());
            }
            switch (seed % 4) {
                case 1 -> path.add(65010L);
                case 2 -> path.addAll(List.of(65020L, 65010L));
                case 3 -> path.add(LOCAL_AS.value()); // a loop for eBGP
                default -> { }
            }
            AttributeSet.Builder b = AttributeSet.builder()
                    .asPath(AsPath.sequence(path.stream().mapToLong(Long::longValue).toArray()))
                    .origin(((seed >>> 2) & 1) == 0 ? Origin.IGP : Origin.INCOMPLETE);
            int med = (seed >>> 3) % 3;
            if (med > 0) {
                b.med(med * 10L);
            }
            if (!n.ebgp() && ((seed >>> 5) & 1) == 1) {
                b.localPref(200);
            }
            if (((seed >>> 6) & 3) == 0) {
                b.communities(CommunitySet.of(Community.of(65002, 1)));
            }
            int nh = (seed >>> 8) % 5;
            if (prefix.family().equals(AddressFamily.IPV4_UNICAST)) {
                b.nextHop(nh == 4 ? n.address() : V4_NEXTHOPS.get(nh));
            } else {
                b.nextHop(V6_NEXTHOPS.get(nh % V6_NEXTHOPS.size()));
            }
            return b.build();
        }
    }

    private static UpdateMessage announce(Nlri nlri, AttributeSet a) {
        IpPrefix prefix = nlri.prefix();
        if (prefix.family().equals(AddressFamily.IPV4_UNICAST)) {
            return UpdateMessage.announce(a.toPathAttributes(true), List.of(nlri));
        }
        return new UpdateMessage(List.of(), a.toPathAttributes(false),
                Optional.of(new MpReach(prefix.family(), a.nextHop(), List.of(nlri))), Optional.empty(),
                List.of());
    }

    // ------------------------------------------------------------ the reference

    /** A candidate as the reference sees it. */
    private record RefPath(RouteSource source, long pathId, AttributeSet attrs, boolean eligible, long cost) {
    }

    /** Longest-match resolution over the active host routes: cost and via, or null. */
    private static FibRoute.NextHop refVia(World w, InetAddress nh) {
        SystemRoute best = refMatch(w, nh);
        return best == null ? null : new FibRoute.NextHop(best.nextHop().orElse(nh), best.interfaceName());
    }

    private static SystemRoute refMatch(World w, InetAddress nh) {
        return w.hostRoutes.stream().filter(r -> r.prefix().containsAddress(nh))
                .max(Comparator.comparingInt(r -> r.prefix().length())).orElse(null);
    }

    private static List<RefPath> refCandidates(World w, IpPrefix prefix) {
        List<RefPath> out = new ArrayList<>();
        for (int i = 0; i < PEERS; i++) {
            for (Map.Entry<Nlri, AttributeSet> e : w.sent.get(i).entrySet()) {
                if (w.up[i] && e.getKey().prefix().equals(prefix)) {
                    refCandidate(w, i, e.getKey(), e.getValue()).ifPresent(out::add);
                }
            }
        }
        if (w.local.contains(prefix)) {
            out.add(new RefPath(LocalSource.CONFIGURED, Nlri.NO_PATH_ID, LOCAL_ATTRS, true, 0));
        }
        return out;
    }

    private static Optional<RefPath> refCandidate(World w, int i, Nlri nlri, AttributeSet raw) {
        IpPrefix prefix = nlri.prefix();
        Neighbor n = neighbor(i);
        Optional<Policies.AnyPolicy> p = policy(w.importPolicy[i]);
        if (p.isEmpty() && n.ebgp()) {
            return Optional.empty(); // RFC 8212
        }
        PolicyResult r = p.isEmpty() ? PolicyResult.accept(raw)
                : p.get().apply(new RouteContext(prefix, raw, n.source(), n));
        if (r instanceof PolicyResult.Accept a) {
            AttributeSet post = a.attributes();
            SystemRoute m = refMatch(w, post.nextHop());
            boolean loop = n.ebgp() && post.asPath().containsAs(LOCAL_AS.value());
            long cost = m == null || m.kind() == SystemRoute.Kind.CONNECTED ? 0 : m.priority();
            return Optional.of(new RefPath(n.source(), nlri.pathId(), post, m != null && !loop, cost));
        }
        return Optional.empty();
    }

    private static Comparator<RefPath> key(boolean withMed) {
        Comparator<RefPath> c = Comparator.comparingLong(p -> -(p.attrs().hasLocalPref() ? p.attrs().localPref() : 100));
        c = c.thenComparingInt(p -> p.attrs().asPath().length());
        c = c.thenComparingInt(p -> p.attrs().origin().code());
        if (withMed) {
            c = c.thenComparingLong(p -> p.attrs().hasMed() ? p.attrs().med() : 0);
        }
        c = c.thenComparing(p -> !p.source().isEbgp());
        c = c.thenComparingLong(RefPath::cost);
        c = c.thenComparing(p -> p.source() instanceof PeerSource ps ? ps.routerId() : LOCAL_ID);
        c = c.thenComparing(p -> p.source() instanceof PeerSource ps ? ps.address().getHostAddress() : "");
        return c.thenComparingLong(RefPath::pathId);
    }

    /** Deterministic MED done the obvious way: best per neighbor AS with MED, then best of those without. */
    private static RefPath refBest(List<RefPath> cands) {
        Map<Long, RefPath> perAs = new HashMap<>();
        for (RefPath p : cands) {
            if (p.eligible()) {
                perAs.merge(p.attrs().asPath().neighborAs(), p, (a, b) -> key(true).compare(a, b) <= 0 ? a : b);
            }
        }
        return perAs.values().stream().min(key(false)).orElse(null);
    }

    /** ECMP: the best plus eligible paths of its neighbor AS equal to it up to the next-hop cost. */
    private static List<RefPath> refMultipath(RefPath best, List<RefPath> cands) {
        Comparator<RefPath> upToCost = Comparator.comparingLong((RefPath p) -> -(p.attrs().hasLocalPref()
                ? p.attrs().localPref() : 100))
                .thenComparingInt(p -> p.attrs().asPath().length())
                .thenComparingInt(p -> p.attrs().origin().code())
                .thenComparingLong(p -> p.attrs().hasMed() ? p.attrs().med() : 0)
                .thenComparing(p -> !p.source().isEbgp())
                .thenComparingLong(RefPath::cost);
        List<RefPath> out = new ArrayList<>(List.of(best));
        cands.stream().filter(p -> p != best && p.eligible()
                        && p.attrs().asPath().neighborAs() == best.attrs().asPath().neighborAs()
                        && upToCost.compare(p, best) == 0)
                .sorted(key(true)).limit(MAX_PATHS - 1).forEach(out::add);
        return out;
    }

    private static boolean sameSource(RouteSource a, RouteSource b) {
        return a.sameAs(b);
    }

    // ------------------------------------------------------------ the check

    private static void check(World w) {
        RibSnapshot s = w.rib.snapshot().join();
        Map<IpPrefix, FibRoute> expectedFib = new TreeMap<>();
        Map<IpPrefix, RefPath> refBest = new HashMap<>();
        for (int i = 0; i < PEERS; i++) {
            if (w.up[i]) {
                Map<Nlri, AttributeSet> expectedIn = new HashMap<>();
                expectedIn.putAll(w.sent.get(i));
                assertEquals(expectedIn, s.peers().get(neighbor(i).address()).adjRibInPre(), "Adj-RIB-In of " + i);
            }
        }
        for (IpPrefix prefix : PREFIXES) {
            List<RefPath> cands = refCandidates(w, prefix);
            List<Route> actual = s.routes(prefix.family()).stream().filter(d -> d.prefix().equals(prefix))
                    .flatMap(d -> d.candidates().stream().map(RibSnapshot.CandidateView::route)).toList();
            assertEquals(cands.size(), actual.size(), () -> "candidates of " + prefix + ": " + cands + " vs " + actual);
            for (RefPath c : cands) {
                Route r = actual.stream().filter(x -> sameSource(x.source(), c.source()) && x.pathId() == c.pathId())
                        .findFirst().orElseThrow();
                assertEquals(c.attrs(), r.attrs(), "attributes of " + prefix);
                assertEquals(c.eligible(), r.isEligible(), () -> "eligibility of " + prefix + " " + r);
            }
            RefPath best = refBest(cands);
            Route actualBest = s.bestPaths(prefix.family()).get(prefix);
            if (best == null) {
                assertEquals(null, actualBest, "best of " + prefix);
                continue;
            }
            refBest.put(prefix, best);
            assertTrue(actualBest != null && sameSource(actualBest.source(), best.source())
                    && actualBest.pathId() == best.pathId()
                    && actualBest.attrs().equals(best.attrs()), () -> "best of " + prefix + ": expected " + best
                    + " got " + actualBest + " among " + cands);
            if (best.source() instanceof PeerSource) {
                LinkedHashSet<FibRoute.NextHop> via = new LinkedHashSet<>();
                for (RefPath m : refMultipath(best, cands)) {
                    if (m.source() instanceof PeerSource) {
                        via.add(refVia(w, m.attrs().nextHop()));
                    }
                }
                expectedFib.put(prefix, new FibRoute(prefix, List.copyOf(via)));
            }
        }
        assertEquals(expectedFib, s.forwarding(), "forwarding table");
        assertEquals(expectedFib, w.fibSink.routes, "FIB sink");
        for (int i = 0; i < PEERS; i++) {
            if (!w.up[i]) {
                continue;
            }
            RibSnapshot.PeerView pv = s.peers().get(neighbor(i).address());
            Map<IpPrefix, AttributeSet> out = pv.adjRibOut();
            if (w.sinks[i].writable) {
                // while the transport is backed up, changes wait in the update queue
                assertEquals(new TreeMap<>(out), w.sinks[i].peerView(), "UPDATEs sent to " + i + " vs its Adj-RIB-Out");
            }
            Neighbor to = neighbor(i);
            out.forEach((prefix, a) -> {
                assertTrue(a.nextHop() != null && a.nextHop().getAddress().length
                        == (prefix.family().equals(AddressFamily.IPV4_UNICAST) ? 4 : 16), "next hop of the family");
                if (to.ebgp()) {
                    assertEquals(LOCAL_AS.value(), a.asPath().neighborAs(), "our AS first towards eBGP");
                    assertTrue(!a.hasLocalPref(), "no LOCAL_PREF towards eBGP");
                    assertTrue(!a.hasMed() || refBest.get(prefix).source() instanceof LocalSource,
                            "only our own MED crosses the AS border");
                    // next hop self, or a third-party next hop on a connected subnet shared with the neighbor
                    boolean thirdParty = w.hostRoutes.stream().anyMatch(r -> r.kind() == SystemRoute.Kind.CONNECTED
                            && r.prefix().containsAddress(a.nextHop()) && r.prefix().containsAddress(to.address()));
                    assertTrue(a.nextHop().equals(to.localAddress(prefix.family())) || thirdParty,
                            () -> "next hop " + a.nextHop() + " towards " + to.address());
                } else {
                    assertTrue(a.hasLocalPref(), "LOCAL_PREF towards iBGP");
                }
            });
            if (!pv.feeding()) {
                // a paused walk has not visited every prefix yet
                assertEquals(expectedExports(w, i, refBest), new TreeMap<>(out).keySet(), "exports to " + i);
            }
            checkRefreshMarkers(w.sinks[i], w.sinks[i].writable && !pv.feeding());
            int eors = w.sinks[i].endOfRibs().size();
            assertTrue(eors == 0 || eors == 2, "one End-of-RIB per family, once");
            if (w.sinks[i].writable && !pv.feeding()) {
                assertEquals(2, eors, "End-of-RIB once the initial feed is done");
            }
        }
    }

    /** RFC 7313: BoRR and EoRR alternate per family; with nothing pending every BoRR is closed. */
    private static void checkRefreshMarkers(RecordingOutbound out, boolean settled) {
        Map<AddressFamily, Integer> open = new HashMap<>();
        for (io.jbgp.core.message.BgpMessage m : out.log) {
            if (m instanceof io.jbgp.core.message.RouteRefreshMessage r) {
                int depth = open.getOrDefault(r.family(), 0) + (r.subtype() == 1 ? 1 : -1);
                assertTrue(depth == 0 || depth == 1, "BoRR and EoRR alternate");
                open.put(r.family(), depth);
            }
        }
        if (settled) {
            open.values().forEach(d -> assertEquals(0, d, "BoRR left open: " + open));
        }
    }

    private static Set<IpPrefix> expectedExports(World w, int to, Map<IpPrefix, RefPath> best) {
        Neighbor n = neighbor(to);
        Set<IpPrefix> out = new java.util.TreeSet<>();
        best.forEach((prefix, b) -> {
            if (b.source() instanceof PeerSource ps && (ps.address().equals(n.address()) || !ps.ebgp() && !n.ebgp())) {
                return;
            }
            if (n.ebgp() && b.attrs().communities().contains(Community.NO_EXPORT)) {
                return;
            }
            Optional<Policies.AnyPolicy> p = policy(w.exportPolicy[to]);
            if (p.isEmpty() && n.ebgp() || w.exportPolicy[to] == 1 && PREFIXES.indexOf(prefix) % 2 == 1) {
                return;
            }
            out.add(prefix);
        });
        return out;
    }

    @Test
    void ribAgreesWithReferenceAfterAnySequenceOfEvents() {
        qt().withFixedSeed(20260).withExamples(300).withShrinkCycles(200).forAll(lists().of(integers().allPositive()).ofSizeBetween(0, 60))
                .checkAssert(ops -> {
                    World w = new World();
                    for (SystemRoute r : HOST_ROUTES) {
                        w.hostRoutes.add(r);
                        w.rib.post(new RibCommand.SystemRouteChanged(r, true));
                    }
                    for (int i = 0; i < PEERS; i++) {
                        w.peerUp(i);
                    }
                    for (int s : ops) {
                        w.apply(s);
                        check(w);
                    }
                    for (int i = 0; i < PEERS; i++) {
                        if (w.up[i]) {
                            w.sinks[i].drain();
                        }
                    }
                    RibSnapshot s = w.rib.snapshot().join();
                    for (int i = 0; i < PEERS; i++) {
                        if (w.up[i]) {
                            assertTrue(!s.peers().get(neighbor(i).address()).feeding(), "a drained feed finishes");
                        }
                    }
                    check(w);
                });
    }

    @Test
    void theReferenceIsNotTrivial() {
        // guard against a vacuous model: some sequences must produce best paths, FIB entries and exports
        World w = new World();
        for (int i = 0; i < PEERS; i++) {
            w.peerUp(i);
        }
        w.apply(5); // connected 10.0.0.0/24
        w.apply(4 << 16); // peer 0 announces a prefix with its own address as next hop
        check(w);
        RibSnapshot s = w.rib.snapshot().join();
        assertEquals(1, s.forwarding().size());
        IpPrefix p = s.forwarding().keySet().iterator().next();
        assertTrue(w.sinks[1].peerView().containsKey(p));
        assertTrue(w.sinks[2].peerView().containsKey(p));
    }
}
