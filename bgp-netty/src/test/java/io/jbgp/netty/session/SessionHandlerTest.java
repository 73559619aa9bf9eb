package io.jbgp.netty.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.codec.DecodeResult;
import io.jbgp.core.codec.MessageReader;
import io.jbgp.core.codec.MessageWriter;
import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.config.SpeakerConfig;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.fsm.NegotiatedSession;
import io.jbgp.core.fsm.Peer;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.KeepaliveMessage;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.peer.PeerEventHandler;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.peer.PeerOutbound;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import io.jbgp.netty.SpeakerEvent;
import io.jbgp.netty.testing.NoLeaks;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link SessionHandler} and {@link PeerDriver} on an {@link EmbeddedChannel} with virtual time
 * (STYLE §10.5): the FSM's clock is the embedded loop's ticker, so {@code advanceTimeBy} fires the
 * driver's single scheduled wake-up exactly as a real loop would, without sleeping.
 */
@ExtendWith(NoLeaks.class)
class SessionHandlerTest {
    private static final InetAddress LOCAL = address("127.0.0.1");
    private static final InetAddress REMOTE = address("127.0.0.2");
    private static final RouterId REMOTE_ID = RouterId.parse("10.0.0.2");

    /** An embedded channel with TCP-like addresses, which the FSM needs. */
    static final class TcpEmbeddedChannel extends EmbeddedChannel {
        @Override
        protected SocketAddress localAddress0() {
            return new InetSocketAddress(LOCAL, 179);
        }

        @Override
        protected SocketAddress remoteAddress0() {
            return new InetSocketAddress(REMOTE, 40000);
        }
    }

    private final List<SpeakerEvent> events = new ArrayList<>();
    private final List<String> rib = new ArrayList<>();
    private TcpEmbeddedChannel ch;
    private PeerDriver driver;
    private PeerOutbound outbound;

    private static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private final PeerEventHandler recorder = new PeerEventHandler() {
        @Override
        public void established(PeerKey peer, NegotiatedSession session, PeerOutbound outbound) {
            rib.add("established " + session.holdTime().seconds());
            SessionHandlerTest.this.outbound = outbound;
        }

        @Override
        public void update(PeerKey peer, UpdateMessage update) {
            rib.add("update");
            if (rib.stream().filter("update"::equals).count() == 2) {
                throw new IllegalStateException("a RIB bug on the second UPDATE");
            }
        }

        @Override
        public void routeRefresh(PeerKey peer, RouteRefreshMessage refresh) {
            rib.add("refresh");
        }

        @Override
        public void down(PeerKey peer, DownReason reason) {
            rib.add("down " + reason.kind());
        }
    };

    @BeforeEach
    void connect() {
        ch = new TcpEmbeddedChannel();
        ch.freezeTime();
        SpeakerConfig speaker = SpeakerConfig.builder(Asn.of(65001), RouterId.parse("10.0.0.1")).build();
        PeerConfig config = PeerConfig.builder(REMOTE, Asn.of(65002)).passive(true)
                .timers(TimerConfig.builder().holdTime(Duration.ofSeconds(90)).build()).build();
        Peer peer = new Peer(speaker, config, new SplittableRandom(7));
        driver = new PeerDriver(peer, ch.eventLoop(), () -> ch.eventLoop().ticker().nanoTime(), recorder,
                Runnable::run, events::add, d -> {
                    throw new AssertionError("a passive neighbor must not connect out");
                });
        driver.start();
        ch.runPendingTasks();
        SessionChannelInitializer.init(ch, driver, true);
        ch.runPendingTasks();
    }

    @AfterEach
    void finish() {
        for (Object o; (o = ch.readOutbound()) != null; ) {
            ReferenceCountUtil.release(o);
        }
        assertFalse(ch.finish(), "unread inbound objects");
    }

    /** Reads and decodes the next message we wrote, releasing the buffer. */
    private BgpMessage sent(CodecContext ctx) {
        ByteBuf b = ch.readOutbound();
        while (b != null && !b.isReadable()) {
            b.release(); // the empty buffer that flushes before a close
            b = ch.readOutbound();
        }
        if (b == null) {
            return null;
        }
        try {
            DecodeResult r = MessageReader.read(b, ctx);
            return ((DecodeResult.Ok) r).message();
        } finally {
            b.release();
        }
    }

    private void receive(BgpMessage m, CodecContext ctx) {
        ch.writeInbound(Unpooled.wrappedBuffer(MessageWriter.toBytes(m, ctx)));
    }

