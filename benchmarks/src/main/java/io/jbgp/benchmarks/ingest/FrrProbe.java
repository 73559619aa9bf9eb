package io.jbgp.benchmarks.ingest;

import io.jbgp.rib.origin.JsonText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * FRR bgpd's {@code pfxRcd} for the feeder, from {@code show bgp ipv4 unicast summary json} over
 * bgpd's vtysh socket ({@code VTY_DIR/bgpd.vty}), spoken directly: the command with a
 * terminating NUL, the answer ends with three NULs and a status octet (what vtysh does). One
 * connection for all polls; an answer takes well under a millisecond of bgpd's main thread.
 *
 * <p>{@code pfxRcd} counts the prefixes in the neighbor's Adj-RIB-In; FRR runs best-path
 * selection for them from a work queue shortly after, so "complete" here means "received and
 * stored", not "best path chosen" (the same meaning the reference figures have).
 */
final class FrrProbe implements TargetProbe {
    private static final long TIMEOUT_MILLIS = 10_000;
    private final Path socket;
    private final String neighbor;
    private SocketChannel channel;
    private Selector selector;

    FrrProbe(Path vtyDir, InetAddress neighbor) {
        this.socket = vtyDir.resolve("bgpd.vty");
        this.neighbor = neighbor.getHostAddress();
    }

    @Override
    public String name() {
        return "frr";
    }

    @Override
    public long received() throws IOException {
        Object root;
        try {
            root = JsonText.parse(command("show bgp ipv4 unicast summary json"));
        } catch (IllegalArgumentException e) {
            throw new IOException("frr: bad JSON from vtysh socket: " + e.getMessage(), e);
        }
        if (root instanceof Map<?, ?> m && m.get("peers") instanceof Map<?, ?> peers
                && peers.get(neighbor) instanceof Map<?, ?> peer && peer.get("pfxRcd") instanceof Number n) {
            return n.longValue();
        }
        return -1;
    }

    /** One vtysh command; the answer without its terminator. */
    String command(String line) throws IOException {
        if (channel == null) {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
        }
        byte[] cmd = (line + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer w = ByteBuffer.wrap(cmd);
        long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000;
        while (w.hasRemaining()) {
            channel.write(w);
            checkDeadline(deadline, line);
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream(4096);
        ByteBuffer r = ByteBuffer.allocate(64 * 1024);
        while (true) {
            selector.select(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            selector.selectedKeys().clear();
            int n = channel.read(r);
            if (n < 0) {
                close();
                throw new IOException("frr: vtysh socket closed during " + line);
            }
            r.flip();
            answer.write(r.array(), 0, r.limit());
            r.clear();
            byte[] a = answer.toByteArray();
            int len = a.length;
            if (len >= 4 && a[len - 4] == 0 && a[len - 3] == 0 && a[len - 2] == 0) {
                if (a[len - 1] != 0) {
                    throw new IOException("frr: command failed (status " + a[len - 1] + "): " + line);
                }
                return new String(a, 0, len - 4, StandardCharsets.UTF_8);
            }
            checkDeadline(deadline, line);
        }
    }

    private void checkDeadline(long deadline, String line) throws IOException {
        if (System.nanoTime() - deadline > 0) {
            close();
            throw new IOException("frr: no answer within " + TIMEOUT_MILLIS + " ms to " + line);
        }
    }

    @Override
    public void close() {
        try {
            if (selector != null) {
                selector.close();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        channel = null;
        selector = null;
    }
}
