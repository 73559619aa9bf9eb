package io.jbgp.examples.ctl;

import io.jbgp.core.types.IpPrefix;
import java.net.InetAddress;
import java.util.Optional;

/** A parsed control-socket command. */
public sealed interface ControlCommand {

    /** {@code show [summary]}. */
    record ShowSummary(Optional<InetAddress> neighbor) implements ControlCommand {}

    /** {@code show neighbor [ADDR]}: every neighbor, or one, in detail. */
    record ShowNeighbor(Optional<InetAddress> neighbor) implements ControlCommand {}

    /** {@code show nexthop}: the BGP next hops and how they resolve. */
    record ShowNexthop() implements ControlCommand {}

    /** {@code show rib [PREFIX|ADDR] [neighbor ADDR] [selected] [detail]}. */
    record ShowRib(RibQuery query) implements ControlCommand {}

    /** {@code show fib [PREFIX]}. */
    record ShowFib(Optional<IpPrefix> prefix) implements ControlCommand {}

    /** {@code show network}. */
    record ShowNetwork() implements ControlCommand {}

    /** {@code show config}: the running configuration, secrets masked. */
    record ShowConfig() implements ControlCommand {}

    /** {@code neighbor ADDR up|down|clear|refresh}. */
    record Neighbor(InetAddress address, NeighborAction action) implements ControlCommand {}

    /** {@code reload}: re-read the configuration file. */
    record Reload() implements ControlCommand {}
}
