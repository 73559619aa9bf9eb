package io.jbgp.rib.fib;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.origin.SystemRoute;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Resolves BGP next hops against the host's connected and static routes, and remembers which
 * prefixes use which next hop so that a route change re-evaluates only those prefixes (OpenBGPD
 * {@code nexthop.prefix_h} and {@code prefix_evaluate_nexthop}; BIRD's hostcache).
 *
 * <p>Resolution is deliberately not recursive through BGP: only the host's {@link SystemRoute}s
 * count (CONNECTED, STATIC, and DYNAMIC ones other daemons installed), never routes this speaker
 * installed itself (kind OWN), so a BGP route can never make its own next hop reachable (BIRD: "not recursively resolved through
 * Rte1"). The default route counts only when {@code resolveViaDefault} is set (OpenBGPD
 * {@code nexthop qualify via default}).
 *
 * <p>Owned by the RIB executor; not thread-safe.
 */
public final class NexthopResolver {

    /**
     * The outcome of resolving one next hop.
     *
     * @param state reachable or not
     * @param cost  the cost to reach it (0 connected, the route priority for static)
     * @param via   the immediate next hops to install in the FIB; empty when unreachable
     */
    public record Resolution(NexthopState state, long cost, List<FibRoute.NextHop> via) {
        /** An unreachable next hop. */
        public static final Resolution UNREACHABLE = new Resolution(NexthopState.UNREACHABLE, 0, List.of());

        /**
         * Rejects a null state and copies the next-hop list.
         *
         * @param state reachable or not
         * @param cost the cost to reach it (0 connected, the route priority for static)
         * @param via the immediate next hops to install in the FIB; empty when unreachable
         */
        public Resolution {
            Objects.requireNonNull(state, "state");
            via = List.copyOf(via);
        }

        /** {@return true when the next hop resolved} */
        public boolean isReachable() {
            return state == NexthopState.REACHABLE;
        }
    }

    private final boolean resolveViaDefault;
    private final List<SystemRoute> routes = new ArrayList<>();
    private final Map<InetAddress, Resolution> tracked = new HashMap<>();
    // How many Loc-RIB paths use each tracked next hop, counted as paths come and go. Nothing
    // per prefix or per path is kept here: a back-link set per next hop cost a hash node per
    // path, and a next-hop set per prefix ~55 B of every prefix (benchmarks/notes/ribmem.md).
    // The prefixes that use a next hop are found by a Loc-RIB walk when its resolution changes,
    // which takes a host route change (rare, and the walk only reads).
    private final Map<InetAddress, int[]> users = new HashMap<>();

    /**
     * An empty resolver.
     *
     * @param resolveViaDefault whether a default route may resolve next hops (BIRD and OpenBGPD
     *     refuse by default)
     */
    public NexthopResolver(boolean resolveViaDefault) {
        this.resolveViaDefault = resolveViaDefault;
    }

    /**
     * The resolution of a next hop (cached while some path uses it).
     *
     * @param nexthop the BGP next hop
     * @return reachable with cost and immediate next hops, or {@link Resolution#UNREACHABLE}
     */
    public Resolution resolve(InetAddress nexthop) {
        Resolution r = tracked.get(nexthop);
        return r != null ? r : compute(nexthop);
    }

    /**
     * Records one more path using a next hop; its resolution is cached and tracked from now on.
     *
     * @param nexthop the BGP next hop of a path entering the Loc-RIB
     */
    public void acquire(InetAddress nexthop) {
        int[] n = users.get(nexthop);
        if (n == null) {
            users.put(nexthop, new int[] {1});
            tracked.computeIfAbsent(nexthop, this::compute);
        } else {
            n[0]++;
        }
    }

    /**
     * Records one path less using a next hop; the last one stops its tracking.
     *
     * @param nexthop the BGP next hop of a path leaving the Loc-RIB (acquired before)
     */
    public void release(InetAddress nexthop) {
        int[] n = users.get(nexthop);
        if (n == null) {
            throw new IllegalStateException("release: next hop " + nexthop.getHostAddress() + " not acquired");
        }
        if (--n[0] == 0) {
            users.remove(nexthop);
            tracked.remove(nexthop);
        }
    }

    /**
     * The number of paths that use a next hop ("show nexthop").
     *
     * @param nexthop a BGP next hop
     * @return how many paths acquired it and did not release it
     */
    public int users(InetAddress nexthop) {
        int[] n = users.get(nexthop);
        return n == null ? 0 : n[0];
    }

    /**
     * Adds a host route; returns the tracked next hops whose resolution changed.
     *
     * @param route a connected, static or kernel route
     * @return the next hops that resolve differently now; the paths using them need re-running
     *     the decision
     */
    public Set<InetAddress> add(SystemRoute route) {
        if (route.kind() == SystemRoute.Kind.OWN || routes.contains(route)) {
            return Set.of();
        }
        routes.add(route);
        return refresh(route.prefix());
    }

    /**
     * Removes a host route; returns the tracked next hops whose resolution changed.
     *
     * @param route a route previously added
     * @return the next hops that resolve differently now
     */
    public Set<InetAddress> remove(SystemRoute route) {
        if (!routes.remove(route)) {
            return Set.of();
        }
        return refresh(route.prefix());
    }

    /** {@return the host routes currently known (every kind but OWN)} */
    public List<SystemRoute> routes() {
        return List.copyOf(routes);
    }

    /**
     * Whether both addresses lie in one connected subnet (RFC 4271 §5.1.3 third-party next hop).
     *
     * @param a an address
     * @param b another address
     * @return true when some connected route covers both
     */
    public boolean sharesConnectedSubnet(InetAddress a, InetAddress b) {
        for (SystemRoute r : routes) {
            if (r.kind() == SystemRoute.Kind.CONNECTED && r.prefix().containsAddress(a)
                    && r.prefix().containsAddress(b)) {
                return true;
            }
        }
        return false;
    }

    /** {@return the next hops currently tracked, each with its resolution (tests, "show nexthop")} */
    public Map<InetAddress, Resolution> tracked() {
        return Map.copyOf(tracked);
    }

    // only next hops inside the changed route's prefix can resolve differently
    private Set<InetAddress> refresh(IpPrefix changed) {
        Set<InetAddress> moved = new HashSet<>();
        for (Map.Entry<InetAddress, Resolution> e : tracked.entrySet()) {
            if (!changed.containsAddress(e.getKey())) {
                continue;
            }
            Resolution now = compute(e.getKey());
            if (!now.equals(e.getValue())) {
                e.setValue(now);
                moved.add(e.getKey());
            }
        }
        return moved;
    }

    // longest match over connected and static routes; ties go to the lower priority
    private Resolution compute(InetAddress nexthop) {
        SystemRoute match = null;
        for (SystemRoute r : routes) {
            if (!r.prefix().containsAddress(nexthop) || (r.isDefault() && !resolveViaDefault)) {
                continue;
            }
            if (match == null || r.prefix().length() > match.prefix().length()
                    || (r.prefix().length() == match.prefix().length() && r.priority() < match.priority())) {
                match = r;
            }
        }
        if (match == null) {
            return Resolution.UNREACHABLE;
        }
        // a gateway route forwards to its gateway; a connected (or device) route to the next hop itself
        InetAddress gateway = match.nextHop().orElse(nexthop);
        long cost = match.kind() == SystemRoute.Kind.CONNECTED ? 0 : match.priority();
        return new Resolution(NexthopState.REACHABLE, cost, List.of(new FibRoute.NextHop(gateway, match.interfaceName())));
    }
}
