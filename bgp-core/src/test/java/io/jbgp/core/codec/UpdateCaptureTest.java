package io.jbgp.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.attr.Community;
import io.jbgp.core.message.MpReach;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Bytes;
import io.jbgp.core.types.IpPrefix;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * UPDATEs captured from FRR 8.4.4 and OpenBGPD 7.7 ({@code src/test/resources/golden/*update*.hex},
 * written by {@code scripts/capture-golden.sh}): each decodes Ok and re-encodes to the same
 * octets in the sender's {@link AttributeLayout}, which this test reads off the capture. What the
 * captures show: FRR puts MP_REACH_NLRI first, OpenBGPD last; both set Extended Length on a
 * non-empty MP attribute, FRR also on AS_PATH.
 */
class UpdateCaptureTest {
    static final List<String> CAPTURES = List.of("frr-update-eor-ipv4", "frr-update-eor-ipv6",
            "frr-update-ipv4-announce", "frr-update-ipv4-announce-2", "frr-update-ipv4-announce-3",
            "frr-update-ipv4-withdraw", "frr-update-ipv6-announce", "frr-update-ipv6-announce-2",
            "frr-update-ipv6-withdraw", "openbgpd-update-eor-ipv4", "openbgpd-update-eor-ipv6",
            "openbgpd-update-ipv4-announce", "openbgpd-update-ipv4-announce-2", "openbgpd-update-ipv6-announce",
            "openbgpd-update-ipv6-withdraw");

    static List<String> captures() {
        return CAPTURES;
    }

    /** The message octets of a capture, header included. */
    static byte[] capture(String name) {
        try (InputStream in = UpdateCaptureTest.class.getResourceAsStream("/golden/" + name + ".hex")) {
            if (in == null) {
                throw new IllegalStateException("missing capture " + name);
            }
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.startsWith("#")) {
                    hex.append(line.trim());
                }
            }
            return Bytes.fromHex(hex.toString()).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] body(byte[] message) {
        assertEquals(2, message[18], "an UPDATE");
        assertEquals(message.length, (message[16] & 0xFF) << 8 | (message[17] & 0xFF), "header length");
        return java.util.Arrays.copyOfRange(message, 19, message.length);
    }

    private static UpdateMessage decodeOk(String name) {
        DecodeResult r = UpdateCodec.decode(Unpooled.wrappedBuffer(body(capture(name))), CodecContext.DEFAULT);
        DecodeResult.Ok ok = assertInstanceOf(DecodeResult.Ok.class, r, name);
        assertTrue(ok.discarded().isEmpty(), ok.toString());
        return (UpdateMessage) ok.message();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void captureDecodesAndReencodesByteForByte(String name) {
        byte[] body = body(capture(name));
        UpdateMessage u = decodeOk(name);
        ByteBuf out = Unpooled.buffer();
        try {
            UpdateCodec.encode(u, CodecContext.DEFAULT, out, UpdateMrtReplayTest.layoutOf(body));
            UpdateGoldenTest.assertHexEquals(ByteBufUtil.hexDump(body), ByteBufUtil.hexDump(out), name + " " + u);
        } finally {
            out.release();
        }
    }

    @Test
    void frrSendsAnIpv4MappedIpv6NextHopOverAnIpv4Session() {
        UpdateMessage u = decodeOk("frr-update-ipv6-announce");
        MpReach r = u.mpReach().orElseThrow();
        assertEquals(AddressFamily.IPV6_UNICAST, r.family());
        // ::ffff:127.0.0.2 stays an IPv6 address, so it is written back as 16 octets
        assertInstanceOf(Inet6Address.class, r.nextHop());
        assertEquals("00000000000000000000ffff7f000002", Bytes.of(r.nextHop().getAddress()).toHex());
        assertEquals(List.of(io.jbgp.core.message.Nlri.of(IpPrefix.parse("2001:db8:1::/48"))), r.nlri());
        assertTrue(u.attributes().communities().orElseThrow().contains(Community.of(65502, 100)));
    }

    @Test
    void endOfRibCapturesAreEndOfRibForTheirFamily() {
        assertEquals(Optional.of(AddressFamily.IPV4_UNICAST), decodeOk("frr-update-eor-ipv4").endOfRibFamily());
        assertEquals(Optional.of(AddressFamily.IPV6_UNICAST), decodeOk("openbgpd-update-eor-ipv6").endOfRibFamily());
        assertFalse(decodeOk("openbgpd-update-ipv6-withdraw").isEndOfRib());
    }

    @Test
    void theSendersLayoutsDiffer() {
        assertEquals(AttributeLayout.DEFAULT.withExtendedLength(2, 14),
                UpdateMrtReplayTest.layoutOf(body(capture("frr-update-ipv6-announce"))));
        assertEquals(AttributeLayout.MP_LAST.withExtendedLength(14),
                UpdateMrtReplayTest.layoutOf(body(capture("openbgpd-update-ipv6-announce"))));
    }
}
