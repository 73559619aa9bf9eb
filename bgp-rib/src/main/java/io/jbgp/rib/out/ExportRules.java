package io.jbgp.rib.out;

import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.PathAttribute;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.fib.NexthopResolver;
import io.jbgp.rib.policy.ExportPolicy;
import io.jbgp.rib.policy.PolicyResult;
import io.jbgp.rib.policy.RouteContext;
import io.jbgp.rib.table.Neighbor;
import io.jbgp.rib.table.PeerSource;
import io.jbgp.rib.table.Route;
import java.net.InetAddress;

/**
 * The export chain for one best path towards one neighbor (STYLE §7 rule 7): the built-in rules
 * of RFC 4271 and RFC 1997 first, then the user's {@link ExportPolicy}. The result is what goes
 * into that neighbor's Adj-RIB-Out, or a rejection with the reason for "show".
 */
public final class ExportRules {

    private static final long DEFAULT_LOCAL_PREF = 100;

    private final Asn localAs;
    private final boolean rfc8212;
    private final NexthopResolver resolver;

    /**
     * @param localAs  our AS, prepended towards eBGP neighbors
     * @param rfc8212  whether an eBGP neighbor without export policy gets nothing (RFC 8212)
     * @param resolver the connected subnets, to keep a third-party next hop (RFC 4271 §5.1.3)
     */
    public ExportRules(Asn localAs, boolean rfc8212, NexthopResolver resolver) {
        this.localAs = localAs;
        this.rfc8212 = rfc8212;
        this.resolver = resolver;
    }

    /**
     * Runs the chain; {@code policy} is {@code null} when the neighbor has no export policy.
     *
     * @param prefix the destination
     * @param best the Loc-RIB best path
     * @param to the neighbor the path would go to
     * @param policy the neighbor's export policy, or {@code null}
     * @return accept with the attributes to advertise, or reject with the rule that refused
     */
    public PolicyResult apply(IpPrefix prefix, Route best, Neighbor to, ExportPolicy policy) {
        PolicyResult r = checkSource(best, to);
        if (r != null) {
            return r;
        }
        r = applyAttributeRules(prefix.family(), best.attrs(), best.source() instanceof PeerSource, to, policy == null);
        if (policy == null || !(r instanceof PolicyResult.Accept a)) {
            return r;
        }
        return applyPolicy(prefix, a.attributes(), best, to, policy);
    }

    /**
     * The rules that depend on where the best path came from: a rejection, or {@code null} when
     * they let it through.
     *
     * @param best the Loc-RIB best path
     * @param to the neighbor the path would go to
     * @return the rejection, or {@code null}
     */
    public PolicyResult checkSource(Route best, Neighbor to) {
        if (best.source() instanceof PeerSource p) {
            // never reflect a path back to the neighbor it came from (OpenBGPD: "skip ourself")
            if (p.address().equals(to.address())) {
                return LEARNED_FROM_NEIGHBOR;
            }
            // RFC 4271 §9.2: iBGP-learned paths are not re-advertised to iBGP (no route reflection)
            if (!p.ebgp() && !to.ebgp()) {
                return IBGP_TO_IBGP;
            }
        }
        return null;
    }

    private static final PolicyResult LEARNED_FROM_NEIGHBOR = PolicyResult.reject("learned from this neighbor");
    private static final PolicyResult IBGP_TO_IBGP = PolicyResult.reject("iBGP path towards iBGP neighbor");

    /**
     * The built-in rules on the attributes: well-known communities, RFC 8212, and the rewrite for
     * the neighbor (AS prepend, next hop, LOCAL_PREF, MED). Depends only on its arguments and the
     * connected subnets, so the RIB caches the outcome per attribute set and neighbor (the FRR
     * update-group idea, per neighbor) until a host route or the policy changes.
     *
     * @param family the destination's family
     * @param a the best path's attributes
     * @param fromPeer whether the best path was learned from a neighbor (not originated here)
     * @param to the neighbor the path would go to
     * @param noPolicy whether the neighbor has no export policy
     * @return accept with the rewritten attributes (not interned), or reject with the reason
     */
    public PolicyResult applyAttributeRules(AddressFamily family, AttributeSet a, boolean fromPeer, Neighbor to,
                                            boolean noPolicy) {
        // RFC 1997 well-known communities
        if (a.communities().contains(Community.NO_ADVERTISE)) {
            return PolicyResult.reject("NO_ADVERTISE");
        }
        if (to.ebgp() && (a.communities().contains(Community.NO_EXPORT)
                || a.communities().contains(Community.NO_EXPORT_SUBCONFED))) {
            // without confederations NO_EXPORT_SUBCONFED stops at the same border as NO_EXPORT
            return PolicyResult.reject("NO_EXPORT");
        }
        if (noPolicy && to.ebgp() && rfc8212) {
            return PolicyResult.reject("RFC 8212: no export policy for eBGP neighbor");
        }
        AttributeSet.Builder b = a.toBuilder();
        InetAddress self = to.localAddress(family);
        InetAddress nh = a.nextHop();
        if (to.ebgp()) {
            // RFC 4271 §5.1.2: prepend our AS
            b.asPath(a.asPath().prepend(localAs.value(), 1));
            // §5.1.3: next hop self, unless the current one is on the neighbor's subnet
            if (nh == null || !resolver.sharesConnectedSubnet(nh, to.address()) || nh.equals(to.address())) {
                nh = self;
            }
            // §5.1.5: LOCAL_PREF is not sent to external peers
            b.localPref(AttributeSet.ABSENT);
            // §5.1.4: a MED received from another AS is not passed on to other ASes
            if (fromPeer) {
                b.med(AttributeSet.ABSENT);
            }
            // RFC 4456 §8: ORIGINATOR_ID and CLUSTER_LIST stay inside the AS
            b.removeOther(PathAttribute.ORIGINATOR_ID).removeOther(PathAttribute.CLUSTER_LIST);
        } else {
            // §5.1.5: LOCAL_PREF is always included towards internal peers
            if (!a.hasLocalPref()) {
                b.localPref(DEFAULT_LOCAL_PREF);
            }
            if (nh == null) {
                nh = self; // locally originated: we are the next hop
            }
        }
        if (nh == null) {
            return PolicyResult.reject("no local " + family + " address for next hop self");
        }
        b.nextHop(nh);
        return PolicyResult.accept(b.build());
    }

    /**
     * The user's export policy over the built-in outcome, and the rules it may not break.
     *
     * @param prefix the destination
     * @param out the attributes after the built-in rules
     * @param best the Loc-RIB best path
     * @param to the neighbor the path would go to
     * @param policy the neighbor's export policy
     * @return the policy's verdict, corrected for RFC 4271 §5.1.5
     */
    public PolicyResult applyPolicy(IpPrefix prefix, AttributeSet out, Route best, Neighbor to, ExportPolicy policy) {
        PolicyResult r = policy.apply(new RouteContext(prefix, out, best.source(), to));
        if (r instanceof PolicyResult.Accept acc) {
            if (acc.attributes().nextHop() == null) {
                return PolicyResult.reject("export policy removed the next hop");
            }
            if (to.ebgp() && acc.attributes().hasLocalPref()) {
                // §5.1.5 is a MUST NOT: a policy setting LOCAL_PREF only affects iBGP neighbors
                return PolicyResult.accept(acc.attributes().toBuilder().localPref(AttributeSet.ABSENT).build());
            }
        }
        return r;
    }
}
