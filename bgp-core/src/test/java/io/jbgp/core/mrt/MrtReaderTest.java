package io.jbgp.core.mrt;

import static io.jbgp.core.mrt.MrtHex.bytes;
import static io.jbgp.core.mrt.MrtHex.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.Bytes;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hand-built MRT records (hex, fields commented) through {@link MrtReader}: framing and bodies. */
class MrtReaderTest {
    static final Instant T = Instant.ofEpochSecond(1_600_000_000L);
    static final byte[] KEEPALIVE = bytes("ffffffffffffffffffffffffffffffff 0013 04");

    /** BGP4MP MESSAGE (RFC 6396 §4.4.2): 2-octet ASes, IPv4 session, a KEEPALIVE. */
    static final byte[] BGP4MP_MESSAGE = concat(bytes("""
            5f5e1000 0010 0001 00000023   # 1600000000, BGP4MP, MESSAGE, 35 octets
            fde8 fde9                     # peer AS 65000, local AS 65001
            0000 0001                     # interface 0, AFI IPv4
            c6336401 cb007101             # peer 198.51.100.1, local 203.0.113.1
            """), KEEPALIVE);

    /** BGP4MP_ET MESSAGE_AS4 (RFC 6396 §3, §4.4.3): microseconds, 4-octet ASes, IPv6 session. */
    static final byte[] BGP4MP_ET_MESSAGE_AS4 = concat(bytes("""
            5f5e1000 0011 0004 00000043   # BGP4MP_ET, MESSAGE_AS4, 67 octets (microseconds included)
            0007a120                      # 500000 microseconds
            00030d41 0000fde8             # peer AS 200001, local AS 65000
            0003 0002                     # interface 3, AFI IPv6
            20010db8000000000000000000000001   # peer 2001:db8::1
            20010db8000000000000000000000002   # local 2001:db8::2
            """), KEEPALIVE);

    /** BGP4MP STATE_CHANGE (RFC 6396 §4.4.1): Idle to Connect. */
    static final byte[] STATE_CHANGE = bytes("""
            5f5e1000 0010 0000 00000014   # BGP4MP, STATE_CHANGE, 20 octets
            fde8 fde9 0000 0001           # peer AS 65000, local AS 65001, interface 0, IPv4
            c6336401 cb007101             # peer, local
            0001 0002                     # Idle -> Connect
            """);

    /** BGP4MP STATE_CHANGE_AS4 (RFC 6396 §4.4.4): OpenConfirm to Established. */
    static final byte[] STATE_CHANGE_AS4 = bytes("""
            5f5e1000 0010 0005 00000018   # BGP4MP, STATE_CHANGE_AS4, 24 octets
            00030d41 0000fde9 0000 0001   # peer AS 200001, local AS 65001, interface 0, IPv4
            c6336401 cb007101             # peer, local
            0005 0006                     # OpenConfirm -> Established
            """);

    /** TABLE_DUMP_V2 PEER_INDEX_TABLE (RFC 6396 §4.3.1): an IPv4 2-octet peer, an IPv6 AS4 one. */
    static final byte[] PEER_INDEX = bytes("""
            5f5e1000 000d 0001 0000002e   # TABLE_DUMP_V2, PEER_INDEX_TABLE, 46 octets
            c6336401                      # collector BGP ID 198.51.100.1
            0002 7276                     # view name "rv"
            0002                          # 2 peers
            00 0a000001 c6336402 fde8     # IPv4, 2-octet AS: 10.0.0.1, 198.51.100.2, AS 65000
            03 0a000002 20010db8000000000000000000000003 00030d41  # IPv6, AS4: 2001:db8::3, AS 200001
            """);

    static final Bgp4mpMessage BGP4MP_MESSAGE_RECORD = new Bgp4mpMessage(T, Bgp4mpSubtype.MESSAGE,
            Asn.of(65000), Asn.of(65001), 0, IpPrefix.parseAddress("198.51.100.1"),
            IpPrefix.parseAddress("203.0.113.1"), Bytes.of(KEEPALIVE));

