package io.jbgp.examples.demo;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.examples.bgpd.Bgpd;
import io.jbgp.examples.config.BgpdConfigParser;
import io.jbgp.examples.config.ConfigException;
import io.jbgp.examples.ctl.BgpctlText;
import io.jbgp.examples.ctl.NeighborView;
import io.jbgp.examples.ctl.RibQuery;
import io.jbgp.rib.fib.InMemoryFibSink;
import io.jbgp.rib.origin.InMemorySystemRouteSource;
import java.io.PrintStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The peer demo, the README's main command: the write-up's two sites (AS 65501 and AS 65502)
 * as two daemons in one process on loopback, each announcing its own LAN, with in-memory host
 * routes and in-memory forwarding tables (no root, nothing installed). It waits (bounded) until
 * each site forwards to the other's LAN, prints what pfSense's OpenBGPD status page shows for
 * each site (Status, Routing table, Forwarding table) plus what the network statements held
 * back, and exits 0; or exits 1 and says what did not converge.
 *
 * <pre>
 * demo [--prefix 127.0.65] [--port 17179] [--timeout 60]
 * </pre>
 */
public final class Demo {
    private static final String USAGE = "usage: demo [--prefix 127.0.65] [--port 17179] [--timeout SECONDS]\n";

    private Demo() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The whole demo, minus {@code System.exit}: returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String net = "127.0.65";
        int port = 17179;
        int timeout = 60;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--prefix" -> net = args[++i];
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--timeout" -> timeout = Integer.parseInt(args[++i]);
                    default -> {
                        err.print("demo: unknown argument " + args[i] + "\n" + USAGE);
                        return 2;
                    }
                }
            }
        } catch (RuntimeException e) {
            err.print("demo: bad arguments: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        InetAddress addrA = IpPrefix.parseAddress(net + ".1");
        InetAddress addrB = IpPrefix.parseAddress(net + ".2");
        if (!addrA.isLoopbackAddress()) {
            err.print("demo: --prefix must be inside 127.0.0.0/8\n");
            return 2;
        }
        DemoSite a = DemoSite.siteA();
        DemoSite b = DemoSite.siteB();
        List<Bgpd> daemons = new ArrayList<>();
        try {
            out.println("jbgp peer demo: site A (AS " + a.asn() + ") at " + addrA.getHostAddress() + ", site B (AS "
                    + b.asn() + ") at " + addrB.getHostAddress() + ", port " + port);
            Bgpd da = start(a, addrA, addrB, port, b);
            daemons.add(da);
            Bgpd db = start(b, addrB, addrA, port, a);
            daemons.add(db);
            boolean converged = awaitConverged(da, db, a, b, Duration.ofSeconds(timeout));
            print(out, a, da);
            print(out, b, db);
            if (!converged) {
                err.println("demo: the sites did not converge within " + timeout + " s (see the tables above)");
                return 1;
            }
            out.println("converged: each site forwards to the other's LANs over the BGP session.");
            return 0;
        } catch (ConfigException | RuntimeException e) {
            err.println("demo: " + e.getMessage());
            return 1;
        } finally {
            daemons.forEach(Bgpd::close);
        }
    }

    private static Bgpd start(DemoSite site, InetAddress self, InetAddress peer, int port, DemoSite other)
            throws ConfigException {
        String text = site.bgpdConf(self, peer, port, other);
        Bgpd.Options o = Bgpd.Options.defaults()
                .withSystemRoutes(new InMemorySystemRouteSource(site.systemRoutes()))
                .withFibSink(new InMemoryFibSink())
                .withLocalV6((Inet6Address) site.transit6())
                .withIdleHold(Duration.ofSeconds(1));
        return Bgpd.start(BgpdConfigParser.parse("site-" + site.name().toLowerCase() + ".conf", text), o);
    }

    /** Both sessions established and each forwarding table holds the other site's three prefixes. */
    static boolean awaitConverged(Bgpd da, Bgpd db, DemoSite a, DemoSite b, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (converged(da, b) && converged(db, a)) {
                return true;
            }
            try {
                Thread.sleep(100); // two daemons' sessions: there is no single event to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static boolean converged(Bgpd d, DemoSite remote) {
        List<NeighborView> n = d.neighbors();
        if (n.isEmpty() || n.stream().anyMatch(v -> v.state() != io.jbgp.core.fsm.SessionState.ESTABLISHED)) {
            return false;
        }
        Set<IpPrefix> fib = d.snapshot().forwarding().keySet();
        return fib.contains(remote.lan()) && fib.contains(remote.behindLan()) && fib.contains(remote.lan6());
    }

    private static void print(PrintStream out, DemoSite site, Bgpd d) {
        out.println();
        out.println("=== Site " + site.name() + " (AS " + site.asn() + ", router-id " + site.routerId() + ") ===");
        out.println("--- Status");
        out.print(BgpctlText.summary(d.neighbors()));
        out.println("--- Routing table (every path; * valid, > selected)");
        out.print(BgpctlText.rib(d.rib(RibQuery.ALL)));
        out.println("--- Forwarding table (best paths, next hop resolved)");
        out.print(BgpctlText.fib(d.fib(java.util.Optional.empty())));
        out.println("--- Network statements (announced, or held back and why)");
        out.print(BgpctlText.networks(d.networks()));
    }
}
