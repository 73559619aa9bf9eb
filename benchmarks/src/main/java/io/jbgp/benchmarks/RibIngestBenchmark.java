package io.jbgp.benchmarks;

import io.jbgp.core.message.UpdateMessage;
import io.jbgp.rib.Rib;
import io.jbgp.rib.attr.AttributeInterner;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The RIB side of the end-to-end ingest target: the recorded full table from ONE neighbor into an
 * empty {@link Rib} facade on a direct executor, as bgpd's session layer hands it over (UPDATEs
 * already decoded, each posted as a {@code RibCommand.Update}). Each operation starts from a new
 * RIB with a new attribute interner and the neighbor just up (built outside the measurement), so
 * it pays what a real first ingest pays: interning misses, destination creation, next-hop
 * resolution, the forwarding table, and the export attempt towards the one neighbor (the path
 * came from it, so nothing is queued).
 *
 * <p>Score: tables per second; the {@code paths} counter gives paths per second, and
 * {@code gc.alloc.rate.norm} divided by the paths per table (577,740 for the whole file) the
 * allocation per path. {@code cpuMicros} gives the CPU share (see {@link CpuTime}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RibIngestBenchmark {

    /** UPDATEs of the table to use; 0 means all (the smoke test uses a few). */
    @Param("0")
    public int messages;

    private SyntheticNeighbors neighbors;
    private List<UpdateMessage> table;
    private RibFeed feed;

    @Setup(Level.Trial)
    public void load() {
        neighbors = new SyntheticNeighbors(1);
        FullTable t = FullTable.load(messages);
        table = new RibFeed(neighbors, new AttributeInterner()).messagesOf(0, t);
    }

    /** A new, empty RIB with the neighbor up; the previous one becomes garbage. */
    @Setup(Level.Invocation)
    public void emptyRib() {
        feed = null;
        feed = new RibFeed(neighbors, new AttributeInterner());
    }

    /** The RIB after the last operation (for the smoke test). */
    public Rib rib() {
        return feed.rib();
    }

    /** Posts the whole table from the one neighbor. */
    @Benchmark
    public long ingest(Paths counters, CpuTime cpu) {
        long start = CpuTime.threadNanos();
        long paths = feed.post(0, table);
        counters.paths += paths;
        cpu.since(start);
        return paths;
    }

    /** Secondary result: paths announced. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Paths {
        public long paths;

        @Setup(Level.Iteration)
        public void reset() {
            paths = 0;
        }
    }
}
