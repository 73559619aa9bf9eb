package io.jbgp.examples.interop;

import io.jbgp.core.testing.FreePort;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness itself: daemons start on their own loopback address, answer JSON, stop by PID. */
class DaemonHarnessIT {

    @Test
    void frrStartsAnswersAndStops() throws Exception {
        assumeTrue(FrrDaemon.isInstalled(), "FRR is not installed");
        FrrDaemon.Config c = new FrrDaemon.Config("127.0.0.52", FreePort.on(InteropSpeaker.address("127.0.0.52")), 65502, "10.0.0.52",
                "127.0.0.51", 11851, 65501, false, null, List.of("198.51.100.0/24"));
        long pid;
        try (FrrDaemon frr = FrrDaemon.start(c)) {
            pid = frr.pid();
            // nobody listens on the neighbor's port: FRR keeps trying, never Established
            assertNotEquals("Established", frr.state());
            assertTrue(frr.isAlive());
        }
        long p = pid;
        assertTrue(Daemon.await(Duration.ofSeconds(5), () -> ProcessHandle.of(p).map(h -> !h.isAlive()).orElse(true)),
                "FRR bgpd " + pid + " still running after close()");
    }

    @Test
    void openBgpdStartsAnswersAndStops() throws Exception {
        assumeTrue(OpenBgpDaemon.isInstalled(), "OpenBGPD is not installed");
        OpenBgpDaemon.Config c = new OpenBgpDaemon.Config("127.0.0.53", FreePort.on(InteropSpeaker.address("127.0.0.53")), 65503, "10.0.0.53",
                "127.0.0.51", 11851, 65501, false, List.of("198.51.100.0/24"));
        long pid;
        List<ProcessHandle> children;
        try (OpenBgpDaemon bgpd = OpenBgpDaemon.start(c)) {
            pid = bgpd.pid();
            assertNotEquals("Established", bgpd.state());
            children = ProcessHandle.of(pid).orElseThrow().descendants().toList();
        }
        long p = pid;
        assertTrue(Daemon.await(Duration.ofSeconds(5), () -> ProcessHandle.of(p).map(h -> !h.isAlive()).orElse(true)));
        for (ProcessHandle child : children) {
            assertFalse(child.isAlive(), "OpenBGPD child " + child.pid() + " outlived its parent");
        }
    }
}
