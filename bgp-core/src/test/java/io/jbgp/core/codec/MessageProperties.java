package io.jbgp.core.codec;

import static io.jbgp.core.testing.MessageGenerators.bytes;
import static io.jbgp.core.testing.MessageGenerators.keepalives;
import static io.jbgp.core.testing.MessageGenerators.messages;
import static io.jbgp.core.testing.MessageGenerators.notifications;
import static io.jbgp.core.testing.MessageGenerators.opens;
import static io.jbgp.core.testing.MessageGenerators.routeRefreshes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.MessageType;
import io.jbgp.core.message.OpenMessage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of the message codec: every generated message survives encode then decode, and no
 * input at all makes {@link MessageReader#read} throw (the Java counterpart of GoBGP's
 * {@code FuzzParseBGPMessage}). Fixed seeds, so a failure reproduces; QuickTheories shrinks it.
 */
class MessageProperties {
    private static final long SEED = 0x6a62_6770L;
    private static final int OPEN_NON_EXT_LENGTH = 28;

    @Test
    void openRoundTrips() {
        AtomicInteger extended = new AtomicInteger();
        qt().withFixedSeed(SEED).withExamples(2000).forAll(opens()).checkAssert(open -> {
            byte[] bytes = MessageWriter.toBytes(open, CodecContext.INITIAL);
            assertEquals(new DecodeResult.Ok(open), read(bytes, CodecContext.INITIAL));
            if (isExtendedForm(bytes)) {
                extended.incrementAndGet();
            }
        });
        // the generator must really exercise the RFC 9072 form
        assertTrue(extended.get() > 50, "only " + extended.get() + " OPENs used the extended form");
    }

    @Test
    void extendedParametersFormIsUsedOnlyWhenTheClassicOneCannotHoldThem() {
        qt().withFixedSeed(SEED + 1).withExamples(1000).forAll(opens()).checkAssert(open -> {
            byte[] bytes = MessageWriter.toBytes(open, CodecContext.INITIAL);
            int params = bytes.length - 29;
            if (isExtendedForm(bytes)) {
                // RFC 9072: 3 more octets up front, one more per parameter
                int classic = params - 3 - open.parameters().size();
                assertTrue(classic > 255, "extended form for " + classic + " octets of parameters");
            } else {
                assertEquals(params, bytes[OPEN_NON_EXT_LENGTH] & 0xFF);
            }
        });
    }

    @Test
    void notificationRoundTrips() {
        qt().withFixedSeed(SEED + 2).withExamples(1000).forAll(notifications()).checkAssert(n ->
                assertEquals(new DecodeResult.Ok(n), read(MessageWriter.toBytes(n, CodecContext.DEFAULT),
                        CodecContext.DEFAULT)));
    }

    @Test
    void routeRefreshRoundTrips() {
        qt().withFixedSeed(SEED + 3).withExamples(500).forAll(routeRefreshes()).checkAssert(r ->
                assertEquals(new DecodeResult.Ok(r), read(MessageWriter.toBytes(r, CodecContext.DEFAULT),
                        CodecContext.DEFAULT)));
    }

    @Test
    void keepaliveRoundTrips() {
        qt().withFixedSeed(SEED + 4).withExamples(10).forAll(keepalives()).checkAssert(k ->
                assertEquals(new DecodeResult.Ok(k), read(MessageWriter.toBytes(k, CodecContext.DEFAULT),
                        CodecContext.DEFAULT)));
    }

    @Test
    void arbitraryBytesNeverThrow() {
        qt().withFixedSeed(SEED + 5).withExamples(3000).forAll(bytes(integers().between(0, 4096)))
                .checkAssert(b -> assertDecodes(b, CodecContext.DEFAULT));
    }

    @Test
    void garbageBehindAValidHeaderNeverThrows() {
        // a good marker, a length that matches, any type 1..5, then noise: reaches the body decoders
        Gen<byte[]> framed = integers().between(1, 5).zip(bytes(integers().between(0, 600)), (type, body) -> {
            byte[] msg = new byte[19 + body.length];
            java.util.Arrays.fill(msg, 0, 16, (byte) 0xFF);
            msg[16] = (byte) (msg.length >>> 8);
            msg[17] = (byte) msg.length;
            msg[18] = type.byteValue();
            System.arraycopy(body, 0, msg, 19, body.length);
            return msg;
        });
        qt().withFixedSeed(SEED + 6).withExamples(3000).forAll(framed)
                .checkAssert(b -> assertDecodes(b, CodecContext.DEFAULT));
    }

    @Test
    void mutatedValidMessagesNeverThrow() {
        // 1..6 octets overwritten after the marker; with fixLength the length field is then set to
        // the real size (maybe truncated), so the mutation reaches the body decoders
        Gen<List<Integer>> edits = lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(2, 12);
        Gen<byte[]> mutated = messages().zip(edits, Generate.booleans(), (m, e, fixLength) -> {
            byte[] msg = MessageWriter.toBytes(m, CodecContext.INITIAL);
            int length = fixLength ? Math.max(19, msg.length - e.get(0) % 8) : msg.length;
            msg = java.util.Arrays.copyOf(msg, length);
            for (int i = 0; i + 1 < e.size(); i += 2) {
                msg[16 + e.get(i) % (msg.length - 16)] = e.get(i + 1).byteValue();
            }
            if (fixLength) {
                msg[16] = (byte) (msg.length >>> 8);
                msg[17] = (byte) msg.length;
            }
            return msg;
        });
        qt().withFixedSeed(SEED + 7).withExamples(5000).forAll(mutated).checkAssert(b -> {
            DecodeResult r = assertDecodes(b, CodecContext.INITIAL);
            if (r instanceof DecodeResult.Ok ok && ok.message().type() != MessageType.UPDATE) {
                // whatever we accept, we can write, and reading it back gives the same message
                BgpMessage m = ok.message();
                assertEquals(r, read(MessageWriter.toBytes(m, CodecContext.INITIAL), CodecContext.INITIAL));
            }
        });
    }

    @Test
    void nonStandardOpensDecodeWhenSyntacticallyFine() {
        // version, AS, hold time and identifier are the validator's business, never the codec's
        qt().withFixedSeed(SEED + 8).withExamples(300).forAll(opens()).checkAssert(open -> {
            OpenMessage odd = new OpenMessage(open.version() ^ 0x04, 0, 1, io.jbgp.core.types.RouterId.of(0),
                    open.parameters());
            assertEquals(new DecodeResult.Ok(odd), read(MessageWriter.toBytes(odd, CodecContext.INITIAL),
                    CodecContext.INITIAL));
        });
    }

    /**
     * The result is one of the three kinds, and for every type but UPDATE (whose codec lives
     * elsewhere) it came from the decoders' own checks, not from the safety net in
     * {@link MessageReader#read}, which labels its results "malformed ...".
     */
    private static DecodeResult assertDecodes(byte[] bytes, CodecContext ctx) {
        DecodeResult r = read(bytes, ctx);
        assertInstanceOf(DecodeResult.class, r);
        if (r instanceof DecodeResult.Failed f && !(bytes.length > 18 && bytes[18] == 2)) {
            assertFalse(f.detail().startsWith("malformed "), "decoder relied on the safety net: " + f);
        }
        return r;
    }

    private static boolean isExtendedForm(byte[] open) {
        return open.length > 29 && (open[OPEN_NON_EXT_LENGTH + 1] & 0xFF) == 255;
    }

    private static DecodeResult read(byte[] bytes, CodecContext ctx) {
        return MessageReaderTest.read(bytes, ctx);
    }
}
