package io.jbgp.netty.robust;

import static io.jbgp.netty.robust.MalformedUpdateTest.ip;
import static io.jbgp.netty.robust.Wire.asPath;
import static io.jbgp.netty.robust.Wire.concat;
import static io.jbgp.netty.robust.Wire.nextHop;
import static io.jbgp.netty.robust.Wire.nlri;
import static io.jbgp.netty.robust.Wire.none;
import static io.jbgp.netty.robust.Wire.originIgp;
import static io.jbgp.netty.robust.Wire.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.peer.PeerOutbound;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import io.jbgp.rib.fib.FibSink;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Max-prefix per neighbor, transport side: when the prefix count passes the limit, the session
 * ends with CEASE Maximum Number of Prefixes Reached and the RFC 4486 §4 data (AFI, SAFI,
 * 4-octet limit), the neighbor's routes leave the RIB, connections are refused during the
 * configured restart time, and accepted after it (IdleHold, then AutomaticStart).
 *
 * <p>The count is the RIB's: the neighbor's Adj-RIB-In size (OpenBGPD's RDE counts there), which
 * reports through {@link PeerOutbound#prefixLimitExceeded}; a re-announced prefix does not count
 * twice.
 */
class MaxPrefixTest {
    private static final InetAddress NEIGHBOR = ip("127.0.0.110");
    private static final Asn AS = Asn.of(65110);
    private static final int LIMIT = 5;
    private static final Duration RESTART = Duration.ofSeconds(2);

    @Test
    void exceedingMaxPrefixSendsCeaseWithRfc4486DataAndRestartsAfterTheConfiguredTime() {
        try (RibSpeaker speaker = new RibSpeaker(ip("127.0.0.1"), FibSink.NONE, TimerConfig.DEFAULT, 1)) {
            // the RIB counts (RibPeerSettings), the session layer resets and restarts (PeerConfig)
            speaker.maxPrefixes.put(NEIGHBOR, (long) LIMIT);
            speaker.addPassivePeer(NEIGHBOR, AS, b -> b.maxPrefixes(LIMIT, RESTART));
            long downAt;
            try (RawPeer peer = RawPeer.establish(NEIGHBOR, speaker.address(), AS, 90)) {
                for (int i = 0; i < LIMIT; i++) {
                    peer.sendRaw(announce(i));
                }
                speaker.awaitRib("the limit's worth of prefixes", s -> RibSpeaker.bestFrom(s, prefix(LIMIT - 1), NEIGHBOR),
                        Duration.ofSeconds(10));
                // re-announcing a known prefix does not count
                peer.sendRaw(announce(0));
                peer.sendRaw(announce(LIMIT)); // one too many
                NotificationMessage n = peer.awaitNotification(Duration.ofSeconds(10));
                downAt = System.nanoTime();
                assertNotNull(n, "no NOTIFICATION");
                assertEquals(6, n.code(), n.toString()); // CEASE
                assertEquals(1, n.subcode(), n.toString()); // Maximum Number of Prefixes Reached
                assertEquals("0001" + "01" + "00000005", HexFormat.of().formatHex(n.data().toArray()));
                assertTrue(peer.awaitClosed(Duration.ofSeconds(10)), "not closed after the CEASE");
            }
            speaker.awaitRib("its routes gone", s -> RibSpeaker.absentEverywhere(s, prefix(0))
                    && RibSpeaker.absentEverywhere(s, prefix(LIMIT)), Duration.ofSeconds(10));
            speaker.await("the session-closed event", () -> speaker.sessionsLost(NEIGHBOR) == 1, Duration.ofSeconds(10));
            DownReason why = speaker.events.stream()
                    .filter(e -> e instanceof io.jbgp.netty.SpeakerEvent.SessionClosed c && c.wasEstablished())
                    .map(e -> ((io.jbgp.netty.SpeakerEvent.SessionClosed) e).reason()).findFirst().orElseThrow();
            assertEquals(DownReason.Kind.AUTOMATIC_STOP, why.kind(), why.toString());

            // during the restart time the neighbor is refused (CEASE Connection Rejected)
            try (RawPeer early = RawPeer.connect(NEIGHBOR, speaker.address())) {
                assertThrowsRefusal(early);
            }
            // IdleHold over: AutomaticStart, the passive neighbor waits in Active and is accepted
            speaker.awaitState(NEIGHBOR, io.jbgp.core.fsm.SessionState.ACTIVE, Duration.ofSeconds(15));
            long restartedAfter = System.nanoTime() - downAt;
            assertTrue(restartedAfter >= RESTART.toNanos() - Duration.ofMillis(300).toNanos(),
                    "restarted after " + restartedAfter / 1_000_000 + " ms, before the restart time");
            try (RawPeer back = RawPeer.establish(NEIGHBOR, speaker.address(), AS, 90)) {
                speaker.awaitState(NEIGHBOR, io.jbgp.core.fsm.SessionState.ESTABLISHED, Duration.ofSeconds(10));
            }
        }
    }

    /**
     * The warning threshold (OpenBGPD logs when a neighbor nears its max-prefix; the RIB's
     * {@code PREFIX_WARNING_PERCENT} is 80): one WARN line when the count reaches 80% of the
     * limit, none below it, none again above it, the session untouched; the limit itself still
     * resets. Asserted on the log, the only place the RIB reports it (no event or listener
     * carries it).
     */
    @Test
    void eightyPercentOfMaxPrefixIsLoggedOnceAndKeepsTheSession() {
        InetAddress neighbor = ip("127.0.0.111");
        Asn as = Asn.of(65111);
        int limit = 10;
        String warning = "% of its max-prefix";
        try (LogCapture log = new LogCapture();
             RibSpeaker speaker = new RibSpeaker(ip("127.0.0.1"), FibSink.NONE, TimerConfig.DEFAULT, 1)) {
            speaker.maxPrefixes.put(neighbor, (long) limit);
            speaker.addPassivePeer(neighbor, as, b -> b.maxPrefixes(limit, RESTART));
            try (RawPeer peer = RawPeer.establish(neighbor, speaker.address(), as, 90)) {
                for (int i = 0; i < 7; i++) {
                    peer.sendRaw(announce(i, as, 111));
                }
                speaker.awaitRib("7 of 10 prefixes", s -> RibSpeaker.bestFrom(s, prefix(6), neighbor), Duration.ofSeconds(10));
                assertEquals(List.of(), log.lines(warning), "warned below 80%");
                peer.sendRaw(announce(7, as, 111)); // 8 of 10: 80%
                speaker.await("the 80% warning", () -> !log.lines(warning).isEmpty(), Duration.ofSeconds(10));
                List<String> lines = log.lines(warning);
                assertEquals(1, lines.size(), lines.toString());
                assertTrue(lines.get(0).contains("WARN"), lines.get(0));
                assertTrue(lines.get(0).contains("sent 8 prefixes, 80% of its max-prefix 10"), lines.get(0));
                // 9 and 10 (the limit itself is allowed): no second warning, no reset
                peer.sendRaw(announce(8, as, 111));
                peer.sendRaw(announce(9, as, 111));
                speaker.awaitRib("10 of 10 prefixes", s -> RibSpeaker.bestFrom(s, prefix(9), neighbor), Duration.ofSeconds(10));
                assertEquals(1, log.lines(warning).size(), log.lines(warning).toString());
                assertEquals(0, speaker.sessionsLost(neighbor), "reset at or below the limit");
                assertTrue(peer.drain().stream().noneMatch(r -> r.message() instanceof NotificationMessage),
                        "a NOTIFICATION below the limit");
                // the eleventh passes the limit: CEASE as before
                peer.sendRaw(announce(10, as, 111));
                NotificationMessage n = peer.awaitNotification(Duration.ofSeconds(10));
                assertNotNull(n, "no NOTIFICATION past the limit");
                assertEquals(6, n.code(), n.toString());
                assertEquals(1, n.subcode(), n.toString());
                assertEquals(1, log.lines(warning).size(), "warned twice: " + log.lines(warning));
            }
        }
    }

    private static void assertThrowsRefusal(RawPeer early) {
        try {
            early.handshake(AS, 90);
        } catch (AssertionError expected) {
            assertTrue(expected.getMessage().contains("Connection Rejected"), expected.getMessage());
            return;
        }
        throw new AssertionError("accepted during the restart time");
    }

    private static Ipv4Prefix prefix(int i) {
        return (Ipv4Prefix) IpPrefix.parse("198.51.100." + (16 + i) + "/32");
    }

    private static byte[] announce(int i) {
        return announce(i, AS, 110);
    }

    private static byte[] announce(int i, Asn as, int host) {
        return update(none(), concat(originIgp(), asPath(as.value()), nextHop(127, 0, 0, host)), nlri(prefix(i)));
    }
}
