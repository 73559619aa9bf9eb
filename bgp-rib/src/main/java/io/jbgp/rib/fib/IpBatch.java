package io.jbgp.rib.fib;

import io.jbgp.rib.origin.IpCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived {@code ip [-n NS] -force -batch -} process, and the bookkeeping that maps its
 * answers back to the lines we wrote.
 *
 * <p>Standard output and error are one pipe, so answers arrive in command order.
 * {@code -force} keeps the batch going after a failing line and prints
 * {@code Command failed -:N}, N counting the lines of standard input from 1. A barrier
 * ({@code link show dev lo}, whose one-line header we recognise) proves that every line before it
 * was processed; those that did not fail succeeded. Each written line may carry a tag, handed
 * back in {@link Events#confirmed} or {@link Events#failed}.
 *
 * <p>Threading: writers call {@link #write}/{@link #flush}/{@link #sync} (the caller serialises
 * them); one daemon thread reads the answers and calls {@link Events}, never while holding this
 * object's monitor, so a listener may take its own locks. The monitor is never held during I/O.
 */
final class IpBatch {
    private static final Logger log = LoggerFactory.getLogger(IpBatch.class);
    private static final Pattern FAILED_LINE = Pattern.compile("^Command failed -:(\\d+)\\s*$");
    private static final Pattern BARRIER_OUTPUT = Pattern.compile("^\\d+: lo: .*");
    private static final String BARRIER = "link show dev lo";

    /** What the reader thread reports. */
    interface Events {
        /** These tagged lines succeeded (a barrier after them was answered). */
        void confirmed(List<Object> tags);

        /** This tagged line failed with {@code error} (the line {@code ip} printed before). */
        void failed(Object tag, String error);

        /** The process ended (exit code, or -1 if unknown); nothing more will be answered. */
        void exited(IpBatch batch, int exitCode);
    }

    private final Process process;
    private final Writer stdin;
    private final Events events;
    private final Object lock = new Object();
    private final TreeMap<Long, Object> tags = new TreeMap<>();
    private final ArrayDeque<Long> barriers = new ArrayDeque<>();
    private long lines;
    private long barriersAnswered;
    private boolean dead;
    private String lastError = "";

    private IpBatch(Process process, Events events) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        this.events = events;
    }

    /** Starts the process and its reader thread. */
    static IpBatch start(IpCommand ip, Events events) {
        List<String> argv = ip.argv("-force", "-batch", "-");
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("IpBatch: cannot start " + String.join(" ", argv), e);
        }
        IpBatch b = new IpBatch(p, Objects.requireNonNull(events, "events"));
        Thread t = new Thread(b::readLoop, "fib-ip-" + p.pid());
        t.setDaemon(true);
        t.start();
        log.debug("fib: started {} (pid {})", String.join(" ", argv), p.pid());
        return b;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Writes one line, registered under {@code tag} (may be null) before it is written, since its
     * answer may come back before this returns. Not flushed. False when the process is gone.
     */
    boolean write(String text, Object tag) {
        synchronized (lock) {
            if (dead) {
                return false;
            }
            lines++;
            if (tag != null) {
                tags.put(lines, tag);
            }
        }
        try {
            stdin.write(text + "\n"); // one call: a line is never split by another writer
            return true;
        } catch (IOException e) {
            // the reader sees the end of the process and reports it
            log.debug("fib: write to ip failed: {}", e.getMessage());
            return false;
        }
    }

    /** Writes a barrier and flushes; returns the number of answered barriers that means "done". */
    long barrier() {
        long target;
        synchronized (lock) {
            if (dead) {
                return -1;
            }
            lines++;
            barriers.addLast(lines);
            target = barriersAnswered + barriers.size();
        }
        try {
            stdin.write(BARRIER + "\n");
            stdin.flush();
        } catch (IOException e) {
            log.debug("fib: write to ip failed: {}", e.getMessage());
        }
        return target;
    }

    void flush() {
        try {
            stdin.flush();
        } catch (IOException e) {
            log.debug("fib: flush to ip failed: {}", e.getMessage());
        }
    }

    /** Writes a barrier and waits until it is answered: true when every earlier line was processed. */
    boolean sync(Duration timeout) {
        return await(barrier(), timeout);
    }

    /** Waits until {@code target} barriers (a value from {@link #barrier}) were answered. */
    boolean await(long target, Duration timeout) {
        if (target < 0) {
            return false;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (barriersAnswered < target && !dead) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return barriersAnswered >= target;
        }
    }

    /** Ends the process: closes its input, waits (bounded), then kills it. */
    void close(Duration timeout) {
        synchronized (lock) {
            dead = true;
        }
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void readLoop() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                onOutput(line);
            }
        } catch (IOException e) {
            log.debug("fib: reading ip output: {}", e.getMessage());
        }
        synchronized (lock) {
            dead = true;
            lock.notifyAll();
        }
        events.exited(this, exitCode());
    }

    private void onOutput(String line) {
        log.trace("fib: ip said: {}", line);
        List<Object> confirmed = null;
        Object failedTag = null;
        String error = null;
        synchronized (lock) {
            Matcher m = FAILED_LINE.matcher(line);
            if (BARRIER_OUTPUT.matcher(line).matches()) {
                Long b = barriers.pollFirst();
                if (b != null) {
                    // every tagged line before the barrier that did not fail succeeded
                    Map<Long, Object> done = tags.headMap(b);
                    confirmed = new ArrayList<>(done.values());
                    done.clear();
                    barriersAnswered++;
                    lock.notifyAll();
                }
            } else if (m.matches()) {
                failedTag = tags.remove(Long.parseLong(m.group(1)));
                error = lastError;
            } else if (!line.startsWith(" ")) {
                lastError = line.trim();
            }
        }
        if (confirmed != null && !confirmed.isEmpty()) {
            events.confirmed(confirmed);
        }
        if (failedTag != null) {
            events.failed(failedTag, error);
        }
    }

    private int exitCode() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
