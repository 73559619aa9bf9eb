package io.jbgp.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.AbstractEventExecutorGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The child group of the listener: registers each accepted channel on the event loop its
 * neighbor is pinned to, so the accepted and the outbound connection of one neighbor share a loop
 * and the neighbor's FSM (collision resolution, RFC 4271 §6.8) sees both without locks. Channels
 * from unknown addresses go to any loop; the listener closes them before reading a byte. Every
 * other operation delegates to the real group, which this wrapper never shuts down.
 */
final class PinnedChildGroup extends AbstractEventExecutorGroup implements EventLoopGroup {
    private final EventLoopGroup group;
    private final Function<InetAddress, EventLoop> pinning;

    /**
     * @param group   the real loops
     * @param pinning the loop of the neighbor with this address, or null when it is not configured
     */
    PinnedChildGroup(EventLoopGroup group, Function<InetAddress, EventLoop> pinning) {
        this.group = group;
        this.pinning = pinning;
    }

    private EventLoop loopFor(Channel ch) {
        // an accepted socket knows its peer before registration (epoll and NIO alike)
        if (ch.remoteAddress() instanceof InetSocketAddress remote) {
            EventLoop loop = pinning.apply(remote.getAddress());
            if (loop != null) {
                return loop;
            }
        }
        return group.next();
    }

    @Override
    public ChannelFuture register(Channel channel) {
        return loopFor(channel).register(channel);
    }

    @Override
    public ChannelFuture register(ChannelPromise promise) {
        return loopFor(promise.channel()).register(promise);
    }

    @Override
    @Deprecated
    public ChannelFuture register(Channel channel, ChannelPromise promise) {
        return loopFor(channel).register(promise);
    }

    @Override
    public EventLoop next() {
        return group.next();
    }

    @Override
    public Iterator<EventExecutor> iterator() {
        return group.iterator();
    }

    @Override
    public boolean isShuttingDown() {
        return group.isShuttingDown();
    }

    @Override
    public Future<?> shutdownGracefully(long quietPeriod, long timeout, TimeUnit unit) {
        return group.terminationFuture(); // the owner of the real group shuts it down
    }

    @Override
    public Future<?> terminationFuture() {
        return group.terminationFuture();
    }

    @Override
    @Deprecated
    public void shutdown() {
        // not ours to shut down
    }

    @Override
    public boolean isShutdown() {
        return group.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return group.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return group.awaitTermination(timeout, unit);
    }
}
