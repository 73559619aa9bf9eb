package io.jbgp.netty.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.NextHop;
import io.jbgp.core.attr.Origin;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.codec.DecodeResult;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.KeepaliveMessage;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.Bytes;
import io.jbgp.core.types.IpPrefix;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The message decoder and encoder on an {@link EmbeddedChannel}, behind the frame decoder, as in
 * the real pipeline: round trips, errors as values, and the codec context swap.
 */
class BgpMessageCodecTest {
    /** An UPDATE whose AS_PATH needs 4-octet encoding to survive (RFC 6793). */
    private static final UpdateMessage UPDATE = UpdateMessage.announce(PathAttributes.of(
            Origin.IGP, AsPath.sequence(4200000001L, 65002), NextHop.parse("198.51.100.1")),
            List.of(Nlri.of(IpPrefix.parse("203.0.113.0/24"))));

    private static EmbeddedChannel pipeline(CodecContext ctx) {
        BgpMessageDecoder decoder = new BgpMessageDecoder();
        BgpMessageEncoder encoder = new BgpMessageEncoder();
        decoder.context(ctx);
        encoder.context(ctx);
        return new EmbeddedChannel(new BgpFrameDecoder(), decoder, encoder);
    }

    /** Writes {@code m} out and feeds the bytes back in. */
    private static Object loop(EmbeddedChannel ch, BgpMessage m) {
        ch.writeOutbound(m);
        ByteBuf wire = ch.readOutbound();
        ch.writeInbound(wire); // the inbound pipeline releases it
        return ch.readInbound();
    }

    @Test
    void messagesRoundTripThroughThePipeline() {
        EmbeddedChannel ch = pipeline(CodecContext.DEFAULT);
        for (BgpMessage m : List.of(KeepaliveMessage.INSTANCE, UPDATE,
                NotificationMessage.cease(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN, "bye"))) {
            assertEquals(m, loop(ch, m));
        }
        assertFalse(ch.finish());
    }

    @Test
    void theContextSwapDecidesHowAsPathsAreRead() {
        BgpMessageDecoder decoder = new BgpMessageDecoder();
        EmbeddedChannel ch = new EmbeddedChannel(new BgpFrameDecoder(), decoder);
        EmbeddedChannel writer = pipeline(CodecContext.DEFAULT);
        writer.writeOutbound(UPDATE);
        ByteBuf wire = writer.readOutbound();
        // before the swap, 4-octet AS numbers are read as 2-octet ones: not the message sent
        ch.writeInbound(wire.retainedDuplicate());
        assertNotEquals(UPDATE, ch.readInbound());
        decoder.context(CodecContext.DEFAULT);
        ch.writeInbound(wire);
        assertEquals(UPDATE, ch.readInbound());
        assertFalse(ch.finish());
        assertFalse(writer.finish());
    }

    @Test
    void aBadMessageTypeIsAValueWithTheTypeAsData() {
        EmbeddedChannel ch = pipeline(CodecContext.DEFAULT);
        byte[] m = BgpFrameDecoderTest.message(19, 9);
        ch.writeInbound(Unpooled.wrappedBuffer(m));
        DecodeResult.Failed f = assertInstanceOf(DecodeResult.Failed.class, ch.readInbound());
        assertEquals(BgpError.HEADER_BAD_MESSAGE_TYPE, f.error());
        assertEquals(Bytes.fromHex("09"), f.data());
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @Test
    void framingErrorsPassThroughTheMessageDecoder() {
        EmbeddedChannel ch = pipeline(CodecContext.DEFAULT);
        byte[] m = BgpFrameDecoderTest.message(19, 4);
        m[0] = 0;
        ch.writeInbound(Unpooled.wrappedBuffer(m));
        assertEquals(new FramingError(BgpError.HEADER_CONNECTION_NOT_SYNCHRONIZED, Bytes.EMPTY), ch.readInbound());
        assertFalse(ch.finish());
    }
}
