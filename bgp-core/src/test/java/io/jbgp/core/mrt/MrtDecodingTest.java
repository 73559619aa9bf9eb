package io.jbgp.core.mrt;

import static io.jbgp.core.mrt.MrtHex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.NextHop;
import io.jbgp.core.attr.Origin;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.codec.DecodeResult;
import io.jbgp.core.codec.UpdateCodec;
import io.jbgp.core.codec.WireFormat;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.Inet6Address;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hand-built MRT records whose contents go through the UPDATE codec: RIB entry attributes
 * (with the abbreviated MP_REACH_NLRI of RFC 6396 §4.3.4) and BGP4MP UPDATEs in the contexts
 * their subtypes imply.
 */
class MrtDecodingTest {
    static final Instant T = MrtReaderTest.T;
    static final Instant ORIGINATED = Instant.ofEpochSecond(0x5f5e0000L);

    /** RIB_IPV4_UNICAST (RFC 6396 §4.3.2): one entry, 4-octet AS_PATH, classic NEXT_HOP. */
    static final byte[] RIB_IPV4 = bytes("""
            5f5e1000 000d 0002 0000002a   # TABLE_DUMP_V2, RIB_IPV4_UNICAST, 42 octets
            00000007 18 c63364 0001       # sequence 7, 198.51.100.0/24, 1 entry
            0001 5f5e0000 0018            # peer 1, originated, 24 octets of attributes
            40010100                      # ORIGIN IGP
            40020a 02 02 0000fde8 00030d41   # AS_PATH sequence 65000 200001 (always 4-octet)
            400304 c6336401               # NEXT_HOP 198.51.100.1
            """);

    /**
     * RIB_IPV6_UNICAST_ADDPATH (RFC 8050 §4): the first entry has the abbreviated MP_REACH_NLRI
     * with a global and a link-local next hop, the second the full RFC 4760 form older writers use.
     */
    static final byte[] RIB_IPV6_ADDPATH = bytes("""
            5f5e1000 000d 000a 00000073   # TABLE_DUMP_V2, RIB_IPV6_UNICAST_ADDPATH, 115 octets
            00000008 20 20010db8 0002     # sequence 8, 2001:db8::/32, 2 entries
            0000 5f5e0000 0000000b 0031   # peer 0, originated, path id 11, 49 octets
            40010100                      # ORIGIN IGP
            400206 02 01 0000fde8         # AS_PATH 65000
            800e21 20                     # MP_REACH_NLRI, abbreviated: next hop length 32
            20010db8000000000000000000000001 fe800000000000000000000000000001
            0001 5f5e0000 0000000c 001f   # peer 1, originated, path id 12, 31 octets
            40010102                      # ORIGIN INCOMPLETE
            400200                        # AS_PATH empty
            800e15 0002 01 10 20010db8000000000000000000000002 00   # MP_REACH_NLRI, full form
            """);

    /** BGP4MP MESSAGE (2-octet AS) carrying an UPDATE for 198.51.100.0/24. */
    static final byte[] BGP4MP_UPDATE = bytes("""
            5f5e1000 0010 0001 0000003d   # BGP4MP, MESSAGE, 61 octets
            fde8 fde9 0000 0001 c6336401 cb007101
            ffffffffffffffffffffffffffffffff 002d 02   # UPDATE, 45 octets
            0000 0012                     # no withdrawals, 18 octets of attributes
            40010100 400204 02 01 fde8 400304 c6336401   # IGP, AS_PATH 65000 (2-octet), NEXT_HOP
            18 c63364                     # 198.51.100.0/24
            """);

    /** BGP4MP MESSAGE_AS4_ADDPATH (RFC 8050 §3): 4-octet AS_PATH and a path identifier on the NLRI. */
    static final byte[] BGP4MP_AS4_ADDPATH_UPDATE = bytes("""
            5f5e1000 0010 0009 00000047   # BGP4MP, MESSAGE_AS4_ADDPATH, 71 octets
            0000fde8 0000fde9 0000 0001 c6336401 cb007101
            ffffffffffffffffffffffffffffffff 0033 02   # UPDATE, 51 octets
            0000 0014                     # no withdrawals, 20 octets of attributes
            40010100 400206 02 01 0000fde8 400304 c6336401
            00000005 18 c63364            # path id 5, 198.51.100.0/24
            """);

    @Test
    void ribIpv4EntryDecodesItsAttributes() {
        RibEntries expected = new RibEntries(T, AddressFamily.IPV4_UNICAST, false, 7,
                IpPrefix.parse("198.51.100.0/24"), List.of(new RibEntry(1, ORIGINATED, Nlri.NO_PATH_ID,
                        PathAttributes.of(Origin.IGP, AsPath.sequence(65000, 200001), NextHop.parse("198.51.100.1")),
                        Optional.of(IpPrefix.parseAddress("198.51.100.1")), Optional.empty())));
        assertEquals(expected, MrtReaderTest.readOne(RIB_IPV4));
    }

