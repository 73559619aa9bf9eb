package io.jbgp.benchmarks.ingest;

import io.jbgp.rib.origin.JsonText;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * OpenBGPD's received-prefix count for the feeder, from {@code bgpctl -j -s SOCKET show neighbor
 * ADDR} ({@code stats.prefixes.received}). OpenBGPD's control protocol is imsg, so this runs the
 * {@code bgpctl} binary per poll: a few milliseconds of CPU on our side, a cheap lookup in
 * bgpd's session engine, which asks the route engine for nothing.
 */
final class OpenBgpdProbe implements TargetProbe {
    private static final long TIMEOUT_MILLIS = 10_000;
    private final Path socket;
    private final String neighbor;

    OpenBgpdProbe(Path socket, InetAddress neighbor) {
        this.socket = socket;
        this.neighbor = neighbor.getHostAddress();
    }

    @Override
    public String name() {
        return "openbgpd";
    }

    @Override
    public long received() throws IOException {
        Process p = new ProcessBuilder("bgpctl", "-j", "-s", socket.toString(), "show", "neighbor", neighbor)
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes(); // small; read before waiting, never a full pipe
        try {
            if (!p.waitFor(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("openbgpd: bgpctl timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("openbgpd: bgpctl failed: " + text.trim());
        }
        Object root;
        try {
            root = JsonText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("openbgpd: bad JSON from bgpctl: " + e.getMessage(), e);
        }
        if (root instanceof Map<?, ?> m && m.get("neighbors") instanceof List<?> list && !list.isEmpty()
                && list.get(0) instanceof Map<?, ?> n && n.get("stats") instanceof Map<?, ?> stats
                && stats.get("prefixes") instanceof Map<?, ?> prefixes
                && prefixes.get("received") instanceof Number c) {
            return c.longValue();
        }
        return -1;
    }

    @Override
    public void close() {
        // one process per question: nothing held
    }
}
