package io.jbgp.rib.decision;

/**
 * Knobs of the decision process (OpenBGPD {@code rde med compare}, {@code rde route-age}).
 *
 * @param alwaysCompareMed compare MED between paths from different neighbor ASes too
 * @param deterministicMed group paths by neighbor AS before comparing MEDs, so the outcome does
 *                         not depend on arrival order (ignored when {@code alwaysCompareMed})
 * @param preferOldest     RFC 5004: prefer the older of two eBGP paths before the router id step
 * @param maxPaths         the ECMP limit handed to the forwarding table; 1 disables multipath
 */
public record DecisionOptions(boolean alwaysCompareMed, boolean deterministicMed, boolean preferOldest,
                              int maxPaths) {

    /** Deterministic MED, no route age, no multipath. */
    public static final DecisionOptions DEFAULT = new DecisionOptions(false, true, false, 1);

    public DecisionOptions {
        if (maxPaths < 1) {
            throw new IllegalArgumentException("maxPaths must be at least 1: " + maxPaths);
        }
    }

    public DecisionOptions withAlwaysCompareMed(boolean v) {
        return new DecisionOptions(v, deterministicMed, preferOldest, maxPaths);
    }

    public DecisionOptions withDeterministicMed(boolean v) {
        return new DecisionOptions(alwaysCompareMed, v, preferOldest, maxPaths);
    }

    public DecisionOptions withPreferOldest(boolean v) {
        return new DecisionOptions(alwaysCompareMed, deterministicMed, v, maxPaths);
    }

    public DecisionOptions withMaxPaths(int v) {
        return new DecisionOptions(alwaysCompareMed, deterministicMed, preferOldest, v);
    }
}
