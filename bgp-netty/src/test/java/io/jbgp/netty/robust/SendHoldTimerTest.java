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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.error.ErrorCode;
import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import io.jbgp.netty.SpeakerEvent;
import io.jbgp.rib.RibSnapshot;
import io.jbgp.rib.fib.FibSink;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * RFC 9687 end to end: a neighbor that stops reading. It established a session, announced routes
 * of its own and keeps sending KEEPALIVEs (so its hold timer at our side never expires), but
 * reads nothing once a feeder's table starts flowing towards it. Its tiny receive window, then
 * our kernel send buffer, then the channel's outbound buffer fill; the channel turns unwritable
 * and the SendHoldTimer runs. With a 3-second hold time and {@code sendHoldMinimum} of 1 s the
 * SendHoldTime is max(1 s, 2 × 3 s) = 6 s (RFC 9687 §6: the greater of the minimum and twice the
 * negotiated hold time). We check that the session goes down for that reason (the NOTIFICATION
 * Send Hold Timer Expired, code 8, is what the FSM tries to send, §4.3), no sooner than the
 * SendHoldTime after the neighbor stopped reading and within a bound; that its routes leave the
 * Loc-RIB, the forwarding table and every other neighbor's Adj-RIB-Out (and the watcher's wire
 * view); that the watching neighbor's session and keepalives carry on throughout (no silence as
 * long as its hold time); and that closing the speaker leaves no thread or descriptor (buffers:
 * the NoLeaks extension).
 */
class SendHoldTimerTest {
    private static final int HOLD = 3;
    private static final Duration SEND_HOLD = Duration.ofSeconds(2L * HOLD);
    /** Prefixes the feeder sends, all exported to the stalled neighbor: far more than the buffers hold. */
    private static final int TABLE = Integer.getInteger("jbgp.robust.sendhold.table", 60_000);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final InetAddress WATCHER = ip("127.0.0.120");
    private static final InetAddress FEEDER = ip("127.0.0.121");
    private static final InetAddress STALLED = ip("127.0.0.122");

