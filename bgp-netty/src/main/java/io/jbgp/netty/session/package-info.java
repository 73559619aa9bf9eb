/**
 * DOC: the driver of the sans-IO FSM (STYLE §6.6).
 *
 * <p>{@link io.jbgp.netty.session.PeerDriver} owns one neighbor's {@link io.jbgp.core.fsm.Peer}
 * and runs it on one event loop: {@link io.jbgp.netty.session.SessionHandler}, the last handler of
 * each of the neighbor's connections, turns channel events into
 * {@link io.jbgp.core.fsm.SessionEvent}s; the driver executes the returned actions (write, flush
 * once per batch, switch codecs, close after the NOTIFICATION is flushed, post to the RIB
 * executor) and keeps exactly one scheduled wake-up at the Peer's next deadline. Time comes from
 * an injected {@link io.jbgp.core.fsm.Ticker}, which must advance like the loop's own clock (tests
 * pass the embedded loop's ticker and move it with {@code advanceTimeBy}).
 *
 * <p>{@link io.jbgp.netty.session.ChannelPeerOutbound} is the outbound port for the RIB: sends
 * hop to the loop in call order, writability follows the channel's water marks, and
 * {@code whenWritable} callbacks run on the RIB executor when the channel drains. KEEPALIVEs are
 * written by the FSM on the loop itself, so a throttled bulk sender never delays them.
 *
 * <p>{@code MessageStatisticsHandler}, just before the session handler in every connection's
 * pipeline, counts each message read (after framing) and each message written (when Netty reports
 * its last octet written to the socket) into the neighbor's {@code MessageCounters}, which live as
 * long as the driver, so counts survive session resets. The counters are written on the loop and
 * read lock-free from any thread ({@link io.jbgp.netty.session.PeerDriver#statistics()}).
 *
 * <p>Nothing here decides protocol behaviour: collisions, timers, OPEN validation and back-off
 * all live in {@code io.jbgp.core.fsm}.
 */
package io.jbgp.netty.session;
