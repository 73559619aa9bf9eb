package io.jbgp.core.attr;

/**
 * MULTI_EXIT_DISC (RFC 4271 §5.1.4), type 4, optional non-transitive.
 *
 * @param value 0..2³²−1
 */
public record MultiExitDisc(long value) implements PathAttribute {
    /**
     * Checks the range 0..2³²−1.
     *
     * @param value 0..2³²−1
     */
    public MultiExitDisc {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("MED out of range: " + value);
        }
    }

    /**
     * @param value the metric, 0..2³²−1; lower is preferred (RFC 4271 §9.1.2.2 (c))
     * @return the attribute
     */
    public static MultiExitDisc of(long value) {
        return new MultiExitDisc(value);
    }

    @Override
    public int typeCode() {
        return MULTI_EXIT_DISC;
    }
}
