package io.jbgp.core.attr;

/** Attribute flag bits (RFC 4271 §4.3). */
public final class AttributeFlags {
    public static final int OPTIONAL = 0x80;
    public static final int TRANSITIVE = 0x40;
    public static final int PARTIAL = 0x20;
    public static final int EXTENDED_LENGTH = 0x10;

    /** Well-known attributes: transitive, not optional. */
    public static final int WELL_KNOWN = TRANSITIVE;
    public static final int OPTIONAL_TRANSITIVE = OPTIONAL | TRANSITIVE;
    public static final int OPTIONAL_NON_TRANSITIVE = OPTIONAL;

    private AttributeFlags() {}

    public static boolean isOptional(int flags) {
        return (flags & OPTIONAL) != 0;
    }

    public static boolean isTransitive(int flags) {
        return (flags & TRANSITIVE) != 0;
    }

    public static boolean isPartial(int flags) {
        return (flags & PARTIAL) != 0;
    }

    public static boolean isExtendedLength(int flags) {
        return (flags & EXTENDED_LENGTH) != 0;
    }
}
