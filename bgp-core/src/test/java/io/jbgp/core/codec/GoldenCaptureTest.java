package io.jbgp.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.Communities;
import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.LargeCommunities;
import io.jbgp.core.attr.LargeCommunity;
import io.jbgp.core.attr.MultiExitDisc;
import io.jbgp.core.attr.NextHop;
import io.jbgp.core.attr.Origin;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.message.MpReach;
import io.jbgp.core.message.MpUnreach;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The captures of {@code scripts/capture-golden.sh} as a whole: every file says who sent it,
 * every non-UPDATE capture is a {@link WireVectors} constant (so it is checked both ways), and
 * every UPDATE decodes to an {@link UpdateMessage} that survives re-encoding. A few UPDATEs are
 * compared with records written by hand from the RFC 4271 / RFC 4760 layouts.
 */
class GoldenCaptureTest {
    /** What both sessions negotiated: 4-octet AS, IPv4 and IPv6 unicast, no ADD-PATH both ways. */
    private static final CodecContext SESSION = CodecContext.DEFAULT;

    static List<String> updateCaptures() {
        return WireVectors.goldenFiles().stream().filter(n -> n.contains("-update-")).collect(Collectors.toList());
    }

    @Test
    void thereAreCapturesFromBothDaemons() {
        List<String> files = WireVectors.goldenFiles();
        assertTrue(files.stream().filter(f -> f.startsWith("frr-")).count() >= 10, files::toString);
        assertTrue(files.stream().filter(f -> f.startsWith("openbgpd-")).count() >= 10, files::toString);
        for (String f : files) {
            String comment = WireVectors.goldenComment(f);
            assertTrue(comment.startsWith("# sent by " + (f.startsWith("frr-") ? "FRR " : "OpenBGPD ")),
                    f + ": " + comment);
        }
    }

