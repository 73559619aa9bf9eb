package io.jbgp.rib.origin;

import io.jbgp.core.types.IpPrefix;
import java.util.List;
import java.util.Set;

/**
 * What the speaker originates: the {@code network} statements in configuration order, plus the
 * operator's overrides of the {@link Redistributor}'s default exclusions.
 *
 * <p>The overrides act on routes that a dynamic statement selected; they never add a route no
 * statement selected, and they cannot lift the safety rules (loopback, link-local, multicast,
 * own routes, loopback next hop). Precedence, most specific first: a prefix rule beats an
 * interface rule; among prefix rules the longest covering prefix wins, and on a tie exclude wins.
 * The default route of a family is redistributed only when {@code includePrefixes} names it
 * exactly (OpenBGPD never redistributes it; {@code network 0.0.0.0/0} announces it explicitly).
 *
 * @param statements        the {@code network} statements, first match wins among dynamic ones
 * @param includeInterfaces interfaces whose subnets are announced even when they are the uplink
 * @param excludeInterfaces interfaces whose routes are never redistributed
 * @param includePrefixes   routes inside these prefixes are announced even on the uplink
 * @param excludePrefixes   routes inside these prefixes are never redistributed
 * @param uplinkGuard       the WAN-leak guard: do not announce, via {@code connected}, the subnets
 *                          of the interface(s) holding a default route (on by default)
 */
public record OriginConfig(List<NetworkStatement> statements, Set<String> includeInterfaces,
                           Set<String> excludeInterfaces, Set<IpPrefix> includePrefixes,
                           Set<IpPrefix> excludePrefixes, boolean uplinkGuard) {

    /** Nothing originated. */
    public static final OriginConfig NONE = of(List.of());

    public OriginConfig {
        statements = List.copyOf(statements);
        includeInterfaces = Set.copyOf(includeInterfaces);
        excludeInterfaces = Set.copyOf(excludeInterfaces);
        includePrefixes = Set.copyOf(includePrefixes);
        excludePrefixes = Set.copyOf(excludePrefixes);
        for (String i : includeInterfaces) {
            if (excludeInterfaces.contains(i)) {
                throw new IllegalArgumentException("interface " + i + " is both included and excluded");
            }
        }
        for (IpPrefix p : includePrefixes) {
            if (excludePrefixes.contains(p)) {
                throw new IllegalArgumentException("prefix " + p + " is both included and excluded");
            }
        }
    }

    /** The statements with no overrides and the uplink guard on. */
    public static OriginConfig of(List<NetworkStatement> statements) {
        return new OriginConfig(statements, Set.of(), Set.of(), Set.of(), Set.of(), true);
    }

    public static OriginConfig of(NetworkStatement... statements) {
        return of(List.of(statements));
    }

    public OriginConfig withIncludeInterfaces(String... names) {
        return new OriginConfig(statements, Set.of(names), excludeInterfaces, includePrefixes, excludePrefixes,
                uplinkGuard);
    }

    public OriginConfig withExcludeInterfaces(String... names) {
        return new OriginConfig(statements, includeInterfaces, Set.of(names), includePrefixes, excludePrefixes,
                uplinkGuard);
    }

    public OriginConfig withIncludePrefixes(IpPrefix... prefixes) {
        return new OriginConfig(statements, includeInterfaces, excludeInterfaces, Set.of(prefixes), excludePrefixes,
                uplinkGuard);
    }

    public OriginConfig withExcludePrefixes(IpPrefix... prefixes) {
        return new OriginConfig(statements, includeInterfaces, excludeInterfaces, includePrefixes, Set.of(prefixes),
                uplinkGuard);
    }

    public OriginConfig withUplinkGuard(boolean on) {
        return new OriginConfig(statements, includeInterfaces, excludeInterfaces, includePrefixes, excludePrefixes, on);
    }
}
