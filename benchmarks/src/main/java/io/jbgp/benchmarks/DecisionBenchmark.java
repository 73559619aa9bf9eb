package io.jbgp.benchmarks;

import io.jbgp.rib.attr.AttributeInterner;
import io.jbgp.rib.decision.DecisionKeys;
import io.jbgp.rib.decision.DecisionOptions;
import io.jbgp.rib.decision.DecisionProcess;
import io.jbgp.rib.table.Route;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The decision process on real candidate sets ({@link RibDump}). For {@code candidates = n} the
 * prefixes with at least n paths are used, each with n of its paths chosen by a seeded shuffle
 * and kept in that (arrival) order. Two operations, each over every selected prefix:
 * {@link #bestPath} finds the best path and the ECMP set from the candidates' cached decision
 * keys ({@link DecisionKeys#best}, {@link DecisionKeys#multipath(Route[], long[], int, int)}),
 * which is what {@code Destination} does after each change (the keys are computed when a
 * candidate arrives, so in the setup here); {@link #rankAll} ranks all candidates and derives the
 * ECMP set from the ranking, which is what "show" and snapshots do (and what the Loc-RIB did after
 * each change before the keyed best path). The {@code decisions} counter gives prefixes decided
 * per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecisionBenchmark {

    @Param({"2", "8", "32"})
    public int candidates;

    /** Prefixes of the dump to read; 0 means all (the smoke test uses a few). */
    @Param("0")
    public int prefixes;

    /** Deterministic MED (the default) or always-compare-MED (a single sort). */
    @Param({"deterministic"})
    public String med;

    private DecisionProcess decision;
    private List<List<Route>> sets;
    private Route[][] arrays;
    private long[][] keys;

    @Setup(Level.Trial)
    public void load() {
        DecisionOptions options = "always".equals(med) ? DecisionOptions.DEFAULT.withAlwaysCompareMed(true)
                : DecisionOptions.DEFAULT;
        decision = new DecisionProcess(options, SyntheticNeighbors.LOCAL_AS, SyntheticNeighbors.LOCAL_ID);
        Random random = new Random(42);
        sets = new ArrayList<>();
        for (RibDump.Candidates c : RibDump.load(prefixes, decision, new AttributeInterner())) {
            if (c.routes().size() < candidates) {
                continue;
            }
            List<Route> shuffled = new ArrayList<>(c.routes());
            Collections.shuffle(shuffled, random);
            sets.add(new ArrayList<>(shuffled.subList(0, candidates)));
        }
        if (sets.isEmpty()) {
            throw new IllegalStateException("load: no prefix with " + candidates + " candidates");
        }
        arrays = new Route[sets.size()][];
        keys = new long[sets.size()][];
        for (int p = 0; p < sets.size(); p++) {
            arrays[p] = sets.get(p).toArray(new Route[0]);
            keys[p] = new long[DecisionKeys.KEY_WORDS * candidates];
            for (int i = 0; i < candidates; i++) {
                decision.keys().key(arrays[p][i], keys[p], i);
            }
        }
    }

    /** The number of prefixes decided per operation. */
    public int size() {
        return sets.size();
    }

    /** Ranks every selected prefix's candidates and picks its ECMP set. */
    @Benchmark
    public void rankAll(Decisions counters, CpuTime cpu, Blackhole bh) {
        long start = CpuTime.threadNanos();
        for (List<Route> arrival : sets) {
            List<Route> ranked = decision.rank(arrival);
            bh.consume(decision.multipath(ranked));
        }
        counters.decisions += sets.size();
        cpu.since(start);
    }

    /** Finds every selected prefix's best path and ECMP set from the cached keys. */
    @Benchmark
    public void bestPath(Decisions counters, CpuTime cpu, Blackhole bh) {
        long start = CpuTime.threadNanos();
        for (int p = 0; p < arrays.length; p++) {
            Route[] routes = arrays[p];
            int best = decision.keys().best(routes, keys[p], routes.length, -1);
            bh.consume(decision.keys().multipath(routes, keys[p], routes.length, best));
        }
        counters.decisions += arrays.length;
        cpu.since(start);
    }

    /** The best path as {@link #bestPath} finds it, for the smoke test: one index per prefix. */
    int[] bestIndices() {
        int[] out = new int[arrays.length];
        for (int p = 0; p < arrays.length; p++) {
            out[p] = decision.keys().best(arrays[p], keys[p], arrays[p].length, -1);
        }
        return out;
    }

    /** The candidates of each selected prefix in arrival order, for the smoke test. */
    List<List<Route>> sets() {
        return sets;
    }

    /** The decision process in use, for the smoke test. */
    DecisionProcess decision() {
        return decision;
    }

    /** Secondary result: prefixes decided per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Decisions {
        public long decisions;

        @Setup(Level.Iteration)
        public void reset() {
            decisions = 0;
        }
    }
}
