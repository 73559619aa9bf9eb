package io.jbgp.examples.bgpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.examples.config.BgpdConfigParser;
import io.jbgp.netty.SpeakerEvent;
import io.jbgp.rib.fib.InMemoryFibSink;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built daemon as a process: {@code bin/bgpd -d -f FILE -s SOCKET} from the shaded jar,
 * queried with {@code bin/bgpctl}, peering with an in-process site; SIGTERM ends the session with
 * CEASE and the shutdown communication, the process exits and removes its socket.
 * {@code fib-update no}: nothing reaches the host's kernel.
 */
class BgpdProcessIT {
    private static final String OURS = "127.0.72.1";
    private static final String PEER = "127.0.72.2";
    private static final int PORT = 17572;

    @TempDir
    Path dir;

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "timed out: " + cmd);
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void daemonProcessServesBgpctlAndStopsCleanlyOnSigterm() throws Exception {
        File[] jars = new File("target").listFiles((d, n) -> n.startsWith("examples-") && n.endsWith("-all.jar"));
        assumeTrue(jars != null && jars.length == 1, "the shaded jar is built in the package phase");
        Path conf = dir.resolve("bgpd.conf");
        Files.writeString(conf, String.join("\n",
                "AS 65501", "router-id 10.1.0.1", "listen on " + OURS + " port " + PORT, "connect-retry 2",
                "fib-update no", "network 198.51.100.0/25",
                "neighbor " + PEER + " {", " remote-as 65502", " descr \"SiteB\"", " local-address " + OURS,
                " port " + PORT, "}", "allow from " + PEER, "allow to " + PEER, ""));
        Path peerConf = dir.resolve("peer.conf");
        Files.writeString(peerConf, String.join("\n",
                "AS 65502", "router-id 10.2.0.1", "listen on " + PEER + " port " + PORT, "connect-retry 2",
                "fib-update yes", "network 203.0.113.0/24",
                "neighbor " + OURS + " {", " remote-as 65501", " local-address " + PEER, " port " + PORT, "}",
                "allow from " + OURS, "allow to " + OURS, ""));
        Path sock = dir.resolve("bgpd.sock");
        Path log = dir.resolve("bgpd.log");
        InMemoryFibSink peerFib = new InMemoryFibSink();
        ConcurrentLinkedQueue<SpeakerEvent> events = new ConcurrentLinkedQueue<>();
        Process p = new ProcessBuilder("bin/bgpd", "-d", "-f", conf.toString(), "-s", sock.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (Bgpd peer = Bgpd.start(BgpdConfigParser.parse(peerConf), Bgpd.Options.defaults().withFibSink(peerFib)
                .withIdleHold(Duration.ofSeconds(1)))) {
            peer.speaker().events().subscribe(events::add);
            assertTrue(TwoSites.await(60, () -> peerFib.snapshot().containsKey(IpPrefix.parse("198.51.100.0/25"))),
                    () -> "no route from the daemon process: " + read(log));
            assertTrue(TwoSites.await(20, () -> Files.exists(sock)), () -> read(log));
            String summary = run(List.of("bin/bgpctl", "-s", sock.toString(), "-j", "show", "summary"));
            assertTrue(summary.contains("\"address\":\"" + PEER + "\",\"remote_as\":65502,\"description\":\"SiteB\","
                    + "\"state\":\"Established\""), summary);
            String rib = run(List.of("bin/bgpctl", "-s", sock.toString(), "show", "rib"));
            assertTrue(rib.contains("203.0.113.0/24") && rib.contains("198.51.100.0/25"), rib);

            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), () -> "bgpd did not stop: " + read(log));
            assertEquals(0, p.exitValue(), () -> read(log)); // a clean stop, as OpenBGPD (not 128 + SIGTERM)
            assertTrue(TwoSites.await(10, () -> events.stream().anyMatch(e -> e instanceof SpeakerEvent.SessionClosed c
                    && c.reason().toString().contains("Administrative Shutdown")
                    && c.reason().toString().contains("jbgp bgpd shutting down"))), events::toString);
            assertTrue(TwoSites.await(10, () -> peerFib.snapshot().isEmpty()), peerFib.snapshot()::toString);
            assertFalse(Files.exists(sock), "the control socket must be removed");
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
