/**
 * DOC: the BGP finite state machine, sans-IO (STYLE §6).
 *
 * <p>{@link io.jbgp.core.fsm.Session} is RFC 4271 §8 for one connection: {@code handle(event,
 * now)} and {@code poll(now)} return {@link io.jbgp.core.fsm.SessionAction}s, timer deadlines are
 * data ({@link io.jbgp.core.fsm.Timers}), and {@code nextDeadline()} tells the driver when to poll
 * next. {@link io.jbgp.core.fsm.Peer} holds a neighbor's zero to two sessions, resolves
 * connection collisions (RFC 4271 §6.8, RFC 6286 §2.3) and damps oscillations with the IdleHold
 * back-off. OPEN handling is two pure functions: {@link io.jbgp.core.fsm.OpenValidator} and
 * {@link io.jbgp.core.fsm.Negotiation}, the latter producing the
 * {@link io.jbgp.core.fsm.NegotiatedSession} value the codec and the RIB work from.
 *
 * <p>Invariants: every exit to Idle caused by a local decision sends exactly one NOTIFICATION and
 * then {@code CloseConnection}; the hold timer is armed exactly in OpenSent, OpenConfirm and
 * Established (unless the negotiated hold time is zero); Established follows only an accepted OPEN
 * and then a KEEPALIVE; a Peer never has two Established sessions.
 *
 * <p>What it does not do: no sockets, no threads, no clocks ({@link io.jbgp.core.fsm.Ticker} is
 * read by the driver), no randomness of its own (RFC 4271 §10 jitter uses an injected
 * {@code RandomGenerator}), no UPDATE semantics (RFC 7606 classification comes from the codec,
 * routes are the RIB's business). Nothing here is thread-safe: one driver thread per Peer.
 *
 * <p>Null policy: no method accepts or returns null; absent values are {@code Optional}s.
 */
package io.jbgp.core.fsm;
