package io.jbgp.examples.interop;

import io.jbgp.core.testing.FreePort;
import static io.jbgp.examples.interop.InteropSpeaker.ESTABLISH_WAIT;
import static io.jbgp.examples.interop.InteropSpeaker.FRR;
import static io.jbgp.examples.interop.InteropSpeaker.OURS;
import static io.jbgp.examples.interop.InteropSpeaker.OUR_AS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.peer.PeerKey;
import io.netty.channel.epoll.Epoll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions between our speaker and a real FRR bgpd (no zebra) on loopback: 4-octet AS, route
 * refresh and IPv4 + IPv6 unicast negotiated, ours active and passive, the RFC 9003 shutdown
 * communication shown by FRR, and TCP MD5 (RFC 2385). Each test starts its own bgpd and stops it by
 * PID, even on failure.
 */
class FrrSessionIT {
    /** Fresh ports per test: other checkouts of the project may run these tests at the same time. */
    private final int ourPort = FreePort.on(InteropSpeaker.address(OURS));
    private final int daemonPort = FreePort.on(InteropSpeaker.address(FRR));

    private static final long FRR_AS = 65602;

    @BeforeAll
    static void frrInstalled() {
        assumeTrue(FrrDaemon.isInstalled(), "FRR is not installed (see PEERS.md)");
    }

    private FrrDaemon.Config frr(boolean passive) {
        return new FrrDaemon.Config(FRR, daemonPort, FRR_AS, "10.60.0.2", OURS, ourPort, OUR_AS, passive, null,
                List.of("198.51.100.0/24", "2001:db8:60::/48"));
    }

    /** FRR's view: Established, and what it negotiated with us. */
    private static void assertNegotiated(FrrDaemon frr) {
        Map<String, Object> n = frr.neighbor();
        assertEquals("Established", n.get("bgpState"), () -> "FRR neighbor: " + n);
        assertEquals(OUR_AS, n.get("remoteAs"));
        Object caps = n.get("neighborCapabilities");
        assertEquals("advertisedAndReceived", Json.at(caps, "4byteAs"), () -> "capabilities: " + caps);
        // "advertisedAndReceivedNew": the RFC 2918 code 2, not the old Cisco 128
        assertEquals("advertisedAndReceivedNew", Json.at(caps, "routeRefresh"), () -> "capabilities: " + caps);
        assertEquals(Boolean.TRUE, Json.at(caps, "multiprotocolExtensions", "ipv4Unicast", "advertisedAndReceived"),
                () -> "capabilities: " + caps);
        assertEquals(Boolean.TRUE, Json.at(caps, "multiprotocolExtensions", "ipv6Unicast", "advertisedAndReceived"),
                () -> "capabilities: " + caps);
    }

    @Test
    void oursActiveReachesEstablishedWithFourOctetAsRouteRefreshAndBothFamilies() throws Exception {
        try (FrrDaemon frr = FrrDaemon.start(frr(true)); InteropSpeaker ours = new InteropSpeaker(ourPort)) {
            ours.speaker.addPeer(InteropSpeaker.neighbor(FRR, FRR_AS, daemonPort).build());
            assertTrue(ours.awaitEstablished(FRR, ESTABLISH_WAIT), () -> "not established: " + ours.events() + "\n" + frr.log());
            assertTrue(frr.awaitState("Established", Duration.ofSeconds(10)), frr::log);
            assertNegotiated(frr);
            // FRR's UPDATEs decode: both networks, the IPv6 one in MP_REACH_NLRI (FRR sends no
            // End-of-RIB here: it does so only to peers that advertise Graceful Restart)
            assertTrue(Daemon.await(Duration.ofSeconds(10),
                    () -> ours.routes.containsAll(List.of("198.51.100.0/24", "2001:db8:60::/48"))),
                    () -> "routes " + ours.routes + ", End-of-RIB " + ours.endOfRib);
            assertEquals(Optional.of(SessionState.ESTABLISHED), ours.state(FRR), "UPDATEs reset the session");
        }
    }

