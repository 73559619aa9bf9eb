package io.jbgp.rib.policy;

/**
 * Filters and rewrites routes received from a neighbor, between the pre- and post-policy
 * Adj-RIB-In. Runs on the RIB executor; must be fast, pure and must not block.
 */
@FunctionalInterface
public interface ImportPolicy {
    PolicyResult apply(RouteContext route);
}
