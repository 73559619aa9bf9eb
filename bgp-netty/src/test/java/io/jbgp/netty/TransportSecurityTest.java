package io.jbgp.netty;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jbgp.netty.testing.NoLeaks;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.socket.SocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * TCP MD5 (RFC 2385) and GTSM (RFC 5082) on real loopback sockets: a connection with the wrong
 * key or a low TTL never completes, the right one does.
 */
@ExtendWith(NoLeaks.class)
class TransportSecurityTest {
    private static final InetAddress SERVER = address("127.0.0.41");
    private static final InetAddress CLIENT = address("127.0.0.42");
    private static EventLoops loops;

    @BeforeAll
    static void loops() {
        assumeTrue(Epoll.isAvailable(), "native epoll is not available: " + Epoll.unavailabilityCause());
        loops = EventLoops.create(1);
    }

    @AfterAll
    static void close() {
        if (loops != null) {
            loops.close();
        }
    }

    private static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A listener that counts down on every accepted connection. */
    private static Channel listen(CountDownLatch accepted) {
        return new ServerBootstrap().group(loops.group()).channel(loops.serverChannelClass())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        accepted.countDown();
                        ch.close();
                    }
                })
                .bind(new InetSocketAddress(SERVER, 0)).syncUninterruptibly().channel();
    }

    private static boolean connects(Channel server, Bootstrap b) {
        ChannelFuture f = b.group(loops.group()).channel(loops.socketChannelClass())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 700)
                .handler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelActive(ChannelHandlerContext ctx) {
                        ctx.close();
                    }
                })
                .connect(server.localAddress(), new InetSocketAddress(CLIENT, 0));
        assertTrue(f.awaitUninterruptibly(5, TimeUnit.SECONDS), "connect did not finish");
        return f.isSuccess();
    }

    @Test
    void md5WithTheRightKeyConnectsAndTheWrongKeyNever() throws InterruptedException {
        CountDownLatch accepted = new CountDownLatch(1);
        Channel server = listen(accepted);
        try {
            TransportSecurity.md5(server, Map.of(CLIENT, TransportSecurity.md5Key("s3cret")));
            Bootstrap wrong = new Bootstrap();
            TransportSecurity.md5(wrong, SERVER, "guess");
            assertFalse(connects(server, wrong), "a wrong MD5 key connected");
            assertFalse(connects(server, new Bootstrap()), "an unsigned SYN connected");
            assertFalse(accepted.await(0, TimeUnit.MILLISECONDS));
            Bootstrap right = new Bootstrap();
            TransportSecurity.md5(right, SERVER, "s3cret");
            assertTrue(connects(server, right), "the right MD5 key did not connect");
            assertTrue(accepted.await(5, TimeUnit.SECONDS));
        } finally {
            server.close().syncUninterruptibly();
        }
    }

    @Test
    void gtsmListenerRefusesDefaultTtlAndAcceptsTtl255() throws InterruptedException {
        CountDownLatch accepted = new CountDownLatch(1);
        Channel server = listen(accepted);
        try {
            TransportSecurity.gtsm(server, SERVER, 1);
            assertFalse(connects(server, new Bootstrap()), "a TTL 64 SYN passed IP_MINTTL 255");
            Bootstrap gtsm = new Bootstrap().handler(new ChannelInboundHandlerAdapter());
            gtsm.option(TransportSecurity.OPT_IP_TTL, TransportSecurity.GTSM_TTL);
            assertTrue(connects(server, gtsm), "a TTL 255 SYN was refused");
            assertTrue(accepted.await(5, TimeUnit.SECONDS));
        } finally {
            server.close().syncUninterruptibly();
        }
    }

    @Test
    void md5WithoutEpollIsAClearError() {
        try (EventLoops nio = EventLoops.createNio(1)) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> TransportSecurity.requireEpoll(nio, "TCP MD5 (RFC 2385)"));
            assertTrue(e.getMessage().contains("epoll"), e.getMessage());
        }
    }
}
