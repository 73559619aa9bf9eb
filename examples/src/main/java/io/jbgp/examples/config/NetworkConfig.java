package io.jbgp.examples.config;

import io.jbgp.core.types.Afi;
import io.jbgp.core.types.IpPrefix;

/**
 * A {@code network} statement (bgpd.conf(5), NETWORK ANNOUNCEMENTS): a local route source. The
 * daemon turns each into the library's {@code NetworkStatement}.
 */
public sealed interface NetworkConfig {

    /** {@code network PREFIX}: always announced. */
    record Prefix(IpPrefix prefix) implements NetworkConfig {}

    /** {@code network inet|inet6 connected [guard]}: the routes of directly attached subnets. */
    record Connected(Afi afi, LeakGuard guard) implements NetworkConfig {}

    /** {@code network inet|inet6 static [guard]}: the static routes of the host. */
    record Static(Afi afi, LeakGuard guard) implements NetworkConfig {}

    /** {@code network prefix-set NAME}: every prefix of a (plain) prefix-set. */
    record PrefixSet(String name) implements NetworkConfig {}
}
