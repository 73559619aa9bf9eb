package io.jbgp.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.RibSnapshot;
import io.jbgp.rib.table.Destination;
import io.jbgp.rib.table.Route;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs each benchmark's setup and one invocation on a slice of the shared MRT data (the first
 * UPDATEs of the full table, the first prefixes of the RIB dump), so a change of the codec or RIB
 * API breaks the build here rather than at the next benchmark run, and checks that each
 * benchmark did the work it claims. Skipped, saying so, when the shared data is absent.
 */
class BenchmarkSmokeTest {
    private static final int MESSAGES = 300;
    private static final Blackhole BLACKHOLE = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    @BeforeEach
    void sharedDataPresent() {
        assumeTrue(SharedData.findMrt(FullTable.FILE) != null && SharedData.findMrt(RibDump.FILE) != null,
                "shared MRT data not found (set -D" + SharedData.PROPERTY + "): benchmark smoke test skipped");
    }

    @Test
    void decodeBenchmarkDecodesEveryMessageAndCountsItsNlri() {
        UpdateDecodeBenchmark b = new UpdateDecodeBenchmark();
        b.messages = MESSAGES;
        b.load();
        UpdateDecodeBenchmark.Throughput c = new UpdateDecodeBenchmark.Throughput();
        try {
            assertEquals(0, b.decodeTable(c, new CpuTime(), BLACKHOLE), "every recorded UPDATE decodes");
            FullTable t = FullTable.load(MESSAGES);
            assertEquals(t.nlriCount(), c.nlri);
            assertEquals(t.octetCount(), c.octets);
            assertTrue(c.nlri > MESSAGES, "a full table packs several prefixes per UPDATE: " + c.nlri);
            // a second pass sees the same frames again (reader indexes are rewound)
            assertEquals(0, b.decodeTable(c, new CpuTime(), BLACKHOLE));
            assertEquals(2 * t.nlriCount(), c.nlri);
        } finally {
            b.release();
        }
    }

    @Test
    void encodeBenchmarkWritesTheRecordedOctets() {
        UpdateEncodeBenchmark b = new UpdateEncodeBenchmark();
        b.messages = MESSAGES;
        b.load();
        UpdateDecodeBenchmark.Throughput c = new UpdateDecodeBenchmark.Throughput();
        try {
            long octets = b.encodeTable(c, new CpuTime());
            // the recorded peer sets Extended Length on its short AS_PATHs; we choose the flag
            // by size (RFC 4271 §4.3 allows both), so each message may come out an octet shorter
            long recorded = FullTable.load(MESSAGES).octetCount();
            assertTrue(octets <= recorded && octets >= recorded - MESSAGES,
                    "re-encoded " + octets + " octets, recorded " + recorded);
            assertEquals(octets, c.octets);
        } finally {
            b.release();
        }
    }

    @Test
    void decisionBenchmarkRanksRealCandidateSets() {
        DecisionBenchmark b = new DecisionBenchmark();
        b.candidates = 8;
        b.prefixes = 200;
        b.med = "deterministic";
        b.load();
        DecisionBenchmark.Decisions c = new DecisionBenchmark.Decisions();
        b.rankAll(c, new CpuTime(), BLACKHOLE);
        assertTrue(b.size() > 100, "most prefixes of the dump have 8 paths or more: " + b.size());
        assertEquals(b.size(), c.decisions);
        b.bestPath(c, new CpuTime(), BLACKHOLE);
        assertEquals(2 * b.size(), c.decisions);
        // the keyed best path the Loc-RIB uses is the head of the full ranking, prefix by prefix
        int[] best = b.bestIndices();
        for (int p = 0; p < best.length; p++) {
            List<Route> arrival = b.sets().get(p);
            assertSame(b.decision().rank(arrival).get(0), arrival.get(best[p]));
        }
    }

