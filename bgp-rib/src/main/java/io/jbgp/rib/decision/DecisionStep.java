package io.jbgp.rib.decision;

/**
 * The step of the decision process that ordered two paths, in evaluation order (see
 * {@link DecisionProcess} for the RFC text of each).
 */
public enum DecisionStep {
    /** RFC 4271 §9.1.2: an ineligible path (loop, unresolved next hop) always loses. */
    ELIGIBILITY("eligible over ineligible"),
    /** RFC 4271 §9.1.1: the higher degree of preference (LOCAL_PREF) wins. */
    LOCAL_PREF("higher LOCAL_PREF"),
    /** RFC 4271 §9.1.2.2 (a): the shorter AS_PATH wins. */
    AS_PATH_LENGTH("shorter AS_PATH"),
    /** RFC 4271 §9.1.2.2 (b): the lower ORIGIN (IGP, EGP, INCOMPLETE) wins. */
    ORIGIN("lower ORIGIN"),
    /** RFC 4271 §9.1.2.2 (c): the lower MED wins, among paths from the same neighbor AS. */
    MED("lower MED"),
    /** RFC 4271 §9.1.2.2 (d): a path learned by eBGP wins over iBGP. */
    EBGP_OVER_IBGP("eBGP over iBGP"),
    /** RFC 4271 §9.1.2.2 (e): the lower interior cost to the next hop wins. */
    IGP_COST("lower next-hop cost"),
    /** RFC 5004: the older of two eBGP paths wins, when enabled. */
    ROUTE_AGE("older eBGP path"),
    /**
     * RFC 4271 §9.1.2.2 (f): the lower BGP Identifier (ORIGINATOR_ID when reflected, RFC 4456 §9)
     * wins.
     */
    ROUTER_ID("lower router id"),
    /** RFC 4456 §9: the shorter CLUSTER_LIST wins. */
    CLUSTER_LIST_LENGTH("shorter CLUSTER_LIST"),
    /** RFC 4271 §9.1.2.2 (g): the lower neighbor address wins. */
    PEER_ADDRESS("lower neighbor address"),
    /**
     * RFC 7911: among ADD-PATH paths of one neighbor, the lower path ID wins (deterministic last
     * resort).
     */
    PATH_ID("lower path id");

    private final String description;

    DecisionStep(String description) {
        this.description = description;
    }

    /** {@return a short human form, e.g. "higher LOCAL_PREF", for "show rib"} */
    public String description() {
        return description;
    }
}
