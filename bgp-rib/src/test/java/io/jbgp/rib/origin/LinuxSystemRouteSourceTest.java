package io.jbgp.rib.origin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.origin.PreviewEntry.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LinuxSystemRouteSourceTest {
    static final AddressFamily V4 = AddressFamily.IPV4_UNICAST;

    static IpPrefix p(String s) {
        return IpPrefix.parse(s);
    }

    /** Captured from iproute2 6.1 (addresses rewritten to documentation ranges). */
    static final String ADDR = "[{\"ifindex\":1,\"ifname\":\"lo\",\"flags\":[\"LOOPBACK\",\"UP\",\"LOWER_UP\"],"
            + "\"addr_info\":[{\"family\":\"inet\",\"local\":\"127.0.0.1\",\"prefixlen\":8,\"scope\":\"host\"},"
            + "{\"family\":\"inet6\",\"local\":\"::1\",\"prefixlen\":128,\"scope\":\"host\"}]},"
            + "{\"ifindex\":3,\"link\":\"a1\",\"ifname\":\"a0\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\",\"LOWER_UP\"],"
            + "\"addr_info\":[{\"family\":\"inet\",\"local\":\"10.1.0.1\",\"prefixlen\":24,\"scope\":\"global\","
            + "\"label\":\"a0\"},{\"family\":\"inet6\",\"local\":\"2001:db8:1::1\",\"prefixlen\":64,\"scope\":\"global\","
            + "\"nodad\":true},{\"family\":\"inet6\",\"local\":\"fe80::5011:4eff:fe50:f66a\",\"prefixlen\":64,"
            + "\"scope\":\"link\",\"tentative\":true}]},"
            + "{\"ifindex\":4,\"ifname\":\"down0\",\"flags\":[\"BROADCAST\"],\"addr_info\":[{\"family\":\"inet\","
            + "\"local\":\"10.7.0.1\",\"prefixlen\":24}]},"
            + "{\"ifindex\":5,\"ifname\":\"ppp0\",\"flags\":[\"POINTOPOINT\",\"UP\"],\"addr_info\":[{\"family\":\"inet\","
            + "\"local\":\"10.8.0.1\",\"address\":\"10.8.1.1\",\"prefixlen\":32},{\"family\":\"inet\","
            + "\"local\":\"10.9.0.1\",\"prefixlen\":24,\"noprefixroute\":true}]}]";
    static final String V4_ROUTES = "[{\"dst\":\"default\",\"gateway\":\"10.1.0.2\",\"dev\":\"a0\",\"protocol\":\"dhcp\","
            + "\"metric\":600,\"flags\":[]},{\"dst\":\"10.1.0.0/24\",\"dev\":\"a0\",\"protocol\":\"kernel\","
            + "\"scope\":\"link\",\"prefsrc\":\"10.1.0.1\",\"flags\":[]},{\"dst\":\"198.51.100.0/24\","
            + "\"gateway\":\"10.1.0.5\",\"dev\":\"a0\",\"protocol\":\"static\",\"flags\":[]},"
            + "{\"dst\":\"198.51.100.7\",\"gateway\":\"10.1.0.6\",\"dev\":\"a0\",\"flags\":[]},"
            + "{\"type\":\"blackhole\",\"dst\":\"10.66.0.0/16\",\"flags\":[]},"
            + "{\"dst\":\"203.0.113.0/24\",\"protocol\":\"bgp\",\"metric\":20,\"flags\":[],\"nexthops\":["
            + "{\"gateway\":\"10.1.0.5\",\"dev\":\"a0\",\"weight\":1,\"flags\":[]},"
            + "{\"gateway\":\"10.1.0.6\",\"dev\":\"a0\",\"weight\":1,\"flags\":[]}]}]";
    static final String V6_ROUTES = "[{\"dst\":\"2001:db8:1::/64\",\"dev\":\"a0\",\"protocol\":\"kernel\",\"metric\":256,"
            + "\"flags\":[],\"pref\":\"medium\"},{\"dst\":\"default\",\"gateway\":\"fe80::1\",\"dev\":\"a0\","
            + "\"protocol\":\"ra\",\"metric\":1024,\"flags\":[],\"pref\":\"medium\"}]";

    @Test
    void parsesAddressesAndRoutesIntoSystemRoutes() {
        List<SystemRoute> routes = LinuxSystemRouteSource.parse(ADDR, V4_ROUTES, V6_ROUTES, "bgp");
        var gw = (Supplier<java.net.InetAddress>) () -> IpPrefix.parseAddress("10.1.0.5");
        List<SystemRoute> expected = List.of(
                new SystemRoute(p("127.0.0.0/8"), Optional.empty(), SystemRoute.Kind.CONNECTED, "lo", 1, 0, "kernel"),
                new SystemRoute(p("::1/128"), Optional.empty(), SystemRoute.Kind.CONNECTED, "lo", 1, 0, "kernel"),
                new SystemRoute(p("10.1.0.0/24"), Optional.empty(), SystemRoute.Kind.CONNECTED, "a0", 3, 0, "kernel"),
                new SystemRoute(p("2001:db8:1::/64"), Optional.empty(), SystemRoute.Kind.CONNECTED, "a0", 3, 0,
                        "kernel"),
                new SystemRoute(p("fe80::/64"), Optional.empty(), SystemRoute.Kind.CONNECTED, "a0", 3, 0, "kernel"),
                new SystemRoute(p("10.8.1.1/32"), Optional.empty(), SystemRoute.Kind.CONNECTED, "ppp0", 5, 0, "kernel"),
                new SystemRoute(p("0.0.0.0/0"), Optional.of(IpPrefix.parseAddress("10.1.0.2")),
                        SystemRoute.Kind.DYNAMIC, "a0", 0, 600, "dhcp"),
                new SystemRoute(p("198.51.100.0/24"), Optional.of(gw.get()), SystemRoute.Kind.STATIC, "a0", 0, 0,
                        "static"),
                new SystemRoute(p("198.51.100.7/32"), Optional.of(IpPrefix.parseAddress("10.1.0.6")),
                        SystemRoute.Kind.STATIC, "a0", 0, 0, "boot"),
                new SystemRoute(p("10.66.0.0/16"), Optional.empty(), SystemRoute.Kind.STATIC, "", 0, 0, "boot"),
                new SystemRoute(p("203.0.113.0/24"), Optional.of(gw.get()), SystemRoute.Kind.OWN, "a0", 0, 20, "bgp"),
                new SystemRoute(p("203.0.113.0/24"), Optional.of(IpPrefix.parseAddress("10.1.0.6")),
                        SystemRoute.Kind.OWN, "a0", 0, 20, "bgp"),
                new SystemRoute(p("::/0"), Optional.of(IpPrefix.parseAddress("fe80::1")), SystemRoute.Kind.DYNAMIC, "a0",
                        0, 1024, "ra"));
        assertEquals(expected, routes);
    }

    @Test
    void monitorLinesAboutOurOwnRoutesDoNotWakeThePoller() {
        // captured from "ip monitor route address link" (iproute2 6.1)
        for (String own : List.of("203.0.113.0/24 via 10.1.0.5 dev v0 proto bgp metric 20 linkdown ",
                "Deleted 203.0.113.0/24 via 10.1.0.5 dev v0 proto bgp metric 20 linkdown ",
                "198.51.100.0/24 proto bgp metric 20 linkdown ", "\tnexthop via 10.1.0.5 dev v0 weight 1 linkdown ",
                "       valid_lft forever preferred_lft forever")) {
            assertTrue(LinuxSystemRouteSource.isOwnRouteEvent(own, "bgp"), own);
        }
        for (String other : List.of("198.51.100.0/25 via 10.1.0.5 dev v0 proto static linkdown ",
                "10.1.0.0/24 dev v0 proto kernel scope link src 10.1.0.1 linkdown ",
                "3: v0    inet 10.1.0.1/24 scope global v0", "default via 10.99.0.1 dev wan0 proto bgpx ")) {
            assertFalse(LinuxSystemRouteSource.isOwnRouteEvent(other, "bgp"), other);
        }
    }

    @Test
    void badJsonIsAnErrorNotAHang() {
        for (String bad : List.of("[{", "[{\"a\":}]", "{\"a\":1", "[1,]", "\"\\u12\"", "[" .repeat(100))) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> JsonText.parse(bad));
        }
        assertEquals(List.of(Map.of("a", List.of(1L, -2.5, true, "x\"y\u00e9")), "z"),
                JsonText.parse(" [ {\"a\": [1, -2.5e0, true, \"x\\\"y\\u00e9\"]}, \"z\" ] "));
    }

    /**
     * The WAN-leak guard against a real kernel, inside a namespace this test creates: a LAN
     * (10.1.0.1/24), a WAN (10.99.0.2/24) holding the default route via 10.99.0.1, a transit /30
     * and loopback; {@code network inet connected} announces the LAN and the transit only.
     */
    @Test
    @Timeout(60)
    void wanLeakGuardInANamespace() throws Exception {
        try (TestNamespace ns = TestNamespace.create()) {
            for (String[] link : new String[][] {{"lan0", "lanp"}, {"wan0", "wanp"}, {"tr0", "trp"}}) {
                ns.ip("link", "add", link[0], "type", "veth", "peer", "name", link[1]);
                ns.ip("link", "set", link[0], "up");
                ns.ip("link", "set", link[1], "up");
            }
            ns.ip("addr", "add", "10.1.0.1/24", "dev", "lan0");
            ns.ip("addr", "add", "10.99.0.2/24", "dev", "wan0");
            ns.ip("addr", "add", "2001:db8:99::2/64", "dev", "wan0", "nodad");
            ns.ip("addr", "add", "10.19.0.1/30", "dev", "tr0");
            ns.ip("route", "add", "default", "via", "10.99.0.1");
            ns.ip("route", "add", "198.51.100.0/24", "via", "10.1.0.5", "proto", "static");
            ns.ip("route", "add", "203.0.113.0/24", "via", "10.19.0.2", "proto", "bgp", "metric", "20");

            var config = LinuxSystemRouteSource.Config.inNamespace(ns.name()).withPollInterval(Duration.ofSeconds(60)); // only ip monitor can make the changes below visible in time
            try (LinuxSystemRouteSource source = new LinuxSystemRouteSource(config)) {
                assertEquals(Set.of("wan0"), source.defaultRouteInterfaces());
                List<SystemRoute> routes = source.read();
                assertTrue(routes.contains(new SystemRoute(p("203.0.113.0/24"),
                        Optional.of(IpPrefix.parseAddress("10.19.0.2")), SystemRoute.Kind.OWN, "tr0", 0, 20, "bgp")));

                // the RIB's shape: one executor owns the Redistributor, the source posts to it
                ExecutorService rib = Executors.newSingleThreadExecutor();
                LinkedBlockingQueue<List<OriginChange>> changes = new LinkedBlockingQueue<>();
                Redistributor redistributor = rib.submit(() -> new Redistributor(
                        OriginConfig.of(NetworkStatement.connected(V4)), changes::add)).get(5, TimeUnit.SECONDS);
                source.subscribe(new SystemRouteSource.Listener() {
                    @Override
                    public void added(SystemRoute r) {
                        rib.execute(() -> redistributor.added(r));
                    }

                    @Override
                    public void removed(SystemRoute r) {
                        rib.execute(() -> redistributor.removed(r));
                    }
                });
                rib.submit(() -> redistributor.reset(source.snapshot())).get(5, TimeUnit.SECONDS);
                try {
                    assertEquals(Set.of(p("10.1.0.0/24"), p("10.19.0.0/30")),
                            rib.submit(redistributor::originated).get(5, TimeUnit.SECONDS).keySet());
                    List<PreviewEntry> preview = rib.submit(redistributor::preview).get(5, TimeUnit.SECONDS);
                    PreviewEntry wan = preview.stream().filter(e -> e.prefix().equals(p("10.99.0.0/24")))
                            .findFirst().orElseThrow();
                    assertFalse(wan.included());
                    assertEquals(Reason.UPLINK_SUBNET, wan.reason());
                    assertEquals("wan0", wan.systemRoute().orElseThrow().interfaceName());
                    assertEquals(Reason.LOOPBACK, preview.stream().filter(e -> e.prefix().equals(p("127.0.0.0/8")))
                            .findFirst().orElseThrow().reason());

                    // the kernel changes: a new LAN subnet appears, and the default moves to the LAN
                    ns.ip("addr", "add", "10.2.0.1/24", "dev", "lan0");
                    awaitOriginated(rib, redistributor, changes,
                            Set.of(p("10.1.0.0/24"), p("10.2.0.0/24"), p("10.19.0.0/30")));
                    ns.ip("route", "replace", "default", "via", "10.1.0.254");
                    awaitOriginated(rib, redistributor, changes, Set.of(p("10.99.0.0/24"), p("10.19.0.0/30")));
                } finally {
                    rib.shutdownNow();
                }
            }
        }
    }

    /** Waits (bounded) for change events until the originated set is as expected. */
    static void awaitOriginated(ExecutorService rib, Redistributor r, LinkedBlockingQueue<List<OriginChange>> changes,
                                Set<IpPrefix> expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Set<IpPrefix> now = Set.of();
        while (System.nanoTime() < deadline) {
            now = rib.submit(() -> r.originated().keySet()).get(5, TimeUnit.SECONDS);
            if (now.equals(expected)) {
                return;
            }
            changes.poll(1, TimeUnit.SECONDS);
        }
        assertEquals(expected, now);
    }
}
