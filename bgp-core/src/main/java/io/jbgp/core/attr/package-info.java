/**
 * DOC: path attributes as typed, immutable values.
 *
 * <p>Each attribute type the speaker interprets is a record or enum implementing the sealed
 * {@link io.jbgp.core.attr.PathAttribute}: ORIGIN, AS_PATH, NEXT_HOP, MULTI_EXIT_DISC,
 * LOCAL_PREF, ATOMIC_AGGREGATE, AGGREGATOR (RFC 4271 §5.1), COMMUNITIES (RFC 1997),
 * ORIGINATOR_ID and CLUSTER_LIST (RFC 4456), EXTENDED_COMMUNITIES (RFC 4360), LARGE_COMMUNITY
 * (RFC 8092) and OTC (RFC 9234). Anything else optional is an
 * {@link io.jbgp.core.attr.UnknownAttribute} that keeps its flags and bytes, so optional
 * transitive attributes pass through with the Partial bit set (RFC 4271 §5).
 * {@link io.jbgp.core.attr.PathAttributes} is the set carried by one UPDATE: at most one per type,
 * iterated in type-code order, with the Partial bits beside it.
 *
 * <p>AS numbers are always 4 octets here. The codec merges AS4_PATH and AS4_AGGREGATOR from
 * 2-octet peers (RFC 6793 §4.2.3) on the way in and splits them again on the way out, so no code
 * above the codec sees AS_TRANS in a path. {@link io.jbgp.core.attr.AsPath} caches what the
 * decision process asks on every comparison: path length (RFC 4271 §9.1.2.2 (a)), neighbor AS
 * and origin AS. MP_REACH_NLRI and MP_UNREACH_NLRI are not attributes in this model: they are
 * fields of {@link io.jbgp.core.message.UpdateMessage}.
 *
 * <p>Invariants: values are immutable and range-checked at construction (a MED or LOCAL_PREF
 * is 0..2³²−1, a segment holds 1..255 ASes); equality is by value, so sets of attributes can be
 * interned by the RIB.
 *
 * <p>Threading: immutable; safe to share.
 *
 * <p>What it does not do: no wire format (flags and lengths are derived by the writer in
 * {@code io.jbgp.core.codec}), no RFC 7606 error handling (the codec's attribute table decides)
 * and no interning (that is {@code io.jbgp.rib.attr}).
 */
package io.jbgp.core.attr;
