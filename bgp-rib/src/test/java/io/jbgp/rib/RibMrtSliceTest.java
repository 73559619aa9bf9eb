package io.jbgp.rib;

import io.jbgp.core.mrt.OctetWiseInputStream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.message.MpReach;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.mrt.MrtReader;
import io.jbgp.core.mrt.MrtRecord;
import io.jbgp.core.mrt.PeerIndexTable;
import io.jbgp.core.mrt.RibEntries;
import io.jbgp.core.mrt.RibEntry;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.peer.PeerOutbound;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.rib.policy.Policies;
import io.jbgp.rib.table.Neighbor;
import io.jbgp.rib.table.PeerSource;
import io.jbgp.rib.table.Route;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.Test;

/**
 * A slice of a real table: the first megabyte of a RIPE RIS TABLE_DUMP_V2 RIB dump
 * ({@code mrt/rib.20140523.0600_firstMB.bz2} of the shared data folder) loaded into a {@link Rib} with
 * one eBGP neighbor per peer of its PEER_INDEX_TABLE, each RIB entry fed as an UPDATE from its peer.
 * Every prefix must get a best path, and that best path must be the one a deliberately simple
 * from-scratch reference picks (the approach of {@link RibModelProperties}: eligibility, LOCAL_PREF,
 * AS path length, ORIGIN, MED by neighbor AS groups (deterministic MED, RFC 4271 §9.1.2.2 (c)),
 * eBGP over iBGP, router id, peer address), so the decision process is checked on thousands of
 * real, messy attribute combinations rather than only generated ones.
 */
class RibMrtSliceTest {

    private static final String FILE = "rib.20140523.0600_firstMB.bz2";
    /** Our AS: no peer of the file uses it. */
    private static final Asn LOCAL_AS = Asn.of(65500);
    private static final RouterId LOCAL_ID = RouterId.parse("198.51.100.1");
    private static final Inet4Address LOCAL_V4 = (Inet4Address) TestRoutes.addr("198.51.100.1");
    private static final Inet6Address LOCAL_V6 = (Inet6Address) TestRoutes.addr("2001:db8::1");

    /** Connected routes covering every address, so every next hop resolves at cost 0. */
    private static final List<SystemRoute> COVER = List.of(
            SystemRoute.connected(TestRoutes.prefix("0.0.0.0/1"), "eth0"),
            SystemRoute.connected(TestRoutes.prefix("128.0.0.0/1"), "eth0"),
            SystemRoute.connected(TestRoutes.prefix("::/1"), "eth0"),
            SystemRoute.connected(TestRoutes.prefix("8000::/1"), "eth0"));

    /** One path as the reference sees it: the neighbor it came from and what it sent. */
    private record RefPath(Neighbor from, long pathId, AttributeSet attrs) {
        boolean eligible() {
            // every next hop is covered; only loops make a path ineligible here
            return !attrs.asPath().containsAs(LOCAL_AS.value()) && !LOCAL_ID.equals(attrs.originatorId())
                    && !attrs.clusterList().contains(LOCAL_ID);
        }

        RouterId routerId() {
            return attrs.originatorId() != null ? attrs.originatorId() : from.routerId();
        }
    }

