package io.jbgp.benchmarks.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of a target JVM, through {@code jcmd}: a full GC ({@code GC.run}), then the used
 * heap ({@code GC.heap_info}). Untimed, before the session and after completion: resident memory
 * says what the process holds from the operating system (with the garbage G1 has not collected
 * yet and the heap it keeps committed), the live heap what the tables really take.
 */
final class JavaHeap {
    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final long TIMEOUT_SECONDS = 60;

    private JavaHeap() {
    }

    /** {@return the heap in use after a full GC, KiB} */
    static long liveKib(long pid) throws IOException {
        jcmd(pid, "GC.run");
        // G1 prints one "garbage-first heap total ..K, used ..K" line; Parallel and Serial one line
        // per generation (PSYoungGen, ParOldGen): the heap is their sum (Metaspace has no "total")
        Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
        long used = 0;
        boolean found = false;
        while (m.find()) {
            used += Long.parseLong(m.group(1));
            found = true;
        }
        if (!found) {
            throw new IOException("jcmd " + pid + " GC.heap_info: no used figure");
        }
        return used;
    }

    private static String jcmd(long pid, String command) throws IOException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("jcmd " + pid + " " + command + ": timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + command + " failed: " + text.trim());
        }
        return text;
    }
}
