package io.jbgp.examples.config;

import io.jbgp.core.types.IpPrefix;
import java.util.List;
import java.util.Optional;

/**
 * The WAN-leak guard on {@code network inet connected|static}: a jbgp extension to bgpd.conf.
 *
 * <p>Why: the write-up's pfSense sites announce {@code network inet connected}, which also
 * announces the WAN subnet; the remote site then routes public addresses through the tunnel.
 * OpenBGPD can only work around this with filter rules; here the statement itself says what to
 * leave out, in bgpd.conf's own list syntax:
 *
 * <pre>
 * network inet connected exclude interface em0
 * network inet connected exclude interface { em0, em1 } exclude prefix 203.0.113.0/24
 * network inet static include prefix { 10.0.0.0/8, 198.51.100.0/24 }
 * </pre>
 *
 * <p>Semantics, in order: a route whose interface is in {@code exclude interface} is dropped; a
 * route inside (or equal to) any {@code exclude prefix} is dropped; if {@code include prefix} is
 * given, only routes inside one of its prefixes are kept. Exclusion wins over inclusion.
 */
public record LeakGuard(
        List<String> excludeInterfaces, List<IpPrefix> excludePrefixes,
        List<IpPrefix> includePrefixes) {

    /** No guard: every route of the kind is announced (bgpd's behaviour). */
    public static final LeakGuard NONE = new LeakGuard(List.of(), List.of(), List.of());

    /** Copies the lists. */
    public LeakGuard {
        excludeInterfaces = List.copyOf(excludeInterfaces);
        excludePrefixes = List.copyOf(excludePrefixes);
        includePrefixes = List.copyOf(includePrefixes);
    }

    /** Whether nothing is excluded or restricted. */
    public boolean isEmpty() {
        return excludeInterfaces.isEmpty() && excludePrefixes.isEmpty() && includePrefixes.isEmpty();
    }

    /**
     * Why a system route is not announced, or empty when it is; the text feeds
     * {@code bgpctl show network}'s reason column.
     *
     * @param interfaceName the route's interface, or empty when unknown (a static route)
     */
    public Optional<String> rejection(IpPrefix prefix, Optional<String> interfaceName) {
        if (interfaceName.isPresent() && excludeInterfaces.contains(interfaceName.get())) {
            return Optional.of("excluded interface " + interfaceName.get());
        }
        for (IpPrefix p : excludePrefixes) {
            if (p.contains(prefix)) {
                return Optional.of("excluded prefix " + p);
            }
        }
        if (!includePrefixes.isEmpty()
                && includePrefixes.stream().noneMatch(p -> p.contains(prefix))) {
            return Optional.of("not in include prefix list");
        }
        return Optional.empty();
    }
}
