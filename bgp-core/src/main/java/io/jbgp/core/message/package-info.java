/**
 * DOC: the five BGP messages as typed, immutable values.
 *
 * <p>{@link io.jbgp.core.message.BgpMessage} is sealed over
 * {@link io.jbgp.core.message.OpenMessage}, {@link io.jbgp.core.message.UpdateMessage},
 * {@link io.jbgp.core.message.NotificationMessage}, {@link io.jbgp.core.message.KeepaliveMessage}
 * (RFC 4271 §4) and {@link io.jbgp.core.message.RouteRefreshMessage} (RFC 2918, RFC 7313), so a
 * {@code switch} over a message is checked for completeness by the compiler. Capabilities (RFC
 * 5492) are the sealed {@link io.jbgp.core.message.Capability}, with
 * {@code UnknownCapability} for codes we do not interpret; an OPEN keeps its optional
 * parameters as received, so the grouping of capabilities survives a round trip.
 *
 * <p>An UPDATE carries the classic IPv4 fields and, for other families, an
 * {@link io.jbgp.core.message.MpReach} and an {@link io.jbgp.core.message.MpUnreach} (RFC 4760);
 * {@code announced(family)} and {@code withdrawn(family)} hide the difference.
 * {@link io.jbgp.core.message.Nlri} is a prefix plus an optional ADD-PATH path identifier (RFC
 * 7911); an End-of-RIB marker (RFC 4724 §2) is an UPDATE that {@code isEndOfRib()}.
 *
 * <p>Invariants: every message is immutable and validated at construction (field widths, value
 * ranges); lists are copied. A message never holds a Netty buffer, so it can cross threads and
 * outlive the frame it was decoded from.
 *
 * <p>Threading: immutable; safe to share.
 *
 * <p>What it does not do: no encoding or decoding ({@code io.jbgp.core.codec}), no length limits
 * (the writer checks them against the negotiated maximum) and no semantic checks that need the
 * session, such as "is this AS our peer's" (the FSM's {@code OpenValidator}).
 */
package io.jbgp.core.message;
