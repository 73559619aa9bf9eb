package io.jbgp.examples.bgpd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.examples.config.BgpdConfigParser;
import io.jbgp.examples.ctl.NetworkView;
import io.jbgp.examples.ctl.RibQuery;
import io.jbgp.examples.ctl.RibRowView;
import io.jbgp.rib.fib.InMemoryFibSink;
import io.jbgp.rib.origin.InMemorySystemRouteSource;
import io.jbgp.rib.origin.SystemRoute;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the daemon originates from {@code network} statements and host routes, and what
 * {@code show network} says about the rest: the uplink guard, exclude and include lists, and a
 * host route appearing later. No neighbors: the RIB executor orders everything, nothing waits.
 */
class BgpdOriginationTest {
    private static final String BASE = "AS 65501\nrouter-id 10.1.0.1\nlisten on 127.0.73.1 port 17673\n";

    private static Bgpd start(String networks, InMemorySystemRouteSource routes) throws Exception {
        return Bgpd.start(BgpdConfigParser.parse("o.conf", BASE + networks),
                Bgpd.Options.defaults().withSystemRoutes(routes).withFibSink(new InMemoryFibSink()));
    }

    private static Set<String> originated(Bgpd d) {
        return d.rib(RibQuery.ALL).stream().filter(r -> r.from().isEmpty()).map(r -> r.prefix().toString())
                .collect(Collectors.toSet());
    }

    private static InMemorySystemRouteSource host() {
        return new InMemorySystemRouteSource(List.of(
                SystemRoute.connected(IpPrefix.parse("198.51.100.0/25"), "em1"),
                SystemRoute.connected(IpPrefix.parse("203.0.113.0/25"), "em2"),
                SystemRoute.connected(IpPrefix.parse("198.51.100.192/26"), "em0"),
                SystemRoute.staticRoute(IpPrefix.parse("0.0.0.0/0"), IpPrefix.parseAddress("198.51.100.193"), "em0")));
    }

    @Test
    void connectedAnnouncesTheLansButNotTheUplinkSubnet() throws Exception {
        try (Bgpd d = start("network inet connected\n", host())) {
            assertEquals(Set.of("198.51.100.0/25", "203.0.113.0/25"), originated(d));
            NetworkView wan = d.networks().stream().filter(n -> n.prefix().toString().equals("198.51.100.192/26"))
                    .findFirst().orElseThrow();
            assertEquals(false, wan.included());
            assertEquals(true, wan.reason().startsWith("subnet of the uplink interface"), wan.reason());
            // locally originated rows: no neighbor, best, AS path empty
            RibRowView lan = d.rib(RibQuery.ALL).get(0);
            assertEquals(true, lan.best() && lan.asPath().length == 0);
        }
    }

    @Test
    void excludeInterfaceAndIncludePrefixListsHoldRoutesBackWithTheirReason() throws Exception {
        try (Bgpd d = start("network inet connected exclude interface em2\n", host())) {
            assertEquals(Set.of("198.51.100.0/25"), originated(d));
            assertEquals(List.of(new NetworkView(IpPrefix.parse("203.0.113.0/25"), "network inet connected", false,
                    "excluded by interface override [em2]")), d.networks().stream()
                    .filter(n -> n.prefix().toString().startsWith("203.")).toList());
        }
        try (Bgpd d = start("network inet connected include prefix 203.0.113.0/24\n", host())) {
            assertEquals(Set.of("203.0.113.0/25"), originated(d));
            assertEquals(List.of(new NetworkView(IpPrefix.parse("198.51.100.0/25"), "network inet connected", false,
                    "not in include prefix list [em1]")), d.networks().stream()
                    .filter(n -> n.prefix().toString().equals("198.51.100.0/25")).toList());
        }
    }

    @Test
    void aHostRouteAddedLaterIsAnnouncedAndItsRemovalWithdrawsIt() throws Exception {
        InMemorySystemRouteSource routes = host();
        try (Bgpd d = start("network inet connected\nnetwork 2001:db8:a::/48\n", routes)) {
            assertEquals(Set.of("198.51.100.0/25", "203.0.113.0/25", "2001:db8:a::/48"), originated(d));
            SystemRoute lan2 = SystemRoute.connected(IpPrefix.parse("198.51.100.128/26"), "em3");
            routes.add(lan2);
            assertEquals(true, originated(d).contains("198.51.100.128/26"));
            routes.remove(lan2);
            assertEquals(Set.of("198.51.100.0/25", "203.0.113.0/25", "2001:db8:a::/48"), originated(d));
        }
    }
}
