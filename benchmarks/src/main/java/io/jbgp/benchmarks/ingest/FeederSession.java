package io.jbgp.benchmarks.ingest;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.codec.DecodeResult;
import io.jbgp.core.codec.MessageReader;
import io.jbgp.core.codec.MessageWriter;
import io.jbgp.core.codec.WireFormat;
import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.KeepaliveMessage;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The feeder's side of one BGP session over a plain blocking socket: a minimal speaker that
 * connects, exchanges OPENs (4-octet AS, IPv4 unicast, route refresh), and then only writes.
 *
 * <p>Threads: the caller writes the table ({@link #send}); a reader thread takes everything the
 * target sends as soon as it arrives (so the target never blocks writing to us, RFC 4271 §8:
 * a KEEPALIVE or UPDATE resets its hold timer only when it can send and we read) and answers the
 * OPEN with a KEEPALIVE; a keepalive thread sends a KEEPALIVE every third of the negotiated hold
 * time (RFC 4271 §10). Writes are serialised by one lock and always whole messages, so a
 * KEEPALIVE lands between two UPDATEs. Every wait is bounded; {@link #close} unblocks everything.
 *
 * <p>What the feeder is not: no FSM beyond "OPEN sent, OPEN received, KEEPALIVE received", no
 * collision detection, no error handling past "a NOTIFICATION or a closed socket ends the run".
 */
final class FeederSession implements AutoCloseable {
    /** The codec context for what the target sends after the OPEN exchange. */
    private static final CodecContext RECEIVE = ReplayFeed.SESSION;
    /** Octets per socket write: whole messages up to about this much. */
    private static final int CHUNK = 64 * 1024;

    /**
     * Where to connect and who we are.
     *
     * @param target      the target's BGP listener
     * @param local       our address (the target's configured neighbor)
     * @param localAs     our AS
     * @param routerId    our BGP Identifier
     * @param holdTime    the hold time we propose, seconds (0 or 3..65535)
     * @param openTimeout bound on connect plus OPEN exchange
     */
    record Params(InetSocketAddress target, InetAddress local, long localAs, RouterId routerId,
                  int holdTime, Duration openTimeout) {}

    private final Params params;
    private final Socket socket;
    private final OutputStream out;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock stateLock = new ReentrantLock();
    private final Condition changed = stateLock.newCondition();
    private final Thread reader;
    private Thread keepalives;
    // guarded by stateLock
    private OpenMessage peerOpen;
    private boolean established;
    private long establishedNanos;
    private Throwable failure;
    private IpPrefix watched;
    private int watchedAnnouncements;
    private long lastWatchedNanos;
    private long updatesReceived;
    private volatile boolean closing;

    private FeederSession(Params params, Socket socket) throws IOException {
        this.params = params;
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new Thread(this::readLoop, "feeder-reader");
        reader.setDaemon(true);
    }

    /**
     * Connects, sends our OPEN and waits (bounded) until the session is Established.
     *
     * @param params     where and who
     * @param watched    a prefix whose announcements by the target are counted (see
     *                   {@link #awaitWatched}), or null
     * @return the Established session
     * @throws IOException when the connection or the OPEN exchange fails or times out
     */
    static FeederSession open(Params params, IpPrefix watched) throws IOException {
        Socket s = new Socket();
        FeederSession f = null;
        try {
            s.setTcpNoDelay(true);
            s.setSendBufferSize(1 << 20);
            s.setReceiveBufferSize(1 << 20);
            s.bind(new InetSocketAddress(params.local(), 0));
            s.connect(params.target(), (int) params.openTimeout().toMillis());
            // the reader never waits longer than the hold time we allow the target, plus slack
            s.setSoTimeout(Math.max(params.holdTime(), 30) * 1000 + 10_000);
            f = new FeederSession(params, s);
            f.watched = watched;
            // our OPEN before anything else: the reader answers the target's OPEN with a KEEPALIVE,
            // which must not overtake ours (RFC 4271 §8.2.2: KEEPALIVE in OpenSent is an FSM error)
            f.write(OpenMessage.of(Asn.of(params.localAs()), params.holdTime(), params.routerId(),
                    List.of(new Capability.MultiProtocol(AddressFamily.IPV4_UNICAST), new Capability.RouteRefresh(),
                            new Capability.FourOctetAs(Asn.of(params.localAs())))), CodecContext.INITIAL);
            f.reader.start();
            f.awaitEstablished(params.openTimeout());
            f.startKeepalives();
            return f;
        } catch (IOException | RuntimeException e) {
            if (f != null) {
                f.close();
            } else {
                s.close();
            }
            throw e;
        }
    }

    /** {@return System.nanoTime() when the target's KEEPALIVE confirmed our OPEN} */
    long establishedNanos() {
        stateLock.lock();
        try {
            return establishedNanos;
        } finally {
            stateLock.unlock();
        }
    }

    /** {@return the target's OPEN} */
    OpenMessage peerOpen() {
        stateLock.lock();
        try {
            return peerOpen;
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * Writes {@code wire} as fast as the socket takes it, in chunks that end on message
     * boundaries ({@code ends}), so KEEPALIVEs can go in between.
     */
    void send(byte[] wire, int[] ends) throws IOException {
        int start = 0;
        int i = 0;
        while (i < ends.length) {
            int end = ends[i];
            // extend the chunk by whole messages up to about CHUNK octets
            while (i + 1 < ends.length && ends[i + 1] - start <= CHUNK) {
                end = ends[++i];
            }
            i++;
            checkFailure();
            writeLock.lock();
            try {
                out.write(wire, start, end - start);
            } finally {
                writeLock.unlock();
            }
            start = end;
        }
        out.flush();
    }

    /** Sends a ROUTE-REFRESH request for IPv4 unicast (RFC 2918 §3). */
    void sendRouteRefresh() throws IOException {
        write(RouteRefreshMessage.request(AddressFamily.IPV4_UNICAST), RECEIVE);
    }

    /** {@return how many times the target announced the watched prefix so far} */
    int watchedAnnouncements() {
        stateLock.lock();
        try {
            return watchedAnnouncements;
        } finally {
            stateLock.unlock();
        }
    }

    /** {@return UPDATE messages received from the target so far} */
    long updatesReceived() {
        stateLock.lock();
        try {
            return updatesReceived;
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * Waits until the target has announced the watched prefix at least {@code count} times.
     *
     * @return System.nanoTime() when the count was reached
     * @throws IOException on a session failure
     * @throws TimeoutException when {@code timeout} passes first
     */
    long awaitWatched(int count, Duration timeout) throws IOException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        stateLock.lock();
        try {
            while (watchedAnnouncements < count) {
                throwIfFailed();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("timed out after " + timeout.toSeconds() + " s waiting for announcement "
                            + count + " of " + watched + " (seen " + watchedAnnouncements + ")");
                }
                changed.awaitNanos(left);
            }
            return lastWatchedNanos;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            stateLock.unlock();
        }
    }

    /** Throws when the session has failed (NOTIFICATION, closed connection, bad input). */
    void checkFailure() throws IOException {
        stateLock.lock();
        try {
            throwIfFailed();
        } finally {
            stateLock.unlock();
        }
    }

    private void throwIfFailed() throws IOException {
        if (failure != null) {
            throw new IOException("session failed: " + failure.getMessage(), failure);
        }
    }

    private void awaitEstablished(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        stateLock.lock();
        try {
            while (!established) {
                throwIfFailed();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("no Established within " + timeout.toSeconds() + " s (OPEN from target: "
                            + (peerOpen != null) + ")");
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            stateLock.unlock();
        }
    }

    private void startKeepalives() {
        int hold = Math.min(params.holdTime(), peerOpen().holdTime());
        if (hold == 0) {
            return; // RFC 4271 §4.4: no KEEPALIVEs when the hold time is zero
        }
        long periodMillis = hold * 1000L / 3;
        keepalives = new Thread(() -> {
            while (!closing) {
                try {
                    Thread.sleep(periodMillis);
                    write(KeepaliveMessage.INSTANCE, RECEIVE);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    fail(e);
                    return;
                }
            }
        }, "feeder-keepalive");
        keepalives.setDaemon(true);
        keepalives.start();
    }

    private void write(BgpMessage m, CodecContext ctx) throws IOException {
        byte[] bytes = MessageWriter.toBytes(m, ctx);
        writeLock.lock();
        try {
            out.write(bytes);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    // ---------------------------------------------------------------- reader thread

    private void readLoop() {
        try (InputStream raw = socket.getInputStream()) {
            DataInputStream in = new DataInputStream(raw);
            byte[] header = new byte[WireFormat.HEADER_LENGTH];
            while (!closing) {
                in.readFully(header);
                int length = ((header[16] & 0xff) << 8) | (header[17] & 0xff);
                if (length < WireFormat.HEADER_LENGTH || length > WireFormat.MAX_LENGTH) {
                    throw new IOException("bad message length " + length + " from the target");
                }
                byte[] message = new byte[length];
                System.arraycopy(header, 0, message, 0, header.length);
                in.readFully(message, header.length, length - header.length);
                handle(message);
            }
        } catch (SocketTimeoutException e) {
            fail(new IOException("nothing from the target for " + socketTimeoutSeconds() + " s (hold time)", e));
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                fail(e);
            }
        }
    }

    private int socketTimeoutSeconds() {
        try {
            return socket.getSoTimeout() / 1000;
        } catch (IOException e) {
            return -1;
        }
    }

    private void handle(byte[] message) throws IOException {
        boolean beforeOpen = peerOpen() == null;
        ByteBuf frame = Unpooled.wrappedBuffer(message);
        DecodeResult r;
        try {
            r = MessageReader.read(frame, beforeOpen ? CodecContext.INITIAL : RECEIVE);
        } finally {
            frame.release();
        }
        if (!(r instanceof DecodeResult.Ok ok)) {
            // the feeder only needs to understand OPEN, KEEPALIVE and NOTIFICATION; an UPDATE it
            // cannot read still counts as one received
            if (message[18] == 2) {
                onUpdate(null);
                return;
            }
            throw new IOException("cannot decode a message from the target: " + r);
        }
        BgpMessage m = ok.message();
        if (m instanceof OpenMessage o) {
            stateLock.lock();
            try {
                peerOpen = o;
                changed.signalAll();
            } finally {
                stateLock.unlock();
            }
            // RFC 4271 §8.2.2 OpenSent: a good OPEN is answered with a KEEPALIVE
            write(KeepaliveMessage.INSTANCE, RECEIVE);
        } else if (m instanceof KeepaliveMessage) {
            stateLock.lock();
            try {
                if (!established && peerOpen != null) {
                    established = true;
                    establishedNanos = System.nanoTime();
                    changed.signalAll();
                }
            } finally {
                stateLock.unlock();
            }
        } else if (m instanceof NotificationMessage n) {
            throw new IOException("NOTIFICATION from the target: code " + n.code() + " subcode " + n.subcode()
                    + " data " + n.data().toHex());
        } else if (m instanceof UpdateMessage u) {
            onUpdate(u);
        }
        // ROUTE-REFRESH from the target: we have no Adj-RIB-Out to re-send
    }

    private void onUpdate(UpdateMessage u) {
        long now = System.nanoTime();
        stateLock.lock();
        try {
            updatesReceived++;
            if (u != null && watched != null
                    && u.announced(AddressFamily.IPV4_UNICAST).stream().anyMatch(n -> n.prefix().equals(watched))) {
                watchedAnnouncements++;
                lastWatchedNanos = now;
                changed.signalAll();
            }
        } finally {
            stateLock.unlock();
        }
    }

    private void fail(Throwable t) {
        stateLock.lock();
        try {
            if (failure == null) {
                failure = t;
            }
            changed.signalAll();
        } finally {
            stateLock.unlock();
        }
    }

    /** Closes the socket (no NOTIFICATION: the target sees the connection drop) and stops the threads. */
    @Override
    public void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        if (keepalives != null) {
            keepalives.interrupt();
        }
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
