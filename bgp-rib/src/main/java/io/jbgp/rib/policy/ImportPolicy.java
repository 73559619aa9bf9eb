package io.jbgp.rib.policy;

/**
 * Filters and rewrites routes received from a neighbor, between the pre- and post-policy
 * Adj-RIB-In. Runs on the RIB executor; must be fast, pure and must not block.
 */
@FunctionalInterface
public interface ImportPolicy {
    /**
     * @param route the received path and the neighbor it came from
     * @return accept with the attributes to keep in the Loc-RIB, or reject
     */
    PolicyResult apply(RouteContext route);
}
