package io.jbgp.core.types;

/** Address Family Identifier (IANA "Address Family Numbers"), the ones this speaker routes. */
public enum Afi {
    IPV4(1),
    IPV6(2);

    private final int code;

    Afi(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The enum constant for a wire code, or {@code null} when we do not know it. */
    public static Afi fromCode(int code) {
        switch (code) {
            case 1: return IPV4;
            case 2: return IPV6;
            default: return null;
        }
    }
}