    @Test
    void everyPrefixOfTheSliceGetsTheReferenceBestPath() throws IOException {
        long start = System.nanoTime();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        Rib rib = new Rib(RibConfig.of(LOCAL_AS, LOCAL_ID), RibExecutor.direct());
        for (SystemRoute r : COVER) {
            rib.post(new RibCommand.SystemRouteChanged(r, true));
        }

        Map<Integer, Neighbor> neighbors = new HashMap<>();
        // what each neighbor announced, by prefix then (neighbor, path id): the reference's whole input
        Map<IpPrefix, Map<List<Object>, RefPath>> sent = new LinkedHashMap<>();
        long entries = 0;
        long skippedEntries = 0;
        int ribRecords = 0;
        int truncated = 0;
        int tablePeers = 0;
        try (MrtReader reader = new MrtReader(open(FILE))) {
            while (reader.hasNext()) {
                MrtRecord rec = reader.next();
                if (rec instanceof PeerIndexTable table) {
                    tablePeers = table.peers().size();
                    for (int i = 0; i < table.peers().size(); i++) {
                        PeerIndexTable.Peer p = table.peers().get(i);
                        if (p.asn().value() == 0) {
                            // one of the 47 peers has AS 0, reserved (RFC 7607): no session could come up
                            // with it, so it gets no neighbor; it sends no path in this slice (skippedEntries)
                            continue;
                        }
                        Neighbor n = new Neighbor(p.address(), p.asn(), p.bgpId(), true, Optional.of(LOCAL_V4),
                                Optional.of(LOCAL_V6));
                        neighbors.put(i, n);
                        rib.post(new RibCommand.PeerUp(n, CodecContext.DEFAULT, new DiscardingOutbound(p.address()),
                                Optional.of(Policies.allowAll()), Optional.of(Policies.allowAll())));
                    }
                } else if (rec instanceof RibEntries re) {
                    ribRecords++;
                    for (RibEntry e : re.entries()) {
                        entries++;
                        Neighbor n = neighbors.get(e.peerIndex());
                        if (n == null) {
                            skippedEntries++;
                            continue;
                        }
                        Nlri nlri = e.hasPathId() ? Nlri.of(re.prefix(), e.pathId()) : Nlri.of(re.prefix());
                        InetAddress nh = e.nextHop().orElseThrow();
                        rib.post(new RibCommand.Update(n.address(), update(re.family(), nlri, e, nh)));
                        sent.computeIfAbsent(re.prefix(), k -> new LinkedHashMap<>()).put(
                                List.of(n.address(), nlri.pathId()),
                                new RefPath(n, nlri.pathId(), AttributeSet.of(e.attributes(), nh)));
                    }
                } else if (rec instanceof MrtRecord.Truncated t) {
                    // the slice is cut at one megabyte of bzip2: its last record is cut off
                    truncated++;
                    assertTrue(!reader.hasNext(), "only the last record is cut off: " + t);
                } else {
                    throw new AssertionError("unexpected record in a RIB dump: " + rec);
                }
            }
        }

        long loadedMs = (System.nanoTime() - start) / 1_000_000;
        long loadedCpuMs = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        // the file itself, as the RIB issue describes it
        assertEquals(1, truncated, "the cut-off last record");
        assertEquals(9_072, ribRecords, "RIB records of the slice");
        assertEquals(270_005, entries, "RIB entries of the slice");
        assertEquals(0, skippedEntries, "entries from a peer without a neighbor (AS 0)");
        assertEquals(9_072, sent.size(), "distinct prefixes fed");
        long distinctPaths = sent.values().stream().mapToLong(Map::size).sum();
        assertEquals(270_005, distinctPaths, "distinct (prefix, neighbor, path id) fed");

        RibSnapshot s = rib.snapshot().join();
        Map<IpPrefix, Route> actualBest = new HashMap<>();
        long prefixes = 0;
        long candidates = 0;
        for (AddressFamily f : List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST)) {
            for (RibSnapshot.DestinationView d : s.routes(f)) {
                prefixes++;
                candidates += d.candidates().size();
            }
            actualBest.putAll(s.bestPaths(f));
        }
        assertEquals(9_072, prefixes, "prefixes in the Loc-RIB");
        assertEquals(270_005, candidates, "candidate paths in the Loc-RIB");
        assertEquals(9_072, actualBest.size(), "prefixes with a best path");