    static List<MrtRecord> readAll(byte[] input) {
        List<MrtRecord> out = new ArrayList<>();
        try (MrtReader r = new MrtReader(new ByteArrayInputStream(input))) {
            r.forEachRemaining(out::add);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    static MrtRecord readOne(byte[] input) {
        List<MrtRecord> all = readAll(input);
        assertEquals(1, all.size(), () -> "records: " + all);
        return all.get(0);
    }

    @Test
    void bgp4mpMessageKeepsTheBgpMessageOctets() {
        assertEquals(BGP4MP_MESSAGE_RECORD, readOne(BGP4MP_MESSAGE));
    }

    @Test
    void bgp4mpEtMessageAs4HasMicrosecondsAndFourOctetAses() {
        Bgp4mpMessage expected = new Bgp4mpMessage(T.plusNanos(500_000_000L), Bgp4mpSubtype.MESSAGE_AS4,
                Asn.of(200001), Asn.of(65000), 3, IpPrefix.parseAddress("2001:db8::1"),
                IpPrefix.parseAddress("2001:db8::2"), Bytes.of(KEEPALIVE));
        Bgp4mpMessage actual = (Bgp4mpMessage) readOne(BGP4MP_ET_MESSAGE_AS4);
        assertEquals(expected, actual);
        assertTrue(actual.codecContext().fourOctetAs());
    }

    @Test
    void stateChangesReadBothStates() {
        assertEquals(new Bgp4mpStateChange(T, Bgp4mpSubtype.STATE_CHANGE, Asn.of(65000), Asn.of(65001), 0,
                IpPrefix.parseAddress("198.51.100.1"), IpPrefix.parseAddress("203.0.113.1"),
                Bgp4mpStateChange.IDLE, Bgp4mpStateChange.CONNECT), readOne(STATE_CHANGE));
        assertEquals(new Bgp4mpStateChange(T, Bgp4mpSubtype.STATE_CHANGE_AS4, Asn.of(200001), Asn.of(65001), 0,
                IpPrefix.parseAddress("198.51.100.1"), IpPrefix.parseAddress("203.0.113.1"),
                Bgp4mpStateChange.OPEN_CONFIRM, Bgp4mpStateChange.ESTABLISHED), readOne(STATE_CHANGE_AS4));
        assertEquals("ESTABLISHED", Bgp4mpStateChange.stateName(6));
        assertEquals("state 9", Bgp4mpStateChange.stateName(9));
    }

    /** Builds a BGP4MP record of any subtype around a KEEPALIVE, AS width per the subtype. */
    static byte[] bgp4mp(Bgp4mpSubtype subtype) {
        int asWidth = subtype.hasFourOctetAs() ? 4 : 2;
        ByteBuffer body = ByteBuffer.allocate(2 * asWidth + 4 + 8 + KEEPALIVE.length);
        if (asWidth == 4) {
            body.putInt(200001).putInt(65001);
        } else {
            body.putShort((short) 65000).putShort((short) 65001);
        }
        body.putShort((short) 7).putShort((short) 1).put(bytes("c6336401 cb007101")).put(KEEPALIVE);
        ByteBuffer rec = ByteBuffer.allocate(12 + body.capacity());
        rec.putInt(1_600_000_000).putShort((short) 16).putShort((short) subtype.code()).putInt(body.capacity());
        return rec.put(body.array()).array();
    }

    @ParameterizedTest
    @EnumSource(value = Bgp4mpSubtype.class, mode = EnumSource.Mode.EXCLUDE, names = {"STATE_CHANGE", "STATE_CHANGE_AS4"})
    void everyMessageSubtypeImpliesItsCodecContext(Bgp4mpSubtype subtype) {
        Bgp4mpMessage m = (Bgp4mpMessage) readOne(bgp4mp(subtype));
        assertEquals(subtype, m.subtype());
        assertEquals(Asn.of(subtype.hasFourOctetAs() ? 200001 : 65000), m.peerAs());
        assertEquals(7, m.interfaceIndex());
        assertEquals(Bytes.of(KEEPALIVE), m.message());
        CodecContext ctx = m.codecContext();
        assertEquals(subtype.hasFourOctetAs(), ctx.fourOctetAs());
        assertTrue(ctx.extendedMessage(), "MRT may hold messages longer than 4096 octets");
        Set<AddressFamily> addPath = subtype.isAddPath()
                ? Set.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST) : Set.of();
        assertEquals(addPath, ctx.addPathReceive());
        assertEquals(subtype.name().contains("LOCAL"), subtype.isLocal());
        assertEquals(subtype.name().contains("ADDPATH"), subtype.isAddPath());
    }

    @Test
    void subtypeCodesFollowRfc6396AndRfc8050() {
        assertEquals(List.of(0, 1, 4, 5, 6, 7, 8, 9, 10, 11),
                List.of(Bgp4mpSubtype.values()).stream().map(Bgp4mpSubtype::code).collect(Collectors.toList()));
        for (Bgp4mpSubtype s : Bgp4mpSubtype.values()) {
            assertEquals(s, Bgp4mpSubtype.fromCode(s.code()));
        }
        assertEquals(null, Bgp4mpSubtype.fromCode(2));
        assertEquals(null, Bgp4mpSubtype.fromCode(12));
        assertEquals(null, Bgp4mpSubtype.fromCode(-1));
    }

    @Test
    void peerIndexTableReadsBothPeerTypes() {
        PeerIndexTable expected = new PeerIndexTable(T, RouterId.parse("198.51.100.1"), "rv", List.of(
                new PeerIndexTable.Peer(RouterId.parse("10.0.0.1"), IpPrefix.parseAddress("198.51.100.2"), Asn.of(65000)),
                new PeerIndexTable.Peer(RouterId.parse("10.0.0.2"), IpPrefix.parseAddress("2001:db8::3"), Asn.of(200001))));
        assertEquals(expected, readOne(PEER_INDEX));
        try (MrtReader r = new MrtReader(new ByteArrayInputStream(PEER_INDEX))) {
            assertTrue(r.peerIndexTable().isEmpty());
            r.next();
            assertEquals(expected, r.peerIndexTable().orElseThrow());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unsupportedTypesAndSubtypesAreSkippedWithAReason() {
        byte[] input = bytes("""
                5f5e1000 000d 0006 00000000   # TABLE_DUMP_V2 RIB_GENERIC
                5f5e1000 000c 0001 00000000   # TABLE_DUMP (v1)
                5f5e1000 000b 0000 00000002 abcd  # OSPFv2
                5f5e1000 0010 0002 00000000   # BGP4MP subtype 2 (deprecated)
                5f5e1000 000d 0007 00000000   # TABLE_DUMP_V2 GEO_PEER_TABLE
                """);
        List<MrtRecord> records = readAll(concat(input, BGP4MP_MESSAGE));
        assertEquals(6, records.size());
        int[][] typeSubtype = {{13, 6}, {12, 1}, {11, 0}, {16, 2}, {13, 7}};
        long[] offsets = {0, 12, 24, 38, 50};
        for (int i = 0; i < 5; i++) {
            MrtRecord.Skipped s = assertInstanceOf(MrtRecord.Skipped.class, records.get(i));
            assertEquals(typeSubtype[i][0], s.type());
            assertEquals(typeSubtype[i][1], s.subtype());
            assertEquals(offsets[i], s.offset());
            assertEquals(T, s.timestamp());
            assertFalse(s.reason().isBlank());
        }
        assertTrue(((MrtRecord.Skipped) records.get(0)).reason().contains("RIB_GENERIC"));
        assertEquals(BGP4MP_MESSAGE_RECORD, records.get(5));
    }

    @Test
    void malformedBodyIsReportedAndReadingGoesOn() {
        byte[] badFamily = bytes("""
                5f5e1000 0010 0001 00000010   # BGP4MP MESSAGE, 16 octets
                fde8 fde9 0000 0003           # AFI 3: neither IPv4 nor IPv6
                c6336401 cb007101
                """);
        List<MrtRecord> records = readAll(concat(badFamily, BGP4MP_MESSAGE));
        assertEquals(2, records.size());
        MrtRecord.Malformed m = assertInstanceOf(MrtRecord.Malformed.class, records.get(0));
        assertEquals(0, m.offset());
        assertEquals(16, m.type());
        assertEquals(1, m.subtype());
        assertTrue(m.reason().contains("address family 3"), m.reason());
        assertEquals(16, m.body().length());
        assertEquals(BGP4MP_MESSAGE_RECORD, records.get(1));
    }

    @Test
    void shortBodiesNameTheMissingField() {
        assertMalformed("peer address needs 4 octets", bytes("5f5e1000 0010 0001 0000000a fde8 fde9 0000 0001 c633"));
        assertMalformed("new state needs 2 octets", bytes("""
                5f5e1000 0010 0000 00000012 fde8 fde9 0000 0001 c6336401 cb007101 0001"""));
        assertMalformed("microsecond timestamp needs 4 octets", bytes("5f5e1000 0011 0001 00000002 0000"));
        assertMalformed("peer 1 type needs 1 octets", bytes("""
                5f5e1000 000d 0001 00000013 c6336401 0000 0002 00 0a000001 c6336402 fde8"""));
        assertMalformed("prefix length 33 exceeds 32", bytes("5f5e1000 000d 0002 00000005 00000001 21"));
        assertMalformed("prefix length 129 exceeds 128", bytes("5f5e1000 000d 0004 00000005 00000001 81"));
        assertMalformed("entry 0 attributes needs 16 octets, 2 left", bytes("""
                5f5e1000 000d 0002 00000014   # RIB_IPV4_UNICAST, 20 octets
                00000001 18 c63364 0001       # sequence 1, 198.51.100.0/24, 1 entry
                0000 5f5e1000 0010 4001       # peer 0, originated, 16 octets of attributes, 2 there
                """));
        assertMalformed("entry 1 peer index needs 2 octets", bytes("""
                5f5e1000 000d 0008 00000016   # RIB_IPV4_UNICAST_ADDPATH, 22 octets
                00000001 18 c63364 0002       # sequence 1, 198.51.100.0/24, 2 entries
                0000 5f5e1000 00000001 0000   # peer 0, originated, path id 1, no attributes
                """));
    }

    static void assertMalformed(String reasonPart, byte[] record) {
        MrtRecord.Malformed m = assertInstanceOf(MrtRecord.Malformed.class, readOne(record));
        assertTrue(m.reason().contains(reasonPart), () -> "expected '" + reasonPart + "' in: " + m.reason());
    }

    @Test
    void emptyInputHasNoRecords() {
        assertEquals(List.of(), readAll(new byte[0]));
    }

    @Test
    void inputEndingInsideTheHeaderIsTruncated() {
        List<MrtRecord> records = readAll(concat(BGP4MP_MESSAGE, bytes("5f5e1000 0010")));
        assertEquals(List.of(BGP4MP_MESSAGE_RECORD, new MrtRecord.Truncated(47, -1, 6,
                "input ended inside the common header")), records);
    }

    @Test
    void inputEndingInsideTheBodyIsTruncatedAndEndsIteration() {
        byte[] cut = java.util.Arrays.copyOf(BGP4MP_MESSAGE, 30);
        try (MrtReader r = new MrtReader(new ByteArrayInputStream(concat(BGP4MP_MESSAGE, cut)))) {
            assertEquals(BGP4MP_MESSAGE_RECORD, r.next());
            MrtRecord.Truncated t = assertInstanceOf(MrtRecord.Truncated.class, r.next());
            assertEquals(new MrtRecord.Truncated(47, 47, 30,
                    "input ended inside the body of a record of type 16 subtype 1"), t);
            assertFalse(r.hasNext());
            assertThrows(NoSuchElementException.class, r::next);
            assertEquals(77, r.offset());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void inputFailingMidRecordIsTruncatedWithTheCause() {
        InputStream failing = new InputStream() {
            private final InputStream data = new ByteArrayInputStream(concat(BGP4MP_MESSAGE, STATE_CHANGE));
            private int left = BGP4MP_MESSAGE.length + 15;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("Unexpected end of stream");
                }
                return data.read();
            }
        };
        List<MrtRecord> records = new ArrayList<>();
        new MrtReader(failing).forEachRemaining(records::add);
        assertEquals(2, records.size());
        assertEquals(BGP4MP_MESSAGE_RECORD, records.get(0));
        MrtRecord.Truncated t = assertInstanceOf(MrtRecord.Truncated.class, records.get(1));
        assertEquals(47, t.offset());
        assertEquals(32, t.expected());
        assertEquals(15, t.received());
        assertTrue(t.reason().contains("Unexpected end of stream"), t.reason());
    }

    @Test
    void implausibleLengthStopsReadingWithoutAllocatingIt() {
        byte[] huge = bytes("5f5e1000 0010 0001 7fffffff 0000");
        List<MrtRecord> records = readAll(concat(BGP4MP_MESSAGE, huge, BGP4MP_MESSAGE));
        assertEquals(2, records.size());
        MrtRecord.Malformed m = assertInstanceOf(MrtRecord.Malformed.class, records.get(1));
        assertTrue(m.reason().contains("exceeds the limit"), m.reason());
        assertEquals(47, m.offset());
        assertEquals(1, readAll(BGP4MP_MESSAGE).size());
        List<MrtRecord> small = new ArrayList<>();
        new MrtReader(new ByteArrayInputStream(BGP4MP_MESSAGE), 34).forEachRemaining(small::add);
        assertInstanceOf(MrtRecord.Malformed.class, small.get(0));
    }

    @Test
    void streamClosesTheInput() {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(concat(BGP4MP_MESSAGE, STATE_CHANGE)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (var s = new MrtReader(in).stream()) {
            assertEquals(2, s.count());
        }
        assertTrue(closed[0]);
    }
}
