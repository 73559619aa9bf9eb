package io.jbgp.rib.table;

import io.jbgp.core.message.Nlri;
import io.jbgp.rib.attr.AttributeSet;
import java.util.Objects;

/**
 * One candidate path for a prefix in the Loc-RIB. Immutable: a next-hop change or a new UPDATE
 * replaces the record.
 *
 * @param source          where it came from
 * @param pathId          the ADD-PATH path identifier ({@link Nlri#NO_PATH_ID} without ADD-PATH)
 * @param attrs           its (interned) attributes after import policy
 * @param lastChangeNanos when it was last announced or changed, from the RIB's ticker
 * @param eligibility     whether it may win, or why not
 * @param igpCost         the cost to reach its next hop (from the next-hop resolver; 0 when local)
 */
public record Route(RouteSource source, long pathId, AttributeSet attrs, long lastChangeNanos,
                    Eligibility eligibility, long igpCost) {
    public Route {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(attrs, "attrs");
        Objects.requireNonNull(eligibility, "eligibility");
    }

    /** Whether the route may take part in best-path selection. */
    public boolean isEligible() {
        return eligibility.isEligible();
    }

    /** Whether this route has the same key (source and path id) as the other. */
    public boolean sameKey(RouteSource otherSource, long otherPathId) {
        return pathId == otherPathId && source.sameAs(otherSource);
    }

    /** This route with a new next-hop resolution outcome; {@code this} when nothing changed. */
    public Route withResolution(Eligibility e, long cost) {
        return e == eligibility && cost == igpCost ? this
                : new Route(source, pathId, attrs, lastChangeNanos, e, cost);
    }
}
