package io.jbgp.benchmarks;

import io.jbgp.core.message.Nlri;
import io.jbgp.rib.attr.AttributeInterner;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.decision.DecisionOptions;
import io.jbgp.rib.decision.DecisionProcess;
import io.jbgp.rib.table.Eligibility;
import io.jbgp.rib.table.LocRib;
import io.jbgp.rib.table.Route;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import javax.management.ObjectName;

/**
 * The memory harness: retained heap per path of the recorded full table received from 1, 4 and
 * 16 {@link SyntheticNeighbors}, attribute interning on. Two scopes:
 * <ul>
 *   <li>{@code rib}: the whole {@link io.jbgp.rib.Rib} facade (Adj-RIB-In, Loc-RIB, forwarding
 *       table, next-hop tracking, one Adj-RIB-Out per neighbor, export caches), fed UPDATE by
 *       UPDATE, each neighbor's messages decoded afresh as separate sessions would;
 *   <li>{@code locrib}: the Loc-RIB alone with the same paths (the part the decision process
 *       owns).
 * </ul>
 * Retained heap is the used-heap difference after several {@code System.gc()} before and after
 * the build, with the recorded table's bytes already loaded in both; the class histogram
 * ({@code jcmd GC.class_histogram}, taken in-process) says where it goes. Run it with a fixed
 * heap large enough for 16 neighbors, e.g. {@code -Xms6g -Xmx6g}; see README.md.
 *
 * <p>Usage: {@code RibFootprint [rib|locrib|both] [neighbors,...] [histogram lines]
 * [UPDATEs]}, default {@code both 1,4,16 25 0} (0: the whole table).
 */
public final class RibFootprint {

    private RibFootprint() {
    }

    public static void main(String[] args) throws Exception {
        String scope = args.length > 0 ? args[0] : "both";
        String counts = args.length > 1 ? args[1] : "1,4,16";
        int lines = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        int messages = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        FullTable table = FullTable.load(messages);
        System.out.printf("full table: %d UPDATEs, %d NLRI, %d octets%n", table.messages().size(),
                table.nlriCount(), table.octetCount());
        for (String c : counts.split(",")) {
            int n = Integer.parseInt(c.trim());
            if (scope.equals("both") || scope.equals("locrib")) {
                measure("locrib", n, table, lines);
            }
            if (scope.equals("both") || scope.equals("rib")) {
                measure("rib", n, table, lines);
            }
        }
    }

    private static void measure(String scope, int neighbors, FullTable table, int lines) throws Exception {
        long before = usedAfterGc();
        long start = System.nanoTime();
        Object[] holder = new Object[1];
        long paths = scope.equals("rib") ? buildRib(neighbors, table, holder) : buildLocRib(neighbors, table, holder);
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = usedAfterGc();
        long retained = after - before;
        System.out.printf("%n== %s, %d neighbor(s): %d paths built in %.1f s (%.0f paths/s)%n", scope, neighbors,
                paths, seconds, paths / seconds);
        System.out.printf("retained %,d bytes = %.1f bytes per path (used heap %,d -> %,d)%n", retained,
                (double) retained / paths, before, after);
        System.out.println(histogram(lines));
        Reference.reachabilityFence(holder[0]);
        holder[0] = null;
    }

    private static long buildRib(int neighbors, FullTable table, Object[] holder) {
        RibFeed feed = new RibFeed(new SyntheticNeighbors(neighbors), new AttributeInterner());
        holder[0] = feed;
        return feed.feed(table, true);
    }

    private static long buildLocRib(int neighbors, FullTable table, Object[] holder) {
        AttributeInterner interner = new AttributeInterner();
        FullTable.Routes routes = table.routes(interner);
        SyntheticNeighbors nb = new SyntheticNeighbors(neighbors);
        AttributeSet[][] views = nb.views(routes.sets(), false, interner);
        LocRib locRib = new LocRib(new DecisionProcess(DecisionOptions.DEFAULT, SyntheticNeighbors.LOCAL_AS,
                SyntheticNeighbors.LOCAL_ID));
        holder[0] = locRib;
        long paths = 0;
        for (int i = 0; i < neighbors; i++) {
            for (int p = 0; p < routes.size(); p++) {
                locRib.update(routes.prefixes()[p], new Route(nb.source(i), Nlri.NO_PATH_ID,
                        views[i][routes.setOf()[p]], 0, Eligibility.ELIGIBLE, 0));
                paths++;
            }
        }
        return paths;
    }

    /** Used heap after the collector has had several chances to free everything unreachable. */
    static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            System.gc();
            Thread.sleep(100); // lets reference processing (the weak interner's entries) finish
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** The first {@code lines} lines of the live-object class histogram (it runs a full GC). */
    static String histogram(int lines) throws Exception {
        String h = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        List<String> out = new ArrayList<>();
        for (String line : h.split("\n")) {
            if (out.size() >= lines + 2) {
                break;
            }
            out.add(line);
        }
        String[] all = h.split("\n");
        out.add(all[all.length - 1]); // the total
        return String.join("\n", out);
    }
}
