package io.jbgp.examples.bgpd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbgp.core.attr.Origin;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.examples.ctl.NexthopView;
import io.jbgp.examples.ctl.RibQuery;
import io.jbgp.examples.ctl.RibRowView;
import io.jbgp.rib.RibSnapshot;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.rib.table.Eligibility;
import io.jbgp.rib.table.LocalSource;
import io.jbgp.rib.table.PeerSource;
import io.jbgp.rib.table.Route;
import io.jbgp.rib.table.RouteSource;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code show nexthop} and {@code show rib} rows computed from a hand-built RIB snapshot. */
class RibRowsTest {
    private static final InetAddress PEER_A = ip("198.51.100.9");
    private static final InetAddress PEER_B = ip("198.51.100.10");
    private static final PeerSource FROM_A = new PeerSource(PEER_A, RouterId.parse("10.0.0.9"), Asn.of(65509), true);
    private static final PeerSource FROM_B = new PeerSource(PEER_B, RouterId.parse("10.0.0.10"), Asn.of(65510), true);

    private static InetAddress ip(String s) {
        return IpPrefix.parseAddress(s);
    }

    private static RibSnapshot.CandidateView path(RouteSource from, String nexthop, boolean best, Eligibility e) {
        AttributeSet.Builder b = AttributeSet.builder().origin(Origin.IGP);
        if (nexthop != null) {
            b.nextHop(ip(nexthop));
        }
        return new RibSnapshot.CandidateView(new Route(from, 0, b.build(), 0, e, 0), best, false, Optional.empty());
    }

    private static RibSnapshot.DestinationView dest(String prefix, RibSnapshot.CandidateView... paths) {
        return new RibSnapshot.DestinationView(IpPrefix.parse(prefix), List.of(paths));
    }

    /**
     * Three next hops: one on a connected subnet used by two prefixes (twice by one of them),
     * one behind a static route's gateway, and one no host route covers (the default route does
     * not count without {@code resolveViaDefault}); our own route adds none.
     */
    private static final RibSnapshot SNAPSHOT = new RibSnapshot(Map.of(AddressFamily.IPV4_UNICAST, List.of(
            dest("203.0.113.0/25",
                    path(FROM_A, "198.51.100.9", true, Eligibility.ELIGIBLE),
                    path(FROM_B, "198.51.100.9", false, Eligibility.ELIGIBLE),
                    path(FROM_B, "203.0.113.200", false, Eligibility.NEXTHOP_UNREACHABLE)),
            dest("203.0.113.128/26", path(FROM_A, "198.51.100.9", true, Eligibility.ELIGIBLE)),
            dest("10.20.0.0/16", path(FROM_B, "10.9.0.1", true, Eligibility.ELIGIBLE)),
            dest("198.51.100.128/26", path(LocalSource.CONNECTED, null, true, Eligibility.ELIGIBLE)))),
            Map.of(), Map.of());

    private static final List<SystemRoute> HOST = List.of(
            SystemRoute.connected(IpPrefix.parse("198.51.100.0/25"), "em1"),
            SystemRoute.connected(IpPrefix.parse("198.51.100.0/24"), "em9"),
            SystemRoute.staticRoute(IpPrefix.parse("10.9.0.0/16"), ip("198.51.100.1"), "em1"),
            SystemRoute.staticRoute(IpPrefix.parse("0.0.0.0/0"), ip("198.51.100.126"), "em0"));

    @Test
    void everyTrackedNexthopWithItsRouteGatewayInterfaceAndUsers() {
        assertEquals(List.of(
                new NexthopView(ip("10.9.0.1"), true, Optional.of(IpPrefix.parse("10.9.0.0/16")),
                        Optional.of(ip("198.51.100.1")), "em1", 0, 1),
                // the longest match wins over the covering /24 on em9
                new NexthopView(PEER_A, true, Optional.of(IpPrefix.parse("198.51.100.0/25")),
                        Optional.of(PEER_A), "em1", 0, 2),
                new NexthopView(ip("203.0.113.200"), false, Optional.empty(), Optional.empty(), "", 0, 1)),
                RibRows.nexthops(SNAPSHOT, HOST, false));
    }

    @Test
    void theDefaultRouteResolvesOnlyWhenAllowed() {
        NexthopView viaDefault = RibRows.nexthops(SNAPSHOT, HOST, true).get(2);
        assertEquals(new NexthopView(ip("203.0.113.200"), true, Optional.of(IpPrefix.parse("0.0.0.0/0")),
                Optional.of(ip("198.51.100.126")), "em0", 0, 1), viaDefault);
        // without host routes nothing is reachable, and the users are still counted
        assertEquals(List.of(false, false, false), RibRows.nexthops(SNAPSHOT, List.of(), false).stream()
                .map(NexthopView::reachable).toList());
    }

    @Test
    void ribRowsCarryEveryCandidateAndTheirSource() {
        List<RibRowView> rows = RibRows.rib(SNAPSHOT, RibQuery.ALL);
        assertEquals(6, rows.size());
        assertEquals(Optional.of(PEER_B), rows.get(2).from());
        assertEquals(false, rows.get(2).eligible());
        assertEquals("next hop unreachable", rows.get(2).reason());
        RibRowView own = rows.stream().filter(r -> r.prefix().equals(IpPrefix.parse("198.51.100.128/26")))
                .findFirst().orElseThrow();
        assertEquals(Optional.empty(), own.from());
    }

    /** bgpctl's "via": a next hop behind a static route shows its gateway, others themselves. */
    @Test
    void ribRowsCarryTheTrueNextHopTheirNextHopResolvesThrough() {
        List<RibRowView> rows = RibRows.rib(SNAPSHOT, RibQuery.ALL, HOST, false);
        Map<String, String> via = new java.util.TreeMap<>();
        for (RibRowView r : rows) {
            via.merge(r.prefix() + " " + r.nexthop().getHostAddress(), r.trueNexthop().getHostAddress(),
                    (x, y) -> x);
        }
        assertEquals(Map.of(
                "10.20.0.0/16 10.9.0.1", "198.51.100.1",          // behind the static route
                "203.0.113.0/25 198.51.100.9", "198.51.100.9",    // on a connected subnet
                "203.0.113.0/25 203.0.113.200", "203.0.113.200",  // unreachable: itself
                "203.0.113.128/26 198.51.100.9", "198.51.100.9",
                "198.51.100.128/26 0.0.0.0", "0.0.0.0"), via);     // our own route
    }

    @Test
    void onlyATreatAsWithdrawPathCarriesTheAttributeErrorFlag() {
        IpPrefix p = IpPrefix.parse("203.0.113.0/25");
        RibSnapshot s = new RibSnapshot(Map.of(AddressFamily.IPV4_UNICAST, List.of(dest("203.0.113.0/25",
                path(FROM_A, "198.51.100.9", true, Eligibility.ELIGIBLE),
                path(FROM_B, "198.51.100.10", false, Eligibility.PARSE_ERROR),
                path(FROM_B, "203.0.113.200", false, Eligibility.NEXTHOP_UNREACHABLE),
                path(FROM_B, "198.51.100.11", false, Eligibility.AS_LOOP)))), Map.of(), Map.of());
        List<RibRowView> rows = RibRows.rib(s, RibQuery.ALL);
        assertEquals(List.of(false, true, false, false), rows.stream().map(RibRowView::attributeError).toList());
        assertEquals(List.of(true, false, false, false), rows.stream().map(RibRowView::eligible).toList());
        assertEquals(List.of(p, p, p, p), rows.stream().map(RibRowView::prefix).toList());
    }
}
