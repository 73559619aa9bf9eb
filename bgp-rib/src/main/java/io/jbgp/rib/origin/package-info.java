/**
 * DOC: local origination, the routes this speaker announces on its own.
 *
 * <p>What lives here: the {@code network} statements ({@link io.jbgp.rib.origin.NetworkStatement},
 * OpenBGPD's bgpd.conf vocabulary), the host's own routes ({@link io.jbgp.rib.origin.SystemRoute})
 * and where they come from ({@link io.jbgp.rib.origin.SystemRouteSource}: in memory, or the Linux
 * kernel through iproute2), and the {@link io.jbgp.rib.origin.Redistributor}, which applies the
 * statements to the host routes and computes what is originated.
 *
 * <p>Local origination is a route <em>source</em>, not a special case (STYLE §7 rule 6): the
 * Redistributor emits {@link io.jbgp.rib.origin.OriginChange} values, and the RIB applies them to
 * its Loc-RIB as Connected, Static or Configured routes next to the routes peers send. Nothing here
 * touches the Loc-RIB directly, which keeps this package testable without a RIB.
 *
 * <p>Invariants:
 * <ul>
 *   <li>what we installed ourselves ({@code OWN}) is never originated again;</li>
 *   <li>the default route, loopback, link-local and multicast destinations, and routes via a
 *       loopback next hop are never redistributed ({@code kr_redistribute});</li>
 *   <li>the WAN-leak guard: {@code connected} keeps the uplink's subnets (the interface holding
 *       the default route) private unless the operator includes them explicitly; every exclusion
 *       carries a reason, logged and listed in the preview ({@link io.jbgp.rib.origin.PreviewEntry});</li>
 *   <li>the result depends only on the set of host routes and the configuration, never on the
 *       order changes arrived in (property-tested: incremental equals from scratch).</li>
 * </ul>
 *
 * <p>Threading: the Redistributor is single-threaded and runs on the RIB executor. Sources call
 * their listeners on their own threads (the Linux source's poller); the RIB re-posts those calls
 * to its executor. The Linux source and the kernel FIB sink run {@code ip} as child processes with
 * bounded waits, never on the RIB executor except the sink's short pipe writes.
 *
 * <p>What this package does not do: next-hop resolution (see {@code bgp.rib.fib}), policy on
 * originated routes beyond the statement's {@code set} attributes, or BGP's mandatory attributes
 * (ORIGIN, AS_PATH, NEXT_HOP), which the RIB adds.
 *
 * <p>Null policy: no nulls in or out; absent values are {@code Optional} or empty collections.
 */
package io.jbgp.rib.origin;
