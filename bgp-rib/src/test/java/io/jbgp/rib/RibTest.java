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

    private RecordingUpdateSink up(int n, long as, Optional<ImportPolicy> in, Optional<ExportPolicy> out) {
        RecordingUpdateSink sink = new RecordingUpdateSink();
        Neighbor nb = Neighbor.of(addr("10.0.0." + n), Asn.of(as), RouterId.parse("10.0." + n + ".1"), LOCAL_AS,
                addr("10.0.0.1"));
        rib.post(new RibCommand.PeerUp(nb, CodecContext.DEFAULT, sink, in, out));
        return sink;
    }

    private RecordingUpdateSink up(int n, long as) {
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
        RecordingUpdateSink a = up(2, 65002);
        announce(2, "198.51.100.0/24", path("10.0.0.2", 65002));
        RecordingUpdateSink b = up(3, 65003);
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
        RecordingUpdateSink a = up(2, 65002, Optional.empty(), Optional.empty());
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
        open.post(new RibCommand.PeerUp(nb, CodecContext.DEFAULT, new RecordingUpdateSink(), Optional.empty(),
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
        RecordingUpdateSink b = up(3, 65003);
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
        RecordingUpdateSink ebgp = up(2, 65002);
        RecordingUpdateSink ibgp = up(4, LOCAL_AS.value());
        RecordingUpdateSink ibgp2 = up(5, LOCAL_AS.value());
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
        RecordingUpdateSink b = up(3, 65003);
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
        RecordingUpdateSink sink = new RecordingUpdateSink();
        sink.writable = false;
        Neighbor nb = Neighbor.of(addr("10.0.0.4"), LOCAL_AS, RouterId.parse("10.0.4.1"), LOCAL_AS, addr("10.0.0.1"));
        small.post(new RibCommand.PeerUp(nb, CodecContext.DEFAULT, sink, Optional.empty(), Optional.empty()));
        assertTrue(sink.sent.isEmpty());
        assertTrue(small.snapshot().join().peers().get(nb.address()).feeding());
        sink.writable = true;
        small.post(new RibCommand.PeerWritable(nb.address()));
        assertEquals(10, sink.peerView().size());
        assertEquals(List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST), sink.endOfRibs());
        assertFalse(small.snapshot().join().peers().get(nb.address()).feeding());
    }

    @Test
    void routeRefreshResendsTheFamily() {
        rib.post(new RibCommand.SystemRouteChanged(LAN, true));
        up(2, 65002);
        RecordingUpdateSink b = up(3, 65003);
        announce(2, "198.51.100.0/24", path("10.0.0.2", 65002));
        int before = b.sent.size();
        rib.post(new RibCommand.RouteRefresh(addr("10.0.0.3"), AddressFamily.IPV4_UNICAST));
        assertEquals(before + 1, b.sent.size());
        assertEquals(1, b.sent.get(before).announced().size());
    }

    @Test
    void ipv6PathsTravelInMpReach() {
        rib.post(new RibCommand.SystemRouteChanged(SystemRoute.connected(prefix("2001:db8:ffff::/64"), "eth1"), true));
        RecordingUpdateSink b = new RecordingUpdateSink();
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
}
