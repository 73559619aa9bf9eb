package io.jbgp.core.types;

/** Address Family Identifier (IANA "Address Family Numbers"), the ones this speaker routes. */
public enum Afi {
    /** IP version 4 (IANA address family 1). */
    IPV4(1),
    /** IP version 6 (IANA address family 2). */
    IPV6(2);

    private final int code;

    Afi(int code) {
        this.code = code;
    }

    /** {@return the IANA address family number} */
    public int code() {
        return code;
    }

    /**
     * The enum constant for a wire code, or {@code null} when we do not know it.
     *
     * @param code the AFI field from the wire, 0..65535
     * @return the constant, or {@code null}
     */
    public static Afi fromCode(int code) {
        switch (code) {
            case 1: return IPV4;
            case 2: return IPV6;
            default: return null;
        }
    }
}
