package io.jbgp.examples.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.types.IpPrefix;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our bgpd as Site A, OpenBGPD (the write-up's own daemon, {@code fib-update no}) as Site B, on
 * loopback: routes both ways, withdrawals on either side, OpenBGPD restarted, one session while
 * both connect. OpenBGPD accepts 127/8 next hops, so no next-hop rewrite is needed. Addresses
 * 127.0.62.x are this class's own.
 */
class OpenBgpdRouteExchangeIT {
    private static final String OURS = "127.0.62.1";
    private static final String OBGPD = "127.0.62.3";
    private static final int OUR_PORT = 11621;
    private static final int OBGPD_PORT = 11623;
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final IpPrefix B4 = IpPrefix.parse("203.0.113.0/24");

    @BeforeAll
    static void openBgpdInstalled() {
        assumeTrue(OpenBgpDaemon.isInstalled(), "OpenBGPD is not installed (see PEERS.md)");
    }

    private static OpenBgpDaemon startOpenBgpd() throws Exception {
        return OpenBgpDaemon.start(new OpenBgpDaemon.Config(OBGPD, OBGPD_PORT, 65502, "10.2.0.1", OURS, OUR_PORT,
                65501, false, List.of("203.0.113.0/24", "2001:db8:b::/48")));
    }

    private static OurBgpd startOurs() throws Exception {
        return new OurBgpd(65501, OURS, OUR_PORT, OBGPD, 65502, OBGPD_PORT, String.join("\n",
                "network 198.51.100.0/25",
                "network 2001:db8:a::/48",
                "deny from any",
                "deny to any",
                "allow from " + OBGPD,
                "allow to " + OBGPD), "2001:db8:a::1");
    }

    /** OpenBGPD's paths for a prefix ({@code bgpctl -j show rib PREFIX}). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> obgpdPaths(OpenBgpDaemon d, String prefix) {
        Object rib = Json.at(Json.parse(d.bgpctl("show", "rib", prefix)), "rib");
        if (!(rib instanceof List<?> l)) {
            return List.of();
        }
        return ((List<Map<String, Object>>) l).stream().filter(p -> prefix.equals(p.get("prefix"))).toList();
    }


    @Test
    void routesFlowBothWaysAndWithdrawalsLeaveTheOtherSide() throws Exception {
        try (OpenBgpDaemon obgpd = startOpenBgpd(); OurBgpd ours = startOurs()) {
            assertTrue(ours.awaitEstablished(WAIT), () -> "not established\n" + obgpd.log());
            assertTrue(Daemon.await(WAIT, () -> ours.fibPrefixes().contains(B4)),
                    () -> "OpenBGPD's route missing: " + ours.fib.snapshot() + " " + ours.paths("203.0.113.0/24"));
            assertTrue(ours.hasBestFromNeighbor("203.0.113.0/24"));
            assertTrue(Daemon.await(WAIT, () -> !obgpdPaths(obgpd, "198.51.100.0/25").isEmpty()),
                    () -> "OpenBGPD lacks our IPv4 route: " + obgpd.bgpctl("show", "rib"));
            assertEquals(OURS, obgpdPaths(obgpd, "198.51.100.0/25").get(0).get("exit_nexthop"));
            assertTrue(Daemon.await(WAIT, () -> !obgpdPaths(obgpd, "2001:db8:a::/48").isEmpty()),
                    () -> "OpenBGPD lacks our IPv6 route: " + obgpd.bgpctl("show", "rib"));
            assertEquals("2001:db8:a::1", obgpdPaths(obgpd, "2001:db8:a::/48").get(0).get("exit_nexthop"));

            // withdrawal at OpenBGPD (bgpctl network delete): gone from our RIB and FIB
            Daemon.run(List.of("bgpctl", "-s", obgpd.dir.resolve("bgpd.sock").toString(),
                    "network", "delete", "203.0.113.0/24"));
            assertTrue(Daemon.await(WAIT, () -> !ours.fibPrefixes().contains(B4)), ours.fib.snapshot()::toString);
            assertTrue(ours.paths("203.0.113.0/24").isEmpty());

            // withdrawal at ours (reload without the statement): gone from OpenBGPD
            ours.edit("network 198.51.100.0/25\n", "");
            assertTrue(Daemon.await(WAIT, () -> obgpdPaths(obgpd, "198.51.100.0/25").isEmpty()),
                    () -> obgpd.bgpctl("show", "rib"));
            assertEquals(Optional.of(SessionState.ESTABLISHED), ours.state());
            OurBgpd.assertOneSession(OURS, OBGPD);
        }
    }

    @Test
    void openBgpdRestartedOurSideDropsItsRoutesAndRecovers() throws Exception {
        try (OurBgpd ours = startOurs()) {
            try (OpenBgpDaemon obgpd = startOpenBgpd()) {
                assertTrue(ours.awaitEstablished(WAIT), () -> "not established\n" + obgpd.log());
                assertTrue(Daemon.await(WAIT, () -> ours.fibPrefixes().contains(B4)), ours.fib.snapshot()::toString);
            }
            assertTrue(Daemon.await(WAIT, () -> !ours.state().equals(Optional.of(SessionState.ESTABLISHED))));
            assertTrue(Daemon.await(WAIT, () -> ours.fib.snapshot().isEmpty()), ours.fib.snapshot()::toString);
            try (OpenBgpDaemon obgpd = startOpenBgpd()) {
                assertTrue(ours.awaitEstablished(WAIT), () -> "not re-established\n" + obgpd.log());
                assertTrue(Daemon.await(WAIT, () -> ours.fibPrefixes().contains(B4)), ours.fib.snapshot()::toString);
                OurBgpd.assertOneSession(OURS, OBGPD);
            }
        }
    }
}
