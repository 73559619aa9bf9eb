package io.jbgp.core.codec;

import io.jbgp.core.types.AddressFamily;
import java.util.Objects;
import java.util.Set;

/**
 * What the session negotiated that changes the wire format. Passed into every encode and decode
 * call; the codec never reads mutable session state (STYLE §3.6). Produced by the FSM from the two
 * OPENs.
 *
 * @param fourOctetAs     both sides sent the 4-octet AS capability (RFC 6793)
 * @param extendedMessage both sides sent Extended Message (RFC 8654): maximum length 65535
 * @param families        the AFI/SAFIs negotiated (MP_REACH for others is an error)
 * @param addPathReceive  families whose received NLRI carry path IDs (RFC 7911)
 * @param addPathSend     families whose sent NLRI carry path IDs
 * @param archive         decoding recorded messages (MRT): RFC 7607's AS 0 rule is not applied, so
 *                        an archive reads as what was sent (as bgpdump shows it); a session never
 *                        sets this
 */
public record CodecContext(boolean fourOctetAs, boolean extendedMessage, Set<AddressFamily> families,
                           Set<AddressFamily> addPathReceive, Set<AddressFamily> addPathSend, boolean archive) {

    /** Before the OPEN exchange: 2-octet AS, 4096 octets, IPv4 unicast only, no ADD-PATH. */
    public static final CodecContext INITIAL = new CodecContext(false, false,
            Set.of(AddressFamily.IPV4_UNICAST), Set.of(), Set.of());

    /** A modern session: 4-octet AS, IPv4 and IPv6 unicast, 4096 octets, no ADD-PATH. */
    public static final CodecContext DEFAULT = new CodecContext(true, false,
            Set.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST), Set.of(), Set.of());

    /**
     * Copies the sets, so the record stays immutable.
     *
     * @param fourOctetAs both sides sent the 4-octet AS capability (RFC 6793)
     * @param extendedMessage both sides sent Extended Message (RFC 8654): maximum length 65535
     * @param families the AFI/SAFIs negotiated (MP_REACH for others is an error)
     * @param addPathReceive families whose received NLRI carry path IDs (RFC 7911)
     * @param addPathSend families whose sent NLRI carry path IDs
     * @param archive decoding recorded messages (MRT): RFC 7607's AS 0 rule is not applied
     */
    public CodecContext {
        families = Set.copyOf(Objects.requireNonNull(families, "families"));
        addPathReceive = Set.copyOf(Objects.requireNonNull(addPathReceive, "addPathReceive"));
        addPathSend = Set.copyOf(Objects.requireNonNull(addPathSend, "addPathSend"));
    }

    /**
     * A session's context (not an archive).
     *
     * @param fourOctetAs both sides sent the 4-octet AS capability (RFC 6793)
     * @param extendedMessage both sides sent Extended Message (RFC 8654): maximum length 65535
     * @param families the AFI/SAFIs negotiated (MP_REACH for others is an error)
     * @param addPathReceive families whose received NLRI carry path IDs (RFC 7911)
     * @param addPathSend families whose sent NLRI carry path IDs
     */
    public CodecContext(boolean fourOctetAs, boolean extendedMessage, Set<AddressFamily> families,
                        Set<AddressFamily> addPathReceive, Set<AddressFamily> addPathSend) {
        this(fourOctetAs, extendedMessage, families, addPathReceive, addPathSend, false);
    }

    /**
     * Whether AS 0 in AS_PATH, AS4_PATH, AGGREGATOR or AS4_AGGREGATOR makes the attribute malformed
     * (RFC 7607 §2): true for sessions, false for archives.
     *
     * @return true unless {@link #archive()}
     */
    public boolean rejectsAsZero() {
        return !archive;
    }

    /**
     * @param v true for recorded messages (MRT), which are read as sent, AS 0 included
     * @return a copy with that setting
     */
    public CodecContext withArchive(boolean v) {
        return new CodecContext(fourOctetAs, extendedMessage, families, addPathReceive, addPathSend, v);
    }

    /** {@return the largest message allowed, header included} */
    public int maxMessageLength() {
        return extendedMessage ? WireFormat.MAX_EXTENDED_LENGTH : WireFormat.MAX_LENGTH;
    }

    /**
     * @param family an address family
     * @return true when NLRI of this family we receive carry a 4-octet path ID (RFC 7911 §3)
     */
    public boolean isAddPathReceive(AddressFamily family) {
        return addPathReceive.contains(family);
    }

    /**
     * @param family an address family
     * @return true when NLRI of this family we send carry a 4-octet path ID (RFC 7911 §3)
     */
    public boolean isAddPathSend(AddressFamily family) {
        return addPathSend.contains(family);
    }

    /**
     * @param v true when both sides sent the 4-octet AS capability (RFC 6793)
     * @return a copy with that setting
     */
    public CodecContext withFourOctetAs(boolean v) {
        return new CodecContext(v, extendedMessage, families, addPathReceive, addPathSend, archive);
    }

    /**
     * @param v true when both sides sent the Extended Message capability (RFC 8654)
     * @return a copy with that setting
     */
    public CodecContext withExtendedMessage(boolean v) {
        return new CodecContext(fourOctetAs, v, families, addPathReceive, addPathSend, archive);
    }

    /**
     * ADD-PATH both ways for the given families.
     *
     * @param families the families with ADD-PATH in both directions
     * @return a copy with those families as both receive and send sets
     */
    public CodecContext withAddPath(Set<AddressFamily> families) {
        return new CodecContext(fourOctetAs, extendedMessage, this.families, families, families, archive);
    }
}
