package io.jbgp.core.attr;

/** ORIGIN (RFC 4271 §5.1.1), type 1, well-known mandatory. */
public enum Origin implements PathAttribute {
    /** Interior to the originating AS, e.g. a network statement (wire value 0). */
    IGP(0, "i"),
    /** Learned by the historic EGP protocol (wire value 1). */
    EGP(1, "e"),
    /** Learned some other way, e.g. redistributed (wire value 2); least preferred. */
    INCOMPLETE(2, "?");

    private final int code;
    private final String symbol;

    Origin(int code, String symbol) {
        this.code = code;
        this.symbol = symbol;
    }

    /** {@return the wire value, 0..2} */
    public int code() {
        return code;
    }

    /** {@return the one-letter form bgpctl and FRR print: i, e or ?} */
    public String symbol() {
        return symbol;
    }

    /**
     * @param code the ORIGIN octet from the wire
     * @return the constant, or {@code null} for a value above 2 (treat-as-withdraw, RFC 7606 §7.1)
     */
    public static Origin fromCode(int code) {
        return code >= 0 && code <= 2 ? values()[code] : null;
    }

    @Override
    public int typeCode() {
        return ORIGIN;
    }
}
