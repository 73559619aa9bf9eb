package io.jbgp.core.mrt;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.codec.DecodeResult;
import io.jbgp.core.codec.UpdateCodec;
import io.jbgp.core.codec.WireFormat;
import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.MessageType;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.time.Instant;

/**
 * Reads the body of BGP4MP and BGP4MP_ET records (RFC 6396 §4.4, RFC 8050 §3) and decodes the
 * BGP message a {@link Bgp4mpMessage} carries. The wire layouts are drawn on
 * {@link Bgp4mpMessage} and {@link Bgp4mpStateChange}.
 */
public final class Bgp4mpCodec {
    private Bgp4mpCodec() {}

    /**
     * Decodes the BGP message recorded in {@code record} with the context its subtype implies
     * ({@link Bgp4mpMessage#codecContext()}). Never throws on the recorded octets: a bad message
     * is a {@link DecodeResult.Failed} or {@link DecodeResult.TreatAsWithdraw}, as it would be on
     * a live session.
     */
    public static DecodeResult decodeMessage(Bgp4mpMessage record) {
        CodecContext ctx = record.codecContext();
        ByteBuf frame = Unpooled.wrappedBuffer(record.message().unsafeArray());
        try {
            return decodeFrame(frame, ctx);
        } finally {
            frame.release();
        }
    }

    /**
     * Header checks of RFC 4271 §6.1, then the UPDATE body to {@link UpdateCodec}.
     * TODO(mrt): hand every type to MessageReader.read once the codec-msg branch lands.
     */
    private static DecodeResult decodeFrame(ByteBuf frame, CodecContext ctx) {
        if (frame.readableBytes() < WireFormat.HEADER_LENGTH) {
            return new DecodeResult.Failed(BgpError.HEADER_BAD_MESSAGE_LENGTH, Bytes.EMPTY,
                    "message of " + frame.readableBytes() + " octets is shorter than its header");
        }
        int length = frame.getUnsignedShort(WireFormat.MARKER_LENGTH);
        int type = frame.getUnsignedByte(WireFormat.MARKER_LENGTH + 2);
        if (length != frame.readableBytes()) {
            return new DecodeResult.Failed(BgpError.HEADER_BAD_MESSAGE_LENGTH, Bytes.EMPTY,
                    "header length " + length + " but the record holds " + frame.readableBytes() + " octets");
        }
        if (type != MessageType.UPDATE.code()) {
            return new DecodeResult.Failed(BgpError.HEADER_BAD_MESSAGE_TYPE, Bytes.EMPTY,
                    "only UPDATE is decoded here until MessageReader lands, not type " + type);
        }
        return UpdateCodec.decode(frame.slice(WireFormat.HEADER_LENGTH, length - WireFormat.HEADER_LENGTH), ctx);
    }

    /**
     * Reads one BGP4MP body after the common header (and after the microseconds of BGP4MP_ET).
     * Returns {@code null} for a subtype this reader does not know, which the caller skips.
     */
    static MrtRecord decode(Instant timestamp, int subtypeCode, ByteBuf body) {
        Bgp4mpSubtype subtype = Bgp4mpSubtype.fromCode(subtypeCode);
        if (subtype == null) {
            return null;
        }
        boolean as4 = subtype.hasFourOctetAs();
        long peerAs = MrtWire.asn(body, as4, "peer AS");
        long localAs = MrtWire.asn(body, as4, "local AS");
        int interfaceIndex = MrtWire.u16(body, "interface index");
        int afi = MrtWire.u16(body, "address family");
        if (afi != MrtWire.AFI_IPV4 && afi != MrtWire.AFI_IPV6) {
            throw new MalformedRecordException("address family " + afi + " is neither IPv4 (1) nor IPv6 (2)");
        }
        InetAddress peer = MrtWire.address(body, afi == MrtWire.AFI_IPV6, "peer address");
        InetAddress local = MrtWire.address(body, afi == MrtWire.AFI_IPV6, "local address");
        if (subtype.isStateChange()) {
            int oldState = MrtWire.u16(body, "old state");
            int newState = MrtWire.u16(body, "new state");
            // trailing octets after the states are tolerated: nothing is defined there
            return new Bgp4mpStateChange(timestamp, subtype, Asn.of(peerAs), Asn.of(localAs), interfaceIndex,
                    peer, local, oldState, newState);
        }
        byte[] message = new byte[body.readableBytes()];
        body.readBytes(message);
        return new Bgp4mpMessage(timestamp, subtype, Asn.of(peerAs), Asn.of(localAs), interfaceIndex,
                peer, local, Bytes.wrap(message));
    }
}
