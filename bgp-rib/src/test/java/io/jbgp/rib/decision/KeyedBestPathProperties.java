package io.jbgp.rib.decision;

import static io.jbgp.rib.TestRoutes.LOCAL_AS;
import static io.jbgp.rib.TestRoutes.LOCAL_ID;
import static io.jbgp.rib.TestRoutes.attrs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.jbgp.core.attr.ClusterList;
import io.jbgp.core.attr.OriginatorId;
import io.jbgp.core.attr.Origin;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.table.Eligibility;
import io.jbgp.rib.table.LocalSource;
import io.jbgp.rib.table.PeerSource;
import io.jbgp.rib.table.Route;
import io.jbgp.rib.table.RouteSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The keyed best path ({@link DecisionKeys#best}, {@link DecisionKeys#runnerUp},
 * {@link DecisionKeys#multipath(Route[], long[], int, int)}: O(n), what the Loc-RIB runs after
 * each change) against the full ranking ({@link DecisionProcess#rank}, the reference): the best
 * is the head of the ranking, the runner-up its second, the ECMP sets are equal and keyed
 * comparisons give the same verdicts, for every option set and for candidates that exercise
 * each shortcut of the keys (ties at every step, clamped AS path lengths, extreme LOCAL_PREF and
 * MED, route reflection attributes, ADD-PATH ids, local sources, iBGP).
 */
class KeyedBestPathProperties {

    private static final long[] NEIGHBOR_AS = {65002, 65003, 65004, LOCAL_AS.value()};
    private static final long[] LOCAL_PREFS = {100, 200, 0, 0xFFFFFFFFL};
    private static final long[] MEDS = {AttributeSet.ABSENT, 0, 10, 20, 0xFFFFFFFFL, 0xFFFFFFFEL};

    private static final List<DecisionOptions> OPTIONS = List.of(
            DecisionOptions.DEFAULT,
            DecisionOptions.DEFAULT.withMaxPaths(4),
            DecisionOptions.DEFAULT.withAlwaysCompareMed(true).withMaxPaths(3),
            DecisionOptions.DEFAULT.withPreferOldest(true).withMaxPaths(2),
            DecisionOptions.DEFAULT.withDeterministicMed(false).withMaxPaths(4));

    /** A long AS path (clamped in the key) shared by the generated routes that want one. */
    private static final long[] LONG_PATH = longPath();

    private static long[] longPath() {
        long[] p = new long[4100];
        Arrays.fill(p, 65005);
        return p;
    }

    /**
     * Candidates from seeds, with distinct keys (source, path id): neighbor {@code i % 5} with
     * path id {@code i / 5} (ADD-PATH), or a local source for a few seeds.
     */
    static List<Route> routes(List<Integer> seeds) {
        List<Route> out = new ArrayList<>();
        boolean[] localUsed = new boolean[3];
        for (int i = 0; i < seeds.size(); i++) {
            int s = seeds.get(i);
            long as = NEIGHBOR_AS[(s & 3)];
            AttributeSet.Builder b;
            int len = (s >>> 2) & 3;
            if (len == 3 && ((s >>> 20) & 3) == 0) {
                b = attrs(LONG_PATH);
                b.asPath(io.jbgp.core.attr.AsPath.sequence(withFirst(LONG_PATH, as)));
            } else {
                long[] path = new long[1 + (len & 1)];
                Arrays.fill(path, as == LOCAL_AS.value() ? 65010 : as);
                b = attrs(path);
            }
            int lp = (s >>> 4) & 7;
            if (lp < LOCAL_PREFS.length) {
                b.localPref(LOCAL_PREFS[lp]);
            }
            b.origin(((s >>> 7) & 3) == 0 ? Origin.INCOMPLETE : Origin.IGP);
            b.med(MEDS[Math.floorMod(s >>> 9, MEDS.length)]);
            if (((s >>> 12) & 7) == 0) {
                b.other(new OriginatorId(RouterId.of((s >>> 15) & 3)));
            }
            if (((s >>> 17) & 7) == 1) {
                b.other(new ClusterList(List.of(RouterId.of(7), RouterId.of(8)).subList(0, 1 + ((s >>> 16) & 1))));
            }
            Eligibility e = ((s >>> 22) & 7) == 0 ? Eligibility.NEXTHOP_UNREACHABLE : Eligibility.ELIGIBLE;
            long cost = ((s >>> 25) & 1) * 5L;
            long age = (s >>> 26) & 1;
            RouteSource source;
            long pathId = -1;
            int kind = (s >>> 27) & 15;
            if (kind < 3 && !localUsed[kind]) {
                localUsed[kind] = true;
                source = LocalSource.values()[kind];
                b.asPath(io.jbgp.core.attr.AsPath.EMPTY);
            } else {
                int n = i % 5;
                source = peer(n + 2, as, (s >>> 31) == 0);
                pathId = i / 5 == 0 ? -1 : i / 5;
            }
            out.add(new Route(source, pathId, b.build(), age, e, cost));
        }
        return out;
    }

    private static long[] withFirst(long[] path, long as) {
        long[] p = path.clone();
        p[0] = as;
        return p;
    }

    // a neighbor's source; its AS and session type vary with the route, its address does not
    private static PeerSource peer(int n, long as, boolean ebgp) {
        return new PeerSource(IpPrefix.parseAddress("10.0.0." + n), RouterId.parse("10.0." + (n % 3) + ".1"),
                Asn.of(as), ebgp && as != LOCAL_AS.value());
    }

    private static Gen<List<Integer>> seeds(int max) {
        return lists().of(integers().all()).ofSizeBetween(1, max);
    }

    @Test
    void keyedBestIsTheHeadOfTheRankingAndTheEcmpSetsAreEqual() {
        for (DecisionOptions o : OPTIONS) {
            DecisionProcess dp = new DecisionProcess(o, LOCAL_AS, LOCAL_ID);
            qt().withFixedSeed(4271).withExamples(2000).forAll(seeds(12)).checkAssert(s -> {
                List<Route> arrival = routes(s);
                Route[] routes = arrival.toArray(new Route[0]);
                int n = routes.length;
                long[] keys = new long[DecisionKeys.KEY_WORDS * n];
                for (int i = 0; i < n; i++) {
                    dp.keys().key(routes[i], keys, i);
                }
                List<Route> ranked = dp.rank(arrival);
                int best = dp.keys().best(routes, keys, n, -1);
                assertSame(ranked.get(0), routes[best], () -> o + " " + arrival);
                if (n > 1) {
                    int second = dp.keys().runnerUp(routes, keys, n, best);
                    assertSame(ranked.get(1), routes[second], () -> o + " runner-up " + arrival);
                    assertEquals(dp.compare(ranked.get(0), ranked.get(1)), dp.keys().compare(routes, keys, best, second));
                } else {
                    assertEquals(-1, dp.keys().runnerUp(routes, keys, n, best));
                }
                assertEquals(dp.multipath(ranked), dp.keys().multipath(routes, keys, n, best), () -> o + " " + arrival);
            });
        }
    }

    @Test
    void keyedComparisonGivesTheSameVerdictAsTheFullOne() {
        for (DecisionOptions o : OPTIONS) {
            DecisionProcess dp = new DecisionProcess(o, LOCAL_AS, LOCAL_ID);
            qt().withFixedSeed(5004).withExamples(2000).forAll(lists().of(integers().all()).ofSize(2)).checkAssert(s -> {
                Route[] r = routes(s).toArray(new Route[0]);
                long[] keys = new long[2 * DecisionKeys.KEY_WORDS];
                dp.keys().key(r[0], keys, 0);
                dp.keys().key(r[1], keys, 1);
                assertEquals(dp.compare(r[0], r[1]), dp.keys().compare(r, keys, 0, 1));
                assertEquals(dp.compare(r[1], r[0]), dp.keys().compare(r, keys, 1, 0));
            });
        }
    }

    @Test
    void equalKeysGiveEqualSourceTags() {
        DecisionProcess dp = new DecisionProcess(DecisionOptions.DEFAULT, LOCAL_AS, LOCAL_ID);
        qt().withFixedSeed(7911).forAll(integers().between(2, 250), integers().between(-1, 1000)).checkAssert((n, id) -> {
            assertEquals(dp.keys().sourceTag(peer(n, 65002, true), id),
                    dp.keys().sourceTag(peer(n, 65003, false), id)); // same address, new session
        });
    }

    @Test
    void withoutAddPathDistinctSourcesGetDistinctExactTags() {
        DecisionProcess dp = new DecisionProcess(DecisionOptions.DEFAULT, LOCAL_AS, LOCAL_ID);
        java.util.Map<Long, RouteSource> seen = new java.util.HashMap<>();
        List<RouteSource> sources = new ArrayList<>(List.of(LocalSource.values()));
        for (int n = 0; n < 2100; n++) { // more neighbors than exact tags: the rest are hashed
            sources.add(new PeerSource(IpPrefix.parseAddress("10.0." + (n >>> 8) + "." + (n & 255)),
                    RouterId.of(n), Asn.of(65002), true));
        }
        int exact = 0;
        for (RouteSource s : sources) {
            long tag = dp.keys().sourceTag(s, -1);
            assertEquals(tag, dp.keys().sourceTag(s, -1), "stable");
            if (DecisionKeys.isExactTag(tag)) {
                exact++;
                RouteSource other = seen.put(tag, s);
                assertEquals(null, other, () -> s + " and " + other + " share an exact tag");
            }
            assertEquals(false, DecisionKeys.isExactTag(dp.keys().sourceTag(s, 7)), "ADD-PATH ids are hashed");
        }
        assertEquals(2048, exact);
    }

    @Test
    void addressesCompareAsUnsignedBytesIpv4First() {
        qt().withFixedSeed(4456).forAll(integers().all(), integers().all(), integers().between(0, 3)).checkAssert((x, y, v6) -> {
            java.net.InetAddress a = address(x, (v6 & 1) != 0);
            java.net.InetAddress b = address(y, (v6 & 2) != 0);
            byte[] p = a.getAddress();
            byte[] q = b.getAddress();
            int want = p.length != q.length ? Integer.compare(p.length, q.length) : Arrays.compareUnsigned(p, q);
            assertEquals(Integer.signum(want), Integer.signum(DecisionProcess.compareAddresses(a, b)), a + " vs " + b);
            assertEquals(0, DecisionProcess.compareAddresses(a, address(x, (v6 & 1) != 0)));
        });
    }

    private static java.net.InetAddress address(int v, boolean v6) {
        try {
            byte[] b = v6 ? new byte[16] : new byte[4];
            b[0] = (byte) (v >>> 24);
            b[1] = (byte) (v >>> 16);
            b[2] = (byte) (v >>> 8);
            b[3] = (byte) v;
            if (v6) {
                b[0] = 0x20; // 2001:db8::/32 style, never v4-mapped
                b[15] = (byte) v;
            }
            return java.net.InetAddress.getByAddress(b);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
