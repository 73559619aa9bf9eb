package io.jbgp.core.types;

/**
 * A BGP hold time in seconds (RFC 4271 §4.2): 0 (no keepalives) or 3..65535.
 *
 * @param seconds the hold time
 */
public record HoldTime(int seconds) {
    /** Hold time 0: no KEEPALIVEs are sent and the hold timer never runs (RFC 4271 §4.2). */
    public static final HoldTime NONE = new HoldTime(0);
    /** RFC 4271 §10 suggested default. */
    public static final HoldTime DEFAULT = new HoldTime(90);
    /** RFC 4271 §8.2.2: the "large value" used while waiting for the OPEN (4 minutes). */
    public static final HoldTime LARGE = new HoldTime(240);

    /**
     * Checks for 0 or 3..65535 seconds (RFC 4271 §4.2).
     *
     * @param seconds the hold time
     */
    public HoldTime {
        if (seconds != 0 && (seconds < 3 || seconds > 0xFFFF)) {
            throw new IllegalArgumentException("hold time must be 0 or 3..65535 seconds: " + seconds);
        }
    }

    /**
     * @param seconds 0 (no keepalives, no hold timer) or 3..65535
     * @return the hold time
     * @throws IllegalArgumentException for 1, 2, negative or too large values
     */
    public static HoldTime ofSeconds(int seconds) {
        return new HoldTime(seconds);
    }

    /**
     * True when a wire value is acceptable (RFC 4271 §6.2: 1 and 2 are refused).
     *
     * @param seconds the hold time field of an OPEN
     * @return true for 0 or 3..65535
     */
    public static boolean isValid(int seconds) {
        return seconds == 0 || (seconds >= 3 && seconds <= 0xFFFF);
    }

    /**
     * {@return true when the hold time is 0: neither KEEPALIVEs nor the hold timer run (RFC 4271
     * §4.4)}
     */
    public boolean isZero() {
        return seconds == 0;
    }

    /**
     * RFC 4271 §10: one third of the hold time.
     *
     * @return the keepalive interval in seconds, 0 when the hold time is 0
     */
    public int keepaliveSeconds() {
        return seconds / 3;
    }
}
