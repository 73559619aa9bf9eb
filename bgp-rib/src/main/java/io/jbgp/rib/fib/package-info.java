/**
 * DOC: the forwarding table and next-hop resolution.
 *
 * <p>The routing table ({@link io.jbgp.rib.table.LocRib}) and the forwarding table
 * ({@link io.jbgp.rib.fib.ForwardingTable}) answer different questions. The routing table keeps
 * every candidate path of a prefix with its BGP next hop, the NEXT_HOP attribute or the
 * MP_REACH_NLRI next hop, which may be several hops away (a third-party next hop, an iBGP
 * loopback). The forwarding table keeps, for each prefix whose best path was learned from a
 * neighbor, only the immediate gateways and interfaces a packet leaves through, one per ECMP
 * path. OpenBGPD calls the two {@code true_nexthop} and {@code exit_nexthop}.
 *
 * <p>Next-hop resolution connects them. {@link io.jbgp.rib.fib.NexthopResolver} looks each BGP
 * next hop up, longest match, in the host's own routes ({@link io.jbgp.rib.origin.SystemRoute}:
 * connected, static and other daemons' routes, never the ones we installed). A next hop that
 * resolves is {@link io.jbgp.rib.fib.NexthopState#REACHABLE}, with a cost (0 for a connected
 * subnet, else the host route's priority) that feeds decision step (e), RFC 4271 §9.1.2.2 (e).
 * One that does not makes its paths ineligible (RFC 4271 §9.1.2 (a)). The default route counts
 * only when {@code resolveViaDefault} is set, as in BIRD and OpenBGPD. Resolution is not
 * recursive through BGP routes: a BGP route can never make its own next hop reachable.
 *
 * <p>Like BIRD's hostcache in {@code rt-table.c}, the resolver caches one result per next hop that
 * some path uses, and counts the paths using each. When a host route appears or goes away, only
 * the cached next hops inside that route's prefix are resolved again; only when one of them
 * resolves differently does the RIB walk the Loc-RIB for the prefixes using it, and only those
 * are re-ranked, re-installed and re-exported. Back-links per path or per prefix were dropped
 * for memory: they cost more than the paths themselves on a full table, for an event that is
 * rare (benchmarks/notes/ribmem.md).
 *
 * <p>The forwarding table is the only thing that talks to a {@link io.jbgp.rib.fib.FibSink}, the
 * port through which routes leave the speaker: {@link io.jbgp.rib.fib.KernelFibSink} (Linux, via
 * one long-lived {@code ip -batch} process), {@link io.jbgp.rib.fib.InMemoryFibSink} (tests, and
 * embedders that program their own data plane), {@link io.jbgp.rib.fib.LoggingFibSink} (a
 * decorator) and {@link io.jbgp.rib.fib.FibSink#NONE} ({@code fib-update no}). Changes go out in
 * batches, one per RIB command: {@code begin()}, installs and withdrawals, {@code commit()}.
 *
 * <p>Invariants: after each commit the sink has been told exactly the forwarding table's content
 * (a kernel may still refuse a prefix, see {@code KernelFibSink.blocked()}); locally
 * originated routes are never installed (the host already has them); an entry always has at
 * least one next hop, so a prefix whose next hops all fail to resolve is withdrawn, not installed
 * without a gateway.
 *
 * <p>Threading: the resolver and the forwarding table belong to the RIB executor and are not
 * thread-safe. Sinks are called only from that thread and must not block it for long. The
 * kernel sink's own reader thread and {@code InMemoryFibSink.snapshot()} are the only parts
 * other threads touch.
 *
 * <p>What it does not do: no routing protocol other than BGP, no recursive resolution through
 * BGP, no next-hop tracking of MPLS labels or tunnels, and no kernel routes outside the
 * configured table, protocol and metric.
 */
package io.jbgp.rib.fib;
