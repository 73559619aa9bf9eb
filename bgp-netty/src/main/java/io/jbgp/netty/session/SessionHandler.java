package io.jbgp.netty.session;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.codec.DecodeResult;
import io.jbgp.core.fsm.Session;
import io.jbgp.core.fsm.SessionEvent;
import io.jbgp.core.message.BgpMessage;
import io.jbgp.netty.codec.BgpFrameDecoder;
import io.jbgp.netty.codec.BgpMessageDecoder;
import io.jbgp.netty.codec.BgpMessageEncoder;
import io.jbgp.netty.codec.FramingError;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a BGP connection's pipeline (STYLE §6.6): turns channel events and decoded
 * messages into {@link SessionEvent}s for the neighbor's {@link PeerDriver}, and applies the
 * codec switch the FSM asks for. One per channel; runs on the channel's event loop, which is the
 * driver's loop.
 * <pre>
 *   channelActive            → Peer.connected (Event 16 / 17)
 *   BgpMessage               → MessageReceived (Events 19, 25, 26, 27)
 *   FramingError, Failed     → DecodeFailed (Events 21, 22, 28)
 *   TreatAsWithdraw          → UpdateTreatedAsWithdraw (RFC 7606 §2)
 *   channelInactive          → TcpClosed (Event 18)
 *   exceptionCaught (I/O)    → TcpConnectionFails (Event 18)
 *   writability              → SendBufferStalled / SendBufferDrained (RFC 9687)
 * </pre>
 */
public final class SessionHandler extends ChannelDuplexHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SessionHandler.class);

    private final PeerDriver driver;
    private final boolean inbound;
    private ChannelHandlerContext ctx;
    private Session session;
    private boolean detached;

    /**
     * A handler for one connection of a neighbor.
     *
     * @param driver  the neighbor it belongs to
     * @param inbound whether the connection was accepted (true) or connected out (false)
     */
    public SessionHandler(PeerDriver driver, boolean inbound) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.inbound = inbound;
    }

    Channel channel() {
        return ctx.channel();
    }

    /** The session bound to this connection, null before {@code channelActive} and after close. */
    Session session() {
        return detached ? null : session;
    }

    void attach(Session s) {
        this.session = s;
    }

    /** The session closed the connection itself; later channel events are not its business. */
    void detach() {
        this.detached = true;
    }

    /** RFC 4271 §4.2 / RFC 6793 / RFC 8654: switch both codecs and the frame limit. */
    void negotiated(CodecContext context) {
        ctx.pipeline().get(BgpMessageDecoder.class).context(context);
        ctx.pipeline().get(BgpMessageEncoder.class).context(context);
        ctx.pipeline().get(BgpFrameDecoder.class).maxLength(context.maxMessageLength());
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (ctx.channel().isActive() && ctx.channel().isRegistered()) {
            // added after the channel became active (tests build pipelines this way)
            activate();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        activate();
        super.channelActive(ctx);
    }

    private void activate() {
        if (session != null || detached) {
            return;
        }
        if (!(ctx.channel().localAddress() instanceof InetSocketAddress local)
                || !(ctx.channel().remoteAddress() instanceof InetSocketAddress remote)) {
            LOG.warn("peer={} connection without IP addresses, closing", driver.key());
            ctx.close();
            return;
        }
        driver.connected(this, local, remote, inbound);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            SessionEvent event = toEvent(msg);
            if (event != null) {
                driver.handle(this, event);
            }
        } finally {
            ReferenceCountUtil.release(msg); // decoded messages are plain values; this is a no-op for them
        }
    }

    private SessionEvent toEvent(Object msg) {
        if (msg instanceof BgpMessage m) {
            return new SessionEvent.MessageReceived(m);
        } else if (msg instanceof FramingError f) {
            return new SessionEvent.DecodeFailed(f.error(), f.data());
        } else if (msg instanceof DecodeResult.Failed f) {
            LOG.warn("peer={} bad message: {} ({}), resetting", driver.key(), f.error(), f.detail());
            return new SessionEvent.DecodeFailed(f.error(), f.data());
        } else if (msg instanceof DecodeResult.TreatAsWithdraw t) {
            LOG.warn("peer={} malformed UPDATE treated as withdraw: {} ({})", driver.key(), t.cause(), t.detail());
            return new SessionEvent.UpdateTreatedAsWithdraw(t.withdrawals(), t.cause());
        }
        LOG.warn("peer={} unexpected pipeline object {}, ignored", driver.key(), msg.getClass().getName());
        return null;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        driver.writabilityChanged(this, ctx.channel().isWritable());
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        driver.closed(this);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("peer={} connection error: {}", driver.key(), cause.toString());
        } else {
            LOG.warn("peer={} unexpected error in pipeline, closing", driver.key(), cause);
        }
        driver.handle(this, new SessionEvent.TcpConnectionFails(String.valueOf(cause.getMessage())));
        ctx.close();
    }
}
