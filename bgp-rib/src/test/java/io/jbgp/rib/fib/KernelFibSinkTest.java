package io.jbgp.rib.fib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.origin.KernelRoute;
import io.jbgp.rib.origin.TestNamespace;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The kernel sink against a real kernel, only ever inside a namespace each test creates and
 * deletes: a veth pair with 10.1.0.1/24 and 2001:db8:1::1/64, gateways on that link.
 */
@Timeout(60)
class KernelFibSinkTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    TestNamespace ns;

    @BeforeEach
    void namespace() {
        ns = TestNamespace.create();
        ns.ip("link", "add", "v0", "type", "veth", "peer", "name", "v1");
        ns.ip("link", "set", "v0", "up");
        ns.ip("link", "set", "v1", "up");
        ns.ip("addr", "add", "10.1.0.1/24", "dev", "v0");
        ns.ip("addr", "add", "2001:db8:1::1/64", "dev", "v0", "nodad");
    }

    @AfterEach
    void deleteNamespace() {
        if (ns != null) {
            ns.close();
        }
    }

    static IpPrefix p(String s) {
        return IpPrefix.parse(s);
    }

    static FibRoute route(String prefix, String... gateways) {
        return new FibRoute(p(prefix), java.util.Arrays.stream(gateways)
                .map(g -> new FibRoute.NextHop(IpPrefix.parseAddress(g), "v0")).toList());
    }

    /** Our routes in the kernel: prefix to sorted gateways. */
    Map<IpPrefix, Set<String>> ours() {
        return byPrefix(ns.routes("proto", "bgp"));
    }

    static Map<IpPrefix, Set<String>> byPrefix(List<KernelRoute> routes) {
        Map<IpPrefix, Set<String>> m = new TreeMap<>();
        for (KernelRoute k : routes) {
            m.put(k.prefix(), k.nextHops().stream().map(h -> h.gateway().map(InetAddress::getHostAddress)
                    .orElse("")).collect(Collectors.toCollection(TreeSet::new)));
        }
        return m;
    }

    static Set<String> gws(String... g) {
        return java.util.Arrays.stream(g).map(x -> IpPrefix.parseAddress(x).getHostAddress())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    KernelFibSink sink() {
        return new KernelFibSink(KernelFibSink.Config.inNamespace(ns.name()));
    }

    @Test
    void installsWithdrawsReplacesIpv4Ipv6AndEcmp() {
        KernelFibSink sink = sink();
        try {
            sink.resync(List.of());
            sink.begin();
            sink.install(route("203.0.113.0/24", "10.1.0.5"));
            sink.install(route("198.51.100.0/25", "10.1.0.6"));
            sink.install(route("198.51.100.128/25", "10.1.0.5", "10.1.0.6"));
            sink.install(route("2001:db8:100::/48", "2001:db8:1::5"));
            sink.install(route("2001:db8:200::/48", "2001:db8:1::5", "2001:db8:1::6"));
            sink.commit();
            assertTrue(sink.awaitSync(WAIT));
            assertEquals(Map.of(p("203.0.113.0/24"), gws("10.1.0.5"), p("198.51.100.0/25"), gws("10.1.0.6"),
                    p("198.51.100.128/25"), gws("10.1.0.5", "10.1.0.6"), p("2001:db8:100::/48"), gws("2001:db8:1::5"),
                    p("2001:db8:200::/48"), gws("2001:db8:1::5", "2001:db8:1::6")), ours());
            // every one of them carries our metric
            assertTrue(ns.routes("proto", "bgp").stream().allMatch(k -> k.metric() == 20));

            sink.withdraw(p("198.51.100.0/25"));
            sink.withdraw(p("2001:db8:200::/48"));
            sink.install(route("203.0.113.0/24", "10.1.0.7")); // confirmed: replaced in place
            sink.install(route("2001:db8:100::/48", "2001:db8:1::5", "2001:db8:1::7"));
            assertTrue(sink.awaitSync(WAIT));
            assertEquals(Map.of(p("203.0.113.0/24"), gws("10.1.0.7"), p("198.51.100.128/25"),
                    gws("10.1.0.5", "10.1.0.6"), p("2001:db8:100::/48"), gws("2001:db8:1::5", "2001:db8:1::7")), ours());
            assertEquals(Set.of(), sink.blocked());
            assertEquals(Set.of(), sink.failed());
        } finally {
            sink.close(true);
        }
        assertEquals(Map.of(), ours(), "close(true) removes our routes");
    }

    @Test
    void aNewSinkReconcilesStaleAndMissingRoutes() {
        KernelFibSink first = sink();
        first.resync(List.of(route("203.0.113.0/24", "10.1.0.5"), route("198.51.100.0/24", "10.1.0.5"),
                route("2001:db8:300::/48", "2001:db8:1::5")));
        first.close(false); // a crash or "keep routes" stop: they stay behind
        assertEquals(3, ours().size());

        // without a resync, a new sink still treats what it finds as its own: updates replace it
        KernelFibSink adopting = sink();
        adopting.install(route("203.0.113.0/24", "10.1.0.6"));
        assertTrue(adopting.awaitSync(WAIT));
        assertEquals(Set.of(), adopting.blocked());
        assertEquals(gws("10.1.0.6"), ours().get(p("203.0.113.0/24")));
        adopting.close(false);

        KernelFibSink second = sink();
        try {
            second.resync(List.of(route("198.51.100.0/24", "10.1.0.6"), route("198.51.100.0/25", "10.1.0.5"),
                    route("2001:db8:300::/48", "2001:db8:1::5")));
            assertEquals(Map.of(p("198.51.100.0/24"), gws("10.1.0.6"), p("198.51.100.0/25"), gws("10.1.0.5"),
                    p("2001:db8:300::/48"), gws("2001:db8:1::5")), ours());
            // a resync also confirms what it found: the next update replaces in place
            second.install(route("2001:db8:300::/48", "2001:db8:1::6"));
            assertTrue(second.awaitSync(WAIT));
            assertEquals(gws("2001:db8:1::6"), ours().get(p("2001:db8:300::/48")));
        } finally {
            second.close(true);
        }
        assertEquals(Map.of(), ours());
    }

    @Test
    void neverTouchesARouteItDidNotInstall() {
        // a hand-added route at the usual metric, and one squatting our exact slot (metric 20)
        ns.ip("route", "add", "203.0.113.0/24", "via", "10.1.0.9", "proto", "static");
        ns.ip("route", "add", "198.51.100.0/24", "via", "10.1.0.9", "proto", "static", "metric", "20");
        ns.ip("route", "add", "2001:db8:400::/48", "via", "2001:db8:1::9", "proto", "static", "metric", "20");
        Map<IpPrefix, Set<String>> statics = byPrefix(ns.routes("proto", "static"));
        assertEquals(3, statics.size());
        KernelFibSink sink = sink();
        try {
            sink.resync(List.of(route("203.0.113.0/24", "10.1.0.5")));
            sink.install(route("198.51.100.0/24", "10.1.0.5"));
            sink.install(route("2001:db8:400::/48", "2001:db8:1::5"));
            assertTrue(sink.awaitSync(WAIT));
            assertEquals(Set.of(p("198.51.100.0/24"), p("2001:db8:400::/48")), sink.blocked());
            // an update of a blocked prefix still does not replace the squatter
            sink.install(route("198.51.100.0/24", "10.1.0.6"));
            assertTrue(sink.awaitSync(WAIT));
            assertEquals(statics, byPrefix(ns.routes("proto", "static")));
            // ours coexists at its own metric next to the metric-0 static route
            assertEquals(Map.of(p("203.0.113.0/24"), gws("10.1.0.5")), ours());
            sink.withdraw(p("198.51.100.0/24"));
            sink.withdraw(p("203.0.113.0/24"));
            assertTrue(sink.awaitSync(WAIT));
            assertEquals(statics, byPrefix(ns.routes("proto", "static")));
            // a resync does not count the squatters as ours either
            sink.resync(List.of());
            assertEquals(statics, byPrefix(ns.routes("proto", "static")));
        } finally {
            sink.close(true);
        }
        assertEquals(statics, byPrefix(ns.routes("proto", "static")));
        assertEquals(Map.of(), ours());
    }

    @Test
    void aRefusedRouteIsReportedAndRetriedAndIpv4OverIpv6Works() {
        KernelFibSink sink = sink();
        try {
            sink.resync(List.of());
            sink.install(route("198.51.100.128/26", "10.200.0.1")); // not on any link: refused
            sink.install(route("198.51.100.64/26", "2001:db8:1::5")); // RFC 8950 next hop
            assertTrue(sink.awaitSync(WAIT));
            assertEquals(Set.of(p("198.51.100.128/26")), sink.failed());
            assertEquals(Map.of(p("198.51.100.64/26"), gws("2001:db8:1::5")), ours());
            // an interface name that would smuggle a second command into the batch is refused
            sink.install(new FibRoute(p("203.0.113.0/24"), List.of(new FibRoute.NextHop(
                    IpPrefix.parseAddress("10.1.0.5"), "v0\nroute flush table main"))));
            assertTrue(sink.awaitSync(WAIT));
            assertEquals(Set.of(p("198.51.100.128/26"), p("203.0.113.0/24")), sink.failed());
            assertEquals(Map.of(p("198.51.100.64/26"), gws("2001:db8:1::5")), ours());
            sink.withdraw(p("203.0.113.0/24"));
            sink.install(route("198.51.100.128/26", "10.1.0.5")); // now reachable: installed
            assertTrue(sink.awaitSync(WAIT));
            assertEquals(Set.of(), sink.failed());
            assertEquals(Map.of(p("198.51.100.64/26"), gws("2001:db8:1::5"), p("198.51.100.128/26"),
                    gws("10.1.0.5")), ours());
        } finally {
            sink.close(true);
        }
        assertEquals(Map.of(), ours());
    }

    @Test
    void recoversWhenTheIpProcessDies() {
        KernelFibSink sink = sink();
        try {
            sink.resync(List.of(route("203.0.113.0/24", "10.1.0.5")));
            long pid = sink.processPid();
            // kill the process this sink started (by its pid), then ask for more while it is down
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false));
            sink.install(route("198.51.100.0/24", "10.1.0.6"));
            // the restart resyncs with everything asked for, including what came while it was down
            assertTrue(sink.awaitRestarts(1, WAIT), "restarted");
            assertNotEquals(pid, sink.processPid());
            assertTrue(sink.awaitSync(WAIT));
            assertEquals(Map.of(p("203.0.113.0/24"), gws("10.1.0.5"), p("198.51.100.0/24"), gws("10.1.0.6")),
                    ours());
            sink.install(route("2001:db8:500::/48", "2001:db8:1::5"));
            sink.withdraw(p("203.0.113.0/24"));
            assertTrue(sink.awaitSync(WAIT));
            assertEquals(Map.of(p("198.51.100.0/24"), gws("10.1.0.6"), p("2001:db8:500::/48"), gws("2001:db8:1::5")),
                    ours());
        } finally {
            sink.close(true);
        }
        assertEquals(Map.of(), ours());
    }
}
