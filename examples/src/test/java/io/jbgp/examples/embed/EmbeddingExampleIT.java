package io.jbgp.examples.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.fib.FibRoute;
import io.jbgp.rib.fib.InMemoryFibSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The embedding example against a second speaker on loopback: the session comes up, each side's
 * own FIB sink receives the other's prefix with the other's address as next hop, the event
 * listener saw the session reach Established, and a withdrawal leaves the other's FIB.
 */
class EmbeddingExampleIT {
    private static final InetAddress A = IpPrefix.parseAddress("127.0.68.1");
    private static final InetAddress B = IpPrefix.parseAddress("127.0.68.2");
    private static final int PORT = 17268;
    private static final IpPrefix NET_A = IpPrefix.parse("198.51.100.0/24");
    private static final IpPrefix NET_B = IpPrefix.parse("203.0.113.0/24");

    @Test
    void twoEmbeddedSpeakersExchangeTheirPrefixesIntoTheirOwnFibSinks() {
        ByteArrayOutputStream logA = new ByteArrayOutputStream();
        InMemoryFibSink fibA = new InMemoryFibSink();
        InMemoryFibSink fibB = new InMemoryFibSink();
        try (EmbeddedSpeaker a = EmbeddingExample.start(65001, A, 65002, B, PORT, NET_A, fibA,
                new PrintStream(logA, true, StandardCharsets.UTF_8));
             EmbeddedSpeaker b = EmbeddingExample.start(65002, B, 65001, A, PORT, NET_B, fibB,
                     new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            assertTrue(await(() -> fibA.snapshot().containsKey(NET_B) && fibB.snapshot().containsKey(NET_A)),
                    () -> "no exchange: A fib " + fibA.snapshot() + ", B fib " + fibB.snapshot() + ", A log " + logA);
            assertEquals(Optional.of(SessionState.ESTABLISHED), a.speaker().peerState(PeerKey.of(B)));
            assertEquals(new FibRoute(NET_B, List.of(new FibRoute.NextHop(B, "lo"))), fibA.snapshot().get(NET_B));
            assertEquals(new FibRoute(NET_A, List.of(new FibRoute.NextHop(A, "lo"))), fibB.snapshot().get(NET_A));
            // nothing of our own goes into our FIB: it holds what the host does not know yet
            assertEquals(Map.of(NET_B, fibA.snapshot().get(NET_B)), fibA.snapshot());
            assertTrue(logA.toString(StandardCharsets.UTF_8).contains("-> ESTABLISHED"), logA::toString);

            b.withdraw(NET_B);
            assertTrue(await(() -> !fibA.snapshot().containsKey(NET_B)), () -> "still there: " + fibA.snapshot());
        }
    }

    static boolean await(BooleanSupplier c) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (c.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50); // real sessions over loopback: nothing to inject time into
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return c.getAsBoolean();
    }
}
