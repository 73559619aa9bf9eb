package io.jbgp.rib.decision;

import io.jbgp.core.message.Nlri;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.table.LocalSource;
import io.jbgp.rib.table.PeerSource;
import io.jbgp.rib.table.Route;
import io.jbgp.rib.table.RouteSource;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The best path and ECMP set of a prefix from a few cached decision inputs per candidate: what
 * the Loc-RIB runs after each change, with the outcome of {@link DecisionProcess#rank}'s head
 * and {@link DecisionProcess#multipath(List)} in O(n) and without allocation.
 *
 * <p>On a full table every candidate the decision looks at costs dependent cache misses
 * (route, attribute set, AS path). So a {@code Destination} keeps, beside each candidate,
 * {@link #KEY_WORDS} longs of its decision inputs ({@link #key}), and {@link #best} and
 * {@link #multipath(Route[], long[], int, int)} read those instead. The keys are an exact shortcut
 * of {@link DecisionProcess#compare}, never a second definition of it:
 * <pre>
 *   word 0, lower is better: bit 59 ineligible | 58..27 ~LOCAL_PREF | 26..15 AS_PATH length |
 *          14..13 ORIGIN | 12 PLAIN | 11..0 a tag of (source, path id) for finding a candidate
 *   word 1: neighbor AS &lt;&lt; 32 | MED (absent: 0)
 * </pre>
 * Values too large for their field are clamped, which keeps "strictly better" exact; PLAIN says
 * nothing was clamped and the route has no ORIGINATOR_ID or CLUSTER_LIST. Two routes tied on
 * steps 1-4 go through the key's MED and then steps 6-12 without their attribute sets when both
 * are PLAIN, and through the full comparison otherwise. Deterministic MED (RFC 4271 §9.1.2.2 (c),
 * STYLE §7.4): the best is the best of the neighbor-AS group winners, each group decided with
 * MED and the winners compared without it, which is the head of rank()'s merge.
 */
public final class DecisionKeys {

    private final DecisionProcess process;

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

    DecisionKeys(DecisionProcess process) {
        this.process = process;
    }

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
        keys[KEY_WORDS * i] = primaryKey(r);
        keys[KEY_WORDS * i + 1] = groupKey(r);
    }

    /**
     * Key word 0 of a candidate: steps 1-4, the PLAIN flag and the {@link #sourceTag}.
     *
     * @param r a candidate
     * @return the word {@link #key} writes first
     */
    public long primaryKey(Route r) {
        AttributeSet x = r.attrs();
        long lp = DecisionProcess.localPref(x);
        long med = DecisionProcess.med(x);
        int length = x.asPath().length();
        boolean plain = lp >= 0 && lp <= U32 && med >= 0 && med <= U32 && length <= AS_PATH_LENGTH_MAX
                && !x.hasReflectionAttributes();
        lp = Math.min(Math.max(lp, 0), U32);
        return (r.isEligible() ? 0 : 1L << 59)
                | (U32 - lp) << 27
                | (long) Math.min(length, AS_PATH_LENGTH_MAX) << 15
                | (long) x.origin().code() << 13
                | (plain ? PLAIN : 0)
                | sourceTag(r.source(), r.pathId());
    }

    /**
     * Key word 1 of a candidate: its neighbor AS and MED.
     *
     * @param r a candidate
     * @return the word {@link #key} writes second
     */
    public long groupKey(Route r) {
        AttributeSet x = r.attrs();
        return (x.asPath().neighborAs() & U32) << 32 | Math.min(Math.max(DecisionProcess.med(x), 0), U32);
    }

    /** {@link DecisionProcess#compare} of candidates i and j through their keys; the same result. */
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
            return DecisionProcess.decided(Long.compare(pa, pb), step);
        }
        if ((a0 & b0 & PLAIN) == 0) {
            return process.order(r[i], r[j], alwaysMed); // a clamped field or route reflection: read it all
        }
        long a1 = k[KEY_WORDS * i + 1];
        long b1 = k[KEY_WORDS * j + 1];
        int c;
        // 5. MED within one neighbor AS (or always)
        if ((alwaysMed || a1 >>> 32 == b1 >>> 32) && (c = Long.compare(a1 & U32, b1 & U32)) != 0) {
            return DecisionProcess.decided(c, DecisionStep.MED);
        }
        return process.tail(r[i], r[j], null, null);
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
     * The index of the candidate {@link DecisionProcess#rank} would put first, in O(n) and without allocation
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
        if (n > MAX_KEYED || !process.options().alwaysCompareMed() && !process.options().deterministicMed()) {
            List<Route> ranked = rankOf(routes, n, skip);
            return ranked.isEmpty() ? -1 : indexOf(routes, n, ranked.get(0));
        }
        boolean alwaysMed = process.options().alwaysCompareMed();
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
     * The index of the candidate {@link DecisionProcess#rank} would put second, or -1.
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
        if (n > MAX_KEYED || !process.options().alwaysCompareMed() && !process.options().deterministicMed()) {
            return indexOf(routes, n, rankOf(routes, n, -1).get(1)); // arrival order matters here
        }
        // with a ranking that is a merge of sorted runs (or one sort), the second is the first
        // of the others
        return best(routes, keys, n, best);
    }

    /**
     * The ECMP set as {@link DecisionProcess#multipath(List)} defines it, from the keys: the best and the
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
        if (n == 1 || process.options().maxPaths() <= 1) {
            return List.of(routes[best]);
        }
        if (n > MAX_KEYED || !process.options().alwaysCompareMed() && !process.options().deterministicMed()) {
            return process.multipath(rankOf(routes, n, -1));
        }
        boolean alwaysMed = process.options().alwaysCompareMed();
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
        Route[] out = new Route[Math.min(count + 1, process.options().maxPaths())];
        out[0] = routes[best];
        for (int i = 1; i < out.length; i++) {
            out[i] = routes[tied[i - 1]];
        }
        return List.of(out);
    }

    /**
     * {@link DecisionProcess#compare(Route, Route)} of two candidates through their keys.
     *
     * @param routes the candidates
     * @param keys their {@link #key}s
     * @param i one index
     * @param j another index
     * @return the sign and the step that decided
     */
    public Verdict compare(Route[] routes, long[] keys, int i, int j) {
        int c = orderKeyed(routes, keys, i, j, process.options().alwaysCompareMed());
        return new Verdict(c, DecisionProcess.STEPS[Math.abs(c) - 1]);
    }

    private List<Route> rankOf(Route[] routes, int n, int skip) {
        List<Route> arrival = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (i != skip) {
                arrival.add(routes[i]);
            }
        }
        return process.rank(arrival);
    }

    private static int indexOf(Route[] routes, int n, Route r) {
        for (int i = 0; i < n; i++) {
            if (routes[i] == r) {
                return i;
            }
        }
        throw new IllegalStateException("indexOf: route not among the candidates: " + r);
    }
}
