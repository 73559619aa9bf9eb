package io.jbgp.rib;

import static io.jbgp.rib.TestRoutes.LOCAL_AS;
import static io.jbgp.rib.TestRoutes.LOCAL_ID;
import static io.jbgp.rib.TestRoutes.addr;
import static io.jbgp.rib.TestRoutes.prefix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.Community;
import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.attr.CommunitySet;
import io.jbgp.rib.decision.DecisionStep;
import io.jbgp.rib.fib.FibRoute;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.rib.policy.ExportPolicy;
import io.jbgp.rib.policy.ImportPolicy;
import io.jbgp.rib.policy.Policies;
import io.jbgp.rib.policy.PolicyResult;
import io.jbgp.rib.table.BestPathChange;
import io.jbgp.rib.table.Eligibility;
import io.jbgp.rib.table.LocalSource;
import io.jbgp.rib.table.Neighbor;
import io.jbgp.rib.table.Route;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Example scenarios for the Rib facade, run synchronously on a direct executor. */
class RibTest {

    private final MemoryFibSink fibSink = new MemoryFibSink();
    private long now;
    private final Rib rib = new Rib(RibConfig.of(LOCAL_AS, LOCAL_ID).withFibSink(fibSink).withTicker(() -> now),
            RibExecutor.direct());

    private static final SystemRoute LAN = SystemRoute.connected(prefix("10.0.0.0/24"), "eth0");

    private RecordingOutbound up(int n, long as, Optional<ImportPolicy> in, Optional<ExportPolicy> out) {
        RecordingOutbound sink = new RecordingOutbound();
        Neighbor nb = Neighbor.of(addr("10.0.0." + n), Asn.of(as), RouterId.parse("10.0." + n + ".1"), LOCAL_AS,
                addr("10.0.0.1"));
        rib.post(new RibCommand.PeerUp(nb, CodecContext.DEFAULT, sink, in, out));
        return sink;
    }

    private RecordingOutbound up(int n, long as) {
        return up(n, as, Optional.of(Policies.allowAll()), Optional.of(Policies.allowAll()));
    }

    private void announce(int n, String prefix, AttributeSet attrs) {
        rib.post(new RibCommand.Update(addr("10.0.0." + n),
                UpdateMessage.announce(attrs.toPathAttributes(true), List.of(Nlri.of(prefix(prefix))))));
    }

    private static AttributeSet path(String nexthop, long... as) {
        return AttributeSet.builder().asPath(AsPath.sequence(as)).nextHop(addr(nexthop)).build();
    }

    private RibSnapshot snap() {
        return rib.snapshot().join();
    }

