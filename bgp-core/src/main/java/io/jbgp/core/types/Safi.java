package io.jbgp.core.types;

/** Subsequent Address Family Identifier (RFC 4760 §6), the ones this speaker routes. */
public enum Safi {
    /** Unicast forwarding (SAFI 1). */
    UNICAST(1),
    /** Multicast RPF routes (SAFI 2, RFC 4760); recognised but not routed by this speaker. */
    MULTICAST(2);

    private final int code;

    Safi(int code) {
        this.code = code;
    }

    /** {@return the IANA SAFI number} */
    public int code() {
        return code;
    }

    /**
     * The enum constant for a wire code, or {@code null} when we do not know it.
     *
     * @param code the SAFI octet from the wire
     * @return the constant, or {@code null}
     */
    public static Safi fromCode(int code) {
        switch (code) {
            case 1: return UNICAST;
            case 2: return MULTICAST;
            default: return null;
        }
    }
}
