package io.jbgp.examples.bgpd;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.examples.demo.DemoSite;
import io.jbgp.rib.fib.InMemoryFibSink;
import io.jbgp.rib.origin.InMemorySystemRouteSource;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The demo's two sites as two {@link Bgpd}s started from bgpd.conf files in a test directory,
 * on {@code NET.1} and {@code NET.2}, with in-memory host routes and forwarding tables.
 */
final class TwoSites implements AutoCloseable {
    final DemoSite a = DemoSite.siteA();
    final DemoSite b = DemoSite.siteB();
    final InetAddress addrA;
    final InetAddress addrB;
    final Path confA;
    final Path confB;
    final InMemoryFibSink fibA = new InMemoryFibSink();
    final InMemoryFibSink fibB = new InMemoryFibSink();
    final Bgpd bgpdA;
    final Bgpd bgpdB;

    TwoSites(Path dir, String net, int port) throws Exception {
        addrA = IpPrefix.parseAddress(net + ".1");
        addrB = IpPrefix.parseAddress(net + ".2");
        confA = dir.resolve("site-a.conf");
        confB = dir.resolve("site-b.conf");
        Files.writeString(confA, a.bgpdConf(addrA, addrB, port, b));
        Files.writeString(confB, b.bgpdConf(addrB, addrA, port, a));
        bgpdA = Bgpd.start(confA, options(a, fibA));
        Bgpd started = null;
        try {
            started = Bgpd.start(confB, options(b, fibB));
        } finally {
            if (started == null) {
                bgpdA.close();
            }
        }
        bgpdB = started;
    }

    private static Bgpd.Options options(DemoSite s, InMemoryFibSink fib) {
        return Bgpd.Options.defaults().withSystemRoutes(new InMemorySystemRouteSource(s.systemRoutes()))
                .withFibSink(fib).withLocalV6((Inet6Address) s.transit6()).withIdleHold(Duration.ofSeconds(1));
    }

    /** Each site forwards to the other's three prefixes. */
    boolean converged() {
        return fibA.snapshot().keySet().containsAll(java.util.List.of(b.lan(), b.behindLan(), b.lan6()))
                && fibB.snapshot().keySet().containsAll(java.util.List.of(a.lan(), a.behindLan(), a.lan6()));
    }

    /** Polls every 50 ms for up to {@code seconds}. */
    static boolean await(int seconds, BooleanSupplier c) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (c.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50); // real sessions over loopback: nothing to inject time into
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return c.getAsBoolean();
    }

    @Override
    public void close() throws IOException {
        try {
            bgpdA.close();
        } finally {
            bgpdB.close();
        }
    }
}
