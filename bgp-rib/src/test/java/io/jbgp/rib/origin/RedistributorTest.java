package io.jbgp.rib.origin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.attr.Origin;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.origin.PreviewEntry.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RedistributorTest {
    static final AddressFamily V4 = AddressFamily.IPV4_UNICAST;
    static final AddressFamily V6 = AddressFamily.IPV6_UNICAST;

    static IpPrefix p(String s) {
        return IpPrefix.parse(s);
    }

    static SystemRoute conn(String prefix, String iface) {
        return SystemRoute.connected(p(prefix), iface);
    }

    static SystemRoute stat(String prefix, String gw, String iface) {
        return SystemRoute.staticRoute(p(prefix), IpPrefix.parseAddress(gw), iface);
    }

    /** A small router: LAN, transit, WAN with the default route, loopback, link-local. */
    static List<SystemRoute> router() {
        return List.of(
                conn("10.1.0.0/24", "lan0"),
                conn("10.19.0.0/30", "tr0"),
                conn("10.99.0.0/24", "wan0"),
                conn("127.0.0.0/8", "lo"),
                conn("2001:db8:1::/64", "lan0"),
                conn("2001:db8:99::/64", "wan0"),
                conn("fe80::/64", "lan0"),
                stat("0.0.0.0/0", "10.99.0.1", "wan0"),
                stat("198.51.100.0/24", "10.1.0.5", "lan0"),
                stat("203.0.113.0/24", "127.0.0.1", "lo"),
                new SystemRoute(p("203.0.113.128/25"), Optional.of(IpPrefix.parseAddress("10.19.0.2")),
                        SystemRoute.Kind.OWN, "tr0", 0, 20, "bgp"));
    }

    static Set<IpPrefix> announced(Redistributor r) {
        return r.originated().keySet();
    }

    static Reason reasonFor(List<PreviewEntry> preview, String prefix) {
        return preview.stream().filter(e -> e.prefix().equals(p(prefix))).findFirst().orElseThrow().reason();
    }

    @Test
    void connectedSkipsTheUplinkSubnetAndLoopbackAndLinkLocal() {
        var ev = Redistributor.evaluate(OriginConfig.of(NetworkStatement.connected(V4),
                NetworkStatement.connected(V6)), router());
        assertEquals(Set.of(p("10.1.0.0/24"), p("10.19.0.0/30"), p("2001:db8:1::/64")), ev.originated().keySet());
        assertEquals(Reason.UPLINK_SUBNET, reasonFor(ev.preview(), "10.99.0.0/24"));
        // the uplink is family-independent: wan0's IPv6 subnet stays private too
        assertEquals(Reason.UPLINK_SUBNET, reasonFor(ev.preview(), "2001:db8:99::/64"));
        assertEquals(Reason.LOOPBACK, reasonFor(ev.preview(), "127.0.0.0/8"));
        assertEquals(Reason.LINK_LOCAL, reasonFor(ev.preview(), "fe80::/64"));
        PreviewEntry wan = ev.preview().stream().filter(e -> e.prefix().equals(p("10.99.0.0/24"))).findFirst()
                .orElseThrow();
        assertFalse(wan.included());
        assertEquals(NetworkStatement.connected(V4), wan.statement());
    }

    @Test
    void staticSkipsDefaultLoopbackNextHopAndOwnRoutes() {
        var ev = Redistributor.evaluate(OriginConfig.of(NetworkStatement.staticRoutes(V4)), router());
        assertEquals(Set.of(p("198.51.100.0/24")), ev.originated().keySet());
        assertEquals(Reason.DEFAULT_ROUTE, reasonFor(ev.preview(), "0.0.0.0/0"));
        assertEquals(Reason.NEXTHOP_LOOPBACK, reasonFor(ev.preview(), "203.0.113.0/24"));
        // our own (OWN) routes are not even candidates
        assertTrue(ev.preview().stream().noneMatch(e -> e.prefix().equals(p("203.0.113.128/25"))));
        assertEquals(OriginatedRoute.Source.STATIC, ev.originated().get(p("198.51.100.0/24")).source());
    }

    @Test
    void defaultRouteOnlyWhenIncludedExactly() {
        var covering = OriginConfig.of(NetworkStatement.staticRoutes(V4)).withIncludePrefixes(p("0.0.0.0/1"));
        assertFalse(Redistributor.evaluate(covering, router()).originated().containsKey(p("0.0.0.0/0")));
        var exact = OriginConfig.of(NetworkStatement.staticRoutes(V4)).withIncludePrefixes(p("0.0.0.0/0"));
        assertTrue(Redistributor.evaluate(exact, router()).originated().containsKey(p("0.0.0.0/0")));
        var explicit = OriginConfig.of(NetworkStatement.prefix(p("0.0.0.0/0")));
        assertEquals(OriginatedRoute.Source.CONFIGURED,
                Redistributor.evaluate(explicit, List.of()).originated().get(p("0.0.0.0/0")).source());
    }

    @Test
    void includeAndExcludeOverridesBeatTheGuard() {
        var base = OriginConfig.of(NetworkStatement.connected(V4));
        assertTrue(Redistributor.evaluate(base.withIncludeInterfaces("wan0"), router()).originated()
                .containsKey(p("10.99.0.0/24")));
        var byPrefix = Redistributor.evaluate(base.withIncludePrefixes(p("10.99.0.0/16")), router());
        assertTrue(byPrefix.originated().containsKey(p("10.99.0.0/24")));
        assertEquals(Reason.INCLUDED_PREFIX, reasonFor(byPrefix.preview(), "10.99.0.0/24"));
        var exIf = Redistributor.evaluate(base.withExcludeInterfaces("tr0"), router());
        assertEquals(Set.of(p("10.1.0.0/24")), exIf.originated().keySet());
        assertEquals(Reason.EXCLUDED_INTERFACE, reasonFor(exIf.preview(), "10.19.0.0/30"));
        // prefix rules beat interface rules; the longest covering prefix wins
        var mixed = base.withIncludeInterfaces("wan0").withExcludePrefixes(p("10.0.0.0/8"))
                .withIncludePrefixes(p("10.1.0.0/16"));
        var ev = Redistributor.evaluate(mixed, router());
        assertEquals(Set.of(p("10.1.0.0/24")), ev.originated().keySet());
        assertEquals(Reason.EXCLUDED_PREFIX, reasonFor(ev.preview(), "10.99.0.0/24"));
        // the guard can be switched off
        assertTrue(Redistributor.evaluate(base.withUplinkGuard(false), router()).originated()
                .containsKey(p("10.99.0.0/24")));
    }

    @Test
    void uplinkFoundThroughTheGatewayWhenTheDefaultNamesNoInterface() {
        List<SystemRoute> routes = List.of(conn("10.1.0.0/24", "lan0"), conn("10.99.0.0/24", "wan0"),
                conn("2001:db8:99::/64", "wan0"), stat("0.0.0.0/0", "10.99.0.1", ""));
        var ev = Redistributor.evaluate(OriginConfig.of(NetworkStatement.connected(V4),
                NetworkStatement.connected(V6)), routes);
        assertEquals(Set.of(p("10.1.0.0/24")), ev.originated().keySet());
    }

    @Test
    void explicitPrefixTakesPrecedenceOverConnected() {
        PathAttributes attrs = PathAttributes.of(Origin.EGP);
        var cfg = OriginConfig.of(NetworkStatement.connected(V4),
                new NetworkStatement.Prefix(p("10.1.0.0/24"), attrs));
        var ev = Redistributor.evaluate(cfg, router());
        OriginatedRoute r = ev.originated().get(p("10.1.0.0/24"));
        assertEquals(OriginatedRoute.Source.CONFIGURED, r.source());
        assertEquals(attrs, r.attributes());
        assertEquals(Reason.DUPLICATE, ev.preview().stream()
                .filter(e -> e.prefix().equals(p("10.1.0.0/24")) && e.systemRoute().isPresent())
                .findFirst().orElseThrow().reason());
    }

    @Test
    void prefixSetPriorityAndLabelStatements() {
        SystemRoute dhcp = new SystemRoute(p("198.51.100.128/25"), Optional.of(IpPrefix.parseAddress("10.1.0.9")),
                SystemRoute.Kind.DYNAMIC, "lan0", 0, 600, "dhcp");
        List<SystemRoute> routes = new ArrayList<>(router());
        routes.add(dhcp);
        var set = NetworkStatement.prefixSet("mine", Set.of(p("203.0.113.0/26"), p("203.0.113.64/26")));
        assertEquals(Set.of(p("203.0.113.0/26"), p("203.0.113.64/26")),
                Redistributor.evaluate(OriginConfig.of(set), routes).originated().keySet());
        assertEquals(Set.of(p("198.51.100.128/25")), Redistributor.evaluate(
                OriginConfig.of(NetworkStatement.label(V4, "dhcp")), routes).originated().keySet());
        assertEquals(Set.of(p("198.51.100.128/25")), Redistributor.evaluate(
                OriginConfig.of(NetworkStatement.priority(V4, 600)), routes).originated().keySet());
        // static does not pick up other protocols' routes
        assertFalse(Redistributor.evaluate(OriginConfig.of(NetworkStatement.staticRoutes(V4)), routes)
                .originated().containsKey(p("198.51.100.128/25")));
    }

    @Test
    void followsChangesIncrementallyAndMovesTheGuardWithTheDefaultRoute() {
        List<List<OriginChange>> out = new ArrayList<>();
        var r = new Redistributor(OriginConfig.of(NetworkStatement.connected(V4)), out::add);
        var src = new InMemorySystemRouteSource();
        src.subscribe(r);
        src.add(conn("10.1.0.0/24", "lan0"));
        src.add(conn("10.99.0.0/24", "wan0"));
        assertEquals(Set.of(p("10.1.0.0/24"), p("10.99.0.0/24")), announced(r));
        out.clear();
        // a default route appears on wan0: its subnet is withdrawn, nothing else moves
        SystemRoute dflt = stat("0.0.0.0/0", "10.99.0.1", "wan0");
        src.add(dflt);
        assertEquals(List.of(List.of(new OriginChange(p("10.99.0.0/24"),
                Optional.of(new OriginatedRoute(p("10.99.0.0/24"), NetworkStatement.connected(V4),
                        PathAttributes.EMPTY, Optional.of(conn("10.99.0.0/24", "wan0")))),
                Optional.empty()))), out);
        out.clear();
        // the default moves to lan0 (failover): the WAN subnet comes back, the LAN goes
        src.remove(dflt);
        src.add(stat("0.0.0.0/0", "10.1.0.254", "lan0"));
        assertEquals(Set.of(p("10.99.0.0/24")), announced(r));
        assertEquals(2, out.stream().mapToInt(List::size).sum()); // WAN announced, LAN withdrawn
        // removing a route we never saw emits nothing
        out.clear();
        r.removed(conn("10.7.0.0/24", "x"));
        assertTrue(out.isEmpty());
    }

    @Test
    void reconfigureEmitsOnlyTheDifference() {
        List<OriginChange> out = new ArrayList<>();
        var r = new Redistributor(OriginConfig.of(NetworkStatement.connected(V4)), out::addAll);
        r.reset(router());
        out.clear();
        r.reconfigure(OriginConfig.of(NetworkStatement.connected(V4)).withExcludeInterfaces("tr0"));
        assertEquals(1, out.size());
        assertTrue(out.get(0).isWithdrawal());
        assertEquals(p("10.19.0.0/30"), out.get(0).prefix());
    }

    @Test
    void previewListsEveryCandidateOnceWithAReason() {
        var ev = Redistributor.evaluate(OriginConfig.of(NetworkStatement.connected(V4),
                NetworkStatement.staticRoutes(V4)), router());
        var text = ev.preview().stream().map(PreviewEntry::toString).collect(Collectors.toList());
        assertTrue(text.contains("10.99.0.0/24 excluded (network inet connected): subnet of the uplink interface "
                + "holding the default route (WAN-leak guard) [wan0]"), text.toString());
        assertEquals(7, ev.preview().size(), text.toString());
    }
}
