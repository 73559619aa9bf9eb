package io.jbgp.rib.origin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import io.jbgp.core.attr.Origin;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of the {@link Redistributor}: the safety rules hold for any routes and statements,
 * and following changes one by one ends where a from-scratch computation does.
 */
class RedistributorProperties {
    static final AddressFamily V4 = AddressFamily.IPV4_UNICAST;
    static final AddressFamily V6 = AddressFamily.IPV6_UNICAST;

    /** Few values each, so prefixes, interfaces and gateways collide often. */
    static final List<IpPrefix> PREFIXES = List.of("10.1.0.0/24", "10.99.0.0/24", "10.19.0.0/30",
            "198.51.100.0/24", "203.0.113.0/25", "0.0.0.0/0", "127.0.0.0/8", "169.254.1.0/24", "224.0.0.0/24",
            "2001:db8:1::/64", "2001:db8:99::/64", "::/0", "fe80::/64", "ff02::/16", "::1/128").stream()
            .map(IpPrefix::parse).toList();
    static final List<String> IFACES = List.of("lan0", "wan0", "tr0", "lo", "");
    static final List<Optional<InetAddress>> GATEWAYS = List.of(Optional.empty(),
            Optional.of(IpPrefix.parseAddress("10.99.0.1")), Optional.of(IpPrefix.parseAddress("10.1.0.5")),
            Optional.of(IpPrefix.parseAddress("127.0.0.1")), Optional.of(IpPrefix.parseAddress("2001:db8:99::1")),
            Optional.of(IpPrefix.parseAddress("::1")));
    static final List<NetworkStatement> STATEMENTS = List.of(NetworkStatement.connected(V4),
            NetworkStatement.connected(V6), NetworkStatement.staticRoutes(V4), NetworkStatement.staticRoutes(V6),
            NetworkStatement.priority(V4, 20), NetworkStatement.label(V6, "ra"),
            new NetworkStatement.Prefix(IpPrefix.parse("198.51.100.0/24"), PathAttributes.of(Origin.IGP)),
            NetworkStatement.prefixSet("set", Set.of(IpPrefix.parse("203.0.113.0/25"), IpPrefix.parse("::/0"))));
    static final List<IpPrefix> OVERRIDE_PREFIXES = List.of("10.0.0.0/8", "10.99.0.0/24", "0.0.0.0/0",
            "2001:db8::/32", "::/0").stream().map(IpPrefix::parse).toList();

    static Gen<SystemRoute> routes() {
        Gen<IpPrefix> prefix = Generate.pick(PREFIXES);
        Gen<String> iface = Generate.pick(IFACES);
        Gen<Optional<InetAddress>> gw = Generate.pick(GATEWAYS);
        Gen<SystemRoute.Kind> kind = Generate.enumValues(SystemRoute.Kind.class);
        Gen<Integer> prio = Generate.pick(List.of(0, 20));
        Gen<String> label = Generate.pick(List.of("", "static", "ra"));
        return prefix.zip(iface, gw, kind, (p, i, g, k) -> new Object[] {p, i, g, k})
                .zip(prio, label, (a, pr, l) -> {
                    SystemRoute.Kind k = (SystemRoute.Kind) a[3];
                    @SuppressWarnings("unchecked")
                    Optional<InetAddress> g = k == SystemRoute.Kind.CONNECTED ? Optional.empty()
                            : (Optional<InetAddress>) a[2];
                    return new SystemRoute((IpPrefix) a[0], g, k, (String) a[1], 0, pr, l);
                });
    }

    static Gen<OriginConfig> configs() {
        Gen<List<NetworkStatement>> statements = lists().of(Generate.pick(STATEMENTS)).ofSizeBetween(0, 5);
        Gen<List<String>> ifaces = lists().of(Generate.pick(IFACES)).ofSizeBetween(0, 3);
        Gen<List<IpPrefix>> prefixes = lists().of(Generate.pick(OVERRIDE_PREFIXES)).ofSizeBetween(0, 3);
        Gen<Boolean> guard = Generate.pick(List.of(true, true, true, false)); // mostly on
        return statements.zip(ifaces, prefixes, guard, (s, i, p, g) -> {
            // split the picked overrides into disjoint include/exclude sets
            Set<String> inIf = new HashSet<>();
            Set<String> exIf = new HashSet<>();
            for (int k = 0; k < i.size(); k++) {
                if (!inIf.contains(i.get(k)) && !exIf.contains(i.get(k))) {
                    (k % 2 == 0 ? inIf : exIf).add(i.get(k));
                }
            }
            Set<IpPrefix> inP = new HashSet<>();
            Set<IpPrefix> exP = new HashSet<>();
            for (int k = 0; k < p.size(); k++) {
                if (!inP.contains(p.get(k)) && !exP.contains(p.get(k))) {
                    (k % 2 == 0 ? inP : exP).add(p.get(k));
                }
            }
            return new OriginConfig(s, inIf, exIf, inP, exP, g);
        });
    }

