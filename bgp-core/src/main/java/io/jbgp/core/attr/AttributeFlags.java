package io.jbgp.core.attr;

/** Attribute flag bits (RFC 4271 §4.3). */
public final class AttributeFlags {
    /** Bit 0: the attribute is optional rather than well-known (RFC 4271 §4.3). */
    public static final int OPTIONAL = 0x80;
    /**
     * Bit 1: an optional attribute is passed on by speakers that do not know it; always set for
     * well-known ones.
     */
    public static final int TRANSITIVE = 0x40;
    /**
     * Bit 2: some speaker on the path passed on this optional transitive attribute without knowing
     * it (RFC 4271 §5).
     */
    public static final int PARTIAL = 0x20;
    /** Bit 3: the length field is two octets instead of one (RFC 4271 §4.3). */
    public static final int EXTENDED_LENGTH = 0x10;

    /** Well-known attributes: transitive, not optional. */
    public static final int WELL_KNOWN = TRANSITIVE;
    /** Flags of an optional transitive attribute, e.g. COMMUNITIES. */
    public static final int OPTIONAL_TRANSITIVE = OPTIONAL | TRANSITIVE;
    /** Flags of an optional non-transitive attribute, e.g. MULTI_EXIT_DISC. */
    public static final int OPTIONAL_NON_TRANSITIVE = OPTIONAL;

    private AttributeFlags() {}

    /**
     * @param flags the flags octet
     * @return true for an optional attribute
     */
    public static boolean isOptional(int flags) {
        return (flags & OPTIONAL) != 0;
    }

    /**
     * @param flags the flags octet
     * @return true for a transitive attribute
     */
    public static boolean isTransitive(int flags) {
        return (flags & TRANSITIVE) != 0;
    }

    /**
     * @param flags the flags octet
     * @return true when the Partial bit is set
     */
    public static boolean isPartial(int flags) {
        return (flags & PARTIAL) != 0;
    }

    /**
     * @param flags the flags octet
     * @return true when the attribute length takes two octets
     */
    public static boolean isExtendedLength(int flags) {
        return (flags & EXTENDED_LENGTH) != 0;
    }
}
