package io.jbgp.examples.interop;

import io.jbgp.core.testing.FreePort;
import static io.jbgp.examples.interop.InteropSpeaker.ESTABLISH_WAIT;
import static io.jbgp.examples.interop.InteropSpeaker.OPENBGPD;
import static io.jbgp.examples.interop.InteropSpeaker.OURS;
import static io.jbgp.examples.interop.InteropSpeaker.OUR_AS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions between our speaker and a real OpenBGPD on loopback: 4-octet AS, route refresh and
 * IPv4 + IPv6 unicast negotiated, checked through {@code bgpctl -j show neighbor}; ours active and
 * passive. Each test runs its own bgpd (OpenBGPD damps reconnects for ~45 s after a drop) and
 * stops it by PID.
 */
class OpenBgpdSessionIT {
    /** Fresh ports per test: other checkouts of the project may run these tests at the same time. */
    private final int ourPort = FreePort.on(InteropSpeaker.address(OURS));
    private final int daemonPort = FreePort.on(InteropSpeaker.address(OPENBGPD));

    private static final long OPENBGPD_AS = 65603;

    @BeforeAll
    static void openBgpdInstalled() {
        assumeTrue(OpenBgpDaemon.isInstalled(), "OpenBGPD is not installed (see PEERS.md)");
    }

    private OpenBgpDaemon.Config openbgpd(boolean passive) {
        return new OpenBgpDaemon.Config(OPENBGPD, daemonPort, OPENBGPD_AS, "10.60.0.3", OURS, ourPort, OUR_AS,
                passive, List.of("198.51.100.0/24", "2001:db8:60::/48"));
    }

    /** OpenBGPD's view: Established, and the capabilities both sides announced. */
    private static void assertNegotiated(OpenBgpDaemon bgpd) {
        Map<String, Object> n = bgpd.neighbor();
        assertEquals("Established", n.get("state"), () -> "OpenBGPD neighbor: " + n);
        assertEquals(Long.toString(OUR_AS), n.get("remote_as"));
        // session.capabilities: what both sides announced, i.e. what is in effect
        Object neg = Json.at(n, "session", "capabilities");
        assertEquals(Boolean.TRUE, Json.at(neg, "as4byte"), () -> "neighbor: " + n);
        assertEquals(Boolean.TRUE, Json.at(neg, "refresh"), () -> "neighbor: " + n);
        assertEquals(List.of("IPv4 unicast", "IPv6 unicast"), Json.at(neg, "multiprotocol"), () -> "neighbor: " + n);
    }

    @Test
    void oursActiveReachesEstablished() throws Exception {
        try (OpenBgpDaemon bgpd = OpenBgpDaemon.start(openbgpd(true)); InteropSpeaker ours = new InteropSpeaker(ourPort)) {
            ours.speaker.addPeer(InteropSpeaker.neighbor(OPENBGPD, OPENBGPD_AS, daemonPort).build());
            assertTrue(ours.awaitEstablished(OPENBGPD, ESTABLISH_WAIT),
                    () -> "not established: " + ours.events() + "\n" + bgpd.log());
            assertTrue(bgpd.awaitState("Established", Duration.ofSeconds(10)), bgpd::log);
            assertNegotiated(bgpd);
            // OpenBGPD's UPDATEs decode: both its networks (IPv6 in MP_REACH) arrive
            assertTrue(Daemon.await(Duration.ofSeconds(10),
                    () -> ours.routes.containsAll(List.of("198.51.100.0/24", "2001:db8:60::/48"))),
                    () -> "routes " + ours.routes + ", End-of-RIB " + ours.endOfRib);
            // we opened this connection: its local end at OpenBGPD is OpenBGPD's listener
            assertEquals((long) daemonPort, Json.at(bgpd.neighbor(), "session", "local", "port"));
        }
    }

    @Test
    void oursPassiveAcceptsOpenBgpdsConnection() throws Exception {
        try (InteropSpeaker ours = new InteropSpeaker(ourPort)) {
            ours.speaker.addPeer(InteropSpeaker.neighbor(OPENBGPD, OPENBGPD_AS, daemonPort).passive(true).build());
            try (OpenBgpDaemon bgpd = OpenBgpDaemon.start(openbgpd(false))) {
                assertTrue(ours.awaitEstablished(OPENBGPD, ESTABLISH_WAIT),
                        () -> "not established: " + ours.events() + "\n" + bgpd.log());
                assertTrue(bgpd.awaitState("Established", Duration.ofSeconds(10)), bgpd::log);
                assertNegotiated(bgpd);
                // OpenBGPD opened this connection: its remote end is our listener
                assertEquals((long) ourPort, Json.at(bgpd.neighbor(), "session", "remote", "port"));
            }
        }
    }

    @Test
    void shutdownCommunicationShowsInBgpctl() throws Exception {
        String text = "jbgp interop: draining for upgrade";
        try (OpenBgpDaemon bgpd = OpenBgpDaemon.start(openbgpd(true))) {
            InteropSpeaker ours = new InteropSpeaker(ourPort);
            try {
                ours.speaker.addPeer(InteropSpeaker.neighbor(OPENBGPD, OPENBGPD_AS, daemonPort).build());
                assertTrue(ours.awaitEstablished(OPENBGPD, ESTABLISH_WAIT), () -> "not established: " + ours.events());
                assertTrue(bgpd.awaitState("Established", Duration.ofSeconds(10)), bgpd::log);
            } finally {
                ours.close(text);
            }
            assertTrue(Daemon.await(Duration.ofSeconds(10), () -> !"Established".equals(bgpd.state())));
            // RFC 9003: OpenBGPD keeps the last received shutdown communication
            String status = bgpd.bgpctl("show", "neighbor", OURS);
            assertTrue(status.contains(text), () -> "bgpctl does not show the shutdown communication:\n" + status);
        }
    }
}
