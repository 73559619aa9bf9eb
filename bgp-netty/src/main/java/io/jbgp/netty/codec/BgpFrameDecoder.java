package io.jbgp.netty.codec;

import io.jbgp.core.codec.WireFormat;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.types.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the TCP byte stream into BGP messages (RFC 4271 §4.1).
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                                                               +
 * |                           Marker (16 x 0xFF)                  |
 * +                                                               +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Length               |      Type     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * Emits each whole message, header included, as a retained slice of the cumulation (no copy);
 * the next handler owns and releases it. Only the marker and the length bounds are checked here:
 * the type and the per-type minimum lengths belong to {@code MessageReader}, which sees the frame.
 *
 * <p>A bad header cannot be skipped over (the stream has lost synchronisation), so the decoder
 * emits one {@link FramingError} and then latches into discard mode, dropping every later byte,
 * like Netty's MQTT {@code BAD_MESSAGE} state and the HTTP/2 reader's error latch. The session
 * closes the connection after its NOTIFICATION.
 *
 * <p>Not {@code @Sharable}: it holds the cumulation and the current maximum length. Used only on
 * the channel's event loop.
 */
public final class BgpFrameDecoder extends ByteToMessageDecoder {
    private static final int LENGTH_OFFSET = WireFormat.MARKER_LENGTH;

    private int maxLength = WireFormat.MAX_LENGTH;
    private boolean failed;

    /**
     * Sets the largest message accepted from now on: 65535 once Extended Message (RFC 8654) is
     * negotiated, 4096 otherwise.
     */
    public void maxLength(int maxLength) {
        if (maxLength < WireFormat.HEADER_LENGTH || maxLength > WireFormat.MAX_EXTENDED_LENGTH) {
            throw new IllegalArgumentException("maxLength out of range: " + maxLength);
        }
        this.maxLength = maxLength;
    }

    /** The largest message currently accepted. */
    public int maxLength() {
        return maxLength;
    }

    /** True once a framing error was emitted; all input is then discarded. */
    public boolean isFailed() {
        return failed;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            // the stream is out of sync: nothing after a bad header means anything
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < WireFormat.HEADER_LENGTH) {
            return;
        }
        int start = in.readerIndex();
        for (int i = 0; i < WireFormat.MARKER_LENGTH; i++) {
            if (in.getByte(start + i) != (byte) 0xFF) {
                // RFC 4271 §6.1: a marker that is not all ones is Connection Not Synchronized
                fail(in, out, new FramingError(BgpError.HEADER_CONNECTION_NOT_SYNCHRONIZED, Bytes.EMPTY));
                return;
            }
        }
        int length = in.getUnsignedShort(start + LENGTH_OFFSET);
        if (length < WireFormat.HEADER_LENGTH || length > maxLength) {
            // RFC 4271 §6.1: Bad Message Length, the data field is the erroneous Length field
            byte[] data = {(byte) (length >>> 8), (byte) length};
            fail(in, out, new FramingError(BgpError.HEADER_BAD_MESSAGE_LENGTH, Bytes.wrap(data)));
            return;
        }
        if (in.readableBytes() < length) {
            return;
        }
        out.add(in.readRetainedSlice(length));
    }

    private void fail(ByteBuf in, List<Object> out, FramingError error) {
        failed = true;
        in.skipBytes(in.readableBytes());
        out.add(error);
    }
}
