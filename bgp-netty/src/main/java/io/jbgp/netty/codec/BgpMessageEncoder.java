package io.jbgp.netty.codec;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.codec.MessageWriter;
import io.jbgp.core.message.BgpMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.util.Objects;

/**
 * Writes {@link BgpMessage}s with {@link MessageWriter} under the session's {@link CodecContext}
 * (2-octet or 4-octet AS paths, ADD-PATH, maximum length). Per channel, not {@code @Sharable},
 * because the context is per session; swapped on the FSM's {@code Negotiated} action.
 */
public final class BgpMessageEncoder extends MessageToByteEncoder<BgpMessage> {
    private CodecContext context = CodecContext.INITIAL;

    /** An encoder for the OPEN exchange ({@link CodecContext#INITIAL}). */
    public BgpMessageEncoder() {
        super(BgpMessage.class);
    }

    /**
     * The context used for the next message written.
     *
     * @return the current codec context
     */
    public CodecContext context() {
        return context;
    }

    /**
     * Switches to what the session negotiated; takes effect with the next message written.
     *
     * @param context the negotiated codec context
     */
    public void context(CodecContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, BgpMessage msg, ByteBuf out) {
        MessageWriter.write(msg, context, out);
    }
}
