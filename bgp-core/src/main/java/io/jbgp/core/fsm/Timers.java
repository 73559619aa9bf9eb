package io.jbgp.core.fsm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Timer deadlines as data (OpenBGPD {@code timer.c}): absolute times in the caller's nanosecond
 * clock, at most one per {@link TimerKind}. Nothing here fires by itself; the owner asks for
 * {@link #due(long)} when it is polled. Not thread-safe, like everything in this package.
 */
public final class Timers {
    private final EnumMap<TimerKind, Long> deadlines = new EnumMap<>(TimerKind.class);

    /** Arms (or re-arms) a timer to fire at {@code deadlineNanos}. */
    public void set(TimerKind kind, long deadlineNanos) {
        deadlines.put(kind, deadlineNanos);
    }

    /** Disarms a timer; harmless when it is not armed. */
    public void cancel(TimerKind kind) {
        deadlines.remove(kind);
    }

    /** Disarms every timer. */
    public void clear() {
        deadlines.clear();
    }

    public boolean isArmed(TimerKind kind) {
        return deadlines.containsKey(kind);
    }

    /** The deadline of one timer, if armed. */
    public OptionalLong deadline(TimerKind kind) {
        Long d = deadlines.get(kind);
        return d == null ? OptionalLong.empty() : OptionalLong.of(d);
    }

    /** The earliest armed deadline, for the driver's single wake-up. */
    public OptionalLong next() {
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (long d : deadlines.values()) {
            // compare as a difference so that a clock near overflow still orders correctly
            if (!any || d - min < 0) {
                min = d;
                any = true;
            }
        }
        return any ? OptionalLong.of(min) : OptionalLong.empty();
    }

    /**
     * Disarms and returns the timers whose deadline is at or before {@code nowNanos}, in
     * {@link TimerKind} order (so a hold expiry is handled before a keepalive that became due at
     * the same time).
     */
    public List<TimerKind> due(long nowNanos) {
        List<TimerKind> out = new ArrayList<>(2);
        for (Map.Entry<TimerKind, Long> e : deadlines.entrySet()) {
            if (e.getValue() - nowNanos <= 0) {
                out.add(e.getKey());
            }
        }
        for (TimerKind k : out) {
            deadlines.remove(k);
        }
        return out;
    }

    @Override
    public String toString() {
        return deadlines.toString();
    }
}
