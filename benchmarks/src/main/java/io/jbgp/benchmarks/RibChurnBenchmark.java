package io.jbgp.benchmarks;

import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.rib.Rib;
import io.jbgp.rib.RibCommand;
import io.jbgp.rib.attr.AttributeInterner;
import io.jbgp.rib.attr.AttributeSet;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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

/**
 * The churn of {@link LocRibChurnBenchmark} through the whole {@link Rib} facade on a direct
 * executor: each event is one single-prefix UPDATE from a neighbor, taken through the Adj-RIB-In
 * (pre and post policy), interning, the Loc-RIB and decision process, the forwarding table, the
 * export chain into every other neighbor's Adj-RIB-Out and the packing of the UPDATEs sent. The
 * full table from every neighbor is fed in the setup (its rate is printed: ingest paths/s).
 *
 * <p>The script is made of pairs on distinct paths, first halves then second halves, so that a
 * whole pass leaves the table as it found it: an attribute change and its revert, or a
 * withdrawal and its re-announcement. Score: UPDATEs per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RibChurnBenchmark {
    static final int BATCH = 1000;

    @Param({"4", "16"})
    public int neighbors;

    /** UPDATEs of the table to use; 0 means all (the smoke test uses a few). */
    @Param("0")
    public int messages;

    /** Pairs of events in the script (it holds twice as many events). */
    @Param("65536")
    public int pairs;

    private Rib rib;
    private RibFeed feed;
    private InetAddress[] from;
    private UpdateMessage[] script;
    private int cursor;

    @Setup(Level.Trial)
    public void load() {
        AttributeInterner interner = new AttributeInterner();
        FullTable table = FullTable.load(messages);
        SyntheticNeighbors nb = new SyntheticNeighbors(neighbors);
        feed = new RibFeed(nb, interner);
        rib = feed.rib();
        long start = System.nanoTime();
        long paths = feed.feed(table, false);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%nfacade ingest: %d paths from %d neighbors in %.1f s = %.0f paths/s, %d UPDATEs sent%n",
                paths, neighbors, seconds, paths / seconds, feed.sent());

        FullTable.Routes routes = table.routes(interner);
        int keys = routes.size() * neighbors;
        int n = Math.min(pairs, keys / 2);
        SplittableRandom random = new SplittableRandom(11);
        BitSet used = new BitSet(keys);
        List<InetAddress> firstFrom = new ArrayList<>();
        List<UpdateMessage> first = new ArrayList<>();
        List<UpdateMessage> second = new ArrayList<>();
        while (first.size() < n) {
            int key = random.nextInt(keys);
            if (used.get(key)) {
                continue;
            }
            used.set(key);
            int p = key / neighbors;
            int i = key - p * neighbors;
            IpPrefix prefix = routes.prefixes()[p];
            AttributeSet recorded = routes.sets()[routes.setOf()[p]];
            List<Nlri> nlri = List.of(Nlri.of(prefix));
            UpdateMessage restore = UpdateMessage.announce(
                    nb.view(i, recorded, false, interner).toPathAttributes(true), nlri);
            first.add(random.nextInt(10) < 6
                    ? UpdateMessage.announce(nb.view(i, recorded, true, interner).toPathAttributes(true), nlri)
                    : UpdateMessage.withdraw(nlri));
            second.add(restore);
            firstFrom.add(SyntheticNeighbors.address(i));
        }
        script = new UpdateMessage[2 * n];
        from = new InetAddress[2 * n];
        for (int k = 0; k < n; k++) {
            script[k] = first.get(k);
            script[n + k] = second.get(k);
            from[k] = firstFrom.get(k);
            from[n + k] = firstFrom.get(k);
        }
    }

    /** The facade under churn (for the smoke test). */
    public Rib rib() {
        return rib;
    }

    /** Applies {@value #BATCH} UPDATEs of the script. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void churn(Sent counters, CpuTime cpu) {
        long start = CpuTime.threadNanos();
        long before = feed.sent();
        for (int k = 0; k < BATCH; k++) {
            rib.post(new RibCommand.Update(from[cursor], script[cursor]));
            if (++cursor == script.length) {
                cursor = 0;
            }
        }
        counters.updatesSent += feed.sent() - before;
        cpu.since(start);
    }

    /** Secondary result: UPDATEs the RIB sent to the neighbors. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Sent {
        public long updatesSent;

        @Setup(Level.Iteration)
        public void reset() {
            updatesSent = 0;
        }
    }
}
