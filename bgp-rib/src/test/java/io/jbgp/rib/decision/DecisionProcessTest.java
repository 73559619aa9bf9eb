package io.jbgp.rib.decision;

import static io.jbgp.rib.TestRoutes.LOCAL_AS;
import static io.jbgp.rib.TestRoutes.LOCAL_ID;
import static io.jbgp.rib.TestRoutes.attrs;
import static io.jbgp.rib.TestRoutes.peer;
import static io.jbgp.rib.TestRoutes.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.AsPathSegment;
import io.jbgp.core.attr.ClusterList;
import io.jbgp.core.attr.Origin;
import io.jbgp.core.attr.OriginatorId;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.types.RouterId;
import io.jbgp.rib.table.Eligibility;
import io.jbgp.rib.table.LocalSource;
import io.jbgp.rib.table.PeerSource;
import io.jbgp.rib.table.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One example per decision step, in the spirit of OpenBGPD's {@code rde_decide_test.c}: two
 * paths that differ in exactly that step, checked in both directions.
 */
class DecisionProcessTest {

    private final DecisionProcess dp = new DecisionProcess(DecisionOptions.DEFAULT, LOCAL_AS, LOCAL_ID);

    /** Asserts {@code better} beats {@code worse} at {@code step}, seen from both sides. */
    private void assertBetter(DecisionProcess d, Route better, Route worse, DecisionStep step) {
        assertEquals(new Verdict(-1, step), d.compare(better, worse));
        assertEquals(new Verdict(1, step), d.compare(worse, better));
        assertEquals(better, d.rank(List.of(worse, better)).get(0));
        assertEquals(better, d.rank(List.of(better, worse)).get(0));
    }

    private void assertBetter(Route better, Route worse, DecisionStep step) {
        assertBetter(dp, better, worse, step);
    }

    @Test
    void eligibilityCheck() {
        Route ok = route(peer(3, 65003), attrs(65003, 65010).build());
        Route bad = new Route(peer(2, 65002), Nlri.NO_PATH_ID, attrs(65002).localPref(500).build(), 0,
                Eligibility.NEXTHOP_UNREACHABLE, 0);
        assertBetter(ok, bad, DecisionStep.ELIGIBILITY);
    }

    @Test
    void eligibilityDetectsLoopsAndUnreachableNexthops() {
        PeerSource ebgp = peer(2, 65002);
        PeerSource ibgp = peer(3, LOCAL_AS.value());
        assertEquals(Eligibility.AS_LOOP, dp.eligibility(ebgp, attrs(65002, LOCAL_AS.value()).build(), true));
        assertEquals(Eligibility.ORIGINATOR_ID_SELF,
                dp.eligibility(ibgp, attrs().other(new OriginatorId(LOCAL_ID)).build(), true));
        assertEquals(Eligibility.CLUSTER_LOOP,
                dp.eligibility(ibgp, attrs().other(new ClusterList(List.of(LOCAL_ID))).build(), true));
        assertEquals(Eligibility.NEXTHOP_UNREACHABLE, dp.eligibility(ebgp, attrs(65002).build(), false));
        assertEquals(Eligibility.ELIGIBLE, dp.eligibility(ebgp, attrs(65002).build(), true));
        assertEquals(Eligibility.ELIGIBLE, dp.eligibility(LocalSource.CONFIGURED, attrs().build(), false));
    }

    @Test
    void localPreferenceCheck() {
        assertBetter(route(peer(3, 65003), attrs(65003, 65004, 65005).localPref(200).build()),
                route(peer(2, 65002), attrs(65002).localPref(100).build()), DecisionStep.LOCAL_PREF);
    }

    @Test
    void missingLocalPrefCountsAsOneHundred() {
        assertBetter(route(peer(3, 65003), attrs(65003, 65004).localPref(101).build()),
                route(peer(2, 65002), attrs(65002).build()), DecisionStep.LOCAL_PREF);
        assertBetter(route(peer(3, 65003), attrs(65003).build()),
                route(peer(2, 65002), attrs(65002, 65004).localPref(100).build()), DecisionStep.AS_PATH_LENGTH);
    }

    @Test
    void asPathCountCheck() {
        assertBetter(route(peer(3, 65003), attrs(65003).build()),
                route(peer(2, 65002), attrs(65002, 65010).build()), DecisionStep.AS_PATH_LENGTH);
    }

