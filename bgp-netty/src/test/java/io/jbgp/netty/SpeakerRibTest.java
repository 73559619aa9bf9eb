package io.jbgp.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.netty.testing.NoLeaks;
import io.jbgp.rib.RibPeerSettings;
import io.jbgp.rib.RibSnapshot;
import io.jbgp.rib.fib.FibRoute;
import io.jbgp.rib.fib.InMemoryFibSink;
import io.jbgp.rib.origin.InMemorySystemRouteSource;
import io.jbgp.rib.origin.NetworkStatement;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.rib.policy.Policies;
import io.jbgp.rib.table.PeerSource;
import io.jbgp.rib.table.Route;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The speaker with its RIB, end to end: two {@link NettyBgpSpeaker}s over loopback (127.0.0.71
 * and 127.0.0.72, ephemeral ports), each with an in-memory FIB sink and host route source. A
 * prefix announced on A must arrive in B's routing table with A's AS path and next hop, then in
 * B's forwarding table resolved through B's connected 127.0.0.0/8, and leave both when A
 * withdraws it or goes away. Every wait is bounded and woken by the speaker's own events.
 */
@ExtendWith(NoLeaks.class)
class SpeakerRibTest {
    private static final InetAddress A = address("127.0.0.71");
    private static final InetAddress B = address("127.0.0.72");
    private static final long AS_A = 65071;
    private static final long AS_B = 65072;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final TimerConfig FAST = TimerConfig.builder().connectRetry(Duration.ofSeconds(1))
            .idleHoldInitial(Duration.ofMillis(200)).idleHoldMax(Duration.ofSeconds(1)).build();
    private static final IpPrefix DOC = IpPrefix.parse("203.0.113.0/24");
    private static final SystemRoute LOOPBACK = SystemRoute.connected(IpPrefix.parse("127.0.0.0/8"), "lo");
    private static final RibPeerSettings OPEN = RibPeerSettings.of(Policies.allowAll(), Policies.allowAll());

    private static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One speaker with its in-memory FIB, host routes and everything it reported. */
    static final class Node implements AutoCloseable {
        final InMemoryFibSink fib = new InMemoryFibSink();
        final InMemorySystemRouteSource host;
        final NettyBgpSpeaker speaker;
        final ConcurrentLinkedQueue<SpeakerEvent> events = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> threads = new ConcurrentLinkedQueue<>();
        final Semaphore changed = new Semaphore(0);

        Node(InetAddress address, long as, List<SystemRoute> hostRoutes, NetworkStatement... networks) {
            host = new InMemorySystemRouteSource(hostRoutes);
            NettyBgpSpeaker.Builder b = NettyBgpSpeaker.builder().localAs(Asn.of(as))
                    .routerId(RouterId.of(address.hashCode())).listen(new InetSocketAddress(address, 0))
                    .threads(1).timers(FAST).fibSink(fib).systemRoutes(host);
            for (NetworkStatement n : networks) {
                b.network(n);
            }
            speaker = b.build();
            speaker.events().subscribe(e -> {
                threads.add(Thread.currentThread().getName());
                events.add(e);
                changed.release();
            });
        }

        int port() {
            return speaker.listenAddresses().get(0).getPort();
        }

        RibSnapshot snapshot() throws Exception {
            return speaker.rib().snapshot().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Waits until a RIB snapshot satisfies {@code condition}; returns the last one seen. */
        RibSnapshot awaitRib(Predicate<RibSnapshot> condition, String what) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            RibSnapshot s = snapshot();
            while (!condition.test(s)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("timed out waiting for " + what + "; RIB: " + s + "\nevents: " + events);
                }
                changed.tryAcquire(20, TimeUnit.MILLISECONDS); // woken by the next event
                s = snapshot();
            }
            return s;
        }

