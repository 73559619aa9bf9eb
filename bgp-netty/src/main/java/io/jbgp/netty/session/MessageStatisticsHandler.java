package io.jbgp.netty.session;

import io.jbgp.core.codec.DecodeResult;
import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.MessageType;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.Objects;

/**
 * Counts a connection's messages into its neighbor's {@link MessageCounters}. It sits between
 * the message codec and the {@link SessionHandler}, so it sees decoded messages on the way in
 * and whole messages on the way out (before encoding), with their types and NLRI at hand:
 * <pre>
 *   socket ─► frame decoder ─► message decoder ─► [statistics] ─► session   (received: on read)
 *   socket ◄─ outbound buffer ◄─ encoder ◄──────── [statistics] ◄─ session  (sent: on write promise)
 * </pre>
 * An outgoing message is queued when it passes here and counted as sent only when its write
 * promise succeeds, that is when Netty has written its last octet to the socket; a failed or
 * dropped write only leaves the queue. A void promise (the session's writes use them) is
 * replaced by a real one for that, which keeps the void promise's contract of reporting a
 * failure to {@code exceptionCaught}. Everything runs on the channel's event loop.
 */
final class MessageStatisticsHandler extends ChannelDuplexHandler {
    private final MessageCounters counters;

    MessageStatisticsHandler(MessageCounters counters) {
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        counters.attach(ctx.channel());
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        counters.detach(ctx.channel());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        counters.detach(ctx.channel()); // nothing of a closed channel is queued any more
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        MessageCounters.Tally t = tally(msg);
        if (t != null) {
            counters.received(t);
        }
        ctx.fireChannelRead(msg);
    }

    // what a decoder output says was on the wire; null for a frame without a trustworthy type
    private static MessageCounters.Tally tally(Object msg) {
        if (msg instanceof BgpMessage m) {
            return MessageCounters.Tally.of(m);
        }
        if (msg instanceof DecodeResult.TreatAsWithdraw t) {
            // RFC 7606 §2: an UPDATE all the same; it withdraws what it carried, and is no End-of-RIB
            return MessageCounters.Tally.update(t.withdrawals(), false);
        }
        if (msg instanceof DecodeResult.Failed f) {
            // the error code names the message type that failed (RFC 4271 §6.2, §6.3, RFC 7313 §5)
            switch (f.error().code()) {
                case OPEN_MESSAGE:
                    return new MessageCounters.Tally(MessageType.OPEN, 0, 0, false, -1, null);
                case UPDATE_MESSAGE:
                    return new MessageCounters.Tally(MessageType.UPDATE, 0, 0, false, -1, null);
                case ROUTE_REFRESH:
                    return new MessageCounters.Tally(MessageType.ROUTE_REFRESH, 0, 0, false, -1, null);
                default:
                    return null;
            }
        }
        return null; // a FramingError: the header itself was bad
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof BgpMessage m)) {
            ctx.write(msg, promise); // the empty buffer that flushes before a close
            return;
        }
        ChannelPromise p = promise.isVoid() ? promise.unvoid() : promise;
        counters.enqueued();
        p.addListener(new Written(counters, MessageCounters.Tally.of(m)));
        ctx.write(msg, p);
    }

    /** Counts one message when its write completes. */
    private static final class Written implements ChannelFutureListener {
        private final MessageCounters counters;
        private final MessageCounters.Tally tally;

        Written(MessageCounters counters, MessageCounters.Tally tally) {
            this.counters = counters;
            this.tally = tally;
        }

        @Override
        public void operationComplete(ChannelFuture f) {
            counters.written(tally, f.isSuccess());
        }
    }
}
