package io.jbgp.netty;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.netty.session.PeerDriver;
import io.jbgp.netty.session.SessionChannelInitializer;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import java.net.InetSocketAddress;

/**
 * Opens outbound connections (RFC 4271 Event 16 path): one attempt per FSM {@code Connect}
 * action, registered on the neighbor's own event loop, from the configured local address, with
 * the neighbor's TCP MD5 key and GTSM settings. Retries are not decided here: the FSM's
 * ConnectRetry timer produces the next {@code Connect}.
 */
final class PeerConnector implements PeerDriver.Connector {
    /** A connect attempt never outlives this, whatever ConnectRetryTime is. */
    private static final int MAX_CONNECT_TIMEOUT_MILLIS = 30_000;

    private final EventLoops loops;

    PeerConnector(EventLoops loops) {
        this.loops = loops;
    }

    /** Fails fast, at configuration time, when the platform cannot provide what a neighbor needs. */
    static void checkSupported(EventLoops loops, PeerConfig config) {
        if (config.md5Password().isPresent()) {
            TransportSecurity.requireEpoll(loops, "TCP MD5 signatures (RFC 2385)");
            TransportSecurity.md5Key(config.md5Password().get());
        }
        if (config.ttlSecurity().isPresent()) {
            TransportSecurity.requireEpoll(loops, "GTSM (RFC 5082)");
        }
    }

    @Override
    public ChannelFuture connect(PeerDriver driver) {
        PeerConfig c = driver.config();
        InetSocketAddress remote = new InetSocketAddress(c.remoteAddress(), c.port());
        long retryMillis = c.timers().map(t -> t.connectRetry().toMillis()).orElse((long) MAX_CONNECT_TIMEOUT_MILLIS);
        Bootstrap b = new Bootstrap().group(driver.loop()).channel(loops.socketChannelClass())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(MAX_CONNECT_TIMEOUT_MILLIS, retryMillis))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (c.ttlSecurity().isPresent()) {
                            // RFC 5082 §3: TTL 255 out and the minimum TTL in, before the SYN
                            TransportSecurity.gtsm(ch, c.remoteAddress(), c.ttlSecurity().getAsInt());
                        }
                        SessionChannelInitializer.init(ch, driver, false);
                    }
                });
        c.md5Password().ifPresent(pw -> TransportSecurity.md5(b, c.remoteAddress(), pw));
        if (c.localAddress().isPresent()) {
            return b.connect(remote, new InetSocketAddress(c.localAddress().get(), 0));
        }
        return b.connect(remote);
    }
}
