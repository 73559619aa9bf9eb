package io.jbgp.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The CPU time the benchmark thread got, as a JMH secondary result: {@code cpuMicros} is reported
 * in CPU microseconds per wall-clock second, so 1,000,000 means a whole core. The machine these
 * benchmarks were measured on has 2 cores shared by many processes; dividing a throughput score
 * by {@code cpuMicros / 1e6} gives the throughput per fully available core, which stays
 * comparable when the load around the benchmark changes. Reading the clock costs well under a
 * microsecond, against invocations of a millisecond or more.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU microseconds used by the benchmark thread inside benchmark methods. */
    public long cpuMicros;

    @Setup(Level.Iteration)
    public void reset() {
        cpuMicros = 0;
    }

    /** The current thread's CPU time in nanoseconds. */
    static long threadNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Adds the CPU time since {@code startNanos} (a {@link #threadNanos()} reading). */
    void since(long startNanos) {
        cpuMicros += (threadNanos() - startNanos) / 1000;
    }
}
