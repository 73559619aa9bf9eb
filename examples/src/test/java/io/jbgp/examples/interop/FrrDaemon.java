package io.jbgp.examples.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * FRR {@code bgpd} without zebra (PEERS.md): {@code -Z} keeps routes away from the kernel, {@code
 * -S} keeps it root, {@code -P 0} turns off the TCP vty, {@code -l}/{@code -p} bind its listener to
 * its own loopback address and port. Queried through {@code vtysh --vty_socket DIR ... json}.
 */
final class FrrDaemon extends Daemon {
    static final String BGPD = "/usr/lib/frr/bgpd";

    /** What one FRR instance looks like; one neighbor (our speaker). */
    record Config(String address, int port, long asn, String routerId,
                  String neighbor, int neighborPort, long neighborAs,
                  boolean passive, String password, List<String> networks) {
        Config {
            Objects.requireNonNull(address);
            networks = List.copyOf(networks);
        }

        Config withPassword(String pw) {
            return new Config(address, port, asn, routerId, neighbor, neighborPort, neighborAs, passive, pw, networks);
        }

        Config withPassive(boolean p) {
            return new Config(address, port, asn, routerId, neighbor, neighborPort, neighborAs, p, password, networks);
        }
    }

    final Config config;

    private FrrDaemon(Config config) throws IOException {
        super("frr");
        this.config = config;
    }

    static boolean isInstalled() {
        return Files.isExecutable(java.nio.file.Path.of(BGPD)) && Files.isExecutable(java.nio.file.Path.of("/usr/bin/vtysh"));
    }

    /** Writes the config, starts bgpd and waits (bounded) until vtysh answers. */
    static FrrDaemon start(Config c) throws IOException {
        FrrDaemon d = new FrrDaemon(c);
        try {
            Files.writeString(d.dir.resolve("bgpd.conf"), d.renderConfig());
            d.launch(List.of(BGPD, "-f", d.dir.resolve("bgpd.conf").toString(),
                    "-i", d.dir.resolve("bgpd.pid").toString(),
                    "-z", d.dir.resolve("zserv.api").toString(),
                    "--vty_socket", d.dir.toString(),
                    "-p", Integer.toString(c.port()), "-l", c.address(), "-Z", "-S", "-P", "0"));
            if (!await(Duration.ofSeconds(15), () -> d.isAlive()
                    && d.vtysh("show bgp summary json").trim().startsWith("{"))) {
                throw new IllegalStateException("FRR bgpd did not come up\n" + d.log());
            }
            return d;
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    private String renderConfig() {
        Config c = config;
        String n = c.neighbor();
        List<String> l = new ArrayList<>();
        l.add("frr defaults traditional");
        l.add("hostname jbgp-interop-frr");
        l.add("log file " + dir.resolve("bgpd.log") + " informational");
        l.add("router bgp " + c.asn());
        l.add(" bgp router-id " + c.routerId());
        l.add(" no bgp ebgp-requires-policy");
        l.add(" no bgp network import-check");
        l.add(" neighbor " + n + " remote-as " + c.neighborAs());
        l.add(" neighbor " + n + " port " + c.neighborPort());
        l.add(" neighbor " + n + " update-source " + c.address());
        l.add(" neighbor " + n + " timers connect 2");
        if (c.passive()) {
            l.add(" neighbor " + n + " passive");
        }
        if (c.password() != null) {
            l.add(" neighbor " + n + " password " + c.password());
        }
        l.add(" address-family ipv4 unicast");
        for (String net : c.networks()) {
            if (!net.contains(":")) {
                l.add("  network " + net);
            }
        }
        l.add("  neighbor " + n + " activate");
        l.add(" exit-address-family");
        l.add(" address-family ipv6 unicast");
        for (String net : c.networks()) {
            if (net.contains(":")) {
                l.add("  network " + net);
            }
        }
        l.add("  neighbor " + n + " activate");
        l.add(" exit-address-family");
        return String.join("\n", l) + "\n";
    }

    /** Runs one vtysh command against this instance. */
    String vtysh(String command) {
        return run(List.of("vtysh", "--vty_socket", dir.toString(), "-c", command));
    }

    /** {@code show bgp neighbors ADDR json}, the object for our neighbor. */
    @SuppressWarnings("unchecked")
    Map<String, Object> neighbor() {
        Object root = Json.parse(vtysh("show bgp neighbors " + config.neighbor() + " json"));
        Object n = Json.at(root, config.neighbor());
        if (!(n instanceof Map)) {
            throw new IllegalStateException("no neighbor " + config.neighbor() + " in " + root);
        }
        return (Map<String, Object>) n;
    }

    /** The neighbor's FSM state as FRR names it ("Established", "Active", ...). */
    String state() {
        return String.valueOf(neighbor().get("bgpState"));
    }

    boolean awaitState(String state, Duration timeout) {
        return await(timeout, () -> state.equals(state()));
    }
}
