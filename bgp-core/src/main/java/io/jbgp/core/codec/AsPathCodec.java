package io.jbgp.core.codec;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.AsPathSegment;
import io.jbgp.core.attr.PathAttribute;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.types.Asn;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * AS_PATH (RFC 4271 §4.3, type 2) and AS4_PATH (RFC 6793 §3, type 17): a run of segments.
 * <pre>
 * +------------------+------------------+---------------------------------+
 * | Segment Type (1) | Segment Len (1)  | Len AS numbers, 2 or 4 octets   | ...
 * +------------------+------------------+---------------------------------+
 *   1 AS_SET, 2 AS_SEQUENCE, 3 AS_CONFED_SEQUENCE, 4 AS_CONFED_SET (RFC 5065)
 * </pre>
 * AS_PATH carries 2-octet numbers unless both sides have the 4-octet AS capability; AS4_PATH
 * always carries 4-octet numbers. Written with 2-octet numbers, an AS above 65535 becomes
 * AS_TRANS (RFC 6793 §4.2.2); {@link As4Merge} adds the AS4_PATH that restores it.
 */
final class AsPathCodec implements AttributeCodec {
    /** AS_PATH: width from the context. */
    static final AsPathCodec AS_PATH = new AsPathCodec(false);
    /** AS4_PATH: always 4-octet, never confederation segments. */
    static final AsPathCodec AS4_PATH = new AsPathCodec(true);

    private final boolean as4;

    private AsPathCodec(boolean as4) {
        this.as4 = as4;
    }

    private int asSize(CodecContext ctx) {
        return as4 || ctx.fourOctetAs() ? 4 : 2;
    }

    @Override
    public PathAttribute decode(ByteBuf buf, int index, int length, CodecContext ctx, UpdateErrors errors) {
        BgpError cause = as4 ? BgpError.UPDATE_OPTIONAL_ATTRIBUTE_ERROR : BgpError.UPDATE_MALFORMED_AS_PATH;
        if (as4 && length < 6) {
            // RFC 6793 §6: too short to carry one AS number
            return errors.malformed(cause, "AS4_PATH shorter than 6 octets");
        }
        if (length == 0) {
            return AsPath.EMPTY; // RFC 7606 §4: AS_PATH may be empty (iBGP, local routes)
        }
        int size = asSize(ctx);
        int end = index + length;
        // first pass: validate and count, RFC 7606 §7.2 lists what makes AS_PATH malformed
        int segments = 0;
        for (int p = index; p < end; segments++) {
            if (end - p < 2) {
                return errors.malformed(cause, "AS path segment header overruns the attribute");
            }
            AsPathSegment.Type type = AsPathSegment.Type.fromCode(buf.getUnsignedByte(p));
            int count = buf.getUnsignedByte(p + 1);
            if (type == null) {
                return errors.malformed(cause, "unknown AS path segment type " + buf.getUnsignedByte(p));
            }
            if (count == 0) {
                return errors.malformed(cause, "AS path segment of length zero");
            }
            p += 2 + count * size;
            if (p > end) {
                return errors.malformed(cause, "AS path segment overruns the attribute");
            }
            if (as4 && type.isConfederation()) {
                segments--; // RFC 6793 §6: confederation segments in AS4_PATH are dropped
            }
        }
        AsPathSegment[] out = new AsPathSegment[segments];
        int p = index;
        for (int s = 0; s < segments; ) {
            AsPathSegment.Type type = AsPathSegment.Type.fromCode(buf.getUnsignedByte(p));
            int count = buf.getUnsignedByte(p + 1);
            if (as4 && type.isConfederation()) {
                p += 2 + count * 4;
                continue;
            }
            int[] asns = new int[count];
            p += 2;
            if (size == 4) {
                for (int i = 0; i < count; i++, p += 4) {
                    asns[i] = buf.getInt(p);
                }
            } else {
                for (int i = 0; i < count; i++, p += 2) {
                    asns[i] = buf.getUnsignedShort(p);
                }
            }
            if (ctx.rejectsAsZero()) {
                for (int a : asns) {
                    if (a == 0) {
                        // RFC 7607 §2: AS 0 makes AS_PATH malformed (RFC 7606: treat-as-withdraw) and
                        // AS4_PATH malformed (RFC 6793 §6: the attribute is discarded)
                        return errors.malformed(cause, (as4 ? "AS4_PATH" : "AS_PATH") + " contains AS 0 (RFC 7607)");
                    }
                }
            }
            out[s++] = AsPathSegment.wrap(type, asns);
        }
        return segments == 0 ? AsPath.EMPTY : AsPath.of(List.of(out));
    }

    @Override
    public int valueLength(PathAttribute attribute, CodecContext ctx) {
        int size = asSize(ctx);
        int n = 0;
        for (AsPathSegment s : ((AsPath) attribute).segments()) {
            if (!(as4 && s.type().isConfederation())) {
                n += 2 + s.size() * size;
            }
        }
        return n;
    }

    @Override
    public void encode(PathAttribute attribute, CodecContext ctx, ByteBuf out) {
        int size = asSize(ctx);
        for (AsPathSegment s : ((AsPath) attribute).segments()) {
            if (as4 && s.type().isConfederation()) {
                continue; // RFC 6793 §3: AS4_PATH never carries confederation segments
            }
            out.writeByte(s.type().code());
            out.writeByte(s.size());
            for (int i = 0; i < s.size(); i++) {
                long asn = s.asn(i);
                if (size == 4) {
                    out.writeInt((int) asn);
                } else {
                    out.writeShort(asn > 0xFFFF ? (int) Asn.AS_TRANS.value() : (int) asn);
                }
            }
        }
    }
}
