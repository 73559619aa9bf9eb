package io.jbgp.rib.table;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.decision.DecisionKeys;
import io.jbgp.rib.decision.DecisionProcess;
import io.jbgp.rib.decision.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Every candidate path for one prefix plus the best and the ECMP set (OpenBGPD
 * {@code rib_entry}, Holo {@code Destination}). Each mutation recomputes the best path and
 * returns a {@link BestPathChange} when the best path or the ECMP set changed. Owned by the RIB
 * executor; not thread-safe.
 *
 * <p>Laid out flat for churn on a full table: one array of candidates in arrival order (oldest
 * first; it decides ties only without deterministic MED) and, beside it, a few {@code long}s of
 * decision inputs per candidate ({@link DecisionKeys#key}). A change rewrites one slot and
 * rescans the keys in O(n) ({@link DecisionKeys#best}) without touching the other routes or
 * allocating; the full ranking is computed only when asked for ({@link #candidates()},
 * {@link #reasons()}: show and snapshots). The arrays grow one slot at a time and never shrink,
 * so a prefix costs what its candidates need and churn reuses the slots.
 *
 * <p>Up to four candidates (a full table seen from a few neighbors) keep their key
 * words in fields of the destination itself rather than in an array beside it: on a full table
 * every access is a cache miss, and the table slot then leads straight to the keys (one dependent
 * miss fewer per update). The fields are copied into a per-thread scratch array for the
 * array-based {@link DecisionKeys} scans, which then run in L1. The best path itself is kept in a
 * field, so reading it touches neither array.
 */
public final class Destination {

    private static final Route[] NO_ROUTES = new Route[0];
    private static final int INLINE = 4; // candidates whose key words live in k0..k7
    private static final ThreadLocal<long[]> SCRATCH =
            ThreadLocal.withInitial(() -> new long[DecisionKeys.KEY_WORDS * INLINE]);

    private final IpPrefix prefix;
    private final DecisionProcess decision;
    private Route[] routes = NO_ROUTES; // [0, size) in arrival order, oldest first
    private long[] keys; // DecisionKeys.KEY_WORDS per route, aligned with routes; null while inline
    private long k0, k1, k2, k3, k4, k5, k6, k7; // the key words while size <= INLINE (keys == null)
    private List<Route> multipath; // only with maxPaths > 1 and a second equal-cost path
    private int size;
    private Route best; // the first in rank order when it is eligible, else null

    /**
     * An empty destination.
     *
     * @param prefix the destination prefix
     * @param decision the decision process that ranks its candidates
     */
    public Destination(IpPrefix prefix, DecisionProcess decision) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.decision = Objects.requireNonNull(decision, "decision");
    }

    /** {@return the destination prefix} */
    public IpPrefix prefix() {
        return prefix;
    }

    /**
     * The candidates ranked best first (ineligible ones last). Computed on each call (for show
     * and snapshots); use {@link #size()} and {@link #path(int)} to visit them without ranking.
     *
     * @return an immutable list, best first
     */
    public List<Route> candidates() {
        return List.copyOf(decision.rank(Arrays.asList(routes).subList(0, size)));
    }

    /** {@return the number of candidates} */
    public int size() {
        return size;
    }

    /**
     * A candidate in arrival order (not rank order), to visit all without ranking them.
     *
     * @param i an index in {@code [0, size())}
     * @return the candidate
     */
    public Route path(int i) {
        Objects.checkIndex(i, size);
        return routes[i];
    }

    /** {@return the best path, or {@code null} when no candidate is eligible} */
    public Route best() {
        return best;
    }

    /** The key words, in {@link #keys} or (inline) copied into this thread's scratch array. */
    private long[] loadKeys() {
        if (keys != null) {
            return keys;
        }
        long[] k = SCRATCH.get();
        k[0] = k0;
        k[1] = k1;
        k[2] = k2;
        k[3] = k3;
        k[4] = k4;
        k[5] = k5;
        k[6] = k6;
        k[7] = k7;
        return k;
    }

    /** Writes back the key words {@link #loadKeys} returned, when they are the inline ones. */
    private void storeKeys(long[] k) {
        if (k != keys) {
            k0 = k[0];
            k1 = k[1];
            k2 = k[2];
            k3 = k[3];
            k4 = k[4];
            k5 = k[5];
            k6 = k[6];
            k7 = k[7];
        }
    }

    /** {@return the ECMP set, the best first; empty when there is no best} */
    public List<Route> multipath() {
        if (multipath != null) {
            return multipath;
        }
        Route b = best();
        return b == null ? List.of() : List.of(b);
    }

    /** {@return true when no candidate is left; the Loc-RIB then drops the destination} */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * The candidate with this key, or {@code null}.
     *
     * @param source the route's origin
     * @param pathId the ADD-PATH path ID, or {@link io.jbgp.core.message.Nlri#NO_PATH_ID}
     * @return the route, or {@code null}
     */
    public Route find(RouteSource source, long pathId) {
        int i = indexOf(loadKeys(), source, pathId);
        return i < 0 ? null : routes[i];
    }

    /**
     * Adds a path or replaces the one with the same source and path id.
     *
     * @param route the new or changed path
     * @return the change of best path or ECMP set, if any
     */
    public Optional<BestPathChange> update(Route route) {
        return update(route, decision.keys().primaryKey(route), decision.keys().groupKey(route));
    }

    /**
     * {@link #update(Route)} with the route's key words already computed (the Loc-RIB computes
     * them before it looks the destination up, so that reading the route's attributes and
     * finding the destination, cache misses both on a full table, overlap).
     */
    Optional<BestPathChange> update(Route route, long primaryKey, long groupKey) {
        Route oldBest = best;
        List<Route> oldMultipath = multipath;
        long[] keys = loadKeys();
        int i = indexOf(keys, route.source(), route.pathId(), primaryKey & DecisionKeys.SOURCE_TAG_MASK);
        if (i >= 0) {
            // a replacement counts as a new arrival, as in OpenBGPD: it moves to the end
            int after = size - 1 - i;
            System.arraycopy(routes, i + 1, routes, i, after);
            System.arraycopy(keys, DecisionKeys.KEY_WORDS * (i + 1), keys, DecisionKeys.KEY_WORDS * i,
                    DecisionKeys.KEY_WORDS * after);
            size--;
        } else {
            if (size == routes.length) {
                routes = Arrays.copyOf(routes, size + 1);
            }
            int capacity = this.keys == null ? INLINE : this.keys.length / DecisionKeys.KEY_WORDS;
            if (size == capacity) { // spill the inline words to an array, or grow it
                keys = this.keys = Arrays.copyOf(keys, DecisionKeys.KEY_WORDS * (size + 1));
            }
        }
        routes[size] = route;
        keys[DecisionKeys.KEY_WORDS * size] = primaryKey;
        keys[DecisionKeys.KEY_WORDS * size + 1] = groupKey;
        size++;
        storeKeys(keys);
        return recompute(keys, oldBest, oldMultipath);
    }

    /**
     * Removes the path with this key, if present.
     *
     * @param source the route's origin
     * @param pathId the ADD-PATH path ID, or {@link io.jbgp.core.message.Nlri#NO_PATH_ID}
     * @return the change of best path or ECMP set, if any
     */
    public Optional<BestPathChange> withdraw(RouteSource source, long pathId) {
        long[] keys = loadKeys();
        int i = indexOf(keys, source, pathId);
        if (i < 0) {
            return Optional.empty();
        }
        Route oldBest = best;
        List<Route> oldMultipath = multipath;
        int after = size - 1 - i;
        System.arraycopy(routes, i + 1, routes, i, after);
        System.arraycopy(keys, DecisionKeys.KEY_WORDS * (i + 1), keys, DecisionKeys.KEY_WORDS * i,
                DecisionKeys.KEY_WORDS * after);
        routes[--size] = null;
        storeKeys(keys);
        return recompute(keys, oldBest, oldMultipath);
    }

    /** The arrival index of the path with this key (keys are unique), or -1. */
    private int indexOf(long[] keys, RouteSource source, long pathId) {
        return indexOf(keys, source, pathId, decision.keys().sourceTag(source, pathId));
    }

    private int indexOf(long[] keys, RouteSource source, long pathId, long tag) {
        // the tag in the keys finds the candidate without reading the routes
        boolean exact = DecisionKeys.isExactTag(tag); // then the route need not be read
        for (int i = 0; i < size; i++) {
            if ((keys[DecisionKeys.KEY_WORDS * i] & DecisionKeys.SOURCE_TAG_MASK) == tag
                    && (exact || routes[i].sameKey(source, pathId))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Replaces every candidate by {@code f(candidate)} (next-hop re-evaluation) and re-ranks.
     *
     * @param f the new version of each candidate, or the candidate itself when unchanged
     * @return the change of best path or ECMP set, if any
     */
    public Optional<BestPathChange> reevaluate(UnaryOperator<Route> f) {
        Route oldBest = best;
        List<Route> oldMultipath = multipath;
        boolean changed = false;
        for (int i = 0; i < size; i++) {
            Route n = f.apply(routes[i]);
            if (n != routes[i]) {
                routes[i] = n;
                changed = true;
            }
        }
        if (!changed) {
            return Optional.empty();
        }
        // keyed after the loop: f may run arbitrary code, so the scratch array is taken only now
        long[] keys = loadKeys();
        for (int i = 0; i < size; i++) {
            decision.keys().key(routes[i], keys, i);
        }
        storeKeys(keys);
        return recompute(keys, oldBest, oldMultipath);
    }

    /**
     * Why each candidate is where it is, aligned with {@link #candidates()}: the best against the
     * runner-up, every other candidate against the best. Empty for a single candidate.
     *
     * @return one verdict per candidate, best first; empty with fewer than two candidates
     */
    public List<Verdict> reasons() {
        List<Route> ranked = candidates();
        List<Verdict> out = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size() && ranked.size() >= 2; i++) {
            out.add(i == 0 ? decision.compare(ranked.get(0), ranked.get(1))
                    : decision.compare(ranked.get(i), ranked.get(0)));
        }
        return out;
    }

    /** Re-ranks from {@code keys} (the key words, already stored back). */
    private Optional<BestPathChange> recompute(long[] keys, Route oldBest, List<Route> oldMultipath) {
        // eligibility from the key: the route itself stays unread (a cache miss on a full table)
        int best = decision.keys().best(routes, keys, size, -1);
        Route newBest = best >= 0 && DecisionKeys.isEligible(keys, best) ? routes[best] : null;
        this.best = newBest;
        boolean ecmp = decision.options().maxPaths() > 1;
        if (ecmp) {
            List<Route> m = decision.keys().multipath(routes, keys, size, best);
            multipath = m.size() > 1 ? m : null; // a single best is implied
        }
        // nothing allocated when the best and the ECMP set stay (most events on a full table)
        if (Objects.equals(oldBest, newBest) && (!ecmp || Objects.equals(oldMultipath, multipath))) {
            return Optional.empty();
        }
        Optional<Verdict> reason = Optional.empty();
        if (newBest != null) {
            int second = decision.keys().runnerUp(routes, keys, size, best);
            if (second >= 0 && DecisionKeys.isEligible(keys, second)) {
                reason = Optional.of(decision.keys().compare(routes, keys, best, second));
            }
        }
        return Optional.of(new BestPathChange(prefix, Optional.ofNullable(oldBest), Optional.ofNullable(newBest),
                multipath(), reason));
    }
}
