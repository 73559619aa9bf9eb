package io.jbgp.core.codec;

import static io.jbgp.core.codec.WireVectors.assertHexEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.Capability.UnknownCapability;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.message.OptionalParameter;
import io.jbgp.core.types.Bytes;
import io.jbgp.core.types.RouterId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link MessageWriter}: golden vectors, the RFC 9072 switch, and refusing oversized messages. */
class MessageWriterTest {
    /** Offset of the OPEN's Non-Ext OP Len octet: header 19 + version, AS, hold, identifier 9. */
    private static final int OPT_LEN_OFFSET = 28;

    static List<WireVectors.TestVector> vectors() {
        return WireVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyVectorEncodesToItsBytes(WireVectors.TestVector v) {
        assertHexEquals(v.bytes(), MessageWriter.toBytes(v.message(), v.ctx()), v.name());
    }

    @Test
    void writeAppendsAtTheWriterIndex() {
        ByteBuf out = Unpooled.buffer();
        try {
            out.writeByte(0x42);
            MessageWriter.write(WireVectors.FRR_KEEPALIVE.message(), CodecContext.DEFAULT, out);
            MessageWriter.write(WireVectors.FRR_REFRESH_IPV4.message(), CodecContext.DEFAULT, out);
            byte[] all = new byte[out.readableBytes()];
            out.readBytes(all);
            byte[] expected = new byte[1 + 19 + 23];
            expected[0] = 0x42;
            System.arraycopy(WireVectors.FRR_KEEPALIVE.bytes(), 0, expected, 1, 19);
            System.arraycopy(WireVectors.FRR_REFRESH_IPV4.bytes(), 0, expected, 20, 23);
            assertHexEquals(expected, all);
        } finally {
            out.release();
        }
    }

    @Test
    void parametersOf255OctetsUseTheClassicForm() {
        // one parameter: type, length, and a capability of 2 + 251 octets = 255 in all
        OpenMessage open = openWith(new UnknownCapability(200, Bytes.wrap(new byte[251])));
        byte[] bytes = MessageWriter.toBytes(open, CodecContext.INITIAL);
        assertEquals(255, bytes[OPT_LEN_OFFSET] & 0xFF);
        assertEquals(OptionalParameter.CAPABILITIES, bytes[OPT_LEN_OFFSET + 1]);
        assertEquals(29 + 255, bytes.length);
        assertEquals(new DecodeResult.Ok(open), MessageReaderTest.read(bytes, CodecContext.INITIAL));
    }

    @Test
    void parametersOver255OctetsUseTheExtendedForm() {
        OpenMessage open = openWith(new UnknownCapability(200, Bytes.wrap(new byte[252])));
        byte[] bytes = MessageWriter.toBytes(open, CodecContext.INITIAL);
        // RFC 9072 §2: 255, 255, then the 2-octet length (1 + 2 + 254 = 257) and 2-octet parameter lengths
        assertEquals(255, bytes[OPT_LEN_OFFSET] & 0xFF);
        assertEquals(255, bytes[OPT_LEN_OFFSET + 1] & 0xFF);
        assertEquals(257, (bytes[OPT_LEN_OFFSET + 2] & 0xFF) << 8 | (bytes[OPT_LEN_OFFSET + 3] & 0xFF));
        assertEquals(29 + 3 + 257, bytes.length);
        assertEquals(new DecodeResult.Ok(open), MessageReaderTest.read(bytes, CodecContext.INITIAL));
    }

    @Test
    void manySmallParametersOver255OctetsUseTheExtendedForm() {
        // 60 parameters of one 4-octet AS capability each: 60 * 8 = 480 octets
        List<OptionalParameter> params = java.util.Collections.nCopies(60, new OptionalParameter.Capabilities(
                List.of(new Capability.FourOctetAs(io.jbgp.core.types.Asn.of(65001)))));
        OpenMessage open = new OpenMessage(4, 65001, 90, RouterId.parse("198.51.100.1"), params);
        byte[] bytes = MessageWriter.toBytes(open, CodecContext.INITIAL);
        assertEquals(255, bytes[OPT_LEN_OFFSET + 1] & 0xFF);
        assertEquals(new DecodeResult.Ok(open), MessageReaderTest.read(bytes, CodecContext.INITIAL));
    }

    @Test
    void aFirstParameterOfType255ForcesTheExtendedForm() {
        // otherwise a receiver would take the type for the RFC 9072 marker
        OpenMessage open = new OpenMessage(4, 65001, 90, RouterId.parse("198.51.100.1"),
                List.of(new OptionalParameter.Unknown(255, Bytes.fromHex("00"))));
        byte[] bytes = MessageWriter.toBytes(open, CodecContext.INITIAL);
        assertHexEquals(WireVectors.hex("ffffffffffffffffffffffffffffffff" + "0024" + "01"
                + "04fde9005ac6336401" + "ffff0004" + "ff000100"), bytes);
        MessageReaderTest.assertFailed(BgpError.OPEN_UNSUPPORTED_OPTIONAL_PARAMETER, "",
                MessageReaderTest.read(bytes, CodecContext.INITIAL));
    }

    @Test
    void openOver4096OctetsIsRefusedAndNothingIsWritten() {
        List<Capability> caps = java.util.Collections.nCopies(16, new UnknownCapability(200, Bytes.wrap(new byte[255])));
        OpenMessage open = new OpenMessage(4, 65001, 90, RouterId.parse("198.51.100.1"),
                List.of(new OptionalParameter.Capabilities(caps)));
        ByteBuf out = Unpooled.buffer();
        try {
            out.writeByte(1);
            assertThrows(IllegalArgumentException.class,
                    () -> MessageWriter.write(open, CodecContext.DEFAULT.withExtendedMessage(true), out));
            assertEquals(1, out.writerIndex());
        } finally {
            out.release();
        }
    }

    @Test
    void capabilityValueOver255OctetsIsRefused() {
        OpenMessage open = openWith(new UnknownCapability(200, Bytes.wrap(new byte[256])));
        assertThrows(IllegalArgumentException.class, () -> MessageWriter.toBytes(open, CodecContext.INITIAL));
        OpenMessage longName = openWith(new Capability.Hostname("h".repeat(256), ""));
        assertThrows(IllegalArgumentException.class, () -> MessageWriter.toBytes(longName, CodecContext.INITIAL));
    }

    @Test
    void notificationLimitFollowsExtendedMessage() {
        NotificationMessage big = new NotificationMessage(6, 0, new byte[4096 - 21 + 1]);
        assertThrows(IllegalArgumentException.class, () -> MessageWriter.toBytes(big, CodecContext.DEFAULT));
        byte[] bytes = MessageWriter.toBytes(big, CodecContext.DEFAULT.withExtendedMessage(true));
        assertEquals(4097, bytes.length);
        NotificationMessage fits = new NotificationMessage(6, 0, new byte[4096 - 21]);
        assertEquals(4096, MessageWriter.toBytes(fits, CodecContext.DEFAULT).length);
    }

    private static OpenMessage openWith(Capability capability) {
        return new OpenMessage(4, 65001, 90, RouterId.parse("198.51.100.1"),
                List.of(new OptionalParameter.Capabilities(List.of(capability))));
    }
}
