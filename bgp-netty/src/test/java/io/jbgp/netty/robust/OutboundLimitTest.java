package io.jbgp.netty.robust;

import static io.jbgp.netty.robust.MalformedUpdateTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.NextHop;
import io.jbgp.core.attr.Origin;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.fsm.NegotiatedSession;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.peer.PeerEventHandler;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.peer.PeerOutbound;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.netty.SpeakerEvent;
import io.jbgp.rib.fib.FibSink;
import io.netty.util.ResourceLeakDetector;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The transport's hard bound for a neighbor that stops reading: a sender that ignores
 * {@code PeerOutbound.isWritable} (here a rogue inbound-port decorator, standing in for a buggy
 * embedder) cannot make the speaker queue more than {@code ChannelPeerOutbound.MAX_PENDING_BYTES}
 * (32 MiB) in the channel: the session is reset with CEASE Out of Resources and further sends
 * are dropped. Not bounded yet: send tasks queued on the event loop faster than it runs them.
 */
class OutboundLimitTest {
    private static final InetAddress STALLED = ip("127.0.0.120");
    private static final Asn AS = Asn.of(65120);

    @Test
    void senderIgnoringBackpressureGetsTheSessionResetWithOutOfResources() throws Exception {
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE); // 32 MiB under paranoid takes minutes
        AtomicLong sent = new AtomicLong();
        List<Thread> spammers = new ArrayList<>();
        try (RibSpeaker speaker = new RibSpeaker(ip("127.0.0.1"), FibSink.NONE, TimerConfig.DEFAULT, 1,
                rib -> new Spamming(rib, sent, spammers))) {
            speaker.addPassivePeer(STALLED, AS);
            try (RawPeer peer = RawPeer.connect(STALLED, speaker.address(), 4096)) {
                peer.handshake(AS, 90);
                peer.keepAlive(Duration.ofSeconds(1));
                peer.pauseReading();
                speaker.await("the session reset", () -> speaker.sessionsLost(STALLED) == 1, Duration.ofSeconds(90));
            }
            DownReason why = speaker.events.stream()
                    .filter(e -> e instanceof SpeakerEvent.SessionClosed c && c.wasEstablished())
                    .map(e -> ((SpeakerEvent.SessionClosed) e).reason()).findFirst().orElseThrow();
            assertEquals(DownReason.Kind.AUTOMATIC_STOP, why.kind(), why.toString());
            assertEquals(6, why.notification().orElseThrow().code(), why.toString());
            assertEquals(8, why.notification().orElseThrow().subcode(), why.toString()); // Out of Resources
            for (Thread t : spammers) {
                t.join(30_000);
            }
            // sends are loop tasks: the rogue thread may have queued all of them before the limit
            // was seen; those left run as no-ops once the outbound is closed
            assertTrue(sent.get() > 0);
        } finally {
            ResourceLeakDetector.setLevel(level);
        }
    }

    /** On Established, floods the neighbor's outbound from its own thread, ignoring isWritable. */
    private static final class Spamming implements PeerEventHandler {
        static final int MAX_MESSAGES = 100_000; // some 250 MB: far over the limit
        private final PeerEventHandler rib;
        private final AtomicLong sent;
        private final List<Thread> threads;

        Spamming(PeerEventHandler rib, AtomicLong sent, List<Thread> threads) {
            this.rib = rib;
            this.sent = sent;
            this.threads = threads;
        }

        @Override
        public void established(PeerKey peer, NegotiatedSession session, PeerOutbound outbound) {
            rib.established(peer, session, outbound);
            List<Nlri> nlri = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                nlri.add(Nlri.of(IpPrefix.parse((i < 256 ? "198.51.100." + i : "203.0.113." + (i - 256)) + "/32")));
            }
            UpdateMessage u = UpdateMessage.announce(PathAttributes.of(Origin.IGP, AsPath.sequence(65001),
                    NextHop.parse("127.0.0.1")), nlri);
            Thread t = new Thread(() -> {
                for (int i = 0; i < MAX_MESSAGES && outbound.isOpen(); i++) {
                    outbound.send(u); // no isWritable check: the bug this guards against
                    sent.incrementAndGet();
                }
            }, "rib-rogue-sender");
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }

        @Override
        public void update(PeerKey peer, UpdateMessage update) {
            rib.update(peer, update);
        }

        @Override
        public void routeRefresh(PeerKey peer, RouteRefreshMessage refresh) {
            rib.routeRefresh(peer, refresh);
        }

        @Override
        public void down(PeerKey peer, DownReason reason) {
            rib.down(peer, reason);
        }
    }
}
