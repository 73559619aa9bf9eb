package io.jbgp.rib.decision;

import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.table.Eligibility;
import io.jbgp.rib.table.LocalSource;
import io.jbgp.rib.table.PeerSource;
import io.jbgp.rib.table.Route;
import io.jbgp.rib.table.RouteSource;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/*
 * RFC 4271 §9.1.1, Phase 1: Calculation of Degree of Preference
 *   "This decision function is invoked whenever the local BGP speaker receives, from a peer, an
 *    UPDATE message that advertises a new route, a replacement route, or withdrawn routes. [...]
 *    If the route is learned from an internal peer, either the value of the LOCAL_PREF attribute
 *    is taken as the degree of preference, or the local system computes the degree of preference
 *    of the route based on preconfigured policy information."
 *
 * RFC 4271 §9.1.2, Phase 2: Route Selection
 *   "If the NEXT_HOP attribute of a BGP route depicts an address that is not resolvable, or if it
 *    would become unresolvable if the route was installed in the routing table, the BGP route
 *    MUST be excluded from the Phase 2 decision function.
 *    If the AS_PATH attribute of a BGP route contains an AS loop, the BGP route should be
 *    excluded from the Phase 2 decision function. [...]
 *    [...] the local BGP speaker identifies the route that has:
 *      a) the highest degree of preference of any route to the same set of destinations, or
 *      b) is the only route to that destination, or
 *      c) is selected as a result of the Phase 2 tie breaking rules specified in 9.1.2.2."
 *
 * RFC 4271 §9.1.2.2, Breaking Ties (Phase 2)
 *   "a) Remove from consideration all routes that are not tied for having the smallest number of
 *       AS numbers present in their AS_PATH attributes. Note that when counting this number, an
 *       AS_SET counts as 1, no matter how many ASes are in the set.
 *    b) Remove from consideration all routes that are not tied for having the lowest Origin
 *       number in their Origin attribute.
 *    c) Remove from consideration routes with less-preferred MULTI_EXIT_DISC attributes.
 *       MULTI_EXIT_DISC is only comparable between routes learned from the same neighboring AS
 *       [...]. Routes that do not have the MULTI_EXIT_DISC attribute are considered to have the
 *       lowest possible MULTI_EXIT_DISC value.
 *    d) If at least one of the candidate routes was received via EBGP, remove from consideration
 *       all routes that were received via IBGP.
 *    e) Remove from consideration any routes with less-preferred interior cost. [...]
 *    f) Remove from consideration all routes other than the route that was advertised by the BGP
 *       speaker with the lowest BGP Identifier value.
 *    g) Prefer the route received from the lowest peer address."
 *   RFC 4456 §9 replaces the BGP Identifier by ORIGINATOR_ID when present and inserts "prefer the
 *   shorter CLUSTER_LIST" before (g). RFC 5004 allows preferring the older eBGP path before (f).
 *
 * What we implement (each step below is numbered like this list and returns a Verdict):
 *   1  eligibility: not an AS loop (eBGP, our AS in AS_PATH), not ORIGINATOR_ID == our router id
 *      or our cluster id in CLUSTER_LIST (RFC 4456 §8), next hop resolvable. Ineligible routes
 *      stay in the table, sorted last, and never win.
 *   2  highest LOCAL_PREF (absent counts as 100, the usual default; the Rib sets it on import).
 *   3  shortest AS_PATH: AS_SET counts 1, confederation segments 0 (RFC 5065 §5.3).
 *   4  lowest ORIGIN (IGP < EGP < INCOMPLETE).
 *   5  lowest MED, only between paths with the same neighbor AS unless alwaysCompareMed; absent
 *      MED counts as 0. Because this makes the comparison intransitive, rank() implements
 *      deterministic MED (STYLE §7.4): paths are grouped by neighbor AS, each group is sorted
 *      with MED, and the group heads are merged without MED. The outcome is then independent of
 *      arrival order; without deterministicMed we insert in arrival order like OpenBGPD.
 *   6  eBGP over iBGP; locally originated routes count as iBGP (OpenBGPD's peerself).
 *   7  lowest next-hop cost, as resolved by the NexthopResolver (connected 0, static priority).
 *   8  optional (preferOldest): the older of two eBGP paths wins (RFC 5004).
 *   9  lowest router id, ORIGINATOR_ID standing in when present (RFC 4456 §9); local routes use
 *      our own router id.
 *   10 shortest CLUSTER_LIST (RFC 4456 §9).
 *   11 lowest neighbor address; local routes sort before all neighbors, and among themselves a
 *      configured network before static before connected.
 *   12 lowest path id (ADD-PATH: several paths from the same neighbor).
 *   Two distinct routes can not survive all steps; if they do, the table holds a duplicate key
 *   and we throw IllegalStateException (OpenBGPD fatalx).
 *
 * ECMP: multipath() returns the best plus the eligible paths that tie with it up to and
 * including step 7 (so they differ only in age, router id, cluster list, address or path id)
 * and share its neighbor AS, at most maxPaths of them. Only the forwarding table uses this set;
 * export always announces the single best.
 */

