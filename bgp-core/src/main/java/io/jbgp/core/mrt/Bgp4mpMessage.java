package io.jbgp.core.mrt;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.Bytes;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A BGP message a collector received from (or, for the *_LOCAL subtypes, sent to) a peer:
 * BGP4MP or BGP4MP_ET subtypes MESSAGE, MESSAGE_AS4, MESSAGE_LOCAL, MESSAGE_AS4_LOCAL and their
 * RFC 8050 ADD-PATH forms (RFC 6396 §4.4.2 to §4.4.6).
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Peer AS Number (2 octets, 4 for the AS4 subtypes)     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Local AS Number (2 octets, 4 for the AS4 subtypes)    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Interface Index        |        Address Family         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Peer IP Address (variable: 4 or 16)            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Local IP Address (variable: 4 or 16)           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    BGP Message... (variable)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * The BGP message is kept as its wire octets, 19-octet header included, exactly as recorded:
 * decoding needs a {@link CodecContext} that only the subtype implies, and tests and benchmarks
 * want the bytes themselves (round trips, codec throughput). {@link Bgp4mpCodec#decodeMessage}
 * decodes it.
 *
 * @param timestamp      when the collector recorded the message (microseconds for BGP4MP_ET)
 * @param subtype        the BGP4MP subtype, one of the message subtypes
 * @param peerAs         the peer's AS (AS_TRANS or the 2-octet value for the non-AS4 subtypes)
 * @param localAs        the collector's AS
 * @param interfaceIndex the collector's interface index, 0 when unknown
 * @param peerAddress    the peer's address
 * @param localAddress   the collector's address on the session
 * @param message        the BGP message octets, header included
 */
public record Bgp4mpMessage(Instant timestamp, Bgp4mpSubtype subtype, Asn peerAs, Asn localAs,
                            int interfaceIndex, InetAddress peerAddress, InetAddress localAddress,
                            Bytes message) implements MrtRecord {

    /**
     * Rejects null parts and state-change subtypes.
     *
     * @param timestamp when the collector recorded the message (microseconds for BGP4MP_ET)
     * @param subtype the BGP4MP subtype, one of the message subtypes
     * @param peerAs the peer's AS (AS_TRANS or the 2-octet value for the non-AS4 subtypes)
     * @param localAs the collector's AS
     * @param interfaceIndex the collector's interface index, 0 when unknown
     * @param peerAddress the peer's address
     * @param localAddress the collector's address on the session
     * @param message the BGP message octets, header included
     */
    public Bgp4mpMessage {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(subtype, "subtype");
        if (subtype.isStateChange()) {
            throw new IllegalArgumentException("not a message subtype: " + subtype);
        }
        Objects.requireNonNull(peerAs, "peerAs");
        Objects.requireNonNull(localAs, "localAs");
        Objects.requireNonNull(peerAddress, "peerAddress");
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The context the recorded message was encoded in. The subtype fixes AS width and ADD-PATH
     * (RFC 8050 §3: path identifiers on every NLRI of the message, whatever the family);
     * Extended Message is always allowed, because collectors record what peers that negotiated
     * it sent (RFC 8654), and the families are IPv4 and IPv6 unicast. It is an archive context: AS 0
     * is read as recorded, not as RFC 7607 malformed.
     *
     * @return the codec context for the message octets
     */
    public CodecContext codecContext() {
        Set<AddressFamily> families = Set.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST);
        return new CodecContext(subtype.hasFourOctetAs(), true, families,
                subtype.isAddPath() ? families : Set.of(), subtype.isAddPath() ? families : Set.of(), true);
    }
}
