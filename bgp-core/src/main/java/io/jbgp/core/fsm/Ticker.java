package io.jbgp.core.fsm;

/**
 * A source of monotonic nanoseconds (STYLE rule 11). The FSM never reads a clock itself; the
 * driver reads a {@code Ticker} and passes the value into {@code handle} and {@code poll}. Tests
 * use a {@link FakeTicker}.
 */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds from an arbitrary origin; only differences are meaningful. */
    long nanos();

    /** The JVM's monotonic clock ({@link System#nanoTime()}). */
    static Ticker system() {
        return System::nanoTime;
    }
}