/**
 * The BGP decision process: eligibility, the pairwise comparison of two paths and the ranking of
 * all candidates of a prefix. Pure and stateless apart from its configuration; it never logs and
 * never touches the FIB (STYLE §7 rule 2).
 */
public final class DecisionProcess {

    private static final long DEFAULT_LOCAL_PREF = 100;

    private final DecisionOptions options;
    private final Asn localAs;
    private final RouterId routerId;
    private final RouterId clusterId;

    /** A decision process for a speaker in {@code localAs} with BGP Identifier {@code routerId}. */
    public DecisionProcess(DecisionOptions options, Asn localAs, RouterId routerId) {
        this.options = options;
        this.localAs = localAs;
        this.routerId = routerId;
        this.clusterId = routerId; // RFC 4456 §7: the cluster id defaults to the router id
    }

    public DecisionOptions options() {
        return options;
    }

    /** Step 1: whether a route may take part in selection (RFC 4271 §9.1.2, RFC 4456 §8). */
    public Eligibility eligibility(RouteSource source, AttributeSet attrs, boolean nexthopReachable) {
        if (source instanceof PeerSource p) {
            // an eBGP path through our own AS would loop; iBGP paths never carry our AS first
            if (p.ebgp() && attrs.asPath().containsAs(localAs.value())) {
                return Eligibility.AS_LOOP;
            }
            if (routerId.equals(attrs.originatorId())) {
                return Eligibility.ORIGINATOR_ID_SELF;
            }
            if (attrs.clusterList().contains(clusterId)) {
                return Eligibility.CLUSTER_LOOP;
            }
            if (!nexthopReachable) {
                return Eligibility.NEXTHOP_UNREACHABLE;
            }
        }
        return Eligibility.ELIGIBLE;
    }

    /** Compares two distinct paths to the same prefix; negative sign when {@code a} is better. */
    public Verdict compare(Route a, Route b) {
        return compare(a, b, options.alwaysCompareMed());
    }

    private Verdict compare(Route a, Route b, boolean alwaysMed) {
        AttributeSet x = a.attrs();
        AttributeSet y = b.attrs();
        int c;
        // 1. eligible before ineligible
        if ((c = Boolean.compare(b.isEligible(), a.isEligible())) != 0) {
            return new Verdict(c, DecisionStep.ELIGIBILITY);
        }
        // 2. RFC 4271 §9.1.1: higher degree of preference (LOCAL_PREF)
        if ((c = Long.compare(localPref(y), localPref(x))) != 0) {
            return new Verdict(c, DecisionStep.LOCAL_PREF);
        }
        // 3. §9.1.2.2 (a): fewer ASes; AsPath.length() counts an AS_SET once, confeds not at all
        if ((c = Integer.compare(x.asPath().length(), y.asPath().length())) != 0) {
            return new Verdict(c, DecisionStep.AS_PATH_LENGTH);
        }
        // 4. §9.1.2.2 (b): lowest ORIGIN
        if ((c = Integer.compare(x.origin().code(), y.origin().code())) != 0) {
            return new Verdict(c, DecisionStep.ORIGIN);
        }
        // 5. §9.1.2.2 (c): lowest MED, comparable only within one neighbor AS; absent MED is 0
        if (medApplies(x, y, alwaysMed) && (c = Long.compare(med(x), med(y))) != 0) {
            return new Verdict(c, DecisionStep.MED);
        }
        // 6. §9.1.2.2 (d): eBGP over iBGP (local routes count as iBGP)
        if ((c = Boolean.compare(b.source().isEbgp(), a.source().isEbgp())) != 0) {
            return new Verdict(c, DecisionStep.EBGP_OVER_IBGP);
        }
        // 7. §9.1.2.2 (e): lowest interior cost to the next hop
        if ((c = Long.compare(a.igpCost(), b.igpCost())) != 0) {
            return new Verdict(c, DecisionStep.IGP_COST);
        }
        // 8. RFC 5004: keep the older eBGP path to reduce churn (optional)
        if (options.preferOldest() && a.source().isEbgp() && b.source().isEbgp()
                && (c = Long.compare(a.lastChangeNanos(), b.lastChangeNanos())) != 0) {
            return new Verdict(c, DecisionStep.ROUTE_AGE);
        }
        // 9. §9.1.2.2 (f), RFC 4456 §9: lowest BGP Identifier, ORIGINATOR_ID when present
        if ((c = effectiveRouterId(a).compareTo(effectiveRouterId(b))) != 0) {
            return new Verdict(c, DecisionStep.ROUTER_ID);
        }
        // 10. RFC 4456 §9: shortest CLUSTER_LIST
        if ((c = Integer.compare(x.clusterList().size(), y.clusterList().size())) != 0) {
            return new Verdict(c, DecisionStep.CLUSTER_LIST_LENGTH);
        }
        // 11. §9.1.2.2 (g): lowest peer address; local sources first, in declaration order
        if ((c = compareSources(a.source(), b.source())) != 0) {
            return new Verdict(c, DecisionStep.PEER_ADDRESS);
        }
        // 12. ADD-PATH: several paths of one neighbor differ only in their path id
        if ((c = Long.compare(a.pathId(), b.pathId())) != 0) {
            return new Verdict(c, DecisionStep.PATH_ID);
        }
        throw new IllegalStateException("compare: two distinct routes compared equal: " + a + " and " + b);
    }

