package io.jbgp.netty;

import io.jbgp.netty.session.PeerDriver;
import io.jbgp.netty.session.SessionChannelInitializer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passive side (RFC 4271 Event 17 path): accepts on one address and port, matches the remote
 * address to a configured neighbor and hands the connection to that neighbor's driver on the
 * neighbor's loop. A connection from an address that is not a neighbor is closed at once, before
 * a single byte is read, so no OPEN of a stranger is ever parsed (OpenBGPD's
 * {@code session_accept} does the same). TCP MD5 keys of all neighbors are installed on the
 * listening socket, since the kernel checks the SYN before any user code runs.
 */
final class BgpListener {
    private static final Logger LOG = LoggerFactory.getLogger(BgpListener.class);

    private final EventLoops loops;
    private final InetSocketAddress requested;
    private final Function<InetAddress, PeerDriver> lookup;
    private Channel channel;

    BgpListener(EventLoops loops, InetSocketAddress requested, Function<InetAddress, PeerDriver> lookup) {
        this.loops = loops;
        this.requested = requested;
        this.lookup = lookup;
    }

    /** Binds (blocking, bounded by the bind itself); throws when the address is unavailable. */
    void bind() {
        PinnedChildGroup children = new PinnedChildGroup(loops.group(), addr -> {
            PeerDriver d = lookup.apply(addr);
            return d == null ? null : d.loop();
        });
        ServerBootstrap b = new ServerBootstrap().group(loops.group(), children)
                .channel(loops.serverChannelClass())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        accept(ch);
                    }
                });
        channel = b.bind(requested).syncUninterruptibly().channel();
        if (loops.isEpoll()) {
            TransportSecurity.listenerTtl(channel, requested.getAddress() instanceof java.net.Inet6Address);
        }
        LOG.info("listening on {}", channel.localAddress());
    }

    private void accept(SocketChannel ch) {
        InetSocketAddress remote = ch.remoteAddress();
        PeerDriver driver = remote == null ? null : lookup.apply(remote.getAddress());
        if (driver == null || !ch.eventLoop().inEventLoop() || driver.loop() != ch.eventLoop()) {
            LOG.warn("connection from {} refused: not a configured neighbor", remote);
            ch.close();
            return;
        }
        if (driver.config().ttlSecurity().isPresent()) {
            TransportSecurity.gtsm(ch, remote.getAddress(), driver.config().ttlSecurity().getAsInt());
        }
        SessionChannelInitializer.init(ch, driver, true);
    }

    /** Installs the TCP MD5 keys of the neighbors that have one (replacing the previous set). */
    void md5Keys(Map<InetAddress, String> passwords) {
        if (channel == null || (passwords.isEmpty() && !loops.isEpoll())) {
            return;
        }
        Map<InetAddress, byte[]> keys = new HashMap<>();
        passwords.forEach((a, p) -> keys.put(a, TransportSecurity.md5Key(p)));
        TransportSecurity.md5(channel, keys);
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    void close() {
        if (channel != null) {
            channel.close().awaitUninterruptibly(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
