package io.jbgp.netty.session;

import io.jbgp.netty.codec.BgpFrameDecoder;
import io.jbgp.netty.codec.BgpMessageDecoder;
import io.jbgp.netty.codec.BgpMessageEncoder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;

/**
 * Builds a BGP connection's pipeline: frame decoder → message decoder → message encoder →
 * message statistics → {@link SessionHandler}. Each handler is per channel (the codecs hold the
 * negotiated context); the statistics handler counts into the neighbor's counters, which
 * outlive the connection.
 */
public final class SessionChannelInitializer {
    /** Pipeline name of the {@code BgpFrameDecoder}. */
    public static final String FRAME = "bgp-frame";
    /** Pipeline name of the {@code BgpMessageDecoder}. */
    public static final String DECODER = "bgp-decoder";
    /** Pipeline name of the {@code BgpMessageEncoder}. */
    public static final String ENCODER = "bgp-encoder";
    /** Pipeline name of the handler that counts messages for {@code PeerDriver.statistics()}. */
    public static final String STATISTICS = "bgp-statistics";
    /** Pipeline name of the {@link SessionHandler}. */
    public static final String SESSION = "bgp-session";

    private SessionChannelInitializer() {}

    /**
     * Adds the BGP handlers for {@code driver}'s neighbor to {@code ch}.
     *
     * @param ch      the new connection
     * @param driver  the neighbor it belongs to
     * @param inbound whether it was accepted (true) or connected out (false)
     */
    public static void init(Channel ch, PeerDriver driver, boolean inbound) {
        ChannelPipeline p = ch.pipeline();
        p.addLast(FRAME, new BgpFrameDecoder());
        p.addLast(DECODER, new BgpMessageDecoder());
        p.addLast(ENCODER, new BgpMessageEncoder());
        p.addLast(STATISTICS, new MessageStatisticsHandler(driver.counters()));
        p.addLast(SESSION, new SessionHandler(driver, inbound));
    }
}
