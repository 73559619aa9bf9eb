package io.jbgp.core.codec;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Bytes;
import io.netty.buffer.ByteBuf;

/**
 * ROUTE-REFRESH body codec (RFC 2918 §3, RFC 7313 §3.2).
 * <pre>
 *  0       7      15      23      31
 *  +-------+-------+-------+-------+
 *  |      AFI      | Subty |  SAFI |
 *  +-------+-------+-------+-------+
 * </pre>
 * The header check already refused bodies under 4 octets. A longer body would carry ORF entries
 * (RFC 5291), which this speaker does not support; RFC 7313 §5 makes that an error:
 * <ul>
 * <li>subtype BoRR or EoRR: ROUTE-REFRESH Message Error / Invalid Message Length, with the
 *     complete message as data;</li>
 * <li>any other subtype: Message Header Error / Bad Message Length with the length field, the
 *     RFC 4271 §6.1 reaction to a length wrong for the type. OpenBGPD does the same.</li>
 * </ul>
 * Subtypes other than 0..2 are kept as numbers; RFC 7313 §4 says to ignore such messages, which is
 * the session's decision, not the codec's.
 */
final class RouteRefreshCodec {
    static final int BODY_LENGTH = 4;

    private RouteRefreshCodec() {}

    /**
     * Decodes a body; {@code frame} is the whole message, used as error data.
     */
    static RouteRefreshMessage decode(ByteBuf body, ByteBuf frame) {
        int afi = body.readUnsignedShort();
        int subtype = body.readUnsignedByte();
        int safi = body.readUnsignedByte();
        if (body.isReadable()) {
            int length = WireFormat.HEADER_LENGTH + BODY_LENGTH + body.readableBytes();
            if (subtype == RouteRefreshMessage.BORR || subtype == RouteRefreshMessage.EORR) {
                byte[] whole = new byte[frame.readableBytes()];
                frame.getBytes(frame.readerIndex(), whole);
                throw new DecodeException(BgpError.ROUTE_REFRESH_INVALID_MESSAGE_LENGTH, Bytes.wrap(whole),
                        "ROUTE-REFRESH subtype " + subtype + " with length " + length);
            }
            throw new DecodeException(BgpError.HEADER_BAD_MESSAGE_LENGTH,
                    Bytes.wrap(new byte[] {(byte) (length >>> 8), (byte) length}),
                    "ROUTE-REFRESH with length " + length + " (ORF is not supported)");
        }
        return new RouteRefreshMessage(AddressFamily.of(afi, safi), subtype);
    }

    static void encode(RouteRefreshMessage refresh, ByteBuf out) {
        out.writeShort(refresh.family().afi());
        out.writeByte(refresh.subtype());
        out.writeByte(refresh.family().safi());
    }
}
