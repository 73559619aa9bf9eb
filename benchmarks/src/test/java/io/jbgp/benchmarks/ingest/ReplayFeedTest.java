package io.jbgp.benchmarks.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.jbgp.benchmarks.FullTable;
import io.jbgp.benchmarks.SharedData;
import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.LocalPref;
import io.jbgp.core.attr.NextHop;
import io.jbgp.core.attr.Origin;
import io.jbgp.core.attr.PathAttribute;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.codec.DecodeResult;
import io.jbgp.core.codec.MessageReader;
import io.jbgp.core.codec.WireFormat;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.Inet4Address;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The feed's rewrite and the expected table it promises the target. */
class ReplayFeedTest {
    private static final Inet4Address HOP = (Inet4Address) IpPrefix.parseAddress("198.51.100.1");
    private static final Ipv4Prefix A = (Ipv4Prefix) IpPrefix.parse("198.51.100.0/25");
    private static final Ipv4Prefix B = (Ipv4Prefix) IpPrefix.parse("198.51.100.128/25");
    private static final Ipv4Prefix C = (Ipv4Prefix) IpPrefix.parse("203.0.113.0/24");
    private static final Ipv4Prefix D = (Ipv4Prefix) IpPrefix.parse("10.1.0.0/16");

    private static PathAttributes attrs(long... path) {
        return PathAttributes.of(Origin.IGP, AsPath.sequence(path), NextHop.parse("203.0.113.9"), new LocalPref(120));
    }

    private static UpdateMessage announce(PathAttributes a, Ipv4Prefix... p) {
        return UpdateMessage.announce(a, nlri(p));
    }

    private static List<Nlri> nlri(Ipv4Prefix... p) {
        List<Nlri> out = new ArrayList<>();
        for (Ipv4Prefix x : p) {
            out.add(Nlri.of(x));
        }
        return out;
    }

    @Test
    void expectedTableAppliesWithdrawalsAndRfc7607InOrder() {
        List<UpdateMessage> updates = List.of(
                announce(attrs(64500), A, B),
                UpdateMessage.withdraw(nlri(A)),
                announce(attrs(64500, 0), C),               // AS 0: treat-as-withdraw, never added
                announce(attrs(64501), A),                  // re-announced after its withdrawal
                UpdateMessage.withdraw(nlri(D)),            // withdrawing what was never there
                new UpdateMessage(nlri(B), attrs(64502), java.util.Optional.empty(), java.util.Optional.empty(),
                        nlri(B)),                           // withdrawn and announced in one: announced
                announce(attrs(64503), D),
                announce(attrs(64503, 0, 64504), D));       // AS 0 later: takes D away again
        assertEquals(Set.of(A, B), ReplayFeed.expectedTable(updates));
        assertEquals(Set.of(A, B, C, D), ReplayFeed.table(updates, false));
        ReplayFeed feed = ReplayFeed.prepare(updates, 65501, HOP);
        assertEquals(Set.of(A, B), feed.expected());
        assertEquals(2, feed.as0Prefixes());
        assertEquals(7, feed.announcements());
        assertEquals(3, feed.withdrawals());
    }

    /** Whatever the order, a prefix is expected iff its last operation is a valid announcement. */
    @Test
    void expectedTableIsTheLastOperationPerPrefix() {
        List<Ipv4Prefix> universe = List.of(A, B, C, D);
        qt().withFixedSeed(6L).withExamples(500)
                .forAll(lists().of(integers().between(0, 11)).ofSizeBetween(0, 40))
                .check(ops -> {
                    List<UpdateMessage> updates = new ArrayList<>();
                    Map<Ipv4Prefix, Integer> last = new HashMap<>();
                    for (int op : ops) {
                        Ipv4Prefix p = universe.get(op % 4);
                        int kind = op / 4; // 0 announce, 1 withdraw, 2 announce with AS 0
                        updates.add(kind == 1 ? UpdateMessage.withdraw(nlri(p))
                                : announce(kind == 0 ? attrs(64500) : attrs(0), p));
                        last.put(p, kind);
                    }
                    Set<Ipv4Prefix> model = new HashSet<>();
                    last.forEach((p, k) -> {
                        if (k == 0) {
                            model.add(p);
                        }
                    });
                    return model.equals(ReplayFeed.expectedTable(updates));
                });
    }

    @Test
    void preparedMessagesAreWhatAnEbgpFeederSends() {
        List<UpdateMessage> updates = List.of(announce(attrs(64500, 64501), A, B), UpdateMessage.withdraw(nlri(A)));
        checkWire(ReplayFeed.prepare(updates, 65501, HOP), 65501);
    }

    /** Uses the shared full-table capture (skipped without it): its first 300 UPDATEs. */
    @Test
    void recordedTableRewritesIntoDecodableSessionMessages() {
        Path mrt = SharedData.findMrt(FullTable.FILE);
        assumeTrue(mrt != null, "shared MRT data not found (set -D" + SharedData.PROPERTY + "): skipped");
        ReplayFeed feed = ReplayFeed.prepare(mrt, 300, 4_200_000_001L, HOP);
        assertEquals(300, feed.recorded());
        checkWire(feed, 4_200_000_001L);
    }

    // every message decodes in the session context, carries the feeder's AS first and its next hop
    private static void checkWire(ReplayFeed feed, long feederAs) {
        byte[] wire = feed.wire();
        int[] ends = feed.ends();
        int start = 0;
        long announced = 0;
        long withdrawn = 0;
        for (int end : ends) {
            assertTrue(end - start <= WireFormat.MAX_LENGTH, "message longer than 4096 octets");
            ByteBuf frame = Unpooled.wrappedBuffer(wire, start, end - start);
            try {
                DecodeResult r = MessageReader.read(frame, ReplayFeed.SESSION);
                assertTrue(r instanceof DecodeResult.Ok ok && ok.message() instanceof UpdateMessage, r::toString);
                UpdateMessage u = (UpdateMessage) ((DecodeResult.Ok) r).message();
                if (!u.announced().isEmpty()) {
                    assertEquals(feederAs, u.attributes().asPath().orElseThrow().flatten()[0]);
                    assertEquals(NextHop.of(HOP), u.attributes().nextHop().orElseThrow());
                    assertFalse(u.attributes().has(PathAttribute.LOCAL_PREF));
                }
                assertTrue(u.mpReach().isEmpty() && u.mpUnreach().isEmpty());
                announced += u.announced(AddressFamily.IPV4_UNICAST).size();
                withdrawn += u.withdrawn(AddressFamily.IPV4_UNICAST).size();
            } finally {
                frame.release();
            }
            start = end;
        }
        assertEquals(wire.length, start);
        assertEquals(feed.announcements(), announced);
        assertEquals(feed.withdrawals(), withdrawn);
    }
}
