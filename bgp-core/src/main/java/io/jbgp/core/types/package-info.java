/**
 * DOC: the small value types every other package speaks in.
 *
 * <p>Numbers that the RFCs define as unsigned live in the narrowest Java type that holds them
 * without sign tricks at the call site: {@link io.jbgp.core.types.Asn} is a {@code long}
 * 0..2³²−1 (RFC 6793), {@link io.jbgp.core.types.RouterId} keeps its 32 bits in an {@code int} and
 * compares them unsigned (RFC 6286), {@link io.jbgp.core.types.HoldTime} is 0 or 3..65535
 * seconds (RFC 4271 §4.2). {@link io.jbgp.core.types.Afi}, {@link io.jbgp.core.types.Safi} and
 * {@link io.jbgp.core.types.AddressFamily} name address families; the record keeps raw codes so a
 * family we do not route survives a round trip through a capability or a ROUTE-REFRESH.
 *
 * <p>{@link io.jbgp.core.types.IpPrefix} is sealed over {@link io.jbgp.core.types.Ipv4Prefix}
 * ({@code int} address) and {@link io.jbgp.core.types.Ipv6Prefix} (two {@code long}s), so a full
 * table of prefixes costs no {@code InetAddress} objects. Prefixes sort IPv4 before IPv6, then by
 * address, then by length, which is the order "show" output and the Loc-RIB use.
 * {@link io.jbgp.core.types.Bytes} is an immutable byte string with value equality, for opaque
 * wire data kept inside records.
 *
 * <p>Invariants: every value is immutable and validated in its constructor, so a value that
 * exists is in range; prefixes are canonical (host bits cleared), so equal prefixes are equal
 * records and can be map keys. Parsing (dotted quads, prefixes, asdot) never does a name lookup.
 *
 * <p>Threading: all types are immutable and safe to share between threads.
 *
 * <p>What it does not do: no wire encoding (that is {@code io.jbgp.core.codec}), no families
 * other than IPv4 and IPv6 for prefixes, and no address arithmetic beyond containment.
 */
package io.jbgp.core.types;
