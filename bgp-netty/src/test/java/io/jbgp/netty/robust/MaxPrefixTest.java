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
import io.jbgp.core.fsm.NegotiatedSession;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.peer.PeerEventHandler;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.peer.PeerOutbound;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import io.jbgp.core.message.Nlri;
import io.jbgp.rib.fib.FibSink;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Max-prefix per neighbor, transport side: when the prefix count passes the limit, the session
 * ends with CEASE Maximum Number of Prefixes Reached and the RFC 4486 §4 data (AFI, SAFI,
 * 4-octet limit), the neighbor's routes leave the RIB, connections are refused during the
 * configured restart time, and accepted after it (IdleHold, then AutomaticStart).
 *
 * <p>The count belongs to the RIB's Adj-RIB-In (OpenBGPD's RDE counts there); until the RIB
 * does it, this test counts with a decorator around the RIB's inbound port and reports through
 * the same {@link PeerOutbound#prefixLimitExceeded} call the RIB will use.
 */
class MaxPrefixTest {
    private static final InetAddress NEIGHBOR = ip("127.0.0.110");
    private static final Asn AS = Asn.of(65110);
    private static final int LIMIT = 5;
    private static final Duration RESTART = Duration.ofSeconds(2);

    @Test
    void exceedingMaxPrefixSendsCeaseWithRfc4486DataAndRestartsAfterTheConfiguredTime() {
        try (RibSpeaker speaker = new RibSpeaker(ip("127.0.0.1"), FibSink.NONE, TimerConfig.DEFAULT, 1,
                h -> new Counting(h, LIMIT))) {
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
        return update(none(), concat(originIgp(), asPath(AS.value()), nextHop(127, 0, 0, 110)), nlri(prefix(i)));
    }

    /** Counts distinct prefixes per neighbor on the RIB thread (a stand-in for the Adj-RIB-In count). */
    private static final class Counting implements PeerEventHandler {
        private final PeerEventHandler rib;
        private final int limit;
        private final Map<PeerKey, Set<Nlri>> seen = new HashMap<>();
        private final Map<PeerKey, PeerOutbound> outbounds = new HashMap<>();

        Counting(PeerEventHandler rib, int limit) {
            this.rib = rib;
            this.limit = limit;
        }

        @Override
        public void established(PeerKey peer, NegotiatedSession session, PeerOutbound outbound) {
            seen.put(peer, new HashSet<>());
            outbounds.put(peer, outbound);
            rib.established(peer, session, outbound);
        }

        @Override
        public void update(PeerKey peer, UpdateMessage update) {
            Set<Nlri> s = seen.get(peer);
            if (s != null) {
                update.withdrawn(AddressFamily.IPV4_UNICAST).forEach(s::remove);
                s.addAll(update.announced(AddressFamily.IPV4_UNICAST));
                if (s.size() > limit) {
                    outbounds.get(peer).prefixLimitExceeded(AddressFamily.IPV4_UNICAST, limit);
                    return; // not imported: the session is going down
                }
            }
            rib.update(peer, update);
        }

        @Override
        public void routeRefresh(PeerKey peer, RouteRefreshMessage refresh) {
            rib.routeRefresh(peer, refresh);
        }

        @Override
        public void down(PeerKey peer, DownReason reason) {
            seen.remove(peer);
            outbounds.remove(peer);
            rib.down(peer, reason);
        }
    }
}
