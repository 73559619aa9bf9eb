package io.jbgp.examples.bgpd;

import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.LargeCommunity;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.examples.ctl.FibRowView;
import io.jbgp.examples.ctl.NexthopView;
import io.jbgp.examples.ctl.RibQuery;
import io.jbgp.examples.ctl.RibRowView;
import io.jbgp.rib.RibSnapshot;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.fib.FibRoute;
import io.jbgp.rib.fib.NexthopResolver;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.rib.table.Eligibility;
import io.jbgp.rib.table.PeerSource;
import io.jbgp.rib.table.Route;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@link RibSnapshot} into the rows {@code bgpctl show rib} and {@code show fib} print:
 * one row per candidate path (eligible or not), one per forwarding next hop, and one per BGP
 * next hop for {@code show nexthop}.
 */
final class RibRows {
    /** LOCAL_PREF shown for a path without one (RFC 4271 §5.1.5: the usual default). */
    private static final long DEFAULT_LOCAL_PREF = 100;
    private static final InetAddress ANY_V4 = literal(new byte[4]);
    private static final InetAddress ANY_V6 = literal(new byte[16]);

    private RibRows() {
    }

    /** Every candidate path matching {@code q}, in prefix order, best first within a prefix. */
    static List<RibRowView> rib(RibSnapshot s, RibQuery q) {
        return rib(s, q, List.of(), false);
    }

