package io.jbgp.core.types;

/**
 * A BGP hold time in seconds (RFC 4271 §4.2): 0 (no keepalives) or 3..65535.
 *
 * @param seconds the hold time
 */
public record HoldTime(int seconds) {
    public static final HoldTime NONE = new HoldTime(0);
    /** RFC 4271 §10 suggested default. */
    public static final HoldTime DEFAULT = new HoldTime(90);
    /** RFC 4271 §8.2.2: the "large value" used while waiting for the OPEN (4 minutes). */
    public static final HoldTime LARGE = new HoldTime(240);

    public HoldTime {
        if (seconds != 0 && (seconds < 3 || seconds > 0xFFFF)) {
            throw new IllegalArgumentException("hold time must be 0 or 3..65535 seconds: " + seconds);
        }
    }

    public static HoldTime ofSeconds(int seconds) {
        return new HoldTime(seconds);
    }

    /** True when a wire value is acceptable (RFC 4271 §6.2: 1 and 2 are refused). */
    public static boolean isValid(int seconds) {
        return seconds == 0 || (seconds >= 3 && seconds <= 0xFFFF);
    }

    public boolean isZero() {
        return seconds == 0;
    }

    /** RFC 4271 §10: one third of the hold time. */
    public int keepaliveSeconds() {
        return seconds / 3;
    }
}
