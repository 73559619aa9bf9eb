package io.jbgp.benchmarks.ingest;

import io.jbgp.examples.ctl.Bgpctl;
import io.jbgp.rib.origin.JsonText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Our bgpd's {@code prefixes_received} for the feeder, from {@code bgpctl -j show summary} over
 * its control socket (the examples' {@link Bgpctl}, in process).
 *
 * <p>Costly for the target: bgpd answers "show summary" from a full RIB snapshot taken on the
 * RIB executor (every destination, both Adj-RIB-Ins, the export verdicts), i.e. O(table) work
 * queued behind the UPDATEs. Polling it every few milliseconds during an ingest would measure
 * the snapshots; {@link Replay} therefore uses the route-refresh marker to time our bgpd and asks
 * this probe once, afterwards, to check the count.
 */
final class JbgpProbe implements TargetProbe {
    private final Path socket;
    private final String neighbor;

    JbgpProbe(Path socket, InetAddress neighbor) {
        this.socket = socket;
        this.neighbor = neighbor.getHostAddress();
    }

    @Override
    public String name() {
        return "jbgp";
    }

    @Override
    public long received() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Bgpctl.run(new String[] {"-j", "-s", socket.toString(), "show", "summary"}, o, e);
        }
        if (status != 0) {
            throw new IOException("jbgp: bgpctl show summary failed (" + status + "): "
                    + err.toString(StandardCharsets.UTF_8).trim());
        }
        Object root;
        try {
            root = JsonText.parse(out.toString(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException("jbgp: bad JSON from bgpctl: " + e.getMessage(), e);
        }
        if (root instanceof Map<?, ?> m && m.get("neighbors") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> n && neighbor.equals(n.get("address"))
                        && n.get("prefixes_received") instanceof Number c) {
                    return c.longValue();
                }
            }
        }
        return -1;
    }

    @Override
    public void close() {
        // one connection per question: nothing held
    }
}
