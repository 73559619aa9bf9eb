package io.jbgp.examples.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.netty.MessageStatistics;
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

    /** A number from OpenBGPD's {@code bgpctl -j show neighbor ADDR}, under {@code stats}. */
    private static long obgpdStat(OpenBgpDaemon d, Object... path) {
        Object root = Json.parse(d.bgpctl("show", "neighbor", OURS));
        Object[] full = new Object[path.length + 3];
        full[0] = "neighbors";
        full[1] = 0;
        full[2] = "stats";
        System.arraycopy(path, 0, full, 3, path.length);
        Object v = Json.at(root, full);
        if (!(v instanceof Number n)) {
            throw new AssertionError("no stats " + java.util.Arrays.toString(path) + " in " + root);
        }
        return n.longValue();
    }

    /**
     * Our counters against OpenBGPD's own "Message statistics" and "Update statistics" (the
     * tables our bgpctl mimics), at a quiet moment: UPDATE messages, prefixes and End-of-RIBs in
     * both directions, one OPEN each way (OpenBGPD is passive here: no collision).
     */
    @Test
    void ourMessageCountsMatchOpenBgpds() throws Exception {
        OpenBgpDaemon.Config passive = new OpenBgpDaemon.Config(OBGPD, OBGPD_PORT, 65502, "10.2.0.1", OURS,
                OUR_PORT, 65501, true, List.of("203.0.113.0/24", "2001:db8:b::/48"));
        try (OpenBgpDaemon obgpd = OpenBgpDaemon.start(passive); OurBgpd ours = startOurs()) {
            assertTrue(ours.awaitEstablished(WAIT), () -> "not established\n" + obgpd.log());
            assertTrue(Daemon.await(WAIT, () -> ours.fibPrefixes().contains(B4)
                    && !obgpdPaths(obgpd, "2001:db8:a::/48").isEmpty()
                    && !obgpdPaths(obgpd, "198.51.100.0/25").isEmpty()), () -> obgpd.bgpctl("show", "rib"));
            assertTrue(Daemon.await(WAIT, () -> {
                MessageStatistics s = ours.statistics();
                return s.sent().updates() == obgpdStat(obgpd, "message", "received", "updates")
                        && s.received().updates() == obgpdStat(obgpd, "message", "sent", "updates")
                        && s.sent().prefixesAnnounced() == obgpdStat(obgpd, "update", "received", "updates")
                        && s.received().prefixesAnnounced() == obgpdStat(obgpd, "update", "sent", "updates");
            }), () -> ours.statistics() + "\n" + obgpd.bgpctl("show", "neighbor", OURS));
            MessageStatistics s = ours.statistics();
            assertEquals(2, s.sent().prefixesAnnounced(), s.toString());
            assertEquals(2, s.received().prefixesAnnounced(), s.toString());
            assertEquals(1, s.sent().opens());
            assertEquals(1, obgpdStat(obgpd, "message", "received", "open"));
            assertEquals(1, s.received().opens());
            assertEquals(1, obgpdStat(obgpd, "message", "sent", "open"));
            assertEquals(s.sent().endOfRibs(), obgpdStat(obgpd, "update", "received", "eor"));
            assertEquals(s.received().endOfRibs(), obgpdStat(obgpd, "update", "sent", "eor"));
            assertEquals(s.sent().prefixesWithdrawn(), obgpdStat(obgpd, "update", "received", "withdraws"));
            assertTrue(Math.abs(s.sent().total() - obgpdStat(obgpd, "message", "received", "total")) <= 2,
                    () -> s + "\n" + obgpd.bgpctl("show", "neighbor", OURS));
            assertTrue(Math.abs(s.received().total() - obgpdStat(obgpd, "message", "sent", "total")) <= 2,
                    () -> s + "\n" + obgpd.bgpctl("show", "neighbor", OURS));
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
