package io.jbgp.benchmarks;

import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.rib.attr.AttributeInterner;
import io.jbgp.rib.attr.AttributeSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the Adj-RIB-In boundary pays per UPDATE for attribute interning, on the attributes of the
 * recorded full table's UPDATEs, all already interned once (the steady state: a second neighbor
 * sending the same table, or a re-announcement): {@code convertAndIntern} builds the RIB form
 * ({@link AttributeSet#of}) and interns it, as {@code Rib.onUpdate} does; {@code internOnly}
 * interns prebuilt equal copies. Scores are per attribute set.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InternerBenchmark {
    /** Attribute sets per invocation (the first this many UPDATEs, cycled). */
    static final int BATCH = 4096;

    /** UPDATEs of the table to use; 0 means all (the smoke test uses a few). */
    @Param("0")
    public int messages;

    private PathAttributes[] attributes;
    private AttributeSet[] copies;
    private AttributeInterner interner;
    private int cursor;

    @Setup(Level.Trial)
    public void load() {
        List<UpdateMessage> decoded = FullTable.load(messages).decodeAll();
        attributes = new PathAttributes[decoded.size()];
        copies = new AttributeSet[decoded.size()];
        interner = new AttributeInterner();
        for (int i = 0; i < attributes.length; i++) {
            attributes[i] = decoded.get(i).attributes();
            copies[i] = AttributeSet.of(attributes[i], null);
            interner.intern(AttributeSet.of(attributes[i], null));
        }
    }

    /** {@link AttributeSet#of} plus {@link AttributeInterner#intern}, per set. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void convertAndIntern(CpuTime cpu, Blackhole bh) {
        long start = CpuTime.threadNanos();
        for (int k = 0; k < BATCH; k++) {
            bh.consume(interner.intern(AttributeSet.of(attributes[next()], null)));
        }
        cpu.since(start);
    }

    /** {@link AttributeInterner#intern} of an equal, not yet canonical copy, per set. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void internOnly(CpuTime cpu, Blackhole bh) {
        long start = CpuTime.threadNanos();
        for (int k = 0; k < BATCH; k++) {
            bh.consume(interner.intern(copies[next()]));
        }
        cpu.since(start);
    }

    private int next() {
        int c = cursor;
        cursor = c + 1 == attributes.length ? 0 : c + 1;
        return c;
    }
}
