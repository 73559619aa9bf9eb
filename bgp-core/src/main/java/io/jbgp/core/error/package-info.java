/**
 * DOC: BGP errors and what to do about them.
 *
 * <p>{@link io.jbgp.core.error.ErrorCode} lists the NOTIFICATION error codes (RFC 4271 §4.5, RFC
 * 7313, RFC 9687); {@link io.jbgp.core.error.BgpError} lists every (code, subcode) pair this
 * speaker sends or recognises, with the RFC name bgpctl and FRR print, and builds the
 * {@link io.jbgp.core.message.NotificationMessage} that reports it.
 * {@link io.jbgp.core.error.ErrorAction} is the RFC 7606 §2 ladder for a malformed UPDATE:
 * session reset, AFI/SAFI disable (not used here), treat-as-withdraw, attribute discard.
 *
 * <p>Errors are values, not exceptions: the codec returns a {@code DecodeResult} naming the
 * {@code BgpError} and the data field RFC 4271 §6 asks for, and the FSM sends exactly that.
 * Decoding never throws on peer input.
 *
 * <p>Invariants: a constant's subcode belongs to its code; subcode 0 means "unspecific"; an
 * unknown pair received from a peer is kept as raw numbers in the NOTIFICATION, never mapped to
 * a wrong constant ({@code BgpError.of} returns {@code null}).
 *
 * <p>Threading: enums only; safe everywhere.
 *
 * <p>What it does not do: no logging and no policy on when to reset; the FSM and the codec decide
 * that, citing the section that asks for it.
 */
package io.jbgp.core.error;
