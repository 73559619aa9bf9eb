package io.jbgp.core.codec;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.message.OptionalParameter;
import io.jbgp.core.types.Bytes;
import io.jbgp.core.types.RouterId;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * OPEN body codec (RFC 4271 §4.2), with capabilities (RFC 5492) and the extended optional
 * parameters length of RFC 9072.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+
 * |    Version    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     My Autonomous System      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Hold Time           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         BGP Identifier                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Non-Ext OP Len.|Non-Ext OP Type|  Extended Opt. Parm. Length   |   (RFC 9072 form:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+    255, 255, length)
 * |             Optional Parameters (variable)                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * each parameter:  | Parm. Type (1) | Parm. Length (1, or 2 in the RFC 9072 form) | Value |
 * capability:      | Code (1) | Length (1) | Value |
 * </pre>
 * Only syntax is checked here. Version, My AS, Hold Time and BGP Identifier are decoded whatever
 * their values; the FSM's OPEN validator judges them (RFC 4271 §6.2).
 */
final class OpenCodec {
    /** RFC 9072 §2: the Non-Ext OP Type that announces the extended form. */
    static final int EXTENDED_PARAMETERS = 255;

    private OpenCodec() {}

    /** Decodes an OPEN body; errors are thrown as {@link DecodeException}. */
    static OpenMessage decode(ByteBuf body) {
        int version = body.readUnsignedByte();
        int myAs = body.readUnsignedShort();
        int holdTime = body.readUnsignedShort();
        RouterId bgpId = RouterId.of(body.readInt());
        int nonExtLength = body.readUnsignedByte();
        boolean extended = false;
        int paramsLength = nonExtLength;
        // RFC 9072 §2: a non-zero length followed by type 255 means the extended form, whatever
        // the length octet says (it "MUST be set to 255" but receivers decide on the type)
        if (nonExtLength != 0 && body.isReadable()
                && body.getUnsignedByte(body.readerIndex()) == EXTENDED_PARAMETERS) {
            if (body.readableBytes() < 3) {
                throw lengthMismatch("truncated extended optional parameters length");
            }
            body.skipBytes(1);
            paramsLength = body.readUnsignedShort();
            extended = true;
        }
        // the parameters must fill the rest of the message exactly (OpenBGPD: "length mismatch")
        if (paramsLength != body.readableBytes()) {
            throw lengthMismatch("optional parameters length " + paramsLength + ", "
                    + body.readableBytes() + " octets left");
        }
        List<OptionalParameter> params = new ArrayList<>();
        while (body.isReadable()) {
            int type = body.readUnsignedByte();
            int needed = extended ? 2 : 1;
            if (body.readableBytes() < needed) {
                throw lengthMismatch("truncated optional parameter header");
            }
            int length = extended ? body.readUnsignedShort() : body.readUnsignedByte();
            if (length > body.readableBytes()) {
                throw lengthMismatch("optional parameter " + type + " length " + length + " overruns");
            }
            ByteBuf value = body.readSlice(length);
            if (type != OptionalParameter.CAPABILITIES) {
                // RFC 4271 §6.2: no data; RFC 5492 made type 2 the only one in use
                throw new DecodeException(BgpError.OPEN_UNSUPPORTED_OPTIONAL_PARAMETER,
                        "unsupported optional parameter type " + type);
            }
            params.add(new OptionalParameter.Capabilities(decodeCapabilities(value)));
        }
        return new OpenMessage(version, myAs, holdTime, bgpId, params);
    }

    private static List<Capability> decodeCapabilities(ByteBuf value) {
        List<Capability> caps = new ArrayList<>();
        while (value.isReadable()) {
            if (value.readableBytes() < 2) {
                throw new DecodeException(BgpError.OPEN_UNSPECIFIC, "truncated capability header");
            }
            int code = value.readUnsignedByte();
            int length = value.readUnsignedByte();
            if (length > value.readableBytes()) {
                throw new DecodeException(BgpError.OPEN_UNSPECIFIC,
                        "capability " + code + " length " + length + " overruns its parameter");
            }
            caps.add(CapabilityCodecs.decode(code, value.readSlice(length)));
        }
        return caps;
    }

    private static DecodeException lengthMismatch(String detail) {
        return new DecodeException(BgpError.OPEN_UNSPECIFIC, Bytes.EMPTY, "corrupt OPEN: " + detail);
    }

    /**
     * Writes an OPEN body. The RFC 9072 form is used only when it must be: when the parameters
     * exceed 255 octets, one parameter exceeds 255 octets, or the first parameter's type is 255
     * (which a receiver would take for the extended form's marker).
     */
    static void encode(OpenMessage open, ByteBuf out) {
        out.writeByte(open.version());
        out.writeShort(open.myAs());
        out.writeShort(open.holdTime());
        out.writeInt(open.bgpId().value());
        List<OptionalParameter> params = open.parameters();
        ByteBuf values = out.alloc().heapBuffer();
        try {
            int[] ends = new int[params.size()];
            boolean extended = false;
            int nonExtTotal = 0;
            for (int i = 0; i < params.size(); i++) {
                int start = values.writerIndex();
                encodeParameterValue(params.get(i), values);
                ends[i] = values.writerIndex();
                int length = ends[i] - start;
                extended |= length > 255;
                nonExtTotal += 2 + length;
            }
            extended |= nonExtTotal > 255
                    || (!params.isEmpty() && params.get(0).type() == EXTENDED_PARAMETERS);
            if (extended) {
                out.writeByte(255);
                out.writeByte(EXTENDED_PARAMETERS);
                int lengthIndex = out.writerIndex();
                out.writeShort(0);
                int start = out.writerIndex();
                writeParameters(params, values, ends, true, out);
                int total = out.writerIndex() - start;
                if (total > 0xFFFF) {
                    throw new IllegalArgumentException("OPEN optional parameters too long: " + total);
                }
                out.setShort(lengthIndex, total);
            } else {
                out.writeByte(nonExtTotal);
                writeParameters(params, values, ends, false, out);
            }
        } finally {
            values.release();
        }
    }

    private static void writeParameters(List<OptionalParameter> params, ByteBuf values, int[] ends,
                                        boolean extended, ByteBuf out) {
        int start = 0;
        for (int i = 0; i < params.size(); i++) {
            int length = ends[i] - start;
            out.writeByte(params.get(i).type());
            if (extended) {
                out.writeShort(length);
            } else {
                out.writeByte(length);
            }
            out.writeBytes(values, start, length);
            start = ends[i];
        }
    }

    private static void encodeParameterValue(OptionalParameter param, ByteBuf out) {
        if (param instanceof OptionalParameter.Unknown u) {
            out.writeBytes(u.value().unsafeArray());
        } else if (param instanceof OptionalParameter.Capabilities c) {
            for (Capability cap : c.capabilities()) {
                out.writeByte(cap.code());
                int lengthIndex = out.writerIndex();
                out.writeByte(0);
                CapabilityCodecs.encode(cap, out);
                int length = out.writerIndex() - lengthIndex - 1;
                if (length > 255) {
                    throw new IllegalArgumentException("capability value over 255 octets: " + cap);
                }
                out.setByte(lengthIndex, length);
            }
        } else {
            throw new IllegalStateException("encodeParameterValue: unknown parameter " + param);
        }
    }
}
