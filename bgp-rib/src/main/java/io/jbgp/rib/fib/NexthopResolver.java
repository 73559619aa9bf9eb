package io.jbgp.rib.fib;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.origin.SystemRoute;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Resolves BGP next hops against the host's connected and static routes, and remembers which
 * prefixes use which next hop so that a route change re-evaluates only those prefixes (OpenBGPD
 * {@code nexthop.prefix_h} and {@code prefix_evaluate_nexthop}; BIRD's hostcache).
 *
 * <p>Resolution is deliberately not recursive through BGP: only {@link SystemRoute}s of kind
 * CONNECTED or STATIC count, never routes this speaker installed itself (kind OWN), so a BGP
 * route can never make its own next hop reachable (BIRD: "not recursively resolved through
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

        public Resolution {
            Objects.requireNonNull(state, "state");
            via = List.copyOf(via);
        }

        public boolean isReachable() {
            return state == NexthopState.REACHABLE;
        }
    }

    private final boolean resolveViaDefault;
    private final List<SystemRoute> routes = new ArrayList<>();
    private final Map<InetAddress, Resolution> tracked = new HashMap<>();
    private final Map<InetAddress, Set<IpPrefix>> dependents = new HashMap<>();
    private final Map<IpPrefix, Set<InetAddress>> uses = new HashMap<>();

    public NexthopResolver(boolean resolveViaDefault) {
        this.resolveViaDefault = resolveViaDefault;
    }

    /** The resolution of a next hop (cached while some prefix uses it). */
    public Resolution resolve(InetAddress nexthop) {
        Resolution r = tracked.get(nexthop);
        return r != null ? r : compute(nexthop);
    }

    /**
     * Records that the candidates of {@code prefix} use exactly these next hops (replacing the
     * previous set); an empty set removes the prefix's back-links.
     */
    public void link(IpPrefix prefix, Set<InetAddress> nexthops) {
        Set<InetAddress> old = uses.getOrDefault(prefix, Set.of());
        if (old.equals(nexthops)) {
            return;
        }
        for (InetAddress nh : old) {
            if (!nexthops.contains(nh)) {
                Set<IpPrefix> d = dependents.get(nh);
                d.remove(prefix);
                if (d.isEmpty()) {
                    dependents.remove(nh);
                    tracked.remove(nh);
                }
            }
        }
        for (InetAddress nh : nexthops) {
            if (!old.contains(nh)) {
                dependents.computeIfAbsent(nh, k -> new HashSet<>()).add(prefix);
                tracked.computeIfAbsent(nh, this::compute);
            }
        }
        if (nexthops.isEmpty()) {
            uses.remove(prefix);
        } else {
            uses.put(prefix, Set.copyOf(nexthops));
        }
    }

    /** Adds a host route; returns the prefixes whose next-hop resolution changed. */
    public Set<IpPrefix> add(SystemRoute route) {
        if (route.kind() == SystemRoute.Kind.OWN || routes.contains(route)) {
            return Set.of();
        }
        routes.add(route);
        return refresh(route.prefix());
    }

    /** Removes a host route; returns the prefixes whose next-hop resolution changed. */
    public Set<IpPrefix> remove(SystemRoute route) {
        if (!routes.remove(route)) {
            return Set.of();
        }
        return refresh(route.prefix());
    }

    /** The host routes currently known (connected and static). */
    public List<SystemRoute> routes() {
        return List.copyOf(routes);
    }

    /** Whether both addresses lie in one connected subnet (RFC 4271 §5.1.3 third-party next hop). */
    public boolean sharesConnectedSubnet(InetAddress a, InetAddress b) {
        for (SystemRoute r : routes) {
            if (r.kind() == SystemRoute.Kind.CONNECTED && r.prefix().containsAddress(a)
                    && r.prefix().containsAddress(b)) {
                return true;
            }
        }
        return false;
    }

    /** The number of next hops currently tracked (for tests and "show nexthop"). */
    public Map<InetAddress, Resolution> tracked() {
        return Map.copyOf(tracked);
    }

    // only next hops inside the changed route's prefix can resolve differently
    private Set<IpPrefix> refresh(IpPrefix changed) {
        Set<IpPrefix> affected = new LinkedHashSet<>();
        for (Map.Entry<InetAddress, Resolution> e : tracked.entrySet()) {
            if (!changed.containsAddress(e.getKey())) {
                continue;
            }
            Resolution now = compute(e.getKey());
            if (!now.equals(e.getValue())) {
                e.setValue(now);
                affected.addAll(dependents.getOrDefault(e.getKey(), Set.of()));
            }
        }
        return affected;
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
