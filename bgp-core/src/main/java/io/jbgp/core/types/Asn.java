package io.jbgp.core.types;

/**
 * An autonomous system number, 0..2³²−1 (RFC 6793), printed in asplain notation (RFC 5396).
 *
 * @param value the AS number as an unsigned 32-bit value held in a {@code long}
 */
public record Asn(long value) implements Comparable<Asn> {
    /** RFC 6793 §9: AS_TRANS, placed in 2-octet fields when the real AS does not fit. */
    public static final Asn AS_TRANS = new Asn(23456);
    /** The largest 4-octet AS number (RFC 6793). */
    public static final long MAX = 0xFFFF_FFFFL;

    /**
     * Checks the range 0..2³²−1.
     *
     * @param value the AS number as an unsigned 32-bit value held in a {@code long}
     */
    public Asn {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("AS number out of range 0..4294967295: " + value);
        }
    }

    /**
     * @param value the AS number, 0..2³²−1
     * @return the AS
     * @throws IllegalArgumentException if out of range
     */
    public static Asn of(long value) {
        return new Asn(value);
    }

    /**
     * Parses asplain ("65501") or asdot ("1.10") notation.
     *
     * @param text "65501" or "1.10" (high.low 16-bit halves, RFC 5396)
     * @return the AS
     * @throws IllegalArgumentException if the text is neither form or out of range
     */
    public static Asn parse(String text) {
        String s = text.trim();
        int dot = s.indexOf('.');
        try {
            if (dot < 0) {
                return of(Long.parseLong(s));
            }
            long hi = Long.parseLong(s.substring(0, dot));
            long lo = Long.parseLong(s.substring(dot + 1));
            if (hi > 0xFFFF || lo > 0xFFFF || hi < 0 || lo < 0) {
                throw new IllegalArgumentException("bad asdot AS number: " + text);
            }
            return of(hi << 16 | lo);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad AS number: " + text, e);
        }
    }

    /** {@return true when the number does not fit the 2-octet fields of RFC 4271} */
    public boolean isFourOctet() {
        return value > 0xFFFF;
    }

    /**
     * RFC 6996 private use ranges.
     *
     * @return true for 64512..65534 and 4200000000..4294967294 (RFC 6996 §5)
     */
    public boolean isPrivate() {
        return (value >= 64512 && value <= 65534) || (value >= 4_200_000_000L && value <= 4_294_967_294L);
    }

    /** {@return the value to put in a 2-octet field: itself, or AS_TRANS} */
    public int toTwoOctet() {
        return isFourOctet() ? (int) AS_TRANS.value : (int) value;
    }

    @Override
    public int compareTo(Asn o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
