package io.jbgp.rib.table;

import io.jbgp.core.message.Nlri;
import io.jbgp.rib.attr.AttributeSet;
import java.util.Objects;

/**
 * One candidate path for a prefix in the Loc-RIB. Immutable: a next-hop change or a new UPDATE
 * replaces the object. A value with the accessors and equality of a record of its six
 * components ({@code source, pathId, attrs, lastChangeNanos, eligibility, igpCost}).
 *
 * <p>There is one per path of the table (16 per prefix with 16 neighbors), so its size counts:
 * the three rarely varying components (eligibility, next-hop cost, ADD-PATH path ID) live in a
 * shared {@code State}, one canonical instance per combination for the common ones (no path ID,
 * cost below {@value #CACHED_COSTS}), which brings the object from 48 to 32 bytes
 * (benchmarks/notes/ribmem.md). ADD-PATH paths and unusual costs get a state of their own.
 */
public final class Route {

    private static final int CACHED_COSTS = 64;
    private static final Eligibility[] ELIGIBILITIES = Eligibility.values();
    private static final State[][] STATES = new State[ELIGIBILITIES.length][CACHED_COSTS];

    static {
        for (Eligibility e : ELIGIBILITIES) {
            for (int c = 0; c < CACHED_COSTS; c++) {
                STATES[e.ordinal()][c] = new State(e, c, Nlri.NO_PATH_ID);
            }
        }
    }

    /** The components shared by many routes. */
    private record State(Eligibility eligibility, long igpCost, long pathId) {
        static State of(Eligibility e, long cost, long pathId) {
            return pathId == Nlri.NO_PATH_ID && cost >= 0 && cost < CACHED_COSTS
                    ? STATES[e.ordinal()][(int) cost] : new State(e, cost, pathId);
        }
    }

    private final RouteSource source;
    private final AttributeSet attrs;
    private final State state;
    private final long lastChangeNanos;

    /**
     * A route; rejects null parts.
     *
     * @param source where it came from
     * @param pathId the ADD-PATH path identifier ({@link Nlri#NO_PATH_ID} without ADD-PATH)
     * @param attrs its (interned) attributes after import policy
     * @param lastChangeNanos when it was last announced or changed, from the RIB's ticker
     * @param eligibility whether it may win, or why not
     * @param igpCost the cost to reach its next hop (from the next-hop resolver; 0 when local)
     */
    public Route(RouteSource source, long pathId, AttributeSet attrs, long lastChangeNanos,
                 Eligibility eligibility, long igpCost) {
        this(Objects.requireNonNull(source, "source"), Objects.requireNonNull(attrs, "attrs"),
                State.of(Objects.requireNonNull(eligibility, "eligibility"), igpCost, pathId), lastChangeNanos);
    }

    private Route(RouteSource source, AttributeSet attrs, State state, long lastChangeNanos) {
        this.source = source;
        this.attrs = attrs;
        this.state = state;
        this.lastChangeNanos = lastChangeNanos;
    }

    /** {@return where it came from} */
    public RouteSource source() {
        return source;
    }

    /** {@return the ADD-PATH path identifier ({@link Nlri#NO_PATH_ID} without ADD-PATH)} */
    public long pathId() {
        return state.pathId;
    }

    /** {@return its (interned) attributes after import policy} */
    public AttributeSet attrs() {
        return attrs;
    }

    /** {@return when it was last announced or changed, from the RIB's ticker} */
    public long lastChangeNanos() {
        return lastChangeNanos;
    }

    /** {@return whether it may win, or why not} */
    public Eligibility eligibility() {
        return state.eligibility;
    }

    /** {@return the cost to reach its next hop (from the next-hop resolver; 0 when local)} */
    public long igpCost() {
        return state.igpCost;
    }

    /** {@return whether the route may take part in best-path selection} */
    public boolean isEligible() {
        return state.eligibility.isEligible();
    }

    /**
     * Whether this route has the same key (source and path id) as the other.
     *
     * @param otherSource another route's source
     * @param otherPathId another route's path ID
     * @return true when the two would replace each other in a destination
     */
    public boolean sameKey(RouteSource otherSource, long otherPathId) {
        return state.pathId == otherPathId && source.sameAs(otherSource);
    }

    /**
     * This route with a new next-hop resolution outcome; {@code this} when nothing changed.
     *
     * @param e the new eligibility
     * @param cost the new cost to reach the next hop
     * @return a new route, or this one when both are unchanged
     */
    public Route withResolution(Eligibility e, long cost) {
        return e == state.eligibility && cost == state.igpCost ? this
                : new Route(source, attrs, State.of(e, cost, state.pathId), lastChangeNanos);
    }

    /** Equal when all six components are. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Route r && lastChangeNanos == r.lastChangeNanos && state.equals(r.state)
                && source.equals(r.source) && attrs.equals(r.attrs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, state.pathId, attrs, lastChangeNanos, state.eligibility, state.igpCost);
    }

    @Override
    public String toString() {
        return "Route[source=" + source + ", pathId=" + state.pathId + ", attrs=" + attrs + ", lastChangeNanos="
                + lastChangeNanos + ", eligibility=" + state.eligibility + ", igpCost=" + state.igpCost + "]";
    }
}
