package io.jbgp.rib.table;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.decision.DecisionProcess;
import io.jbgp.rib.decision.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Every candidate path for one prefix, ranked, plus the best and the ECMP set (OpenBGPD
 * {@code rib_entry}, Holo {@code Destination}). Each mutation re-ranks all candidates (they are
 * few per prefix, STYLE §7.4) and returns a {@link BestPathChange} when the best path or the
 * ECMP set changed. Owned by the RIB executor; not thread-safe.
 */
public final class Destination {

    private final IpPrefix prefix;
    private final DecisionProcess decision;
    private final List<Route> arrival = new ArrayList<>(2); // oldest first
    private List<Route> ranked = List.of();
    private List<Route> multipath = List.of();

    public Destination(IpPrefix prefix, DecisionProcess decision) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.decision = Objects.requireNonNull(decision, "decision");
    }

    public IpPrefix prefix() {
        return prefix;
    }

    /** The candidates, best first (ineligible ones last). */
    public List<Route> candidates() {
        return ranked;
    }

    /** The best path, or {@code null} when no candidate is eligible. */
    public Route best() {
        return multipath.isEmpty() ? null : multipath.get(0);
    }

    /** The ECMP set, the best first; empty when there is no best. */
    public List<Route> multipath() {
        return multipath;
    }

    public boolean isEmpty() {
        return arrival.isEmpty();
    }

    /** The candidate with this key, or {@code null}. */
    public Route find(RouteSource source, long pathId) {
        for (Route r : arrival) {
            if (r.sameKey(source, pathId)) {
                return r;
            }
        }
        return null;
    }

    /** Adds a path or replaces the one with the same source and path id. */
    public Optional<BestPathChange> update(Route route) {
        arrival.removeIf(r -> r.sameKey(route.source(), route.pathId()));
        arrival.add(route); // a replacement counts as a new arrival, as in OpenBGPD
        return recompute();
    }

    /** Removes the path with this key, if present. */
    public Optional<BestPathChange> withdraw(RouteSource source, long pathId) {
        if (!arrival.removeIf(r -> r.sameKey(source, pathId))) {
            return Optional.empty();
        }
        return recompute();
    }

    /** Replaces every candidate by {@code f(candidate)} (next-hop re-evaluation) and re-ranks. */
    public Optional<BestPathChange> reevaluate(UnaryOperator<Route> f) {
        boolean changed = false;
        for (int i = 0; i < arrival.size(); i++) {
            Route n = f.apply(arrival.get(i));
            if (n != arrival.get(i)) {
                arrival.set(i, n);
                changed = true;
            }
        }
        return changed ? recompute() : Optional.empty();
    }

    /**
     * Why each candidate is where it is, aligned with {@link #candidates()}: the best against the
     * runner-up, every other candidate against the best. Empty for a single candidate.
     */
    public List<Verdict> reasons() {
        List<Verdict> out = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            if (ranked.size() < 2) {
                break;
            }
            out.add(i == 0 ? decision.compare(ranked.get(0), ranked.get(1))
                    : decision.compare(ranked.get(i), ranked.get(0)));
        }
        return out;
    }

    private Optional<BestPathChange> recompute() {
        Route oldBest = best();
        List<Route> oldMultipath = multipath;
        ranked = List.copyOf(decision.rank(arrival));
        multipath = List.copyOf(decision.multipath(ranked));
        Route newBest = best();
        if (Objects.equals(oldBest, newBest) && oldMultipath.equals(multipath)) {
            return Optional.empty();
        }
        Optional<Verdict> reason = newBest != null && ranked.size() > 1 && ranked.get(1).isEligible()
                ? Optional.of(decision.compare(newBest, ranked.get(1))) : Optional.empty();
        return Optional.of(new BestPathChange(prefix, Optional.ofNullable(oldBest), Optional.ofNullable(newBest),
                multipath, reason));
    }
}