    @Test
    void initialFeedEndsWithEndOfRibForEachFamily() {
        rib.post(new RibCommand.SystemRouteChanged(LAN, true));
        RecordingOutbound a = up(2, 65002);
        announce(2, "198.51.100.0/24", path("10.0.0.2", 65002));
        RecordingOutbound b = up(3, 65003);
        assertEquals(List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST), a.endOfRibs());
        assertEquals(List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST), b.endOfRibs());
        // b got the route before its IPv4 End-of-RIB, with our AS prepended and next hop self
        Map<IpPrefix, AttributeSet> view = b.peerView();
        AttributeSet sent = view.get(prefix("198.51.100.0/24"));
        assertEquals(AsPath.sequence(65001, 65002), sent.asPath());
        assertEquals(addr("10.0.0.2"), sent.nextHop(), "third-party next hop kept on the shared subnet");
        assertFalse(sent.hasLocalPref());
        assertTrue(b.sent.indexOf(UpdateMessage.endOfRib(AddressFamily.IPV4_UNICAST)) > 0);
    }

    @Test
    void rfc8212DeniesEbgpWithoutPoliciesAndSaysSo() {
        rib.post(new RibCommand.SystemRouteChanged(LAN, true));
        RecordingOutbound a = up(2, 65002, Optional.empty(), Optional.empty());
        up(3, 65003);
        announce(2, "198.51.100.0/24", path("10.0.0.2", 65002));
        announce(3, "203.0.113.0/24", path("10.0.0.3", 65003));
        RibSnapshot s = snap();
        assertEquals(Map.of(prefix("203.0.113.0/24"), s.bestPaths(AddressFamily.IPV4_UNICAST)
                .get(prefix("203.0.113.0/24"))), s.bestPaths(AddressFamily.IPV4_UNICAST));
        assertEquals(1, s.peers().get(addr("10.0.0.2")).adjRibInPre().size(), "kept before policy");
        assertTrue(s.peers().get(addr("10.0.0.2")).adjRibInPost().isEmpty());
        assertTrue(s.peers().get(addr("10.0.0.2")).importStatus().contains("RFC 8212"));
        assertTrue(a.peerView().isEmpty(), "nothing announced without export policy");
        assertEquals(Map.of(Nlri.of(prefix("198.51.100.0/24")), "RFC 8212: no import policy for eBGP neighbor"),
                s.peers().get(addr("10.0.0.2")).importRejected());
        assertEquals(Map.of(prefix("203.0.113.0/24"), "RFC 8212: no export policy for eBGP neighbor"),
                s.peers().get(addr("10.0.0.2")).exportRejected());
        assertEquals(Map.of(prefix("203.0.113.0/24"), "learned from this neighbor"),
                s.peers().get(addr("10.0.0.3")).exportRejected());
        // switching RFC 8212 behaviour on via a policy change needs no session reset
        rib.post(new RibCommand.ImportPolicyChanged(addr("10.0.0.2"), Optional.of(Policies.allowAll())));
        assertTrue(snap().bestPaths(AddressFamily.IPV4_UNICAST).containsKey(prefix("198.51.100.0/24")));
    }

    @Test
    void rfc8212SwitchOffAcceptsEverything() {
        Rib open = new Rib(RibConfig.of(LOCAL_AS, LOCAL_ID).withRfc8212(false), RibExecutor.direct());
        open.post(new RibCommand.SystemRouteChanged(LAN, true));
        Neighbor nb = Neighbor.of(addr("10.0.0.2"), Asn.of(65002), RouterId.parse("10.0.2.1"), LOCAL_AS,
                addr("10.0.0.1"));
        open.post(new RibCommand.PeerUp(nb, CodecContext.DEFAULT, new RecordingOutbound(), Optional.empty(),
                Optional.empty()));
        open.post(new RibCommand.Update(nb.address(), UpdateMessage.announce(
                path("10.0.0.2", 65002).toPathAttributes(true), List.of(Nlri.of(prefix("198.51.100.0/24"))))));
        assertEquals(1, open.snapshot().join().bestPaths(AddressFamily.IPV4_UNICAST).size());
    }

    @Test
    void unresolvableNexthopMakesPathIneligibleUntilAHostRouteAppears() {
        List<BestPathChange> changes = new ArrayList<>();
        rib.addListener(new RibListener() {
            @Override
            public void bestPathChanged(BestPathChange c) {
                changes.add(c);
            }
        });
        up(2, 65002);
        announce(2, "198.51.100.0/24", path("10.0.0.2", 65002));
        RibSnapshot s = snap();
        assertEquals(Eligibility.NEXTHOP_UNREACHABLE,
                s.routes(AddressFamily.IPV4_UNICAST).get(0).candidates().get(0).route().eligibility());
        assertTrue(s.forwarding().isEmpty());
        assertTrue(changes.isEmpty());
        rib.post(new RibCommand.SystemRouteChanged(LAN, true));
        assertEquals(1, changes.size());
        FibRoute expected = new FibRoute(prefix("198.51.100.0/24"),
                List.of(new FibRoute.NextHop(addr("10.0.0.2"), "eth0")));
        assertEquals(Map.of(expected.prefix(), expected), snap().forwarding());
        assertEquals(Map.of(expected.prefix(), expected), fibSink.routes);
        rib.post(new RibCommand.SystemRouteChanged(LAN, false));
        assertTrue(fibSink.routes.isEmpty());
        assertTrue(changes.get(1).isWithdrawal());
        assertFalse(fibSink.isInBatch());
    }

    @Test
    void recursiveNexthopResolvesThroughStaticRouteGateway() {
        rib.post(new RibCommand.SystemRouteChanged(SystemRoute.connected(prefix("10.0.0.0/24"), "eth0"), true));
        rib.post(new RibCommand.SystemRouteChanged(new SystemRoute(prefix("10.9.0.0/16"),
                Optional.of(addr("10.0.0.254")), SystemRoute.Kind.STATIC, "eth0", 0, 7, ""), true));
        up(4, LOCAL_AS.value());
        announce(4, "198.51.100.0/24", path("10.9.1.1", 65010));
        assertEquals(List.of(new FibRoute.NextHop(addr("10.0.0.254"), "eth0")),
                snap().forwarding().get(prefix("198.51.100.0/24")).nextHops());
        assertEquals(7, snap().bestPaths(AddressFamily.IPV4_UNICAST).get(prefix("198.51.100.0/24")).igpCost());
    }

    @Test
    void showExplainsWhyEachCandidateWonOrLost() {
        rib.post(new RibCommand.SystemRouteChanged(LAN, true));
        up(2, 65002);
        up(3, 65003);
        announce(2, "198.51.100.0/24", path("10.0.0.2", 65002, 65010));
        announce(3, "198.51.100.0/24", path("10.0.0.3", 65003));
        List<RibSnapshot.CandidateView> c = snap().routes(AddressFamily.IPV4_UNICAST).get(0).candidates();
        assertTrue(c.get(0).best());
        assertEquals(addr("10.0.0.3"), ((io.jbgp.rib.table.PeerSource) c.get(0).route().source()).address());
        assertEquals(DecisionStep.AS_PATH_LENGTH, c.get(0).reason().orElseThrow().decidedBy());
        assertTrue(c.get(0).reason().orElseThrow().firstWins());
        assertFalse(c.get(1).reason().orElseThrow().firstWins());
    }

    @Test
    void peerDownWithdrawsItsPathsEverywhere() {
        rib.post(new RibCommand.SystemRouteChanged(LAN, true));
        up(2, 65002);
        RecordingOutbound b = up(3, 65003);
        announce(2, "198.51.100.0/24", path("10.0.0.2", 65002));
        assertEquals(1, b.peerView().size());
        rib.post(new RibCommand.PeerDown(addr("10.0.0.2")));
        assertTrue(b.peerView().isEmpty());
        assertTrue(snap().bestPaths(AddressFamily.IPV4_UNICAST).isEmpty());
        assertTrue(fibSink.routes.isEmpty());
    }

    @Test
    void noExportAndIbgpRulesAreHonoured() {
        rib.post(new RibCommand.SystemRouteChanged(LAN, true));
        RecordingOutbound ebgp = up(2, 65002);
        RecordingOutbound ibgp = up(4, LOCAL_AS.value());
        RecordingOutbound ibgp2 = up(5, LOCAL_AS.value());
        AttributeSet noExport = path("10.0.0.4", 65010).toBuilder().communities(CommunitySet.of(Community.NO_EXPORT))
                .localPref(150).med(5).build();
        announce(4, "198.51.100.0/24", noExport);
        assertTrue(ebgp.peerView().isEmpty(), "NO_EXPORT stops at the AS border");
        assertTrue(ibgp2.peerView().isEmpty(), "no iBGP to iBGP re-advertisement");
        assertTrue(ibgp.peerView().isEmpty(), "never back to the sender");
        announce(4, "203.0.113.0/24", path("10.0.0.4", 65010).toBuilder().med(5).localPref(150).build());
        AttributeSet toEbgp = ebgp.peerView().get(prefix("203.0.113.0/24"));
        assertFalse(toEbgp.hasMed(), "MED from another AS is not passed on");
        assertFalse(toEbgp.hasLocalPref());
        // locally originated: announced to iBGP with LOCAL_PREF and next hop self
        rib.originate(prefix("203.0.113.128/25"), AttributeSet.builder().med(7).build(), LocalSource.CONFIGURED);
        AttributeSet toIbgp = ibgp2.peerView().get(prefix("203.0.113.128/25"));
        assertEquals(100, toIbgp.localPref());
        assertEquals(addr("10.0.0.1"), toIbgp.nextHop());
        assertEquals(7, ebgp.peerView().get(prefix("203.0.113.128/25")).med(), "our own MED is sent");
        rib.withdrawLocal(prefix("203.0.113.128/25"), LocalSource.CONFIGURED);
        assertFalse(ibgp2.peerView().containsKey(prefix("203.0.113.128/25")));
    }

    @Test
    void exportPolicyChangeReexportsWithoutReset() {
        rib.post(new RibCommand.SystemRouteChanged(LAN, true));
        up(2, 65002);
        RecordingOutbound b = up(3, 65003);
        announce(2, "198.51.100.0/24", path("10.0.0.2", 65002));
        announce(2, "203.0.113.0/24", path("10.0.0.2", 65002));
        assertEquals(2, b.peerView().size());
        ExportPolicy only203 = ctx -> ctx.prefix().equals(prefix("203.0.113.0/24"))
                ? PolicyResult.accept(ctx.attributes().toBuilder().med(42).build()) : PolicyResult.reject("test");
        rib.post(new RibCommand.ExportPolicyChanged(addr("10.0.0.3"), Optional.of(only203)));
        assertEquals(Map.of(prefix("203.0.113.0/24"), b.peerView().get(prefix("203.0.113.0/24"))), b.peerView());
        assertEquals(42, b.peerView().get(prefix("203.0.113.0/24")).med());
        assertEquals(b.peerView(), snap().peers().get(addr("10.0.0.3")).adjRibOut());
    }

    @Test
    void feedPausesWhileNotWritableAndResumes() {
        Rib small = new Rib(RibConfig.of(LOCAL_AS, LOCAL_ID).withFeedChunk(2), RibExecutor.direct());
        for (int i = 0; i < 10; i++) {
            small.originate(prefix("198.51.100." + (i * 16) + "/28"), AttributeSet.builder().build(),
                    LocalSource.CONFIGURED);
        }
        RecordingOutbound sink = new RecordingOutbound();
        sink.writable = false;
        Neighbor nb = Neighbor.of(addr("10.0.0.4"), LOCAL_AS, RouterId.parse("10.0.4.1"), LOCAL_AS, addr("10.0.0.1"));
        small.post(new RibCommand.PeerUp(nb, CodecContext.DEFAULT, sink, Optional.empty(), Optional.empty()));
        assertTrue(sink.sent.isEmpty());
        assertTrue(small.snapshot().join().peers().get(nb.address()).feeding());
        assertEquals(1, sink.writableWaiters.size(), "asked once to be woken up");
        sink.drain();
        assertEquals(10, sink.peerView().size());
        assertEquals(List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST), sink.endOfRibs());
        assertFalse(small.snapshot().join().peers().get(nb.address()).feeding());
    }

    @Test
    void routeRefreshResendsTheFamily() {
        rib.post(new RibCommand.SystemRouteChanged(LAN, true));
        up(2, 65002);
        RecordingOutbound b = up(3, 65003);
        announce(2, "198.51.100.0/24", path("10.0.0.2", 65002));
        int before = b.sent.size();
        rib.post(new RibCommand.RouteRefresh(addr("10.0.0.3"), AddressFamily.IPV4_UNICAST));
        assertEquals(before + 1, b.sent.size());
        assertEquals(1, b.sent.get(before).announced().size());
    }

    @Test
    void ipv6PathsTravelInMpReach() {
        rib.post(new RibCommand.SystemRouteChanged(SystemRoute.connected(prefix("2001:db8:ffff::/64"), "eth1"), true));
        RecordingOutbound b = new RecordingOutbound();
        InetAddress v6peer = addr("2001:db8:ffff::2");
        Neighbor nb = Neighbor.of(v6peer, Asn.of(65002), RouterId.parse("10.0.2.1"), LOCAL_AS, addr("2001:db8:ffff::1"));
        rib.post(new RibCommand.PeerUp(nb, CodecContext.DEFAULT, b, Optional.of(Policies.allowAll()),
                Optional.of(Policies.allowAll())));
        rib.originate(prefix("2001:db8:1::/48"), AttributeSet.builder().build(), LocalSource.CONFIGURED);
        UpdateMessage m = b.sent.stream().filter(u -> u.mpReach().isPresent()).findFirst().orElseThrow();
        assertEquals(addr("2001:db8:ffff::1"), m.mpReach().get().nextHop());
        assertFalse(m.attributes().nextHop().isPresent());
        assertEquals(Map.of(prefix("2001:db8:1::/48"), b.peerView().get(prefix("2001:db8:1::/48"))), b.peerView());
    }

    @Test
    void reannouncingIdenticalAttributesChangesNothing() {
        List<BestPathChange> changes = new ArrayList<>();
        rib.addListener(new RibListener() {
            @Override
            public void bestPathChanged(BestPathChange c) {
                changes.add(c);
            }
        });
        rib.post(new RibCommand.SystemRouteChanged(LAN, true));
        up(2, 65002);
        RecordingOutbound b = up(3, 65003);
        announce(2, "198.51.100.0/24", path("10.0.0.2", 65002));
        long firstSeen = snap().bestPaths(AddressFamily.IPV4_UNICAST).get(prefix("198.51.100.0/24")).lastChangeNanos();
        int sent = b.sent.size();
        now += 1000;
        announce(2, "198.51.100.0/24", path("10.0.0.2", 65002));
        assertEquals(1, changes.size());
        assertEquals(sent, b.sent.size());
        assertEquals(firstSeen, snap().bestPaths(AddressFamily.IPV4_UNICAST).get(prefix("198.51.100.0/24"))
                .lastChangeNanos());
    }

    @Test
    void multipathInstallsEveryEqualNexthop() {
        MemoryFibSink sink = new MemoryFibSink();
        Rib ecmp = new Rib(RibConfig.of(LOCAL_AS, LOCAL_ID).withFibSink(sink)
                .withDecision(io.jbgp.rib.decision.DecisionOptions.DEFAULT.withMaxPaths(4)), RibExecutor.direct());
        ecmp.post(new RibCommand.SystemRouteChanged(LAN, true));
        for (int n = 2; n <= 4; n++) {
            Neighbor nb = Neighbor.of(addr("10.0.0." + n), Asn.of(65002), RouterId.parse("10.0." + n + ".1"), LOCAL_AS,
                    addr("10.0.0.1"));
            ecmp.post(new RibCommand.PeerUp(nb, CodecContext.DEFAULT, new RecordingOutbound(),
                    Optional.of(Policies.allowAll()), Optional.of(Policies.allowAll())));
            AttributeSet a = path("10.0.0." + n, n == 4 ? new long[] {65002, 65009} : new long[] {65002});
            ecmp.post(new RibCommand.Update(nb.address(),
                    UpdateMessage.announce(a.toPathAttributes(true), List.of(Nlri.of(prefix("198.51.100.0/24"))))));
        }
        // 10.0.0.4 has a longer AS path, so only two paths share the forwarding entry
        assertEquals(List.of(new FibRoute.NextHop(addr("10.0.0.2"), "eth0"), new FibRoute.NextHop(addr("10.0.0.3"), "eth0")),
                sink.routes.get(prefix("198.51.100.0/24")).nextHops());
        List<RibSnapshot.CandidateView> c = ecmp.snapshot().join().routes(AddressFamily.IPV4_UNICAST).get(0).candidates();
        assertEquals(List.of(true, true, false), c.stream().map(RibSnapshot.CandidateView::multipath).toList());
    }

    @Test
    void dedicatedThreadExecutorServesSnapshotsAndVisits() throws Exception {
        try (Rib threaded = new Rib(RibConfig.of(LOCAL_AS, LOCAL_ID), RibExecutor.singleThread("rib-test"))) {
            threaded.originate(prefix("198.51.100.0/24"), AttributeSet.builder().build(), LocalSource.CONFIGURED);
            threaded.originate(prefix("203.0.113.0/24"), AttributeSet.builder().build(), LocalSource.STATIC);
            RibSnapshot s = threaded.snapshot().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(2, s.bestPaths(AddressFamily.IPV4_UNICAST).size());
            List<String> seen = new ArrayList<>();
            threaded.visit(AddressFamily.IPV4_UNICAST, (p, routes) -> seen.add(p + " " + routes.get(0).source()))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(List.of("198.51.100.0/24 CONFIGURED", "203.0.113.0/24 STATIC"), seen);
        }
    }

    @Test
    void addPathReceiveKeepsEveryPathOfOneNeighborApart() {
        rib.post(new RibCommand.SystemRouteChanged(LAN, true));
        up(4, LOCAL_AS.value());
        IpPrefix p = prefix("198.51.100.0/24");
        AttributeSet viaFive = path("10.0.0.5", 65010);
        AttributeSet viaSix = path("10.0.0.6", 65010, 65020);
        rib.post(new RibCommand.Update(addr("10.0.0.4"), UpdateMessage.announce(viaFive.toPathAttributes(true),
                List.of(Nlri.of(p, 1)))));
        rib.post(new RibCommand.Update(addr("10.0.0.4"), UpdateMessage.announce(viaSix.toPathAttributes(true),
                List.of(Nlri.of(p, 2)))));
        List<RibSnapshot.CandidateView> c = snap().routes(AddressFamily.IPV4_UNICAST).get(0).candidates();
        assertEquals(List.of(1L, 2L), c.stream().map(v -> v.route().pathId()).toList());
        rib.post(new RibCommand.Update(addr("10.0.0.4"), UpdateMessage.withdraw(List.of(Nlri.of(p, 1)))));
        Route left = snap().bestPaths(AddressFamily.IPV4_UNICAST).get(p);
        assertEquals(2L, left.pathId());
        assertEquals(viaSix, left.attrs());
    }

    @Test
    void aThrowingPolicyRejectsOnlyThePathsItFailsOn() {
        rib.post(new RibCommand.SystemRouteChanged(LAN, true));
        ImportPolicy picky = ctx -> {
            if (ctx.prefix().equals(prefix("203.0.113.0/24"))) {
                throw new IllegalStateException("boom");
            }
            return PolicyResult.accept(ctx.attributes());
        };
        up(2, 65002, Optional.of(picky), Optional.of(Policies.allowAll()));
        RecordingOutbound b = up(3, 65003, Optional.of(Policies.allowAll()), Optional.of(ctx -> {
            throw new IllegalStateException("boom");
        }));
        rib.post(new RibCommand.Update(addr("10.0.0.2"), UpdateMessage.announce(
                path("10.0.0.2", 65002).toPathAttributes(true),
                List.of(Nlri.of(prefix("198.51.100.0/24")), Nlri.of(prefix("203.0.113.0/24"))))));
        RibSnapshot s = snap();
        assertEquals(java.util.Set.of(prefix("198.51.100.0/24")), s.bestPaths(AddressFamily.IPV4_UNICAST).keySet());
        assertTrue(s.peers().get(addr("10.0.0.2")).importRejected().get(Nlri.of(prefix("203.0.113.0/24")))
                .startsWith("import policy failed"));
        assertTrue(b.peerView().isEmpty());
        assertTrue(s.peers().get(addr("10.0.0.3")).exportRejected().get(prefix("198.51.100.0/24"))
                .startsWith("export policy failed"));
    }

    @Test
    void peerCountsAgreeWithTheSnapshotWithoutTakingOne() {
        rib.post(new RibCommand.SystemRouteChanged(LAN, true));
        ImportPolicy noDocs = ctx -> ctx.prefix().equals(prefix("203.0.113.0/24"))
                ? PolicyResult.reject("test") : PolicyResult.accept(ctx.attributes());
        up(2, 65002, Optional.of(noDocs), Optional.of(Policies.allowAll()));
        up(3, 65003);
        rib.post(new RibCommand.Update(addr("10.0.0.2"), UpdateMessage.announce(
                path("10.0.0.2", 65002).toPathAttributes(true),
                List.of(Nlri.of(prefix("198.51.100.0/24")), Nlri.of(prefix("203.0.113.0/24")),
                        Nlri.of(prefix("198.51.100.128/25"))))));
        announce(3, "198.51.100.0/24", path("10.0.0.3", 65003, 65010));
        java.util.Map<java.net.InetAddress, PeerCounts> c = rib.peerCounts().join();
        // 10.0.0.2: 3 received, 1 rejected; it gets back only 10.0.0.3's path, which lost
        assertEquals(new PeerCounts(3, 2, 0), c.get(addr("10.0.0.2")));
        // 10.0.0.3: 1 received; it gets 10.0.0.2's two best paths (its own path lost the /24)
        assertEquals(new PeerCounts(1, 1, 2), c.get(addr("10.0.0.3")));
        RibSnapshot s = snap();
        assertEquals(c.get(addr("10.0.0.3")).advertised(), s.peers().get(addr("10.0.0.3")).adjRibOut().size());
        rib.post(new RibCommand.Update(addr("10.0.0.2"), UpdateMessage.withdraw(List.of(Nlri.of(prefix("203.0.113.0/24")),
                Nlri.of(prefix("198.51.100.128/25"))))));
        assertEquals(new PeerCounts(1, 1, 0), rib.peerCounts().join().get(addr("10.0.0.2")));
        assertEquals(new PeerCounts(1, 1, 1), rib.peerCounts().join().get(addr("10.0.0.3")));
    }

    @Test
    void enhancedRouteRefreshWrapsTheResendInBorrAndEorr() {
        rib.post(new RibCommand.SystemRouteChanged(LAN, true));
        up(2, 65002);
        RecordingOutbound b = new RecordingOutbound();
        Neighbor nb = Neighbor.of(addr("10.0.0.3"), Asn.of(65003), RouterId.parse("10.0.3.1"), LOCAL_AS, addr("10.0.0.1"));
        rib.post(new RibCommand.PeerUp(nb, CodecContext.DEFAULT, b, Optional.of(Policies.allowAll()),
                Optional.of(Policies.allowAll()), true));
        announce(2, "198.51.100.0/24", path("10.0.0.2", 65002));
        b.writable = false; // the re-send waits behind a full transport, EoRR must wait too
        int before = b.log.size();
        rib.post(new RibCommand.RouteRefresh(nb.address(), AddressFamily.IPV4_UNICAST));
        assertEquals(List.of(new io.jbgp.core.message.RouteRefreshMessage(AddressFamily.IPV4_UNICAST,
                io.jbgp.core.message.RouteRefreshMessage.BORR)), b.log.subList(before, b.log.size()));
        b.drain();
        List<io.jbgp.core.message.BgpMessage> after = b.log.subList(before, b.log.size());
        assertEquals(3, after.size());
        assertEquals(List.of(Nlri.of(prefix("198.51.100.0/24"))), ((UpdateMessage) after.get(1)).announced());
        assertEquals(new io.jbgp.core.message.RouteRefreshMessage(AddressFamily.IPV4_UNICAST,
                io.jbgp.core.message.RouteRefreshMessage.EORR), after.get(2));
    }

    @Test
    void attachedSystemRouteSourceResolvesNexthops() {
        io.jbgp.rib.origin.InMemorySystemRouteSource host = new io.jbgp.rib.origin.InMemorySystemRouteSource();
        host.add(LAN);
        rib.attach(host);
        up(2, 65002);
        announce(2, "198.51.100.0/24", path("10.0.0.2", 65002));
        assertEquals(1, fibSink.routes.size());
        host.remove(LAN);
        assertTrue(fibSink.routes.isEmpty());
    }

    @Test
    void attributesTooLargeForOneUpdateAreNotExportedAndDoNotBlockOthers() {
        rib.post(new RibCommand.SystemRouteChanged(LAN, true));
        up(2, 65002);
        RecordingOutbound b = up(3, 65003);
        List<Community> many = new ArrayList<>();
        for (int i = 0; i < 1100; i++) {
            many.add(Community.of(65002, i)); // 4400 octets of COMMUNITIES
        }
        AttributeSet huge = path("10.0.0.2", 65002).toBuilder().communities(CommunitySet.of(many, List.of(), List.of()))
                .build();
        rib.post(new RibCommand.Update(addr("10.0.0.2"), new UpdateMessage(List.of(), huge.toPathAttributes(true),
                Optional.empty(), Optional.empty(), List.of(Nlri.of(prefix("198.51.100.0/24"))))));
        announce(2, "203.0.113.0/24", path("10.0.0.2", 65002));
        assertEquals(java.util.Set.of(prefix("203.0.113.0/24")), b.peerView().keySet());
        assertEquals("attributes too large for one UPDATE",
                snap().peers().get(addr("10.0.0.3")).exportRejected().get(prefix("198.51.100.0/24")));
    }
}
