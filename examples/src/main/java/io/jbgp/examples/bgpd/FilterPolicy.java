package io.jbgp.examples.bgpd;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.LargeCommunity;
import io.jbgp.examples.config.AsMatch;
import io.jbgp.examples.config.FilterRule;
import io.jbgp.examples.config.PeerMatch;
import io.jbgp.examples.config.SetAction;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.policy.PolicyResult;
import io.jbgp.rib.policy.Policies;
import io.jbgp.rib.policy.RouteContext;
import io.jbgp.rib.table.Neighbor;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * bgpd.conf filter rules ({@code allow|deny|match [quick] from|to PEER ...}) as a RIB policy for
 * one direction. OpenBGPD's evaluation order (bgpd.conf(5), FILTER): rules run first to last;
 * every matching rule applies its {@code set}; the last matching {@code allow} or {@code deny}
 * decides, a matching {@code quick} rule ends the walk; no decision means deny (the parser's
 * documented default, which also satisfies RFC 8212 for eBGP).
 *
 * <p>Pure and immutable: the daemon builds a new instance on reload and hands it to the RIB
 * ({@code ImportPolicyChanged}/{@code ExportPolicyChanged}), which re-runs it without a session
 * reset.
 */
final class FilterPolicy implements Policies.AnyPolicy {

    private final List<FilterRule> rules;
    private final FilterRule.Direction direction;
    private final Map<InetAddress, String> groups;
    private final long localAs;

    /**
     * @param rules     every filter rule of the configuration, in file order
     * @param direction which ones apply: {@code FROM} for import, {@code TO} for export
     * @param groups    each neighbor's group name, for {@code group "NAME"} matches
     * @param localAs   our AS, for {@code prepend-self}
     */
    FilterPolicy(List<FilterRule> rules, FilterRule.Direction direction,
                 Map<InetAddress, String> groups, long localAs) {
        this.rules = rules.stream().filter(r -> r.direction() == direction).toList();
        this.direction = Objects.requireNonNull(direction, "direction");
        this.groups = Map.copyOf(groups);
        this.localAs = localAs;
    }

    @Override
    public PolicyResult apply(RouteContext route) {
        AttributeSet attrs = route.attributes();
        FilterRule.Action decision = null;
        for (FilterRule r : rules) {
            if (!matches(r, route.neighbor(), route, attrs)) {
                continue;
            }
            attrs = applySets(r.set(), attrs, route);
            if (r.action() != FilterRule.Action.MATCH) {
                decision = r.action();
                if (r.quick()) {
                    break;
                }
            }
        }
        if (decision == FilterRule.Action.ALLOW) {
            return PolicyResult.accept(attrs);
        }
        // no rule allowed it: bgpd's default deny
        return PolicyResult.reject(decision == null
                ? "no filter rule " + direction.keyword() + " this neighbor allows it"
                : "denied by filter rule");
    }

    /**
     * Whether some {@code allow} rule of this direction can apply to the neighbor at all. When
     * none can, the default deny drops everything: for an eBGP neighbor that is RFC 8212's "no
     * policy" case, which "show neighbor" reports.
     */
    boolean mayAllow(InetAddress address, boolean ebgp) {
        for (FilterRule r : rules) {
            if (r.action() == FilterRule.Action.ALLOW && peerMatches(r.peer(), address, ebgp)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(FilterRule r, Neighbor n, RouteContext route, AttributeSet attrs) {
        if (!peerMatches(r.peer(), n)) {
            return false;
        }
        if (r.prefix().isPresent() && !r.prefix().get().matches(route.prefix())) {
            return false;
        }
        if (r.asPath().isPresent() && !asMatches(r.asPath().get(), attrs.asPath())) {
            return false;
        }
        if (r.community().isPresent() && !attrs.communities().contains(r.community().get())) {
            return false;
        }
        return r.largeCommunity().isEmpty() || attrs.communities().contains(r.largeCommunity().get());
    }

    private boolean peerMatches(PeerMatch m, Neighbor n) {
        return peerMatches(m, n.address(), n.ebgp());
    }

    private boolean peerMatches(PeerMatch m, InetAddress address, boolean ebgp) {
        if (m instanceof PeerMatch.Any) {
            return true;
        }
        if (m instanceof PeerMatch.Ebgp) {
            return ebgp;
        }
        if (m instanceof PeerMatch.Ibgp) {
            return !ebgp;
        }
        if (m instanceof PeerMatch.Address a) {
            return a.address().equals(address);
        }
        if (m instanceof PeerMatch.Group g) {
            return g.name().equals(groups.get(address));
        }
        throw new IllegalStateException("peerMatches: unknown peer match " + m);
    }

    private static boolean asMatches(AsMatch m, AsPath path) {
        long asn = m.asn().value();
        switch (m.part()) {
            case ANY:
                return path.containsAs(asn);
            case SOURCE:
                return !path.isEmpty() && path.originAs() == asn;
            case PEER:
                return !path.isEmpty() && path.neighborAs() == asn;
            case TRANSIT:
                long[] flat = path.flatten();
                for (int i = 0; i < flat.length - 1; i++) {
                    if (flat[i] == asn) {
                        return true;
                    }
                }
                return false;
            default:
                throw new IllegalStateException("asMatches: unknown part " + m.part());
        }
    }

    private AttributeSet applySets(List<SetAction> sets, AttributeSet attrs, RouteContext route) {
        if (sets.isEmpty()) {
            return attrs;
        }
        AttributeSet.Builder b = attrs.toBuilder();
        for (SetAction s : sets) {
            if (s instanceof SetAction.LocalPref lp) {
                b.localPref(lp.value());
            } else if (s instanceof SetAction.Med med) {
                b.med(med.value());
            } else if (s instanceof SetAction.PrependSelf p) {
                b.asPath(b.asPath().prepend(localAs, p.times()));
            } else if (s instanceof SetAction.AddCommunity c) {
                b.communities(b.communities().with(List.<Community>of(c.community()), List.<LargeCommunity>of()));
            } else if (s instanceof SetAction.NextHop nh) {
                // a next hop of the other family cannot apply to this prefix: bgpd skips it too
                if (sameFamily(nh.address(), route)) {
                    b.nextHop(nh.address());
                }
            } else if (s instanceof SetAction.NextHopSelf) {
                Optional.ofNullable(route.neighbor().localAddress(route.prefix().family())).ifPresent(b::nextHop);
            } else {
                throw new IllegalStateException("applySets: unknown set action " + s);
            }
        }
        return b.build();
    }

    private static boolean sameFamily(InetAddress a, RouteContext route) {
        return (a instanceof Inet4Address) == (route.prefix().address() instanceof Inet4Address);
    }
}
