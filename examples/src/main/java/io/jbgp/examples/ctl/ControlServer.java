package io.jbgp.examples.ctl;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's control socket: a Unix-domain stream socket, mode 0600, one request per
 * connection (framing in {@link ControlResponse}), answered by a {@link ControlDispatcher}.
 *
 * <p>Threads: one acceptor, and two workers behind a short queue; when both are busy and the
 * queue is full a new connection is closed at once rather than queued without bound. Each
 * connection must deliver its request line within {@code requestTimeout}, and takes at most
 * {@code responseTimeout} to drain the answer, so a stuck client frees its worker.
 *
 * <p>The socket is bound under a temporary name, restricted to 0600, then renamed into place,
 * so there is no moment when another user could connect (OpenBGPD instead relies on umask).
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

    private final Path path;
    private final ServerSocketChannel server;
    private final ControlDispatcher dispatcher;
    private final Duration requestTimeout;
    private final Duration responseTimeout;
    private final ThreadPoolExecutor workers;
    private final Thread acceptor;
    private volatile boolean closed;

    private ControlServer(Path path, ServerSocketChannel server, ControlDispatcher dispatcher,
            Duration requestTimeout, Duration responseTimeout) {
        this.path = path;
        this.server = server;
        this.dispatcher = dispatcher;
        this.requestTimeout = requestTimeout;
        this.responseTimeout = responseTimeout;
        this.workers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(16), r -> {
                    Thread t = new Thread(r, "bgpctl-worker");
                    t.setDaemon(true);
                    return t;
                });
        this.acceptor = new Thread(this::acceptLoop, "bgpctl-accept");
        this.acceptor.setDaemon(true);
    }

    /** Listens on {@code path} with 5 s to read a request and 60 s to send an answer. */
    public static ControlServer start(Path path, ControlDispatcher dispatcher) throws IOException {
        return start(path, dispatcher, Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    /**
     * Listens on {@code path}. A stale socket file left by a crashed daemon is replaced; a live
     * one (something accepts connections on it) is an error.
     */
    public static ControlServer start(Path path, ControlDispatcher dispatcher,
            Duration requestTimeout, Duration responseTimeout) throws IOException {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            if (!isSocket(path)) {
                // never delete a file we did not make; a typo in "socket" must not cost data
                throw new IOException("control socket path " + path
                        + " exists and is not a socket");
            }
            if (isLive(path)) {
                throw new IOException("control socket " + path + " is in use by another process");
            }
            Files.delete(path);
        }
        Path temp = path.resolveSibling(path.getFileName() + ".tmp"
                + ProcessHandle.current().pid());
        Files.deleteIfExists(temp);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(temp));
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            server.close();
            Files.deleteIfExists(temp);
            throw e;
        }
        ControlServer s = new ControlServer(path, server, dispatcher, requestTimeout,
                responseTimeout);
        s.acceptor.start();
        LOG.info("control socket listening on {}", path);
        return s;
    }

    private static boolean isSocket(Path path) throws IOException {
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return (mode & S_IFMT) == S_IFSOCK;
    }

    /** File-type bits of {@code st_mode}, and the socket type (POSIX {@code sys/stat.h}). */
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private static boolean isLive(Path path) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            return probe.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    /** Where the socket lives. */
    public Path path() {
        return path;
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (ClosedChannelException e) {
                return; // close() in progress
            } catch (IOException e) {
                LOG.warn("control socket accept failed, stopping: {}", e.toString());
                return;
            }
            try {
                workers.execute(() -> serve(ch));
            } catch (RejectedExecutionException e) {
                LOG.warn("control socket busy, connection dropped");
                closeQuietly(ch);
            }
        }
    }

    private void serve(SocketChannel ch) {
        try (TimedChannel tc = new TimedChannel(ch, requestTimeout.toMillis())) {
            String line;
            try {
                // a few bytes of slack over the character limit for multi-byte UTF-8
                line = new String(tc.readLine(ControlCommandParser.MAX_LINE * 4),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                LOG.debug("control request not read: {}", e.toString());
                tc.restartDeadline(responseTimeout.toMillis());
                tc.writeAll(ControlResponse.error("bad request: " + e.getMessage() + "\n")
                        .encode());
                return;
            }
            ControlResponse response = dispatcher.handle(line.endsWith("\r")
                    ? line.substring(0, line.length() - 1) : line);
            tc.restartDeadline(responseTimeout.toMillis());
            tc.writeAll(response.encode());
        } catch (IOException e) {
            LOG.debug("control connection dropped: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.warn("control connection failed", e);
        }
    }

    /** Stops accepting, waits briefly for running requests, removes the socket file. */
    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        workers.shutdown();
        try {
            acceptor.join(2000);
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        Files.deleteIfExists(path);
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            LOG.debug("close failed: {}", e.toString());
        }
    }
}
