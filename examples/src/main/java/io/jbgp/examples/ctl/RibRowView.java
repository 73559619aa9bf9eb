package io.jbgp.examples.ctl;

import io.jbgp.core.attr.Origin;
import io.jbgp.core.types.IpPrefix;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One path of the Loc-RIB (every candidate, not only the best) as {@code bgpctl show rib}
 * reports it.
 *
 * @param from the neighbor the path came from; empty for a locally originated route
 * @param asPath the AS_PATH flattened left to right (an AS_SET's members in order)
 * @param communities already in text form ({@code 65502:100}, {@code NO_EXPORT})
 * @param best whether the decision process selected this path
 * @param reason why it won or lost (the decision step, RFC 4271 §9.1.2.2), or why it is not
 *     eligible
 * @param eligible false when the path cannot win at all (AS loop, unreachable next hop …)
 * @param viaIbgp learned from an iBGP neighbor (flag {@code I})
 * @param attributeError kept for display only because its attributes were malformed (RFC 7606
 *     treat-as-withdraw): bgpctl's flag {@code E}, which it sets for nothing else
 * @param trueNexthop where packets really go: the gateway the next hop resolves through (the next
 *     hop itself when it is on a connected network or does not resolve); bgpctl's "via"
 */
public record RibRowView(
        IpPrefix prefix, InetAddress nexthop, Optional<InetAddress> from, long[] asPath,
        Origin origin, long localPref, long med, List<String> communities, boolean best,
        String reason, boolean eligible, boolean viaIbgp, boolean attributeError,
        InetAddress trueNexthop) {

    /** Copies the arrays and lists. */
    public RibRowView {
        asPath = asPath.clone();
        communities = List.copyOf(communities);
    }

    /** A row without an attribute error whose next hop is its true next hop. */
    public RibRowView(IpPrefix prefix, InetAddress nexthop, Optional<InetAddress> from, long[] asPath,
                      Origin origin, long localPref, long med, List<String> communities, boolean best,
                      String reason, boolean eligible, boolean viaIbgp) {
        this(prefix, nexthop, from, asPath, origin, localPref, med, communities, best, reason,
                eligible, viaIbgp, false);
    }

    /** A row whose next hop is its true next hop. */
    public RibRowView(IpPrefix prefix, InetAddress nexthop, Optional<InetAddress> from, long[] asPath,
                      Origin origin, long localPref, long med, List<String> communities, boolean best,
                      String reason, boolean eligible, boolean viaIbgp, boolean attributeError) {
        this(prefix, nexthop, from, asPath, origin, localPref, med, communities, best, reason,
                eligible, viaIbgp, attributeError, nexthop);
    }

    /** A copy of the AS path. */
    @Override
    public long[] asPath() {
        return asPath.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RibRowView r && prefix.equals(r.prefix) && nexthop.equals(r.nexthop)
                && from.equals(r.from) && Arrays.equals(asPath, r.asPath) && origin == r.origin
                && localPref == r.localPref && med == r.med && communities.equals(r.communities)
                && best == r.best && reason.equals(r.reason) && eligible == r.eligible
                && viaIbgp == r.viaIbgp && attributeError == r.attributeError
                && trueNexthop.equals(r.trueNexthop);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, nexthop, from, Arrays.hashCode(asPath), origin, localPref,
                med, communities, best, reason, eligible, viaIbgp, attributeError, trueNexthop);
    }

    @Override
    public String toString() {
        return "RibRowView[" + prefix + " via " + nexthop + " from " + from + " path "
                + Arrays.toString(asPath) + " " + origin + " lpref " + localPref + " med " + med
                + " " + communities + (best ? " best" : "") + " (" + reason + ")"
                + (eligible ? "" : " ineligible") + (viaIbgp ? " ibgp" : "")
                + (attributeError ? " attribute-error" : "")
                + (trueNexthop.equals(nexthop) ? "" : " via " + trueNexthop) + "]";
    }
}