        int mismatches = 0;
        List<String> firstMismatches = new ArrayList<>();
        for (Map.Entry<IpPrefix, Map<List<Object>, RefPath>> e : sent.entrySet()) {
            RefPath expected = refBest(e.getValue().values());
            Route got = actualBest.get(e.getKey());
            assertTrue(expected != null, "the reference finds a best path for " + e.getKey());
            boolean same = got != null && got.source() instanceof PeerSource ps
                    && ps.address().equals(expected.from().address()) && got.pathId() == expected.pathId()
                    && got.attrs().equals(expected.attrs());
            if (!same) {
                mismatches++;
                if (firstMismatches.size() < 3) {
                    firstMismatches.add(e.getKey() + ": expected " + expected.from().address() + " "
                            + expected.attrs() + ", got " + got);
                }
            }
        }
        assertEquals(0, mismatches, () -> "best paths differing from the reference, e.g. " + firstMismatches);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        long cpuMs = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        System.out.printf("RibMrtSliceTest: %d peers in the table, %d neighbors, %d prefixes, %d candidates, all best paths agree;"
                + " loaded in %d ms (%d ms CPU), %d ms in all (%d ms CPU)%n", tablePeers, neighbors.size(), prefixes, candidates,
                loadedMs, loadedCpuMs, elapsedMs, cpuMs);
    }

    private static UpdateMessage update(AddressFamily family, Nlri nlri, RibEntry e, InetAddress nh) {
        if (family.equals(AddressFamily.IPV4_UNICAST)) {
            return UpdateMessage.announce(e.attributes(), List.of(nlri));
        }
        return new UpdateMessage(List.of(), e.attributes(), Optional.of(new MpReach(family, nh, List.of(nlri))),
                Optional.empty(), List.of());
    }

    // ------------------------------------------------------------ the reference

    /** The order within one neighbor AS, where MED applies (RFC 4271 §9.1.2.2). */
    private static Comparator<RefPath> key(boolean withMed) {
        Comparator<RefPath> c = Comparator.comparingLong(
                p -> -(p.attrs().hasLocalPref() ? p.attrs().localPref() : 100)); // §9.1.1
        c = c.thenComparingInt(p -> p.attrs().asPath().length()); // (a)
        c = c.thenComparingInt(p -> p.attrs().origin().code()); // (b)
        if (withMed) {
            c = c.thenComparingLong(p -> p.attrs().hasMed() ? p.attrs().med() : 0); // (c), absent MED is 0
        }
        c = c.thenComparing(p -> !p.from().ebgp()); // (d); (e) every next hop is connected, cost 0
        c = c.thenComparing(RefPath::routerId); // (f), RFC 4456 §9
        c = c.thenComparingInt(p -> p.attrs().clusterList().size());
        c = c.thenComparing(p -> p.from().address().getAddress(), // (g): IPv4 before IPv6, then numerically
                Comparator.<byte[]>comparingInt(a -> a.length).thenComparing(java.util.Arrays::compareUnsigned));
        return c.thenComparingLong(RefPath::pathId);
    }

    /** Deterministic MED the obvious way: the best of each neighbor AS, then the best of those without MED. */
    private static RefPath refBest(Iterable<RefPath> candidates) {
        Map<Long, RefPath> perAs = new HashMap<>();
        for (RefPath p : candidates) {
            if (p.eligible()) {
                perAs.merge(p.attrs().asPath().neighborAs(), p, (a, b) -> key(true).compare(a, b) <= 0 ? a : b);
            }
        }
        return perAs.values().stream().min(key(false)).orElse(null);
    }

    // ------------------------------------------------------------ the data

    /** The decompressed file, read octet-wise (see {@link OctetWiseInputStream}); skips the test when absent. */
    private static InputStream open(String name) throws IOException {
        String dir = System.getProperty("jbgp.shared.data");
        assumeTrue(dir != null && !dir.isBlank(),
                "system property jbgp.shared.data is not set: shared MRT data test skipped");
        Path p = Path.of(dir, "mrt", name);
        assumeTrue(Files.isReadable(p), "shared MRT data file " + p + " is absent: test skipped");
        return new OctetWiseInputStream(new BZip2CompressorInputStream(
                new BufferedInputStream(Files.newInputStream(p), 1 << 16)));
    }

    /** An outbound port that is always writable and forgets what it is sent (exports are not checked here). */
    private record DiscardingOutbound(PeerKey peer) implements PeerOutbound {
        DiscardingOutbound(InetAddress address) {
            this(PeerKey.of(address));
        }

        @Override
        public void send(List<UpdateMessage> updates) {
        }

        @Override
        public void sendRouteRefresh(RouteRefreshMessage refresh) {
        }

        @Override
        public boolean isWritable() {
            return true;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void whenWritable(Runnable task) {
        }
    }
}
