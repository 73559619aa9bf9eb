package io.jbgp.benchmarks.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time per thread group of a process, from {@code /proc/PID/task/TID/stat}: where a target's
 * CPU went during a run (for a JVM: the RIB thread, the event loop, GC and JIT compiler threads).
 * Threads are grouped by name without digits ("GC Thread#0" and "GC Thread#1" are "GC Thread#").
 */
final class ThreadTimes {
    private ThreadTimes() {
    }

    /** {@return CPU ticks per thread group of the process now (empty when it is gone)} */
    static Map<String, Long> of(long pid) {
        Map<String, Long> out = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
                    long ticks = Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]);
                    out.merge(name.replaceAll("[0-9]+", ""), ticks, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // a thread that ended while we looked
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }

    /** {@return the groups that used CPU between two readings, most first, in seconds} */
    static Map<String, Double> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Double> d = new LinkedHashMap<>();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> d.put(e.getKey(), e.getValue() / (double) ProcessSample.TICKS_PER_SECOND));
        return d;
    }
}
