package io.jbgp.rib.origin;

import io.jbgp.core.types.Afi;
import io.jbgp.core.types.IpPrefix;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One route as iproute2 prints it with {@code ip -j route show}: the fields this project reads,
 * nothing more. Shared by {@link LinuxSystemRouteSource} and the kernel FIB sink.
 *
 * <p>Shapes handled: {@code "dst":"default"}, a host route without a length, a single
 * {@code "gateway"} or RFC 5549 {@code "via":{"family":"inet6","host":...}}, and multipath
 * {@code "nexthops":[...]}. A missing {@code "protocol"} is {@code boot} (iproute2 omits it), a
 * missing {@code "type"} is {@code unicast}, a missing {@code "metric"} is 0.
 *
 * @param prefix   the destination
 * @param type     route type: unicast, local, broadcast, blackhole, unreachable, multicast...
 * @param protocol the protocol name (kernel, boot, static, bgp, dhcp, ra...) or number
 * @param scope    the scope name (global when absent)
 * @param metric   the metric (Linux "priority")
 * @param nextHops the next hops, one per path; empty for a connected or reject route
 */
public record KernelRoute(IpPrefix prefix, String type, String protocol, String scope, long metric,
                          List<Hop> nextHops) {

    /**
     * One path of a route.
     *
     * @param gateway the gateway, empty for a directly connected path
     * @param device  the outgoing interface, "" when not printed
     */
    public record Hop(Optional<InetAddress> gateway, String device) {
        /**
         * Rejects null parts.
         *
         * @param gateway the gateway, empty for a directly connected path
         * @param device the outgoing interface, "" when not printed
         */
        public Hop {
            Objects.requireNonNull(gateway, "gateway");
            Objects.requireNonNull(device, "device");
        }
    }

    /**
     * Rejects null parts and copies the next-hop list.
     *
     * @param prefix the destination
     * @param type route type: unicast, local, broadcast, blackhole, unreachable, multicast...
     * @param protocol the protocol name (kernel, boot, static, bgp, dhcp, ra...) or number
     * @param scope the scope name (global when absent)
     * @param metric the metric (Linux "priority")
     * @param nextHops the next hops, one per path; empty for a connected or reject route
     */
    public KernelRoute {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(scope, "scope");
        nextHops = List.copyOf(nextHops);
    }

    /**
     * Parses the output of {@code ip -j [-4|-6] route show ...} for one family.
     *
     * @param json the JSON text {@code ip -j route show} printed
     * @param family the family that was listed, to parse "default"
     * @return the routes, in listing order
     */
    public static List<KernelRoute> parse(String json, Afi family) {
        List<KernelRoute> out = new ArrayList<>();
        for (Object o : JsonText.parseArray(json)) {
            if (o instanceof Map<?, ?> m) {
                out.add(of(m, family));
            }
        }
        return out;
    }

    private static KernelRoute of(Map<?, ?> m, Afi family) {
        String dst = str(m, "dst", "default");
        IpPrefix prefix = "default".equals(dst)
                ? IpPrefix.parse(family == Afi.IPV6 ? "::/0" : "0.0.0.0/0")
                : IpPrefix.parse(dst, true);
        List<Hop> hops = new ArrayList<>();
        if (m.get("nexthops") instanceof List<?> l) {
            for (Object h : l) {
                if (h instanceof Map<?, ?> hm) {
                    hops.add(hop(hm));
                }
            }
        } else {
            Hop h = hop(m);
            if (h.gateway().isPresent() || !h.device().isEmpty()) {
                hops.add(h);
            }
        }
        long metric = m.get("metric") instanceof Number n ? n.longValue() : 0;
        return new KernelRoute(prefix, str(m, "type", "unicast"), str(m, "protocol", "boot"),
                str(m, "scope", "global"), metric, hops);
    }

    private static Hop hop(Map<?, ?> m) {
        Optional<InetAddress> gw = Optional.empty();
        if (m.get("gateway") instanceof String g) {
            gw = Optional.of(IpPrefix.parseAddress(g));
        } else if (m.get("via") instanceof Map<?, ?> via && via.get("host") instanceof String h) {
            gw = Optional.of(IpPrefix.parseAddress(h));
        }
        return new Hop(gw, str(m, "dev", ""));
    }

    private static String str(Map<?, ?> m, String key, String absent) {
        Object v = m.get(key);
        return v == null ? absent : String.valueOf(v);
    }
}
