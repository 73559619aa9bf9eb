package io.jbgp.rib.policy;

import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.LargeCommunity;
import io.jbgp.core.types.Asn;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.attr.CommunitySet;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * A modification a policy rule makes to the attributes (OpenBGPD filter {@code set} actions:
 * {@code localpref}, {@code med}, {@code prepend-self}, {@code community}, {@code nexthop}).
 */
@FunctionalInterface
public interface Action {

    /**
     * Applies the change to {@code attrs}, reading the context if needed.
     *
     * @param attrs the attributes being built; changed in place
     * @param route the route as it stood before this action (prefix, source, neighbor)
     */
    void apply(AttributeSet.Builder attrs, RouteContext route);

    /**
     * Sets LOCAL_PREF.
     *
     * @param value the new LOCAL_PREF, 0..2³²−1
     * @return the action
     */
    static Action setLocalPref(long value) {
        return (b, r) -> b.localPref(value);
    }

    /**
     * Sets MED.
     *
     * @param value the new MED, 0..2³²−1
     * @return the action
     */
    static Action setMed(long value) {
        return (b, r) -> b.med(value);
    }

    /**
     * Removes MED.
     *
     * @return the action
     */
    static Action deleteMed() {
        return (b, r) -> b.med(AttributeSet.ABSENT);
    }

    /**
     * Prepends {@code asn} {@code times} times (AS path prepending for traffic engineering).
     *
     * @param asn the AS to prepend, usually our own
     * @param times how many copies
     * @return the action
     */
    static Action prepend(Asn asn, int times) {
        return (b, r) -> b.asPath(b.asPath().prepend(asn.value(), times));
    }

    /**
     * Adds standard communities.
     *
     * @param communities the communities to add
     * @return the action
     */
    static Action addCommunities(Community... communities) {
        List<Community> add = List.of(communities);
        return (b, r) -> b.communities(b.communities().with(add, List.of()));
    }

    /**
     * Removes standard communities (absent ones are ignored).
     *
     * @param communities the communities to remove
     * @return the action
     */
    static Action deleteCommunities(Community... communities) {
        List<Community> del = List.of(communities);
        return (b, r) -> b.communities(b.communities().without(del, List.of()));
    }

    /**
     * Adds large communities.
     *
     * @param communities the communities to add
     * @return the action
     */
    static Action addLargeCommunities(LargeCommunity... communities) {
        List<LargeCommunity> add = List.of(communities);
        return (b, r) -> b.communities(b.communities().with(List.of(), add));
    }

    /**
     * Removes large communities.
     *
     * @param communities the communities to remove
     * @return the action
     */
    static Action deleteLargeCommunities(LargeCommunity... communities) {
        List<LargeCommunity> del = List.of(communities);
        return (b, r) -> b.communities(b.communities().without(List.of(), del));
    }

    /**
     * Replaces every community (standard, extended and large) with these standard ones.
     *
     * @param communities the new standard communities; none clears them all
     * @return the action
     */
    static Action setCommunities(Community... communities) {
        CommunitySet set = CommunitySet.of(communities);
        return (b, r) -> b.communities(set);
    }

    /**
     * Sets the BGP next hop to an address.
     *
     * @param nextHop the new next hop
     * @return the action
     */
    static Action setNextHop(InetAddress nextHop) {
        Objects.requireNonNull(nextHop, "nextHop");
        return (b, r) -> b.nextHop(nextHop);
    }

    /**
     * Sets the next hop to our address towards the neighbor (OpenBGPD {@code nexthop self});
     * a route whose family we have no address for keeps its next hop.
     *
     * @return the action
     */
    static Action nextHopSelf() {
        return (b, r) -> {
            InetAddress self = r.neighbor().localAddress(r.prefix().family());
            if (self != null) {
                b.nextHop(self);
            }
        };
    }
}