    /** Interfaces holding a non-own default route, written independently of the Redistributor. */
    static Set<String> uplinkInterfaces(List<SystemRoute> routes) {
        Set<String> out = new HashSet<>();
        for (SystemRoute d : routes) {
            if (d.isDefault() && d.kind() != SystemRoute.Kind.OWN) {
                out.add(d.interfaceName());
                for (SystemRoute c : routes) {
                    if (c.kind() == SystemRoute.Kind.CONNECTED && d.nextHop().isPresent()
                            && c.prefix().containsAddress(d.nextHop().get())) {
                        out.add(c.interfaceName());
                    }
                }
            }
        }
        out.remove("");
        return out;
    }

    static boolean coveredBy(Set<IpPrefix> set, IpPrefix p) {
        return set.stream().anyMatch(x -> x.contains(p));
    }

    @Test
    void announcedSetNeverHoldsUnsafeRoutes() {
        qt().withFixedSeed(20261128L).withExamples(3000)
                .forAll(lists().of(routes()).ofSizeBetween(0, 14), configs())
                .checkAssert((routes, config) -> {
                    var ev = Redistributor.evaluate(config, routes);
                    Set<String> uplinks = uplinkInterfaces(routes);
                    Set<IpPrefix> explicit = new HashSet<>();
                    for (NetworkStatement s : config.statements()) {
                        if (s instanceof NetworkStatement.Prefix p) {
                            explicit.add(p.prefix());
                        } else if (s instanceof NetworkStatement.PrefixSet set) {
                            explicit.addAll(set.prefixes());
                        }
                    }
                    assertTrue(ev.originated().keySet().containsAll(explicit), "explicit prefixes always announced");
                    for (OriginatedRoute o : ev.originated().values()) {
                        IpPrefix p = o.prefix();
                        if (explicit.contains(p)) {
                            assertEquals(OriginatedRoute.Source.CONFIGURED, o.source());
                            continue;
                        }
                        SystemRoute r = o.systemRoute().orElseThrow();
                        assertTrue(routes.contains(r), "originated from a real route");
                        assertTrue(r.kind() != SystemRoute.Kind.OWN, "never our own route: " + o);
                        assertTrue(!r.isDefault() || config.includePrefixes().contains(p), "default: " + o);
                        assertTrue(!IpPrefix.parse("127.0.0.0/8").contains(p) && !p.equals(IpPrefix.parse("::1/128")),
                                "loopback: " + o);
                        assertTrue(!IpPrefix.parse("169.254.0.0/16").contains(p)
                                && !IpPrefix.parse("fe80::/10").contains(p), "link-local: " + o);
                        assertTrue(!IpPrefix.parse("224.0.0.0/4").contains(p)
                                && !IpPrefix.parse("ff00::/8").contains(p), "multicast: " + o);
                        assertTrue(r.nextHop().map(a -> !a.isLoopbackAddress()).orElse(true), "loopback nh: " + o);
                        assertTrue(!config.excludeInterfaces().contains(r.interfaceName())
                                || coveredBy(config.includePrefixes(), p), "excluded interface: " + o);
                        if (o.statement() instanceof NetworkStatement.Connected && config.uplinkGuard()
                                && uplinks.contains(r.interfaceName())) {
                            assertTrue(config.includeInterfaces().contains(r.interfaceName())
                                    || coveredBy(config.includePrefixes(), p), "uplink subnet leaked: " + o);
                        }
                    }
                    // every originated prefix has exactly one included preview entry
                    for (IpPrefix p : ev.originated().keySet()) {
                        assertEquals(1, ev.preview().stream().filter(e -> e.prefix().equals(p) && e.included())
                                .count());
                    }
                });
    }

    @Test
    void incrementalUpdatesEqualRecomputationFromScratch() {
        Gen<List<Boolean>> adds = lists().of(Generate.booleans()).ofSize(40);
        qt().withFixedSeed(4271L).withExamples(1000)
                .forAll(lists().of(routes()).ofSize(40), adds, configs())
                .checkAssert((ops, isAdd, config) -> {
                    Map<IpPrefix, OriginatedRoute> view = new HashMap<>();
                    var r = new Redistributor(config, changes -> {
                        for (OriginChange c : changes) {
                            // each change starts from what the consumer last saw
                            assertEquals(Optional.ofNullable(view.get(c.prefix())), c.before());
                            c.after().ifPresentOrElse(a -> view.put(c.prefix(), a), () -> view.remove(c.prefix()));
                        }
                    });
                    var src = new InMemorySystemRouteSource();
                    src.subscribe(r);
                    List<SystemRoute> added = new ArrayList<>();
                    for (int i = 0; i < ops.size(); i++) {
                        // removals pick an earlier route so they hit something
                        if (isAdd.get(i) || added.isEmpty()) {
                            src.add(ops.get(i));
                            added.add(ops.get(i));
                        } else {
                            src.remove(added.get(i % added.size()));
                        }
                    }
                    var scratch = Redistributor.evaluate(config, src.snapshot());
                    assertEquals(scratch.originated(), r.originated());
                    assertEquals(scratch.originated(), view);
                    assertEquals(scratch.preview(), r.preview());
                });
    }
}
