package io.jbgp.rib.policy;

import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.LargeCommunity;
import io.jbgp.core.types.Asn;
import io.jbgp.rib.table.PeerSource;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A condition of a policy rule, over the route as it stands at that point of the chain
 * (OpenBGPD filter match criteria: {@code prefix}, {@code AS}, {@code source-as},
 * {@code transit-as}, {@code max-as-len}, {@code community}, {@code large-community},
 * {@code from}).
 */
@FunctionalInterface
public interface Match {

    /**
     * @param route the route under evaluation
     * @return true when the condition holds
     */
    boolean test(RouteContext route);

    /** {@return every route} */
    static Match any() {
        return r -> true;
    }

    /**
     * The prefix matches the list (with its length ranges).
     *
     * @param list the prefix patterns
     * @return the match
     */
    static Match prefix(PrefixList list) {
        Objects.requireNonNull(list, "list");
        return r -> list.matches(r.prefix());
    }

    /**
     * The first AS of the path (the neighbor AS; empty path: none) is {@code asn}.
     *
     * @param asn the neighbor AS
     * @return the match
     */
    static Match neighborAs(Asn asn) {
        return r -> r.attributes().asPath().neighborAs() == asn.value();
    }

    /**
     * The last AS of the path (the originating AS) is {@code asn}.
     *
     * @param asn the origin AS
     * @return the match
     */
    static Match originAs(Asn asn) {
        return r -> r.attributes().asPath().originAs() == asn.value();
    }

    /**
     * The path contains {@code asn} anywhere.
     *
     * @param asn an AS number
     * @return the match
     */
    static Match asPathContains(Asn asn) {
        return r -> r.attributes().asPath().containsAs(asn.value());
    }

    /**
     * The path length (AS_SET counts 1) is within {@code min..max}.
     *
     * @param min the shortest length accepted
     * @param max the longest length accepted
     * @return the match
     */
    static Match asPathLength(int min, int max) {
        return r -> r.attributes().asPath().length() >= min && r.attributes().asPath().length() <= max;
    }

    /**
     * The route carries the standard community.
     *
     * @param c a standard community
     * @return the match
     */
    static Match community(Community c) {
        return r -> r.attributes().communities().contains(c);
    }

    /**
     * The route carries the large community.
     *
     * @param c a large community
     * @return the match
     */
    static Match largeCommunity(LargeCommunity c) {
        return r -> r.attributes().communities().contains(c);
    }

    /**
     * The route was learned from the neighbor with this address.
     *
     * @param neighbor the address of the neighbor that sent the route
     * @return the match
     */
    static Match from(InetAddress neighbor) {
        return r -> r.source() instanceof PeerSource p && p.address().equals(neighbor);
    }

    /**
     * The policy runs for the neighbor with this address (sender on import, receiver on export).
     *
     * @param neighbor the address of the neighbor the policy runs for
     * @return the match
     */
    static Match neighbor(InetAddress neighbor) {
        return r -> r.neighbor().address().equals(neighbor);
    }

    /**
     * @param other another condition
     * @return a condition that holds when both hold
     */
    default Match and(Match other) {
        return r -> test(r) && other.test(r);
    }

    /**
     * @param other another condition
     * @return a condition that holds when either holds
     */
    default Match or(Match other) {
        return r -> test(r) || other.test(r);
    }

    /** {@return a condition that holds when this one does not} */
    default Match negate() {
        return r -> !test(r);
    }
}
