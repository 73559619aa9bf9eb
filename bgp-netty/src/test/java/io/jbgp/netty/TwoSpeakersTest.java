package io.jbgp.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.fsm.Peer;
import io.jbgp.core.fsm.Session;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import io.jbgp.netty.session.PeerDriver;
import io.jbgp.core.testing.FreePort;
import io.jbgp.netty.testing.NoLeaks;
import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two {@link NettyBgpSpeaker}s in one JVM over loopback (127.0.0.61 and 127.0.0.62, ephemeral
 * ports). Every wait is bounded and driven by events or by queries run on the neighbor's loop.
 */
@ExtendWith(NoLeaks.class)
class TwoSpeakersTest {
    private static final InetAddress A = address("127.0.0.61");
    private static final InetAddress B = address("127.0.0.62");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final TimerConfig FAST = TimerConfig.builder().connectRetry(Duration.ofSeconds(1))
            .idleHoldInitial(Duration.ofMillis(200)).idleHoldMax(Duration.ofSeconds(1)).build();

    private static EventLoops loops;
    private static ExecutorService starters;

    @BeforeAll
    static void setUp() {
        loops = EventLoops.create(2);
        starters = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void tearDown() {
        starters.shutdownNow();
        loops.close();
    }

    private static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A speaker and everything it reported. */
    static final class Side implements AutoCloseable {
        final NettyBgpSpeaker speaker;
        final ConcurrentLinkedQueue<SpeakerEvent> events = new ConcurrentLinkedQueue<>();
        final Semaphore changed = new Semaphore(0);

        Side(InetAddress address, long as, int seed) {
            this(address, 0, as, seed);
            speaker.start();
        }

        /** Not started yet, listening on a fixed port once started. */
        Side(InetAddress address, int port, long as, int seed) {
            speaker = NettyBgpSpeaker.builder().localAs(Asn.of(as)).routerId(RouterId.of(address.hashCode()))
                    .listen(new InetSocketAddress(address, port)).eventLoopGroup(loops.group())
                    .random(new SplittableRandom(seed)).timers(FAST).deferStart().build();
            speaker.events().subscribe(e -> {
                events.add(e);
                changed.release();
            });
        }

        int port() {
            return speaker.listenAddresses().get(0).getPort();
        }

        PeerDriver driver(InetAddress peer) {
            return speaker.driver(PeerKey.of(peer)).orElseThrow();
        }

        /** Waits until {@code condition} holds on the neighbor's Peer (evaluated on its loop). */
        boolean await(InetAddress peer, Predicate<Peer> condition) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() - deadline < 0) {
                if (driver(peer).inspect(condition::test).get(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    return true;
                }
                changed.tryAcquire(20, TimeUnit.MILLISECONDS); // woken by the next event
            }
            return false;
        }

        /** Waits until the events delivered so far satisfy {@code condition}. */
        boolean awaitEvents(Predicate<List<SpeakerEvent>> condition) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() - deadline < 0) {
                if (condition.test(List.copyOf(events))) {
                    return true;
                }
                changed.tryAcquire(20, TimeUnit.MILLISECONDS);
            }
            return false;
        }

        long count(Class<? extends SpeakerEvent> type) {
            return events.stream().filter(type::isInstance).count();
        }

        List<SpeakerEvent.SessionClosed> closed() {
            return events.stream().filter(e -> e instanceof SpeakerEvent.SessionClosed)
                    .map(e -> (SpeakerEvent.SessionClosed) e).toList();
        }

        @Override
        public void close() {
            speaker.close();
        }
    }

    private static PeerConfig.Builder neighbor(InetAddress remote, long as, InetAddress local, int port) {
        return PeerConfig.builder(remote, Asn.of(as)).localAddress(local).port(port).timers(FAST)
                .family(AddressFamily.IPV4_UNICAST).family(AddressFamily.IPV6_UNICAST);
    }

    private static boolean oneEstablishedOnly(Peer p) {
        List<Session> s = p.sessions();
        return s.size() == 1 && s.get(0).state() == SessionState.ESTABLISHED;
    }

    @Test
    void activeAndPassiveReachEstablishedAndShutdownCommunicationArrives() throws Exception {
        try (Side a = new Side(A, 4200000061L, 1); Side b = new Side(B, 65062, 2)) {
            b.speaker.addPeer(neighbor(A, 4200000061L, B, a.port()).passive(true).build());
            a.speaker.addPeer(neighbor(B, 65062, A, b.port()).build());
            assertTrue(a.await(B, TwoSpeakersTest::oneEstablishedOnly), "A never established: " + a.events);
            assertTrue(b.await(A, TwoSpeakersTest::oneEstablishedOnly), "B never established: " + b.events);
            // events reach subscribers on the callback thread, after the Peer changed on its loop
            assertTrue(b.awaitEvents(l -> l.stream().anyMatch(e -> e instanceof SpeakerEvent.SessionEstablished)));
            SpeakerEvent.SessionEstablished up = (SpeakerEvent.SessionEstablished) b.events.stream()
                    .filter(e -> e instanceof SpeakerEvent.SessionEstablished).findFirst().orElseThrow();
            assertEquals(Asn.of(4200000061L), up.session().peerAs(), "4-octet AS");
            assertTrue(up.session().fourOctetAs());
            assertEquals(List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST), up.session().families());
            assertEquals(Optional.of(SessionState.ESTABLISHED), a.speaker.peerState(PeerKey.of(B)));

            a.speaker.close(Optional.of("maintenance window"));
            assertTrue(b.await(A, p -> p.established().isEmpty()), "B still established after A closed");
            assertTrue(b.awaitEvents(l -> l.stream().anyMatch(e -> e instanceof SpeakerEvent.SessionClosed)));
            DownReason why = b.closed().stream().filter(SpeakerEvent.SessionClosed::wasEstablished)
                    .findFirst().orElseThrow().reason();
            assertEquals(DownReason.Kind.NOTIFICATION_RECEIVED, why.kind());
            assertEquals(Optional.of("maintenance window"), why.notification().orElseThrow().shutdownCommunication());
        }
    }

    @Test
    void removingAPeerSendsPeerDeconfigured() throws Exception {
        try (Side a = new Side(A, 65061, 3); Side b = new Side(B, 65062, 4)) {
            b.speaker.addPeer(neighbor(A, 65061, B, a.port()).passive(true).build());
            a.speaker.addPeer(neighbor(B, 65062, A, b.port()).build());
            assertTrue(b.await(A, TwoSpeakersTest::oneEstablishedOnly));
            assertTrue(a.speaker.removePeer(PeerKey.of(B)));
            assertTrue(b.await(A, p -> p.established().isEmpty()));
            assertTrue(b.awaitEvents(l -> l.stream().anyMatch(e -> e instanceof SpeakerEvent.SessionClosed)));
            DownReason why = b.closed().get(0).reason();
            assertEquals(Optional.of(BgpError.CEASE_PEER_DECONFIGURED), why.notification().orElseThrow().error());
            assertEquals(Optional.empty(), a.speaker.peerState(PeerKey.of(B)));
        }
    }

    @Test
    void connectionFromAnUnknownAddressIsClosedBeforeAnyByte() throws Exception {
        try (Side a = new Side(A, 65061, 5)) {
            a.speaker.addPeer(neighbor(B, 65062, A, 9).passive(true).build());
            try (Socket s = new Socket()) {
                s.bind(new InetSocketAddress(address("127.0.0.63"), 0));
                s.connect(a.speaker.listenAddresses().get(0), 5000);
                s.setSoTimeout(5000);
                InputStream in = s.getInputStream();
                assertEquals(-1, in.read(), "a stranger got bytes (an OPEN?) instead of a close");
            } catch (IOException e) {
                // a reset is a close as well
                assertTrue(e.getMessage() != null, e.toString());
            }
            assertEquals(0, a.count(SpeakerEvent.SessionClosed.class), "a stranger reached a session");
        }
    }

    @Test
    void md5ProtectedSpeakersReachEstablished() throws Exception {
        assumeTrue(Epoll.isAvailable(), "TCP MD5 needs epoll");
        try (Side a = new Side(A, 65061, 6); Side b = new Side(B, 65062, 7)) {
            b.speaker.addPeer(neighbor(A, 65061, B, a.port()).passive(true).md5Password("jbgp-md5").build());
            a.speaker.addPeer(neighbor(B, 65062, A, b.port()).md5Password("jbgp-md5").build());
            assertTrue(a.await(B, TwoSpeakersTest::oneEstablishedOnly), "MD5 session never came up: " + a.events);
        }
    }

    @Test
    void gtsmSpeakersReachEstablishedOverLoopback() throws Exception {
        assumeTrue(Epoll.isAvailable(), "GTSM needs epoll");
        try (Side a = new Side(A, 65061, 8); Side b = new Side(B, 65062, 9)) {
            // RFC 5082: one hop, so both sides send TTL 255 and accept nothing below 255
            b.speaker.addPeer(neighbor(A, 65061, B, a.port()).passive(true).ttlSecurity(1).build());
            a.speaker.addPeer(neighbor(B, 65062, A, b.port()).ttlSecurity(1).build());
            assertTrue(a.await(B, TwoSpeakersTest::oneEstablishedOnly), "GTSM session never came up: " + a.events);
            assertTrue(b.await(A, TwoSpeakersTest::oneEstablishedOnly));
        }
    }

    /**
     * Both sides active, both started at the same instant, 200 times: every run ends with one
     * Established session per side (RFC 4271 §6.8 collision resolution on both), and the
     * Established session never gets a NOTIFICATION afterwards.
     */
    @Test
    void simultaneousOpensEndWithOneSessionPerSide200TimesInARow() throws Exception {
        for (int run = 0; run < 200; run++) {
            // ports chosen before either speaker starts, so both neighbors can be configured first
            int portA = FreePort.on(A);
            int portB = FreePort.on(B);
            try (Side a = new Side(A, portA, 65061, 1000 + run); Side b = new Side(B, portB, 65062, 2000 + run)) {
                a.speaker.addPeer(neighbor(B, 65062, A, portB).build());
                b.speaker.addPeer(neighbor(A, 65061, B, portA).build());
                CyclicBarrier together = new CyclicBarrier(2);
                var fa = starters.submit(() -> {
                    together.await(5, TimeUnit.SECONDS);
                    a.speaker.start();
                    return null;
                });
                var fb = starters.submit(() -> {
                    together.await(5, TimeUnit.SECONDS);
                    b.speaker.start();
                    return null;
                });
                fa.get(5, TimeUnit.SECONDS);
                fb.get(5, TimeUnit.SECONDS);
                if (!a.await(B, TwoSpeakersTest::oneEstablishedOnly) || !b.await(A, TwoSpeakersTest::oneEstablishedOnly)) {
                    fail("run " + run + ": not exactly one Established session per side\nA: " + a.events + "\nB: " + b.events);
                }
                for (Side s : List.of(a, b)) {
                    // events travel through the callback executor: wait for the Established one
                    assertTrue(s.awaitEvents(l -> l.stream().anyMatch(e -> e instanceof SpeakerEvent.SessionEstablished)));
                    assertEquals(1, s.count(SpeakerEvent.SessionEstablished.class), "run " + run + ": " + s.events);
                    for (SpeakerEvent.SessionClosed c : s.closed()) {
                        if (c.wasEstablished()) {
                            fail("run " + run + ": an established session closed: " + c + "\nA: " + a.events + "\nB: " + b.events);
                        }
                    }
                }
            }
        }
    }
}
