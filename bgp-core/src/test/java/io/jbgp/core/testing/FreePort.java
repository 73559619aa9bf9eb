package io.jbgp.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A currently free TCP port on a loopback address. Tests use fresh ports rather than fixed ones
 * because other checkouts of this project may run the same tests on the same machine at the same
 * time; a fixed port would let their connections reach our speakers.
 */
public final class FreePort {
    private FreePort() {}

    /**
     * A free port on {@code address} BELOW the kernel's ephemeral range, so that no outgoing
     * connection can be given it between this check and the listener's bind (a speaker's own
     * active connect, started before its listener binds, once took the port picked for that
     * listener). Falls back to an ephemeral port when no low port is free after a bounded search.
     */
    public static int on(InetAddress address) {
        int low = ephemeralLow();
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200 && low > 10_001; attempt++) {
            int port = r.nextInt(10_000, low);
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(address, port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(address, 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("FreePort.on " + address, e);
        }
    }

    // the first port of /proc/sys/net/ipv4/ip_local_port_range (Linux default 32768)
    private static int ephemeralLow() {
        try {
            String[] range = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .trim().split("\\s+");
            return Integer.parseInt(range[0]);
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }
}