    /**
     * The candidates ordered best first. {@code arrival} is in arrival order (oldest first); it
     * matters only when MED is neither deterministic nor always compared.
     */
    public List<Route> rank(Collection<Route> arrival) {
        List<Route> out = new ArrayList<>(arrival);
        if (out.size() < 2) {
            return out;
        }
        if (options.alwaysCompareMed()) {
            // MED applies to every pair, so the comparison is a total order
            out.sort((a, b) -> compare(a, b).sign());
            return out;
        }
        if (!options.deterministicMed()) {
            return insertInArrivalOrder(arrival);
        }
        // deterministic MED: within one neighbor AS MED always applies (a total order) ...
        Map<Long, List<Route>> groups = new LinkedHashMap<>();
        for (Route r : arrival) {
            groups.computeIfAbsent(r.attrs().asPath().neighborAs(), k -> new ArrayList<>()).add(r);
        }
        List<List<Route>> sorted = new ArrayList<>(groups.values());
        for (List<Route> g : sorted) {
            g.sort((a, b) -> compare(a, b).sign());
        }
        // ... and heads of different groups never compare MED, which is a total order too
        out.clear();
        int[] next = new int[sorted.size()];
        while (out.size() < arrival.size()) {
            int pick = -1;
            for (int i = 0; i < sorted.size(); i++) {
                if (next[i] < sorted.get(i).size() && (pick < 0 || compare(sorted.get(i).get(next[i]),
                        sorted.get(pick).get(next[pick]), false).firstWins())) {
                    pick = i;
                }
            }
            out.add(sorted.get(pick).get(next[pick]++));
        }
        return out;
    }

    /** The ECMP set: the best and the eligible paths tied with it through step 7 (see above). */
    public List<Route> multipath(List<Route> ranked) {
        if (ranked.isEmpty() || !ranked.get(0).isEligible()) {
            return List.of();
        }
        Route best = ranked.get(0);
        List<Route> out = new ArrayList<>();
        out.add(best);
        for (int i = 1; i < ranked.size() && out.size() < options.maxPaths(); i++) {
            Route r = ranked.get(i);
            if (r.isEligible() && compare(best, r).decidedBy().compareTo(DecisionStep.IGP_COST) > 0
                    && r.attrs().asPath().neighborAs() == best.attrs().asPath().neighborAs()) {
                out.add(r);
            }
        }
        return out;
    }

    private List<Route> insertInArrivalOrder(Collection<Route> arrival) {
        List<Route> out = new ArrayList<>(arrival.size());
        for (Route r : arrival) {
            int i = 0;
            while (i < out.size() && !compare(r, out.get(i)).firstWins()) {
                i++;
            }
            out.add(i, r);
        }
        return out;
    }

    private static boolean medApplies(AttributeSet x, AttributeSet y, boolean alwaysMed) {
        return alwaysMed || x.asPath().neighborAs() == y.asPath().neighborAs();
    }

    private static long localPref(AttributeSet a) {
        return a.hasLocalPref() ? a.localPref() : DEFAULT_LOCAL_PREF;
    }

    private static long med(AttributeSet a) {
        return a.hasMed() ? a.med() : 0;
    }

    private RouterId effectiveRouterId(Route r) {
        RouterId originator = r.attrs().originatorId();
        if (originator != null) {
            return originator;
        }
        return r.source() instanceof PeerSource p ? p.routerId() : routerId;
    }

    /** Local sources first (in declaration order), then neighbors by address. */
    static int compareSources(RouteSource a, RouteSource b) {
        if (a instanceof LocalSource la) {
            return b instanceof LocalSource lb ? Integer.compare(la.ordinal(), lb.ordinal()) : -1;
        }
        if (b instanceof LocalSource) {
            return 1;
        }
        return compareAddresses(((PeerSource) a).address(), ((PeerSource) b).address());
    }

    /** IPv4 before IPv6, then unsigned byte order. */
    public static int compareAddresses(InetAddress a, InetAddress b) {
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        if (x.length != y.length) {
            return Integer.compare(x.length, y.length);
        }
        return java.util.Arrays.compareUnsigned(x, y);
    }
}
