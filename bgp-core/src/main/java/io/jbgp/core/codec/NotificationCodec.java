package io.jbgp.core.codec;

import io.jbgp.core.message.NotificationMessage;
import io.jbgp.core.types.Bytes;
import io.netty.buffer.ByteBuf;

/**
 * NOTIFICATION body codec (RFC 4271 §4.5).
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Error code    | Error subcode |   Data (variable)             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * Codes and subcodes are kept as numbers, known or not, and the data as octets: the meaning of
 * the data (a shutdown communication, RFC 9003; the offending attribute, RFC 4271 §6.3) is read
 * by {@link NotificationMessage} on demand. Nothing in a NOTIFICATION is an error for us: RFC 4271
 * §6.4 forbids answering one with another, so a garbled one is still delivered as it is.
 */
final class NotificationCodec {
    private NotificationCodec() {}

    /** Decodes a body of at least 2 octets (the header check guarantees it). */
    static NotificationMessage decode(ByteBuf body) {
        int code = body.readUnsignedByte();
        int subcode = body.readUnsignedByte();
        byte[] data = new byte[body.readableBytes()];
        body.readBytes(data);
        return new NotificationMessage(code, subcode, Bytes.wrap(data));
    }

    static void encode(NotificationMessage notification, ByteBuf out) {
        out.writeByte(notification.code());
        out.writeByte(notification.subcode());
        out.writeBytes(notification.data().unsafeArray());
    }
}
