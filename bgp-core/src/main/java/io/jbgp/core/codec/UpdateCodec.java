package io.jbgp.core.codec;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * UPDATE body codec (RFC 4271 §4.3, RFC 4760, RFC 7606 classification).
 * PLACEHOLDER: signatures only, being implemented on the codec-update branch.
 */
public final class UpdateCodec {
    private UpdateCodec() {}

    /** Decodes an UPDATE body (the octets after the 19-octet header). Never throws on peer input. */
    public static DecodeResult decode(ByteBuf body, CodecContext ctx) {
        return new DecodeResult.Failed(BgpError.UPDATE_UNSPECIFIC, Bytes.EMPTY, "UPDATE decoding not implemented yet");
    }

    /**
     * Decodes a bare path attribute block (as in an UPDATE, or an MRT RIB entry). The result, when
     * Ok, is an UpdateMessage with no classic NLRI; MP_REACH/MP_UNREACH land in its mp fields.
     */
    public static DecodeResult decodeAttributes(ByteBuf attributes, CodecContext ctx) {
        return new DecodeResult.Failed(BgpError.UPDATE_UNSPECIFIC, Bytes.EMPTY, "not implemented yet");
    }

    /** Writes an UPDATE body (no header). The message must fit {@link CodecContext#maxMessageLength()}. */
    public static void encode(UpdateMessage update, CodecContext ctx, ByteBuf out) {
        throw new UnsupportedOperationException("UPDATE encoding not implemented yet");
    }

    /** Splits an UPDATE into as few UPDATEs as fit the negotiated maximum length, same attributes each. */
    public static List<UpdateMessage> split(UpdateMessage update, CodecContext ctx) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
