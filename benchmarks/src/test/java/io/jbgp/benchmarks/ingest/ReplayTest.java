package io.jbgp.benchmarks.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbgp.benchmarks.FullTable;
import io.jbgp.benchmarks.SharedData;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.examples.bgpd.Bgpd;
import io.jbgp.rib.RibSnapshot;
import io.jbgp.rib.table.PeerSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay end to end against our bgpd in process, with a slice of the shared full-table
 * capture (skipped without it): the daemon must end with exactly the table the feed promises,
 * whichever way completion is seen.
 */
@Timeout(60)
class ReplayTest {
    private static final String FEEDER = "127.0.0.80";
    private static final String TARGET = "127.0.0.81";
    private static final IpPrefix SENTINEL = IpPrefix.parse("203.0.113.0/24");

    @TempDir
    Path dir;
    private Bgpd bgpd;
    private int port;
    private Path mrt;

    @BeforeEach
    void startTarget() throws Exception {
        mrt = SharedData.findMrt(FullTable.FILE);
        assumeTrue(mrt != null, "shared MRT data not found (set -D" + SharedData.PROPERTY + "): replay test skipped");
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(TARGET, 0));
            port = probe.getLocalPort();
        }
        Path conf = dir.resolve("bgpd.conf");
        // what scripts/ingest-bench.sh writes: import everything, export only the sentinel
        Files.writeString(conf, String.join("\n",
                "AS 65502",
                "router-id 10.66.0.81",
                "listen on " + TARGET + " port " + port,
                "fib-update no",
                "network " + SENTINEL,
                "neighbor " + FEEDER + " {",
                "    remote-as 65501",
                "    passive",
                "    local-address " + TARGET,
                "}",
                "allow from " + FEEDER,
                "allow to " + FEEDER + " prefix " + SENTINEL,
                ""));
        bgpd = Bgpd.start(conf, Bgpd.Options.defaults());
        bgpd.startControlSocket(dir.resolve("bgpd.sock"));
    }

    @AfterEach
    void stopTarget() {
        if (bgpd != null) {
            bgpd.close();
        }
    }

    private Replay.Options options(boolean refresh, int limit) {
        return new Replay.Options(new InetSocketAddress(TARGET, port), IpPrefix.parseAddress(FEEDER), 65501,
                RouterId.parse(FEEDER), (Inet4Address) IpPrefix.parseAddress(FEEDER),
                "jbgp:" + dir.resolve("bgpd.sock"), refresh, SENTINEL, ProcessHandle.current().pid(), "test", mrt,
                limit, 20, Duration.ofSeconds(40), Duration.ofSeconds(10), Duration.ZERO, false);
    }

    /** The prefixes our bgpd holds from the feeder, read from its RIB (not from the probe). */
    private Set<Ipv4Prefix> targetTable() {
        RibSnapshot s = bgpd.snapshot();
        InetAddress feeder = IpPrefix.parseAddress(FEEDER);
        Set<Ipv4Prefix> out = new HashSet<>();
        for (RibSnapshot.DestinationView d : s.routes(AddressFamily.IPV4_UNICAST)) {
            boolean fromFeeder = d.candidates().stream()
                    .anyMatch(c -> c.route().source() instanceof PeerSource ps && ps.address().equals(feeder));
            if (fromFeeder) {
                out.add((Ipv4Prefix) d.prefix());
            }
        }
        return out;
    }

    private Replay.Result replay(boolean refresh, int limit, ReplayFeed feed) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Replay.Options o = options(refresh, limit);
        // the session stays up while the table is read: the feeder keeps it open until run returns
        try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            Replay.Result r = Replay.run(o, feed, out);
            assertTrue(text.toString(StandardCharsets.UTF_8).contains("RESULT label=test status=" + r.status()),
                    text::toString);
            return r;
        }
    }

    @Test
    void routeRefreshMarkerSeesTheWholeTableInTheRib() throws Exception {
        ReplayFeed feed = ReplayFeed.prepare(mrt, 2000, 65501, (Inet4Address) IpPrefix.parseAddress(FEEDER));
        Replay.Result r = replay(true, 2000, feed);
        assertEquals(Replay.Status.EXACT, r.status(), r::toString);
        assertEquals(feed.expected().size(), r.reported());
        assertTrue(r.seconds() > 0 && r.writeSeconds() >= 0 && r.writeSeconds() <= r.seconds(), r::toString);
        assertTrue(r.before() != null && r.after() != null && r.cpuSeconds() >= 0, r::toString);
    }

    @Test
    void countPollingEndsWhenTheCountIsTheTable() throws Exception {
        ReplayFeed feed = ReplayFeed.prepare(mrt, 500, 65501, (Inet4Address) IpPrefix.parseAddress(FEEDER));
        assertTrue(feed.expected().size() > 10_000, "the slice is a real load: " + feed);
        Replay.Result r = replay(false, 500, feed);
        assertEquals(Replay.Status.EXACT, r.status(), r::toString);
        assertTrue(r.polls() >= 1);
    }

    /** The table itself, not only its count: the session is still up after run() in neither test. */
    @Test
    void theTargetHoldsExactlyTheExpectedPrefixes() throws Exception {
        ReplayFeed feed = ReplayFeed.prepare(mrt, 1000, 65501, (Inet4Address) IpPrefix.parseAddress(FEEDER));
        Replay.Options o = options(true, 1000);
        Set<Ipv4Prefix> held;
        try (TargetProbe probe = TargetProbe.parse(o.probe(), o.local());
             FeederSession s = FeederSession.open(new FeederSession.Params(o.target(), o.local(), o.localAs(),
                     o.routerId(), 90, Duration.ofSeconds(20)), SENTINEL)) {
            s.send(feed.wire(), feed.ends());
            s.awaitWatched(1, Duration.ofSeconds(30));
            s.sendRouteRefresh();
            s.awaitWatched(2, Duration.ofSeconds(30));
            held = targetTable();
            assertEquals(held.size(), probe.received());
        }
        assertEquals(feed.expected(), held);
    }
}
