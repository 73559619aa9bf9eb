package io.jbgp.benchmarks.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux says about a process at one moment ({@code /proc/PID/status} and {@code stat}):
 * resident memory now and at its peak, and the CPU time all its threads have used. The CPU time
 * matters on a shared machine: wall-clock seconds depend on what else runs, CPU seconds much less.
 *
 * @param rssKib   VmRSS, KiB
 * @param hwmKib   VmHWM (peak resident), KiB (summed over processes: an upper bound of the peak)
 * @param cpuTicks utime + stime of all threads, in clock ticks
 */
record ProcessSample(long rssKib, long hwmKib, long cpuTicks) {
    /** Linux's USER_HZ, what {@code /proc/PID/stat} counts in (100 on every mainstream build). */
    static final int TICKS_PER_SECOND = 100;

    /**
     * Reads the process and its descendants now (OpenBGPD forks its session and route engines;
     * FRR and the JVM are one process), summing their figures; fails when the process is gone.
     */
    static ProcessSample of(long pid) throws IOException {
        ProcessSample sum = one(pid);
        for (ProcessHandle child : ProcessHandle.of(pid).map(h -> h.descendants().toList())
                .orElse(java.util.List.of())) {
            try {
                ProcessSample c = one(child.pid());
                sum = new ProcessSample(sum.rssKib + c.rssKib, sum.hwmKib + c.hwmKib, sum.cpuTicks + c.cpuTicks);
            } catch (IOException e) {
                // a child that just exited: its memory is gone too
            }
        }
        return sum;
    }

    private static ProcessSample one(long pid) throws IOException {
        long rss = -1;
        long hwm = -1;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line);
            } else if (line.startsWith("VmHWM:")) {
                hwm = kib(line);
            }
        }
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // the command name (field 2) may hold spaces and parentheses: count fields after the last ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // after the name: state(3) ... utime is field 14 and stime 15 of the whole line
        long utime = Long.parseLong(f[14 - 3]);
        long stime = Long.parseLong(f[15 - 3]);
        return new ProcessSample(rss, hwm, utime + stime);
    }

    private static long kib(String line) {
        String[] parts = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
        return Long.parseLong(parts[0]);
    }

    /** {@return the one-minute load average of the machine, or -1} */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