    /**
     * As {@link #rib(RibSnapshot, RibQuery)}, each row with its true next hop: the gateway its
     * BGP next hop resolves through over {@code hostRoutes} (as for {@link #nexthops}).
     */
    static List<RibRowView> rib(RibSnapshot s, RibQuery q, Collection<SystemRoute> hostRoutes,
                                boolean resolveViaDefault) {
        NexthopResolver resolver = new NexthopResolver(resolveViaDefault);
        hostRoutes.forEach(resolver::add);
        List<RibRowView> rows = new ArrayList<>();
        for (AddressFamily f : List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST)) {
            List<RibSnapshot.DestinationView> dests = s.routes(f);
            for (RibSnapshot.DestinationView d : dests) {
                if (!selected(d.prefix(), q, dests)) {
                    continue;
                }
                for (RibSnapshot.CandidateView c : d.candidates()) {
                    RibRowView row = row(d.prefix(), c, resolver);
                    if ((q.selectedOnly() && !row.best())
                            || (q.neighbor().isPresent() && !row.from().equals(q.neighbor()))) {
                        continue;
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    // an exact prefix, or the most specific prefixes covering an address (bgpctl "show rib ADDR")
    private static boolean selected(IpPrefix p, RibQuery q, List<RibSnapshot.DestinationView> all) {
        if (q.prefix().isPresent()) {
            return q.prefix().get().equals(p);
        }
        if (q.address().isEmpty()) {
            return true;
        }
        InetAddress a = q.address().get();
        if (!p.containsAddress(a)) {
            return false;
        }
        for (RibSnapshot.DestinationView d : all) {
            if (d.prefix().length() > p.length() && d.prefix().containsAddress(a)) {
                return false;
            }
        }
        return true;
    }

    // one candidate as a row; bgpctl's "via" is the first gateway of its resolved next hop,
    // else the next hop itself
    private static RibRowView row(IpPrefix prefix, RibSnapshot.CandidateView c, NexthopResolver resolver) {
        Route r = c.route();
        AttributeSet a = r.attrs();
        Optional<InetAddress> from = r.source() instanceof PeerSource p ? Optional.of(p.address()) : Optional.empty();
        InetAddress nh = a.nextHop() != null ? a.nextHop() : prefix.address() instanceof Inet4Address ? ANY_V4 : ANY_V6;
        List<String> communities = new ArrayList<>();
        for (Community x : a.communities().standard()) {
            communities.add(x.toString());
        }
        for (LargeCommunity x : a.communities().large()) {
            communities.add(x.toString());
        }
        String reason;
        if (!r.isEligible()) {
            reason = r.eligibility().description();
        } else {
            reason = c.reason().map(Object::toString).orElse(c.best() ? "only path" : "not compared");
        }
        InetAddress via = nh;
        if (a.nextHop() != null && r.source() instanceof PeerSource) {
            NexthopResolver.Resolution res = resolver.resolve(a.nextHop());
            if (res.isReachable() && !res.via().isEmpty()) {
                via = res.via().get(0).gateway();
            }
        }
        return new RibRowView(prefix, nh, from, a.asPath().flatten(), a.origin(),
                a.hasLocalPref() ? a.localPref() : DEFAULT_LOCAL_PREF, a.hasMed() ? a.med() : 0, communities,
                c.best(), reason, r.isEligible(), r.source() instanceof PeerSource p && !p.ebgp(),
                r.eligibility() == Eligibility.PARSE_ERROR, via);
    }

    /** The forwarding table (or one prefix of it), one row per resolved next hop. */
    static List<FibRowView> fib(Map<IpPrefix, FibRoute> forwarding, Optional<IpPrefix> only) {
        List<FibRowView> rows = new ArrayList<>();
        for (FibRoute f : forwarding.values()) {
            if (only.isPresent() && !only.get().equals(f.prefix())) {
                continue;
            }
            for (FibRoute.NextHop nh : f.nextHops()) {
                rows.add(new FibRowView(f.prefix(), Optional.of(nh.gateway()), nh.interfaceName()));
            }
        }
        return rows;
    }

    /**
     * Every BGP next hop some candidate path uses, in address order, resolved against the host
     * routes the RIB's resolver was given. {@link RibSnapshot} carries no next-hop table
     * (TODO(#nexthop-snapshot): the library should expose {@code NexthopResolver.tracked()} and
     * the resolving route in the snapshot), so this rebuilds the resolution with the library's
     * own {@link NexthopResolver} fed with the same host routes, and counts users from the
     * snapshot's candidates: the same back-links the resolver keeps (learned paths only; our own
     * routes have no BGP next hop to resolve).
     *
     * @param hostRoutes        the connected and static routes the RIB resolves against
     * @param resolveViaDefault the RIB's {@code resolveViaDefault} setting
     */
    static List<NexthopView> nexthops(RibSnapshot s, Collection<SystemRoute> hostRoutes,
                                      boolean resolveViaDefault) {
        Map<InetAddress, Set<IpPrefix>> users = new HashMap<>();
        for (AddressFamily f : List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST)) {
            for (RibSnapshot.DestinationView d : s.routes(f)) {
                for (RibSnapshot.CandidateView c : d.candidates()) {
                    InetAddress nh = c.route().attrs().nextHop();
                    if (c.route().source() instanceof PeerSource && nh != null) {
                        users.computeIfAbsent(nh, k -> new HashSet<>()).add(d.prefix());
                    }
                }
            }
        }
        NexthopResolver resolver = new NexthopResolver(resolveViaDefault);
        hostRoutes.forEach(resolver::add);
        List<InetAddress> order = new ArrayList<>(users.keySet());
        order.sort(Comparator.comparing((InetAddress a) -> a.getAddress().length)
                .thenComparing(InetAddress::getAddress, Arrays::compareUnsigned));
        List<NexthopView> rows = new ArrayList<>();
        for (InetAddress nh : order) {
            NexthopResolver.Resolution r = resolver.resolve(nh);
            int count = users.get(nh).size();
            if (!r.isReachable()) {
                rows.add(new NexthopView(nh, false, Optional.empty(), Optional.empty(), "", 0, count));
                continue;
            }
            FibRoute.NextHop via = r.via().get(0);
            rows.add(new NexthopView(nh, true, resolvingRoute(nh, resolver.routes(), resolveViaDefault),
                    Optional.of(via.gateway()), via.interfaceName(), r.cost(), count));
        }
        return rows;
    }

    // the resolver's own rule (longest match, then lower priority, default only when allowed);
    // the library's Resolution does not name the route, see nexthops()
    private static Optional<IpPrefix> resolvingRoute(InetAddress nh, List<SystemRoute> routes,
                                                     boolean viaDefault) {
        SystemRoute match = null;
        for (SystemRoute r : routes) {
            if (!r.prefix().containsAddress(nh) || (r.isDefault() && !viaDefault)) {
                continue;
            }
            if (match == null || r.prefix().length() > match.prefix().length()
                    || (r.prefix().length() == match.prefix().length() && r.priority() < match.priority())) {
                match = r;
            }
        }
        return Optional.ofNullable(match).map(SystemRoute::prefix);
    }

    private static InetAddress literal(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("literal: " + e);
        }
    }
}
