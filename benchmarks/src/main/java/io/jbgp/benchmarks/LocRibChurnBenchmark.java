package io.jbgp.benchmarks;

import io.jbgp.core.message.Nlri;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import io.jbgp.rib.attr.AttributeInterner;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.decision.DecisionOptions;
import io.jbgp.rib.decision.DecisionProcess;
import io.jbgp.rib.table.BestPathChange;
import io.jbgp.rib.table.Eligibility;
import io.jbgp.rib.table.LocRib;
import io.jbgp.rib.table.PeerSource;
import io.jbgp.rib.table.Route;
import java.util.Optional;
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
 * Churn on a full Loc-RIB: the recorded full table received from {@code neighbors}
 * {@link SyntheticNeighbors} (so {@code neighbors} candidates per prefix), then a seeded random
 * stream of single-path events: 40% attribute changes (a neighbor re-announces a prefix with its
 * other view: one more prepend, MED + 5), 30% withdrawals and 30% announcements. An event that
 * does not apply to the path's current state (withdrawing an absent path, changing it) becomes an
 * announcement. Each event is one {@link LocRib#update} or {@link LocRib#withdraw}: a lookup, a
 * candidate replacement and a full re-ranking of the prefix by the decision process, i.e. one
 * best-path update. The score is events per second; the {@code bestChanged} counter says how many
 * of them moved the best path or ECMP set.
 *
 * <p>Synchronous and single-threaded by design: the Loc-RIB and decision process are measured
 * without the RIB executor, Adj-RIBs or export (see {@link RibChurnBenchmark} for the same churn through the facade).
 * The attribute views are interned in the setup, as the Adj-RIB-In boundary would hand them over.
 *
 * <p>The harness keeps its own work off the measured path where a real speaker would not pay it:
 * the script holds, per event, the prefix, the neighbor and both attribute views of the path it
 * touches, read in order (not a random walk through per-prefix arrays); each event's prefix is its
 * own copy made in script order, as a decoder hands the RIB a freshly decoded prefix; only the
 * per-path state (absent, usual, changed) is random access, because it must be. What remains is
 * measured by {@link #harnessOnly}: the same loop without the Loc-RIB calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LocRibChurnBenchmark {
    /** Events per benchmark invocation. */
    static final int BATCH = 1000;
    private static final byte ABSENT = 0;
    private static final byte USUAL = 1;
    private static final byte CHANGED = 2;
    private static final byte KIND_ANNOUNCE = 0;
    private static final byte KIND_WITHDRAW = 1;
    private static final byte KIND_CHANGE = 2;

    @Param({"4", "16"})
    public int neighbors;

    /** UPDATEs of the table to use; 0 means all (the smoke test uses a few). */
    @Param("0")
    public int messages;

    /** Length of the event script, replayed cyclically (a power of two). */
    @Param("1048576")
    public int scriptLength;

    private LocRib locRib;
    private PeerSource[] sources;
    // per path (prefix x neighbor): ABSENT, USUAL or CHANGED, 2 bits each so that this random
    // access stays in cache (577 KB for 4 neighbors) instead of costing the harness a miss
    private byte[] state;
    // the script, one entry per event, read in order
    private int[] keys; // the path's index in state[]
    private byte[] kinds;
    private byte[] neighborOf;
    private IpPrefix[] prefixOf;
    private AttributeSet[] usualOf;
    private AttributeSet[] changedOf;
    private int cursor;
    private long now;
    // the states of the next AHEAD script entries, read ahead (by entry & 15) so that the random
    // state[] access is off the measured path's critical chain, as a real speaker has no such
    // mirror of the table; kept exact when an event changes a path that is already read ahead
    private static final int AHEAD = 8;
    private final byte[] ahead = new byte[16];

    @Setup(Level.Trial)
    public void load() {
        if (Integer.bitCount(scriptLength) != 1) {
            throw new IllegalArgumentException("scriptLength must be a power of two: " + scriptLength);
        }
        AttributeInterner interner = new AttributeInterner();
        FullTable.Routes table = FullTable.load(messages).routes(interner);
        SyntheticNeighbors nb = new SyntheticNeighbors(neighbors);
        IpPrefix[] prefixes = table.prefixes();
        int[] setOf = table.setOf();
        sources = new PeerSource[neighbors];
        for (int i = 0; i < neighbors; i++) {
            sources[i] = nb.source(i);
        }
        AttributeSet[][] usual = nb.views(table.sets(), false, interner);
        AttributeSet[][] changed = nb.views(table.sets(), true, interner);
        locRib = new LocRib(new DecisionProcess(DecisionOptions.DEFAULT, SyntheticNeighbors.LOCAL_AS,
                SyntheticNeighbors.LOCAL_ID));
        int paths = prefixes.length * neighbors;
        state = new byte[(paths + 3) / 4];
        for (int p = 0; p < prefixes.length; p++) {
            for (int i = 0; i < neighbors; i++) {
                locRib.update(prefixes[p], route(i, usual[i][setOf[p]]));
                setState(p * neighbors + i, USUAL);
            }
        }
        SplittableRandom random = new SplittableRandom(7);
        keys = new int[scriptLength];
        kinds = new byte[scriptLength];
        neighborOf = new byte[scriptLength];
        prefixOf = new IpPrefix[scriptLength];
        usualOf = new AttributeSet[scriptLength];
        changedOf = new AttributeSet[scriptLength];
        for (int k = 0; k < scriptLength; k++) {
            int key = random.nextInt(paths);
            keys[k] = key;
            int dice = random.nextInt(10);
            kinds[k] = dice < 4 ? KIND_CHANGE : dice < 7 ? KIND_WITHDRAW : KIND_ANNOUNCE;
            int p = key / neighbors;
            int i = key - p * neighbors;
            neighborOf[k] = (byte) i;
            prefixOf[k] = copy(prefixes[p]);
            usualOf[k] = usual[i][setOf[p]];
            changedOf[k] = changed[i][setOf[p]];
        }
        cursor = 0;
        for (int j = 0; j < AHEAD; j++) {
            ahead[j] = state(keys[j]);
        }
    }

    /**
     * For the smoke test: the number of paths whose state (present or absent, and which view)
     * disagrees with the Loc-RIB, over the paths the script touches; 0 when the harness's mirror,
     * read-ahead included, is exact.
     */
    int stateMismatches() {
        int bad = 0;
        for (int c = 0; c < scriptLength; c++) {
            byte s = state(keys[c]);
            io.jbgp.rib.table.Destination d = locRib.get(prefixOf[c]);
            Route r = d == null ? null : d.find(sources[neighborOf[c]], Nlri.NO_PATH_ID);
            AttributeSet want = s == ABSENT ? null : s == USUAL ? usualOf[c] : changedOf[c];
            if ((r == null ? null : r.attrs()) != want) {
                bad++;
            }
        }
        return bad;
    }

    /**
     * For the smoke test: the event mix (announcements, withdrawals, changes) the first
     * {@code events} events of the script must have, from a plain replay of the script on a
     * copy of the current states without reading ahead. Call before running them.
     */
    long[] expectedMix(int events) {
        byte[] st = new byte[state.length * 4];
        for (int k = 0; k < st.length; k++) {
            st[k] = (byte) (state[k >>> 2] >>> ((k & 3) << 1) & 3);
        }
        long[] mix = new long[3];
        for (int e = 0; e < events; e++) {
            int c = (cursor + e) & (scriptLength - 1);
            byte s = st[keys[c]];
            if (kinds[c] == KIND_WITHDRAW && s != ABSENT) {
                st[keys[c]] = ABSENT;
                mix[1]++;
            } else if (kinds[c] == KIND_CHANGE && s != ABSENT) {
                st[keys[c]] = s == USUAL ? CHANGED : USUAL;
                mix[2]++;
            } else {
                st[keys[c]] = s == ABSENT ? USUAL : s;
                mix[0]++;
            }
        }
        return mix;
    }

    /** Sets the state of the path of script entry {@code c} and reads entry c + AHEAD's ahead. */
    private void advance(int c, int key, byte value) {
        setState(key, value);
        int mask = scriptLength - 1;
        for (int j = 1; j < AHEAD; j++) {
            int e = (c + j) & mask;
            if (keys[e] == key) {
                ahead[e & 15] = value;
            }
        }
        int f = (c + AHEAD) & mask;
        ahead[f & 15] = state(keys[f]);
    }

    private byte state(int key) {
        return (byte) (state[key >>> 2] >>> ((key & 3) << 1) & 3);
    }

    private void setState(int key, byte value) {
        int shift = (key & 3) << 1;
        state[key >>> 2] = (byte) (state[key >>> 2] & ~(3 << shift) | value << shift);
    }

    // an equal prefix object of the event's own, allocated in script order
    private static IpPrefix copy(IpPrefix p) {
        return p instanceof Ipv4Prefix v4 ? new Ipv4Prefix(v4.addr(), v4.length()) : p;
    }

    /** The Loc-RIB under churn (for the smoke test and the memory harness). */
    public LocRib locRib() {
        return locRib;
    }

    /** Applies {@value #BATCH} events of the script. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int churn(Events counters, CpuTime cpu) {
        long start = CpuTime.threadNanos();
        int bestChanged = 0;
        for (int k = 0; k < BATCH; k++) {
            int c = cursor;
            cursor = (c + 1) & (scriptLength - 1);
            int key = keys[c];
            byte kind = kinds[c];
            int i = neighborOf[c];
            byte s = ahead[c & 15];
            Optional<BestPathChange> change;
            if (kind == KIND_WITHDRAW && s != ABSENT) {
                change = locRib.withdraw(prefixOf[c], sources[i], Nlri.NO_PATH_ID);
                advance(c, key, ABSENT);
                counters.withdrawals++;
            } else if (kind == KIND_CHANGE && s != ABSENT) {
                byte next = s == USUAL ? CHANGED : USUAL;
                change = locRib.update(prefixOf[c], route(i, next == USUAL ? usualOf[c] : changedOf[c]));
                advance(c, key, next);
                counters.changes++;
            } else {
                byte next = s == ABSENT ? USUAL : s;
                change = locRib.update(prefixOf[c], route(i, next == USUAL ? usualOf[c] : changedOf[c]));
                advance(c, key, next);
                counters.announcements++;
            }
            if (change.isPresent()) {
                bestChanged++;
            }
        }
        counters.bestChanged += bestChanged;
        cpu.since(start);
        return bestChanged;
    }

    /**
     * The harness alone: the same script, state transitions and route allocation as
     * {@link #churn}, touching each event's prefix and attribute set as the Loc-RIB would first
     * do, but without the Loc-RIB. {@code churn} minus this is the Loc-RIB's share (roughly:
     * cache misses of the two overlap differently).
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long harnessOnly(Events counters, CpuTime cpu) {
        long start = CpuTime.threadNanos();
        long sum = 0;
        for (int k = 0; k < BATCH; k++) {
            int c = cursor;
            cursor = (c + 1) & (scriptLength - 1);
            int key = keys[c];
            byte kind = kinds[c];
            int i = neighborOf[c];
            byte s = ahead[c & 15];
            IpPrefix p = prefixOf[c];
            if (kind == KIND_WITHDRAW && s != ABSENT) {
                sum += p.length() + sources[i].hashCode();
                advance(c, key, ABSENT);
                counters.withdrawals++;
            } else {
                byte next = kind == KIND_CHANGE && s != ABSENT ? (s == USUAL ? CHANGED : USUAL)
                        : s == ABSENT ? USUAL : s;
                Route r = route(i, next == USUAL ? usualOf[c] : changedOf[c]);
                sum += p.length() + r.attrs().asPath().length() + r.lastChangeNanos();
                advance(c, key, next);
                if (kind == KIND_CHANGE && s != ABSENT) {
                    counters.changes++;
                } else {
                    counters.announcements++;
                }
            }
        }
        cpu.since(start);
        return sum;
    }

    private Route route(int neighbor, AttributeSet attrs) {
        return new Route(sources[neighbor], Nlri.NO_PATH_ID, attrs, ++now, Eligibility.ELIGIBLE, 0);
    }

    /** Secondary results: the event mix and how many events moved the best path. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        public long announcements;
        public long withdrawals;
        public long changes;
        public long bestChanged;

        @Setup(Level.Iteration)
        public void reset() {
            announcements = 0;
            withdrawals = 0;
            changes = 0;
            bestChanged = 0;
        }
    }
}
