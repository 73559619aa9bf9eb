package io.jbgp.core.attr;

/**
 * LOCAL_PREF (RFC 4271 §5.1.5), type 5, well-known, iBGP only.
 *
 * @param value 0..2³²−1
 */
public record LocalPref(long value) implements PathAttribute {
    /** The value OpenBGPD, FRR and BIRD assume when none is present. */
    public static final LocalPref DEFAULT = new LocalPref(100);

    /**
     * Checks the range 0..2³²−1.
     *
     * @param value 0..2³²−1
     */
    public LocalPref {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("LOCAL_PREF out of range: " + value);
        }
    }

    /**
     * @param value the preference, 0..2³²−1; higher is preferred (RFC 4271 §9.1.1)
     * @return the attribute
     */
    public static LocalPref of(long value) {
        return new LocalPref(value);
    }

    @Override
    public int typeCode() {
        return LOCAL_PREF;
    }
}
