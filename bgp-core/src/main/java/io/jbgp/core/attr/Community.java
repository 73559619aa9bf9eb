package io.jbgp.core.attr;

/**
 * A standard community (RFC 1997), 32 bits, printed as "AS:value" or by its well-known name.
 *
 * @param value the 32 bits
 */
public record Community(int value) implements Comparable<Community> {
    /** RFC 1997. */
    public static final Community NO_EXPORT = new Community(0xFFFFFF01);
    /** RFC 1997: do not advertise to any peer. */
    public static final Community NO_ADVERTISE = new Community(0xFFFFFF02);
    /** RFC 1997: do not advertise outside the local AS, not even to confederation member ASes. */
    public static final Community NO_EXPORT_SUBCONFED = new Community(0xFFFFFF03);
    /** RFC 3765. */
    public static final Community NOPEER = new Community(0xFFFFFF04);
    /** RFC 8326. */
    public static final Community GRACEFUL_SHUTDOWN = new Community(0xFFFF0000);
    /** RFC 7999. */
    public static final Community BLACKHOLE = new Community(0xFFFF029A);
    /** RFC 7611. */
    public static final Community ACCEPT_OWN = new Community(0xFFFF0001);
    /** RFC 9494. */
    public static final Community LLGR_STALE = new Community(0xFFFF0006);
    /** RFC 9494: do not keep this route as long-lived stale. */
    public static final Community NO_LLGR = new Community(0xFFFF0007);

    /**
     * A community from its two 16-bit halves.
     *
     * @param asn the high half, by convention the AS that defines the value, 0..65535
     * @param value the low half, 0..65535
     * @return the community
     * @throws IllegalArgumentException if a half is out of range
     */
    public static Community of(int asn, int value) {
        if (asn < 0 || asn > 0xFFFF || value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("community halves are 16 bits: " + asn + ":" + value);
        }
        return new Community(asn << 16 | value);
    }

    /**
     * Parses "65001:100" or a well-known name (NO_EXPORT, ...).
     *
     * @param text the text form; surrounding blanks are ignored
     * @return the community
     * @throws IllegalArgumentException if the text is neither form
     */
    public static Community parse(String text) {
        String s = text.trim();
        for (Object[] wk : WELL_KNOWN) {
            if (((String) wk[1]).equalsIgnoreCase(s)) {
                return (Community) wk[0];
            }
        }
        int colon = s.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a community: " + text);
        }
        try {
            return of(Integer.parseInt(s.substring(0, colon)), Integer.parseInt(s.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a community: " + text, e);
        }
    }

    /** {@return the high 16 bits, by convention an AS number} */
    public int asn() {
        return value >>> 16;
    }

    /** {@return the low 16 bits, the value the AS defines} */
    public int localValue() {
        return value & 0xFFFF;
    }

    private static final Object[][] WELL_KNOWN = {
        {NO_EXPORT, "NO_EXPORT"}, {NO_ADVERTISE, "NO_ADVERTISE"},
        {NO_EXPORT_SUBCONFED, "NO_EXPORT_SUBCONFED"}, {NOPEER, "NOPEER"},
        {GRACEFUL_SHUTDOWN, "GRACEFUL_SHUTDOWN"}, {BLACKHOLE, "BLACKHOLE"},
        {ACCEPT_OWN, "ACCEPT_OWN"}, {LLGR_STALE, "LLGR_STALE"}, {NO_LLGR, "NO_LLGR"},
    };

    @Override
    public int compareTo(Community o) {
        return Integer.compareUnsigned(value, o.value);
    }

    @Override
    public String toString() {
        for (Object[] wk : WELL_KNOWN) {
            if (wk[0].equals(this)) {
                return (String) wk[1];
            }
        }
        return asn() + ":" + localValue();
    }
}