    private static OpenMessage peerOpen(int hold) {
        return OpenMessage.of(Asn.of(65002), hold, REMOTE_ID, List.of(
                new Capability.MultiProtocol(AddressFamily.IPV4_UNICAST), new Capability.RouteRefresh(),
                new Capability.FourOctetAs(Asn.of(65002))));
    }

    /** OPEN both ways, KEEPALIVE both ways. */
    private void establish(int peerHold) {
        assertInstanceOf(OpenMessage.class, sent(CodecContext.INITIAL), "our OPEN on connect");
        receive(peerOpen(peerHold), CodecContext.INITIAL);
        assertEquals(KeepaliveMessage.INSTANCE, sent(CodecContext.DEFAULT));
        receive(KeepaliveMessage.INSTANCE, CodecContext.DEFAULT);
        assertEquals(SessionState.ESTABLISHED, driver.state());
        assertEquals(List.of("established " + peerHold), rib);
    }

    @Test
    void holdTimerExpirySendsNotificationAndCloses() {
        establish(9);
        int keepalives = 0;
        for (int second = 1; second <= 8; second++) {
            ch.advanceTimeBy(1, TimeUnit.SECONDS);
            ch.runScheduledPendingTasks();
            // keepalives go out meanwhile (every 3 s, jittered), and the session stays up
            for (BgpMessage m; (m = sent(CodecContext.DEFAULT)) != null; ) {
                assertEquals(KeepaliveMessage.INSTANCE, m);
                keepalives++;
            }
        }
        assertTrue(keepalives >= 2 && keepalives <= 4, "keepalives in 8 s: " + keepalives);
        assertTrue(ch.isActive());
        ch.advanceTimeBy(1, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        ch.runPendingTasks();
        BgpMessage last = null;
        for (BgpMessage m; (m = sent(CodecContext.DEFAULT)) != null; ) {
            last = m;
        }
        assertEquals(BgpError.HOLD_TIMER_EXPIRED.toNotification(), last);
        assertFalse(ch.isOpen(), "channel still open after hold timer expiry");
        assertEquals(List.of("established 9", "down HOLD_TIMER_EXPIRED"), rib);
        SpeakerEvent.SessionClosed closed = events.stream().filter(e -> e instanceof SpeakerEvent.SessionClosed)
                .map(e -> (SpeakerEvent.SessionClosed) e).findFirst().orElseThrow();
        assertEquals(DownReason.Kind.HOLD_TIMER_EXPIRED, closed.reason().kind());
        assertTrue(closed.wasEstablished());
    }

    @Test
    void keepalivesGoOutEveryThirdOfTheHoldTimeAndPeerKeepalivesKeepTheSessionUp() {
        establish(30); // keepalive 10 s, jittered to 7.5..10 s (RFC 4271 §10)
        List<Long> at = new ArrayList<>();
        for (int second = 1; second <= 120; second++) {
            ch.advanceTimeBy(1, TimeUnit.SECONDS);
            ch.runScheduledPendingTasks();
            for (BgpMessage m; (m = sent(CodecContext.DEFAULT)) != null; ) {
                assertEquals(KeepaliveMessage.INSTANCE, m, "at " + second + " s");
                at.add((long) second);
            }
            if (second % 20 == 0) {
                receive(KeepaliveMessage.INSTANCE, CodecContext.DEFAULT); // the peer keeps us alive
            }
        }
        assertTrue(ch.isActive(), "session dropped although the peer sent keepalives");
        assertTrue(at.size() >= 12 && at.size() <= 17, "keepalives in 120 s: " + at);
        long prev = 0;
        for (long t : at) {
            assertTrue(t - prev >= 7 && t - prev <= 10, "gap " + (t - prev) + " s in " + at);
            prev = t;
        }
        assertEquals(SessionState.ESTABLISHED, driver.state());
    }

    @Test
    void framingErrorSendsHeaderNotificationAndCloses() {
        establish(90);
        byte[] bad = MessageWriter.toBytes(KeepaliveMessage.INSTANCE, CodecContext.DEFAULT);
        bad[3] = 0;
        ch.writeInbound(Unpooled.wrappedBuffer(bad));
        ch.runPendingTasks();
        assertEquals(BgpError.HEADER_CONNECTION_NOT_SYNCHRONIZED.toNotification(), sent(CodecContext.DEFAULT));
        assertNull(sent(CodecContext.DEFAULT));
        assertFalse(ch.isOpen());
        assertEquals(List.of("established 90", "down NOTIFICATION_SENT"), rib);
    }

    @Test
    void shutdownSendsCeaseWithCommunicationAndCompletes() {
        establish(90);
        Future<Void> done = driver.stop(Optional.of("maintenance"));
        ch.runPendingTasks();
        NotificationMessage n = (NotificationMessage) sent(CodecContext.DEFAULT);
        assertEquals(Optional.of("maintenance"), n.shutdownCommunication());
        assertEquals(Optional.of(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN), n.error());
        assertFalse(ch.isOpen());
        ch.runPendingTasks();
        assertTrue(done.isSuccess(), "stop future not completed");
        assertEquals(SessionState.IDLE, driver.state());
        assertEquals(List.of("established 90", "down MANUAL_STOP"), rib);
    }

    @Test
    void peerNotificationEndsTheSessionWithItsCode() {
        establish(90);
        receive(NotificationMessage.cease(BgpError.CEASE_ADMINISTRATIVE_RESET, "bye"), CodecContext.DEFAULT);
        ch.runPendingTasks();
        assertNull(sent(CodecContext.DEFAULT), "we must not answer a NOTIFICATION");
        assertFalse(ch.isOpen());
        SpeakerEvent.PeerStateChanged last = (SpeakerEvent.PeerStateChanged) events.stream()
                .filter(e -> e instanceof SpeakerEvent.PeerStateChanged).reduce((a, b) -> b).orElseThrow();
        assertEquals(SessionState.IDLE, last.current());
        DownReason r = last.reason().orElseThrow();
        assertEquals(DownReason.Kind.NOTIFICATION_RECEIVED, r.kind());
        assertEquals(Optional.of(BgpError.CEASE_ADMINISTRATIVE_RESET), r.notification().orElseThrow().error());
    }

    @Test
    void ribSendsFollowWritabilityAndKeepalivesStillGoOutWhileStalled() {
        ch.config().setWriteBufferWaterMark(new io.netty.channel.WriteBufferWaterMark(64, 128));
        establish(30);
        assertTrue(outbound.isOpen() && outbound.isWritable());
        outbound.send(UpdateMessage.endOfRib(AddressFamily.IPV4_UNICAST));
        ch.runPendingTasks();
        assertEquals(UpdateMessage.endOfRib(AddressFamily.IPV4_UNICAST), sent(CodecContext.DEFAULT));

        // the peer stops reading: 256 octets stay queued above the high-water mark
        ch.write(Unpooled.wrappedBuffer(new byte[256]));
        ch.runPendingTasks();
        assertFalse(outbound.isWritable(), "outbound still writable above the high-water mark");
        List<String> resumed = new ArrayList<>();
        outbound.whenWritable(() -> resumed.add("resumed"));
        assertEquals(List.of(), resumed, "resumed while the channel was still full");

        // the keepalive is due within 10 s and goes out regardless; its flush drains the queue
        for (int second = 1; second <= 10 && resumed.isEmpty(); second++) {
            ch.advanceTimeBy(1, TimeUnit.SECONDS);
            ch.runScheduledPendingTasks();
            ch.runPendingTasks();
        }
        ByteBuf stalled = ch.readOutbound();
        assertEquals(256, stalled.readableBytes());
        stalled.release();
        assertEquals(KeepaliveMessage.INSTANCE, sent(CodecContext.DEFAULT));
        assertEquals(List.of("resumed"), resumed);
        assertTrue(outbound.isWritable());
        assertEquals(SessionState.ESTABLISHED, driver.state());
    }

    @Test
    void outboundIsDeadAfterTheSessionEnds() {
        establish(90);
        receive(NotificationMessage.cease(BgpError.CEASE_ADMINISTRATIVE_RESET, "bye"), CodecContext.DEFAULT);
        ch.runPendingTasks();
        assertFalse(outbound.isOpen());
        assertFalse(outbound.isWritable());
        List<String> resumed = new ArrayList<>();
        outbound.whenWritable(() -> resumed.add("resumed"));
        outbound.send(UpdateMessage.endOfRib(AddressFamily.IPV4_UNICAST));
        ch.runPendingTasks();
        assertNull(sent(CodecContext.DEFAULT), "an UPDATE went out after the session ended");
        assertEquals(List.of(), resumed);
    }

    @Test
    void updatesGoToTheRibAndAFailingRibDoesNotResetTheSession() {
        establish(90);
        receive(UpdateMessage.endOfRib(AddressFamily.IPV4_UNICAST), CodecContext.DEFAULT);
        receive(UpdateMessage.endOfRib(AddressFamily.IPV4_UNICAST), CodecContext.DEFAULT);
        receive(UpdateMessage.endOfRib(AddressFamily.IPV4_UNICAST), CodecContext.DEFAULT);
        ch.runPendingTasks();
        assertEquals(List.of("established 90", "update", "update", "update"), rib);
        assertTrue(ch.isActive(), "a RIB exception reset the session");
        assertEquals(SessionState.ESTABLISHED, driver.state());
    }
}
