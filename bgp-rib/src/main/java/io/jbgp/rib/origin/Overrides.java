package io.jbgp.rib.origin;

import io.jbgp.core.types.IpPrefix;
import java.util.HashSet;
import java.util.Set;

/**
 * The operator's explicit include/exclude rules, by interface and by prefix, over the
 * {@link Redistributor}'s default exclusions (the WAN-leak guard). They may be given for all
 * dynamic statements ({@link OriginConfig}) or on one {@code connected}/{@code static} statement
 * ({@code network inet connected exclude interface em0}); the two are combined.
 *
 * <p>Precedence, most specific first: a prefix rule beats an interface rule; among prefix rules
 * the longest covering prefix wins, exclude on a tie; among interface rules exclude wins. An
 * include lifts the WAN-leak guard (and, only when it names the default route exactly, the
 * default-route rule); it never adds a route no statement selected and never lifts the safety
 * rules (loopback, link-local, multicast, loopback next hop, own routes).
 *
 * @param includeInterfaces interfaces whose subnets are announced even when they are the uplink
 * @param excludeInterfaces interfaces whose routes are never redistributed
 * @param includePrefixes   routes inside these prefixes are announced even on the uplink
 * @param excludePrefixes   routes inside these prefixes are never redistributed
 */
public record Overrides(Set<String> includeInterfaces, Set<String> excludeInterfaces,
                        Set<IpPrefix> includePrefixes, Set<IpPrefix> excludePrefixes) {

    /** No overrides. */
    public static final Overrides NONE = new Overrides(Set.of(), Set.of(), Set.of(), Set.of());

    /**
     * Copies the sets and rejects a name or prefix both included and excluded.
     *
     * @param includeInterfaces interfaces whose subnets are announced even when they are the uplink
     * @param excludeInterfaces interfaces whose routes are never redistributed
     * @param includePrefixes routes inside these prefixes are announced even on the uplink
     * @param excludePrefixes routes inside these prefixes are never redistributed
     */
    public Overrides {
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

    /**
     * @param names interface names
     * @return rules that only exclude these interfaces
     */
    public static Overrides excludeInterfaces(String... names) {
        return new Overrides(Set.of(), Set.of(names), Set.of(), Set.of());
    }

    /**
     * @param names interface names
     * @return rules that only include these interfaces
     */
    public static Overrides includeInterfaces(String... names) {
        return new Overrides(Set.of(names), Set.of(), Set.of(), Set.of());
    }

    /**
     * @param prefixes prefixes
     * @return rules that only exclude these prefixes
     */
    public static Overrides excludePrefixes(IpPrefix... prefixes) {
        return new Overrides(Set.of(), Set.of(), Set.of(), Set.of(prefixes));
    }

    /**
     * @param prefixes prefixes
     * @return rules that only include these prefixes
     */
    public static Overrides includePrefixes(IpPrefix... prefixes) {
        return new Overrides(Set.of(), Set.of(), Set.of(prefixes), Set.of());
    }

    /** {@return true when there is no rule at all} */
    public boolean isEmpty() {
        return includeInterfaces.isEmpty() && excludeInterfaces.isEmpty() && includePrefixes.isEmpty()
                && excludePrefixes.isEmpty();
    }

    /**
     * Both rule sets together. A name or prefix included by one and excluded by the other is
     * excluded: the cautious reading of a contradiction.
     *
     * @param o the other rule set
     * @return the combination
     */
    public Overrides plus(Overrides o) {
        if (o.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return o;
        }
        Set<String> exIf = union(excludeInterfaces, o.excludeInterfaces);
        Set<IpPrefix> exP = union(excludePrefixes, o.excludePrefixes);
        Set<String> inIf = union(includeInterfaces, o.includeInterfaces);
        inIf.removeAll(exIf);
        Set<IpPrefix> inP = union(includePrefixes, o.includePrefixes);
        inP.removeAll(exP);
        return new Overrides(inIf, exIf, inP, exP);
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
