package io.jbgp.core.attr;

/** ORIGIN (RFC 4271 §5.1.1), type 1, well-known mandatory. */
public enum Origin implements PathAttribute {
    IGP(0, "i"),
    EGP(1, "e"),
    INCOMPLETE(2, "?");

    private final int code;
    private final String symbol;

    Origin(int code, String symbol) {
        this.code = code;
        this.symbol = symbol;
    }

    public int code() {
        return code;
    }

    /** {@return the one-letter form bgpctl and FRR print: i, e or ?} */
    public String symbol() {
        return symbol;
    }

    public static Origin fromCode(int code) {
        return code >= 0 && code <= 2 ? values()[code] : null;
    }

    @Override
    public int typeCode() {
        return ORIGIN;
    }
}
