package io.jbgp.rib.table;

/**
 * Whether a route may take part in best-path selection, or why not (RFC 4271 §9.1.2 phase 2
 * excludes routes with an unresolvable next hop or an AS loop; RFC 4456 §8 adds the route
 * reflection loops). Ineligible routes stay in the table for "show" but never win (OpenBGPD
 * {@code prefix_eligible}, Holo {@code RouteIneligibleReason}).
 */
public enum Eligibility {
    /** The path may take part in selection. */
    ELIGIBLE("eligible"),
    /** RFC 4271 §9.1.2: our AS is in the AS_PATH, a loop. */
    AS_LOOP("AS path contains our AS"),
    /** RFC 4456 §8: our cluster ID is in the CLUSTER_LIST, a reflection loop. */
    CLUSTER_LOOP("CLUSTER_LIST contains our cluster id"),
    /** RFC 4456 §8: the route reflector gave us back our own route. */
    ORIGINATOR_ID_SELF("ORIGINATOR_ID is our router id"),
    /** RFC 4271 §9.1.2 (a): the next hop does not resolve. */
    NEXTHOP_UNREACHABLE("next hop unreachable"),
    /**
     * RFC 7606 treat-as-withdraw: the attributes were malformed, so the path is kept only for
     * display.
     */
    PARSE_ERROR("attribute error (treat-as-withdraw)"),
    /**
     * RFC 9234 §5: the route carries OTC and came from a customer or peer that must not send it.
     */
    OTC_LEAK("route leak (OTC, RFC 9234)");

    private final String description;

    Eligibility(String description) {
        this.description = description;
    }

    /** {@return a short text for "show rib" output} */
    public String description() {
        return description;
    }

    /** {@return true only for {@link #ELIGIBLE}} */
    public boolean isEligible() {
        return this == ELIGIBLE;
    }
}
