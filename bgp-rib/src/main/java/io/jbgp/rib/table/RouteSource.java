package io.jbgp.rib.table;

/**
 * Where a route in the Loc-RIB came from: a BGP neighbor ({@link PeerSource}) or this speaker
 * itself ({@link LocalSource}: a {@code network} statement, a redistributed static or connected
 * route). Local origination is a source like any other, not a special case (STYLE §7 rule 6).
 */
public sealed interface RouteSource permits PeerSource, LocalSource {

    /**
     * Whether {@code other} is the same origin for keying paths: the same neighbor address (its
     * router id or AS may differ across sessions) or the same local source.
     */
    boolean sameAs(RouteSource other);

    /** Whether the route was learned from an eBGP neighbor. */
    boolean isEbgp();

    /** Whether this speaker originated the route. */
    default boolean isLocal() {
        return this instanceof LocalSource;
    }
}
