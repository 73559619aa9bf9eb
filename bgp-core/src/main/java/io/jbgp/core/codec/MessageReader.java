package io.jbgp.core.codec;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.KeepaliveMessage;
import io.jbgp.core.message.MessageType;
import io.jbgp.core.types.Bytes;
import io.netty.buffer.ByteBuf;

/**
 * Decodes one whole BGP message, header included, into a {@link DecodeResult}. Never throws on
 * peer input: every problem becomes the NOTIFICATION the RFCs ask for.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                                                               +
 * |                           Marker                              |
 * +                                                               +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Length               |      Type     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * Header errors (RFC 4271 §6.1), checked in this order, as OpenBGPD's {@code parse_header} does:
 * <ol>
 * <li>a marker that is not all ones: Connection Not Synchronized, no data;</li>
 * <li>a length under 19 or over the negotiated maximum (4096, or 65535 with Extended Message,
 *     RFC 8654): Bad Message Length, data = the 2-octet length field;</li>
 * <li>an unknown type: Bad Message Type, data = the type octet;</li>
 * <li>a length wrong for the type (OPEN under 29 or over 4096 even with Extended Message, RFC 8654
 *     §4; UPDATE under 23; NOTIFICATION under 21; KEEPALIVE not 19; ROUTE-REFRESH under 23):
 *     Bad Message Length with the length field.</li>
 * </ol>
 * The bodies are decoded by {@link OpenCodec}, {@link UpdateCodec}, {@link NotificationCodec} and
 * {@link RouteRefreshCodec}.
 */
public final class MessageReader {
    private static final int LENGTH_OFFSET = WireFormat.MARKER_LENGTH;
    private static final int TYPE_OFFSET = WireFormat.MARKER_LENGTH + 2;

    private MessageReader() {}

    /**
     * Checks the header in the first 19 readable octets of {@code in} without consuming anything,
     * for a frame decoder that must know the length is sane before waiting for that many octets.
     *
     * @param in a buffer with at least 19 readable octets; its indexes are not moved
     * @param ctx the session's codec context, which bounds the length (4096, or 65535 with RFC
     *     8654)
     * @return {@code null} when the header is valid, else the header error to send
     * @throws IllegalArgumentException when fewer than 19 octets are readable (a caller bug)
     */
    public static DecodeResult.Failed checkHeader(ByteBuf in, CodecContext ctx) {
        if (in.readableBytes() < WireFormat.HEADER_LENGTH) {
            throw new IllegalArgumentException("checkHeader: needs " + WireFormat.HEADER_LENGTH
                    + " readable octets, has " + in.readableBytes());
        }
        int start = in.readerIndex();
        for (int i = 0; i < WireFormat.MARKER_LENGTH; i += 8) {
            if (in.getLong(start + i) != -1L) {
                return new DecodeResult.Failed(BgpError.HEADER_CONNECTION_NOT_SYNCHRONIZED, Bytes.EMPTY,
                        "marker is not all ones");
            }
        }
        int length = in.getUnsignedShort(start + LENGTH_OFFSET);
        int typeCode = in.getUnsignedByte(start + TYPE_OFFSET);
        if (length < WireFormat.HEADER_LENGTH || length > ctx.maxMessageLength()) {
            return badLength(length, "length " + length + " outside 19.." + ctx.maxMessageLength());
        }
        MessageType type = MessageType.fromCode(typeCode);
        if (type == null) {
            return new DecodeResult.Failed(BgpError.HEADER_BAD_MESSAGE_TYPE,
                    Bytes.wrap(new byte[] {(byte) typeCode}), "unknown message type " + typeCode);
        }
        if (length < minimumLength(type) || length > maximumLength(type, ctx)) {
            return badLength(length, "length " + length + " is wrong for " + type);
        }
        return null;
    }