    @Test
    void ribIpv6AddPathEntriesTakeTheNextHopFromEitherMpReachForm() {
        RibEntries expected = new RibEntries(T, AddressFamily.IPV6_UNICAST, true, 8,
                IpPrefix.parse("2001:db8::/32"), List.of(
                        new RibEntry(0, ORIGINATED, 11, PathAttributes.of(Origin.IGP, AsPath.sequence(65000)),
                                Optional.of(IpPrefix.parseAddress("2001:db8::1")),
                                Optional.of((Inet6Address) IpPrefix.parseAddress("fe80::1"))),
                        new RibEntry(1, ORIGINATED, 12, PathAttributes.of(Origin.INCOMPLETE, AsPath.EMPTY),
                                Optional.of(IpPrefix.parseAddress("2001:db8::2")), Optional.empty())));
        assertEquals(expected, MrtReaderTest.readOne(RIB_IPV6_ADDPATH));
    }

    @Test
    void ribEntryWhoseAttributesWouldBeWithdrawnMakesTheRecordMalformed() {
        byte[] badOrigin = bytes("""
                5f5e1000 000d 0002 00000019   # RIB_IPV4_UNICAST, 25 octets
                00000001 18 c63364 0001       # sequence 1, 198.51.100.0/24, 1 entry
                0003 5f5e0000 0007            # peer 3, originated, 7 octets of attributes
                400101 05 400200              # ORIGIN 5 (RFC 7606 §7.1: treat-as-withdraw), empty AS_PATH
                """);
        MrtRecord.Malformed m = assertInstanceOf(MrtRecord.Malformed.class, MrtReaderTest.readOne(badOrigin));
        assertTrue(m.reason().startsWith("entry 0 (peer index 3): "), m.reason());
        assertTrue(m.reason().contains("ORIGIN"), m.reason());
    }

    @Test
    void ribEntryKeepsItsPathWhenAnAttributeIsDiscarded() {
        byte[] badAtomicAggregate = bytes("""
                5f5e1000 000d 0002 0000001d   # RIB_IPV4_UNICAST, 29 octets
                00000001 18 c63364 0001       # sequence 1, 198.51.100.0/24, 1 entry
                0003 5f5e0000 000b            # peer 3, originated, 11 octets of attributes
                40010100 400200               # ORIGIN IGP, empty AS_PATH
                400601 00                     # ATOMIC_AGGREGATE of length 1: RFC 7606 §7.6 discard
                """);
        RibEntries r = assertInstanceOf(RibEntries.class, MrtReaderTest.readOne(badAtomicAggregate));
        assertEquals(List.of(new RibEntry(3, ORIGINATED, Nlri.NO_PATH_ID, PathAttributes.of(Origin.IGP, AsPath.EMPTY),
                Optional.empty(), Optional.empty())), r.entries());
    }

    @Test
    void bgp4mpUpdateDecodesWithTwoOctetAs() {
        UpdateMessage expected = UpdateMessage.announce(
                PathAttributes.of(Origin.IGP, AsPath.sequence(65000), NextHop.parse("198.51.100.1")),
                List.of(Nlri.of(IpPrefix.parse("198.51.100.0/24"))));
        assertDecodesAndReencodes(expected, BGP4MP_UPDATE);
    }

    @Test
    void bgp4mpAs4AddPathUpdateDecodesPathIdentifiers() {
        UpdateMessage expected = UpdateMessage.announce(
                PathAttributes.of(Origin.IGP, AsPath.sequence(65000), NextHop.parse("198.51.100.1")),
                List.of(Nlri.of(IpPrefix.parse("198.51.100.0/24"), 5)));
        assertDecodesAndReencodes(expected, BGP4MP_AS4_ADDPATH_UPDATE);
    }

    private static void assertDecodesAndReencodes(UpdateMessage expected, byte[] record) {
        Bgp4mpMessage m = (Bgp4mpMessage) MrtReaderTest.readOne(record);
        DecodeResult.Ok ok = assertInstanceOf(DecodeResult.Ok.class, Bgp4mpCodec.decodeMessage(m));
        assertEquals(expected, ok.message());
        ByteBuf out = Unpooled.buffer();
        try {
            UpdateCodec.encode(expected, m.codecContext(), out);
            byte[] body = Arrays.copyOfRange(m.message().unsafeArray(), WireFormat.HEADER_LENGTH, m.message().length());
            assertEquals(ByteBufUtil.hexDump(body), ByteBufUtil.hexDump(out));
        } finally {
            out.release();
        }
    }
}
