/**
 * DOC: the RIB (routing information base) and its single-threaded facade.
 *
 * <p>{@link io.jbgp.rib.Rib} owns every RIB data structure: the Adj-RIBs-In, the Loc-RIB, the
 * forwarding table and the Adj-RIBs-Out. All of it lives on one {@link io.jbgp.rib.RibExecutor}
 * thread and changes only through {@link io.jbgp.rib.RibCommand}s posted to it (OpenBGPD's RDE,
 * done in-process). There are no locks in {@code io.jbgp.rib}; the only objects shared with other
 * threads are the commands going in, the immutable {@link io.jbgp.rib.RibSnapshot}s and change
 * values ({@code BestPathChange}, {@code FibChange}) coming out, and the ports.
 *
 * <p>Ports: the session layer reaches the RIB through {@link io.jbgp.rib.RibPeerEventHandler}
 * (the core {@code PeerEventHandler}, a thin adapter that posts commands) and the RIB sends
 * through each session's core {@code PeerOutbound}. The host's routes come in as
 * {@code SystemRouteChanged} commands (next-hop resolution) and, through rib-fib's
 * {@code Redistributor}, as local originations ({@link io.jbgp.rib.Rib#originationOutput()}).
 * The forwarding table goes out to a {@code FibSink}.
 *
 * <p>Per command the order is fixed: Adj-RIB-In, import policy, Loc-RIB and decision, then for a
 * best-path change the forwarding table and every neighbor's export; at the end the FIB batch is
 * committed and every writable neighbor's update queue is packed and sent. Long walks (initial
 * feed, export policy change) run in chunks as separate executor tasks and pause
 * while the neighbor is not writable, so the executor never blocks on I/O.
 *
 * <p>Tests run the same code synchronously with {@link io.jbgp.rib.RibExecutor#direct()}.
 * Null policy: {@code null} is never passed across the public API; optional values are
 * {@code Optional}s. Inside the hot RIB records {@code null} marks a "self" next hop only.
 */
package io.jbgp.rib;
