package io.jbgp.netty.robust;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.codec.DecodeResult;
import io.jbgp.core.codec.MessageReader;
import io.jbgp.core.codec.MessageWriter;
import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.KeepaliveMessage;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A hand-driven BGP neighbor on a plain {@link Socket}: it does the OPEN/KEEPALIVE exchange
 * itself with {@link MessageWriter}, then sends whatever bytes a test wants, well-formed or not.
 * One reader thread decodes what the speaker sends into a queue (with arrival times, so tests can
 * check keepalive gaps); an optional keepalive thread keeps the session up. Every wait is bounded.
 *
 * <p>The peer proposes only IPv4 unicast (Multiprotocol) and 4-octet AS, so the negotiated
 * context is {@link #CONTEXT}; an MP_REACH for IPv6 is then for a family not negotiated.
 */
final class RawPeer implements AutoCloseable {
    static final CodecContext CONTEXT = new CodecContext(true, false, java.util.Set.of(AddressFamily.IPV4_UNICAST),
            java.util.Set.of(), java.util.Set.of());
    /** With {@link #establishDualStack}: IPv4 and IPv6 unicast. */
    static final CodecContext DUAL_STACK = CodecContext.DEFAULT;

    /** One message from the speaker and when it arrived (System.nanoTime). */
    record Received(BgpMessage message, long atNanos) {}

    private static final Received EOF = new Received(null, 0);

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile Thread keepalives;
    private volatile boolean closed;
    private volatile boolean eof;
    private volatile boolean paused;
    private volatile boolean discardInbox;
    private volatile long lastAt;
    private volatile long maxGap;
    private volatile long maxGapEnd;
    private final java.util.concurrent.ConcurrentHashMap<IpPrefix, Boolean> routes = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong updates = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger endOfRibs = new java.util.concurrent.atomic.AtomicInteger();
    private final Object pauseLock = new Object();
    private volatile CodecContext context = CodecContext.INITIAL;

    private RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new Thread(this::readLoop, "raw-peer-reader-" + socket.getLocalAddress().getHostAddress());
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects from {@code local} (any port) to the speaker; no BGP spoken yet. */
    static RawPeer connect(InetAddress local, InetSocketAddress speaker) {
        return connect(local, speaker, 0);
    }

    /** Connects with a receive buffer of {@code receiveBuffer} octets (0: the system's default). */
    static RawPeer connect(InetAddress local, InetSocketAddress speaker, int receiveBuffer) {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            if (receiveBuffer > 0) {
                s.setReceiveBufferSize(receiveBuffer); // before connect, so the window scale follows
            }
            s.bind(new InetSocketAddress(local, 0));
            s.connect(speaker, 5_000);
            return new RawPeer(s);
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new UncheckedIOException("RawPeer.connect " + local + " -> " + speaker, e);
        }
    }

    /** Connects and brings the session to Established (OPEN, KEEPALIVE both ways). */
    static RawPeer establish(InetAddress local, InetSocketAddress speaker, Asn as, int holdSeconds) {
        RawPeer p = connect(local, speaker);
        try {
            p.handshake(as, holdSeconds);
            return p;
        } catch (RuntimeException | AssertionError e) {
            p.close();
            throw e;
        }
    }

    /** Like {@link #establish} with IPv4 and IPv6 unicast (the speaker's neighbor must have both). */
    static RawPeer establishDualStack(InetAddress local, InetSocketAddress speaker, Asn as, int holdSeconds) {
        return establishDualStack(local, speaker, as, holdSeconds, 0);
    }

    static RawPeer establishDualStack(InetAddress local, InetSocketAddress speaker, Asn as, int holdSeconds,
                                      int receiveBuffer) {
        RawPeer p = connect(local, speaker, receiveBuffer);
        try {
            p.handshake(as, holdSeconds, DUAL_STACK);
            return p;
        } catch (RuntimeException | AssertionError e) {
            p.close();
            throw e;
        }
    }

    /** The OPEN exchange (RFC 4271 §8.2.2): we send OPEN, expect OPEN and KEEPALIVE, answer KEEPALIVE. */
    void handshake(Asn as, int holdSeconds) {
        handshake(as, holdSeconds, CONTEXT);
    }

    void handshake(Asn as, int holdSeconds, CodecContext negotiated) {
        RouterId id = RouterId.of(socket.getLocalAddress() instanceof java.net.Inet4Address a
                ? RouterId.Ipv4.toInt(a) : 0x0A000001);
        List<Capability> caps = new java.util.ArrayList<>();
        for (AddressFamily f : List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST)) {
            if (negotiated.families().contains(f)) {
                caps.add(new Capability.MultiProtocol(f));
            }
        }
        caps.add(new Capability.FourOctetAs(as));
        send(OpenMessage.of(as, holdSeconds, id, caps));
        BgpMessage open = expect(Duration.ofSeconds(10));
        if (!(open instanceof OpenMessage)) {
            throw new AssertionError("expected OPEN, got " + open);
        }
        context = negotiated;
        send(KeepaliveMessage.INSTANCE);
        BgpMessage ka = expect(Duration.ofSeconds(10));
        if (!(ka instanceof KeepaliveMessage)) {
            throw new AssertionError("expected KEEPALIVE, got " + ka);
        }
    }

    /** Encodes and sends one message with the negotiated context. */
    void send(BgpMessage m) {
        sendRaw(MessageWriter.toBytes(m, context));
    }

    /** Sends bytes as they are. */
    synchronized void sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("RawPeer.sendRaw", e);
        }
    }

    /** Sends KEEPALIVEs every {@code interval} on a thread of its own until closed. */
    void keepAlive(Duration interval) {
        Thread t = new Thread(() -> {
            byte[] ka = MessageWriter.toBytes(KeepaliveMessage.INSTANCE, context);
            while (!closed) {
                try {
                    sendRaw(ka);
                    Thread.sleep(interval.toMillis()); // a pacing thread of the fake peer, not a test wait
                } catch (UncheckedIOException | InterruptedException e) {
                    return;
                }
            }
        }, "raw-peer-keepalive");
        t.setDaemon(true);
        keepalives = t;
        t.start();
    }

    /** The next message from the speaker, or {@code null} when the connection closed or time ran out. */
    BgpMessage next(Duration timeout) {
        Received r = nextReceived(timeout);
        return r == null ? null : r.message();
    }

    /** Like {@link #next} with the arrival time. */
    Received nextReceived(Duration timeout) {
        try {
            Received r = inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (r == EOF) {
                inbox.add(EOF); // stays closed for later calls
                return null;
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private BgpMessage expect(Duration timeout) {
        BgpMessage m = next(timeout);
        if (m == null) {
            throw new AssertionError("RawPeer: no message within " + timeout + " (closed: " + eof + ")");
        }
        return m;
    }

    /**
     * Reads until a NOTIFICATION arrives (skipping KEEPALIVEs and UPDATEs); {@code null} if the
     * connection closed or the time ran out first.
     */
    NotificationMessage awaitNotification(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            BgpMessage m = next(Duration.ofNanos(left));
            if (m == null) {
                return null;
            }
            if (m instanceof NotificationMessage n) {
                return n;
            }
        }
    }

    /** Waits until the speaker closed the connection; true if it did within the time. */
    boolean awaitClosed(Duration timeout) {
        try {
            reader.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return eof;
    }

    /** True once the reader saw end of stream. */
    boolean isClosedByPeer() {
        return eof;
    }

    /** Everything received so far, in order (consumes it). */
    List<Received> drain() {
        List<Received> all = new java.util.ArrayList<>();
        inbox.drainTo(all);
        if (all.remove(EOF)) {
            inbox.add(EOF);
        }
        return all;
    }

    private void readLoop() {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] header = new byte[19];
            while (true) {
                waitWhilePaused();
                in.readFully(header);
                int length = ((header[16] & 0xFF) << 8) | (header[17] & 0xFF);
                if (length < 19) {
                    throw new IOException("RawPeer: speaker sent a bad length " + length);
                }
                byte[] frame = new byte[length];
                System.arraycopy(header, 0, frame, 0, 19);
                in.readFully(frame, 19, length - 19);
                long at = System.nanoTime();
                if (lastAt != 0 && at - lastAt > maxGap) {
                    maxGap = at - lastAt;
                    maxGapEnd = at;
                }
                lastAt = at;
                ByteBuf buf = Unpooled.wrappedBuffer(frame);
                try {
                    DecodeResult r = MessageReader.read(buf, context);
                    if (r instanceof DecodeResult.Ok ok) {
                        if (ok.message() instanceof UpdateMessage u) {
                            applyToView(u);
                        }
                        if (!discardInbox) {
                            inbox.add(new Received(ok.message(), at));
                        } else if (!(ok.message() instanceof UpdateMessage)) {
                            inbox.add(new Received(ok.message(), at));
                        }
                    } else {
                        throw new IOException("RawPeer: speaker sent a bad message: " + r);
                    }
                } finally {
                    buf.release();
                }
            }
        } catch (InterruptedException e) {
            // closing
        } catch (EOFException | SocketException e) {
            // closed by the speaker, or by us
        } catch (IOException e) {
            if (!closed) {
                System.err.println("raw peer reader: " + e);
            }
        } finally {
            eof = true;
            inbox.add(EOF);
        }
    }

    private void applyToView(UpdateMessage u) {
        for (AddressFamily f : context.families()) {
            for (Nlri n : u.withdrawn(f)) {
                routes.remove(n.prefix());
            }
            for (Nlri n : u.announced(f)) {
                routes.put(n.prefix(), Boolean.TRUE);
            }
        }
        if (u.isEndOfRib()) {
            endOfRibs.incrementAndGet();
        }
        updates.incrementAndGet();
    }

    /** The prefixes the speaker currently advertises to us, as applied from the UPDATEs received. */
    java.util.Set<IpPrefix> routes() {
        return routes.keySet();
    }

    /** The longest silence between two messages from the speaker so far (since {@link #resetGap}). */
    Duration maxGap() {
        return Duration.ofNanos(maxGap);
    }

    /** When (System.nanoTime) the longest silence ended. */
    long maxGapEnd() {
        return maxGapEnd;
    }

    void resetGap() {
        maxGap = 0;
    }

    /** Resumes reading after {@link #pauseReading}. */
    void resumeReading() {
        paused = false;
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
    }

    /** UPDATEs received so far. */
    long updatesReceived() {
        return updates.get();
    }

    /** End-of-RIB markers received so far. */
    int endOfRibs() {
        return endOfRibs.get();
    }

    /** Keep only the route view of UPDATEs, not the messages (for big tables). */
    void discardUpdates() {
        discardInbox = true;
    }

    /** Closes with a TCP RST (SO_LINGER 0) instead of a FIN. */
    void abort() {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // closing anyway
        }
        close();
    }

    /** Stops reading (the socket stays open): a neighbor whose receive window fills up. */
    void pauseReading() {
        paused = true;
    }

    private void waitWhilePaused() throws InterruptedException {
        synchronized (pauseLock) {
            while (paused && !closed) {
                pauseLock.wait(1_000);
            }
        }
    }

    InetAddress localAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public void close() {
        closed = true;
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        Thread t = keepalives;
        if (t != null) {
            t.interrupt();
            joinQuietly(t);
        }
        joinQuietly(reader);
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
