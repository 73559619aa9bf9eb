/**
 * DOC: the embeddable speaker over Netty (STYLE §2 bgp-netty, §8).
 *
 * <p>{@link io.jbgp.netty.BgpSpeaker} is the public entry and the only place that knows both
 * ports of bgp-core (STYLE §1): {@link io.jbgp.netty.NettyBgpSpeaker} builds it from a local AS,
 * a router ID, listen addresses, an optional {@code EventLoopGroup}, an injected
 * {@link io.jbgp.core.fsm.Ticker}, and the routing side: a {@link io.jbgp.rib.Rib} on its own
 * {@link io.jbgp.rib.RibExecutor} thread (package-private {@code SpeakerRib}), fed by the
 * sessions through {@link io.jbgp.rib.RibPeerEventHandler}, by
 * {@link io.jbgp.netty.BgpSpeaker#announce} and by the {@code network} statements applied to the
 * host's {@link io.jbgp.rib.origin.SystemRouteSource}; its forwarding table goes to a
 * {@link io.jbgp.rib.fib.FibSink}. Per-neighbor policies travel as a
 * {@link io.jbgp.rib.RibPeerSettings} beside the transport's {@code PeerConfig}.
 * {@link io.jbgp.netty.RibView} reads the tables; {@link io.jbgp.netty.SpeakerEvents} carries
 * neighbor, best-path and forwarding events. Each neighbor gets one {@code PeerDriver} (package
 * {@code session}) pinned to one event loop. {@link io.jbgp.netty.PeerConnector} opens outbound
 * connections on that loop; {@link io.jbgp.netty.BgpListener} accepts inbound ones and, through
 * {@link io.jbgp.netty.PinnedChildGroup}, registers each on the loop of the neighbor it comes
 * from, so both connections of a neighbor (the collision case, RFC 4271 §6.8) are handled by one
 * thread in one order. A connection from an address that is not a neighbor is closed before a
 * byte is read.
 *
 * <p>Transport security: {@link io.jbgp.netty.TransportSecurity} sets TCP MD5 signatures
 * (RFC 2385: a per-neighbor key on the listener and on connecting sockets) and GTSM (RFC 5082:
 * IP_TTL 255 out, IP_MINTTL in) through native epoll. Without epoll ({@link
 * io.jbgp.netty.EventLoops#isEpoll()} false) a neighbor asking for either is rejected by
 * {@code addPeer} with an {@link java.lang.UnsupportedOperationException}, never silently run
 * unprotected.
 *
 * <p>Threading: everything that touches a session runs on its neighbor's event loop and never
 * blocks there. All routing state lives on the RIB executor, which
 * the sessions reach only by posting commands. {@link io.jbgp.netty.SpeakerEvent}s are delivered
 * on the callback executor (the RIB executor by default, or the embedder's). Public methods of
 * the speaker may be called from any thread.
 *
 * <p>Not here: the FSM ({@code io.jbgp.core.fsm}, sans-IO), the codec ({@code io.jbgp.core.codec})
 * and route handling itself ({@code io.jbgp.rib}). VRFs are not supported by this transport yet.
 */
package io.jbgp.netty;