    @Test
    void everyNonUpdateCaptureIsCheckedBothWays() {
        Set<String> vectors = WireVectors.all().stream().map(WireVectors.TestVector::name).collect(Collectors.toSet());
        for (String f : WireVectors.goldenFiles()) {
            if (!f.contains("-update-")) {
                assertTrue(vectors.contains(f), f + " has no WireVectors constant");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updateCaptures")
    void everyUpdateCaptureDecodesAndSurvivesReencoding(String name) {
        UpdateMessage update = decode(name);
        byte[] again = MessageWriter.toBytes(update, SESSION);
        assertEquals(new DecodeResult.Ok(update), MessageReaderTest.read(again, SESSION), name);
    }

    /**
     * The UPDATE captures re-encode byte for byte once the sender's free choices are given as an
     * {@link AttributeLayout}: FRR puts MP_REACH_NLRI first and sets Extended Length on AS_PATH
     * and the MP attributes (not on an End-of-RIB's MP_UNREACH_NLRI); OpenBGPD uses it only on
     * MP_UNREACH_NLRI with prefixes. OpenBGPD's IPv6 announcement is left out: it puts
     * MP_REACH_NLRI last, after LARGE_COMMUNITY, which no layout reproduces (nor needs to).
     */
    @Test
    void updateCapturesReencodeExactlyWithTheSendersLayout() {
        AttributeLayout frr = AttributeLayout.DEFAULT.withExtendedLength(2, 14, 15);
        AttributeLayout openBgpd = AttributeLayout.DEFAULT.withExtendedLength(15);
        java.util.Map<String, AttributeLayout> layouts = new java.util.TreeMap<>();
        for (String name : updateCaptures()) {
            if (name.endsWith("-eor-ipv6") || name.endsWith("-eor-ipv4")) {
                layouts.put(name, AttributeLayout.DEFAULT);
            } else if (name.startsWith("frr-")) {
                layouts.put(name, frr);
            } else if (!name.equals("openbgpd-update-ipv6-announce")) {
                layouts.put(name, openBgpd);
            }
        }
        assertTrue(layouts.size() >= updateCaptures().size() - 1, layouts::toString);
        layouts.forEach((name, layout) -> {
            io.netty.buffer.ByteBuf out = io.netty.buffer.Unpooled.buffer();
            try {
                byte[] expected = WireVectors.goldenBytes(name);
                out.writeBytes(expected, 0, 19);
                UpdateCodec.encode(decode(name), SESSION, out, layout);
                byte[] actual = new byte[out.readableBytes()];
                out.readBytes(actual);
                WireVectors.assertHexEquals(expected, actual, name);
            } finally {
                out.release();
            }
        });
    }

    @Test
    void endOfRibMarkers() {
        for (String sender : List.of("frr", "openbgpd")) {
            assertEquals(Optional.of(AddressFamily.IPV4_UNICAST), decode(sender + "-update-eor-ipv4").endOfRibFamily());
            assertEquals(Optional.of(AddressFamily.IPV6_UNICAST), decode(sender + "-update-eor-ipv6").endOfRibFamily());
        }
    }

    @Test
    void openBgpdIpv4Announcement() {
        PathAttributes attrs = PathAttributes.of(Origin.IGP, AsPath.sequence(65501), NextHop.parse("198.51.100.1"),
                Communities.of(Community.of(65501, 100)),
                new LargeCommunities(List.of(new LargeCommunity(65501, 1, 1))));
        assertEquals(UpdateMessage.announce(attrs, List.of(nlri("198.51.100.0/25"))),
                decode("openbgpd-update-ipv4-announce"));
    }

    @Test
    void openBgpdIpv6AnnouncementInMpReach() throws UnknownHostException {
        PathAttributes attrs = PathAttributes.of(Origin.IGP, AsPath.sequence(65501),
                Communities.of(Community.of(65501, 300)),
                new LargeCommunities(List.of(new LargeCommunity(65501, 3, 3))));
        MpReach reach = new MpReach(AddressFamily.IPV6_UNICAST, InetAddress.getByName("2001:db8::1"),
                List.of(nlri("2001:db8:1::/48")));
        assertEquals(new UpdateMessage(List.of(), attrs, Optional.of(reach), Optional.empty(), List.of()),
                decode("openbgpd-update-ipv6-announce"));
    }

    @Test
    void frrIpv4AnnouncementWithMed() {
        // FRR sends its own 127.0.0.2 as next hop and MED 0; AS_PATH with the extended length bit
        PathAttributes attrs = PathAttributes.of(Origin.IGP, AsPath.sequence(65502), NextHop.parse("127.0.0.2"),
                MultiExitDisc.of(0), Communities.of(Community.of(65502, 100), Community.of(65502, 200)),
                new LargeCommunities(List.of(new LargeCommunity(65502, 1, 1))));
        assertEquals(UpdateMessage.announce(attrs, List.of(nlri("198.51.100.128/25"), nlri("203.0.113.128/25"))),
                decode("frr-update-ipv4-announce-2"));
    }

    @Test
    void withdrawals() {
        assertEquals(UpdateMessage.withdraw(List.of(nlri("203.0.113.128/25"))), decode("frr-update-ipv4-withdraw"));
        assertEquals(new UpdateMessage(List.of(), PathAttributes.EMPTY, Optional.empty(),
                        Optional.of(new MpUnreach(AddressFamily.IPV6_UNICAST, List.of(nlri("2001:db8:1::/48")))),
                        List.of()),
                decode("openbgpd-update-ipv6-withdraw"));
    }

    private static UpdateMessage decode(String name) {
        DecodeResult r = MessageReaderTest.read(WireVectors.goldenBytes(name), SESSION);
        DecodeResult.Ok ok = assertInstanceOf(DecodeResult.Ok.class, r, () -> name + ": " + r);
        assertEquals(List.of(), ok.discarded(), name);
        return assertInstanceOf(UpdateMessage.class, ok.message(), name);
    }

    private static Nlri nlri(String prefix) {
        return Nlri.of(IpPrefix.parse(prefix));
    }
}
