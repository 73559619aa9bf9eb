package io.jbgp.rib.table;

/**
 * Whether a route may take part in best-path selection, or why not (RFC 4271 §9.1.2 phase 2
 * excludes routes with an unresolvable next hop or an AS loop; RFC 4456 §8 adds the route
 * reflection loops). Ineligible routes stay in the table for "show" but never win (OpenBGPD
 * {@code prefix_eligible}, Holo {@code RouteIneligibleReason}).
 */
public enum Eligibility {
    ELIGIBLE("eligible"),
    AS_LOOP("AS path contains our AS"),
    CLUSTER_LOOP("CLUSTER_LIST contains our cluster id"),
    ORIGINATOR_ID_SELF("ORIGINATOR_ID is our router id"),
    NEXTHOP_UNREACHABLE("next hop unreachable"),
    PARSE_ERROR("attribute error (treat-as-withdraw)"),
    OTC_LEAK("route leak (OTC, RFC 9234)");

    private final String description;

    Eligibility(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean isEligible() {
        return this == ELIGIBLE;
    }
}
