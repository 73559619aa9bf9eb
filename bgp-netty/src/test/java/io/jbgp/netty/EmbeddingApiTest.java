package io.jbgp.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.attr.Origin;
import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.fsm.Ticker;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.core.testing.FreePort;
import io.jbgp.netty.testing.NoLeaks;
import io.jbgp.rib.RibPeerSettings;
import io.jbgp.rib.RibSnapshot;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.fib.InMemoryFibSink;
import io.jbgp.rib.origin.InMemorySystemRouteSource;
import io.jbgp.rib.origin.NetworkStatement;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.rib.policy.Policies;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedding example of {@code bgp-netty/EMBEDDING.md}, compiled and run: the block between
 * the {@code ---- EMBEDDING.md ----} markers is the document's code with loopback addresses and a
 * free port. A second speaker plays the neighbor and must learn what the example announces.
 */
@ExtendWith(NoLeaks.class)
class EmbeddingApiTest {
    private static final Logger log = LoggerFactory.getLogger(EmbeddingApiTest.class);
    private static final IpPrefix LAN = IpPrefix.parse("198.51.100.0/24");
    private static final IpPrefix DOC = IpPrefix.parse("203.0.113.0/24");

    @Test
    void theDocumentedEmbeddingAnnouncesToARealNeighbor() throws Exception {
        InetAddress ours = InetAddress.getByName("127.0.0.81");
        InetAddress theirs = InetAddress.getByName("127.0.0.82");
        int port = FreePort.on(ours);
        // the neighbor: another speaker that accepts anything from us and resolves us via lo
        InMemoryFibSink neighborFib = new InMemoryFibSink();
        Semaphore neighborChanged = new Semaphore(0);
        try (BgpSpeaker neighbor = NettyBgpSpeaker.builder().localAs(Asn.of(65002)).routerId(RouterId.parse("10.1.0.2"))
                .listen(new InetSocketAddress(theirs, 0)).threads(1).fibSink(neighborFib)
                .systemRoutes(new InMemorySystemRouteSource(List.of(
                        SystemRoute.connected(IpPrefix.parse("127.0.0.0/8"), "lo"))))
                .build()) {
            neighbor.events().subscribe(e -> neighborChanged.release());
            neighbor.addPeer(PeerConfig.builder(ours, Asn.of(65001)).localAddress(theirs).port(port).passive(true)
                    .build(), RibPeerSettings.of(Policies.allowAll(), Policies.allowAll()));
            int neighborPort = neighbor.listenAddresses().get(0).getPort();
            InMemorySystemRouteSource mySystemRouteSource = new InMemorySystemRouteSource(List.of(
                    SystemRoute.connected(LAN, "eth1")));
            InMemoryFibSink myFibSink = new InMemoryFibSink();
            ConcurrentLinkedQueue<SpeakerEvent> seen = new ConcurrentLinkedQueue<>();
            Map<IpPrefix, String> table = new TreeMap<>();

            // ---- EMBEDDING.md ----
            try (BgpSpeaker speaker = NettyBgpSpeaker.builder()
                    .localAs(Asn.of(65001)).routerId(RouterId.parse("10.1.0.1"))
                    .listen(new InetSocketAddress(ours, port))      // or .noListen()
                    .fibSink(myFibSink)                              // default FibSink.NONE
                    .systemRoutes(mySystemRouteSource)               // next hops, network connected/static
                    .network(NetworkStatement.connected(AddressFamily.IPV4_UNICAST))
                    .ticker(Ticker.system())                         // tests inject a fake
                    .build()) {                                      // started: FIB resynced, listening
                speaker.events().subscribe(event -> {                // on the RIB thread: do not block
                    log.info("{}", event);                           // PeerStateChanged, BestPathChanged, FibChanged
                    seen.add(event);
                });
                speaker.addPeer(PeerConfig.builder(theirs, Asn.of(65002)).localAddress(ours).port(neighborPort).build(),
                        RibPeerSettings.of(Policies.allowAll(), Policies.allowAll()));   // RFC 8212: eBGP needs both
                speaker.announce(DOC, AttributeSet.builder().origin(Origin.IGP).build());
                speaker.rib().visit(AddressFamily.IPV4_UNICAST, (prefix, routes) ->
                        table.put(prefix, routes.get(0).route().source().toString())).get(10, TimeUnit.SECONDS);
                speaker.statistics(PeerKey.of(theirs)).ifPresent(s ->            // never blocks
                        log.info("messages sent {} received {}", s.sent().total(), s.received().total()));
                // ---- end ----

                assertEquals(Set.of(LAN, DOC), table.keySet(), "the connected LAN and the announced prefix");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!neighborFib.snapshot().keySet().equals(Set.of(LAN, DOC)) && System.nanoTime() - deadline < 0) {
                    neighborChanged.tryAcquire(20, TimeUnit.MILLISECONDS);
                }
                assertEquals(Set.of(LAN, DOC), neighborFib.snapshot().keySet(), "the neighbor forwards both to us");
                // counted when our loop sees the write complete, which may be after the neighbor read it
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (speaker.statistics(PeerKey.of(theirs)).orElseThrow().sent().prefixesAnnounced() < 2
                        && System.nanoTime() - deadline < 0) {
                    neighborChanged.tryAcquire(20, TimeUnit.MILLISECONDS);
                }
                MessageStatistics sent = speaker.statistics(PeerKey.of(theirs)).orElseThrow();
                assertTrue(sent.sent().opens() >= 1 && sent.sent().prefixesAnnounced() >= 2, sent.toString());

                speaker.withdraw(DOC);
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!neighborFib.snapshot().keySet().equals(Set.of(LAN)) && System.nanoTime() - deadline < 0) {
                    neighborChanged.tryAcquire(20, TimeUnit.MILLISECONDS);
                }
                assertEquals(Set.of(LAN), neighborFib.snapshot().keySet(), "withdraw reached the neighbor");
                RibSnapshot mine = speaker.rib().snapshot().get(10, TimeUnit.SECONDS);
                assertEquals(Set.of(LAN), mine.bestPaths(AddressFamily.IPV4_UNICAST).keySet());
                assertTrue(seen.stream().anyMatch(e -> e instanceof SpeakerEvent.BestPathChanged b
                        && b.prefix().equals(DOC)), seen.toString());
            }
            assertTrue(myFibSink.isClosed(), "close closes the FIB sink");
            // our close sent CEASE: the neighbor drops our paths
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!neighborFib.snapshot().isEmpty() && System.nanoTime() - deadline < 0) {
                neighborChanged.tryAcquire(20, TimeUnit.MILLISECONDS);
            }
            assertEquals(Map.of(), neighborFib.snapshot());
        }
    }
}
