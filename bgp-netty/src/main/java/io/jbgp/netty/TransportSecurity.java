package io.jbgp.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * TCP MD5 signatures (RFC 2385) and the Generalized TTL Security Mechanism (RFC 5082) on Linux
 * sockets, through Netty's native epoll transport. Where epoll is not in use these features cannot
 * be provided, and asking for them is an {@link UnsupportedOperationException} rather than a
 * silently unprotected session.
 */
final class TransportSecurity {
    // linux/in.h and linux/in6.h; Netty has no named option for these
    private static final int IPPROTO_IP = 0;
    private static final int IP_TTL = 2;
    private static final int IP_MINTTL = 21;
    private static final int IPPROTO_IPV6 = 41;
    private static final int IPV6_UNICAST_HOPS = 16;
    private static final int IPV6_MINHOPCOUNT = 73;

    static final ChannelOption<Integer> OPT_IP_TTL = new IntegerUnixChannelOption("JBGP_IP_TTL", IPPROTO_IP, IP_TTL);
    static final ChannelOption<Integer> OPT_IP_MINTTL = new IntegerUnixChannelOption("JBGP_IP_MINTTL", IPPROTO_IP, IP_MINTTL);
    static final ChannelOption<Integer> OPT_IPV6_HOPS =
            new IntegerUnixChannelOption("JBGP_IPV6_UNICAST_HOPS", IPPROTO_IPV6, IPV6_UNICAST_HOPS);
    static final ChannelOption<Integer> OPT_IPV6_MINHOPS =
            new IntegerUnixChannelOption("JBGP_IPV6_MINHOPCOUNT", IPPROTO_IPV6, IPV6_MINHOPCOUNT);

    /** RFC 5082 §3: send with TTL 255, accept only TTL ≥ 255 − hops + 1. */
    static final int GTSM_TTL = 255;

    private TransportSecurity() {}

    static void requireEpoll(EventLoops loops, String feature) {
        if (!loops.isEpoll()) {
            throw new UnsupportedOperationException(feature
                    + " needs the native epoll transport (Linux), which is not available here");
        }
    }

    /** The key bytes of an RFC 2385 password (ASCII/UTF-8, at most 80 octets per the kernel). */
    static byte[] md5Key(String password) {
        byte[] key = password.getBytes(StandardCharsets.UTF_8);
        if (key.length == 0 || key.length > 80) {
            throw new IllegalArgumentException("TCP MD5 key must be 1..80 octets, got " + key.length);
        }
        return key;
    }

    /** Connecting socket: the key for the one remote address. */
    static void md5(Bootstrap b, InetAddress remote, String password) {
        b.option(EpollChannelOption.TCP_MD5SIG, Map.of(remote, md5Key(password)));
    }

    /** Listener: one key per neighbor address; replaces the whole set (the kernel keeps one per address). */
    static void md5(Channel listener, Map<InetAddress, byte[]> keys) {
        if (!(listener instanceof EpollServerSocketChannel)) {
            throw new UnsupportedOperationException("TCP MD5 needs an epoll listener, got " + listener.getClass());
        }
        listener.config().setOption(EpollChannelOption.TCP_MD5SIG, keys);
    }

    /**
     * GTSM on a socket (connecting, accepted or listening): outgoing TTL 255, minimum incoming
     * TTL 255 − hops + 1. On a listener the minimum also filters the SYNs of new connections.
     */
    static void gtsm(Channel ch, InetAddress remote, int hops) {
        gtsm(ch, remote instanceof Inet6Address, hops);
    }

    static void gtsm(Channel ch, boolean ipv6, int hops) {
        if (hops < 1 || hops > 254) {
            throw new IllegalArgumentException("GTSM hop count must be 1..254: " + hops);
        }
        int min = GTSM_TTL - hops + 1;
        if (ipv6) {
            ch.config().setOption(OPT_IPV6_HOPS, GTSM_TTL);
            ch.config().setOption(OPT_IPV6_MINHOPS, min);
        } else {
            ch.config().setOption(OPT_IP_TTL, GTSM_TTL);
            ch.config().setOption(OPT_IP_MINTTL, min);
        }
    }

}
