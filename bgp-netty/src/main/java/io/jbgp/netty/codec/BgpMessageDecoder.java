package io.jbgp.netty.codec;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.codec.DecodeResult;
import io.jbgp.core.codec.MessageReader;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each frame from {@link BgpFrameDecoder} into a {@link io.jbgp.core.message.BgpMessage},
 * or into the {@link DecodeResult.Failed} / {@link DecodeResult.TreatAsWithdraw} value that
 * {@link MessageReader} classified (RFC 7606 §2); errors travel as messages, never exceptions.
 * {@link FramingError}s from the frame decoder pass through unchanged.
 *
 * <p>Holds the {@link CodecContext} the session negotiated: {@link CodecContext#INITIAL} until
 * the FSM's {@code Negotiated} action swaps it (RustyBGP's {@code SessionNegotiated(PeerCodec)}).
 * Not {@code @Sharable}; the frame is released by {@link MessageToMessageDecoder} after decoding,
 * and no decoded record keeps a reference to it.
 */
public final class BgpMessageDecoder extends MessageToMessageDecoder<ByteBuf> {
    private static final Logger LOG = LoggerFactory.getLogger(BgpMessageDecoder.class);

    private CodecContext context = CodecContext.INITIAL;

    /** A decoder for the OPEN exchange ({@link CodecContext#INITIAL}). */
    public BgpMessageDecoder() {
        super(ByteBuf.class);
    }

    /**
     * The context used for the next frame.
     *
     * @return the current codec context
     */
    public CodecContext context() {
        return context;
    }

    /**
     * Switches to what the session negotiated; takes effect with the next frame.
     *
     * @param context the negotiated codec context
     */
    public void context(CodecContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        DecodeResult result = MessageReader.read(frame, context);
        if (result instanceof DecodeResult.Ok ok) {
            for (DecodeResult.Discarded d : ok.discarded()) {
                // RFC 7606 §2 attribute discard: the route stays, the attribute goes
                LOG.warn("peer={} attribute {} discarded: {} ({})", ctx.channel().remoteAddress(),
                        d.typeCode(), d.cause(), d.detail());
            }
            out.add(ok.message());
        } else {
            out.add(result);
        }
    }
}
