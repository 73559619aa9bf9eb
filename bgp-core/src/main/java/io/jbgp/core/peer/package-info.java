/**
 * DOC: the ports between the session layer and the RIB (STYLE §1).
 *
 * <p>{@link io.jbgp.core.peer.PeerEventHandler} carries what happens on a session into the RIB
 * (established, UPDATE, treat-as-withdraw, ROUTE-REFRESH, down);
 * {@link io.jbgp.core.peer.PeerOutbound} carries UPDATEs and ROUTE-REFRESHes back out.
 * {@link io.jbgp.core.peer.PeerKey} names the neighbor on both sides. {@code bgp-rib} implements
 * the first, {@code bgp-netty} the second, and only the speaker facade knows both: the RIB is
 * tested without Netty and the transport with a fake RIB, as BIRD separates protocols from
 * channels and tables.
 *
 * <p>Threading: {@code PeerEventHandler} methods run on the RIB executor, one at a time;
 * {@code PeerOutbound} methods may be called from any thread and hop to the session's event loop.
 * Neither side ever blocks the other.
 */
package io.jbgp.core.peer;
