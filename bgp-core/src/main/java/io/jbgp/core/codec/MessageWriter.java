package io.jbgp.core.codec;

import io.jbgp.core.message.BgpMessage;
import io.jbgp.core.message.KeepaliveMessage;
import io.jbgp.core.message.MessageType;
import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Encodes a message, header included (RFC 4271 §4.1): writes the marker, a placeholder length
 * and the type, then the body, then patches the length. Our own messages are never split or
 * truncated here: one that does not fit the maximum length (4096 for OPEN and KEEPALIVE, else
 * {@link CodecContext#maxMessageLength()}) is a bug in the caller, reported as
 * {@link IllegalArgumentException}, and nothing is left in {@code out}. UPDATEs that may be too
 * big are split before, with {@link UpdateCodec#split}.
 */
public final class MessageWriter {
    private MessageWriter() {}

    /**
     * Appends the encoded message to {@code out}.
     *
     * @param message the message to encode
     * @param ctx the session's codec context (AS size, ADD-PATH, maximum length)
     * @param out the buffer to append to; its writer index moves past the message
     */
    public static void write(BgpMessage message, CodecContext ctx, ByteBuf out) {
        int start = out.writerIndex();
        MessageType type = message.type();
        out.writeLong(-1L).writeLong(-1L); // marker: 16 octets of ones
        out.writeShort(0);
        out.writeByte(type.code());
        try {
            writeBody(message, ctx, out);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
        int length = out.writerIndex() - start;
        int max = MessageReader.maximumLength(type, ctx);
        if (length > max) {
            out.writerIndex(start);
            throw new IllegalArgumentException(type + " of " + length + " octets exceeds the maximum " + max);
        }
        out.setShort(start + WireFormat.MARKER_LENGTH, length);
    }

    /**
     * The encoded message as a new array; for tests, MRT and logging, not the hot path.
     *
     * @param message the message to encode
     * @param ctx the codec context
     * @return a fresh array holding the message, header included
     */
    public static byte[] toBytes(BgpMessage message, CodecContext ctx) {
        ByteBuf buf = Unpooled.buffer();
        try {
            write(message, ctx, buf);
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return bytes;
        } finally {
            buf.release();
        }
    }

    private static void writeBody(BgpMessage message, CodecContext ctx, ByteBuf out) {
        if (message instanceof OpenMessage open) {
            OpenCodec.encode(open, out);
        } else if (message instanceof UpdateMessage update) {
            UpdateCodec.encode(update, ctx, out);
        } else if (message instanceof NotificationMessage notification) {
            NotificationCodec.encode(notification, out);
        } else if (message instanceof RouteRefreshMessage refresh) {
            RouteRefreshCodec.encode(refresh, out);
        } else if (!(message instanceof KeepaliveMessage)) {
            throw new IllegalStateException("writeBody: unknown message " + message);
        }
    }
}
