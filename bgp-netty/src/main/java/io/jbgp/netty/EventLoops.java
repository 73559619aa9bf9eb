package io.jbgp.netty;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The event loops the speaker's sessions run on, and the matching channel classes. Native epoll
 * when {@link Epoll#isAvailable()} (it is the only Netty transport that can set TCP MD5 signatures
 * and the minimum TTL), NIO otherwise. A group the embedder passes in is used as is and never shut
 * down by us.
 */
public final class EventLoops implements AutoCloseable {
    private final EventLoopGroup group;
    private final boolean epoll;
    private final boolean owned;

    private EventLoops(EventLoopGroup group, boolean epoll, boolean owned) {
        this.group = group;
        this.epoll = epoll;
        this.owned = owned;
    }

    /** A new group of {@code threads} loops (0 = Netty's default), epoll when available. */
    public static EventLoops create(int threads) {
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup g = new MultiThreadIoEventLoopGroup(threads,
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        return new EventLoops(g, epoll, true);
    }

    /** A new NIO group, even where epoll exists (tests of the fallback path). */
    public static EventLoops createNio(int threads) {
        return new EventLoops(new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory()), false, true);
    }

    /**
     * The embedder's group, which must run epoll or NIO I/O handlers; it stays the embedder's to
     * shut down.
     */
    public static EventLoops wrap(EventLoopGroup group) {
        Objects.requireNonNull(group, "group");
        boolean epoll = group instanceof IoEventLoopGroup io && Epoll.isAvailable()
                && io.isIoType(EpollIoHandler.class);
        if (!epoll && group instanceof IoEventLoopGroup io && !io.isIoType(NioIoHandler.class)) {
            throw new IllegalArgumentException("EventLoops.wrap: group runs neither epoll nor NIO: " + group);
        }
        return new EventLoops(group, epoll, false);
    }

    public EventLoopGroup group() {
        return group;
    }

    /** The next loop; the speaker pins each neighbor to one, so both its connections share it. */
    public EventLoop next() {
        return group.next();
    }

    /** True when the loops run native epoll (TCP MD5 and GTSM available). */
    public boolean isEpoll() {
        return epoll;
    }

    public Class<? extends SocketChannel> socketChannelClass() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    public Class<? extends ServerSocketChannel> serverChannelClass() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** Shuts the group down (quiet period 0, bounded wait) when we created it. */
    @Override
    public void close() {
        if (owned) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
