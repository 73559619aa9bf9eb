package io.jbgp.examples.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-up's two sites in network namespaces: site A runs our bgpd (the shaded jar, kernel
 * FIB) with {@code examples/conf/site-a.conf} as shipped, site B FRR with zebra; a veth pair
 * stands in for the IPsec VTI transit (172.19.0.1/30 and 172.19.0.2/30). Each site has a LAN
 * (10.1.0.1/24, 10.2.0.1/24) and a WAN with the default route (10.91.0.2/24, 10.92.0.2/24), veth
 * pairs kept inside the namespaces. Checks: after convergence a ping from A's LAN address
 * reaches B's; neither WAN subnet reaches the other side (our WAN-leak guard; for FRR the
 * route-map on redistribute connected the write-up lacks); {@code bgpctl show fib} in A equals
 * {@code ip route show proto bgp} there; a LAN going down at either site is withdrawn from the
 * other's table and kernel; SIGTERM takes our kernel routes out. Namespaces and daemons are
 * removed in finally blocks; their names are unique per run.
 */
class TwoSitesNamespacesIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();

    private static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", cmd));
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("failed (" + p.exitValue() + "): " + String.join(" ", cmd) + "\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String in(String ns, String... cmd) {
        String[] full = new String[cmd.length + 4];
        full[0] = "ip";
        full[1] = "netns";
        full[2] = "exec";
        full[3] = ns;
        System.arraycopy(cmd, 0, full, 4, cmd.length);
        return run(full);
    }

    private Process start(Path log, String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        return p;
    }

    private static boolean await(BooleanSupplier c) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            try {
                if (c.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException e) {
                // a daemon not answering yet
            }
            try {
                Thread.sleep(250); // foreign processes and the kernel: nothing to inject time into
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static String read(Path p) {
        try {
            String s = Files.readString(p);
            return s.length() > 8000 ? s.substring(s.length() - 8000) : s;
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void site(String ns, String lan, String wan, String gw) {
        run("ip", "netns", "add", ns);
        namespaces.add(ns);
        in(ns, "ip", "link", "set", "lo", "up");
        // LAN and WAN: veth pairs whose far ends stay inside the namespace (no dummy module here)
        for (String[] i : new String[][] {{"lan0", lan}, {"wan0", wan}}) {
            in(ns, "ip", "link", "add", i[0], "type", "veth", "peer", "name", i[0] + "p");
            in(ns, "ip", "addr", "add", i[1], "dev", i[0]);
            in(ns, "ip", "link", "set", i[0] + "p", "up");
            in(ns, "ip", "link", "set", i[0], "up");
        }
        in(ns, "ip", "route", "add", "default", "via", gw, "dev", "wan0");
    }

    @Test
    void ourBgpdAndFrrConnectTheTwoSitesLans() throws Exception {
        File[] jars = new File("target").listFiles((d, n) -> n.startsWith("examples-") && n.endsWith("-all.jar"));
        assumeTrue(jars != null && jars.length == 1, "the shaded jar is built in the package phase");
        assumeTrue(new File("/usr/lib/frr/zebra").canExecute(), "FRR is not installed (see PEERS.md)");
        assumeTrue(ProcessHandle.current().info().user().map("root"::equals).orElse(false), "needs root (ip netns)");
        assumeTrue(new File("/usr/bin/ping").canExecute() || new File("/bin/ping").canExecute(),
                "ping is not installed (apt-get install iputils-ping)");
        String tag = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 34), 36);
        String a = "jbgp-a-" + tag;
        String b = "jbgp-b-" + tag;
        try {
            site(a, "10.1.0.1/24", "10.91.0.2/24", "10.91.0.1");
            site(b, "10.2.0.1/24", "10.92.0.2/24", "10.92.0.1");
            // the VTI transit: a veth pair created in A, one end moved to B
            in(a, "ip", "link", "add", "vti0", "type", "veth", "peer", "name", "vti1");
            in(a, "ip", "link", "set", "vti1", "netns", b);
            in(a, "ip", "addr", "add", "172.19.0.1/30", "dev", "vti0");
            in(a, "ip", "link", "set", "vti0", "up");
            in(b, "ip", "addr", "add", "172.19.0.2/30", "dev", "vti1");
            in(b, "ip", "link", "set", "vti1", "up");
            in(a, "ping", "-c", "1", "-W", "2", "172.19.0.2");

            // site B: FRR with zebra; the route-map keeps the WAN subnet out, as the guard does for A
            Path frr = Files.createDirectories(dir.resolve("frr"));
            Files.writeString(frr.resolve("zebra.conf"), "hostname site-b\n");
            Files.writeString(frr.resolve("bgpd.conf"), String.join("\n",
                    "frr defaults traditional", "hostname site-b", "log file " + frr.resolve("bgpd.log") + " informational",
                    "route-map NO-WAN deny 10", " match interface wan0", "exit",
                    "route-map NO-WAN permit 20", "exit",
                    "router bgp 65502", " bgp router-id 10.2.0.1", " no bgp ebgp-requires-policy",
                    " neighbor 172.19.0.1 remote-as 65501", " neighbor 172.19.0.1 description SiteA",
                    " neighbor 172.19.0.1 update-source 172.19.0.2", " neighbor 172.19.0.1 timers connect 2",
                    " address-family ipv4 unicast", "  redistribute connected route-map NO-WAN",
                    "  neighbor 172.19.0.1 activate", " exit-address-family", "exit", ""));
            String z = frr.resolve("zserv.api").toString();
            // zebra has no -S: it stays root with -u root (-g frrvty satisfies its vty group check)
            Process zebra = start(frr.resolve("zebra.out"), "ip", "netns", "exec", b, "/usr/lib/frr/zebra",
                    "-f", frr.resolve("zebra.conf").toString(), "-i", frr.resolve("zebra.pid").toString(),
                    "-z", z, "--vty_socket", frr.toString(), "-u", "root", "-g", "frrvty", "-P", "0");
            assertTrue(await(() -> Files.exists(Path.of(z)) || !zebra.isAlive()) && zebra.isAlive(),
                    () -> read(frr.resolve("zebra.out")));
            start(frr.resolve("bgpd.out"), "ip", "netns", "exec", b, "/usr/lib/frr/bgpd",
                    "-f", frr.resolve("bgpd.conf").toString(), "-i", frr.resolve("bgpd.pid").toString(),
                    "-z", z, "--vty_socket", frr.toString(), "-S", "-P", "0", "-l", "172.19.0.2");

            // site A: our bgpd from the jar running the write-up's own file, examples/conf/site-a.conf,
            // unchanged (172.19.0.1 towards 172.19.0.2, network inet connected|static, allow
            // only site B); kernel FIB inside the namespace
            Path conf = Path.of("conf/site-a.conf").toAbsolutePath();
            assertTrue(Files.exists(conf), conf::toString);
            Path sock = dir.resolve("bgpd.sock");
            Path log = dir.resolve("bgpd.log");
            Process ours = start(log, "ip", "netns", "exec", a, "java", "-jar", jars[0].getPath(), "bgpd", "-d",
                    "-f", conf.toString(), "-s", sock.toString());
            String ctl = "bin/bgpctl";

            BooleanSupplier converged = () -> in(a, "ip", "route", "show", "proto", "bgp").contains("10.2.0.0/24")
                    && in(b, "ip", "route", "show", "proto", "bgp").contains("10.1.0.0/24");
            assertTrue(await(converged), () -> "not converged\nours:\n" + read(log) + "\nfrr:\n"
                    + read(frr.resolve("bgpd.log")));
            assertTrue(await(() -> {
                try {
                    in(a, "ping", "-c", "1", "-W", "1", "-I", "10.1.0.1", "10.2.0.1");
                    return true;
                } catch (IllegalStateException e) {
                    return false;
                }
            }), "LAN to LAN ping failed");

            // no WAN subnet crosses: not in B's BGP table nor kernel, not in ours
            String frrTable = run("vtysh", "--vty_socket", frr.toString(), "-c", "show bgp ipv4 unicast json");
            assertTrue(frrTable.contains("10.1.0.0/24"), frrTable);
            assertFalse(frrTable.contains("10.91.0.0"), frrTable);
            assertFalse(frrTable.contains("10.92.0.0"), frrTable);
            String ourRib = in(a, ctl, "-s", sock.toString(), "-j", "show", "rib");
            assertTrue(ourRib.contains("\"prefix\":\"10.2.0.0/24\""), ourRib);
            assertFalse(ourRib.contains("10.92.0.0"), ourRib);
            assertFalse(in(b, "ip", "route").contains("10.91.0.0"));
            String networks = in(a, ctl, "-s", sock.toString(), "show", "network");
            assertTrue(Pattern.compile("10.91.0.0/24\\s+no\\s+network inet connected\\s+subnet of the uplink")
                    .matcher(networks).find(), networks);

            // bgpctl show fib equals the kernel's proto bgp routes
            String fibJson = in(a, ctl, "-s", sock.toString(), "-j", "show", "fib");
            Map<String, String> fib = new TreeMap<>();
            Matcher m = Pattern.compile("\"prefix\":\"([^\"]+)\",\"nexthop\":\"([^\"]+)\"").matcher(fibJson);
            while (m.find()) {
                fib.put(m.group(1), m.group(2));
            }
            Map<String, String> kernel = new TreeMap<>();
            for (String line : in(a, "ip", "route", "show", "proto", "bgp").split("\n")) {
                String[] w = line.trim().split("\\s+");
                if (w.length >= 3 && w[1].equals("via")) {
                    kernel.put(w[0].contains("/") ? w[0] : w[0] + "/32", w[2]);
                }
            }
            assertFalse(fib.isEmpty(), fibJson);
            assertEquals(kernel, fib, () -> fibJson + "\n" + in(a, "ip", "route"));
            System.out.println("site A: bgpctl show fib == ip route show proto bgp: " + fib);

            // withdrawals through the kernel: a LAN going down at either site leaves the other's
            // BGP table and kernel (ip monitor -> redistributor -> UPDATE -> zebra / our FIB sink)
            in(a, "ip", "link", "set", "lan0", "down");
            assertTrue(await(() -> !in(b, "ip", "route", "show", "proto", "bgp").contains("10.1.0.0/24")),
                    () -> in(b, "ip", "route") + "\n" + read(log));
            in(b, "ip", "link", "set", "lan0", "down");
            assertTrue(await(() -> !in(a, "ip", "route", "show", "proto", "bgp").contains("10.2.0.0/24")),
                    () -> in(a, "ip", "route") + "\n" + read(log));
            assertFalse(in(a, ctl, "-s", sock.toString(), "-j", "show", "fib").contains("10.2.0.0/24"));
            assertFalse(in(a, ctl, "-s", sock.toString(), "-j", "show", "rib").contains("10.2.0.0/24"));
            in(a, "ip", "link", "set", "lan0", "up");
            assertTrue(await(() -> in(b, "ip", "route", "show", "proto", "bgp").contains("10.1.0.0/24")),
                    () -> in(b, "ip", "route") + "\n" + read(log));

            // SIGTERM: our kernel routes go, the process exits
            ours.destroy();
            assertTrue(ours.waitFor(30, TimeUnit.SECONDS), () -> read(log));
            assertEquals("", in(a, "ip", "route", "show", "proto", "bgp").trim(), () -> read(log));
        } finally {
            for (Process p : processes) {
                p.destroy();
            }
            for (Process p : processes) {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            }
            for (String ns : namespaces) {
                try {
                    run("ip", "netns", "del", ns);
                } catch (IllegalStateException e) {
                    System.err.println("cleanup: " + e.getMessage());
                }
            }
        }
    }
}
