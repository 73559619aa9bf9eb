package io.jbgp.rib;

/**
 * One neighbor's path counts, all families together, as {@link Rib#peerCounts()} reports them.
 *
 * @param received   paths in its Adj-RIB-In, the ones import policy rejected included
 * @param accepted   paths that passed import policy: the neighbor's candidates in the Loc-RIB
 * @param advertised prefixes in its Adj-RIB-Out: what it should have from us
 */
public record PeerCounts(long received, long accepted, long advertised) {
}
