package io.jbgp.rib.decision;

import static io.jbgp.rib.TestRoutes.LOCAL_AS;
import static io.jbgp.rib.TestRoutes.LOCAL_ID;
import static io.jbgp.rib.TestRoutes.attrs;
import static io.jbgp.rib.TestRoutes.peer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.jbgp.core.attr.Origin;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.table.Eligibility;
import io.jbgp.rib.table.Route;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties of the decision process (OpenBGPD {@code rde_decide_test.c} {@code test()} and
 * {@code test_evaluate()} as properties): antisymmetry, transitivity when MED does not break it,
 * and independence of the ranking from arrival order.
 */
class DecisionProcessProperties {

    private static final long[] NEIGHBOR_AS = {65002, 65003, LOCAL_AS.value()};

    /**
     * Candidates from a list of seeds; the i-th comes from neighbor i+1, so keys are distinct,
     * and every other field is a few bits of its seed so that ties at each step are common.
     */
    static List<Route> routes(List<Integer> seeds, boolean withMed) {
        List<Route> out = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            int s = seeds.get(i);
            long as = NEIGHBOR_AS[Math.floorMod(s, 3)];
            long[] path = new long[1 + ((s >>> 2) & 1)];
            java.util.Arrays.fill(path, as == LOCAL_AS.value() ? 65010 : as);
            AttributeSet.Builder b = attrs(path).localPref(((s >>> 3) & 1) == 0 ? 100 : 200)
                    .origin(((s >>> 4) & 1) == 0 ? Origin.IGP : Origin.INCOMPLETE);
            int med = (s >>> 5) & 3;
            if (withMed && med > 0) {
                b.med(med * 10L);
            }
            Eligibility e = ((s >>> 7) & 7) == 0 ? Eligibility.NEXTHOP_UNREACHABLE : Eligibility.ELIGIBLE;
            long cost = ((s >>> 10) & 1) * 5L;
            long age = (s >>> 11) & 1;
            out.add(new Route(peer(i + 2, as), -1, b.build(), age, e, cost));
        }
        return out;
    }

    private static Gen<List<Integer>> seeds(int max) {
        return lists().of(integers().all()).ofSizeBetween(1, max);
    }

    @Test
    void comparisonIsAntisymmetric() {
        DecisionProcess dp = new DecisionProcess(DecisionOptions.DEFAULT.withPreferOldest(true), LOCAL_AS, LOCAL_ID);
        qt().withFixedSeed(4271).forAll(lists().of(integers().all()).ofSize(2)).checkAssert(s -> {
            List<Route> r = routes(s, true);
            Verdict ab = dp.compare(r.get(0), r.get(1));
            Verdict ba = dp.compare(r.get(1), r.get(0));
            assertEquals(ab.reversed(), ba);
        });
    }

    @Test
    void comparisonIsTransitiveWhenMedDoesNotApply() {
        DecisionProcess noMed = new DecisionProcess(DecisionOptions.DEFAULT, LOCAL_AS, LOCAL_ID);
        DecisionProcess alwaysMed = new DecisionProcess(DecisionOptions.DEFAULT.withAlwaysCompareMed(true),
                LOCAL_AS, LOCAL_ID);
        qt().withFixedSeed(9112).forAll(lists().of(integers().all()).ofSize(3)).checkAssert(s -> {
            assertTransitive(noMed, routes(s, false));
            assertTransitive(alwaysMed, routes(s, true));
        });
    }

    private static void assertTransitive(DecisionProcess dp, List<Route> r) {
        for (Route a : r) {
            for (Route b : r) {
                for (Route c : r) {
                    if (a != b && b != c && a != c && dp.compare(a, b).firstWins() && dp.compare(b, c).firstWins()) {
                        assertTrue(dp.compare(a, c).firstWins(), () -> "not transitive: " + r);
                    }
                }
            }
        }
    }

    @Test
    void bestPathAndCandidateOrderAreIndependentOfArrivalOrder() {
        for (DecisionOptions o : List.of(DecisionOptions.DEFAULT, DecisionOptions.DEFAULT.withAlwaysCompareMed(true),
                DecisionOptions.DEFAULT.withMaxPaths(4))) {
            DecisionProcess dp = new DecisionProcess(o, LOCAL_AS, LOCAL_ID);
            qt().withFixedSeed(5004).forAll(seeds(7), longs().all()).checkAssert((s, shuffleSeed) -> {
                List<Route> r = routes(s, true);
                List<Route> shuffled = new ArrayList<>(r);
                Collections.shuffle(shuffled, new Random(shuffleSeed));
                List<Route> expected = dp.rank(r);
                assertEquals(expected, dp.rank(shuffled));
                assertEquals(dp.multipath(expected), dp.multipath(dp.rank(shuffled)));
            });
        }
    }

    @Test
    void bestPathBeatsEveryOtherEligibleCandidateWithItsNeighborAs() {
        DecisionProcess dp = new DecisionProcess(DecisionOptions.DEFAULT, LOCAL_AS, LOCAL_ID);
        qt().withFixedSeed(77).forAll(seeds(7)).checkAssert(s -> {
            List<Route> ranked = dp.rank(routes(s, true));
            Route best = ranked.get(0);
            for (Route r : ranked.subList(1, ranked.size())) {
                if (r.attrs().asPath().neighborAs() == best.attrs().asPath().neighborAs()) {
                    assertTrue(dp.compare(best, r).firstWins(), () -> best + " should beat " + r);
                }
            }
        });
    }
}
