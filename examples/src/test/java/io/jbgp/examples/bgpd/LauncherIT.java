package io.jbgp.examples.bgpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/bgpd} without {@code -d} detaches the daemon; like bgpd(8) it must not report a
 * start when there is none: a broken file is reported in the foreground ({@code FILE:LINE:
 * message}, exit 1), and a daemon that dies while starting (its listen address taken) is reported
 * with its log and exit 1. Binds only 127.0.77.1.
 */
class LauncherIT {
    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private Result launch(Path conf) throws Exception {
        File[] jars = new File("target").listFiles((d, n) -> n.startsWith("examples-") && n.endsWith("-all.jar"));
        assumeTrue(jars != null && jars.length == 1, "the shaded jar is built in the package phase");
        ProcessBuilder pb = new ProcessBuilder(List.of("bin/bgpd", "-f", conf.toString(), "-s",
                dir.resolve("bgpd.sock").toString(), "-F", "none"));
        pb.environment().put("BGPD_LOG", dir.resolve("bgpd.log").toString());
        pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "launcher timed out");
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void brokenFileIsReportedBeforeDetaching() throws Exception {
        Path conf = dir.resolve("bad.conf");
        Files.writeString(conf, "AS 65501\nrouter-id 10.1.0.1\nfrobnicate yes\n");
        Result r = launch(conf);
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().startsWith(conf + ":3: "), r.toString());
        assertEquals("", r.out(), "no \"started\" line for a daemon that never ran");
    }

    @Test
    void daemonThatCannotListenIsReportedWithItsLog() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.77.1"), 0));
            Path conf = dir.resolve("bgpd.conf");
            Files.writeString(conf, "AS 65501\nrouter-id 10.1.0.1\nlisten on 127.0.77.1 port "
                    + taken.getLocalPort() + "\nfib-update no\n");
            Result r = launch(conf);
            assertEquals(1, r.status(), r.toString());
            assertTrue(r.err().startsWith("bgpd: failed to start (exit 1):"), r.toString());
            assertTrue(r.err().contains("cannot listen on 127.0.77.1:" + taken.getLocalPort()), r.toString());
        }
    }
}
