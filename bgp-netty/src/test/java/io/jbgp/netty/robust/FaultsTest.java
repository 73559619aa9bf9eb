package io.jbgp.netty.robust;

import static io.jbgp.netty.robust.MalformedUpdateTest.ip;
import static io.jbgp.netty.robust.Wire.asPath;
import static io.jbgp.netty.robust.Wire.attr;
import static io.jbgp.netty.robust.Wire.concat;
import static io.jbgp.netty.robust.Wire.nextHop;
import static io.jbgp.netty.robust.Wire.nlri;
import static io.jbgp.netty.robust.Wire.none;
import static io.jbgp.netty.robust.Wire.originIgp;
import static io.jbgp.netty.robust.Wire.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import io.jbgp.rib.RibSnapshot;
import io.jbgp.rib.fib.FibRoute;
import io.jbgp.rib.fib.FibSink;
import io.jbgp.rib.fib.InMemoryFibSink;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Neighbors that misbehave at the transport level, and a forwarding sink that fails. After each:
 * no stale route in the Loc-RIB, the forwarding table, the sink or another neighbor's
 * Adj-RIB-Out (and what that neighbor actually received on the wire); no thread or file
 * descriptor left once the speaker is closed (buffers: the NoLeaks extension, for the class); and
 * the speaker still serves a new neighbor.
 */
class FaultsTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Reconnect at once: IdleHold of a millisecond, so a flapping neighbor is not damped for long. */
    private static final TimerConfig FAST = TimerConfig.builder().connectRetry(Duration.ofSeconds(1))
            .idleHoldInitial(Duration.ofMillis(1)).idleHoldMax(Duration.ofMillis(2)).build();
    private static final InetAddress OBSERVER = ip("127.0.0.90");
    private static final Asn OBSERVER_AS = Asn.of(65090);
    private static final InetAddress CULPRIT = ip("127.0.0.91");
    private static final Asn CULPRIT_AS = Asn.of(65091);
    private static final InetAddress NEWCOMER = ip("127.0.0.92");
    private static final Asn NEWCOMER_AS = Asn.of(65092);

    /** Lazily created JVM-wide resources (Netty's global threads, jars) exist before any baseline. */
    @BeforeAll
    static void warmUp() {
        run(FibSink.NONE, (speaker, observer) -> { });
    }

    @Test
    void neighborFlappingThousandTimesLeavesNoStaleRoute() {
        Ipv4Prefix p = (Ipv4Prefix) IpPrefix.parse("198.51.100.0/24");
        check(new InMemoryFibSink(), (speaker, observer) -> {
            int flaps = 1000;
            int attempts = 0;
            for (int i = 0; i < flaps; i++) {
                RawPeer peer = null;
                // the previous session may still be closing, or IdleHold (1 ms) running: try again
                while (peer == null) {
                    attempts++;
                    assertTrue(attempts < 20 * flaps, "too many refused attempts: " + attempts);
                    try {
                        peer = RawPeer.establish(CULPRIT, speaker.address(), CULPRIT_AS, 90);
                    } catch (AssertionError | RuntimeException refused) {
                        // CEASE Connection Rejected, or closed: retry
                    }
                }
                // a different MED each time, so every flap is a real change for the RIB
                peer.sendRaw(update(none(), concat(originIgp(), asPath(CULPRIT_AS.value()), nextHop(127, 0, 0, 91),
                        attr(0x80, 4, 0, 0, i >> 8 & 0xFF, i & 0xFF)), nlri(p)));
                switch (i % 3) {
                    case 0 -> peer.close(); // FIN
                    case 1 -> peer.abort(); // RST
                    default -> {
                        // the first half of an UPDATE, then gone
                        byte[] half = update(none(), concat(originIgp(), asPath(CULPRIT_AS.value()),
                                nextHop(127, 0, 0, 91)), nlri(p));
                        peer.sendRaw(Arrays.copyOf(half, half.length / 2));
                        peer.close();
                    }
                }
            }
            final int made = flaps;
            speaker.await("every flap reported down once", () -> speaker.sessionsLost(CULPRIT) == made, WAIT);
            assertNothingLeftOf(speaker, observer, p);
        });
    }

    @Test
    void neighborClosingMidMessageLeavesNothingBehind() {
        Ipv4Prefix a = (Ipv4Prefix) IpPrefix.parse("198.51.100.64/26");
        check(new InMemoryFibSink(), (speaker, observer) -> {
            try (RawPeer peer = RawPeer.establish(CULPRIT, speaker.address(), CULPRIT_AS, 90)) {
                peer.sendRaw(update(none(), concat(originIgp(), asPath(CULPRIT_AS.value()), nextHop(127, 0, 0, 91)),
                        nlri(a)));
                // (the observer becomes a RIB peer asynchronously after its session is up: absent until then)
                speaker.awaitRib("A at the observer", s -> s.peers().containsKey(OBSERVER)
                        && s.peers().get(OBSERVER).adjRibOut().containsKey(a), WAIT);
                observer.awaitRoute(a, true, WAIT);
                // 19-octet header of a 200-octet message, then 20 octets of it, then FIN
                byte[] header = Wire.message(2, new byte[181]);
                peer.sendRaw(Arrays.copyOf(header, 39));
            }
            speaker.await("the session reported down", () -> speaker.sessionsLost(CULPRIT) == 1, WAIT);
            assertNothingLeftOf(speaker, observer, a);
        });
    }

    @Test
    void sessionTornDownDuringInitialTableTransferThenFullTableOnReconnect() {
        int table = 20_000;
        check(new InMemoryFibSink(), (speaker, observer) -> {
            InetAddress feeder = ip("127.0.0.93");
            speaker.addDualStackPeer(feeder, Asn.of(65093), b -> { });
            InetAddress culpritAddr = ip("127.0.0.94");
            speaker.addDualStackPeer(culpritAddr, CULPRIT_AS, b -> { });
            try (RawPeer feed = RawPeer.establishDualStack(feeder, speaker.address(), Asn.of(65093), 90)) {
                feed.discardUpdates();
                feed.sendRaw(Tables.announcements(65093, 0, table, 300));
                speaker.awaitRib("the table in the Loc-RIB", s -> s.bestPaths(io.jbgp.core.types.AddressFamily.IPV6_UNICAST)
                        .size() == table, WAIT);
                // the culprit reads a little of the initial transfer, then drops the connection
                try (RawPeer culprit = RawPeer.establishDualStack(culpritAddr, speaker.address(), CULPRIT_AS, 90)) {
                    culprit.discardUpdates();
                    speaker.await("part of the table sent", () -> culprit.updatesReceived() > 0, WAIT);
                    culprit.abort();
                }
                speaker.await("the session reported down", () -> speaker.sessionsLost(culpritAddr) == 1, WAIT);
                // nothing of a half-fed neighbor remains in the RIB; reconnecting gets the whole table
                speaker.awaitRib("culprit gone from the RIB", s -> !s.peers().containsKey(culpritAddr), WAIT);
                RawPeer again = null;
                for (int i = 0; i < 200 && again == null; i++) {
                    try {
                        again = RawPeer.establishDualStack(culpritAddr, speaker.address(), CULPRIT_AS, 90);
                    } catch (AssertionError | RuntimeException refused) {
                        // IdleHold still running: retry
                    }
                }
                assertTrue(again != null, "could not reconnect");
                try (RawPeer r = again) {
                    r.discardUpdates();
                    speaker.await(() -> "the whole table at the reconnected neighbor (has "
                                    + r.routes().size() + " after " + r.updatesReceived() + " UPDATEs)",
                            () -> r.routes().stream().filter(Tables::isTablePrefix).count() == table, WAIT);
                }
            }
        });
    }

    /**
     * A throwing {@link FibSink} used to abort the rest of the RIB command ({@code Rib.updateFib}
     * called the sink inline), so the other prefixes of the same UPDATE were never imported or
     * exported. ForwardingTable now isolates sink failures and resyncs the sink afterwards.
     */
    @Test
    void failingFibSinkDoesNotStopTheRib() {
        AtomicBoolean failing = new AtomicBoolean(true);
        AtomicInteger failures = new AtomicInteger();
        InMemoryFibSink real = new InMemoryFibSink();
        // a sink whose data plane is gone: every call throws while "failing" is set
        FibSink broken = new FibSink() {
            @Override
            public void begin() {
                fail();
                real.begin();
            }

            @Override
            public void install(FibRoute route) {
                fail();
                real.install(route);
            }

            @Override
            public void withdraw(IpPrefix prefix) {
                fail();
                real.withdraw(prefix);
            }

            @Override
            public void commit() {
                fail();
                real.commit();
            }

            @Override
            public void resync(Collection<FibRoute> routes) {
                fail();
                real.resync(routes);
            }

            private void fail() {
                if (failing.get()) {
                    failures.incrementAndGet();
                    throw new IllegalStateException("ip: process died (simulated)");
                }
            }
        };
        Ipv4Prefix a = (Ipv4Prefix) IpPrefix.parse("203.0.113.0/25");
        Ipv4Prefix b = (Ipv4Prefix) IpPrefix.parse("203.0.113.128/25");
        check(broken, (speaker, observer) -> {
            try (RawPeer peer = RawPeer.establish(CULPRIT, speaker.address(), CULPRIT_AS, 90)) {
                peer.sendRaw(update(none(), concat(originIgp(), asPath(CULPRIT_AS.value()), nextHop(127, 0, 0, 91)),
                        nlri(a, b)));
                // the routing side goes on: best paths, exports to the other neighbor, on the wire
                speaker.awaitRib("A and B best and exported despite the sink", s -> RibSpeaker.bestFrom(s, a, CULPRIT)
                        && RibSpeaker.bestFrom(s, b, CULPRIT) && s.peers().containsKey(OBSERVER)
                        && s.peers().get(OBSERVER).adjRibOut().containsKey(a)
                        && s.peers().get(OBSERVER).adjRibOut().containsKey(b), WAIT);
                observer.awaitRoute(a, true, WAIT);
                observer.awaitRoute(b, true, WAIT);
                assertTrue(failures.get() > 0, "the sink was never called");
                // and keeps going: a withdrawal while the sink still fails
                peer.sendRaw(update(concat(nlri(b)), none(), none()));
                observer.awaitRoute(b, false, WAIT);
                speaker.awaitRib("B gone", s -> RibSpeaker.absentEverywhere(s, b), WAIT);
            }
            speaker.awaitRib("A gone after the neighbor left", s -> RibSpeaker.absentEverywhere(s, a), WAIT);
            observer.awaitRoute(a, false, WAIT);
            // the data plane is back: a resync (at a commit after the back-off) makes the sink
            // equal to the forwarding table again
            failing.set(false);
            try (RawPeer peer = establishRetrying(CULPRIT, speaker, CULPRIT_AS)) {
                // each new route is a RIB command, hence a commit; one after the back-off resyncs
                for (int i = 0; i < 60 && !real.snapshot().equals(speaker.snapshot().forwarding()); i++) {
                    Ipv4Prefix c = (Ipv4Prefix) IpPrefix.parse("198.51.100." + i + "/32");
                    peer.sendRaw(update(none(), concat(originIgp(), asPath(CULPRIT_AS.value()), nextHop(127, 0, 0, 91)),
                            nlri(c)));
                    speaker.awaitRib(c + " forwarded", x -> x.forwarding().containsKey(c), WAIT);
                    try {
                        speaker.await("the sink in sync", () -> real.snapshot().equals(speaker.snapshot().forwarding()),
                                Duration.ofMillis(250));
                    } catch (AssertionError notYet) {
                        // the resync back-off is still running: send another route
                    }
                }
                assertEquals(speaker.snapshot().forwarding(), real.snapshot(), "the sink never caught up");
            }
        });
    }

    // ---------------------------------------------------------------- harness

    /**
     * Runs a scenario against a speaker with an observing neighbor, then checks that closing it
     * released every thread and descriptor it took.
     */
    private static void check(FibSink fib, Scenario scenario) {
        Set<String> threadsBefore = Resources.ourThreads();
        int fdsBefore = Resources.openFds();
        run(fib, scenario);
        String left = Resources.awaitReleased(threadsBefore, fdsBefore, 2, 10_000);
        assertEquals("", left, "resources left after close");
    }

    private static void run(FibSink fib, Scenario scenario) {
        try (RibSpeaker speaker = new RibSpeaker(ip("127.0.0.1"), fib, FAST)) {
            speaker.addPassivePeer(OBSERVER, OBSERVER_AS);
            speaker.addPassivePeer(NEWCOMER, NEWCOMER_AS);
            speaker.addPassivePeer(CULPRIT, CULPRIT_AS);
            try (RawPeer observer = RawPeer.establish(OBSERVER, speaker.address(), OBSERVER_AS, 90)) {
                observer.keepAlive(Duration.ofSeconds(1));
                scenario.run(speaker, new Observer(observer, speaker));
                // the speaker still serves: a new neighbor comes up, and its route reaches the observer
                Ipv4Prefix fresh = (Ipv4Prefix) IpPrefix.parse("203.0.113.7/32");
                try (RawPeer newcomer = RawPeer.establish(NEWCOMER, speaker.address(), NEWCOMER_AS, 90)) {
                    newcomer.sendRaw(update(none(), concat(originIgp(), asPath(NEWCOMER_AS.value()),
                            nextHop(127, 0, 0, 92)), nlri(fresh)));
                    new Observer(observer, speaker).awaitRoute(fresh, true, WAIT);
                }
                assertEquals(0, speaker.sessionsLost(OBSERVER), "the observing neighbor's session went down");
            }
        }
    }

    /** Establishes, retrying while the previous session of that address is still closing or in IdleHold. */
    private static RawPeer establishRetrying(InetAddress addr, RibSpeaker speaker, Asn as) {
        AssertionError last = null;
        for (int i = 0; i < 200; i++) {
            try {
                return RawPeer.establish(addr, speaker.address(), as, 90);
            } catch (AssertionError refused) {
                last = refused;
                speaker.awaitState(addr, SessionState.ACTIVE, WAIT); // back to waiting for a connection
            }
        }
        throw last;
    }

    /** No trace of {@code p}: Loc-RIB, forwarding table, Adj-RIB-Out, the observer's wire view. */
    private static void assertNothingLeftOf(RibSpeaker speaker, Observer observer, IpPrefix p) {
        RibSnapshot s = speaker.awaitRib(p + " gone everywhere", x -> RibSpeaker.absentEverywhere(x, p), WAIT);
        assertFalse(s.peers().containsKey(CULPRIT), "the culprit is still a RIB peer");
        observer.awaitRoute(p, false, WAIT);
    }

    @FunctionalInterface
    interface Scenario {
        void run(RibSpeaker speaker, Observer observer);
    }

    /** The observing neighbor's wire view, waited on through the speaker's change signal. */
    record Observer(RawPeer peer, RibSpeaker speaker) {
        void awaitRoute(IpPrefix p, boolean present, Duration timeout) {
            speaker.await("observer " + (present ? "has " : "lacks ") + p,
                    () -> peer.routes().contains(p) == present, timeout);
        }
    }
}
