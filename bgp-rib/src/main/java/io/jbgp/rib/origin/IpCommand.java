package io.jbgp.rib.origin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How to run iproute2's {@code ip}, optionally inside a named network namespace
 * ({@code ip -n NS ...}), with a bounded wait. Shared by the Linux route source and the kernel
 * FIB sink; one-shot commands only (the sink keeps its own long-lived {@code ip -batch -}).
 *
 * @param executable the {@code ip} binary, usually "ip"
 * @param namespace  the network namespace name; empty for the caller's own
 * @param timeout    how long one command may take before it is killed
 */
public record IpCommand(String executable, Optional<String> namespace, Duration timeout) {

    /**
     * Rejects null parts and namespace names that are empty or not plain (they go on a command
     * line).
     *
     * @param executable the {@code ip} binary, usually "ip"
     * @param namespace the network namespace name; empty for the caller's own
     * @param timeout how long one command may take before it is killed
     */
    public IpCommand {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(timeout, "timeout");
        namespace.ifPresent(ns -> {
            if (ns.isEmpty() || !ns.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("bad namespace name: " + ns);
            }
        });
    }

    /**
     * {@code ip} in the caller's namespace, 10 s per command.
     *
     * @return the command
     */
    public static IpCommand host() {
        return new IpCommand("ip", Optional.empty(), Duration.ofSeconds(10));
    }

    /**
     * {@code ip -n NS}, 10 s per command.
     *
     * @param namespace the name of an existing network namespace
     * @return the command
     */
    public static IpCommand inNamespace(String namespace) {
        return new IpCommand("ip", Optional.of(namespace), Duration.ofSeconds(10));
    }

    /**
     * The argument vector: {@code ip [-n NS] args...}.
     *
     * @param args the {@code ip} arguments
     * @return a new list, ready for {@link ProcessBuilder}
     */
    public List<String> argv(String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(executable);
        namespace.ifPresent(ns -> {
            argv.add("-n");
            argv.add(ns);
        });
        argv.addAll(List.of(args));
        return argv;
    }

    /**
     * Runs {@code ip [-n NS] args...} and returns its standard output; throws
     * {@link UncheckedIOException} when it fails, exits non-zero or times out (then it is killed).
     *
     * @param args the {@code ip} arguments
     * @return the standard output
     */
    public String run(String... args) {
        List<String> argv = argv(args);
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", argv), e);
        }
        try {
            p.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(p.getErrorStream(), err), "ip-stderr");
            errReader.setDaemon(true);
            errReader.start();
            // stdout is read on a helper too, so a wedged process cannot hang us past the timeout
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread outReader = new Thread(() -> copy(p.getInputStream(), out), "ip-stdout");
            outReader.setDaemon(true);
            outReader.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new UncheckedIOException(new IOException("timed out after " + timeout + ": "
                        + String.join(" ", argv)));
            }
            outReader.join(timeout.toMillis());
            errReader.join(timeout.toMillis());
            if (p.exitValue() != 0) {
                throw new UncheckedIOException(new IOException(String.join(" ", argv) + " exited "
                        + p.exitValue() + ": " + err.toString(StandardCharsets.UTF_8).trim()));
            }
            synchronized (out) {
                return out.toString(StandardCharsets.UTF_8);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted: " + String.join(" ", argv)));
        } catch (IOException e) {
            p.destroyForcibly();
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (out) {
                    out.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            // the process went away; what was read so far is the output
        }
    }
}