    @Test
    void asSetCountsOneAndConfederationZero() {
        AsPath withSet = AsPath.of(AsPathSegment.sequence(65003), AsPathSegment.set(65010, 65011, 65012));
        AsPath withConfed = AsPath.of(AsPathSegment.of(AsPathSegment.Type.AS_CONFED_SEQUENCE, 65100L, 65101L),
                AsPathSegment.sequence(65002));
        // set: length 2; plain sequence of 3: length 3
        assertBetter(route(peer(3, 65003), attrs().asPath(withSet).build()),
                route(peer(2, 65002), attrs(65002, 65010, 65011).build()), DecisionStep.AS_PATH_LENGTH);
        // confed segment counts 0: length 1 beats length 2
        assertBetter(route(peer(3, 65003), attrs().asPath(withConfed).build()),
                route(peer(2, 65002), attrs(65002, 65010).build()), DecisionStep.AS_PATH_LENGTH);
    }

    @Test
    void originCheck() {
        assertBetter(route(peer(3, 65003), attrs(65003).origin(Origin.IGP).build()),
                route(peer(2, 65002), attrs(65002).origin(Origin.EGP).build()), DecisionStep.ORIGIN);
        assertBetter(route(peer(3, 65003), attrs(65003).origin(Origin.EGP).build()),
                route(peer(2, 65002), attrs(65002).origin(Origin.INCOMPLETE).build()), DecisionStep.ORIGIN);
    }

    @Test
    void medCheckWithinOneNeighborAs() {
        // two sessions into AS 65002: MED applies
        assertBetter(route(peer(3, 65002), attrs(65002).med(10).build()),
                route(peer(2, 65002), attrs(65002).med(20).build()), DecisionStep.MED);
        // absent MED is the lowest possible value
        assertBetter(route(peer(3, 65002), attrs(65002).build()),
                route(peer(2, 65002), attrs(65002).med(1).build()), DecisionStep.MED);
    }

    @Test
    void medIgnoredAcrossNeighborAsUnlessAlwaysCompared() {
        Route lowMed = route(peer(3, 65003), attrs(65003).med(10).build());
        Route highMed = route(peer(2, 65002), attrs(65002).med(20).build());
        // different neighbor AS: MED skipped, router id 10.0.2.1 < 10.0.3.1 decides
        assertBetter(highMed, lowMed, DecisionStep.ROUTER_ID);
        DecisionProcess always = new DecisionProcess(DecisionOptions.DEFAULT.withAlwaysCompareMed(true),
                LOCAL_AS, LOCAL_ID);
        assertBetter(always, lowMed, highMed, DecisionStep.MED);
    }

    @Test
    void ebgpOverIbgp() {
        assertBetter(route(peer(3, 65003), attrs(65003).localPref(100).build()),
                route(peer(2, LOCAL_AS.value()), attrs(65003).localPref(100).build()), DecisionStep.EBGP_OVER_IBGP);
    }

    @Test
    void nexthopCostCheck() {
        PeerSource a = peer(3, LOCAL_AS.value());
        PeerSource b = peer(2, LOCAL_AS.value());
        assertBetter(new Route(a, Nlri.NO_PATH_ID, attrs(65010).build(), 0, Eligibility.ELIGIBLE, 5),
                new Route(b, Nlri.NO_PATH_ID, attrs(65010).build(), 0, Eligibility.ELIGIBLE, 10),
                DecisionStep.IGP_COST);
    }

    @Test
    void routeAgeCheckWhenEnabled() {
        DecisionProcess oldest = new DecisionProcess(DecisionOptions.DEFAULT.withPreferOldest(true), LOCAL_AS,
                LOCAL_ID);
        Route older = new Route(peer(3, 65003), Nlri.NO_PATH_ID, attrs(65003).build(), 100, Eligibility.ELIGIBLE, 0);
        Route newer = new Route(peer(2, 65002), Nlri.NO_PATH_ID, attrs(65002).build(), 200, Eligibility.ELIGIBLE, 0);
        assertBetter(oldest, older, newer, DecisionStep.ROUTE_AGE);
        // disabled by default: router id decides instead
        assertBetter(newer, older, DecisionStep.ROUTER_ID);
    }

    @Test
    void bgpIdCheck() {
        PeerSource low = new PeerSource(io.jbgp.rib.TestRoutes.addr("10.0.0.9"), RouterId.parse("10.0.0.1"),
                io.jbgp.core.types.Asn.of(65009), true);
        assertBetter(route(low, attrs(65009).build()), route(peer(2, 65002), attrs(65002).build()),
                DecisionStep.ROUTER_ID);
    }

