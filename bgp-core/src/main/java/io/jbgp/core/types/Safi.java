package io.jbgp.core.types;

/** Subsequent Address Family Identifier (RFC 4760 §6), the ones this speaker routes. */
public enum Safi {
    UNICAST(1),
    MULTICAST(2);

    private final int code;

    Safi(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The enum constant for a wire code, or {@code null} when we do not know it. */
    public static Safi fromCode(int code) {
        switch (code) {
            case 1: return UNICAST;
            case 2: return MULTICAST;
            default: return null;
        }
    }
}
