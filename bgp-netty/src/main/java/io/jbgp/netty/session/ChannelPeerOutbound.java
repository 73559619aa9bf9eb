package io.jbgp.netty.session;

import io.jbgp.core.fsm.Session;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.peer.PeerOutbound;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * {@link PeerOutbound} for one established session's channel. Sends hop to the channel's event
 * loop in call order and flush once per call; writability is the channel's (its high-water mark
 * is the backpressure signal), and {@link #whenWritable} tasks run on the RIB executor when the
 * channel drains. Keepalives are written by the FSM on the same loop, so a bulk sender never
 * delays them past the queue already in the socket buffer.
 */
final class ChannelPeerOutbound implements PeerOutbound {
    private final PeerDriver driver;
    private final Session session;
    private final Channel channel;
    private final Executor ribExecutor;
    private final Queue<Runnable> waiters = new ConcurrentLinkedQueue<>();
    private volatile boolean open = true;

    ChannelPeerOutbound(PeerDriver driver, Session session, Channel channel, Executor ribExecutor) {
        this.driver = driver;
        this.session = session;
        this.channel = channel;
        this.ribExecutor = ribExecutor;
    }

    @Override
    public PeerKey peer() {
        return driver.key();
    }

    @Override
    public void send(List<UpdateMessage> updates) {
        List<UpdateMessage> copy = List.copyOf(updates);
        if (copy.isEmpty() || !open) {
            return;
        }
        channel.eventLoop().execute(() -> {
            if (!open || !channel.isActive()) {
                return; // the session went down meanwhile: drop, the RIB hears "down"
            }
            for (UpdateMessage u : copy) {
                channel.write(u, channel.voidPromise());
            }
            channel.flush();
            driver.messageSent(session);
        });
    }

    @Override
    public void sendRouteRefresh(RouteRefreshMessage refresh) {
        if (!open) {
            return;
        }
        channel.eventLoop().execute(() -> {
            if (open && channel.isActive()) {
                channel.writeAndFlush(refresh, channel.voidPromise());
            }
        });
    }

    @Override
    public boolean isWritable() {
        return open && channel.isWritable();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void whenWritable(Runnable task) {
        if (!open) {
            return;
        }
        waiters.add(task);
        if (channel.isWritable()) {
            drainWaiters(); // it may have drained between the caller's check and now
        }
    }

    @Override
    public void prefixLimitExceeded(io.jbgp.core.types.AddressFamily family, long limit) {
        if (open) {
            driver.prefixLimitExceeded(session, family, limit);
        }
    }

    /** Posts every waiting task to the RIB executor (called when the channel drains). */
    void drainWaiters() {
        Runnable r;
        while (open && (r = waiters.poll()) != null) {
            ribExecutor.execute(r);
        }
    }

    /** The session went down: further sends are dropped and waiters forgotten. */
    void close() {
        open = false;
        waiters.clear();
    }
}
