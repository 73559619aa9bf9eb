package io.jbgp.netty.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.NextHop;
import io.jbgp.core.attr.Origin;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.codec.MessageWriter;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.KeepaliveMessage;
import io.jbgp.core.message.MpUnreach;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Ipv4Prefix;
import io.jbgp.netty.MessageStatistics;
import io.jbgp.netty.MessageStatistics.MessageCounts;
import io.jbgp.netty.codec.BgpFrameDecoder;
import io.jbgp.netty.codec.BgpMessageDecoder;
import io.jbgp.netty.codec.BgpMessageEncoder;
import io.jbgp.netty.testing.NoLeaks;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quicktheories.core.Gen;

/**
 * {@link MessageStatisticsHandler} in the real codec pipeline, for generated message sequences:
 * whatever mix of types and NLRI goes out and comes in (the inbound side as one coalesced buffer,
 * so framing splits it), the counters equal an independent tally of the sequence, per type and
 * per prefix, and nothing stays queued once flushed.
 */
@ExtendWith(NoLeaks.class)
class MessageStatisticsProperties {
    private static final PathAttributes ATTRS = PathAttributes.of(Origin.IGP, AsPath.sequence(65002),
            NextHop.parse("198.51.100.1"));

    /** Prefixes from 10.0.0.0/8 by index, /24 each. */
    private static List<Nlri> prefixes(int from, int count) {
        List<Nlri> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(Nlri.of(Ipv4Prefix.of((10 << 24) | ((from + i) & 0xFFFF) << 8, 24)));
        }
        return out;
    }

    private static Gen<BgpMessage> messages() {
        return integers().between(0, 7).zip(integers().between(0, 5), integers().between(0, 5),
                (kind, a, w) -> switch (kind) {
                    case 0 -> KeepaliveMessage.INSTANCE;
                    case 1 -> UpdateMessage.endOfRib(AddressFamily.IPV4_UNICAST);
                    case 2 -> UpdateMessage.endOfRib(AddressFamily.IPV6_UNICAST);
                    case 3 -> new RouteRefreshMessage(AddressFamily.IPV4_UNICAST, a % 3);
                    case 4 -> NotificationMessage.cease(BgpError.CEASE_ADMINISTRATIVE_RESET, "r" + a);
                    case 5 -> UpdateMessage.withdraw(prefixes(100, w + 1));
                    case 6 -> new UpdateMessage(List.of(), PathAttributes.EMPTY, Optional.empty(),
                            Optional.of(new MpUnreach(AddressFamily.IPV4_UNICAST, prefixes(300, w + 1))), List.of());
                    default -> new UpdateMessage(prefixes(200, w), ATTRS, Optional.empty(), Optional.empty(),
                            prefixes(0, a + 1));
                });
    }

    /** The model: what a sequence should add up to, computed without the code under test. */
    private static MessageCounts tally(List<BgpMessage> ms) {
        long[] c = new long[11];
        for (BgpMessage m : ms) {
            if (m instanceof KeepaliveMessage) {
                c[3]++;
            } else if (m instanceof NotificationMessage) {
                c[2]++;
            } else if (m instanceof RouteRefreshMessage r) {
                c[4]++;
                c[8 + r.subtype()]++;
            } else if (m instanceof UpdateMessage u) {
                c[1]++;
                c[5] += u.announced().size();
                c[6] += u.withdrawn().size() + u.mpUnreach().map(x -> x.withdrawn().size()).orElse(0);
                c[7] += u.withdrawn().isEmpty() && u.announced().isEmpty() && u.attributes().isEmpty()
                        && u.mpUnreach().map(x -> x.withdrawn().isEmpty()).orElse(true) ? 1 : 0;
            } else {
                c[0]++;
            }
        }
        return new MessageCounts(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10]);
    }

    @Test
    void countsEqualATallyOfWhatWentOutAndCameIn() {
        qt().withFixedSeed(20261128L).withExamples(200)
                .forAll(lists().of(messages()).ofSizeBetween(0, 30), lists().of(messages()).ofSizeBetween(0, 30))
                .checkAssert((out, in) -> {
                    MessageCounters counters = new MessageCounters();
                    BgpMessageDecoder decoder = new BgpMessageDecoder();
                    BgpMessageEncoder encoder = new BgpMessageEncoder();
                    decoder.context(CodecContext.DEFAULT);
                    encoder.context(CodecContext.DEFAULT);
                    EmbeddedChannel ch = new EmbeddedChannel(new BgpFrameDecoder(), decoder, encoder,
                            new MessageStatisticsHandler(counters));
                    for (BgpMessage m : out) {
                        ch.write(m, ch.voidPromise());
                    }
                    assertEquals(out.size(), counters.snapshot().outQueueMessages());
                    ch.flush();
                    ByteBuf wire = Unpooled.buffer();
                    for (BgpMessage m : in) {
                        wire.writeBytes(MessageWriter.toBytes(m, CodecContext.DEFAULT));
                    }
                    ch.writeInbound(wire);
                    MessageStatistics s = counters.snapshot();
                    assertEquals(tally(out), s.sent(), "sent " + out);
                    assertEquals(tally(in), s.received(), "received " + in);
                    assertEquals(0, s.outQueueMessages());
                    assertEquals(0, s.outQueueBytes());
                    assertEquals(out.stream().filter(m -> m instanceof NotificationMessage)
                            .reduce((a, b) -> b), s.lastNotificationSent());
                    assertEquals(in.stream().filter(m -> m instanceof NotificationMessage)
                            .reduce((a, b) -> b), s.lastNotificationReceived());
                    for (Object o; (o = ch.readOutbound()) != null; ) {
                        ReferenceCountUtil.release(o);
                    }
                    for (Object o; (o = ch.readInbound()) != null; ) {
                        ReferenceCountUtil.release(o);
                    }
                    assertFalse(ch.finish());
                });
    }
}
