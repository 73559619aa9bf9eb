package io.jbgp.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.netty.MessageStatistics.MessageCounts;
import io.jbgp.netty.testing.NoLeaks;
import io.jbgp.rib.RibPeerSettings;
import io.jbgp.rib.policy.Policies;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link BgpSpeaker#statistics} between two real speakers over loopback: what one side counts as
 * sent, the other counts as received, message for message and prefix for prefix, and a
 * NOTIFICATION shows up on both sides. Both RIBs are real, so the UPDATE packing is the
 * library's, not the test's.
 */
@ExtendWith(NoLeaks.class)
class SpeakerStatisticsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final TimerConfig TIMERS = TimerConfig.builder().connectRetry(Duration.ofSeconds(1))
            .idleHoldInitial(Duration.ofMillis(200)).holdTime(Duration.ofSeconds(9)).build();

    private static boolean await(BooleanSupplier condition, Semaphore changed) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (condition.getAsBoolean()) {
                return true;
            }
            changed.tryAcquire(20, TimeUnit.MILLISECONDS);
        }
        return condition.getAsBoolean();
    }

    @Test
    void whatOneSpeakerSendsTheOtherReceivesAndTheCountsOutliveTheSession() throws Exception {
        InetAddress a = InetAddress.getByName("127.0.0.141");
        InetAddress b = InetAddress.getByName("127.0.0.142");
        PeerKey toA = PeerKey.of(a);
        PeerKey toB = PeerKey.of(b);
        Semaphore changed = new Semaphore(0);
        RibPeerSettings open = RibPeerSettings.of(Policies.allowAll(), Policies.allowAll());
        try (BgpSpeaker sa = NettyBgpSpeaker.builder().localAs(Asn.of(65141)).routerId(RouterId.parse("10.0.0.141"))
                .listen(new InetSocketAddress(a, 0)).threads(1).timers(TIMERS).build();
             BgpSpeaker sb = NettyBgpSpeaker.builder().localAs(Asn.of(65142)).routerId(RouterId.parse("10.0.0.142"))
                .listen(new InetSocketAddress(b, 0)).threads(1).timers(TIMERS).build()) {
            sa.events().subscribe(e -> changed.release());
            sb.events().subscribe(e -> changed.release());
            assertEquals(Optional.empty(), sa.statistics(toB), "not configured yet");
            sb.addPeer(PeerConfig.builder(a, Asn.of(65141)).localAddress(b).passive(true).build(), open);
            assertEquals(Optional.of(MessageStatistics.NONE), sb.statistics(toA), "a new neighbor counted nothing");
            assertEquals(Optional.empty(), sb.statistics(PeerKey.of(InetAddress.getByName("127.0.0.143"))));
            for (int i = 0; i < 3; i++) {
                sa.announce(IpPrefix.parse("203.0.113." + (64 * i) + "/26"));
            }
            sb.announce(IpPrefix.parse("198.51.100.0/24"));
            sa.addPeer(PeerConfig.builder(b, Asn.of(65142)).localAddress(a)
                    .port(sb.listenAddresses().get(0).getPort()).build(), open);

            // quiet once both End-of-RIBs arrived and nothing is queued; keepalives may still race
            assertTrue(await(() -> stats(sb, toA).received().prefixesAnnounced() == 3
                    && stats(sa, toB).received().prefixesAnnounced() == 1
                    && stats(sa, toB).received().endOfRibs() == 1 && stats(sb, toA).received().endOfRibs() == 1
                    && stats(sa, toB).outQueueMessages() == 0 && stats(sb, toA).outQueueMessages() == 0, changed),
                    "no convergence: " + stats(sa, toB) + " / " + stats(sb, toA));
            MessageStatistics ab = stats(sa, toB);
            MessageStatistics ba = stats(sb, toA);
            assertEquals(sameButKeepalives(ab.sent()), sameButKeepalives(ba.received()), "a→b");
            assertEquals(sameButKeepalives(ba.sent()), sameButKeepalives(ab.received()), "b→a");
            assertEquals(1, ab.sent().opens());
            assertEquals(1, ab.received().opens());
            assertEquals(3, ab.sent().prefixesAnnounced());
            assertTrue(ab.sent().updates() >= 2, "at least one UPDATE and the End-of-RIB: " + ab);
            assertTrue(ab.received().keepalives() >= 1 && ab.sent().keepalives() >= 1, ab.toString());

            // a withdrawal is a withdrawn prefix on both sides
            sa.withdraw(IpPrefix.parse("203.0.113.0/26"));
            // (a counts it when its loop sees the write complete, possibly after b has read it)
            assertTrue(await(() -> stats(sb, toA).received().prefixesWithdrawn() == 1
                    && stats(sa, toB).sent().prefixesWithdrawn() == 1, changed));

            // an operator's shutdown: one CEASE on the wire, seen by both sides, counts kept
            assertTrue(sa.stopPeer(toB, BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, Optional.of("counting done")));
            assertTrue(await(() -> stats(sb, toA).received().notifications() == 1
                    && stats(sa, toB).sent().notifications() == 1, changed));
            NotificationMessage got = stats(sb, toA).lastNotificationReceived().orElseThrow();
            assertEquals(Optional.of(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN), got.error());
            assertEquals(Optional.of("counting done"), got.shutdownCommunication());
            assertEquals(Optional.of(got), stats(sa, toB).lastNotificationSent());
            assertEquals(1, stats(sa, toB).sent().notifications());
            assertTrue(await(() -> sb.peerState(toA).orElseThrow() != SessionState.ESTABLISHED, changed));
            MessageStatistics after = stats(sb, toA);
            assertEquals(ba.received().updates() + 1, after.received().updates(), "the counts were reset");

            // started again: a second session, and the neighbor's counts go on from where they were
            assertTrue(sa.startPeer(toB));
            // (b may refuse a first attempt while in its IdleHold: that OPEN counts too, both sides)
            assertTrue(await(() -> sb.peerState(toA).orElseThrow() == SessionState.ESTABLISHED
                    && stats(sb, toA).received().endOfRibs() == 2
                    && stats(sa, toB).sent().opens() == stats(sb, toA).received().opens(), changed),
                    "no second session: " + stats(sb, toA));
            assertTrue(stats(sb, toA).received().opens() >= 2, stats(sb, toA).toString());

            // an operator's clear: CEASE Administrative Reset with its communication, a new session
            long opensBefore = stats(sb, toA).received().opens();
            assertTrue(sa.resetPeer(toB, Optional.of("clearing")));
            assertTrue(await(() -> stats(sb, toA).received().notifications() == 2
                    && stats(sa, toB).sent().notifications() == 2
                    && stats(sb, toA).received().opens() > opensBefore
                    && sb.peerState(toA).orElseThrow() == SessionState.ESTABLISHED, changed),
                    "no reset and new session: " + stats(sb, toA));
            NotificationMessage reset = stats(sb, toA).lastNotificationReceived().orElseThrow();
            assertEquals(Optional.of(BgpError.CEASE_ADMINISTRATIVE_RESET), reset.error());
            assertEquals(Optional.of("clearing"), reset.shutdownCommunication());
            assertEquals(2, stats(sa, toB).sent().notifications());
            PeerKey unknown = PeerKey.of(InetAddress.getByName("127.0.0.143"));
            assertFalse(sa.resetPeer(unknown, Optional.empty()));
            assertFalse(sa.startPeer(unknown));
            assertFalse(sa.stopPeer(unknown, BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, Optional.empty()));
            assertTrue(stats(sb, toA).received().updates() > after.received().updates());
            assertTrue(sa.removePeer(toB));
            assertEquals(Optional.empty(), sa.statistics(toB), "a removed neighbor has no statistics");
        }
    }

    private static MessageStatistics stats(BgpSpeaker s, PeerKey p) {
        return s.statistics(p).orElseThrow();
    }

    // KEEPALIVEs may be in flight at any moment; everything else must match exactly
    private static MessageCounts sameButKeepalives(MessageCounts c) {
        return new MessageCounts(c.opens(), c.updates(), c.notifications(), 0, c.routeRefreshes(),
                c.prefixesAnnounced(), c.prefixesWithdrawn(), c.endOfRibs(), c.refreshRequests(),
                c.beginOfRefreshes(), c.endOfRefreshes());
    }
}
