package io.jbgp.core.codec;

import io.jbgp.core.attr.PathAttribute;
import io.netty.buffer.ByteBuf;

/**
 * Reads and writes the value of one path attribute type (RFC 4271 §4.3); the attribute header
 * (flags, type, length) is the caller's. One instance per type code in {@link AttributeCodecs},
 * as BIRD's {@code bgp_attr_table[]}.
 * <pre>
 *  0                   1
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Attr. Flags  |Attr. Type Code|  Length (1, or 2 if Extended Length), then the value
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
interface AttributeCodec {

    /**
     * Decodes the value at {@code [index, index + length)}, which lies inside the buffer. Never
     * throws on peer input: a malformed value returns {@code errors.malformed(cause, detail)},
     * i.e. {@code null}, and the table's RFC 7606 action is applied by the caller.
     */
    PathAttribute decode(ByteBuf buf, int index, int length, CodecContext ctx, UpdateErrors errors);

    /** The value length {@link #encode} will write. */
    int valueLength(PathAttribute attribute, CodecContext ctx);

    /** Writes the value (no header). */
    void encode(PathAttribute attribute, CodecContext ctx, ByteBuf out);
}
