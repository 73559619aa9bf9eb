package io.jbgp.examples.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.examples.ctl.NeighborAction;
import io.jbgp.netty.MessageStatistics;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our bgpd as the write-up's Site A, FRR bgpd (no zebra) as Site B, on loopback: IPv4 and IPv6
 * routes flow both ways, a withdrawal on either side leaves the other's RIB (and our FIB), FRR
 * restarted comes back with its routes, and with both sides connecting there is one session.
 *
 * <p>FRR treats 127/8 next hops as martians, so our export sets 198.51.100.1 (IPv4) and our
 * IPv6 next hop is 2001:db8:a::1 (PEERS.md). Addresses 127.0.61.x are this class's own.
 */
class FrrRouteExchangeIT {
    private static final String OURS = "127.0.61.1";
    private static final String FRR = "127.0.61.2";
    private static final int OUR_PORT = 11611;
    private static final int FRR_PORT = 11612;
    private static final Duration WAIT = Duration.ofSeconds(40);

    @BeforeAll
    static void frrInstalled() {
        assumeTrue(FrrDaemon.isInstalled(), "FRR is not installed (see PEERS.md)");
    }

    private static FrrDaemon startFrr() throws Exception {
        return FrrDaemon.start(new FrrDaemon.Config(FRR, FRR_PORT, 65502, "10.2.0.1", OURS, OUR_PORT, 65501, false,
                null, List.of("203.0.113.0/24", "2001:db8:b::/48")));
    }

    private static OurBgpd startOurs() throws Exception {
        return new OurBgpd(65501, OURS, OUR_PORT, FRR, 65502, FRR_PORT, String.join("\n",
                "network 198.51.100.0/25",
                "network 2001:db8:a::/48",
                "deny from any",
                "deny to any",
                "allow from " + FRR,
                "allow to " + FRR + " set nexthop 198.51.100.1"), "2001:db8:a::1");
    }

    /** FRR's best path for a prefix: its next hop, or empty when FRR has no valid path. */
    private static Optional<String> frrNexthop(FrrDaemon frr, String family, String prefix) {
        Object root = Json.parse(frr.vtysh("show bgp " + family + " unicast json"));
        Object paths = Json.at(root, "routes", prefix);
        if (!(paths instanceof List<?> l) || l.isEmpty()) {
            return Optional.empty();
        }
        for (Object p : l) {
            if (Boolean.TRUE.equals(Json.at(p, "valid"))) {
                return Optional.of(String.valueOf(Json.at(p, "nexthops", 0, "ip")));
            }
        }
        return Optional.empty();
    }

    private static void frrConfig(FrrDaemon frr, String... lines) {
        List<String> cmd = new ArrayList<>(List.of("vtysh", "--vty_socket", frr.dir.toString(),
                "-c", "configure terminal", "-c", "router bgp 65502"));
        for (String l : lines) {
            cmd.add("-c");
            cmd.add(l);
        }
        Daemon.run(cmd);
    }


