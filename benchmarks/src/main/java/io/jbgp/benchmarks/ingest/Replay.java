package io.jbgp.benchmarks.ingest;

import io.jbgp.benchmarks.FullTable;
import io.jbgp.benchmarks.SharedData;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * End-to-end ingest: one eBGP session from a feeder to a target daemon on loopback, the recorded
 * full table sent as fast as the target takes it, timed from Established until the target holds
 * every prefix (issue #6, "End to end").
 *
 * <pre>
 * java -cp benchmarks.jar io.jbgp.benchmarks.ingest.Replay --target 127.0.66.2:179 --local 127.0.66.1 \
 *      --probe frr:/tmp/frr-dir --pid 1234 [--complete count|refresh] [--next-hop 198.51.100.1] ...
 * </pre>
 *
 * <p>Everything is prepared before the session opens ({@link ReplayFeed}): the timed part is
 * socket writes on our side. Two ways to see completion:
 * <ul>
 *   <li>{@code count}: poll the target's received-prefix count ({@link TargetProbe}) every
 *       {@code --poll-ms} until it equals the expected table; the time is that of the first
 *       answer showing it (an upper bound, at most one poll interval plus one answer late);</li>
 *   <li>{@code refresh}: for a target whose count is costly to ask (our bgpd: a full RIB
 *       snapshot), a marker that rides the target's own queue: the target originates a sentinel
 *       prefix exported only to us; after the last UPDATE we send a ROUTE-REFRESH (RFC 2918),
 *       which the target handles after every UPDATE before it, re-sending its Adj-RIB-Out: the
 *       sentinel's second arrival is the moment the target has processed the whole table. The
 *       probe is then asked once, untimed, and the count must be exact.</li>
 * </ul>
 * The target's resident memory and CPU time come from {@code /proc/PID} before the session and
 * after completion. Output: a readable block and one {@code RESULT key=value ...} line for
 * scripts ({@code scripts/ingest-bench.sh}).
 */
public final class Replay {
    private static final String USAGE = String.join("\n",
            "usage: Replay --target ADDR:PORT --local ADDR [options]",
            "  --probe KIND:PATH      jbgp:SOCKET | frr:VTY_DIR | openbgpd:SOCKET (the target's count)",
            "  --complete MODE        count (poll the probe; default) | refresh (sentinel marker)",
            "  --sentinel PREFIX      the prefix the target exports to us (refresh mode; 203.0.113.0/24)",
            "  --pid PID              the target's process, for RSS and CPU time",
            "  --label NAME           a name for the RESULT line",
            "  --java-heap yes        the target is a JVM: also its live heap after a full GC (jcmd), untimed",
            "  --local-as AS          our AS (65501)        --router-id ID   ours (the --local address)",
            "  --next-hop ADDR        NEXT_HOP we send (default: --local; FRR needs one outside 127/8)",
            "  --mrt FILE             the MRT file (default: the shared data folder's " + FullTable.FILE + ",",
            "                         found through -D" + SharedData.PROPERTY + ")",
            "  --limit N              only the first N recorded UPDATEs (0: all)",
            "  --poll-ms MS           count mode: between polls (25)",
            "  --timeout-s S          bound on the whole ingest (600)",
            "  --linger-s S           keep the session up this long after the result (to inspect the target)",
            "  --settle-s S           count mode: give up when the count stops moving this long after the",
            "                         last write (30)",
            "");

    private Replay() {
    }

    /** Entry point: exit 0 when the target ended with exactly the expected table. */
    public static void main(String[] args) {
        try {
            Options o = Options.parse(args);
            ReplayFeed feed = prepare(o, System.out);
            String dump = System.getProperty("replay.expectedOut");
            if (dump != null) {
                // a debugging aid: the expected table, one prefix a line, to diff against a target's
                java.nio.file.Files.write(Path.of(dump), feed.expected().stream().map(Object::toString).sorted()
                        .toList());
            }
            Result r = run(o, feed, System.out);
            System.exit(r.complete() ? 0 : 1);
        } catch (IllegalArgumentException e) {
            System.err.print("replay: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
        } catch (IOException | RuntimeException e) {
            System.err.println("replay: " + e);
            System.exit(1);
        }
    }

    /**
     * The command line.
     *
     * @param target    the target's BGP listener
     * @param local     our address
     * @param localAs   our AS
     * @param routerId  our BGP Identifier
     * @param nextHop   the NEXT_HOP we announce
     * @param probe     how to ask the target's count ({@code null}: nobody to ask)
     * @param refresh   whether completion is the route-refresh marker
     * @param sentinel  the target's marker prefix
     * @param pid       the target's PID, 0 if unknown
     * @param label     a name for the RESULT line
     * @param mrt       the MRT file
     * @param limit     recorded UPDATEs to take, 0 for all
     * @param pollMillis between count polls
     * @param timeout   bound on the ingest
     * @param settle    count mode: stalled after this long without change
     * @param linger    how long the session stays up after the result
     * @param javaHeap  the target is a JVM whose live heap jcmd reads before and after
     */
    record Options(InetSocketAddress target, InetAddress local, long localAs, RouterId routerId,
                   Inet4Address nextHop, String probe, boolean refresh, IpPrefix sentinel, long pid,
                   String label, Path mrt, int limit, long pollMillis, Duration timeout, Duration settle,
                   Duration linger, boolean javaHeap) {

        static Options parse(String[] args) {
            String target = null;
            String local = null;
            long localAs = 65501;
            String routerId = null;
            String nextHop = null;
            String probe = null;
            boolean refresh = false;
            IpPrefix sentinel = IpPrefix.parse("203.0.113.0/24");
            long pid = 0;
            String label = "target";
            Path mrt = null;
            int limit = 0;
            long poll = 25;
            long timeout = 600;
            long settle = 30;
            long linger = 0;
            boolean javaHeap = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--target" -> target = v;
                    case "--local" -> local = v;
                    case "--local-as" -> localAs = Long.parseLong(v);
                    case "--router-id" -> routerId = v;
                    case "--next-hop" -> nextHop = v;
                    case "--probe" -> probe = v;
                    case "--complete" -> {
                        if (!v.equals("count") && !v.equals("refresh")) {
                            throw new IllegalArgumentException("--complete is count or refresh, not " + v);
                        }
                        refresh = v.equals("refresh");
                    }
                    case "--sentinel" -> sentinel = IpPrefix.parse(v);
                    case "--pid" -> pid = Long.parseLong(v);
                    case "--label" -> label = v;
                    case "--mrt" -> mrt = Path.of(v);
                    case "--limit" -> limit = Integer.parseInt(v);
                    case "--poll-ms" -> poll = Long.parseLong(v);
                    case "--timeout-s" -> timeout = Long.parseLong(v);
                    case "--settle-s" -> settle = Long.parseLong(v);
                    case "--linger-s" -> linger = Long.parseLong(v);
                    case "--java-heap" -> javaHeap = v.equals("yes");
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (target == null || local == null) {
                throw new IllegalArgumentException("--target and --local are required");
            }
            if (!refresh && probe == null) {
                throw new IllegalArgumentException("count mode needs --probe");
            }
            int colon = target.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("--target is ADDR:PORT, got " + target);
            }
            InetSocketAddress t = new InetSocketAddress(IpPrefix.parseAddress(target.substring(0, colon)),
                    Integer.parseInt(target.substring(colon + 1)));
            InetAddress l = IpPrefix.parseAddress(local);
            if (!(l instanceof Inet4Address l4)) {
                throw new IllegalArgumentException("--local must be IPv4 (the feeder's NEXT_HOP): " + local);
            }
            InetAddress nh = nextHop == null ? l4 : IpPrefix.parseAddress(nextHop);
            if (!(nh instanceof Inet4Address nh4)) {
                throw new IllegalArgumentException("--next-hop must be IPv4: " + nextHop);
            }
            return new Options(t, l, localAs, routerId == null ? RouterId.of(l4) : RouterId.parse(routerId), nh4,
                    probe, refresh, sentinel, pid, label, mrt == null ? SharedData.mrt(FullTable.FILE) : mrt, limit,
                    poll, Duration.ofSeconds(timeout), Duration.ofSeconds(settle),
                    Duration.ofSeconds(linger), javaHeap);
        }
    }

    /** How a run ended. */
    public enum Status {
        /** The target holds exactly the expected table. */
        EXACT,
        /**
         * The target holds the expected table plus the prefixes whose AS_PATH carries AS 0: it
         * does not apply RFC 7607 (the timing is still that of the whole table).
         */
        AS0_ACCEPTED,
        /** The target reports another count at the end (refresh mode). */
        MISMATCH,
        /**
         * Refresh mode: the marker came back (the time is that of the whole table) but the target
         * did not answer the count question (our bgpd gives up on a "show" after 5 s of RIB work,
         * which a full-table snapshot can take on a loaded machine).
         */
        UNVERIFIED,
        /** The count stopped moving short of the table (count mode). */
        STALLED,
        /** The bound on the whole ingest passed first. */
        TIMEOUT;

        /** {@return whether the whole table arrived (the time is meaningful)} */
        public boolean isComplete() {
            return this == EXACT || this == AS0_ACCEPTED || this == UNVERIFIED;
        }
    }

    /**
     * One run's figures.
     *
     * @param status         how it ended
     * @param expected       prefixes expected (RFC 7607 applied)
     * @param reported       the target's count at the end (-1: not asked)
     * @param seconds        Established to complete (to the last change when stalled, the bound when
     *                       timed out)
     * @param writeSeconds   Established to the last octet accepted by our socket (-1: never)
     * @param resolutionMillis how late the completion time may be (count mode: the poll gap)
     * @param polls          count polls made
     * @param before         the target process before the session (null without a PID)
     * @param after          the target process at the end (null without a PID)
     * @param heapBeforeKib  a JVM target's live heap before the session, KiB (-1: not asked)
     * @param heapAfterKib   its live heap at the end, KiB (-1: not asked)
     */
    public record Result(Status status, long expected, long reported, double seconds, double writeSeconds,
                         double resolutionMillis, int polls, ProcessSample before, ProcessSample after,
                         long heapBeforeKib, long heapAfterKib) {
        /** {@return whether the whole table arrived} */
        public boolean complete() {
            return status.isComplete();
        }

        /** {@return prefixes per second} */
        public double prefixesPerSecond() {
            return expected / seconds;
        }

        /** {@return resident memory added per expected prefix, octets (NaN without a PID)} */
        public double rssBytesPerPrefix() {
            return before == null ? Double.NaN : (after.rssKib() - before.rssKib()) * 1024.0 / expected;
        }

        /** {@return live heap added per expected prefix, octets (NaN when not asked)} */
        public double heapBytesPerPrefix() {
            return heapBeforeKib < 0 || heapAfterKib < 0 ? Double.NaN
                    : (heapAfterKib - heapBeforeKib) * 1024.0 / expected;
        }

        /** {@return CPU seconds the target used between the two samples (NaN without a PID)} */
        public double cpuSeconds() {
            return before == null ? Double.NaN
                    : (after.cpuTicks() - before.cpuTicks()) / (double) ProcessSample.TICKS_PER_SECOND;
        }
    }

    /** Reads and prepares the table (untimed), printing what it is. */
    static ReplayFeed prepare(Options o, PrintStream out) {
        long t = System.nanoTime();
        ReplayFeed feed = ReplayFeed.prepare(o.mrt(), o.limit(), o.localAs(), o.nextHop());
        out.printf(Locale.ROOT, "replay: %s prepared in %.1f s: %s%n", o.mrt().getFileName(),
                (System.nanoTime() - t) / 1e9, feed);
        return feed;
    }

    /** Runs one session against the target and prints the figures. */
    public static Result run(Options o, ReplayFeed feed, PrintStream out) throws IOException {
        if (o.refresh() && feed.expects(o.sentinel())) {
            throw new IllegalArgumentException("the sentinel " + o.sentinel() + " is part of the table");
        }
        double load = ProcessSample.loadAverage();
        long heapBefore = o.javaHeap() && o.pid() > 0 ? JavaHeap.liveKib(o.pid()) : -1;
        ProcessSample before = o.pid() > 0 ? ProcessSample.of(o.pid()) : null;
        Map<String, Long> threadsBefore = o.pid() > 0 ? ThreadTimes.of(o.pid()) : Map.of();
        FeederSession.Params params = new FeederSession.Params(o.target(), o.local(), o.localAs(), o.routerId(),
                90, Duration.ofSeconds(30));
        Result r;
        try (TargetProbe probe = o.probe() == null ? null : TargetProbe.parse(o.probe(), o.local());
             FeederSession s = FeederSession.open(params, o.refresh() ? o.sentinel() : null)) {
            Run run = new Run(o, feed, s, probe, before, heapBefore);
            r = o.refresh() ? run.awaitMarker() : run.awaitCount();
            print(o, feed, r, load, out);
            if (!run.threadsAfter.isEmpty()) {
                StringBuilder b = new StringBuilder();
                ThreadTimes.delta(threadsBefore, run.threadsAfter).forEach((name, sec) -> {
                    if (sec >= 0.05) {
                        b.append(String.format(Locale.ROOT, "%s%s %.2f", b.length() == 0 ? "" : ", ", name, sec));
                    }
                });
                out.printf("replay: %s CPU s by thread: %s%n", o.label(), b);
            }
            if (!o.linger().isZero()) {
                out.printf("replay: session stays up %d s%n", o.linger().toSeconds());
                sleepMillis(o.linger().toMillis());
            }
        }
        return r;
    }

    /** One session's sending and waiting. */
    private static final class Run {
        private final Options o;
        private final ReplayFeed feed;
        private final FeederSession session;
        private final TargetProbe probe;
        private final ProcessSample before;
        private final long heapBefore;
        private final long expected;
        private final long t0;
        private final long deadline;
        private final Thread sender;
        private final AtomicReference<Throwable> sendFailure = new AtomicReference<>();
        /** System.nanoTime() after the last write; 0 until then. */
        private final AtomicLong written = new AtomicLong();
        /** The target's CPU per thread group at the end sample. */
        Map<String, Long> threadsAfter = Map.of();

        Run(Options o, ReplayFeed feed, FeederSession session, TargetProbe probe, ProcessSample before,
            long heapBefore) {
            this.o = o;
            this.heapBefore = heapBefore;
            this.feed = feed;
            this.session = session;
            this.probe = probe;
            this.before = before;
            this.expected = feed.expected().size();
            this.t0 = session.establishedNanos();
            this.deadline = t0 + o.timeout().toNanos();
            this.sender = new Thread(() -> {
                try {
                    session.send(feed.wire(), feed.ends());
                    written.set(System.nanoTime());
                } catch (IOException | RuntimeException e) {
                    sendFailure.set(e);
                }
            }, "feeder-sender");
            sender.setDaemon(true);
            sender.start();
        }

        // refresh mode: the writes, the sentinel of the session start, then the one the refresh brings back
        Result awaitMarker() throws IOException {
            long done;
            try {
                joinSender();
                // the target announced the sentinel when the session came up; only then is a re-send news
                session.awaitWatched(1, remaining());
                session.sendRouteRefresh();
                done = session.awaitWatched(2, remaining());
            } catch (TimeoutException e) {
                return result(Status.TIMEOUT, -1, o.timeout().toNanos(), 0, 0);
            }
            ProcessSample after = sample();
            // the live heap before the count question: its snapshot is garbage in flight
            long heapAfter = heapBefore >= 0 ? JavaHeap.liveKib(o.pid()) : -1;
            if (probe == null) {
                return new Result(Status.UNVERIFIED, expected, -1, (done - t0) / 1e9, writeSeconds(), 0, 0, before,
                        after, heapBefore, heapAfter);
            }
            long reported = -1;
            IOException last = null;
            for (int attempt = 0; attempt < 3 && reported < 0; attempt++) {
                try {
                    reported = probe.received();
                } catch (IOException e) {
                    // a snapshot that took longer than bgpd waits; it still runs on the RIB executor,
                    // so let it end before asking again (a second question would queue behind it)
                    last = e;
                    sleepMillis(8_000);
                }
            }
            Status status = reported < 0 ? Status.UNVERIFIED : reported == expected ? Status.EXACT
                    : reported == expected + feed.as0Prefixes() ? Status.AS0_ACCEPTED : Status.MISMATCH;
            if (last != null && reported < 0) {
                System.err.println("replay: count not verified: " + last.getMessage());
            }
            return new Result(status, expected, reported, (done - t0) / 1e9, writeSeconds(), 0, 0, before, after,
                    heapBefore, heapAfter);
        }

        // count mode: poll until the count reaches the table, or stops moving after the last write
        Result awaitCount() throws IOException {
            long count = -1;
            long lastChange = t0;
            long ask = t0;
            int polls = 0;
            while (true) {
                session.checkFailure();
                throwIfFailed();
                long previousAsk = ask;
                ask = System.nanoTime();
                long c = probe.received();
                long answered = System.nanoTime();
                polls++;
                if (c != count) {
                    count = c;
                    lastChange = answered;
                }
                double late = (answered - previousAsk) / 1e6;
                if (c >= expected) {
                    try {
                        joinSender();
                    } catch (TimeoutException e) {
                        return result(Status.TIMEOUT, c, o.timeout().toNanos(), late, polls);
                    }
                    return result(c == expected ? Status.EXACT : c == expected + feed.as0Prefixes()
                            ? Status.AS0_ACCEPTED : Status.MISMATCH, c, answered - t0, late, polls);
                }
                long w = written.get();
                if (w != 0 && answered - Math.max(lastChange, w) > o.settle().toNanos()) {
                    return result(Status.STALLED, c, lastChange - t0, late, polls);
                }
                if (answered - deadline > 0) {
                    return result(Status.TIMEOUT, c, o.timeout().toNanos(), late, polls);
                }
                sleepMillis(o.pollMillis());
            }
        }

        private Result result(Status status, long reported, long nanos, double late, int polls) throws IOException {
            ProcessSample after = sample();
            return new Result(status, expected, reported, nanos / 1e9, writeSeconds(), late, polls, before, after,
                    heapBefore, heapBefore >= 0 ? JavaHeap.liveKib(o.pid()) : -1);
        }

        private double writeSeconds() {
            long w = written.get();
            return w == 0 ? -1 : (w - t0) / 1e9;
        }

        private ProcessSample sample() throws IOException {
            if (o.pid() > 0) {
                threadsAfter = ThreadTimes.of(o.pid());
            }
            return o.pid() > 0 ? ProcessSample.of(o.pid()) : null;
        }

        private Duration remaining() {
            return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
        }

        private void joinSender() throws IOException, TimeoutException {
            try {
                sender.join(Math.max(1, remaining().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            throwIfFailed();
            if (sender.isAlive()) {
                throw new TimeoutException("the target did not take the whole table in time");
            }
        }

        private void throwIfFailed() throws IOException {
            Throwable t = sendFailure.get();
            if (t != null) {
                throw new IOException("sending failed: " + t.getMessage(), t);
            }
        }
    }

    private static void sleepMillis(long ms) throws IOException {
        try {
            Thread.sleep(ms); // polling a foreign process: there is no event to wait on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void print(Options o, ReplayFeed feed, Result r, double load, PrintStream out) {
        out.printf(Locale.ROOT, "replay: %s %s: %s, %,d of %,d prefixes in %.3f s (%,.0f prefixes/s), written in "
                        + "%.3f s%s%n", o.label(), o.refresh() ? "refresh marker" : "count polling every "
                        + o.pollMillis() + " ms", r.status(), r.reported(), r.expected(),
                r.seconds(), r.prefixesPerSecond(), r.writeSeconds(), o.refresh() ? ""
                        : String.format(Locale.ROOT, ", %d polls, completion at most %.0f ms late", r.polls(),
                                r.resolutionMillis()));
        if (r.before() != null) {
            out.printf(Locale.ROOT, "replay: %s pid %d: RSS %,d -> %,d KiB (%.0f B per prefix), peak %,d KiB, "
                            + "CPU %.2f s (%.2f cores over the run)%n", o.label(), o.pid(), r.before().rssKib(),
                    r.after().rssKib(), r.rssBytesPerPrefix(), r.after().hwmKib(), r.cpuSeconds(),
                    r.cpuSeconds() / r.seconds());
        }
        if (r.heapAfterKib() >= 0) {
            out.printf(Locale.ROOT, "replay: %s live heap after full GC %,d -> %,d KiB (%.0f B per prefix)%n",
                    o.label(), r.heapBeforeKib(), r.heapAfterKib(), r.heapBytesPerPrefix());
        }
        out.printf(Locale.ROOT, "RESULT label=%s status=%s complete=%s expected=%d reported=%d seconds=%.4f pps=%.0f "
                        + "write_s=%.4f resolution_ms=%.1f polls=%d rss_before_kib=%d rss_after_kib=%d "
                        + "rss_b_per_prefix=%.1f hwm_kib=%d cpu_s=%.2f heap_b_per_prefix=%.1f load1=%.2f messages=%d octets=%d "
                        + "mode=%s%n",
                o.label(), r.status(), r.complete(), r.expected(), r.reported(), r.seconds(), r.prefixesPerSecond(),
                r.writeSeconds(), r.resolutionMillis(), r.polls(), r.before() == null ? -1 : r.before().rssKib(),
                r.after() == null ? -1 : r.after().rssKib(), r.rssBytesPerPrefix(),
                r.after() == null ? -1 : r.after().hwmKib(), r.cpuSeconds(), r.heapBytesPerPrefix(), load, feed.messages(), feed.octets(),
                o.refresh() ? "refresh" : "count");
    }
}
