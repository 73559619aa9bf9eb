package io.jbgp.rib.fib;

import static io.jbgp.rib.TestRoutes.addr;
import static io.jbgp.rib.TestRoutes.prefix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.rib.origin.SystemRoute;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Next-hop resolution against host routes, and the back-links that limit re-evaluation. */
class NexthopResolverTest {

    private static final SystemRoute LAN = SystemRoute.connected(prefix("10.0.0.0/24"), "eth0");
    private static final SystemRoute STATIC = new SystemRoute(prefix("10.9.0.0/16"), Optional.of(addr("10.0.0.254")),
            SystemRoute.Kind.STATIC, "eth0", 0, 5, "");
    private static final SystemRoute DEFAULT = new SystemRoute(prefix("0.0.0.0/0"), Optional.of(addr("10.0.0.1")),
            SystemRoute.Kind.STATIC, "eth0", 0, 1, "");
    private static final SystemRoute OWN = new SystemRoute(prefix("10.8.0.0/16"), Optional.of(addr("10.0.0.2")),
            SystemRoute.Kind.OWN, "eth0", 0, 0, "");

    @Test
    void resolvesByLongestMatchAndReportsGatewayAndCost() {
        NexthopResolver r = new NexthopResolver(false);
        r.add(LAN);
        r.add(STATIC);
        assertEquals(new NexthopResolver.Resolution(NexthopState.REACHABLE, 0,
                List.of(new FibRoute.NextHop(addr("10.0.0.7"), "eth0"))), r.resolve(addr("10.0.0.7")));
        assertEquals(new NexthopResolver.Resolution(NexthopState.REACHABLE, 5,
                List.of(new FibRoute.NextHop(addr("10.0.0.254"), "eth0"))), r.resolve(addr("10.9.3.3")));
        assertFalse(r.resolve(addr("10.7.0.1")).isReachable());
    }

    @Test
    void neverResolvesThroughOwnRoutesAndOnlyViaDefaultWhenAllowed() {
        NexthopResolver strict = new NexthopResolver(false);
        strict.add(OWN);
        strict.add(DEFAULT);
        assertFalse(strict.resolve(addr("10.8.1.1")).isReachable(), "BGP-installed routes do not resolve BGP");
        NexthopResolver loose = new NexthopResolver(true);
        loose.add(OWN);
        loose.add(DEFAULT);
        assertEquals(List.of(new FibRoute.NextHop(addr("10.0.0.1"), "eth0")), loose.resolve(addr("10.8.1.1")).via());
    }

    @Test
    void aHostRouteChangeReturnsOnlyTrackedNexthopsThatResolveDifferently() {
        NexthopResolver r = new NexthopResolver(false);
        r.acquire(addr("10.0.0.7"));
        r.acquire(addr("10.9.1.1"));
        r.acquire(addr("10.9.1.1"));
        r.acquire(addr("10.0.0.8"));
        assertEquals(2, r.users(addr("10.9.1.1")));
        assertEquals(Set.of(addr("10.0.0.7"), addr("10.0.0.8")), r.add(LAN));
        assertEquals(Set.of(addr("10.9.1.1")), r.add(STATIC));
        assertEquals(Set.of(), r.add(SystemRoute.connected(prefix("10.5.0.0/24"), "eth5")), "covers no next hop");
        // the last user's release stops the tracking: the next hop is no longer reported
        r.release(addr("10.0.0.7"));
        assertEquals(0, r.users(addr("10.0.0.7")));
        assertEquals(Set.of(addr("10.0.0.8")), r.remove(LAN));
        assertFalse(r.tracked().containsKey(addr("10.0.0.7")));
        assertTrue(r.tracked().containsKey(addr("10.0.0.8")));
        r.release(addr("10.9.1.1"));
        assertTrue(r.tracked().containsKey(addr("10.9.1.1")), "one user is left");
        assertThrows(IllegalStateException.class, () -> r.release(addr("10.0.0.7")));
    }

    @Test
    void sharedSubnetOnlyCountsConnectedRoutes() {
        NexthopResolver r = new NexthopResolver(false);
        r.add(STATIC);
        assertFalse(r.sharesConnectedSubnet(addr("10.9.0.1"), addr("10.9.0.2")));
        r.add(LAN);
        assertTrue(r.sharesConnectedSubnet(addr("10.0.0.1"), addr("10.0.0.2")));
        assertFalse(r.sharesConnectedSubnet(addr("10.0.0.1"), addr("10.9.0.2")));
    }
}
