package io.jbgp.rib.decision;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.message.Nlri;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 *      arrival order like OpenBGPD. The Loc-RIB does not rank after each change: best() finds
 *      the head of that ranking in O(n) (the best of the group winners) from a few cached
 *      decision inputs per candidate (key()), and rank() runs only for "show" and snapshots.
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

    private static final DecisionStep[] STEPS = DecisionStep.values();

    /** Encodes the deciding step in an int so the hot path allocates no {@link Verdict}. */
    private static int decided(int c, DecisionStep step) {
        return c < 0 ? -(step.ordinal() + 1) : step.ordinal() + 1;
    }

    /**
     * The comparison without allocation: negative when {@code a} is better, positive when
     * {@code b} is; the magnitude is the deciding {@link DecisionStep}'s ordinal plus one.
     */
    private int order(Route a, Route b, boolean alwaysMed) {
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
    private int tail(Route a, Route b, AttributeSet x, AttributeSet y) {
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

    // ------------------------------------------------------------------ keyed best path
    //
    // After each change the Loc-RIB needs the best path and the ECMP set, not a total order, and
    // on a full table every candidate it looks at costs dependent cache misses (route, attribute
    // set, AS path). So a Destination keeps, beside each candidate, KEY_WORDS longs of its
    // decision inputs (key()), and best() and multipath() below read those instead. The keys are
    // an exact shortcut of order(), never a second definition of it:
    //   word 0, lower is better: bit 59 ineligible | 58..27 ~LOCAL_PREF | 26..15 AS_PATH length |
    //          14..13 ORIGIN | 12 PLAIN | 11..0 a 12-bit tag of (source, path id) for find()
    //   word 1: neighbor AS << 32 | MED (absent: 0)
    // Values too large for their field are clamped, which keeps "strictly better" exact; PLAIN
    // says nothing was clamped and the route has no ORIGINATOR_ID or CLUSTER_LIST. Two routes
    // tied on steps 1-4 go through the key's MED and then tail() without attributes when both are
    // PLAIN, and through the full order() otherwise.

    /** The number of {@code long}s {@link #key} writes per candidate. */
    public static final int KEY_WORDS = 2;
    /** The bits of key word 0 that hold {@link #sourceTag}. */
    public static final long SOURCE_TAG_MASK = 0xFFF;
    private static final long PLAIN = 1L << 12;
    private static final int PRIMARY_SHIFT = 13;
    private static final long U32 = 0xFFFFFFFFL;
    private static final int AS_PATH_LENGTH_MAX = 0xFFF;
    private static final int MAX_KEYED = 64; // candidates a long bitmask covers
    private static final long EXACT_TAG = 1L << 11;

    // neighbor address -> its number in exact source tags (see sourceTag)
    private final Map<InetAddress, Integer> sourceIds = new ConcurrentHashMap<>();

    /**
     * A 12-bit tag of a candidate's key (source and path id), kept in its key word 0 so that
     * finding the candidate to replace reads the keys, not every route. Without ADD-PATH (the
     * common case) and for the first 2048 neighbor addresses it is exact ({@link #isExactTag}):
     * a small number per source, so equal tags mean equal keys and the route need not be read.
     * Otherwise it is a hash, and a match must be confirmed with {@link Route#sameKey}.
     *
     * @param source the route's origin
     * @param pathId its ADD-PATH path id
     * @return a value in {@code 0..SOURCE_TAG_MASK}; equal keys give equal tags
     */
    public long sourceTag(RouteSource source, long pathId) {
        if (pathId == Nlri.NO_PATH_ID) {
            // consistent with RouteSource.sameAs: neighbors by address, local sources by identity
            int id = source instanceof LocalSource l ? l.ordinal() : sourceId(((PeerSource) source).address());
            if (id >= 0) {
                return EXACT_TAG | id;
            }
        }
        int h = source instanceof PeerSource p ? p.address().hashCode() : 0x5bd1e995 * (((LocalSource) source).ordinal() + 1);
        h = h * 31 + Long.hashCode(pathId);
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h & (EXACT_TAG - 1);
    }

    /**
     * Whether a {@link #sourceTag} identifies its key exactly.
     *
     * @param tag a tag
     * @return true when equal tags mean equal keys
     */
    public static boolean isExactTag(long tag) {
        return (tag & EXACT_TAG) != 0;
    }

    // a small number per neighbor address, after the local sources; -1 once the numbers run out
    private int sourceId(InetAddress address) {
        Integer id = sourceIds.get(address);
        if (id != null) {
            return id;
        }
        synchronized (sourceIds) { // first route of a neighbor: rare; the map only grows, to 2048
            id = sourceIds.get(address);
            if (id == null) {
                int next = LocalSource.values().length + sourceIds.size();
                if (next >= EXACT_TAG) {
                    return -1;
                }
                id = next;
                sourceIds.put(address, id);
            }
            return id;
        }
    }

    /**
     * Writes the decision inputs of {@code r} into {@code keys[KEY_WORDS * i ...]}.
     *
     * @param r a candidate
     * @param keys the destination's key array
     * @param i the candidate's index
     */
    public void key(Route r, long[] keys, int i) {
        AttributeSet x = r.attrs();
        AsPath path = x.asPath();
        long lp = localPref(x);
        long med = med(x);
        int length = path.length();
        boolean plain = lp >= 0 && lp <= U32 && med >= 0 && med <= U32 && length <= AS_PATH_LENGTH_MAX
                && x.originatorId() == null && x.clusterListLength() == 0;
        lp = Math.min(Math.max(lp, 0), U32);
        keys[KEY_WORDS * i] = (r.isEligible() ? 0 : 1L << 59)
                | (U32 - lp) << 27
                | (long) Math.min(length, AS_PATH_LENGTH_MAX) << 15
                | (long) x.origin().code() << 13
                | (plain ? PLAIN : 0)
                | sourceTag(r.source(), r.pathId());
        keys[KEY_WORDS * i + 1] = (path.neighborAs() & U32) << 32 | Math.min(Math.max(med, 0), U32);
    }

    /** {@link #order} of candidates i and j through their keys; the same result. */
    private int orderKeyed(Route[] r, long[] k, int i, int j, boolean alwaysMed) {
        long a0 = k[KEY_WORDS * i];
        long b0 = k[KEY_WORDS * j];
        long pa = a0 >>> PRIMARY_SHIFT;
        long pb = b0 >>> PRIMARY_SHIFT;
        if (pa != pb) {
            // steps 1-4 are fields of one number; the highest differing bit names the step
            long diff = pa ^ pb;
            DecisionStep step = diff >>> 46 != 0 ? DecisionStep.ELIGIBILITY
                    : diff >>> 14 != 0 ? DecisionStep.LOCAL_PREF
                    : diff >>> 2 != 0 ? DecisionStep.AS_PATH_LENGTH : DecisionStep.ORIGIN;
            return decided(Long.compare(pa, pb), step);
        }
        if ((a0 & b0 & PLAIN) == 0) {
            return order(r[i], r[j], alwaysMed); // a clamped field or route reflection: read it all
        }
        long a1 = k[KEY_WORDS * i + 1];
        long b1 = k[KEY_WORDS * j + 1];
        int c;
        // 5. MED within one neighbor AS (or always)
        if ((alwaysMed || a1 >>> 32 == b1 >>> 32) && (c = Long.compare(a1 & U32, b1 & U32)) != 0) {
            return decided(c, DecisionStep.MED);
        }
        return tail(r[i], r[j], null, null);
    }

    private static boolean sameNeighborAs(long[] k, int i, int j) {
        return k[KEY_WORDS * i + 1] >>> 32 == k[KEY_WORDS * j + 1] >>> 32;
    }

    /**
     * Whether candidate {@code i} is eligible, from its key alone.
     *
     * @param keys the keys {@link #key} wrote
     * @param i a candidate index
     * @return the route's {@link Route#isEligible()}
     */
    public static boolean isEligible(long[] keys, int i) {
        return (keys[KEY_WORDS * i] & 1L << 59) == 0;
    }

    /**
     * The index of the candidate {@link #rank} would put first, in O(n) and without allocation
     * (deterministic or always-compared MED, up to 64 candidates; otherwise through rank()).
     * With deterministic MED the best is the best of the neighbor-AS group winners, each group
     * decided with MED and the winners compared without it, which is the head of rank()'s merge.
     *
     * @param routes the candidates in arrival order, {@code [0, n)} used
     * @param keys their {@link #key}s
     * @param n the number of candidates
     * @param skip an index to leave out (the runner-up is the best without the best), or -1
     * @return the index of the best candidate (it may be ineligible), or -1 when there is none
     */
    public int best(Route[] routes, long[] keys, int n, int skip) {
        if (n > MAX_KEYED || !options.alwaysCompareMed() && !options.deterministicMed()) {
            List<Route> ranked = rankOf(routes, n, skip);
            return ranked.isEmpty() ? -1 : indexOf(routes, n, ranked.get(0));
        }
        boolean alwaysMed = options.alwaysCompareMed();
        if (alwaysMed) {
            // a total order: one scan
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (i != skip && (best < 0 || orderKeyed(routes, keys, i, best, true) < 0)) {
                    best = i;
                }
            }
            return best;
        }
        // the winner of each neighbor-AS group, as a bitmask of candidate indices
        long heads = 0;
        for (int i = 0; i < n; i++) {
            if (i == skip) {
                continue;
            }
            int head = -1;
            for (long m = heads; m != 0; m &= m - 1) {
                int h = Long.numberOfTrailingZeros(m);
                if (sameNeighborAs(keys, i, h)) {
                    head = h;
                    break;
                }
            }
            if (head < 0) {
                heads |= 1L << i;
            } else if (orderKeyed(routes, keys, i, head, false) < 0) { // same AS: MED applies
                heads ^= 1L << head | 1L << i;
            }
        }
        // the best of the winners, compared without MED (a total order between groups)
        int best = -1;
        for (long m = heads; m != 0; m &= m - 1) {
            int h = Long.numberOfTrailingZeros(m);
            if (best < 0 || orderKeyed(routes, keys, h, best, false) < 0) {
                best = h;
            }
        }
        return best;
    }

    /**
     * The index of the candidate {@link #rank} would put second, or -1.
     *
     * @param routes the candidates in arrival order, {@code [0, n)} used
     * @param keys their {@link #key}s
     * @param n the number of candidates
     * @param best the index {@link #best} returned
     * @return the runner-up's index, or -1 with fewer than two candidates
     */
    public int runnerUp(Route[] routes, long[] keys, int n, int best) {
        if (n < 2) {
            return -1;
        }
        if (n > MAX_KEYED || !options.alwaysCompareMed() && !options.deterministicMed()) {
            return indexOf(routes, n, rankOf(routes, n, -1).get(1)); // arrival order matters here
        }
        // with a ranking that is a merge of sorted runs (or one sort), the second is the first
        // of the others
        return best(routes, keys, n, best);
    }

    /**
     * The ECMP set as {@link #multipath(List)} defines it, from the keys: the best and the
     * eligible candidates tied with it through step 7 in its neighbor AS, in rank order.
     *
     * @param routes the candidates in arrival order, {@code [0, n)} used
     * @param keys their {@link #key}s
     * @param n the number of candidates
     * @param best the index {@link #best} returned, or -1
     * @return the ECMP set, best first; empty when there is no eligible best
     */
    public List<Route> multipath(Route[] routes, long[] keys, int n, int best) {
        if (best < 0 || !isEligible(keys, best)) {
            return List.of();
        }
        if (n == 1 || options.maxPaths() <= 1) {
            return List.of(routes[best]);
        }
        if (n > MAX_KEYED || !options.alwaysCompareMed() && !options.deterministicMed()) {
            return multipath(rankOf(routes, n, -1));
        }
        boolean alwaysMed = options.alwaysCompareMed();
        int[] tied = null; // most prefixes have no second equal-cost path
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (i != best && isEligible(keys, i) && sameNeighborAs(keys, i, best)
                    && Math.abs(orderKeyed(routes, keys, best, i, alwaysMed)) - 1 > DecisionStep.IGP_COST.ordinal()) {
                if (tied == null) {
                    tied = new int[n];
                }
                // insertion sort: the set is small and must come out in rank order
                int at = count++;
                while (at > 0 && orderKeyed(routes, keys, i, tied[at - 1], alwaysMed) < 0) {
                    tied[at] = tied[at - 1];
                    at--;
                }
                tied[at] = i;
            }
        }
        if (tied == null) {
            return List.of(routes[best]);
        }
        Route[] out = new Route[Math.min(count + 1, options.maxPaths())];
        out[0] = routes[best];
        for (int i = 1; i < out.length; i++) {
            out[i] = routes[tied[i - 1]];
        }
        return List.of(out);
    }

    /**
     * {@link #compare} of two candidates through their keys.
     *
     * @param routes the candidates
     * @param keys their {@link #key}s
     * @param i one index
     * @param j another index
     * @return the sign and the step that decided
     */
    public Verdict compare(Route[] routes, long[] keys, int i, int j) {
        int c = orderKeyed(routes, keys, i, j, options.alwaysCompareMed());
        return new Verdict(c, STEPS[Math.abs(c) - 1]);
    }

    private List<Route> rankOf(Route[] routes, int n, int skip) {
        List<Route> arrival = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (i != skip) {
                arrival.add(routes[i]);
            }
        }
        return rank(arrival);
    }

    private static int indexOf(Route[] routes, int n, Route r) {
        for (int i = 0; i < n; i++) {
            if (routes[i] == r) {
                return i;
            }
        }
        throw new IllegalStateException("indexOf: route not among the candidates: " + r);
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

    private static long localPref(AttributeSet a) {
        return a.hasLocalPref() ? a.localPref() : DEFAULT_LOCAL_PREF;
    }

    private static int clusterListLength(AttributeSet a) {
        return a == null ? 0 : a.clusterListLength();
    }

    private static long med(AttributeSet a) {
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
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        if (x.length != y.length) {
            return Integer.compare(x.length, y.length);
        }
        return java.util.Arrays.compareUnsigned(x, y);
    }
}
