package io.jbgp.examples.interop;

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
final class FreePort {
    private FreePort() {}

    /** Asks the kernel for an ephemeral port on {@code address}, then releases it. */
    static int on(InetAddress address) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(address, 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("FreePort.on " + address, e);
        }
    }
}
