package io.jbgp.core.codec;

import static io.jbgp.core.codec.WireVectors.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.Capability.UnknownCapability;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.message.OptionalParameter;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Bytes;
import io.jbgp.core.types.RouterId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link MessageReader}: golden vectors, then one example per header, OPEN and ROUTE-REFRESH error. */
class MessageReaderTest {
    private static final String MARKER = "ffffffffffffffffffffffffffffffff";
    /** OPEN fixed fields: version 4, AS 65001, hold 90, identifier 198.51.100.1. */
    private static final String OPEN_FIXED = "04" + "fde9" + "005a" + "c6336401";

    static List<WireVectors.TestVector> vectors() {
        return WireVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyVectorDecodesToItsRecord(WireVectors.TestVector v) {
        assertEquals(new DecodeResult.Ok(v.message()), read(v.bytes(), v.ctx()));
    }

    @Test
    void readConsumesTheWholeFrameWhateverTheOutcome() {
        ByteBuf ok = Unpooled.wrappedBuffer(WireVectors.FRR_OPEN.bytes());
        ByteBuf bad = Unpooled.wrappedBuffer(hex(MARKER + "0014" + "04" + "00"));
        try {
            MessageReader.read(ok, CodecContext.INITIAL);
            MessageReader.read(bad, CodecContext.INITIAL);
            assertEquals(0, ok.readableBytes());
            assertEquals(0, bad.readableBytes());
        } finally {
            ok.release();
            bad.release();
        }
    }

    @Test
    void frrShutdownCommunicationIsReadable() {
        DecodeResult r = read(WireVectors.FRR_CEASE_SHUTDOWN.bytes(), CodecContext.DEFAULT);
        NotificationMessage n = (NotificationMessage) ((DecodeResult.Ok) r).message();
        assertEquals(Optional.of(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN), n.error());
        assertEquals(Optional.of("jbgp golden vector shutdown"), n.shutdownCommunication());
    }

    @Test
    void everyKnownErrorSurvivesTheWire() {
        for (BgpError e : BgpError.values()) {
            NotificationMessage n = e.toNotification(new byte[] {1, 2, 3});
            BgpMessage back = ((DecodeResult.Ok) read(MessageWriter.toBytes(n, CodecContext.DEFAULT),
                    CodecContext.DEFAULT)).message();
            assertEquals(n, back, e.name());
            assertEquals(Optional.of(e), ((NotificationMessage) back).error(), e.name());
        }
    }

    // ---- header errors, RFC 4271 §6.1 ----------------------------------------------------------

    @Test
    void badMarkerIsConnectionNotSynchronized() {
        assertFailed(BgpError.HEADER_CONNECTION_NOT_SYNCHRONIZED, "",
                read(hex("ffffffffffffffffffffffffffff7fff" + "0013" + "04"), CodecContext.DEFAULT));
        assertFailed(BgpError.HEADER_CONNECTION_NOT_SYNCHRONIZED, "",
                read(hex("00ffffffffffffffffffffffffffffff" + "0013" + "04"), CodecContext.DEFAULT));
    }

    @Test
    void lengthUnderHeaderIsBadMessageLength() {
        assertFailed(BgpError.HEADER_BAD_MESSAGE_LENGTH, "0012", read(hex(MARKER + "0012" + "04"), CodecContext.DEFAULT));
    }

    @Test
    void lengthOverMaximumIsBadMessageLengthWithoutExtendedMessage() {
        byte[] update = frame(4097, 2, "00".repeat(4097 - 19));
        assertFailed(BgpError.HEADER_BAD_MESSAGE_LENGTH, "1001", read(update, CodecContext.DEFAULT));
        // RFC 8654: the same frame is a valid header once Extended Message is negotiated
        ByteBuf buf = Unpooled.wrappedBuffer(update);
        try {
            assertNull(MessageReader.checkHeader(buf, CodecContext.DEFAULT.withExtendedMessage(true)));
        } finally {
            buf.release();
        }
    }

    @Test
    void openOver4096IsBadLengthEvenWithExtendedMessage() {
        byte[] open = frame(4097, 1, OPEN_FIXED + "00" + "00".repeat(4097 - 29));
        assertFailed(BgpError.HEADER_BAD_MESSAGE_LENGTH, "1001",
                read(open, CodecContext.DEFAULT.withExtendedMessage(true)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, 128, 255})
    void unknownTypeIsBadMessageTypeWithTheTypeOctet(int type) {
        assertFailed(BgpError.HEADER_BAD_MESSAGE_TYPE, String.format("%02x", type),
                read(frame(23, type, "00000000"), CodecContext.DEFAULT));
    }

    @Test
    void lengthWrongForTheTypeIsBadMessageLength() {
        // KEEPALIVE != 19, OPEN < 29, UPDATE < 23, NOTIFICATION < 21, ROUTE-REFRESH < 23
        assertFailed(BgpError.HEADER_BAD_MESSAGE_LENGTH, "0014", read(frame(20, 4, "00"), CodecContext.DEFAULT));
        assertFailed(BgpError.HEADER_BAD_MESSAGE_LENGTH, "001c",
                read(frame(28, 1, "04fde9005ac63364"), CodecContext.DEFAULT));
        assertFailed(BgpError.HEADER_BAD_MESSAGE_LENGTH, "0016", read(frame(22, 2, "000000"), CodecContext.DEFAULT));
        assertFailed(BgpError.HEADER_BAD_MESSAGE_LENGTH, "0014", read(frame(20, 3, "06"), CodecContext.DEFAULT));
        assertFailed(BgpError.HEADER_BAD_MESSAGE_LENGTH, "0016", read(frame(22, 5, "000100"), CodecContext.DEFAULT));
    }

    @Test
    void lengthFieldDisagreeingWithTheFrameIsBadMessageLength() {
        assertFailed(BgpError.HEADER_BAD_MESSAGE_LENGTH, "0013", read(hex(MARKER + "0013" + "04" + "00"),
                CodecContext.DEFAULT));
        assertFailed(BgpError.HEADER_BAD_MESSAGE_LENGTH, "0004", read(hex("ffffffff"), CodecContext.DEFAULT));
    }

    @Test
    void checkHeaderLooksWithoutConsuming() {
        ByteBuf buf = Unpooled.wrappedBuffer(hex(MARKER + "0014" + "04" + "00"));
        try {
            DecodeResult.Failed f = MessageReader.checkHeader(buf, CodecContext.DEFAULT);
            assertEquals(BgpError.HEADER_BAD_MESSAGE_LENGTH, f.error());
            assertEquals(20, buf.readableBytes());
            buf.readerIndex(2); // 18 octets left
            assertThrows(IllegalArgumentException.class, () -> MessageReader.checkHeader(buf, CodecContext.DEFAULT));
        } finally {
            buf.release();
        }
    }

    // ---- ROUTE-REFRESH, RFC 7313 §5 -------------------------------------------------------------

    @Test
    void longBorrOrEorrIsInvalidMessageLengthWithTheWholeMessage() {
        for (int subtype : new int[] {1, 2}) {
            byte[] msg = frame(24, 5, "0001" + String.format("%02x", subtype) + "01" + "aa");
            assertFailed(BgpError.ROUTE_REFRESH_INVALID_MESSAGE_LENGTH, HexFormat.of().formatHex(msg),
                    read(msg, CodecContext.DEFAULT));
        }
    }

    @Test
    void longNormalRouteRefreshIsBadMessageLength() {
        assertFailed(BgpError.HEADER_BAD_MESSAGE_LENGTH, "0019",
                read(frame(25, 5, "00010001" + "aabb"), CodecContext.DEFAULT));
    }

    // ---- OPEN, RFC 4271 §6.2 and RFC 5492 -------------------------------------------------------

    @Test
    void unsupportedOptionalParameterIsOpenError() {
        // type 1 (authentication, deprecated) with 2 octets
        assertFailed(BgpError.OPEN_UNSUPPORTED_OPTIONAL_PARAMETER, "", readOpen("04" + "0102abcd"));
        // a later parameter, after a good capabilities parameter
        assertFailed(BgpError.OPEN_UNSUPPORTED_OPTIONAL_PARAMETER, "", readOpen("06" + "02024600" + "0300"));
    }

    @Test
    void optionalParametersLengthMismatchIsOpenUnspecific() {
        // says 8, holds 4
        assertFailed(BgpError.OPEN_UNSPECIFIC, "", readOpen("08" + "02024600"));
        // says 2, holds 4
        assertFailed(BgpError.OPEN_UNSPECIFIC, "", readOpen("02" + "02024600"));
        // says 0, holds 2
        assertFailed(BgpError.OPEN_UNSPECIFIC, "", readOpen("00" + "0200"));
        // a parameter that overruns the parameters
        assertFailed(BgpError.OPEN_UNSPECIFIC, "", readOpen("04" + "02054600"));
        // a parameter header cut in half
        assertFailed(BgpError.OPEN_UNSPECIFIC, "", readOpen("05" + "02024600" + "02"));
    }

    @Test
    void extendedParametersLengthIsChecked() {
        // RFC 9072: 255, 255, then a length of 4 for 4 octets: fine
        assertEquals(open(List.of(new OptionalParameter.Capabilities(List.of(new Capability.RouteRefresh())))),
                okOpen(readOpen("ff" + "ff" + "0005" + "02" + "0002" + "0200")));
        // extended length larger than what follows
        assertFailed(BgpError.OPEN_UNSPECIFIC, "", readOpen("ff" + "ff" + "0009" + "02" + "0002" + "0200"));
        // extended length octets missing
        assertFailed(BgpError.OPEN_UNSPECIFIC, "", readOpen("ff" + "ff" + "00"));
        // a 2-octet parameter length cut in half
        assertFailed(BgpError.OPEN_UNSPECIFIC, "", readOpen("ff" + "ff" + "0002" + "0200"));
    }

    @Test
    void malformedCapabilityIsOpenUnspecific() {
        String[] bad = {
            "0103000101", // Multiprotocol, 3 octets
            "010500010001ff", // Multiprotocol, 5 octets
            "0201ff", // Route Refresh with a value
            "4601ff", // Enhanced Route Refresh with a value
            "0601ff", // Extended Message with a value
            "4102ffff", // 4-octet AS, 2 octets
            "4001ff", // Graceful Restart, 1 octet
            "4005007800010180", // Graceful Restart, 2 + 3
            "4503000101", // ADD-PATH, 3 octets
            "09020001", // BGP Role, 2 octets
            "4104", // capability longer than its parameter
            "41", // capability header cut in half
        };
        for (String cap : bad) {
            int len = cap.length() / 2;
            assertFailed(BgpError.OPEN_UNSPECIFIC, "", readOpen(String.format("%02x02%02x", len + 2, len) + cap));
        }
    }

    @Test
    void capabilityValuesTheRfcsSayToIgnoreAreKeptAsBytes() {
        // RFC 7911 §4: a Send/Receive value of 4 makes the capability "not understood"
        assertEquals(List.of(new UnknownCapability(69, Bytes.fromHex("00010104"))),
                okOpen(readOpen("08" + "0206" + "450400010104")).capabilities());
        // RFC 9234: an unassigned role is left to the OPEN validator
        assertEquals(List.of(new UnknownCapability(9, Bytes.fromHex("07"))),
                okOpen(readOpen("05" + "0203" + "090107")).capabilities());
        // hostname whose lengths do not add up, and one that is not UTF-8
        assertEquals(List.of(new UnknownCapability(73, Bytes.fromHex("0561"))),
                okOpen(readOpen("06" + "0204" + "49020561")).capabilities());
        assertEquals(List.of(new UnknownCapability(73, Bytes.fromHex("01ff00"))),
                okOpen(readOpen("07" + "0205" + "490301ff00")).capabilities());
    }

    @Test
    void multiprotocolReservedOctetIsIgnored() {
        assertEquals(List.of(new Capability.MultiProtocol(AddressFamily.IPV6_UNICAST)),
                okOpen(readOpen("08" + "0206" + "010400027f01")).capabilities());
    }

    @Test
    void semanticallyInvalidOpensStillDecode() {
        // version 3, AS 0, hold time 1, identifier 0: the FSM's OpenValidator rejects these
        OpenMessage odd = okOpen(read(frame(29, 1, "03" + "0000" + "0001" + "00000000" + "00"), CodecContext.INITIAL));
        assertEquals(new OpenMessage(3, 0, 1, RouterId.of(0), List.of()), odd);
    }

    @Test
    void emptyCapabilitiesParameterDecodes() {
        assertEquals(open(List.of(new OptionalParameter.Capabilities(List.of()))), okOpen(readOpen("02" + "0200")));
    }

    @Test
    void routeRefreshForAnyFamilyDecodes() {
        assertEquals(new DecodeResult.Ok(new RouteRefreshMessage(AddressFamily.of(2, 128), 0)),
                read(frame(23, 5, "00020080"), CodecContext.DEFAULT));
    }

    // ---- helpers -------------------------------------------------------------------------------

    static DecodeResult read(byte[] bytes, CodecContext ctx) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            return MessageReader.read(buf, ctx);
        } finally {
            buf.release();
        }
    }

    /** A message with the given length field and type, and the body as hex (the two may disagree). */
    static byte[] frame(int length, int type, String bodyHex) {
        return hex(MARKER + String.format("%04x%02x", length, type) + bodyHex);
    }

    /** An OPEN with {@link #OPEN_FIXED} and the given optional parameters part (length octet on). */
    private static DecodeResult readOpen(String paramsHex) {
        int length = 19 + 9 + paramsHex.length() / 2;
        return read(frame(length, 1, OPEN_FIXED + paramsHex), CodecContext.INITIAL);
    }

    private static OpenMessage open(List<OptionalParameter> params) {
        return new OpenMessage(4, 65001, 90, RouterId.parse("198.51.100.1"), params);
    }

    private static OpenMessage okOpen(DecodeResult r) {
        return (OpenMessage) assertInstanceOf(DecodeResult.Ok.class, r, r::toString).message();
    }

    static void assertFailed(BgpError error, String dataHex, DecodeResult r) {
        DecodeResult.Failed f = assertInstanceOf(DecodeResult.Failed.class, r, r::toString);
        assertEquals(error, f.error(), f.detail());
        assertEquals(dataHex, f.data().toHex(), f.detail());
    }
}