    /**
     * Decodes one message. {@code frame} holds exactly one message, from its marker to its last
     * octet; the reader index is moved past it whatever the outcome.
     *
     * @param frame exactly one message, header included
     * @param ctx the session's negotiated codec context
     * @return {@link DecodeResult.Ok} with the message, {@link DecodeResult.TreatAsWithdraw} for an
     *     UPDATE that RFC 7606 lets us survive, or {@link DecodeResult.Failed} with the NOTIFICATION
     *     to send
     */
    public static DecodeResult read(ByteBuf frame, CodecContext ctx) {
        int start = frame.readerIndex();
        int available = frame.readableBytes();
        MessageType type = null;
        try {
            if (available < WireFormat.HEADER_LENGTH) {
                // not even a header: a framing bug upstream, reported as the length we got
                return badLength(available, "frame of " + available + " octets is shorter than a header");
            }
            DecodeResult.Failed headerError = checkHeader(frame, ctx);
            if (headerError != null) {
                return headerError;
            }
            int length = frame.getUnsignedShort(start + LENGTH_OFFSET);
            if (length != available) {
                return badLength(length, "length field " + length + " but frame of " + available + " octets");
            }
            type = MessageType.fromCode(frame.getUnsignedByte(start + TYPE_OFFSET));
            ByteBuf body = frame.slice(start + WireFormat.HEADER_LENGTH, length - WireFormat.HEADER_LENGTH);
            return decodeBody(type, body, frame, ctx);
        } catch (DecodeException e) {
            return e.toResult();
        } catch (RuntimeException e) {
            // the one net under all body decoders: peer input must never escape as an exception
            return new DecodeResult.Failed(fallbackError(type), Bytes.EMPTY,
                    "malformed " + (type == null ? "message" : type) + ": " + e);
        } finally {
            frame.readerIndex(start + available);
        }
    }

    private static DecodeResult decodeBody(MessageType type, ByteBuf body, ByteBuf frame, CodecContext ctx) {
        switch (type) {
            case OPEN:
                return new DecodeResult.Ok(OpenCodec.decode(body));
            case UPDATE:
                return UpdateCodec.decode(body, ctx);
            case NOTIFICATION:
                return new DecodeResult.Ok(NotificationCodec.decode(body));
            case KEEPALIVE:
                return new DecodeResult.Ok(KeepaliveMessage.INSTANCE);
            case ROUTE_REFRESH:
                return new DecodeResult.Ok(RouteRefreshCodec.decode(body, frame.slice(frame.readerIndex(),
                        WireFormat.HEADER_LENGTH + body.readableBytes())));
            default:
                throw new IllegalStateException("decodeBody: unhandled type " + type);
        }
    }

    /** The error for an unexpected exception while decoding a body of this type. */
    private static BgpError fallbackError(MessageType type) {
        if (type == null) {
            return BgpError.HEADER_UNSPECIFIC;
        }
        switch (type) {
            case OPEN:
                return BgpError.OPEN_UNSPECIFIC;
            case UPDATE:
                // STYLE §4: a read past the end of an UPDATE is a malformed attribute list
                return BgpError.UPDATE_MALFORMED_ATTRIBUTE_LIST;
            default:
                return BgpError.HEADER_UNSPECIFIC;
        }
    }

    /** The smallest message of a type, header included (RFC 4271 §4, RFC 2918 §3). */
    static int minimumLength(MessageType type) {
        switch (type) {
            case OPEN:
                return 29;
            case UPDATE:
                return 23;
            case NOTIFICATION:
                return 21;
            case KEEPALIVE:
                return WireFormat.HEADER_LENGTH;
            case ROUTE_REFRESH:
                return WireFormat.HEADER_LENGTH + RouteRefreshCodec.BODY_LENGTH;
            default:
                throw new IllegalStateException("minimumLength: " + type);
        }
    }

    /** The largest message of a type, header included: RFC 8654 §4 exempts OPEN and KEEPALIVE. */
    static int maximumLength(MessageType type, CodecContext ctx) {
        switch (type) {
            case OPEN:
                return WireFormat.MAX_OPEN_LENGTH;
            case KEEPALIVE:
                return WireFormat.HEADER_LENGTH;
            default:
                return ctx.maxMessageLength();
        }
    }

    private static DecodeResult.Failed badLength(int length, String detail) {
        return new DecodeResult.Failed(BgpError.HEADER_BAD_MESSAGE_LENGTH,
                Bytes.wrap(new byte[] {(byte) (length >>> 8), (byte) length}), detail);
    }
}