    @Test
    void originatorIdReplacesRouterId() {
        PeerSource a = peer(2, LOCAL_AS.value()); // router id 10.0.2.1
        PeerSource b = peer(3, LOCAL_AS.value()); // router id 10.0.3.1
        Route reflected = route(b, attrs(65010).other(new OriginatorId(RouterId.parse("10.0.0.5"))).build());
        assertBetter(reflected, route(a, attrs(65010).build()), DecisionStep.ROUTER_ID);
    }

    @Test
    void clusterListLengthCheck() {
        RouterId orig = RouterId.parse("10.9.9.9");
        Route shortList = route(peer(3, LOCAL_AS.value()), attrs(65010).other(new OriginatorId(orig))
                .other(new ClusterList(List.of(RouterId.parse("10.1.1.1")))).build());
        Route longList = route(peer(2, LOCAL_AS.value()), attrs(65010).other(new OriginatorId(orig))
                .other(new ClusterList(List.of(RouterId.parse("10.1.1.1"), RouterId.parse("10.1.1.2")))).build());
        assertBetter(shortList, longList, DecisionStep.CLUSTER_LIST_LENGTH);
    }

    @Test
    void remotePeerAddressCheck() {
        RouterId same = RouterId.parse("10.7.7.7");
        PeerSource a = new PeerSource(io.jbgp.rib.TestRoutes.addr("10.0.0.2"), same,
                io.jbgp.core.types.Asn.of(65002), true);
        PeerSource b = new PeerSource(io.jbgp.rib.TestRoutes.addr("10.0.0.3"), same,
                io.jbgp.core.types.Asn.of(65002), true);
        assertBetter(route(a, attrs(65002).build()), route(b, attrs(65002).build()), DecisionStep.PEER_ADDRESS);
    }

    @Test
    void localSourcesPrecedeNeighborsAndConfiguredPrecedesConnected() {
        Route configured = new Route(LocalSource.CONFIGURED, Nlri.NO_PATH_ID, attrs().build(), 0,
                Eligibility.ELIGIBLE, 0);
        Route connected = new Route(LocalSource.CONNECTED, Nlri.NO_PATH_ID, attrs().build(), 0,
                Eligibility.ELIGIBLE, 0);
        assertBetter(configured, connected, DecisionStep.PEER_ADDRESS);
    }

    @Test
    void pathIdCheck() {
        PeerSource p = peer(2, 65002);
        assertBetter(new Route(p, 1, attrs(65002).build(), 0, Eligibility.ELIGIBLE, 0),
                new Route(p, 2, attrs(65002).build(), 0, Eligibility.ELIGIBLE, 0), DecisionStep.PATH_ID);
    }

    @Test
    void identicalKeysAreAnInvariantViolation() {
        Route r = route(peer(2, 65002), attrs(65002).build());
        assertThrows(IllegalStateException.class, () -> dp.compare(r, r));
    }

    @Test
    void deterministicMedIgnoresArrivalOrder() {
        // the classic intransitive triple: a beats b (MED, same AS), b beats c (router id),
        // c beats a (router id); deterministic MED always picks the same best.
        Route a = route(peer(5, 65002), attrs(65002).med(10).build());
        Route b = route(peer(4, 65002), attrs(65002).med(20).build());
        Route c = route(peer(3, 65003), attrs(65003).med(5).build());
        List<Route> first = dp.rank(List.of(a, b, c));
        assertEquals(first, dp.rank(List.of(c, b, a)));
        assertEquals(first, dp.rank(List.of(b, a, c)));
        // group 65002 sorted by MED puts a first; a (10.0.5.1) loses to c (10.0.3.1) by router id
        assertEquals(List.of(c, a, b), first);
    }

    @Test
    void multipathCollectsPathsTiedThroughNexthopCost() {
        DecisionProcess ecmp = new DecisionProcess(DecisionOptions.DEFAULT.withMaxPaths(2), LOCAL_AS, LOCAL_ID);
        Route a = route(peer(2, 65002), attrs(65002).build());
        Route b = route(peer(3, 65002), attrs(65002).build());
        Route c = route(peer(4, 65002), attrs(65002).build());
        Route worse = route(peer(5, 65002), attrs(65002, 65002).build());
        List<Route> ranked = ecmp.rank(List.of(worse, c, b, a));
        assertEquals(List.of(a, b), ecmp.multipath(ranked));
        assertEquals(List.of(a), dp.multipath(ranked));
    }
}
