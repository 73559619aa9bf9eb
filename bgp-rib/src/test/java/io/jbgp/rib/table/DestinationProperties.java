package io.jbgp.rib.table;

import static io.jbgp.rib.TestRoutes.LOCAL_AS;
import static io.jbgp.rib.TestRoutes.LOCAL_ID;
import static io.jbgp.rib.TestRoutes.attrs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.jbgp.core.attr.OriginatorId;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.decision.DecisionOptions;
import io.jbgp.rib.decision.DecisionProcess;
import io.jbgp.rib.decision.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link Destination} (flat arrays, keyed O(n) best path) against a model that keeps the
 * candidates in a list in arrival order and ranks them fully after every step, as the Loc-RIB did
 * before: for random sequences of announcements, replacements, withdrawals and next-hop
 * re-evaluations, the best path, the ECMP set, the ranking, the reasons and whether (and what)
 * a {@link BestPathChange} is reported all agree.
 */
class DestinationProperties {

    private static final IpPrefix PREFIX = IpPrefix.parse("198.51.100.0/24");

    private static final List<DecisionOptions> OPTIONS = List.of(DecisionOptions.DEFAULT,
            DecisionOptions.DEFAULT.withMaxPaths(3), DecisionOptions.DEFAULT.withAlwaysCompareMed(true).withMaxPaths(2),
            DecisionOptions.DEFAULT.withDeterministicMed(false).withMaxPaths(2));

    // ops: the low 3 bits pick the neighbor, the sign bit its path id (16 keys), bit 3 withdraw,
    // bit 4 re-evaluate; the rest picks the attributes
    private static Route route(int op, long now) {
        int n = op & 7;
        int s = op >>> 5;
        long as = 65002 + (n & 3) / 2 * ((s & 1) + 1); // pairs share an AS, sometimes not
        long[] path = new long[1 + ((s >>> 1) & 1)];
        java.util.Arrays.fill(path, as);
        AttributeSet.Builder b = attrs(path).localPref(((s >>> 2) & 7) == 0 ? 200 : 100);
        int med = (s >>> 5) & 3;
        if (med > 0) {
            b.med(med * 10L);
        }
        if (((s >>> 7) & 7) == 0) {
            b.other(new OriginatorId(RouterId.of((s >>> 10) & 3)));
        }
        Eligibility e = ((s >>> 12) & 7) == 0 ? Eligibility.NEXTHOP_UNREACHABLE : Eligibility.ELIGIBLE;
        PeerSource src = new PeerSource(IpPrefix.parseAddress("10.0.0." + (n + 2)), RouterId.parse("10.0." + (n % 3)
                + ".1"), Asn.of(as), true);
        return new Route(src, pathId(op), b.build(), now, e, ((s >>> 15) & 1) * 3L);
    }

    // ADD-PATH: the sign bit gives a neighbor a second path (id 1) beside its plain one
    private static long pathId(int op) {
        return op < 0 ? 1 : -1;
    }

    private static PeerSource source(int n) {
        return new PeerSource(IpPrefix.parseAddress("10.0.0." + (n + 2)), RouterId.parse("10.0.0.9"), Asn.of(1), true);
    }

    @Test
    void flatDestinationBehavesLikeTheFullRankingModel() {
        for (DecisionOptions o : OPTIONS) {
            DecisionProcess dp = new DecisionProcess(o, LOCAL_AS, LOCAL_ID);
            qt().withFixedSeed(4271).withExamples(500).forAll(lists().of(integers().all()).ofSizeBetween(1, 60))
                    .checkAssert(ops -> {
                        Destination d = new Destination(PREFIX, dp);
                        List<Route> model = new ArrayList<>(); // arrival order
                        long now = 0;
                        for (int op : ops) {
                            Route oldBest = best(dp, model);
                            List<Route> oldMultipath = dp.multipath(dp.rank(model));
                            Optional<BestPathChange> change;
                            int n = op & 7;
                            if ((op & 8) != 0) {
                                change = d.withdraw(source(n), pathId(op));
                                model.removeIf(r -> r.sameKey(source(n), pathId(op)));
                            } else if ((op & 16) != 0) {
                                // next-hop re-evaluation flips the eligibility of one neighbor
                                java.util.function.UnaryOperator<Route> f = r -> r.sameKey(source(n), pathId(op))
                                        ? r.withResolution(r.isEligible() ? Eligibility.NEXTHOP_UNREACHABLE
                                                : Eligibility.ELIGIBLE, r.igpCost()) : r;
                                change = d.reevaluate(f);
                                model.replaceAll(f);
                            } else {
                                Route r = route(op, ++now);
                                change = d.update(r);
                                model.removeIf(x -> x.sameKey(r.source(), r.pathId()));
                                model.add(r);
                            }
                            List<Route> ranked = dp.rank(model);
                            Route newBest = best(dp, model);
                            List<Route> multipath = dp.multipath(ranked);
                            assertEquals(ranked, d.candidates(), () -> o + " ranking");
                            assertEquals(newBest, d.best());
                            assertEquals(multipath, d.multipath());
                            assertEquals(model.size(), d.size());
                            assertEquals(model.isEmpty(), d.isEmpty());
                            boolean moved = !Objects.equals(oldBest, newBest) || !oldMultipath.equals(multipath);
                            assertEquals(moved, change.isPresent(), () -> o + " change reported " + change);
                            if (moved) {
                                Optional<Verdict> reason = newBest != null && ranked.size() > 1 && ranked.get(1).isEligible()
                                        ? Optional.of(dp.compare(newBest, ranked.get(1))) : Optional.empty();
                                assertEquals(new BestPathChange(PREFIX, Optional.ofNullable(oldBest),
                                        Optional.ofNullable(newBest), multipath, reason), change.get());
                            }
                            for (Route r : model) {
                                assertEquals(r, d.find(r.source(), r.pathId()));
                            }
                            assertEquals(d.candidates().size() < 2 ? List.of() : reasonsOf(dp, ranked), d.reasons());
                        }
                    });
        }
    }

    private static List<Verdict> reasonsOf(DecisionProcess dp, List<Route> ranked) {
        List<Verdict> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            out.add(i == 0 ? dp.compare(ranked.get(0), ranked.get(1)) : dp.compare(ranked.get(i), ranked.get(0)));
        }
        return out;
    }

    private static Route best(DecisionProcess dp, List<Route> model) {
        List<Route> ranked = dp.rank(model);
        return ranked.isEmpty() || !ranked.get(0).isEligible() ? null : ranked.get(0);
    }
}
