package io.jbgp.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbgp.core.types.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@link UpdateVectors} vector in both directions. */
class UpdateGoldenTest {

    static List<UpdateVectors.TestVector> vectors() {
        return UpdateVectors.ALL;
    }

    /** Hex compared as spaced-out text, so a failure shows where the octets part. */
    static void assertHexEquals(String expected, String actual, String message) {
        assertEquals(spaced(expected.replaceAll("\\s+", "")), spaced(actual), message);
    }

    private static String spaced(String hex) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            sb.append(hex, i, Math.min(i + 2, hex.length())).append(i % 32 == 30 ? '\n' : ' ');
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesToTheExpectedRecord(UpdateVectors.TestVector v) {
        ByteBuf in = Unpooled.wrappedBuffer(Bytes.fromHex(v.hex()).toArray());
        assertEquals(new DecodeResult.Ok(v.expected()), UpdateCodec.decode(in, v.ctx()));
        assertEquals(0, in.readableBytes(), "the body is consumed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodesToTheExpectedOctets(UpdateVectors.TestVector v) {
        ByteBuf out = Unpooled.buffer();
        try {
            UpdateCodec.encode(v.expected(), v.ctx(), out);
            assertHexEquals(v.encodedHex(), ByteBufUtil.hexDump(out), v.name());
        } finally {
            out.release();
        }
    }
}
