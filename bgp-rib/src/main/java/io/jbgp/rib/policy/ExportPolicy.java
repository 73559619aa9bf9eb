package io.jbgp.rib.policy;

/**
 * Filters and rewrites the best path before it enters a neighbor's Adj-RIB-Out. Runs after the
 * built-in export rules (no iBGP to iBGP, NO_EXPORT, eBGP next hop and AS path), on the RIB
 * executor; must be fast, pure and must not block.
 */
@FunctionalInterface
public interface ExportPolicy {
    PolicyResult apply(RouteContext route);
}
