package io.jbgp.examples.ctl;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * A Unix-domain {@link SocketChannel} with one overall deadline for a request/response
 * exchange. Blocking channels have no read timeout, and a client that connects and never sends
 * must not pin a server worker forever, so every read and write goes through a
 * {@link Selector} bounded by the deadline.
 */
final class TimedChannel implements Closeable {
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private long deadlineNanos;
    private final ByteBuffer inbound = ByteBuffer.allocate(8192);

    TimedChannel(SocketChannel channel, long timeoutMillis) throws IOException {
        this.channel = channel;
        this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        channel.configureBlocking(false);
        this.selector = Selector.open();
        this.key = channel.register(selector, 0);
        inbound.flip(); // empty, in read mode
    }

    /** Starts a new deadline {@code timeoutMillis} from now (e.g. for the response phase). */
    void restartDeadline(long timeoutMillis) {
        deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /** Bytes up to (not including) the next {@code \n}, at most {@code max} of them. */
    byte[] readLine(int max) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            while (inbound.hasRemaining()) {
                byte b = inbound.get();
                if (b == '\n') {
                    return line.toByteArray();
                }
                if (line.size() >= max) {
                    throw new IOException("line longer than " + max + " bytes");
                }
                line.write(b);
            }
            if (fill() < 0) {
                throw new IOException("connection closed before end of line");
            }
        }
    }

    /** Exactly {@code n} bytes. */
    byte[] readExactly(int n) throws IOException {
        byte[] out = new byte[n];
        int have = 0;
        while (have < n) {
            if (!inbound.hasRemaining() && fill() < 0) {
                throw new IOException("connection closed after " + have + " of " + n + " bytes");
            }
            int take = Math.min(inbound.remaining(), n - have);
            inbound.get(out, have, take);
            have += take;
        }
        return out;
    }

    void writeAll(byte[] data) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(data);
        while (buf.hasRemaining()) {
            if (channel.write(buf) == 0) {
                await(SelectionKey.OP_WRITE);
            }
        }
    }

    private int fill() throws IOException {
        inbound.compact();
        try {
            while (true) {
                int n = channel.read(inbound);
                if (n != 0) {
                    return n;
                }
                await(SelectionKey.OP_READ);
            }
        } finally {
            inbound.flip();
        }
    }

    private void await(int op) throws IOException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("control socket timed out");
        }
        key.interestOps(op);
        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        selector.selectedKeys().clear();
        key.interestOps(0);
    }

    @Override
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }
}
