package io.jbgp.core.mrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.codec.DecodeResult;
import io.jbgp.core.codec.UpdateCodec;
import io.jbgp.core.codec.WireFormat;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Reads every MRT file of the shared data folder (../shared/data/mrt, RIPE RIS and RouteViews
 * dumps; skipped when absent) and checks the figures its README gives, which bgpdump 1.6
 * confirms ({@code bgpdump -m FILE}: line counts per kind, state changes verbatim).
 */
class MrtSharedDataTest {
    private static final int UPDATE = 2;
    private static final int OPEN = 1;
    private static final int KEEPALIVE = 4;

    /** What one pass over a file found. */
    static final class Tally {
        int messages;
        final int[] messagesByType = new int[6];
        final List<Bgp4mpStateChange> stateChanges = new ArrayList<>();
        final List<PeerIndexTable> peerIndexTables = new ArrayList<>();
        int ribRecords;
        int ribEntries;
        final Set<IpPrefix> ribPrefixes = new HashSet<>();
        final List<MrtRecord> problems = new ArrayList<>();
        MrtRecord.Truncated truncated;
        int longestMessage;

        static Tally of(String file) throws IOException {
            Tally t = new Tally();
            try (MrtReader reader = SharedMrtData.reader(file)) {
                reader.forEachRemaining(t::add);
            }
            return t;
        }

        void add(MrtRecord r) {
            if (r instanceof Bgp4mpMessage m) {
                messages++;
                int type = m.message().length() > WireFormat.MARKER_LENGTH + 2
                        ? m.message().get(WireFormat.MARKER_LENGTH + 2) & 0xFF : 0;
                messagesByType[Math.min(type, 5)]++;
                longestMessage = Math.max(longestMessage, m.message().length());
            } else if (r instanceof Bgp4mpStateChange s) {
                stateChanges.add(s);
            } else if (r instanceof PeerIndexTable p) {
                peerIndexTables.add(p);
            } else if (r instanceof RibEntries e) {
                ribRecords++;
                ribEntries += e.entries().size();
                ribPrefixes.add(e.prefix());
            } else if (r instanceof MrtRecord.Truncated tr) {
                truncated = tr;
            } else {
                problems.add(r);
            }
        }

        void assertNoProblems() {
            assertEquals(List.of(), problems.subList(0, Math.min(3, problems.size())),
                    problems.size() + " malformed or skipped records");
        }
    }

    @Test
    void etHeaderFullTableFramesEveryRecord() throws IOException {
        Tally t = Tally.of("updates.et-header.2015.gz");
        t.assertNoProblems();
        assertEquals(null, t.truncated);
        assertEquals(89_679, t.messagesByType[UPDATE], "UPDATE messages (README)");
        assertEquals(1, t.messagesByType[OPEN]);
        assertEquals(2, t.messagesByType[KEEPALIVE]);
        // bgpdump -m: BGP4MP_ET|1445565678.509481|STATE|206.220.231.55|3856|1|2 and three more
        Instant start = Instant.ofEpochSecond(1445565678L, 509_481_000L);
        List<Bgp4mpStateChange> expected = List.of(
                stateChange(start, 1, 2),
                stateChange(Instant.ofEpochSecond(1445565678L, 511_408_000L), 2, 4),
                stateChange(Instant.ofEpochSecond(1445565686L, 357_617_000L), 4, 5),
                stateChange(Instant.ofEpochSecond(1445565686L, 357_655_000L), 5, 6));
        assertEquals(expected.size(), t.stateChanges.size());
        for (int i = 0; i < expected.size(); i++) {
            Bgp4mpStateChange e = expected.get(i);
            Bgp4mpStateChange a = t.stateChanges.get(i);
            assertEquals(List.of(e.timestamp(), e.peerAddress(), e.peerAs(), e.oldState(), e.newState()),
                    List.of(a.timestamp(), a.peerAddress(), a.peerAs(), a.oldState(), a.newState()));
        }
    }

    private static Bgp4mpStateChange stateChange(Instant at, int from, int to) {
        return new Bgp4mpStateChange(at, Bgp4mpSubtype.STATE_CHANGE_AS4, Asn.of(3856), Asn.of(0), 0,
                IpPrefix.parseAddress("206.220.231.55"), IpPrefix.parseAddress("0.0.0.0"), from, to);
    }

    @Test
    void churnFileFramesEveryRecord() throws IOException {
        Tally t = Tally.of("updates.20100722.2015.gz");
        t.assertNoProblems();
        assertEquals(null, t.truncated);
        assertEquals(40, t.stateChanges.size(), "state changes (README, bgpdump)");
        assertEquals(1822, t.messagesByType[UPDATE]);
    }

    @Test
    void smallUpdateFilesFrameEveryRecord() throws IOException {
        Tally longWithdrawal = Tally.of("updates.long_withdrawal.gz");
        longWithdrawal.assertNoProblems();
        assertEquals(1, longWithdrawal.messagesByType[UPDATE]);
        assertTrue(longWithdrawal.longestMessage > WireFormat.MAX_LENGTH,
                "the 4,096 withdrawals come in one extended message of " + longWithdrawal.longestMessage);
        Tally trailingBits = Tally.of("updates.nlri_mask_trailing_bits.gz");
        trailingBits.assertNoProblems();
        assertEquals(1, trailingBits.messagesByType[UPDATE]);
    }

