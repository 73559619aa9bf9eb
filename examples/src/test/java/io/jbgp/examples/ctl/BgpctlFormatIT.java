package io.jbgp.examples.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbgp.core.attr.Origin;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.netty.MessageStatistics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our bgpctl text against the real thing: OpenBGPD 7.7 runs with a neighbor that never comes up
 * and two local networks, and its {@code bgpctl show summary} / {@code show rib} must match what
 * {@link BgpctlText} prints for the same state, byte for byte (minus bgpctl's origin-validation
 * column, which we do not have), and so must the statistics tables of {@code show neighbor}
 * (minus bgpctl's Pending column). Runs only as root with OpenBGPD installed (see PEERS.md); the
 * daemon binds 127.0.0.61 only and is stopped by its PID.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BgpctlFormatIT {
    private static final Path BGPD = Path.of("/usr/sbin/bgpd");
    private static final Path BGPCTL = Path.of("/usr/sbin/bgpctl");

    @TempDir
    Path dir;

    private Process bgpd;

    @AfterEach
    void stop() throws InterruptedException {
        if (bgpd != null) {
            bgpd.destroy(); // SIGTERM to the PID we started; its children exit with it
            if (!bgpd.waitFor(10, TimeUnit.SECONDS)) {
                bgpd.destroyForcibly();
            }
        }
    }

    private String bgpctl(Path socket, String... command) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(BGPCTL.toString(), "-s",
                socket.toString()));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "bgpctl timed out");
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void summaryAndRibMatchOpenBgpdsBgpctl() throws Exception {
        assumeTrue(Files.isExecutable(BGPD) && Files.isExecutable(BGPCTL), "OpenBGPD not installed");
        assumeTrue(Files.isDirectory(Path.of("/run/openbgpd")) && isRoot(),
                "needs root and /run/openbgpd (see /work/shared/PEERS.md)");
        Path socket = dir.resolve("bgpd.sock");
        Path conf = dir.resolve("bgpd.conf");
        int port = 20000 + (int) (ProcessHandle.current().pid() % 20000);
        Files.writeString(conf, String.join("\n",
                "AS 65501",
                "router-id 10.1.0.1",
                "listen on 127.0.0.61 port " + port,
                "socket \"" + socket + "\"",
                "fib-update no",
                "network 198.51.100.0/24",
                "network 203.0.113.0/25",
                "neighbor 127.0.0.62 {",
                "\tremote-as 65502",
                "\tdescr \"SiteB\"",
                "\tlocal-address 127.0.0.61",
                "\tport " + port,
                "\tpassive",
                "}",
                "allow from any",
                "allow to any",
                ""));
        bgpd = new ProcessBuilder(BGPD.toString(), "-d", "-f", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("bgpd.log").toFile())
                .start();
        String summary = "";
        // wait for the external daemon: its socket, then the passive neighbor in Active
        for (int i = 0; i < 200 && !summary.contains("Active"); i++) {
            Thread.sleep(50);
            if (Files.exists(socket)) {
                summary = bgpctl(socket, "show", "summary");
            }
        }
        assertEquals(BgpctlText.summary(List.of(new NeighborView(IpPrefix.parseAddress(
                "127.0.0.62"), Asn.of(65502), Optional.of("SiteB"), SessionState.ACTIVE,
                NeighborView.NEVER, 0, 0, MessageStatistics.NONE, 0))), summary);

        // show neighbor: our statistics tables in bgpctl's layout; bgpctl's Update statistics
        // has a Pending column we lack, so each of our lines there must begin its line
        String theirs = bgpctl(socket, "show", "neighbor", "127.0.0.62");
        String ourBlock = BgpctlText.neighbors(List.of(new NeighborDetailView(new NeighborView(
                IpPrefix.parseAddress("127.0.0.62"), Asn.of(65502), Optional.of("SiteB"),
                SessionState.ACTIVE, NeighborView.NEVER, 0, 0, MessageStatistics.NONE, 0),
                Optional.empty(), Optional.empty(), "filter rules allow from this neighbor",
                "filter rules allow to this neighbor")));
        assertEquals(block(ourBlock, "  Message statistics:", "  Total"),
                block(theirs, "  Message statistics:", "  Total"), theirs);
        List<String> ourUpdates = block(ourBlock, "  Update statistics:", "  End-of-RR");
        List<String> theirUpdates = block(theirs, "  Update statistics:", "  End-of-RR");
        assertEquals(ourUpdates.size(), theirUpdates.size(), theirs);
        for (int i = 0; i < ourUpdates.size(); i++) {
            assertTrue(theirUpdates.get(i).startsWith(ourUpdates.get(i)),
                    "ours: [" + ourUpdates.get(i) + "] theirs: [" + theirUpdates.get(i) + "]");
        }

        String rib = bgpctl(socket, "show", "rib");
        List<RibRowView> ours = List.of(local("198.51.100.0/24"), local("203.0.113.0/25"));
        assertEquals(tableRows(BgpctlText.rib(ours)), tableRows(withoutOvsColumn(rib)), rib);
    }

    private static RibRowView local(String prefix) {
        return new RibRowView(IpPrefix.parse(prefix), IpPrefix.parseAddress("0.0.0.0"),
                Optional.empty(), new long[0], Origin.IGP, 100, 0, List.of(), true,
                "locally originated", true, false);
    }

    /** The lines from the one starting with {@code first} to the next starting with {@code last}. */
    private static List<String> block(String text, String first, String last) {
        List<String> lines = text.lines().collect(Collectors.toList());
        int from = 0;
        while (from < lines.size() && !lines.get(from).startsWith(first)) {
            from++;
        }
        int to = from;
        while (to < lines.size() && !lines.get(to).startsWith(last)) {
            to++;
        }
        assertTrue(to < lines.size(), "no " + first + " ... " + last + " block in:\n" + text);
        return lines.subList(from, to + 1);
    }

    /** The column header and the rows: the legend above them differs on purpose. */
    private static List<String> tableRows(String text) {
        List<String> lines = text.lines().collect(Collectors.toList());
        int header = 0;
        while (header < lines.size() && !lines.get(header).startsWith("flags ")) {
            header++;
        }
        return lines.subList(Math.min(header, lines.size()), lines.size());
    }

    /** bgpctl's {@code "flags ovs destination"} layout, with the 4-column "ovs " cut out. */
    private static String withoutOvsColumn(String text) {
        return text.lines().map(l -> l.length() > 10 && (l.startsWith("flags ovs")
                || l.charAt(8) == 'N' || l.charAt(8) == 'V' || l.charAt(8) == '!')
                ? l.substring(0, 6) + l.substring(10) : l)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static boolean isRoot() {
        try {
            return "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream()
                    .readAllBytes(), StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            return false;
        }
    }
}
