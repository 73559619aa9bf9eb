package io.jbgp.examples.bgpd;

import io.jbgp.examples.config.BgpdConfig;
import io.jbgp.examples.config.BgpdConfigParser;
import io.jbgp.examples.config.ConfigException;
import io.jbgp.examples.ctl.Bgpctl;
import io.jbgp.rib.fib.FibSink;
import io.jbgp.rib.fib.InMemoryFibSink;
import io.jbgp.rib.origin.LinuxSystemRouteSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bgpd -f FILE [-s SOCKET] [-F kernel|memory|none] [-n] [-d]}, after OpenBGPD's bgpd(8).
 *
 * <ul>
 *   <li>{@code -n}: only check the file; exit 0, or print {@code FILE:LINE: message} and exit 1.</li>
 *   <li>{@code -s}: the control socket for bgpctl (mode 0600); default the file's
 *       {@code socket "..."}, else {@code /run/jbgp/bgpd.sock}.</li>
 *   <li>{@code -d}: log at info level to stderr (the process always stays in the foreground; the
 *       {@code bin/bgpd} launcher puts it in the background without {@code -d}).</li>
 *   <li>{@code -F}: where the forwarding table goes. {@code kernel} (the default): with
 *       {@code fib-update yes}, the kernel table of the namespace bgpd runs in. {@code memory}: kept
 *       in the process ({@code InMemoryFibSink}) and {@code fib-update} forced on, so the whole
 *       forwarding path runs without touching any kernel table (benchmarks, tests; a file saying
 *       {@code fib-update no} then makes {@code reload} refuse, as for any fib-update change).
 *       {@code none}: computed as the file says and dropped ({@code FibSink.NONE}). Neither
 *       {@code memory} nor {@code none} ever writes a kernel route.</li>
 * </ul>
 *
 * <p>The host's routes come from the kernel ({@code ip route}/{@code ip monitor}) and, with
 * {@code fib-update yes}, the forwarding table goes to the kernel with protocol {@code bgp}: run
 * it inside a network namespace ({@code ip netns exec NAME ...}) to keep it there. SIGTERM (and
 * SIGINT) stop it cleanly through a shutdown hook: CEASE with a shutdown communication to every
 * neighbor, our kernel routes removed, the socket file deleted.
 */
public final class BgpdMain {
    private static final String USAGE = "usage: bgpd [-dn] -f file [-s socket] [-F kernel|memory|none]\n";

    /** Where the forwarding table goes ({@code -F}). */
    enum FibChoice {
        /** The kernel table, when the file says {@code fib-update yes} (the library's default). */
        KERNEL,
        /** An {@link InMemoryFibSink}, with fib updates forced on. */
        MEMORY,
        /** {@link FibSink#NONE}: nothing leaves the process. */
        NONE
    }

    private BgpdMain() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** slf4j-simple reads its level once, at the first logger: set it before anything logs. */
    static void configureLogging(boolean debug) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    }

    /**
     * Runs the daemon until SIGTERM; returns only for {@code -n}, usage and start-up errors
     * (status 0 for a good {@code -n} check).
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        Path socket = null;
        boolean check = false;
        boolean debug = false;
        FibChoice fib = FibChoice.KERNEL;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-f" -> {
                    if (++i >= args.length) {
                        err.print("bgpd: option -f needs a file\n" + USAGE);
                        return 2;
                    }
                    file = Path.of(args[i]);
                }
                case "-s" -> {
                    if (++i >= args.length) {
                        err.print("bgpd: option -s needs a socket path\n" + USAGE);
                        return 2;
                    }
                    socket = Path.of(args[i]);
                }
                case "-F" -> {
                    if (++i >= args.length) {
                        err.print("bgpd: option -F needs kernel, memory or none\n" + USAGE);
                        return 2;
                    }
                    switch (args[i]) {
                        case "kernel" -> fib = FibChoice.KERNEL;
                        case "memory" -> fib = FibChoice.MEMORY;
                        case "none" -> fib = FibChoice.NONE;
                        default -> {
                            err.print("bgpd: option -F: unknown forwarding table sink " + args[i]
                                    + " (kernel, memory or none)\n" + USAGE);
                            return 2;
                        }
                    }
                }
                case "-n" -> check = true;
                case "-d" -> debug = true;
                case "-dn", "-nd" -> {
                    check = true;
                    debug = true;
                }
                default -> {
                    err.print("bgpd: unknown argument " + args[i] + "\n" + USAGE);
                    return 2;
                }
            }
        }
        if (file == null) {
            err.print("bgpd: no configuration file (-f)\n" + USAGE);
            return 2;
        }
        configureLogging(debug);
        BgpdConfig parsed;
        try {
            parsed = BgpdConfigParser.parse(file);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 1;
        } catch (NoSuchFileException e) {
            err.println("bgpd: " + file + ": no such file");
            return 1;
        } catch (IOException e) {
            err.println("bgpd: " + file + ": " + e.getMessage());
            return 1;
        }
        if (check) {
            err.println("configuration OK"); // on stderr, as OpenBGPD's bgpd -n prints it
            return 0;
        }
        BgpdConfig config = fib == FibChoice.MEMORY ? withFibUpdate(parsed) : parsed;
        Path sock = Optional.ofNullable(socket).or(() -> config.controlSocket().map(Path::of))
                .orElse(Bgpctl.DEFAULT_SOCKET);
        return serve(config, file, sock, fib, err);
    }

    // -F memory: the forwarding table is computed whatever the file says, and stays in the process
    private static BgpdConfig withFibUpdate(BgpdConfig c) {
        return new BgpdConfig(c.asn(), c.routerId(), c.listen(), c.controlSocket(), c.holdTime(), c.connectRetry(),
                true, c.prefixSets(), c.networks(), c.groups(), c.neighbors(), c.filters());
    }

    /** The daemon's options for a {@code -F} choice; only {@code KERNEL} leaves the sink to Bgpd. */
    static Bgpd.Options options(Path file, FibChoice fib) {
        Bgpd.Options options = Bgpd.Options.defaults()
                .withSystemRoutes(new LinuxSystemRouteSource(LinuxSystemRouteSource.Config.defaults()))
                .withConfigFile(file);
        return switch (fib) {
            case KERNEL -> options;
            case MEMORY -> options.withFibSink(new InMemoryFibSink());
            case NONE -> options.withFibSink(FibSink.NONE);
        };
    }

    private static int serve(BgpdConfig config, Path file, Path socket, FibChoice fib, PrintStream err) {
        Bgpd.Options options = options(file, fib);
        Bgpd bgpd;
        try {
            bgpd = Bgpd.start(config, options);
        } catch (RuntimeException e) {
            err.println("bgpd: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM/SIGINT: stop cleanly, then exit 0 as OpenBGPD's bgpd does (the JVM would report
        // 128 + the signal, which service managers count as a failure). The hook is removed
        // before any error exit below, so it never turns a failure into 0.
        Thread hook = new Thread(() -> {
            bgpd.close();
            stopped.countDown();
            Runtime.getRuntime().halt(0);
        }, "bgpd-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Path dir = socket.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            bgpd.startControlSocket(socket);
        } catch (IOException | RuntimeException e) {
            err.println("bgpd: control socket " + socket + ": " + e.getMessage());
            Runtime.getRuntime().removeShutdownHook(hook);
            bgpd.close();
            return 1;
        }
        // the main thread just waits; the shutdown hook does the stopping
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
