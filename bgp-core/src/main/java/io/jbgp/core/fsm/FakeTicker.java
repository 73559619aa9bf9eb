package io.jbgp.core.fsm;

import java.time.Duration;

/** A {@link Ticker} that only moves when told to, for deterministic tests. Not thread-safe. */
public final class FakeTicker implements Ticker {
    private long nanos;

    public FakeTicker() {
        this(0);
    }

    public FakeTicker(long startNanos) {
        this.nanos = startNanos;
    }

    @Override
    public long nanos() {
        return nanos;
    }

    /** Moves time forward (never backward) and returns the new reading. */
    public long advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + d);
        }
        nanos += d.toNanos();
        return nanos;
    }

    /** Moves time to an absolute reading not before the current one. */
    public void set(long newNanos) {
        if (newNanos - nanos < 0) {
            throw new IllegalArgumentException("time only moves forward: " + newNanos + " < " + nanos);
        }
        nanos = newNanos;
    }
}
