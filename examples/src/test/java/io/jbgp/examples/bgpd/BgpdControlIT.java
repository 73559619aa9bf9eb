package io.jbgp.examples.bgpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.examples.ctl.Bgpctl;
import io.jbgp.netty.SpeakerEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bgpctl against a running bgpd over its Unix socket: summary, rib, fib, network and config in
 * JSON and text; neighbor down/up; reload that adds and removes a neighbor and changes policy
 * without resetting the untouched session; a broken file that changes nothing.
 */
class BgpdControlIT {
    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {}

    private static Result bgpctl(Path socket, String... command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[command.length + 2];
        args[0] = "-s";
        args[1] = socket.toString();
        System.arraycopy(command, 0, args, 2, command.length);
        int st = Bgpctl.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(st, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<SpeakerEvent> closedSessions(ConcurrentLinkedQueue<SpeakerEvent> events, TwoSites s) {
        return List.copyOf(events).stream().filter(e -> e instanceof SpeakerEvent.SessionClosed c
                && c.peer().address().equals(s.addrB) && c.wasEstablished()).toList();
    }

    @Test
    void bgpctlShowsAndControlsARunningDaemon() throws Exception {
        try (TwoSites s = new TwoSites(dir, "127.0.71", 17471)) {
            Path sock = dir.resolve("bgpd.sock");
            s.bgpdA.startControlSocket(sock);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sock)));
            ConcurrentLinkedQueue<SpeakerEvent> events = new ConcurrentLinkedQueue<>();
            s.bgpdA.speaker().events().subscribe(events::add);
            assertTrue(TwoSites.await(40, s::converged), () -> "not converged: " + s.fibA.snapshot());

            Result sum = bgpctl(sock, "-j", "show", "summary");
            assertEquals(0, sum.status(), sum.err());
            // live data: uptime since Established, paths held from B, our Adj-RIB-Out, UPDATE counts
            assertTrue(Pattern.compile("\\{\"neighbors\":\\[\\{\"address\":\"127.0.71.2\",\"remote_as\":65502,"
                    + "\"description\":\"SiteB\",\"state\":\"Established\",\"uptime_s\":(\\d+),"
                    + "\"last_updown_s\":\\1,\"prefixes_received\":3,\"prefixes_sent\":3,"
                    + "\"messages_received\":[1-9]\\d*,\"messages_sent\":[1-9]\\d*,"
                    + "\"updates_received\":[1-9]\\d*,\"updates_sent\":[1-9]\\d*,").matcher(sum.out()).find(),
                    sum.out());

            Result nbr = bgpctl(sock, "-j", "show", "neighbor", "127.0.71.2");
            assertEquals(0, nbr.status(), nbr.err());
            assertTrue(nbr.out().contains("\"last_down\":null,\"import\":\"filter rules allow from this neighbor\","
                    + "\"export\":\"filter rules allow to this neighbor\",\"session\":{\"local_address\":\"127.0.71.1\","
                    + "\"remote_router_id\":\"" + s.b.routerId() + "\",\"hold_time\":90,\"keepalive\":30,"
                    + "\"families\":[\"IPv4 unicast\",\"IPv6 unicast\"]"), nbr.out());
            Result nbrText = bgpctl(sock, "show", "neighbor");
            assertTrue(nbrText.out().contains("BGP state = Established, up for "), nbrText.out());
            assertTrue(nbrText.out().contains("Hold time 90s, keepalive interval 30s"), nbrText.out());

            // B's IPv4 prefixes use its session address, resolved through loopback
            Result nh = bgpctl(sock, "-j", "show", "nexthop");
            assertTrue(nh.out().contains("{\"nexthop\":\"127.0.71.2\",\"state\":\"reachable\","
                    + "\"route\":\"127.0.0.0/8\",\"gateway\":\"127.0.71.2\",\"interface\":\"lo\",\"cost\":0,"
                    + "\"prefixes\":2}"), nh.out());
            assertEquals(0, count(nh.out(), "\"state\":\"unreachable\""), nh.out());
            Result nhText = bgpctl(sock, "show", "nexthop");
            assertTrue(Pattern.compile(" \\* 127\\.0\\.71\\.2 +127\\.0\\.0\\.0/8 +0 connected +lo +2\n")
                    .matcher(nhText.out()).find(), nhText.out());

            Result rib = bgpctl(sock, "-j", "show", "rib");
            // one row per path: 3 of ours, 3 of site B
            assertEquals(6, count(rib.out(), "\"prefix\":"), rib.out());
            // our own three are "local", never null
            assertEquals(3, count(rib.out(), "\"from\":\"local\""), rib.out());
            assertEquals(3, count(rib.out(), "\"from\":\"127.0.71.2\""), rib.out());
            assertTrue(rib.out().contains("{\"prefix\":\"203.0.113.0/25\",\"nexthop\":\"127.0.71.2\","
                    + "\"from\":\"127.0.71.2\",\"as_path\":[65502],\"origin\":\"IGP\""), rib.out());
            Result fib = bgpctl(sock, "-j", "show", "fib");
            assertTrue(fib.out().contains("{\"prefix\":\"203.0.113.128/26\",\"nexthop\":\"127.0.71.2\","
                    + "\"interface\":\"lo\"}"), fib.out());
            assertEquals(3, count(fib.out(), "\"prefix\":"), fib.out());
            Result net = bgpctl(sock, "show", "network");
            assertTrue(Pattern.compile("198.51.100.192/26\\s+no\\s+network inet connected\\s+subnet of the uplink")
                    .matcher(net.out()).find(), net.out());
            Result detail = bgpctl(sock, "show", "rib", "203.0.113.0/25", "detail");
            assertTrue(detail.out().contains("Neighbor 127.0.71.2"), detail.out());
            Result conf = bgpctl(sock, "show", "config");
            assertTrue(conf.out().contains("AS 65501") && conf.out().contains("allow from 127.0.71.2"), conf.out());

            // neighbor down: the session ends, site B's routes leave our FIB; up brings them back
            assertEquals(0, bgpctl(sock, "neighbor", "127.0.71.2", "down").status());
            assertTrue(TwoSites.await(10, () -> s.fibA.snapshot().isEmpty()), () -> s.fibA.snapshot().toString());
            assertTrue(bgpctl(sock, "show", "summary").out().contains("Idle"));
            // B heard our CEASE Administrative Shutdown with its RFC 9003 communication, as
            // bgpctl neighbor down sends it; both sides show why the session ended
            assertTrue(TwoSites.await(10, () -> s.bgpdB.neighborDetails().get(0).lastDown().orElse("")
                    .startsWith("NOTIFICATION received: Cease / Administrative Shutdown, \"neighbor taken down by bgpctl\"")),
                    () -> s.bgpdB.neighborDetails().toString());
            Result downA = bgpctl(sock, "-j", "show", "neighbor", "127.0.71.2");
            assertTrue(downA.out().contains("\"session\":null"), downA.out());
            assertTrue(downA.out().contains("\"uptime_s\":null"), downA.out());
            assertTrue(Pattern.compile("\"last_down\":\"[^\"]*Cease / ").matcher(downA.out()).find(),
                    downA.out());
            assertEquals(0, bgpctl(sock, "neighbor", "127.0.71.2", "up").status());
            assertTrue(TwoSites.await(40, s::converged), () -> "not back: " + s.fibA.snapshot());
            assertEquals(1, bgpctl(sock, "neighbor", "127.0.71.9", "down").status());
            // refresh: a ROUTE-REFRESH, the session stays; clear: a new session
            long up = events.stream().filter(e -> e instanceof SpeakerEvent.SessionEstablished).count();
            Result refresh = bgpctl(sock, "neighbor", "127.0.71.2", "refresh");
            assertEquals(0, refresh.status(), refresh.err());
            assertTrue(TwoSites.await(10, s::converged));
            assertEquals(0, bgpctl(sock, "neighbor", "127.0.71.2", "clear").status());
            assertTrue(TwoSites.await(40, () -> events.stream()
                    .filter(e -> e instanceof SpeakerEvent.SessionEstablished).count() == up + 1), events::toString);
            assertTrue(TwoSites.await(40, s::converged), () -> "not back after clear: " + s.fibA.snapshot());
            // like OpenBGPD's, the counts outlive down, up and clear: three sessions' OPENs, and
            // the CEASEs of the down and the clear, written by us and read by B
            Result stats = bgpctl(sock, "-j", "show", "neighbor", "127.0.71.2");
            java.util.regex.Matcher sent = Pattern.compile("\"statistics\":\\{\"sent\":\\{\"opens\":(\\d+),"
                    + "\"notifications\":(\\d+),").matcher(stats.out());
            assertTrue(sent.find(), stats.out());
            assertTrue(Long.parseLong(sent.group(1)) >= 3, stats.out());
            assertTrue(Long.parseLong(sent.group(2)) >= 2, stats.out());
            assertTrue(s.bgpdB.neighbors().get(0).statistics().received().notifications() >= 2,
                    () -> s.bgpdB.neighbors().toString());
            Result text = bgpctl(sock, "show", "neighbor", "127.0.71.2");
            assertTrue(text.out().contains("  Message statistics:\n                  Sent       Received  \n"
                    + "  Opens      "), text.out());
            // the clear's Administrative Reset, or a later collision's CEASE (both sides connect)
            assertTrue(text.out().contains("  Last error sent: Cease / "), text.out());

            // reload: a new neighbor, a filter that drops one of B's prefixes; B's session stays up
            long establishedBefore = events.stream().filter(e -> e instanceof SpeakerEvent.SessionEstablished).count();
            List<SpeakerEvent> closedBefore = closedSessions(events, s);
            String original = Files.readString(s.confA);
            Files.writeString(s.confA, original.replace("allow from 127.0.71.2",
                    "allow from 127.0.71.2\ndeny from 127.0.71.2 prefix 203.0.113.128/26")
                    + "neighbor 127.0.71.3 { remote-as 65503\n local-address 127.0.71.1\n port 17471\n}\n");
            Result reload = bgpctl(sock, "reload");
            assertEquals(0, reload.status(), reload.err());
            assertTrue(reload.out().contains("1 neighbor(s) added, 0 removed, 0 reset; policies re-applied"),
                    reload.out());
            IpPrefix dropped = IpPrefix.parse("203.0.113.128/26");
            assertTrue(TwoSites.await(10, () -> !s.fibA.snapshot().containsKey(dropped)), s.fibA.snapshot()::toString);
            assertTrue(s.fibA.snapshot().containsKey(IpPrefix.parse("203.0.113.0/25")));
            assertTrue(bgpctl(sock, "show", "summary").out().contains("127.0.71.3"));
            // the new eBGP neighbor has no allow rule: RFC 8212 says nothing goes either way
            Result rfc8212 = bgpctl(sock, "show", "neighbor", "127.0.71.3");
            assertTrue(rfc8212.out().contains("  Import: RFC 8212: no import policy, accepting nothing\n"
                    + "  Export: RFC 8212: no export policy, announcing nothing\n"), rfc8212.out());
            // the policy change needed no new session
            assertEquals(establishedBefore,
                    events.stream().filter(e -> e instanceof SpeakerEvent.SessionEstablished).count());
            Result rows = bgpctl(sock, "-j", "show", "rib", "203.0.113.128/26");
            assertFalse(rows.out().contains("\"from\":\"127.0.71.2\""), rows.out());

            // a broken file: the error with its line, and nothing changes
            Files.writeString(s.confA, original + "bogus line\n");
            Result bad = bgpctl(sock, "reload");
            assertEquals(1, bad.status());
            int line = original.split("\n", -1).length;
            assertTrue(bad.err().contains(s.confA + ":" + line + ": "), bad.err());
            assertTrue(bgpctl(sock, "show", "summary").out().contains("127.0.71.3"));

            // the original file again: the neighbor goes, the filter goes, B's prefix is back
            Files.writeString(s.confA, original);
            Result back = bgpctl(sock, "reload");
            assertTrue(back.out().contains("0 neighbor(s) added, 1 removed"), back.out());
            assertTrue(TwoSites.await(10, () -> s.fibA.snapshot().containsKey(dropped)), s.fibA.snapshot()::toString);
            assertFalse(bgpctl(sock, "show", "summary").out().contains("127.0.71.3"));
            assertEquals(closedBefore, closedSessions(events, s), "reloads must not reset site B's session");
        }
    }
}