        /** Waits until the published FIB satisfies {@code condition}. */
        void awaitFib(Predicate<Map<IpPrefix, FibRoute>> condition, String what) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!condition.test(fib.snapshot())) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("timed out waiting for " + what + "; FIB: " + fib.snapshot());
                }
                changed.tryAcquire(20, TimeUnit.MILLISECONDS);
            }
        }

        void awaitState(InetAddress peer, SessionState state) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!speaker.peerState(PeerKey.of(peer)).equals(Optional.of(state))) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("timed out waiting for " + peer + " " + state + "; events: " + events);
                }
                changed.tryAcquire(20, TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void close() {
            speaker.close();
        }
    }

    private static PeerConfig neighbor(InetAddress remote, long as, InetAddress local, int port,
                                       boolean passive) {
        return PeerConfig.builder(remote, Asn.of(as)).localAddress(local).port(port).timers(FAST)
                .family(AddressFamily.IPV4_UNICAST).passive(passive).build();
    }

    /** B listens passively for A; A connects. */
    private static void peer(Node a, RibPeerSettings aTowardsB, Node b, RibPeerSettings bTowardsA) throws Exception {
        b.speaker.addPeer(neighbor(A, AS_A, B, a.port(), true), bTowardsA);
        a.speaker.addPeer(neighbor(B, AS_B, A, b.port(), false), aTowardsB);
        a.awaitState(B, SessionState.ESTABLISHED);
        b.awaitState(A, SessionState.ESTABLISHED);
    }

    private static Optional<Route> best(RibSnapshot s, IpPrefix p) {
        return Optional.ofNullable(s.bestPaths(p.family()).get(p));
    }

    @Test
    void announcedPrefixReachesPeerRibAndFibAndLeavesOnWithdrawAndClose() throws Exception {
        try (Node a = new Node(A, AS_A, List.of()); Node b = new Node(B, AS_B, List.of(LOOPBACK))) {
            peer(a, OPEN, b, OPEN);
            a.speaker.announce(DOC);

            RibSnapshot s = b.awaitRib(x -> best(x, DOC).isPresent(), "B to learn " + DOC);
            Route r = best(s, DOC).orElseThrow();
            assertEquals(AsPath.sequence(AS_A), r.attrs().asPath(), "eBGP: A prepends its AS");
            assertEquals(A, r.attrs().nextHop(), "eBGP: next hop self, A's session address");
            assertTrue(r.source() instanceof PeerSource ps && ps.address().equals(A), r.source().toString());
            FibRoute forward = new FibRoute(DOC, List.of(new FibRoute.NextHop(A, "lo")));
            b.awaitFib(f -> forward.equals(f.get(DOC)), "B's FIB sink to install " + DOC);
            assertEquals(forward, s.forwarding().get(DOC), "forwarding table view");
            assertEquals(Map.of(DOC, forward), b.speaker.rib().forwardingTable().get(10, TimeUnit.SECONDS));

            a.speaker.withdraw(DOC);
            b.awaitRib(x -> best(x, DOC).isEmpty() && x.forwarding().isEmpty(), "B to drop " + DOC);
            b.awaitFib(Map::isEmpty, "B's FIB sink to remove " + DOC);

            a.speaker.announce(DOC);
            b.awaitFib(f -> f.containsKey(DOC), "B to relearn " + DOC);
            a.close();
            b.awaitRib(x -> best(x, DOC).isEmpty() && x.peers().isEmpty(), "B to drop A's routes when A closes");
            b.awaitFib(Map::isEmpty, "B's FIB sink to drop A's routes");
        }
    }

    @Test
    void eventStreamShowsPeerStateBestPathAndFibChangesOnTheRibThread() throws Exception {
        try (Node a = new Node(A, AS_A, List.of()); Node b = new Node(B, AS_B, List.of(LOOPBACK))) {
            peer(a, OPEN, b, OPEN);
            a.speaker.announce(DOC);
            b.awaitFib(f -> f.containsKey(DOC), "B to install " + DOC);
            b.awaitRib(x -> b.events.stream().anyMatch(e -> e instanceof SpeakerEvent.FibChanged), "the FibChanged event");

            List<SpeakerEvent> seen = List.copyOf(b.events);
            assertTrue(seen.stream().anyMatch(e -> e instanceof SpeakerEvent.PeerStateChanged p
                    && p.peer().equals(PeerKey.of(A)) && p.current() == SessionState.ESTABLISHED), seen.toString());
            int best = indexOf(seen, e -> e instanceof SpeakerEvent.BestPathChanged c && c.prefix().equals(DOC)
                    && c.change().oldBest().isEmpty() && c.change().newBest().isPresent());
            int fib = indexOf(seen, e -> e instanceof SpeakerEvent.FibChanged c && c.prefix().equals(DOC)
                    && c.change().oldRoute().isEmpty()
                    && c.change().newRoute().equals(Optional.of(new FibRoute(DOC, List.of(new FibRoute.NextHop(A, "lo"))))));
            assertTrue(best >= 0 && fib > best, "BestPathChanged then FibChanged for " + DOC + ": " + seen);
            // default callback executor: the RIB's own thread, so events come in RIB order
            assertEquals(List.of("jbgp-rib"), b.threads.stream().distinct().toList());

            a.speaker.withdraw(DOC);
            b.awaitRib(x -> b.events.stream().anyMatch(e -> e instanceof SpeakerEvent.BestPathChanged c
                    && c.change().isWithdrawal()), "the withdrawal event");
        }
    }

    @Test
    void rfc8212DeniesEbgpWithoutPolicyUntilPoliciesAllowAll() throws Exception {
        try (Node a = new Node(A, AS_A, List.of()); Node b = new Node(B, AS_B, List.of(LOOPBACK))) {
            // A: no export policy towards B; B: no import policy from A
            peer(a, RibPeerSettings.NONE, b, RibPeerSettings.NONE);
            a.speaker.announce(DOC);
            RibSnapshot sa = a.awaitRib(x -> best(x, DOC).isPresent() && x.peers().containsKey(B), "A to originate");
            assertEquals(Map.of(), sa.peers().get(B).adjRibOut(), "RFC 8212: A announces nothing to eBGP B");
            assertTrue(sa.peers().get(B).exportStatus().contains("RFC 8212"), sa.peers().get(B).exportStatus());

            // A allows export: B receives the path, but its own missing import policy rejects it
            assertTrue(a.speaker.updatePeer(PeerKey.of(B), RibPeerSettings.of(Policies.denyAll(), Policies.allowAll())));
            RibSnapshot sb = b.awaitRib(x -> x.peers().containsKey(A) && !x.peers().get(A).adjRibInPre().isEmpty(),
                    "B to receive " + DOC);
            assertTrue(best(sb, DOC).isEmpty(), "RFC 8212: B accepted a path without import policy");
            assertTrue(sb.peers().get(A).adjRibInPost().isEmpty(), sb.peers().get(A).toString());
            assertTrue(sb.peers().get(A).importStatus().contains("RFC 8212"), sb.peers().get(A).importStatus());
            assertTrue(b.fib.snapshot().isEmpty(), "rejected path reached the FIB");

            // soft reconfiguration: B's new import policy re-runs over the kept Adj-RIB-In
            assertTrue(b.speaker.updatePeer(PeerKey.of(A), OPEN));
            b.awaitRib(x -> best(x, DOC).isPresent(), "B to accept " + DOC + " after allowAll");
            b.awaitFib(f -> f.containsKey(DOC), "B's FIB to install " + DOC);
            assertFalse(b.speaker.updatePeer(PeerKey.of(address("127.0.0.79")), OPEN), "unknown neighbor");
        }
    }

    @Test
    void networkConnectedAnnouncesTheLanButNotTheUplinkNorLoopback() throws Exception {
        IpPrefix lan = IpPrefix.parse("198.51.100.0/25");
        IpPrefix wan = IpPrefix.parse("198.51.100.128/25");
        IpPrefix lan2 = IpPrefix.parse("198.51.100.64/26");
        List<SystemRoute> hostA = List.of(LOOPBACK, SystemRoute.connected(lan, "lan0"),
                SystemRoute.connected(wan, "wan0"),
                SystemRoute.staticRoute(IpPrefix.parse("0.0.0.0/0"), address("198.51.100.129"), "wan0"));
        try (Node a = new Node(A, AS_A, hostA, NetworkStatement.connected(AddressFamily.IPV4_UNICAST));
             Node b = new Node(B, AS_B, List.of(LOOPBACK))) {
            peer(a, OPEN, b, OPEN);
            RibSnapshot s = b.awaitRib(x -> best(x, lan).isPresent(), "B to learn A's LAN");
            assertEquals(List.of(lan), List.copyOf(s.bestPaths(AddressFamily.IPV4_UNICAST).keySet()),
                    "only the LAN: the uplink (default route's interface), loopback and default stay home");
            b.awaitFib(f -> f.keySet().equals(java.util.Set.of(lan)), "B's FIB to hold the LAN only");

            // host route changes after start go through the redistributor on the RIB thread
            SystemRoute second = SystemRoute.connected(lan2, "lan1");
            a.host.add(second);
            b.awaitRib(x -> best(x, lan2).isPresent(), "B to learn the new LAN");
            a.host.remove(second);
            b.awaitRib(x -> best(x, lan2).isEmpty() && best(x, lan).isPresent(), "B to drop the removed LAN");
            assertTrue(best(b.snapshot(), wan).isEmpty(), "the WAN leaked");
        }
    }

    @Test
    void routeRefreshMakesTheNeighborResendThroughTheImportPolicy() throws Exception {
        java.util.concurrent.atomic.AtomicInteger imported = new java.util.concurrent.atomic.AtomicInteger();
        io.jbgp.rib.policy.ImportPolicy counting = r -> {
            if (r.prefix().equals(DOC)) {
                imported.incrementAndGet();
            }
            return io.jbgp.rib.policy.PolicyResult.accept(r.attributes());
        };
        try (Node a = new Node(A, AS_A, List.of()); Node b = new Node(B, AS_B, List.of(LOOPBACK))) {
            peer(a, OPEN, b, RibPeerSettings.of(counting, Policies.allowAll()));
            a.speaker.announce(DOC);
            b.awaitRib(x -> best(x, DOC).isPresent(), "B to learn " + DOC);
            assertEquals(1, imported.get());

            assertTrue(b.speaker.requestRouteRefresh(PeerKey.of(A), AddressFamily.IPV4_UNICAST));
            b.awaitRib(x -> imported.get() == 2, "A to re-send " + DOC + " after ROUTE-REFRESH");
            assertFalse(b.speaker.requestRouteRefresh(PeerKey.of(A), AddressFamily.IPV6_UNICAST),
                    "IPv6 unicast was not negotiated");
            assertFalse(b.speaker.requestRouteRefresh(PeerKey.of(address("127.0.0.79")), AddressFamily.IPV4_UNICAST));
        }
    }

    @Test
    void reconfiguringTheNetworkStatementsWithdrawsAndAnnouncesTheDifference() throws Exception {
        IpPrefix lan = IpPrefix.parse("198.51.100.0/25");
        try (Node a = new Node(A, AS_A, List.of(SystemRoute.connected(lan, "lan0")),
                NetworkStatement.connected(AddressFamily.IPV4_UNICAST));
             Node b = new Node(B, AS_B, List.of(LOOPBACK))) {
            peer(a, OPEN, b, OPEN);
            b.awaitRib(x -> best(x, lan).isPresent(), "B to learn A's LAN");

            a.speaker.reconfigureOrigin(io.jbgp.rib.origin.OriginConfig.of(NetworkStatement.prefix(DOC)));
            b.awaitRib(x -> best(x, DOC).isPresent() && best(x, lan).isEmpty(), "the LAN replaced by " + DOC);
            a.speaker.reconfigureOrigin(io.jbgp.rib.origin.OriginConfig.NONE);
            b.awaitRib(x -> x.bestPaths(AddressFamily.IPV4_UNICAST).isEmpty(), "nothing originated any more");
        }
    }

    /**
     * The CEASE with its RFC 8203 communication must reach a neighbor even while that neighbor
     * is busy sending us a table: closing the socket outright would make our kernel answer its
     * data with a reset, which discards the NOTIFICATION unread on its side.
     */
    @Test
    void shutdownCommunicationArrivesWhileTheNeighborIsSendingATable() throws Exception {
        try (Node a = new Node(A, AS_A, List.of()); Node b = new Node(B, AS_B, List.of(LOOPBACK))) {
            for (int i = 0; i < 30_000; i++) {
                // distinct MEDs: one UPDATE per prefix, so the feed is long
                b.speaker.announce(IpPrefix.parse(String.format("2001:db8:%x::/48", i)),
                        io.jbgp.rib.attr.AttributeSet.builder().med(i).build());
            }
            RibPeerSettings v6 = new RibPeerSettings(Optional.of(Policies.allowAll()), Optional.of(Policies.allowAll()),
                    Optional.empty(), Optional.of((java.net.Inet6Address) address("2001:db8::72")));
            b.speaker.addPeer(PeerConfig.builder(A, Asn.of(AS_A)).localAddress(B).port(a.port()).timers(FAST)
                    .family(AddressFamily.IPV4_UNICAST).family(AddressFamily.IPV6_UNICAST).passive(true).build(), v6);
            a.speaker.addPeer(PeerConfig.builder(B, Asn.of(AS_B)).localAddress(A).port(b.port()).timers(FAST)
                    .family(AddressFamily.IPV4_UNICAST).family(AddressFamily.IPV6_UNICAST).build(), OPEN);
            // B is feeding once A has received some of the table
            a.awaitRib(x -> x.peers().containsKey(B) && !x.peers().get(B).adjRibInPre().isEmpty(), "the feed to start");
            a.speaker.close(Optional.of("maintenance"));

            b.awaitRib(x -> b.events.stream().anyMatch(e -> e instanceof SpeakerEvent.SessionClosed c && c.wasEstablished()),
                    "B's session to end");
            SpeakerEvent.SessionClosed closed = b.events.stream()
                    .filter(e -> e instanceof SpeakerEvent.SessionClosed c && c.wasEstablished())
                    .map(e -> (SpeakerEvent.SessionClosed) e).findFirst().orElseThrow();
            assertEquals(Optional.of("maintenance"),
                    closed.reason().notification().flatMap(n -> n.shutdownCommunication()), closed.toString());
        }
    }

    @Test
    void ibgpNeighborsWithoutPoliciesExchangeRoutes() throws Exception {
        // RFC 8212 is about eBGP only: an iBGP session without policies accepts and announces all
        try (Node a = new Node(A, AS_A, List.of()); Node b = new Node(B, AS_A, List.of(LOOPBACK))) {
            b.speaker.addPeer(neighbor(A, AS_A, B, a.port(), true));
            a.speaker.addPeer(neighbor(B, AS_A, A, b.port(), false));
            a.speaker.announce(DOC);
            Route r = best(b.awaitRib(x -> best(x, DOC).isPresent(), "B to learn " + DOC + " over iBGP"), DOC)
                    .orElseThrow();
            assertEquals(AsPath.EMPTY, r.attrs().asPath(), "iBGP: no AS prepended");
            assertEquals(A, r.attrs().nextHop());
            b.awaitFib(f -> f.containsKey(DOC), "B's FIB to install " + DOC);
        }
    }

    @Test
    void closingFromAnEventSubscriberOnTheRibThreadDoesNotDeadlock() throws Exception {
        try (Node a = new Node(A, AS_A, List.of()); Node b = new Node(B, AS_B, List.of(LOOPBACK))) {
            peer(a, OPEN, b, OPEN);
            a.speaker.events().subscribe(e -> {
                if (e instanceof SpeakerEvent.BestPathChanged c && c.prefix().equals(DOC)) {
                    a.speaker.close(Optional.of("closed from a callback"));
                }
            });
            a.speaker.announce(DOC);
            // A goes away: B sees the session end with A's communication, and A's FIB sink closes
            b.awaitRib(x -> b.events.stream().anyMatch(e -> e instanceof SpeakerEvent.SessionClosed c
                    && c.reason().notification().flatMap(n -> n.shutdownCommunication())
                    .equals(Optional.of("closed from a callback"))), "A's CEASE");
            b.awaitRib(x -> a.fib.isClosed(), "A's FIB sink to close");
            assertThrows(IllegalStateException.class, () -> a.speaker.announce(DOC));
        }
    }

    @Test
    void fibSinkIsResyncedAtStartAndEmptiedAndClosedOnClose() throws Exception {
        InMemoryFibSink stale = new InMemoryFibSink();
        stale.install(new FibRoute(DOC, List.of(new FibRoute.NextHop(A, "lo"))));
        InMemorySystemRouteSource host = new InMemorySystemRouteSource(List.of(LOOPBACK));
        NettyBgpSpeaker s = NettyBgpSpeaker.builder().localAs(Asn.of(AS_B)).routerId(RouterId.parse("10.0.0.72"))
                .noListen().threads(1).fibSink(stale).systemRoutes(host).build();
        try {
            // a snapshot is taken after the start tasks: by then the resync has run
            assertEquals(Map.of(), s.rib().forwardingTable().get(10, TimeUnit.SECONDS));
            assertEquals(Map.of(), stale.snapshot(), "stale route of an earlier run survived the start");
        } finally {
            s.close();
        }
        assertTrue(stale.isClosed(), "close did not close the FIB sink");
        assertThrows(IllegalStateException.class, () -> s.announce(DOC));
        assertTrue(s.rib().snapshot().isCompletedExceptionally(), "snapshot of a closed speaker");
    }

    @Test
    void aUserCallbackExecutorReceivesTheEvents() throws Exception {
        java.util.concurrent.ExecutorService mine = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> new Thread(r, "embedder-events"));
        ConcurrentLinkedQueue<String> threads = new ConcurrentLinkedQueue<>();
        Semaphore got = new Semaphore(0);
        try (NettyBgpSpeaker s = NettyBgpSpeaker.builder().localAs(Asn.of(AS_A)).routerId(RouterId.parse("10.0.0.71"))
                .noListen().threads(1).callbackExecutor(mine).build()) {
            s.events().subscribe(e -> {
                if (e instanceof SpeakerEvent.BestPathChanged c && c.prefix().equals(DOC)) {
                    threads.add(Thread.currentThread().getName());
                    got.release();
                }
            });
            s.announce(DOC);
            assertTrue(got.tryAcquire(10, TimeUnit.SECONDS), "no BestPathChanged for a local announcement");
            assertEquals(List.of("embedder-events"), List.copyOf(threads));
        } finally {
            mine.shutdownNow();
        }
    }

    @Test
    void aBareTransportHasNoRib() {
        try (NettyBgpSpeaker s = NettyBgpSpeaker.builder().localAs(Asn.of(AS_A)).routerId(RouterId.parse("10.0.0.71"))
                .noListen().threads(1).peerEventHandler(new IgnoringHandler()).build()) {
            assertThrows(IllegalStateException.class, s::rib);
            assertThrows(IllegalStateException.class, () -> s.announce(DOC));
            assertThrows(IllegalStateException.class,
                    () -> s.addPeer(neighbor(B, AS_B, A, 179, true), OPEN));
        }
    }

    /** A stand-in RIB that drops everything. */
    private static final class IgnoringHandler implements io.jbgp.core.peer.PeerEventHandler {
        @Override
        public void established(PeerKey peer, io.jbgp.core.fsm.NegotiatedSession session,
                                io.jbgp.core.peer.PeerOutbound outbound) {
        }

        @Override
        public void update(PeerKey peer, io.jbgp.core.message.UpdateMessage update) {
        }

        @Override
        public void routeRefresh(PeerKey peer, io.jbgp.core.message.RouteRefreshMessage refresh) {
        }

        @Override
        public void down(PeerKey peer, io.jbgp.core.fsm.DownReason reason) {
        }
    }

    private static int indexOf(List<SpeakerEvent> events, Predicate<SpeakerEvent> p) {
        for (int i = 0; i < events.size(); i++) {
            if (p.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
