package io.jbgp.netty.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.codec.WireFormat;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.types.Bytes;
import io.jbgp.netty.testing.NoLeaks;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** STYLE §10.2 framing tests on an {@link EmbeddedChannel}. */
@ExtendWith(NoLeaks.class)
class BgpFrameDecoderTest {

    /** A message of the given total length and type; the body is a counting pattern. */
    static byte[] message(int length, int type) {
        byte[] m = new byte[length];
        Arrays.fill(m, 0, 16, (byte) 0xFF);
        m[16] = (byte) (length >>> 8);
        m[17] = (byte) length;
        m[18] = (byte) type;
        for (int i = 19; i < length; i++) {
            m[i] = (byte) i;
        }
        return m;
    }

    private static byte[] readFrame(EmbeddedChannel ch) {
        ByteBuf frame = ch.readInbound();
        try {
            return ByteBufUtil.getBytes(frame);
        } finally {
            frame.release();
        }
    }

    @Test
    void messageSplitIntoSingleBytesIsOneFrame() {
        EmbeddedChannel ch = new EmbeddedChannel(new BgpFrameDecoder());
        byte[] m = message(45, 1);
        for (int i = 0; i < m.length; i++) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {m[i]}));
            if (i < m.length - 1) {
                assertNull(ch.readInbound(), "frame emitted early at byte " + i);
            }
        }
        assertArrayEquals(m, readFrame(ch));
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @Test
    void twoCoalescedMessagesAreTwoFrames() {
        EmbeddedChannel ch = new EmbeddedChannel(new BgpFrameDecoder());
        byte[] a = message(19, 4);
        byte[] b = message(23, 2);
        byte[] both = new byte[a.length + b.length + 5];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        System.arraycopy(message(19, 4), 0, both, a.length + b.length, 5); // start of a third
        ch.writeInbound(Unpooled.wrappedBuffer(both));
        assertArrayEquals(a, readFrame(ch));
        assertArrayEquals(b, readFrame(ch));
        assertNull(ch.readInbound());
        ch.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(message(19, 4), 5, 19)));
        assertArrayEquals(message(19, 4), readFrame(ch));
        assertFalse(ch.finish());
    }

    @Test
    void badMarkerIsConnectionNotSynchronized() {
        EmbeddedChannel ch = new EmbeddedChannel(new BgpFrameDecoder());
        byte[] m = message(19, 4);
        m[7] = 0x7F;
        ch.writeInbound(Unpooled.wrappedBuffer(m));
        assertEquals(new FramingError(BgpError.HEADER_CONNECTION_NOT_SYNCHRONIZED, Bytes.EMPTY), ch.readInbound());
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @Test
    void length18IsBadMessageLengthWithTheLengthAsData() {
        EmbeddedChannel ch = new EmbeddedChannel(new BgpFrameDecoder());
        byte[] m = message(19, 4);
        m[17] = 18;
        ch.writeInbound(Unpooled.wrappedBuffer(m));
        assertEquals(new FramingError(BgpError.HEADER_BAD_MESSAGE_LENGTH, Bytes.fromHex("0012")), ch.readInbound());
        assertFalse(ch.finish());
    }

    @Test
    void length4097WithoutExtendedMessageIsBadMessageLength() {
        EmbeddedChannel ch = new EmbeddedChannel(new BgpFrameDecoder());
        // only the header arrives: the error must not wait for the body
        ch.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOf(message(4097, 2), 19)));
        assertEquals(new FramingError(BgpError.HEADER_BAD_MESSAGE_LENGTH, Bytes.fromHex("1001")), ch.readInbound());
        assertFalse(ch.finish());
    }

    @Test
    void length4097WithExtendedMessageIsAFrame() {
        BgpFrameDecoder decoder = new BgpFrameDecoder();
        decoder.maxLength(WireFormat.MAX_EXTENDED_LENGTH);
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        byte[] m = message(4097, 2);
        ch.writeInbound(Unpooled.wrappedBuffer(m));
        assertArrayEquals(m, readFrame(ch));
        assertFalse(ch.finish());
    }

    @Test
    void maximumLength4096IsAccepted() {
        EmbeddedChannel ch = new EmbeddedChannel(new BgpFrameDecoder());
        byte[] m = message(4096, 2);
        ch.writeInbound(Unpooled.wrappedBuffer(m));
        assertArrayEquals(m, readFrame(ch));
        assertFalse(ch.finish());
    }

    @Test
    void garbageAfterAnErrorIsDiscarded() {
        BgpFrameDecoder decoder = new BgpFrameDecoder();
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        byte[] bad = message(19, 4);
        bad[0] = 0;
        byte[] good = message(19, 4);
        byte[] both = new byte[38];
        System.arraycopy(bad, 0, both, 0, 19);
        System.arraycopy(good, 0, both, 19, 19);
        ch.writeInbound(Unpooled.wrappedBuffer(both));
        assertTrue(ch.readInbound() instanceof FramingError);
        assertTrue(decoder.isFailed());
        // a well-formed message later is still discarded: the stream lost synchronisation
        ch.writeInbound(Unpooled.wrappedBuffer(message(19, 4)));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }
}
