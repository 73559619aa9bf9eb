package io.jbgp.examples.interop;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real routing daemon run by a test: its own temporary directory, its own loopback address, and
 * a process we started and stop by PID (never by name). {@link #close()} is idempotent and safe in
 * {@code finally} or {@code @AfterAll} even when the start failed half-way.
 */
abstract class Daemon implements AutoCloseable {
    /** Upper bound on any command we run against the daemon (vtysh, bgpctl). */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    final Path dir;
    private Process process;

    Daemon(String name) throws IOException {
        this.dir = Files.createTempDirectory("jbgp-" + name + "-");
    }

    /** Starts the daemon in the foreground as our child, logging to {@code dir/stdout.log}. */
    final void launch(List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile());
        process = pb.start();
    }

    /** The PID of the daemon we started (its forked children exit with it). */
    final long pid() {
        return process.pid();
    }

    final boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Runs a command with a bounded wait and returns its standard output. */
    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out;
            // the status output is small; read after exit would risk a full pipe, so read now
            out = p.getInputStream().readAllBytes();
            if (!p.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    /** Polls {@code condition} every 200 ms until it holds or {@code timeout} passes. */
    static boolean await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException e) {
                // the daemon may not answer yet (socket not created): keep polling
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(200); // polling a foreign process: there is no event to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** The daemon's log so far, for assertion messages. */
    String log() {
        StringBuilder b = new StringBuilder();
        for (String name : List.of("stdout.log", "bgpd.log")) {
            File f = dir.resolve(name).toFile();
            if (f.exists()) {
                try {
                    String text = Files.readString(f.toPath(), StandardCharsets.UTF_8);
                    b.append("--- ").append(name).append('\n')
                            .append(text.length() > 6000 ? text.substring(text.length() - 6000) : text);
                } catch (IOException e) {
                    b.append("--- ").append(name).append(": ").append(e);
                }
            }
        }
        return b.toString();
    }

    /** Stops the daemon: SIGTERM by PID, then SIGKILL after 10 s; removes nothing else. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        ProcessHandle handle = process.toHandle();
        List<ProcessHandle> children = handle.descendants().toList();
        handle.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                handle.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        }
        // children of the daemon we started (OpenBGPD's engines) normally exit with it
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        process = null;
    }
}
