package io.jbgp.netty.robust;

import static io.jbgp.netty.robust.MalformedUpdateTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.netty.SpeakerEvent;
import io.jbgp.rib.fib.InMemoryFibSink;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Load limits: a flood of prefixes from one neighbor must not starve the others' keepalives (3 s
 * hold time), while a third neighbor has stopped reading.
 *
 * <p>What bounds the memory of a neighbor that stops reading: the RIB sends at most one batch
 * (64 UPDATEs) past the channel's high-water mark, then waits for writability
 * ({@code PeerOutbound.isWritable}/{@code whenWritable}); the rest stays in its Adj-RIB-Out update
 * queue, one entry per prefix, which exists anyway. While the channel is unwritable the send hold
 * timer runs; when it expires (max(sendHoldMinimum, 2 × hold time)) the session is reset with
 * NOTIFICATION Send Hold Timer Expired and its queue freed.
 */
class LimitsTest {
    /**
     * Prefixes in the flood: 100,000 in the build (two shared cores), more by hand with
     * {@code -Djbgp.robust.flood=300000}.
     */
    private static final int TABLE = Integer.getInteger("jbgp.robust.flood", 100_000);
    private static final int HOLD = 3;

    @Test
    void floodFromOneNeighborDelaysNoKeepaliveToTheOthers() {
        InetAddress feeder = ip("127.0.0.100");
        List<InetAddress> watchers = List.of(ip("127.0.0.101"), ip("127.0.0.102"));
        InetAddress stalled = ip("127.0.0.103");
        // SendHoldTime = max(1 s, 2 × 3 s) = 6 s for the 3-second sessions
        TimerConfig timers = TimerConfig.builder().sendHoldMinimum(Duration.ofSeconds(1)).build();
        // paranoid leak detection records a stack trace on every buffer access: a megabyte flood
        // then measures the detector, not the speaker; leaks are still sampled (SIMPLE) here
        io.netty.util.ResourceLeakDetector.Level level = io.netty.util.ResourceLeakDetector.getLevel();
        io.netty.util.ResourceLeakDetector.setLevel(io.netty.util.ResourceLeakDetector.Level.SIMPLE);
        try (RibSpeaker speaker = new RibSpeaker(ip("127.0.0.1"), new InMemoryFibSink(), timers, 2)) {
            speaker.addDualStackPeer(feeder, Asn.of(65100), b -> { });
            for (int i = 0; i < watchers.size(); i++) {
                speaker.addDualStackPeer(watchers.get(i), Asn.of(65101 + i), b -> { });
            }
            speaker.addDualStackPeer(stalled, Asn.of(65103), b -> { });
            List<RawPeer> peers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < watchers.size(); i++) {
                    RawPeer w = RawPeer.establishDualStack(watchers.get(i), speaker.address(), Asn.of(65101 + i), HOLD);
                    peers.add(w);
                    w.discardUpdates();
                    w.keepAlive(Duration.ofSeconds(1));
                }
                RawPeer stuck = RawPeer.establishDualStack(stalled, speaker.address(), Asn.of(65103), HOLD, 4096);
                peers.add(stuck);
                stuck.discardUpdates();
                stuck.keepAlive(Duration.ofSeconds(1)); // it still talks, it just does not listen
                stuck.pauseReading();
                RawPeer feed = RawPeer.establishDualStack(feeder, speaker.address(), Asn.of(65100), 90);
                peers.add(feed);
                feed.discardUpdates();
                feed.keepAlive(Duration.ofSeconds(1));
                peers.forEach(RawPeer::resetGap);

                long start = System.nanoTime();
                feed.sendRaw(Tables.announcements(65100, 0, TABLE, 400));
                // (no RIB snapshots while flooding: each copies the whole table on the RIB thread)
                for (int i = 0; i < watchers.size(); i++) {
                    RawPeer w = peers.get(i);
                    speaker.await(() -> "the flood at a watcher (has " + w.routes().size() + ")",
                            () -> w.routes().size() == TABLE, Duration.ofSeconds(120));
                }
                long floodMillis = (System.nanoTime() - start) / 1_000_000;
                // the neighbor that stopped reading may still be up (the kernel buffers on
                // loopback can absorb this table) or reset by its send hold timer; either way, not
                // for any other reason
                speaker.events.stream()
                        .filter(e -> e instanceof SpeakerEvent.SessionClosed c && c.peer().address().equals(stalled))
                        .map(e -> ((SpeakerEvent.SessionClosed) e).reason())
                        .forEach(why -> assertEquals(DownReason.Kind.SEND_HOLD_TIMER_EXPIRED, why.kind(), why.toString()));

                // nobody else noticed: no session down, no silence as long as a hold time
                assertEquals(0, speaker.sessionsLost(feeder), "feeder went down");
                for (int i = 0; i < watchers.size(); i++) {
                    assertEquals(0, speaker.sessionsLost(watchers.get(i)), "a watcher went down");
                    Duration gap = peers.get(i).maxGap();
                    assertTrue(gap.compareTo(Duration.ofSeconds(HOLD)) < 0,
                            "a watcher heard nothing for " + gap + " during the flood, until "
                                    + (peers.get(i).maxGapEnd() - start) / 1_000_000 + " ms after its start (flood took "
                                    + floodMillis + " ms)");
                }
                assertEquals(TABLE, speaker.snapshot().bestPaths(AddressFamily.IPV6_UNICAST).size());
                System.out.printf("flood of %d prefixes: %d ms to reach both watchers; longest silence %s / %s%n",
                        TABLE, floodMillis, peers.get(0).maxGap(), peers.get(1).maxGap());
            } finally {
                peers.forEach(RawPeer::close);
            }
        } finally {
            io.netty.util.ResourceLeakDetector.setLevel(level);
        }
    }
}