    @Test
    void routesFlowBothWaysAndWithdrawalsLeaveTheOtherSide() throws Exception {
        try (FrrDaemon frr = startFrr(); OurBgpd ours = startOurs()) {
            assertTrue(ours.awaitEstablished(WAIT), () -> "not established\n" + frr.log());
            IpPrefix b4 = IpPrefix.parse("203.0.113.0/24");
            IpPrefix b6 = IpPrefix.parse("2001:db8:b::/48");
            assertTrue(Daemon.await(WAIT, () -> ours.fibPrefixes().containsAll(List.of(b4, b6))),
                    () -> "FRR routes missing from our FIB: " + ours.fib.snapshot() + " v6 paths " + ours.paths("2001:db8:b::/48") + "\n" + frr.vtysh("show bgp ipv6 unicast json"));
            assertTrue(ours.hasBestFromNeighbor("203.0.113.0/24"));
            assertTrue(Daemon.await(WAIT, () -> frrNexthop(frr, "ipv4", "198.51.100.0/25")
                            .equals(Optional.of("198.51.100.1"))),
                    () -> "FRR lacks our IPv4 route: " + frr.vtysh("show bgp ipv4 unicast json") + frr.log());
            assertTrue(Daemon.await(WAIT, () -> frrNexthop(frr, "ipv6", "2001:db8:a::/48").isPresent()),
                    () -> "FRR lacks our IPv6 route: " + frr.vtysh("show bgp ipv6 unicast json"));
            assertEquals(Optional.of("2001:db8:a::1"), frrNexthop(frr, "ipv6", "2001:db8:a::/48"));
            // FRR echoes our routes back; they stay ineligible (our AS in the path), never best
            assertTrue(ours.paths("198.51.100.0/25").stream().noneMatch(r -> r.best() && r.from().isPresent()));

            // withdrawal at FRR: gone from our RIB and FIB
            frrConfig(frr, "address-family ipv4 unicast", "no network 203.0.113.0/24");
            assertTrue(Daemon.await(WAIT, () -> !ours.fibPrefixes().contains(b4)), ours.fib.snapshot()::toString);
            assertTrue(ours.paths("203.0.113.0/24").isEmpty(), () -> ours.paths("203.0.113.0/24").toString());
            assertTrue(ours.fibPrefixes().contains(b6));

            // withdrawal at ours (a reload without the statement): gone from FRR
            String msg = ours.edit("network 198.51.100.0/25\n", "");
            assertTrue(msg.contains("reloaded"), msg);
            assertTrue(Daemon.await(WAIT, () -> frrNexthop(frr, "ipv4", "198.51.100.0/25").isEmpty()),
                    () -> frr.vtysh("show bgp ipv4 unicast json"));
            assertEquals(Optional.of("2001:db8:a::1"), frrNexthop(frr, "ipv6", "2001:db8:a::/48"));
            assertEquals(Optional.of(SessionState.ESTABLISHED), ours.state(), "a reload must not reset the session");

            // both sides connect actively (FRR is not passive): still one session
            OurBgpd.assertOneSession(OURS, FRR);
        }
    }

    /** FRR's {@code messageStats} for its neighbor (us): opensSent, updatesRecv, totalSent, ... */
    private static long frrStat(FrrDaemon frr, String name) {
        Object root = Json.parse(frr.vtysh("show bgp neighbors " + OURS + " json"));
        Object v = Json.at(root, OURS, "messageStats", name);
        if (!(v instanceof Number n)) {
            throw new AssertionError("no messageStats." + name + " in " + root);
        }
        return n.longValue();
    }