    @Test
    void locRibChurnKeepsEveryNeighborsCandidates() {
        LocRibChurnBenchmark b = new LocRibChurnBenchmark();
        b.neighbors = 4;
        b.messages = MESSAGES;
        b.scriptLength = 4096;
        b.load();
        int prefixes = b.locRib().size(AddressFamily.IPV4_UNICAST);
        for (Destination d : b.locRib().destinations(AddressFamily.IPV4_UNICAST).values()) {
            assertEquals(4, d.candidates().size(), "one candidate per neighbor before churn");
        }
        LocRibChurnBenchmark.Events c = new LocRibChurnBenchmark.Events();
        b.churn(c, new CpuTime());
        assertEquals(LocRibChurnBenchmark.BATCH, c.announcements + c.withdrawals + c.changes);
        for (int k = 0; k < 19; k++) { // several passes over the script: paths revisited while read ahead
            b.churn(new LocRibChurnBenchmark.Events(), new CpuTime());
        }
        assertEquals(0, b.stateMismatches(), "the harness's view of each path is the Loc-RIB's");
        assertTrue(c.withdrawals > 0 && c.changes > 0 && c.bestChanged > 0, "a real mix: " + c.withdrawals
                + " withdrawals, " + c.changes + " changes, " + c.bestChanged + " best changes");
        assertTrue(b.locRib().size(AddressFamily.IPV4_UNICAST) <= prefixes);
        for (Destination d : b.locRib().destinations(AddressFamily.IPV4_UNICAST).values()) {
            assertSame(d.candidates().get(0), d.best(), "the kept best path heads the ranking: " + d.prefix());
        }
        LocRibChurnBenchmark.Events h = new LocRibChurnBenchmark.Events();
        b.harnessOnly(h, new CpuTime());
        assertEquals(LocRibChurnBenchmark.BATCH, h.announcements + h.withdrawals + h.changes);
    }

    @Test
    void locRibChurnHarnessStaysExactWhenEventsRevisitAPathWhileReadAhead() {
        LocRibChurnBenchmark b = new LocRibChurnBenchmark();
        b.neighbors = 4;
        b.messages = 3; // a few dozen paths: the script revisits them within the read-ahead window
        b.scriptLength = 1024;
        b.load();
        for (int k = 0; k < 10; k++) {
            long[] want = b.expectedMix(LocRibChurnBenchmark.BATCH);
            LocRibChurnBenchmark.Events c = new LocRibChurnBenchmark.Events();
            b.churn(c, new CpuTime());
            assertEquals(java.util.Arrays.toString(want),
                    java.util.Arrays.toString(new long[] {c.announcements, c.withdrawals, c.changes}),
                    "the same events as a replay without reading ahead");
            assertEquals(0, b.stateMismatches(), "the harness's view of each path is the Loc-RIB's");
        }
    }

    @Test
    void ribChurnGoesThroughTheWholeFacadeAndRestoresTheTable() {
        RibChurnBenchmark b = new RibChurnBenchmark();
        b.neighbors = 4;
        b.messages = MESSAGES / 4;
        b.pairs = RibChurnBenchmark.BATCH / 2;
        b.load();
        RibSnapshot before = b.rib().snapshot().join();
        int prefixes = before.bestPaths(AddressFamily.IPV4_UNICAST).size();
        assertTrue(prefixes > MESSAGES / 4, "the table was fed: " + prefixes);
        for (RibSnapshot.DestinationView d : before.routes().get(AddressFamily.IPV4_UNICAST)) {
            assertEquals(4, d.candidates().size(), "one candidate per neighbor: " + d.prefix());
        }
        RibChurnBenchmark.Sent c = new RibChurnBenchmark.Sent();
        b.churn(c, new CpuTime()); // exactly one whole script: first halves, then their reverts
        assertTrue(c.updatesSent > 0, "best changes were exported");
        RibSnapshot after = b.rib().snapshot().join();
        assertEquals(bestAttributes(before), bestAttributes(after), "a whole script pass restores the table");
    }

    @Test
    void ribIngestLoadsEveryPathOfTheTableIntoAnEmptyRib() {
        RibIngestBenchmark b = new RibIngestBenchmark();
        b.messages = MESSAGES;
        b.load();
        for (int round = 0; round < 2; round++) { // each operation starts from an empty RIB
            b.emptyRib();
            RibIngestBenchmark.Paths c = new RibIngestBenchmark.Paths();
            long paths = b.ingest(c, new CpuTime());
            assertEquals(paths, c.paths);
            RibSnapshot s = b.rib().snapshot().join();
            int prefixes = s.bestPaths(AddressFamily.IPV4_UNICAST).size();
            assertTrue(prefixes > MESSAGES && prefixes <= paths, prefixes + " best paths from " + paths + " paths");
            assertEquals(prefixes, s.forwarding().size(), "every best path resolved and installed");
        }
    }

    private static Map<IpPrefix, AttributeSet> bestAttributes(RibSnapshot s) {
        Map<IpPrefix, AttributeSet> out = new HashMap<>();
        s.bestPaths(AddressFamily.IPV4_UNICAST).forEach((p, r) -> out.put(p, r.attrs()));
        return out;
    }

    @Test
    void internerBenchmarkReturnsCanonicalSets() {
        InternerBenchmark b = new InternerBenchmark();
        b.messages = MESSAGES;
        b.load();
        b.convertAndIntern(new CpuTime(), BLACKHOLE);
        b.internOnly(new CpuTime(), BLACKHOLE);
    }
}
