package io.jbgp.examples.soak;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.codec.DecodeResult;
import io.jbgp.core.codec.MessageReader;
import io.jbgp.core.codec.MessageWriter;
import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.KeepaliveMessage;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A soak neighbor of the daemon on a plain blocking {@link Socket} (loopback only): it opens an
 * IPv4 + IPv6 unicast session itself with the bgp-core codec, then sends what the soak asks, keeps
 * the session alive from a thread of its own, and keeps the daemon's advertisements as a route
 * view (prefix set). It notes a NOTIFICATION or a close from the daemon, which the soak counts as
 * a dropped session. (bgp-netty's RawPeer does the same for the robust tests; examples cannot see
 * bgp-netty's test classes, and this one needs far less.)
 */
final class SoakPeer implements AutoCloseable {
    private static final CodecContext CONTEXT = CodecContext.DEFAULT;

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<BgpMessage> handshake = new ArrayBlockingQueue<>(4);
    private final Set<IpPrefix> routes = ConcurrentHashMap.newKeySet();
    private final AtomicLong updates = new AtomicLong();
    private final Thread reader;
    private volatile Thread keepalives;
    private volatile boolean established;
    private volatile boolean closed;
    private volatile String lost;
    private volatile CodecContext context = CodecContext.INITIAL;

    private SoakPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new Thread(this::readLoop, "soak-peer-" + socket.getLocalAddress().getHostAddress());
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects from {@code local} to the daemon and exchanges OPEN and KEEPALIVE (RFC 4271 §8.2.2). */
    static SoakPeer establish(InetAddress local, InetSocketAddress daemon, Asn as, int holdSeconds) {
        Socket s = new Socket();
        SoakPeer p = null;
        try {
            s.setTcpNoDelay(true);
            s.bind(new InetSocketAddress(local, 0));
            s.connect(daemon, 5_000);
            p = new SoakPeer(s);
            RouterId id = RouterId.of(RouterId.Ipv4.toInt((Inet4Address) local));
            p.send(OpenMessage.of(as, holdSeconds, id, List.of(new Capability.MultiProtocol(AddressFamily.IPV4_UNICAST),
                    new Capability.MultiProtocol(AddressFamily.IPV6_UNICAST), new Capability.FourOctetAs(as))));
            if (!(p.handshake.poll(10, TimeUnit.SECONDS) instanceof OpenMessage)) {
                throw new IllegalStateException("no OPEN from the daemon for " + local + ": " + p.lost);
            }
            p.context = CONTEXT;
            p.send(KeepaliveMessage.INSTANCE);
            if (!(p.handshake.poll(10, TimeUnit.SECONDS) instanceof KeepaliveMessage)) {
                throw new IllegalStateException("no KEEPALIVE from the daemon for " + local + ": " + p.lost);
            }
            p.established = true;
            p.startKeepalives(Duration.ofSeconds(Math.max(1, holdSeconds / 3)));
            return p;
        } catch (IOException e) {
            closeQuietly(s);
            throw new UncheckedIOException("SoakPeer " + local + " -> " + daemon, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            if (p != null) {
                p.close();
            }
            closeQuietly(s);
            throw e;
        }
    }

    void send(BgpMessage m) {
        byte[] bytes = MessageWriter.toBytes(m, context);
        synchronized (this) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                if (lost == null) {
                    lost = "send failed: " + e;
                }
                throw new UncheckedIOException("SoakPeer.send", e);
            }
        }
    }

    private void startKeepalives(Duration interval) {
        Thread t = new Thread(() -> {
            while (!closed) {
                try {
                    send(KeepaliveMessage.INSTANCE);
                    Thread.sleep(interval.toMillis()); // the neighbor's own pacing, not a test wait
                } catch (UncheckedIOException | InterruptedException e) {
                    return;
                }
            }
        }, "soak-keepalive-" + socket.getLocalAddress().getHostAddress());
        t.setDaemon(true);
        keepalives = t;
        t.start();
    }

    private void readLoop() {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] header = new byte[19];
            while (!closed) {
                in.readFully(header);
                int length = ((header[16] & 0xFF) << 8) | (header[17] & 0xFF);
                if (length < 19) {
                    throw new IOException("bad length " + length);
                }
                byte[] frame = new byte[length];
                System.arraycopy(header, 0, frame, 0, 19);
                in.readFully(frame, 19, length - 19);
                ByteBuf buf = Unpooled.wrappedBuffer(frame);
                BgpMessage m;
                try {
                    DecodeResult r = MessageReader.read(buf, context);
                    if (!(r instanceof DecodeResult.Ok ok)) {
                        throw new IOException("the daemon sent a bad message: " + r);
                    }
                    m = ok.message();
                } finally {
                    buf.release();
                }
                if (m instanceof UpdateMessage u) {
                    for (AddressFamily f : CONTEXT.families()) {
                        for (Nlri n : u.withdrawn(f)) {
                            routes.remove(n.prefix());
                        }
                        for (Nlri n : u.announced(f)) {
                            routes.add(n.prefix());
                        }
                    }
                    updates.incrementAndGet();
                } else if (m instanceof NotificationMessage n) {
                    lost = "NOTIFICATION " + n;
                } else if (!established) {
                    handshake.offer(m);
                }
            }
        } catch (IOException e) {
            if (!closed && lost == null) {
                lost = "connection: " + e;
            }
        } finally {
            if (!closed && lost == null) {
                lost = "closed by the daemon";
            }
        }
    }

    /** What the daemon currently advertises to us. */
    Set<IpPrefix> routes() {
        return routes;
    }

    long updatesReceived() {
        return updates.get();
    }

    /** Why the daemon dropped us, or null while the session is up. */
    String lost() {
        return lost;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(socket);
        Thread t = keepalives;
        if (t != null) {
            t.interrupt();
        }
        try {
            reader.join(5_000);
            if (t != null) {
                t.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
