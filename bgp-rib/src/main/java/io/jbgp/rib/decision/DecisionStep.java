package io.jbgp.rib.decision;

/**
 * The step of the decision process that ordered two paths, in evaluation order (see
 * {@link DecisionProcess} for the RFC text of each).
 */
public enum DecisionStep {
    ELIGIBILITY("eligible over ineligible"),
    LOCAL_PREF("higher LOCAL_PREF"),
    AS_PATH_LENGTH("shorter AS_PATH"),
    ORIGIN("lower ORIGIN"),
    MED("lower MED"),
    EBGP_OVER_IBGP("eBGP over iBGP"),
    IGP_COST("lower next-hop cost"),
    ROUTE_AGE("older eBGP path"),
    ROUTER_ID("lower router id"),
    CLUSTER_LIST_LENGTH("shorter CLUSTER_LIST"),
    PEER_ADDRESS("lower neighbor address"),
    PATH_ID("lower path id");

    private final String description;

    DecisionStep(String description) {
        this.description = description;
    }

    /** A short human form, e.g. "higher LOCAL_PREF", for "show rib". */
    public String description() {
        return description;
    }
}
