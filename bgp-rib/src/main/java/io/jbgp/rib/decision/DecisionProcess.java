package io.jbgp.rib.decision;

import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.table.Eligibility;
import io.jbgp.rib.table.LocalSource;
import io.jbgp.rib.table.PeerSource;
import io.jbgp.rib.table.Route;
import io.jbgp.rib.table.RouteSource;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

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
 *      with MED, and the group heads are merged without MED (a heap of groups, O(n log groups)).
 *      The outcome is then independent of arrival order; without deterministicMed we insert in
 *      arrival order like OpenBGPD. The Loc-RIB does not rank after each change: DecisionKeys
 *      finds the head of that ranking in O(n) (the best of the group winners) from a few cached
 *      decision inputs per candidate, and rank() runs only for "show" and snapshots.
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
    private final DecisionKeys keys = new DecisionKeys(this);

    // built once: a capturing lambda per rank() call was a measurable share of the allocation
    private final Comparator<Route> withMed = (a, b) -> order(a, b, true);
    private final Comparator<Route> byNeighborAsThenMed = (a, b) -> {
        int g = Long.compare(neighborAs(a), neighborAs(b));
        return g != 0 ? g : order(a, b, true);
    };

    /**
     * A decision process for a speaker in {@code localAs} with BGP Identifier {@code routerId}.
     *
     * @param options the tie-breaking knobs
     * @param localAs our AS, to tell eBGP from iBGP and detect loops
     * @param routerId our BGP Identifier, to detect reflected routes we originated (RFC 4456 §8)
     */
    public DecisionProcess(DecisionOptions options, Asn localAs, RouterId routerId) {
        this.options = options;
        this.localAs = localAs;
        this.routerId = routerId;
        this.clusterId = routerId; // RFC 4456 §7: the cluster id defaults to the router id
    }

    /**
     * {@return the keyed best-path selection the Loc-RIB runs after each change (same outcome as
     * the head of {@link #rank}, in O(n) from cached decision inputs)}
     */
    public DecisionKeys keys() {
        return keys;
    }

    /** {@return the options this process was built with} */
    public DecisionOptions options() {
        return options;
    }

    /**
     * Step 1: whether a route may take part in selection (RFC 4271 §9.1.2, RFC 4456 §8).
     *
     * @param source where the route came from
     * @param attrs its attributes after import policy
     * @param nexthopReachable whether the next hop resolved (RFC 4271 §9.1.2 (a))
     * @return {@link Eligibility#ELIGIBLE} or the reason it is not
     */
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

    /**
     * Compares two distinct paths to the same prefix; negative sign when {@code a} is better.
     *
     * @param a one path
     * @param b another path to the same prefix
     * @return the sign and the step that decided
     * @throws IllegalStateException if the two are indistinguishable (a caller bug: same route
     *     twice)
     */
    public Verdict compare(Route a, Route b) {
        int c = order(a, b, options.alwaysCompareMed());
        return new Verdict(c, STEPS[Math.abs(c) - 1]);
    }

    static final DecisionStep[] STEPS = DecisionStep.values();

    /** Encodes the deciding step in an int so the hot path allocates no {@link Verdict}. */
    static int decided(int c, DecisionStep step) {
        return c < 0 ? -(step.ordinal() + 1) : step.ordinal() + 1;
    }

    /**
     * The comparison without allocation: negative when {@code a} is better, positive when
     * {@code b} is; the magnitude is the deciding {@link DecisionStep}'s ordinal plus one.
     */
    int order(Route a, Route b, boolean alwaysMed) {
        AttributeSet x = a.attrs();
        AttributeSet y = b.attrs();
        int c;
        // 1. eligible before ineligible
        if ((c = Boolean.compare(b.isEligible(), a.isEligible())) != 0) {
            return decided(c, DecisionStep.ELIGIBILITY);
        }
        // 2. RFC 4271 §9.1.1: higher degree of preference (LOCAL_PREF)
        if ((c = Long.compare(localPref(y), localPref(x))) != 0) {
            return decided(c, DecisionStep.LOCAL_PREF);
        }
        // 3. §9.1.2.2 (a): fewer ASes; AsPath.length() counts an AS_SET once, confeds not at all
        if ((c = Integer.compare(x.asPath().length(), y.asPath().length())) != 0) {
            return decided(c, DecisionStep.AS_PATH_LENGTH);
        }
        // 4. §9.1.2.2 (b): lowest ORIGIN
        if ((c = Integer.compare(x.origin().code(), y.origin().code())) != 0) {
            return decided(c, DecisionStep.ORIGIN);
        }
        // 5. §9.1.2.2 (c): lowest MED, comparable only within one neighbor AS; absent MED is 0
        if (medApplies(x, y, alwaysMed) && (c = Long.compare(med(x), med(y))) != 0) {
            return decided(c, DecisionStep.MED);
        }
        return tail(a, b, x, y);
    }

    /**
     * Steps 6 to 12 of {@link #order}. {@code x} and {@code y} are the routes' attributes, or
     * {@code null} when the caller knows they carry neither ORIGINATOR_ID nor CLUSTER_LIST (the
     * keyed path: it then reads only the routes and their sources, not the attribute sets).
     */
    int tail(Route a, Route b, AttributeSet x, AttributeSet y) {
        int c;
        // 6. §9.1.2.2 (d): eBGP over iBGP (local routes count as iBGP)
        if ((c = Boolean.compare(b.source().isEbgp(), a.source().isEbgp())) != 0) {
            return decided(c, DecisionStep.EBGP_OVER_IBGP);
        }
        // 7. §9.1.2.2 (e): lowest interior cost to the next hop
        if ((c = Long.compare(a.igpCost(), b.igpCost())) != 0) {
            return decided(c, DecisionStep.IGP_COST);
        }
        // 8. RFC 5004: keep the older eBGP path to reduce churn (optional)
        if (options.preferOldest() && a.source().isEbgp() && b.source().isEbgp()
                && (c = Long.compare(a.lastChangeNanos(), b.lastChangeNanos())) != 0) {
            return decided(c, DecisionStep.ROUTE_AGE);
        }
        // 9. §9.1.2.2 (f), RFC 4456 §9: lowest BGP Identifier, ORIGINATOR_ID when present
        if ((c = effectiveRouterId(a, x).compareTo(effectiveRouterId(b, y))) != 0) {
            return decided(c, DecisionStep.ROUTER_ID);
        }
        // 10. RFC 4456 §9: shortest CLUSTER_LIST
        if ((c = Integer.compare(clusterListLength(x), clusterListLength(y))) != 0) {
            return decided(c, DecisionStep.CLUSTER_LIST_LENGTH);
        }
        // 11. §9.1.2.2 (g): lowest peer address; local sources first, in declaration order
        if ((c = compareSources(a.source(), b.source())) != 0) {
            return decided(c, DecisionStep.PEER_ADDRESS);
        }
        // 12. ADD-PATH: several paths of one neighbor differ only in their path id
        if ((c = Long.compare(a.pathId(), b.pathId())) != 0) {
            return decided(c, DecisionStep.PATH_ID);
        }
        throw new IllegalStateException("compare: two distinct routes compared equal: " + a + " and " + b);
    }

    /**
     * The candidates ordered best first. {@code arrival} is in arrival order (oldest first); it
     * matters only when MED is neither deterministic nor always compared.
     *
     * @param arrival the candidates, oldest first
     * @return a new list, best first
     */
    public List<Route> rank(Collection<Route> arrival) {
        List<Route> out = new ArrayList<>(arrival);
        if (out.size() < 2) {
            return out;
        }
        if (options.alwaysCompareMed()) {
            // MED applies to every pair, so the comparison is a total order
            out.sort(withMed);
            return out;
        }
        if (!options.deterministicMed()) {
            return insertInArrivalOrder(arrival);
        }
        // deterministic MED: within one neighbor AS MED always applies (a total order), so one
        // sort by (neighbor AS, comparison with MED) leaves each group as a sorted run ...
        out.sort(byNeighborAsThenMed);
        int n = out.size();
        int[] bounds = new int[2 * n]; // per group: its head, then its end
        int groups = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || neighborAs(out.get(i)) != neighborAs(out.get(i - 1))) {
                if (groups > 0) {
                    bounds[2 * groups - 1] = i;
                }
                bounds[2 * groups++] = i;
            }
        }
        bounds[2 * groups - 1] = n;
        if (groups == 1) {
            return out;
        }
        // ... and heads of different groups never compare MED, which is a total order too: merge
        // the runs through a binary heap of groups keyed by their current head, O(n log groups)
        int[] heap = new int[groups];
        for (int g = 0; g < groups; g++) {
            heap[g] = g;
        }
        for (int i = groups / 2 - 1; i >= 0; i--) {
            siftDown(heap, groups, i, out, bounds);
        }
        List<Route> merged = new ArrayList<>(n);
        int live = groups;
        while (live > 0) {
            int g = heap[0];
            merged.add(out.get(bounds[2 * g]++));
            if (bounds[2 * g] == bounds[2 * g + 1]) {
                heap[0] = heap[--live]; // this group is exhausted
            }
            siftDown(heap, live, 0, out, bounds);
        }
        return merged;
    }

    // restores the heap property below heap[i]; a group's key is its current head route
    private void siftDown(int[] heap, int size, int i, List<Route> out, int[] bounds) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int c = l + 1 < size && order(out.get(bounds[2 * heap[l + 1]]), out.get(bounds[2 * heap[l]]), false) < 0
                    ? l + 1 : l;
            if (order(out.get(bounds[2 * heap[c]]), out.get(bounds[2 * heap[i]]), false) >= 0) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[c];
            heap[c] = t;
            i = c;
        }
    }

    private static long neighborAs(Route r) {
        return r.attrs().asPath().neighborAs();
    }

    /**
     * The ECMP set: the best and the eligible paths tied with it through step 7 (see above).
     *
     * @param ranked the candidates as {@link #rank} returned them
     * @return the best path and those tied with it, at most {@link DecisionOptions#maxPaths()}
     */
    public List<Route> multipath(List<Route> ranked) {
        if (ranked.isEmpty() || !ranked.get(0).isEligible()) {
            return List.of();
        }
        Route best = ranked.get(0);
        if (ranked.size() == 1 || options.maxPaths() <= 1) {
            return List.of(best);
        }
        List<Route> out = null; // most prefixes have no second equal-cost path
        boolean alwaysMed = options.alwaysCompareMed();
        for (int i = 1; i < ranked.size() && (out == null || out.size() < options.maxPaths()); i++) {
            Route r = ranked.get(i);
            if (r.isEligible() && Math.abs(order(best, r, alwaysMed)) - 1 > DecisionStep.IGP_COST.ordinal()
                    && r.attrs().asPath().neighborAs() == best.attrs().asPath().neighborAs()) {
                if (out == null) {
                    out = new ArrayList<>(4);
                    out.add(best);
                }
                out.add(r);
            }
        }
        return out == null ? List.of(best) : out;
    }

    private List<Route> insertInArrivalOrder(Collection<Route> arrival) {
        List<Route> out = new ArrayList<>(arrival.size());
        for (Route r : arrival) {
            int i = 0;
            while (i < out.size() && order(r, out.get(i), false) > 0) {
                i++;
            }
            out.add(i, r);
        }
        return out;
    }

    private static boolean medApplies(AttributeSet x, AttributeSet y, boolean alwaysMed) {
        return alwaysMed || x.asPath().neighborAs() == y.asPath().neighborAs();
    }

    static long localPref(AttributeSet a) {
        return a.hasLocalPref() ? a.localPref() : DEFAULT_LOCAL_PREF;
    }

    private static int clusterListLength(AttributeSet a) {
        return a == null ? 0 : a.clusterListLength();
    }

    static long med(AttributeSet a) {
        return a.hasMed() ? a.med() : 0;
    }

    private RouterId effectiveRouterId(Route r, AttributeSet attrs) {
        RouterId originator = attrs == null ? null : attrs.originatorId();
        if (originator != null) {
            return originator;
        }
        return r.source() instanceof PeerSource p ? p.routerId() : routerId;
    }

    /** Local sources first (in declaration order), then neighbors by address. */
    // OpenJDK's Inet4Address.hashCode() is the address as a big-endian int; checked once, so a
    // runtime that hashes otherwise falls back to comparing the bytes
    private static final boolean IPV4_HASH_IS_ADDRESS = ipv4HashIsAddress();

    private static boolean ipv4HashIsAddress() {
        for (String s : new String[] {"10.0.0.2", "203.0.113.255", "255.1.2.3", "0.0.0.1"}) {
            try {
                InetAddress a = InetAddress.getByName(s); // a literal: no name lookup
                byte[] x = a.getAddress();
                int v = (x[0] & 0xFF) << 24 | (x[1] & 0xFF) << 16 | (x[2] & 0xFF) << 8 | (x[3] & 0xFF);
                if (!(a instanceof Inet4Address) || a.hashCode() != v) {
                    return false;
                }
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return true;
    }

    static int compareSources(RouteSource a, RouteSource b) {
        if (a instanceof LocalSource la) {
            return b instanceof LocalSource lb ? Integer.compare(la.ordinal(), lb.ordinal()) : -1;
        }
        if (b instanceof LocalSource) {
            return 1;
        }
        return compareAddresses(((PeerSource) a).address(), ((PeerSource) b).address());
    }

    /**
     * IPv4 before IPv6, then unsigned byte order.
     *
     * @param a an address
     * @param b another address
     * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
     */
    public static int compareAddresses(InetAddress a, InetAddress b) {
        if (IPV4_HASH_IS_ADDRESS && a instanceof Inet4Address && b instanceof Inet4Address) {
            // step 11 runs on every tie through the router id (reflected routes share their
            // ORIGINATOR_ID), and getAddress() clones an array each call: 96% of the churn's
            // allocation with 16 neighbors on a table carrying ORIGINATOR_ID
            return Integer.compareUnsigned(a.hashCode(), b.hashCode());
        }
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        if (x.length != y.length) {
            return Integer.compare(x.length, y.length);
        }
        return java.util.Arrays.compareUnsigned(x, y);
    }
}