    @Test
    void oursPassiveAcceptsFrrsConnection() throws Exception {
        try (InteropSpeaker ours = new InteropSpeaker(ourPort)) {
            ours.speaker.addPeer(InteropSpeaker.neighbor(FRR, FRR_AS, daemonPort).passive(true).build());
            try (FrrDaemon frr = FrrDaemon.start(frr(false))) {
                assertTrue(ours.awaitEstablished(FRR, ESTABLISH_WAIT), () -> "not established: " + ours.events() + "\n" + frr.log());
                assertTrue(frr.awaitState("Established", Duration.ofSeconds(10)), frr::log);
                assertNegotiated(frr);
                // the session FRR opened is the one that came up: FRR's local port is ours' listener
                assertEquals((long) ourPort, frr.neighbor().get("portForeign"));
            }
        }
    }

    @Test
    void shutdownCommunicationShowsInFrr() throws Exception {
        String text = "jbgp interop: planned maintenance 42";
        try (FrrDaemon frr = FrrDaemon.start(frr(true))) {
            InteropSpeaker ours = new InteropSpeaker(ourPort);
            try {
                ours.speaker.addPeer(InteropSpeaker.neighbor(FRR, FRR_AS, daemonPort).build());
                assertTrue(ours.awaitEstablished(FRR, ESTABLISH_WAIT), () -> "not established: " + ours.events());
                assertTrue(frr.awaitState("Established", Duration.ofSeconds(10)), frr::log);
            } finally {
                ours.close(text);
            }
            assertTrue(Daemon.await(Duration.ofSeconds(10), () -> !"Established".equals(frr.state())));
            String status = frr.vtysh("show bgp neighbors " + OURS + " json");
            assertTrue(status.contains(text), () -> "FRR does not show the shutdown communication:\n" + status);
        }
    }

    @Test
    void wrongMd5PasswordNeverComesUpAndTheRightOneDoes() throws Exception {
        assumeTrue(Epoll.isAvailable(), "TCP MD5 needs native epoll");
        try (FrrDaemon frr = FrrDaemon.start(frr(true).withPassword("jbgp-secret"));
             InteropSpeaker ours = new InteropSpeaker(ourPort)) {
            ours.speaker.addPeer(InteropSpeaker.neighbor(FRR, FRR_AS, daemonPort).md5Password("wrong-secret").build());
            // several connect attempts (connect retry 2 s) must all fail at the TCP layer
            assertFalse(ours.awaitEstablished(FRR, Duration.ofSeconds(7)), "a wrong MD5 key came up");
            assertFalse("Established".equals(frr.state()));
            assertTrue(ours.speaker.removePeer(PeerKey.of(InteropSpeaker.address(FRR))));
            ours.speaker.addPeer(InteropSpeaker.neighbor(FRR, FRR_AS, daemonPort).md5Password("jbgp-secret").build());
            assertTrue(ours.awaitEstablished(FRR, ESTABLISH_WAIT), () -> "right MD5 key did not come up: " + ours.events());
            assertTrue(frr.awaitState("Established", Duration.ofSeconds(10)), frr::log);
        }
    }

    /**
     * Both sides active: whether the two connections collide (RFC 4271 §6.8) depends on timing,
     * but either way one session must remain, and FRR must never count a dropped established
     * connection.
     */
    @Test
    void bothActiveEndWithOneStableSession() throws Exception {
        try (InteropSpeaker ours = new InteropSpeaker(ourPort)) {
            ours.speaker.addPeer(InteropSpeaker.neighbor(FRR, FRR_AS, daemonPort).build());
            try (FrrDaemon frr = FrrDaemon.start(frr(false))) {
                assertTrue(ours.awaitEstablished(FRR, ESTABLISH_WAIT), () -> "not established: " + ours.events() + "\n" + frr.log());
                assertTrue(frr.awaitState("Established", Duration.ofSeconds(10)), frr::log);
                // one more FRR connect-retry period: a late collision would drop a session now
                assertFalse(Daemon.await(Duration.ofSeconds(3), () -> !"Established".equals(frr.state())),
                        () -> "FRR left Established: " + frr.neighbor());
                Map<String, Object> n = frr.neighbor();
                assertEquals(1L, n.get("connectionsEstablished"), () -> "FRR neighbor: " + n);
                assertEquals(0L, n.get("connectionsDropped"), () -> "FRR neighbor: " + n);
                assertEquals(1L, ours.events().stream().filter(e -> e instanceof io.jbgp.netty.SpeakerEvent.SessionEstablished).count(),
                        () -> "our events: " + ours.events());
            }
        }
    }
}
