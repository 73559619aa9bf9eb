package io.jbgp.examples.ctl;

import io.jbgp.core.types.IpPrefix;
import java.net.InetAddress;
import java.util.Optional;

/**
 * One forwarding-table entry (the best route with its resolved next hop) as
 * {@code bgpctl show fib} reports it.
 *
 * @param nexthop the immediate next hop; empty for a directly connected route
 * @param interfaceName the outgoing interface, empty when unknown
 */
public record FibRowView(IpPrefix prefix, Optional<InetAddress> nexthop, String interfaceName) {}
