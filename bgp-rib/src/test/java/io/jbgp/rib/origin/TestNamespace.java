package io.jbgp.rib.origin;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbgp.core.types.Afi;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A network namespace a test creates for itself ({@code ip netns add jbgp-t-RANDOM}) and deletes
 * on close, so kernel routes never touch the host. Tests that need one are skipped (not passed)
 * when not root or when {@code ip netns} does not work here.
 */
public final class TestNamespace implements AutoCloseable {
    private final String name;
    private final IpCommand ip;

    private TestNamespace(String name) {
        this.name = name;
        this.ip = IpCommand.inNamespace(name);
    }

    /** Creates a fresh namespace with {@code lo} up, or skips the test. */
    public static TestNamespace create() {
        assumeTrue("root".equals(System.getProperty("user.name")), "kernel route tests need root");
        String name = "jbgp-t-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFL);
        try {
            IpCommand.host().run("netns", "add", name);
        } catch (UncheckedIOException e) {
            assumeTrue(false, "ip netns is not available: " + e.getMessage());
        }
        TestNamespace ns = new TestNamespace(name);
        try {
            ns.ip("link", "set", "lo", "up");
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    public String name() {
        return name;
    }

    /** {@code ip -n NS} for the code under test. */
    public IpCommand ipCommand() {
        return ip;
    }

    /** Runs {@code ip -n NS args...}; returns stdout. */
    public String ip(String... args) {
        return ip.run(args);
    }

    /** Both families of {@code ip -j route show ARGS}. */
    public List<KernelRoute> routes(String... filter) {
        List<KernelRoute> out = new ArrayList<>();
        for (Afi afi : List.of(Afi.IPV4, Afi.IPV6)) {
            List<String> args = new ArrayList<>(List.of("-j", afi == Afi.IPV4 ? "-4" : "-6", "route", "show"));
            args.addAll(List.of(filter));
            out.addAll(KernelRoute.parse(ip(args.toArray(new String[0])), afi));
        }
        return out;
    }

    @Override
    public void close() {
        IpCommand.host().run("netns", "del", name);
    }
}