    @Test
    void cutRibDumpEndsWithATruncatedRecordAfterItsPeerIndexTable() throws IOException {
        Tally t = Tally.of("rib.20140523.0600_firstMB.bz2");
        assertEquals(1, t.peerIndexTables.size());
        List<PeerIndexTable.Peer> peers = t.peerIndexTables.get(0).peers();
        assertEquals(47, peers.size(), "peers (README)");
        assertEquals(1, peers.stream().filter(p -> p.asn().value() == 0).count(), "one peer has AS 0 (README)");
        // every record up to the cut is framed (decoded, or malformed while the codec is missing)
        long ribRecords = t.ribRecords + t.problems.stream()
                .filter(p -> p instanceof MrtRecord.Malformed m && m.type() == 13 && m.subtype() == 2).count();
        assertEquals(9_072, ribRecords, "prefixes (README, bgpdump)");
        // libbz2 (python3 bz2) decodes 15,274,550 octets; the record at 15,273,283 is cut after 1,267
        MrtRecord.Truncated cut = t.truncated;
        assertTrue(cut != null, "the last record is cut off");
        assertEquals(15_273_283L, cut.offset());
        assertEquals(1_267L, cut.received());
        assertTrue(cut.received() < cut.expected(), cut.toString());
        assertTrue(cut.reason().contains("Unexpected end of stream"), cut.reason());
    }

    @Test
    @Disabled("waiting for UpdateCodec/MessageReader")
    void cutRibDumpDecodesEveryCompletePath() throws IOException {
        Tally t = Tally.of("rib.20140523.0600_firstMB.bz2");
        t.assertNoProblems();
        assertEquals(270_005, t.ribEntries, "paths (README, bgpdump -m line count)");
        assertEquals(9_072, t.ribPrefixes.size(), "prefixes (README, bgpdump)");
        assertEquals(9_072, t.ribRecords);
        assertTrue(t.truncated != null);
    }

    @Test
    @Disabled("waiting for UpdateCodec/MessageReader")
    void addPathAndOverflowBviewsDecodeEveryEntry() throws IOException {
        for (String file : List.of("bview.ipv4_unicast_add_path.gz", "bview.ipv6_unicast_add_path.gz")) {
            Tally t = Tally.of(file);
            t.assertNoProblems();
            assertEquals(62, t.ribEntries, file + " entries (README, bgpdump)");
            assertEquals(null, t.truncated);
        }
        Tally overflow = Tally.of("bview.64k_stream_overflow.gz");
        overflow.assertNoProblems();
        assertEquals(23, overflow.ribEntries, "entries (README, bgpdump)");
    }

    /** Per-file UPDATE content: prefixes announced and withdrawn, classic and MP. */
    static int[] announcedAndWithdrawn(String file) throws IOException {
        int[] counts = new int[3];
        try (MrtReader reader = SharedMrtData.reader(file)) {
            while (reader.hasNext()) {
                if (!(reader.next() instanceof Bgp4mpMessage m) || m.message().get(18) != UPDATE) {
                    continue;
                }
                DecodeResult r = Bgp4mpCodec.decodeMessage(m);
                if (!(r instanceof DecodeResult.Ok ok)) {
                    counts[2]++;
                    continue;
                }
                UpdateMessage u = (UpdateMessage) ok.message();
                for (AddressFamily f : List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST)) {
                    counts[0] += u.announced(f).size();
                    counts[1] += u.withdrawn(f).size();
                }
            }
        }
        return counts;
    }

    @Test
    @Disabled("waiting for UpdateCodec/MessageReader")
    void updateFilesDecodeToTheReadmeCounts() throws IOException {
        assertEquals(List.of(577_737, 3, 0), asList(announcedAndWithdrawn("updates.et-header.2015.gz")));
        assertEquals(List.of(5_067, 547, 0), asList(announcedAndWithdrawn("updates.20100722.2015.gz")));
        assertEquals(List.of(0, 4_096, 0), asList(announcedAndWithdrawn("updates.long_withdrawal.gz")));
        assertEquals(List.of(1, 0, 0), asList(announcedAndWithdrawn("updates.nlri_mask_trailing_bits.gz")));
    }

    private static List<Integer> asList(int[] a) {
        return Arrays.stream(a).boxed().toList();
    }

    @Test
    @Disabled("waiting for UpdateCodec/MessageReader")
    void etHeaderFullTableReencodesToTheSameOctets() throws IOException {
        int updates = 0;
        List<String> mismatches = new ArrayList<>();
        int mismatchCount = 0;
        try (MrtReader reader = SharedMrtData.reader("updates.et-header.2015.gz")) {
            while (reader.hasNext()) {
                if (!(reader.next() instanceof Bgp4mpMessage m) || m.message().get(18) != UPDATE) {
                    continue;
                }
                updates++;
                DecodeResult r = Bgp4mpCodec.decodeMessage(m);
                DecodeResult.Ok ok = assertInstanceOf(DecodeResult.Ok.class, r, () -> "UPDATE at " + m.timestamp());
                CodecContext ctx = m.codecContext();
                ByteBuf out = Unpooled.buffer();
                try {
                    UpdateCodec.encode((UpdateMessage) ok.message(), ctx, out);
                    byte[] body = Arrays.copyOfRange(m.message().unsafeArray(), WireFormat.HEADER_LENGTH,
                            m.message().length());
                    byte[] again = ByteBufUtil.getBytes(out);
                    if (!Arrays.equals(body, again)) {
                        if (mismatchCount++ < 3) {
                            mismatches.add("\nrecorded " + ByteBufUtil.hexDump(body) + "\nencoded  "
                                    + ByteBufUtil.hexDump(again));
                        }
                    }
                } finally {
                    out.release();
                }
            }
        }
        assertEquals(89_679, updates);
        assertEquals(0, mismatchCount, mismatchCount + " UPDATEs re-encode differently, e.g." + mismatches);
    }
}