    @Test
    void neighborThatStopsReadingIsResetBySendHoldTimerAndLeavesNothingBehind() {
        Set<String> threadsBefore = Resources.ourThreads();
        int socketsBefore = Resources.openSockets();
        TimerConfig timers = TimerConfig.builder().sendHoldMinimum(Duration.ofSeconds(1)).build();
        List<Ipv4Prefix> own = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            own.add((Ipv4Prefix) IpPrefix.parse("198.51.100." + (16 * i) + "/28"));
        }
        // paranoid leak detection records a stack trace per buffer access; the table transfer
        // would measure the detector: sample (SIMPLE) for this class
        io.netty.util.ResourceLeakDetector.Level level = io.netty.util.ResourceLeakDetector.getLevel();
        io.netty.util.ResourceLeakDetector.setLevel(io.netty.util.ResourceLeakDetector.Level.SIMPLE);
        // the RIB's forwarding table is checked (RibSnapshot.forwarding); no sink behind it:
        // InMemoryFibSink copies its whole map on every commit, quadratic for 60,000 one-prefix
        // UPDATEs
        try (RibSpeaker speaker = new RibSpeaker(ip("127.0.0.1"), FibSink.NONE, timers, 2)) {
            speaker.addDualStackPeer(WATCHER, Asn.of(65120), b -> { });
            speaker.addDualStackPeer(FEEDER, Asn.of(65121), b -> { });
            speaker.addDualStackPeer(STALLED, Asn.of(65122), b -> { });
            Closes closes = new Closes(speaker);
            List<RawPeer> peers = new ArrayList<>();
            try {
                RawPeer watcher = RawPeer.establishDualStack(WATCHER, speaker.address(), Asn.of(65120), HOLD);
                peers.add(watcher);
                watcher.discardUpdates();
                watcher.keepAlive(Duration.ofSeconds(1));
                RawPeer stalled = RawPeer.establishDualStack(STALLED, speaker.address(), Asn.of(65122), HOLD, 4096);
                peers.add(stalled);
                stalled.discardUpdates();
                stalled.keepAlive(Duration.ofSeconds(1)); // it still talks, it just stops listening
                stalled.sendRaw(update(none(), concat(originIgp(), asPath(65122), nextHop(127, 0, 0, 122)),
                        nlri(own.toArray(Ipv4Prefix[]::new))));
                speaker.await("the watcher has the stalled neighbor's routes",
                        () -> watcher.routes().containsAll(own), WAIT);
                RibSnapshot before = speaker.snapshot();
                for (Ipv4Prefix p : own) {
                    assertTrue(RibSpeaker.bestFrom(before, p, STALLED), p + " best from the stalled neighbor");
                    assertTrue(before.forwarding().containsKey(p), p + " in the forwarding table");
                }

                stalled.pauseReading();
                long pausedAt = System.nanoTime();
                RawPeer feeder = RawPeer.establishDualStack(FEEDER, speaker.address(), Asn.of(65121), 90);
                peers.add(feeder);
                feeder.discardUpdates();
                feeder.keepAlive(Duration.ofSeconds(1));
                watcher.resetGap();
                // one prefix per UPDATE, each with its own MED and communities: nothing packs on the way
                // out either, so the stalled neighbor is owed about 110 octets per prefix, several
                // MB in all, more than the loopback socket buffers (up to 4 MiB send, a few KiB
                // receive window) absorb; the channel's outbound buffer then passes its high-water
                // mark and the channel turns unwritable
                // every connection is up now: each is two TCP sockets of this JVM (ours and the raw peer's)
                int socketsUp = Resources.openSockets();
                feeder.sendRaw(Tables.announcements(65121, 0, TABLE, 1, true));

                speaker.await(() -> "the stalled neighbor's session closed; " + diagnose(speaker, watcher),
                        () -> closes.of(STALLED).isPresent(), WAIT.plus(SEND_HOLD));
                long downAfter = (closes.of(STALLED).orElseThrow().atNanos - pausedAt) / 1_000_000;
                DownReason why = closes.of(STALLED).orElseThrow().reason;
                assertEquals(DownReason.Kind.SEND_HOLD_TIMER_EXPIRED, why.kind(), why.toString());
                NotificationMessage n = why.notification().orElseThrow(() -> new AssertionError("no NOTIFICATION: " + why));
                assertEquals(ErrorCode.SEND_HOLD_TIMER_EXPIRED.code(), n.code(), n.toString());
                assertEquals(8, n.code(), "RFC 9687 §5: error code 8");
                assertEquals(0, n.subcode(), n.toString());
                // the timer starts when the buffers are full, which is after the neighbor stopped
                // reading: never sooner than the SendHoldTime
                assertTrue(downAfter >= SEND_HOLD.toMillis() - 50,
                        "reset " + downAfter + " ms after the neighbor stopped reading, before the send hold time");
                // RFC 9687 §4.3: our end of the connection is closed at once, not after the 5 s close
                // grace a flushing NOTIFICATION gets (the raw peer's end stays open: it is not reading)
                long downAt = closes.of(STALLED).orElseThrow().atNanos;
                if (socketsUp > 0) {
                    while (Resources.openSockets() >= socketsUp && System.nanoTime() - downAt < 10_000_000_000L) {
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // poll every ms, bounded above
                    }
                    long closedAfter = (System.nanoTime() - downAt) / 1_000_000;
                    assertTrue(Resources.openSockets() < socketsUp && closedAfter < 3_000,
                            "our end of the stalled connection closed " + closedAfter + " ms after the reset: "
                                    + Resources.describeSockets());
                }

                // nothing of it is left anywhere
                for (Ipv4Prefix p : own) {
                    speaker.awaitRib(p + " gone everywhere", s -> RibSpeaker.absentEverywhere(s, p), WAIT);
                    speaker.await("the watcher lost " + p, () -> !watcher.routes().contains(p), WAIT);
                }
                RibSnapshot after = speaker.snapshot();
                assertFalse(after.peers().containsKey(STALLED), "the stalled neighbor is still a RIB peer");
                // and the others still work: the feeder's table reached the watcher, nobody else went down
                speaker.await(() -> "the table at the watcher (" + watcher.routes().size() + ")",
                        () -> watcher.routes().size() == TABLE, WAIT);
                assertEquals(0, speaker.sessionsLost(WATCHER), "the watcher went down");
                assertEquals(0, speaker.sessionsLost(FEEDER), "the feeder went down");
                Duration gap = watcher.maxGap();
                assertTrue(gap.compareTo(Duration.ofSeconds(HOLD)) < 0, "the watcher heard nothing for " + gap);
                // our side closes the connection (after the close grace period at the latest)
                stalled.resumeReading();
                assertTrue(stalled.awaitClosed(Duration.ofSeconds(20)), "the speaker never closed the stalled connection");
                boolean notified = stalled.drain().stream().anyMatch(r -> r.message() instanceof NotificationMessage m
                        && m.code() == 8);
                System.out.printf("send hold: reset %d ms after the neighbor stopped reading (SendHoldTime %d s, table %d);"
                                + " the NOTIFICATION %s; the watcher's longest silence %s%n", downAfter,
                        SEND_HOLD.toSeconds(), TABLE, notified ? "got through" : "did not get through (queued behind the stuck data)",
                        gap);
            } finally {
                peers.forEach(RawPeer::close);
            }
        } finally {
            io.netty.util.ResourceLeakDetector.setLevel(level);
        }
        // threads exactly; descriptors: TCP sockets exactly (the first speaker of a JVM also opens
        // jars lazily, which is no leak)
        assertEquals("", Resources.awaitReleased(threadsBefore, -1, 0, 10_000), "threads left after close");
        assertEquals("", Resources.awaitSocketsClosed(socketsBefore, 10_000), "TCP sockets left after close");
    }

    /** What a failed wait reports: how far the table got, and the kernel's view of the stalled socket. */
    private static String diagnose(RibSpeaker speaker, RawPeer watcher) {
        StringBuilder b = new StringBuilder("watcher has ").append(watcher.routes().size()).append(" of ").append(TABLE);
        try {
            RibSnapshot s = speaker.snapshot();
            b.append("; Adj-RIB-Out of the stalled neighbor: ").append(s.peers().containsKey(STALLED)
                    ? s.peers().get(STALLED).adjRibOut().size() : -1);
        } catch (RuntimeException e) {
            b.append("; no snapshot: ").append(e);
        }
        try {
            Process p = new ProcessBuilder("ss", "-tnmi", "dst", STALLED.getHostAddress()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            b.append("\nss: ").append(new String(out, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException | InterruptedException e) {
            b.append("; ss: ").append(e);
        }
        return b.toString();
    }

    private record Closed(DownReason reason, long atNanos) {}

    /** Session ends of established sessions as they happen (System.nanoTime at the event). */
    private static final class Closes {
        private final java.util.Map<InetAddress, Closed> first = new java.util.concurrent.ConcurrentHashMap<>();

        Closes(RibSpeaker speaker) {
            speaker.speaker.events().subscribe(e -> {
                if (e instanceof SpeakerEvent.SessionClosed c && c.wasEstablished()) {
                    first.putIfAbsent(c.peer().address(), new Closed(c.reason(), System.nanoTime()));
                }
            });
        }

        Optional<Closed> of(InetAddress peer) {
            return Optional.ofNullable(first.get(peer));
        }
    }
}
