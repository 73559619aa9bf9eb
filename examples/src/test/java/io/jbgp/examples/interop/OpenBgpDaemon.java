package io.jbgp.examples.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenBGPD {@code bgpd -d} in the foreground (PEERS.md): it drops privileges to {@code _openbgpd}
 * and chroots into {@code /run/openbgpd}, both created here when missing. Queried with {@code
 * bgpctl -s DIR/bgpd.sock -j}. Its session and route engines are children and exit with it.
 */
final class OpenBgpDaemon extends Daemon {
    static final String BGPD = "/usr/sbin/bgpd";

    /** One OpenBGPD instance with one neighbor (our speaker). */
    record Config(String address, int port, long asn, String routerId,
                  String neighbor, int neighborPort, long neighborAs, boolean passive, List<String> networks) {
        Config {
            networks = List.copyOf(networks);
        }
    }

    final Config config;

    private OpenBgpDaemon(Config config) throws IOException {
        super("openbgpd");
        this.config = config;
    }

    static boolean isInstalled() {
        return Files.isExecutable(Path.of(BGPD)) && Files.isExecutable(Path.of("/usr/sbin/bgpctl"));
    }

    /** Prepares the privilege-separation user and chroot, checks the config, starts bgpd. */
    static OpenBgpDaemon start(Config c) throws IOException {
        if (!run(List.of("id", "-u", "_openbgpd")).trim().matches("\\d+")) {
            run(List.of("useradd", "--system", "--home-dir", "/run/openbgpd", "--shell", "/usr/sbin/nologin", "_openbgpd"));
        }
        Files.createDirectories(Path.of("/run/openbgpd"));
        OpenBgpDaemon d = new OpenBgpDaemon(c);
        try {
            Path conf = d.dir.resolve("bgpd.conf");
            Files.writeString(conf, d.renderConfig());
            String check = run(List.of(BGPD, "-n", "-f", conf.toString()));
            if (!check.contains("configuration OK")) {
                throw new IllegalStateException("bad OpenBGPD config: " + check);
            }
            d.launch(List.of(BGPD, "-d", "-f", conf.toString()));
            // up = the control socket answers AND the session engine knows our neighbor: bgpctl
            // answers "no such neighbor" for a moment after start, while the parent process is
            // still handing the configuration to the session engine (seen on a fresh CI machine)
            if (!await(Duration.ofSeconds(15), () -> d.isAlive() && d.knowsNeighbor())) {
                throw new IllegalStateException("OpenBGPD did not come up\n" + d.log());
            }
            return d;
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    private String renderConfig() {
        Config c = config;
        List<String> l = new ArrayList<>();
        l.add("AS " + c.asn());
        l.add("router-id " + c.routerId());
        l.add("listen on " + c.address() + " port " + c.port());
        l.add("socket \"" + dir.resolve("bgpd.sock") + "\"");
        l.add("fib-update no");
        l.add("holdtime 90");
        l.add("connect-retry 2");
        for (String net : c.networks()) {
            l.add("network " + net);
        }
        l.add("neighbor " + c.neighbor() + " {");
        l.add("  remote-as " + c.neighborAs());
        l.add("  local-address " + c.address());
        l.add("  port " + c.neighborPort());
        l.add("  announce IPv4 unicast");
        l.add("  announce IPv6 unicast");
        l.add("  announce refresh yes");
        if (c.passive()) {
            l.add("  passive");
        }
        l.add("}");
        l.add("allow from any");
        l.add("allow to any");
        return String.join("\n", l) + "\n";
    }

    /** Runs {@code bgpctl -s SOCK -j ARGS...}. */
    String bgpctl(String... args) {
        List<String> cmd = new ArrayList<>(List.of("bgpctl", "-s", dir.resolve("bgpd.sock").toString(), "-j"));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    /** The {@code bgpctl -j show neighbor ADDR} object for our neighbor. */
    @SuppressWarnings("unchecked")
    Map<String, Object> neighbor() {
        Object root = Json.parse(bgpctl("show", "neighbor", config.neighbor()));
        Object n = Json.at(root, "neighbors", 0);
        if (!(n instanceof Map)) {
            throw new IllegalStateException("no neighbor in " + root);
        }
        return (Map<String, Object>) n;
    }

    // whether bgpctl answers and lists our neighbor; false while the daemon is still starting
    private boolean knowsNeighbor() {
        try {
            return Json.at(Json.parse(bgpctl("show", "neighbor", config.neighbor())), "neighbors", 0) instanceof Map;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    String state() {
        return String.valueOf(neighbor().get("state"));
    }

    boolean awaitState(String state, Duration timeout) {
        return await(timeout, () -> state.equals(state()));
    }
}
