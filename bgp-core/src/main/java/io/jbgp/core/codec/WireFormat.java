package io.jbgp.core.codec;

/** Wire constants (RFC 4271 §4.1, RFC 8654). */
public final class WireFormat {
    /** Marker (16), length (2), type (1). */
    public static final int HEADER_LENGTH = 19;
    /** Length of the all-ones marker that opens every message (RFC 4271 §4.1). */
    public static final int MARKER_LENGTH = 16;
    /** RFC 4271 §4: the largest message without Extended Message. */
    public static final int MAX_LENGTH = 4096;
    /** RFC 8654. */
    public static final int MAX_EXTENDED_LENGTH = 65535;
    /** OPEN is always limited to 4096 (RFC 8654 §4). */
    public static final int MAX_OPEN_LENGTH = 4096;

    private WireFormat() {}
}
