package io.jbgp.examples.bgpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.examples.config.BgpdConfigParser;
import io.jbgp.rib.fib.InMemoryFibSink;
import io.jbgp.rib.origin.InMemorySystemRouteSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listen address someone else holds: bgpd must say so and exit 1, as bgpd(8) does, instead of
 * letting Netty's checked bind exception past the start-up error handling (the daemon then
 * lingered with no listener and no control socket). Only loopback ports are bound.
 */
class BgpdStartFailureTest {
    private static final String ADDRESS = "127.0.76.1";

    @TempDir
    Path dir;

    private static String conf(int port) {
        return "AS 65501\nrouter-id 10.1.0.1\nlisten on " + ADDRESS + " port " + port + "\nfib-update no\n";
    }

    @Test
    void startReportsATakenListenAddressAsAnUncheckedError() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS), 0));
            int port = taken.getLocalPort();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Bgpd.start(
                    BgpdConfigParser.parse("t.conf", conf(port)), Bgpd.Options.defaults()
                            .withSystemRoutes(new InMemorySystemRouteSource(List.of()))
                            .withFibSink(new InMemoryFibSink())));
            assertTrue(e.getMessage().contains(ADDRESS + ":" + port), e.getMessage());
        }
    }

    @Test
    void bgpdExitsOneNamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS), 0));
            int port = taken.getLocalPort();
            Path f = dir.resolve("bgpd.conf");
            Files.writeString(f, conf(port));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = BgpdMain.run(new String[] {"-f", f.toString(), "-s", dir.resolve("s.sock").toString(),
                "-F", "none"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String e = err.toString(StandardCharsets.UTF_8);
            assertEquals(1, status, e);
            assertTrue(e.startsWith("bgpd: cannot start: ") && e.contains(ADDRESS + ":" + port), e);
            assertTrue(Files.notExists(dir.resolve("s.sock")), "no control socket for a daemon that did not start");
        }
    }
}
