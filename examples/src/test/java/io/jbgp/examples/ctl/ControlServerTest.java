package io.jbgp.examples.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.types.IpPrefix;
import io.jbgp.examples.config.BgpdConfig;
import io.jbgp.examples.config.BgpdConfigParser;
import io.jbgp.examples.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The control socket end to end: real Unix socket, real client, fake daemon. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ControlServerTest {

    /** The daemon side, canned: answers from the fixtures and records what it was asked. */
    static final class FakeTarget implements ControlTarget {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        volatile boolean failRib;

        @Override
        public List<NeighborView> neighbors() {
            calls.add("neighbors");
            return ViewFixtures.NEIGHBORS;
        }

        @Override
        public List<NeighborDetailView> neighborDetails() {
            calls.add("neighborDetails");
            return ViewFixtures.DETAILS;
        }

        @Override
        public List<NexthopView> nexthops() {
            calls.add("nexthops");
            return ViewFixtures.NEXTHOPS;
        }

        @Override
        public List<RibRowView> rib(RibQuery query) {
            calls.add("rib " + query);
            if (failRib) {
                throw new IllegalStateException("rib: snapshot unavailable");
            }
            return ViewFixtures.RIB.subList(0, 1);
        }

        @Override
        public List<FibRowView> fib(Optional<IpPrefix> prefix) {
            calls.add("fib " + prefix);
            return ViewFixtures.FIB;
        }

        @Override
        public List<NetworkView> networks() {
            calls.add("networks");
            return ViewFixtures.NETWORKS;
        }

        @Override
        public BgpdConfig config() {
            try {
                return BgpdConfigParser.parse("bgpd.conf", "AS 65501\nneighbor 172.19.0.2 {\n"
                        + " remote-as 65502\n tcp md5sig password topsecret\n}\n");
            } catch (ConfigException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public ActionResult neighbor(InetAddress address, NeighborAction action) {
            calls.add("neighbor " + address.getHostAddress() + " " + action);
            return address.getHostAddress().equals("172.19.0.2")
                    ? ActionResult.done("request sent.")
                    : ActionResult.failed("no such neighbor " + address.getHostAddress());
        }

        @Override
        public ActionResult reload() {
            calls.add("reload");
            return ActionResult.failed("bgpd.conf:3: unknown keyword \"foo\"");
        }
    }

    @TempDir
    Path dir;

    private Path socket;
    private FakeTarget target;
    private ControlServer server;

    @BeforeEach
    void start() throws IOException {
        socket = dir.resolve("bgpd.sock");
        target = new FakeTarget();
        server = ControlServer.start(socket, new ControlDispatcher(target),
                Duration.ofMillis(300), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    /** Runs the client tool: exit status, stdout, stderr. */
    private String[] bgpctl(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Bgpctl.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(rc), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }

    private String[] withSocket(String... command) {
        String[] args = new String[command.length + 2];
        args[0] = "-s";
        args[1] = socket.toString();
        System.arraycopy(command, 0, args, 2, command.length);
        return bgpctl(args);
    }

    @Test
    void socketFileIsPrivateToTheOwner() throws IOException {
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        // no temporary name left behind
        try (var files = Files.list(dir)) {
            assertEquals(List.of(socket), files.collect(java.util.stream.Collectors.toList()));
        }
    }

    @Test
    void showSummaryPrintsTheTextTable() {
        String[] r = withSocket("show", "summary");
        assertEquals("0", r[0], r[2]);
        assertEquals(BgpctlText.summary(ViewFixtures.NEIGHBORS), r[1]);
        assertEquals("", r[2]);
    }

    @Test
    void jsonFlagSelectsJson() {
        String[] r = withSocket("-j", "show", "rib", "10.2.0.0/24", "detail");
        assertEquals("0", r[0], r[2]);
        assertEquals(BgpctlJson.rib(ViewFixtures.RIB.subList(0, 1)), r[1]);
        assertEquals(List.of("rib " + new RibQuery(Optional.of(IpPrefix.parse("10.2.0.0/24")),
                Optional.empty(), Optional.empty(), false, true)), target.calls);
    }

    @Test
    void ribDetailFibNetworkAndNeighborFilter() {
        assertEquals(BgpctlText.ribDetail(ViewFixtures.RIB.subList(0, 1)),
                withSocket("show", "rib", "detail")[1]);
        assertEquals(BgpctlText.fib(ViewFixtures.FIB), withSocket("show", "fib")[1]);
        assertEquals(BgpctlText.networks(ViewFixtures.NETWORKS),
                withSocket("show", "network")[1]);
        assertEquals(BgpctlText.neighbors(ViewFixtures.DETAILS.subList(0, 1)),
                withSocket("show", "neighbor", "172.19.0.2")[1]);
        assertEquals(BgpctlText.neighbors(ViewFixtures.DETAILS), withSocket("show", "neighbor")[1]);
        assertEquals(BgpctlJson.nexthops(ViewFixtures.NEXTHOPS),
                withSocket("-j", "show", "nexthop")[1]);
        assertEquals(BgpctlText.nexthops(ViewFixtures.NEXTHOPS), withSocket("show", "nexthop")[1]);
        String[] missing = withSocket("show", "neighbor", "10.9.9.9");
        assertEquals("1", missing[0]);
        assertEquals("no such neighbor 10.9.9.9\n", missing[2]);
    }

    @Test
    void showConfigMasksTheSecret() {
        String[] r = withSocket("show", "config");
        assertEquals("0", r[0]);
        assertTrue(r[1].contains("tcp md5sig password ********\n"), r[1]);
        assertFalse(r[1].contains("topsecret"), r[1]);
    }

    @Test
    void neighborActionsReachTheDaemon() {
        String[] r = withSocket("neighbor", "172.19.0.2", "clear");
        assertEquals("0", r[0]);
        assertEquals("request sent.\n", r[1]);
        String[] bad = withSocket("-j", "neighbor", "10.9.9.9", "down");
        assertEquals("1", bad[0]);
        assertEquals("{\"ok\":false,\"message\":\"no such neighbor 10.9.9.9\"}\n", bad[2]);
        assertEquals(List.of("neighbor 172.19.0.2 CLEAR", "neighbor 10.9.9.9 DOWN"),
                target.calls);
    }

    @Test
    void failedReloadIsAnErrorWithTheConfigMessage() {
        String[] r = withSocket("reload");
        assertEquals("1", r[0]);
        assertEquals("bgpd.conf:3: unknown keyword \"foo\"\n", r[2]);
    }

    @Test
    void badCommandIsAnsweredNotDropped() {
        String[] r = withSocket("show", "bananas");
        assertEquals("1", r[0]);
        assertEquals("unknown show command \"bananas\"; " + ControlCommandParser.USAGE + "\n",
                r[2]);
        String[] j = withSocket("-j", "frobnicate");
        assertEquals("1", j[0]);
        assertTrue(TinyJson.object(j[2]).get("error").toString()
                .startsWith("unknown command \"frobnicate\""), j[2]);
        assertEquals(List.of(), target.calls);
    }

    @Test
    void daemonExceptionBecomesAnErrorAndTheServerKeepsServing() {
        target.failRib = true;
        String[] r = withSocket("show", "rib");
        assertEquals("1", r[0]);
        assertEquals("internal error: java.lang.IllegalStateException: rib: snapshot "
                + "unavailable\n", r[2]);
        assertEquals("0", withSocket("show")[0]);
    }

    @Test
    void silentClientIsAnsweredAndCutOffAfterTheRequestTimeout() throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            // send half a line and stall: the server must not wait forever
            ch.write(ByteBuffer.wrap("show sum".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buf = ByteBuffer.allocate(256);
            // blocking read; returns when the server answers and closes (the class timeout
            // bounds it should the server misbehave)
            while (ch.read(buf) >= 0) {
                if (!buf.hasRemaining()) {
                    break;
                }
            }
            String got = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
            assertEquals("ERR 38\nbad request: control socket timed out\n", got);
        }
        assertEquals("0", withSocket("show")[0]);
    }

    @Test
    void manyClientsAtOnceAllGetTheirAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String[]>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                boolean json = i % 2 == 0;
                results.add(pool.submit(() -> json ? withSocket("-j", "show", "fib")
                        : withSocket("show", "fib")));
            }
            for (int i = 0; i < results.size(); i++) {
                String[] r = results.get(i).get(20, TimeUnit.SECONDS);
                assertEquals("0", r[0], r[2]);
                assertEquals(i % 2 == 0 ? BgpctlJson.fib(ViewFixtures.FIB)
                        : BgpctlText.fib(ViewFixtures.FIB), r[1]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closeRemovesTheSocketAndClientsThenFailCleanly() throws IOException {
        server.close();
        assertFalse(Files.exists(socket));
        String[] r = withSocket("show");
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("bgpctl: " + socket + ": "), r[2]);
        server = ControlServer.start(socket, new ControlDispatcher(target)); // for @AfterEach
    }

    @Test
    void liveSocketIsNotStolenButAStaleOneIsReplaced() throws IOException {
        IOException e = assertThrows(IOException.class,
                () -> ControlServer.start(socket, new ControlDispatcher(target)));
        assertEquals("control socket " + socket + " is in use by another process",
                e.getMessage());
        // a socket file nobody listens on, as a crashed daemon leaves it
        Path stale = dir.resolve("stale.sock");
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(stale));
        dead.close();
        assertTrue(Files.exists(stale));
        try (ControlServer s = ControlServer.start(stale, new ControlDispatcher(target))) {
            assertEquals(stale, s.path());
            String[] r = bgpctl("-s", stale.toString(), "show");
            assertEquals("0", r[0], r[2]);
        }
    }

    @Test
    void aRegularFileInTheWayIsNeverDeleted() throws IOException {
        Path file = dir.resolve("bgpd.conf");
        Files.writeString(file, "AS 65501\n");
        IOException e = assertThrows(IOException.class,
                () -> ControlServer.start(file, new ControlDispatcher(target)));
        assertEquals("control socket path " + file + " exists and is not a socket",
                e.getMessage());
        assertEquals("AS 65501\n", Files.readString(file));
    }

    @Test
    void clientUsageErrors() {
        assertEquals("2", bgpctl()[0]);
        assertEquals("usage: bgpctl [-j] [-s socket] command [argument ...]\n", bgpctl()[2]);
        String[] noArg = bgpctl("-s");
        assertEquals("2", noArg[0]);
        assertTrue(noArg[2].startsWith("bgpctl: option -s needs a socket path\n"));
        String[] unknown = bgpctl("-x", "show");
        assertEquals("2", unknown[0]);
        assertTrue(unknown[2].startsWith("bgpctl: unknown option -x\n"));
    }
}