    /**
     * Our message counters against FRR's, read at a quiet moment: every UPDATE we wrote FRR
     * read, and the other way round, and one OPEN each way (FRR is passive here, so no
     * collision adds a second). KEEPALIVEs may cross the read, so totals are compared loosely.
     * Then a {@code neighbor down} / {@code up}: our counts go on (OpenBGPD's way, and FRR 8.4's,
     * so the cumulative counts still agree).
     */
    @Test
    void ourMessageCountsMatchFrrs() throws Exception {
        FrrDaemon.Config passive = new FrrDaemon.Config(FRR, FRR_PORT, 65502, "10.2.0.1", OURS, OUR_PORT, 65501,
                true, null, List.of("203.0.113.0/24", "2001:db8:b::/48"));
        try (FrrDaemon frr = FrrDaemon.start(passive); OurBgpd ours = startOurs()) {
            assertTrue(ours.awaitEstablished(WAIT), () -> "not established\n" + frr.log());
            assertTrue(Daemon.await(WAIT, () -> ours.fibPrefixes().containsAll(List.of(
                    IpPrefix.parse("203.0.113.0/24"), IpPrefix.parse("2001:db8:b::/48")))), ours.fib.snapshot()::toString);
            assertTrue(Daemon.await(WAIT, () -> frrNexthop(frr, "ipv6", "2001:db8:a::/48").isPresent()
                    && frrNexthop(frr, "ipv4", "198.51.100.0/25").isPresent()), () -> frr.vtysh("show bgp summary"));
            // quiet: both directions' UPDATE counts agree (End-of-RIBs and FRR's echoes included)
            assertTrue(Daemon.await(WAIT, () -> ours.statistics().sent().updates() == frrStat(frr, "updatesRecv")
                    && ours.statistics().received().updates() == frrStat(frr, "updatesSent")),
                    () -> ours.statistics() + "\n" + frr.vtysh("show bgp neighbors " + OURS + " json"));
            MessageStatistics s = ours.statistics();
            assertTrue(s.sent().updates() >= 2 && s.received().updates() >= 2, s.toString());
            assertEquals(1, s.sent().opens());
            assertEquals(1, frrStat(frr, "opensRecv"));
            assertEquals(1, s.received().opens());
            assertEquals(1, frrStat(frr, "opensSent"));
            assertEquals(0, s.sent().notifications() + frrStat(frr, "notificationsRecv"));
            assertTrue(Math.abs(s.sent().total() - frrStat(frr, "totalRecv")) <= 2,
                    () -> s + " vs FRR totalRecv " + frrStat(frr, "totalRecv"));
            assertTrue(Math.abs(s.received().total() - frrStat(frr, "totalSent")) <= 2,
                    () -> s + " vs FRR totalSent " + frrStat(frr, "totalSent"));
            // we end both families' initial feed with End-of-RIB (RFC 4724); FRR sends the marker
            // only to graceful-restart neighbors, which we are not
            assertTrue(s.sent().endOfRibs() >= 2, s.toString());
            assertEquals(0, s.outQueueMessages());

            // an operator's down and up: our CEASE is counted on both sides, our counts go on
            InetAddress frrAddress = InteropSpeaker.address(FRR);
            assertTrue(ours.bgpd.neighbor(frrAddress, NeighborAction.DOWN).ok());
            // one CEASE on the wire (a capture shows it), and we count one; FRR 8.4 counts a received
            // NOTIFICATION twice, so its side is only checked for having seen it
            assertTrue(Daemon.await(WAIT, () -> frrStat(frr, "notificationsRecv") >= 1
                    && ours.statistics().sent().notifications() == 1), () -> ours.statistics()
                    + "\n" + frr.vtysh("show bgp neighbors " + OURS + " json"));
            assertEquals(Optional.of(BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN),
                    ours.statistics().lastNotificationSent().flatMap(n -> n.error()));
            assertTrue(ours.bgpd.neighbor(frrAddress, NeighborAction.UP).ok());
            assertTrue(ours.awaitEstablished(WAIT), () -> "not re-established\n" + frr.log());
            assertTrue(Daemon.await(WAIT, () -> ours.statistics().received().opens() == 2), () -> ours.statistics()
                    .toString());
            assertEquals(2, ours.statistics().sent().opens());
            assertTrue(Daemon.await(WAIT, () -> ours.statistics().received().updates() > s.received().updates()
                    && ours.statistics().sent().updates() == frrStat(frr, "updatesRecv")), () -> ours.statistics()
                    + "\n" + frr.vtysh("show bgp neighbors " + OURS + " json"));
            // FRR keeps its counts across the reset as well: both sides' totals still agree
            assertTrue(Daemon.await(WAIT, () -> ours.statistics().received().updates() == frrStat(frr, "updatesSent")),
                    () -> ours.statistics() + "\n" + frr.vtysh("show bgp neighbors " + OURS + " json"));
            assertEquals(2, frrStat(frr, "opensRecv"));
            assertEquals(2, frrStat(frr, "opensSent"));
        }
    }

    @Test
    void frrRestartedOurSideDropsItsRoutesAndRecovers() throws Exception {
        try (OurBgpd ours = startOurs()) {
            IpPrefix b4 = IpPrefix.parse("203.0.113.0/24");
            try (FrrDaemon frr = startFrr()) {
                assertTrue(ours.awaitEstablished(WAIT), () -> "not established\n" + frr.log());
                assertTrue(Daemon.await(WAIT, () -> ours.fibPrefixes().contains(b4)), ours.fib.snapshot()::toString);
            }
            // FRR stopped (SIGTERM): the session drops and FRR's routes leave RIB and FIB
            assertTrue(Daemon.await(WAIT, () -> !ours.state().equals(Optional.of(SessionState.ESTABLISHED))));
            assertTrue(Daemon.await(WAIT, () -> ours.fib.snapshot().isEmpty()), ours.fib.snapshot()::toString);
            assertTrue(ours.paths("203.0.113.0/24").isEmpty());
            try (FrrDaemon frr = startFrr()) {
                assertTrue(ours.awaitEstablished(WAIT), () -> "not re-established\n" + frr.log());
                assertTrue(Daemon.await(WAIT, () -> ours.fibPrefixes().contains(b4)), ours.fib.snapshot()::toString);
                assertTrue(Daemon.await(WAIT, () -> frrNexthop(frr, "ipv4", "198.51.100.0/25").isPresent()));
                OurBgpd.assertOneSession(OURS, FRR);
                assertFalse(ours.paths("203.0.113.0/24").isEmpty());
            }
        }
    }
}
