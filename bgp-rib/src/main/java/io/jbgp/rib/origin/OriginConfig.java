package io.jbgp.rib.origin;

import io.jbgp.core.types.IpPrefix;
import java.util.List;
import java.util.Set;

/**
 * What the speaker originates: the {@code network} statements in configuration order, plus the
 * operator's overrides of the {@link Redistributor}'s default exclusions.
 *
 * <p>The overrides here apply to every dynamic statement, combined with each statement's own
 * ({@link Overrides#plus}); see {@link Overrides} for their precedence. The default route of a
 * family is redistributed only when an include-prefix names it exactly (OpenBGPD never
 * redistributes it; {@code network 0.0.0.0/0} announces it explicitly).
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

    /**
     * Copies the collections and rejects a name or prefix both included and excluded.
     *
     * @param statements the {@code network} statements, first match wins among dynamic ones
     * @param includeInterfaces interfaces whose subnets are announced even when they are the uplink
     * @param excludeInterfaces interfaces whose routes are never redistributed
     * @param includePrefixes routes inside these prefixes are announced even on the uplink
     * @param excludePrefixes routes inside these prefixes are never redistributed
     * @param uplinkGuard the WAN-leak guard: do not announce, via {@code connected}, the subnets of
     *     the interface(s) holding a default route (on by default)
     */
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

    /** {@return the global overrides as one value (a statement's own are added to these)} */
    public Overrides overrides() {
        return new Overrides(includeInterfaces, excludeInterfaces, includePrefixes, excludePrefixes);
    }

    /**
     * The statements with no overrides and the uplink guard on.
     *
     * @param statements the network statements, in configuration order
     * @return the configuration
     */
    public static OriginConfig of(List<NetworkStatement> statements) {
        return new OriginConfig(statements, Set.of(), Set.of(), Set.of(), Set.of(), true);
    }

    /**
     * @param statements the network statements, in configuration order
     * @return the configuration, with no overrides and the uplink guard on
     */
    public static OriginConfig of(NetworkStatement... statements) {
        return of(List.of(statements));
    }

    /**
     * @param names interfaces whose subnets are announced even on the uplink
     * @return a copy with these (replacing any earlier) include-interface rules
     */
    public OriginConfig withIncludeInterfaces(String... names) {
        return new OriginConfig(statements, Set.of(names), excludeInterfaces, includePrefixes, excludePrefixes,
                uplinkGuard);
    }

    /**
     * @param names interfaces whose routes are never redistributed
     * @return a copy with these (replacing any earlier) exclude-interface rules
     */
    public OriginConfig withExcludeInterfaces(String... names) {
        return new OriginConfig(statements, includeInterfaces, Set.of(names), includePrefixes, excludePrefixes,
                uplinkGuard);
    }

    /**
     * @param prefixes prefixes announced even on the uplink
     * @return a copy with these (replacing any earlier) include-prefix rules
     */
    public OriginConfig withIncludePrefixes(IpPrefix... prefixes) {
        return new OriginConfig(statements, includeInterfaces, excludeInterfaces, Set.of(prefixes), excludePrefixes,
                uplinkGuard);
    }

    /**
     * @param prefixes prefixes never redistributed
     * @return a copy with these (replacing any earlier) exclude-prefix rules
     */
    public OriginConfig withExcludePrefixes(IpPrefix... prefixes) {
        return new OriginConfig(statements, includeInterfaces, excludeInterfaces, includePrefixes, Set.of(prefixes),
                uplinkGuard);
    }

    /**
     * @param on whether to keep the uplink's subnets out of {@code connected}
     * @return a copy with that setting
     */
    public OriginConfig withUplinkGuard(boolean on) {
        return new OriginConfig(statements, includeInterfaces, excludeInterfaces, includePrefixes, excludePrefixes, on);
    }
}
