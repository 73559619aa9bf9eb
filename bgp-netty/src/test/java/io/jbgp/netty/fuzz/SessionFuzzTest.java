package io.jbgp.netty.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
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
import io.jbgp.core.fuzz.FuzzContexts;
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
import io.jbgp.netty.codec.BgpMessageDecoder;
import io.jbgp.netty.session.PeerDriver;
import io.jbgp.netty.session.SessionChannelInitializer;
import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Coverage-guided fuzz target for a session's inbound path (FUZZING.md): the real bgp-netty
 * pipeline ({@link SessionChannelInitializer}: frame decoder, message decoder, encoder,
 * {@code SessionHandler} with its {@link PeerDriver}) on an {@link EmbeddedChannel}, taken through
 * an OPEN exchange to Established and then fed arbitrary octets.
 * <pre>
 *   octet 0     the capabilities the peer's OPEN advertises, in the bit layout of
 *               {@link FuzzContexts} (4-octet AS, Extended Message, ADD-PATH per family, IPv4
 *               only); we advertise all of them, so the negotiated codec context is exactly
 *               {@code FuzzContexts.of(octet 0)}
 *   octet 1     chunk size: the stream arrives in writes of this many octets (0: one write),
 *               which exercises the frame decoder's cumulation
 *   octets 2..  what the peer sends once Established
 * </pre>
 * After the input, whatever it was:
 * <ul>
 *   <li>no exception escaped into the pipeline (a sentinel in front of the session handler sees
 *       every {@code exceptionCaught}; the embedded channel rethrows any that reached its tail);</li>
 *   <li>every buffer the pipeline or the test allocated was released (a counting allocator, checked
 *       per input; the paranoid leak detector of the NoLeaks extension runs as well);</li>
 *   <li>everything we sent decodes in the negotiated context;</li>
 *   <li>the FSM is in a defined state: still Established (or, for {@link #receiveFromConnect},
 *       waiting in OpenSent or OpenConfirm) with the channel open and no NOTIFICATION sent, or Idle with the channel closed after either exactly one NOTIFICATION from us, as the
 *       last message (the reason says which), or a NOTIFICATION from the peer and none from us.</li>
 * </ul>
 */
class SessionFuzzTest {
    private static final InetAddress LOCAL = address("127.0.0.1");
    private static final InetAddress REMOTE = address("127.0.0.2");
    private static final Asn LOCAL_AS = Asn.of(65001);
    private static final Asn REMOTE_AS = Asn.of(65002);
    private static final RouterId REMOTE_ID = RouterId.parse("10.0.0.2");

    @FuzzTest(maxDuration = "2m")
    void receiveAfterOpen(byte[] input) {
        int flags = input.length > 0 ? input[0] & 0x1F : FuzzContexts.FOUR_OCTET_AS;
        int chunk = input.length > 1 ? input[1] & 0xFF : 0;
        try (Harness h = new Harness()) {
            h.establish(flags);
            h.feed(input, Math.min(2, input.length), chunk);
            h.checkOutcome(EnumSet.of(SessionState.ESTABLISHED));
        }
    }

    /**
     * The same pipeline from the moment the connection is up and our OPEN went out: octet 0 is the
     * chunk size, the rest is everything the peer sends, its OPEN included. This reaches OPEN
     * decoding, capability negotiation, the OPEN checks (RFC 4271 §6.2) and the codec switch.
     * While the channel stays open the session may be in any state that waits for the peer.
     */
    @FuzzTest(maxDuration = "2m")
    void receiveFromConnect(byte[] input) {
        int chunk = input.length > 0 ? input[0] & 0xFF : 0;
        try (Harness h = new Harness()) {
            assertInstanceOf(OpenMessage.class, h.next(), "our OPEN on connect");
            h.sent.clear();
            h.feed(input, Math.min(1, input.length), chunk);
            h.checkOutcome(EnumSet.of(SessionState.OPEN_SENT, SessionState.OPEN_CONFIRM, SessionState.ESTABLISHED));
            if (h.driver.state() == SessionState.ESTABLISHED) {
                assertEquals(1, h.established, "the RIB heard of the session once");
            }
        }
    }

    /** One embedded connection with the real pipeline, a recording RIB and a counting allocator. */
    private static final class Harness implements AutoCloseable {
        final CountingAllocator alloc = new CountingAllocator();
        final List<ByteBuf> ours = new ArrayList<>();
        final List<SpeakerEvent> events = new ArrayList<>();
        final List<Throwable> exceptions = new ArrayList<>();
        final List<BgpMessage> sent = new ArrayList<>();
        final TcpEmbeddedChannel ch = new TcpEmbeddedChannel();
        final PeerDriver driver;
        final BgpMessageDecoder decoder;
        CodecContext ctx = CodecContext.INITIAL;
        int established;

        Harness() {
            ch.config().setAllocator(alloc);
            ch.freezeTime();
            SpeakerConfig speaker = SpeakerConfig.builder(LOCAL_AS, RouterId.parse("10.0.0.1")).build();
            PeerConfig config = PeerConfig.builder(REMOTE, REMOTE_AS).passive(true)
                    .family(AddressFamily.IPV4_UNICAST).family(AddressFamily.IPV6_UNICAST)
                    .extendedMessage(true)
                    .addPath(AddressFamily.IPV4_UNICAST, Capability.AddPath.Mode.BOTH)
                    .addPath(AddressFamily.IPV6_UNICAST, Capability.AddPath.Mode.BOTH)
                    .timers(TimerConfig.builder().holdTime(Duration.ofSeconds(90)).build()).build();
            Peer peer = new Peer(speaker, config, new SplittableRandom(7));
            driver = new PeerDriver(peer, ch.eventLoop(), () -> ch.eventLoop().ticker().nanoTime(), rib(),
                    Runnable::run, events::add, d -> {
                        throw new AssertionError("a passive neighbor must not connect out");
                    });
            driver.start();
            ch.runPendingTasks();
            SessionChannelInitializer.init(ch, driver, true);
            // kept: the pipeline is torn down when the channel closes
            decoder = ch.pipeline().get(BgpMessageDecoder.class);
            // sees every exception raised in front of the session handler, then passes it on
            ch.pipeline().addBefore(SessionChannelInitializer.SESSION, "fuzz-sentinel",
                    new ChannelInboundHandlerAdapter() {
                        @Override
                        public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
                            exceptions.add(cause);
                            c.fireExceptionCaught(cause);
                        }
                    });
            ch.runPendingTasks();
        }

        private PeerEventHandler rib() {
            return new PeerEventHandler() {
                @Override
                public void established(PeerKey peer, NegotiatedSession session, PeerOutbound outbound) {
                    established++;
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
        }

        /** OPEN both ways, KEEPALIVE both ways; the peer advertises what {@code flags} name. */
        void establish(int flags) {
            assertInstanceOf(OpenMessage.class, next(), "our OPEN on connect");
            OpenMessage open = FuzzContexts.peerOpen(flags, REMOTE_AS, REMOTE_ID);
            receive(Unpooled.wrappedBuffer(MessageWriter.toBytes(open, CodecContext.INITIAL)));
            ctx = decoder.context();
            assertEquals(FuzzContexts.of(flags), ctx, "negotiated context for flags " + flags);
            assertEquals(KeepaliveMessage.INSTANCE, next());
            receive(Unpooled.wrappedBuffer(MessageWriter.toBytes(KeepaliveMessage.INSTANCE, ctx)));
            assertEquals(SessionState.ESTABLISHED, driver.state());
            assertEquals(1, established, "the RIB heard of the session once");
            sent.clear();
        }

        /** Writes {@code input[from..]} in chunks of {@code chunk} octets (0: all at once). */
        void feed(byte[] input, int from, int chunk) {
            for (int i = from; i < input.length; i += chunk == 0 ? input.length : chunk) {
                int n = chunk == 0 ? input.length - i : Math.min(chunk, input.length - i);
                receive(Unpooled.wrappedBuffer(input, i, n));
                if (!ch.isOpen()) {
                    break; // the peer keeps sending into a closed socket: nothing more to read
                }
            }
            ch.runPendingTasks();
        }

        void receive(ByteBuf b) {
            ours.add(b);
            ch.writeInbound(b);
            ch.checkException();
        }

        /** The next message we wrote, decoded in the current context; null when none. */
        BgpMessage next() {
            for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
                try {
                    if (!b.isReadable()) {
                        continue; // the empty buffer that flushes before a close
                    }
                    ByteBuf frame = b.duplicate();
                    DecodeResult r = MessageReader.read(frame, ctx);
                    if (!(r instanceof DecodeResult.Ok ok)) {
                        fail("we sent something that does not decode: " + r);
                        return null;
                    }
                    assertFalse(b.readableBytes() > frame.readerIndex() - b.readerIndex(),
                            "one outbound buffer held more than one message");
                    sent.add(ok.message());
                    return ok.message();
                } finally {
                    b.release();
                }
            }
            return null;
        }

        /** The defined end states; {@code waiting} are those allowed while the channel is open. */
        void checkOutcome(Set<SessionState> waiting) {
            assertEquals(List.of(), exceptions, "exceptions escaped into the pipeline");
            ctx = decoder.context();
            while (next() != null) {
                // collect the rest of what we sent
            }
            List<NotificationMessage> notifications = sent.stream()
                    .filter(m -> m instanceof NotificationMessage).map(m -> (NotificationMessage) m).toList();
            if (ch.isOpen()) {
                assertTrue(waiting.contains(driver.state()), "channel open in state " + driver.state());
                assertEquals(List.of(), notifications, "NOTIFICATION sent but the channel stayed open");
                return;
            }
            SpeakerEvent.SessionClosed closed = events.stream()
                    .filter(e -> e instanceof SpeakerEvent.SessionClosed).map(e -> (SpeakerEvent.SessionClosed) e)
                    .reduce((a, b) -> fail("more than one SessionClosed: " + events)).orElse(null);
            if (closed == null) {
                fail("channel closed without a SessionClosed event: " + events);
                return;
            }
            DownReason reason = closed.reason();
            if (restartsAtOnce(reason)) {
                // Peer: CEASE Connection Collision Resolution (the other connection won) restarts
                // at once, CEASE Connection Rejected waits in Active; no IdleHold for either
                assertTrue(EnumSet.of(SessionState.CONNECT, SessionState.ACTIVE).contains(driver.state()),
                        "channel closed by " + reason + " but the FSM is " + driver.state());
            } else {
                assertEquals(SessionState.IDLE, driver.state(), "channel closed but the FSM is not Idle");
            }
            if (reason.kind() == DownReason.Kind.NOTIFICATION_SENT) {
                assertEquals(1, notifications.size(), "NOTIFICATIONs sent: " + notifications);
                assertEquals(notifications.get(0), sent.get(sent.size() - 1), "the NOTIFICATION is not last");
                assertEquals(reason.notification().orElseThrow(), notifications.get(0));
            } else if (reason.kind() == DownReason.Kind.NOTIFICATION_RECEIVED) {
                assertEquals(List.of(), notifications, "we answered a NOTIFICATION");
            } else {
                fail("session ended neither by a NOTIFICATION sent nor by one received: " + reason);
            }
        }

        private static boolean restartsAtOnce(DownReason reason) {
            return reason.kind() == DownReason.Kind.NOTIFICATION_RECEIVED && reason.notification()
                    .map(n -> n.code() == BgpError.CEASE_CONNECTION_COLLISION_RESOLUTION.code().code()
                            && (n.subcode() == BgpError.CEASE_CONNECTION_COLLISION_RESOLUTION.subcode()
                                || n.subcode() == BgpError.CEASE_CONNECTION_REJECTED.subcode()))
                    .orElse(false);
        }

        @Override
        public void close() {
            ch.finishAndReleaseAll();
            for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
                ReferenceCountUtil.release(b);
            }
            ch.runPendingTasks();
            for (ByteBuf b : ours) {
                assertEquals(0, b.refCnt(), "an input buffer was not released");
            }
            alloc.assertAllReleased();
        }
    }

    /** An embedded channel with TCP-like addresses, which the FSM needs. */
    private static final class TcpEmbeddedChannel extends EmbeddedChannel {
        @Override
        protected SocketAddress localAddress0() {
            return new InetSocketAddress(LOCAL, 179);
        }

        @Override
        protected SocketAddress remoteAddress0() {
            return new InetSocketAddress(REMOTE, 40000);
        }
    }

    /** Unpooled buffers, each remembered so that a leak shows up per input, not per GC. */
    private static final class CountingAllocator extends AbstractByteBufAllocator {
        private final List<ByteBuf> allocated = new ArrayList<>();

        CountingAllocator() {
            super(false);
        }

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            ByteBuf b = UnpooledByteBufAllocator.DEFAULT.heapBuffer(initialCapacity, maxCapacity);
            allocated.add(b);
            return b;
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            ByteBuf b = UnpooledByteBufAllocator.DEFAULT.directBuffer(initialCapacity, maxCapacity);
            allocated.add(b);
            return b;
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }

        void assertAllReleased() {
            for (ByteBuf b : allocated) {
                assertEquals(0, b.refCnt(), "leaked " + b);
            }
        }
    }

    private static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
