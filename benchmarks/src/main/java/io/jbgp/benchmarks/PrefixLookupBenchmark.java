package io.jbgp.benchmarks;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import io.jbgp.rib.attr.AttributeInterner;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
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

/**
 * An experiment behind a proposal of README.md, not a benchmark of project code as it stands:
 * the cost of finding a full table's prefix in the map the Loc-RIB could use, with random
 * prefixes as churn brings them. {@code treemap} is what {@code LocRib} uses today;
 * {@code hashmap} is a {@code HashMap} keyed by the prefixes themselves (their record hash code,
 * {@code 31 * addr + length}, leaves the low bits of aligned prefixes constant, so buckets
 * overflow and turn into trees); {@code hashmap-mixed} keys the same map by a stand-in with a
 * well-mixed hash, which is what a better {@code Ipv4Prefix.hashCode()} would give. The maps
 * hold the same 577k prefixes; lookups use the stored key objects, as the RIB's do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PrefixLookupBenchmark {
    static final int BATCH = 1000;

    @Param({"treemap", "hashmap", "hashmap-mixed"})
    public String map;

    /** UPDATEs of the table to use; 0 means all. */
    @Param("0")
    public int messages;

    private Map<Object, Object> table;
    private Object[] keys;
    private int[] order;
    private int cursor;

    @Setup(Level.Trial)
    public void load() {
        IpPrefix[] prefixes = FullTable.load(messages).routes(new AttributeInterner()).prefixes();
        table = map.equals("treemap") ? new TreeMap<>() : new HashMap<>();
        keys = new Object[prefixes.length];
        for (int i = 0; i < prefixes.length; i++) {
            keys[i] = map.equals("hashmap-mixed") ? MixedKey.of(prefixes[i]) : prefixes[i];
            table.put(keys[i], Integer.valueOf(i));
        }
        SplittableRandom random = new SplittableRandom(3);
        order = new int[1 << 20];
        for (int i = 0; i < order.length; i++) {
            order[i] = random.nextInt(prefixes.length);
        }
    }

    /** {@value #BATCH} lookups of random prefixes. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int lookup(CpuTime cpu) {
        long start = CpuTime.threadNanos();
        int found = 0;
        for (int k = 0; k < BATCH; k++) {
            if (table.get(keys[order[cursor]]) != null) {
                found++;
            }
            cursor = (cursor + 1) & (order.length - 1);
        }
        cpu.since(start);
        return found;
    }

    /** A prefix key with a murmur-mixed hash. */
    private record MixedKey(int addr, int length) {
        static Object of(IpPrefix p) {
            return p instanceof Ipv4Prefix v4 ? new MixedKey(v4.addr(), v4.length()) : p;
        }

        @Override
        public int hashCode() {
            return SyntheticNeighbors.mix(addr * 33 + length);
        }
    }
}
