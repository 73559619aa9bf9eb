package io.jbgp.netty.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.NextHop;
import io.jbgp.core.attr.Origin;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.codec.CodecContext;
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
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.peer.PeerEventHandler;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.peer.PeerOutbound;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.netty.MessageStatistics;
import io.jbgp.netty.MessageStatistics.MessageCounts;
import io.jbgp.netty.testing.NoLeaks;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The per-neighbor message counters ({@link PeerDriver#statistics()}) on {@link EmbeddedChannel}s
 * through the real pipeline: every count is checked against the exact messages this test wrote
 * in or read out, so a message counted twice, under the wrong type, at enqueue instead of at
 * write, or lost with its session fails here.
 */
@ExtendWith(NoLeaks.class)
class MessageStatisticsTest {
    private static final InetAddress LOCAL = address("127.0.0.1");
    private static final InetAddress REMOTE = address("127.0.0.2");
    private static final PathAttributes ATTRS = PathAttributes.of(Origin.IGP, AsPath.sequence(65002),
            NextHop.parse("198.51.100.1"));

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

    private final List<TcpEmbeddedChannel> channels = new ArrayList<>();
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

    private final PeerEventHandler rib = new PeerEventHandler() {
        @Override
        public void established(PeerKey peer, NegotiatedSession session, PeerOutbound out) {
            outbound = out;
        }

        @Override
        public void update(PeerKey peer, UpdateMessage update) {
        }

        @Override
        public void routeRefresh(PeerKey peer, RouteRefreshMessage refresh) {
        }

        @Override
        public void down(PeerKey peer, DownReason reason) {
        }
    };

    @BeforeEach
    void setUp() {
        TcpEmbeddedChannel first = new TcpEmbeddedChannel();
        first.freezeTime();
        SpeakerConfig speaker = SpeakerConfig.builder(Asn.of(65001), RouterId.parse("10.0.0.1")).build();
        PeerConfig config = PeerConfig.builder(REMOTE, Asn.of(65002)).passive(true)
                .timers(TimerConfig.builder().holdTime(Duration.ofSeconds(90))
                        .idleHoldInitial(Duration.ofSeconds(1)).build()).build();
        Peer peer = new Peer(speaker, config, new SplittableRandom(7));
        driver = new PeerDriver(peer, first.eventLoop(), () -> first.eventLoop().ticker().nanoTime(), rib,
                Runnable::run, e -> { }, d -> {
                    throw new AssertionError("a passive neighbor must not connect out");
                });
        driver.start();
        first.runPendingTasks();
        attach(first);
    }

    private void attach(TcpEmbeddedChannel c) {
        channels.add(c);
        ch = c;
        SessionChannelInitializer.init(ch, driver, true);
        ch.runPendingTasks();
    }

    @AfterEach
    void finish() {
        for (TcpEmbeddedChannel c : channels) {
            for (Object o; (o = c.readOutbound()) != null; ) {
                ReferenceCountUtil.release(o);
            }
            assertFalse(c.finish(), "unread inbound objects");
        }
    }

    /** Drains everything we wrote, returning the messages (buffers released). */
    private List<BgpMessage> drain() {
        List<BgpMessage> out = new ArrayList<>();
        for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
            try {
                while (b.isReadable()) {
                    int len = b.getUnsignedShort(b.readerIndex() + 16);
                    ByteBuf frame = b.readSlice(len);
                    out.add(((io.jbgp.core.codec.DecodeResult.Ok)
                            io.jbgp.core.codec.MessageReader.read(frame, CodecContext.DEFAULT)).message());
                }
            } finally {
                b.release();
            }
        }
        return out;
    }

    private void receive(BgpMessage m) {
        ch.writeInbound(Unpooled.wrappedBuffer(MessageWriter.toBytes(m,
                m instanceof OpenMessage ? CodecContext.INITIAL : CodecContext.DEFAULT)));
        ch.runPendingTasks();
    }

    private static OpenMessage peerOpen() {
        return OpenMessage.of(Asn.of(65002), 90, RouterId.parse("10.0.0.2"), List.of(
                new Capability.MultiProtocol(AddressFamily.IPV4_UNICAST), new Capability.RouteRefresh(),
                new Capability.FourOctetAs(Asn.of(65002))));
    }

    private void establish() {
        receive(peerOpen());
        receive(KeepaliveMessage.INSTANCE);
        assertEquals(SessionState.ESTABLISHED, driver.state());
    }

    private static Nlri nlri(String prefix) {
        return Nlri.of(IpPrefix.parse(prefix));
    }

    @Test
    void everyMessageIsCountedOnceUnderItsTypeInBothDirections() {
        establish();
        // from the peer: 3 UPDATEs (3 prefixes announced, 2 withdrawn, one End-of-RIB), a refresh request
        receive(UpdateMessage.announce(ATTRS, List.of(nlri("203.0.113.0/25"), nlri("203.0.113.128/25"))));
        receive(new UpdateMessage(List.of(nlri("198.51.100.0/25"), nlri("198.51.100.128/25")), ATTRS,
                Optional.empty(), Optional.empty(), List.of(nlri("198.51.100.0/24"))));
        receive(UpdateMessage.endOfRib(AddressFamily.IPV4_UNICAST));
        receive(RouteRefreshMessage.request(AddressFamily.IPV4_UNICAST));
        // to the peer, through the RIB's port: 2 UPDATEs and a refresh request
        outbound.send(List.of(UpdateMessage.announce(ATTRS, List.of(nlri("203.0.113.0/24"))),
                UpdateMessage.withdraw(List.of(nlri("198.51.100.0/24")))));
        outbound.sendRouteRefresh(RouteRefreshMessage.request(AddressFamily.IPV4_UNICAST));
        ch.runPendingTasks();

        List<BgpMessage> wire = drain();
        assertEquals(5, wire.size(), "OPEN, KEEPALIVE, 2 UPDATEs, ROUTE-REFRESH on the wire: " + wire);
        MessageStatistics s = driver.statistics();
        assertEquals(new MessageCounts(1, 3, 0, 1, 1, 3, 2, 1, 1, 0, 0), s.received());
        assertEquals(new MessageCounts(1, 2, 0, 1, 1, 1, 1, 0, 1, 0, 0), s.sent());
        assertEquals(wire.size(), s.sent().total());
        assertEquals(6, s.received().total());
        assertEquals(0, s.outQueueMessages());
        assertEquals(0, s.outQueueBytes());
        assertEquals(Optional.empty(), s.lastNotificationSent());
    }

    @Test
    void aMessageIsQueuedUntilWrittenAndCountedAsSentOnlyThen() {
        establish();
        drain();
        long keepalivesBefore = driver.statistics().sent().keepalives();
        ch.write(KeepaliveMessage.INSTANCE, ch.voidPromise()); // enqueued, not flushed to the "socket"
        ch.write(KeepaliveMessage.INSTANCE);
        MessageStatistics queued = driver.statistics();
        assertEquals(2, queued.outQueueMessages());
        assertTrue(queued.outQueueBytes() >= 2 * 19, "two 19-octet KEEPALIVEs queued: " + queued.outQueueBytes());
        assertEquals(keepalivesBefore, queued.sent().keepalives(), "counted as sent before it was written");

        ch.flush();
        MessageStatistics written = driver.statistics();
        assertEquals(0, written.outQueueMessages());
        assertEquals(0, written.outQueueBytes());
        assertEquals(keepalivesBefore + 2, written.sent().keepalives());
        assertEquals(List.of(KeepaliveMessage.INSTANCE, KeepaliveMessage.INSTANCE), drain());
    }

    @Test
    void aWriteDroppedByTheCloseLeavesTheQueueWithoutCountingAsSent() {
        establish();
        drain();
        MessageStatistics before = driver.statistics();
        ch.write(UpdateMessage.endOfRib(AddressFamily.IPV4_UNICAST)); // never flushed
        assertEquals(1, driver.statistics().outQueueMessages());
        ch.close();
        ch.runPendingTasks();
        MessageStatistics after = driver.statistics();
        assertEquals(0, after.outQueueMessages());
        assertEquals(before.sent().updates(), after.sent().updates(), "a dropped UPDATE counted as sent");
        assertEquals(0, after.outQueueBytes());
    }

    @Test
    void notificationsAreCountedAndRememberedAndCountsOutliveTheSession() {
        establish();
        driver.stop(Optional.of("maintenance"));
        ch.runPendingTasks();
        List<BgpMessage> wire = drain();
        NotificationMessage cease = (NotificationMessage) wire.get(wire.size() - 1);
        assertFalse(ch.isOpen());
        MessageStatistics first = driver.statistics();
        assertEquals(1, first.sent().notifications());
        assertEquals(Optional.of(cease), first.lastNotificationSent());
        assertEquals(Optional.of("maintenance"), first.lastNotificationSent().get().shutdownCommunication());

        // a second session on a new connection: the neighbor's counts keep growing (OpenBGPD)
        driver.start();
        TcpEmbeddedChannel second = new TcpEmbeddedChannel();
        second.freezeTime();
        attach(second);
        establish();
        NotificationMessage reset = NotificationMessage.cease(BgpError.CEASE_ADMINISTRATIVE_RESET, "bye");
        receive(reset);
        assertFalse(ch.isOpen());
        drain();
        MessageStatistics both = driver.statistics();
        assertEquals(2, both.sent().opens());
        assertEquals(2, both.received().opens());
        assertEquals(2, both.received().keepalives());
        assertEquals(1, both.received().notifications());
        assertEquals(1, both.sent().notifications(), "we must not answer a NOTIFICATION");
        assertEquals(Optional.of(reset), both.lastNotificationReceived());
        assertEquals(Optional.of(cease), both.lastNotificationSent());
    }

    @Test
    void malformedUpdatesCountAsUpdatesAndBadHeadersNotAtAll() {
        establish();
        // an UPDATE without the mandatory ORIGIN: RFC 7606 §3 (d) treat-as-withdraw of its 1 prefix
        receive(UpdateMessage.announce(PathAttributes.of(AsPath.sequence(65002), NextHop.parse("198.51.100.1")),
                List.of(nlri("203.0.113.0/24"))));
        assertTrue(ch.isActive(), "treat-as-withdraw must not reset the session");
        MessageStatistics s = driver.statistics();
        assertEquals(1, s.received().updates());
        assertEquals(1, s.received().prefixesWithdrawn());
        assertEquals(0, s.received().prefixesAnnounced());
        assertEquals(0, s.received().endOfRibs());

        byte[] bad = MessageWriter.toBytes(KeepaliveMessage.INSTANCE, CodecContext.DEFAULT);
        bad[0] = 0; // marker broken: Connection Not Synchronized, no trustworthy type
        ch.writeInbound(Unpooled.wrappedBuffer(bad));
        ch.runPendingTasks();
        assertFalse(ch.isOpen());
        drain();
        MessageStatistics after = driver.statistics();
        assertEquals(1, after.received().keepalives(), "the bad frame was counted as a KEEPALIVE");
        assertEquals(s.received().total(), after.received().total());
        assertEquals(1, after.sent().notifications());
    }
}
