package io.jbgp.core.codec;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.message.MpReach;
import io.jbgp.core.message.MpUnreach;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.types.AddressFamily;
import io.netty.buffer.ByteBuf;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * MP_REACH_NLRI (type 14) and MP_UNREACH_NLRI (type 15) values, RFC 4760 §3 and §4.
 * <pre>
 * MP_REACH_NLRI                                  MP_UNREACH_NLRI
 * +-----------------------------------------+    +-----------------------------------------+
 * | AFI (2) | SAFI (1) | Next Hop Length (1) |    | AFI (2) | SAFI (1)                      |
 * | Next Hop (4; IPv6: 16, or 32 with the    |    | Withdrawn Routes (variable)             |
 * |   link-local address, RFC 2545 §3)       |    +-----------------------------------------+
 * | Reserved (1)                             |
 * | NLRI (variable)                          |
 * +-----------------------------------------+
 * </pre>
 * Every problem here is a session reset (RFC 7606 §7.11, §7.12): without a parsable MP
 * attribute there is no list of prefixes to treat as withdrawn. A family the session did not
 * negotiate is refused the same way with Optional Attribute Error, as OpenBGPD does ("bad
 * update, ... disabled"); RFC 4760 §7 allows that, FRR instead ignores such NLRI silently.
 */
final class MpNlriCodec {
    private MpNlriCodec() {}

    /** Decodes an MP_REACH_NLRI value, or reports a malformation and returns {@code null}. */
    static MpReach decodeReach(ByteBuf buf, int index, int length, CodecContext ctx, UpdateErrors errors) {
        if (length < 5) {
            return errors.malformed(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR, "MP_REACH_NLRI shorter than 5 octets");
        }
        AddressFamily family = AddressFamily.of(buf.getUnsignedShort(index), buf.getUnsignedByte(index + 2));
        NlriCodec codec = codecFor(family, ctx, errors);
        if (codec == null) {
            return null;
        }
        int nhLength = buf.getUnsignedByte(index + 3);
        int nh = index + 4;
        int nlri = nh + nhLength + 1; // after the Reserved octet, ignored on receipt (RFC 4760 §3)
        if (nlri > index + length) {
            return errors.malformed(BgpError.UPDATE_OPTIONAL_ATTRIBUTE_ERROR, "MP_REACH_NLRI next hop overruns the attribute");
        }
        InetAddress nextHop;
        Optional<Inet6Address> linkLocal = Optional.empty();
        if (family.afi() == 1) {
            if (nhLength != 4) {
                return errors.malformed(BgpError.UPDATE_OPTIONAL_ATTRIBUTE_ERROR, "IPv4 next hop length " + nhLength);
            }
            nextHop = ipv6OrIpv4(buf, nh, 4);
        } else {
            if (nhLength != 16 && nhLength != 32) {
                // RFC 2545 §3: the global address, optionally followed by the link-local one
                return errors.malformed(BgpError.UPDATE_OPTIONAL_ATTRIBUTE_ERROR, "IPv6 next hop length " + nhLength);
            }
            nextHop = ipv6OrIpv4(buf, nh, 16);
            if (nhLength == 32) {
                linkLocal = Optional.of((Inet6Address) ipv6OrIpv4(buf, nh + 16, 16));
            }
        }
        List<Nlri> prefixes = codec.decode(buf, nlri, index + length, ctx.isAddPathReceive(family));
        if (prefixes == null) {
            // RFC 7606 §5.3 and §7.11: unparsable MP NLRI cannot be treated as withdrawn
            return errors.malformed(BgpError.UPDATE_OPTIONAL_ATTRIBUTE_ERROR, "malformed NLRI in MP_REACH_NLRI");
        }
        return new MpReach(family, nextHop, linkLocal, prefixes);
    }

    /** Decodes an MP_UNREACH_NLRI value, or reports a malformation and returns {@code null}. */
    static MpUnreach decodeUnreach(ByteBuf buf, int index, int length, CodecContext ctx, UpdateErrors errors) {
        if (length < 3) {
            return errors.malformed(BgpError.UPDATE_ATTRIBUTE_LENGTH_ERROR, "MP_UNREACH_NLRI shorter than 3 octets");
        }
        AddressFamily family = AddressFamily.of(buf.getUnsignedShort(index), buf.getUnsignedByte(index + 2));
        NlriCodec codec = codecFor(family, ctx, errors);
        if (codec == null) {
            return null;
        }
        List<Nlri> prefixes = codec.decode(buf, index + 3, index + length, ctx.isAddPathReceive(family));
        if (prefixes == null) {
            return errors.malformed(BgpError.UPDATE_OPTIONAL_ATTRIBUTE_ERROR, "malformed NLRI in MP_UNREACH_NLRI");
        }
        return new MpUnreach(family, prefixes);
    }

    private static NlriCodec codecFor(AddressFamily family, CodecContext ctx, UpdateErrors errors) {
        NlriCodec codec = NlriCodec.of(family);
        if (codec == null || !ctx.families().contains(family)) {
            // RFC 4760 §7: an AFI/SAFI the session did not negotiate
            return errors.malformed(BgpError.UPDATE_OPTIONAL_ATTRIBUTE_ERROR, family + " was not negotiated");
        }
        return codec;
    }

    /** An address kept in its family: 16 octets stay an Inet6Address even when IPv4-mapped. */
    private static InetAddress ipv6OrIpv4(ByteBuf buf, int index, int size) {
        byte[] b = new byte[size];
        buf.getBytes(index, b);
        try {
            return size == 4 ? InetAddress.getByAddress(b) : Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // 4 and 16 octets are always valid
        }
    }

    /** The MP_REACH_NLRI value length {@link #encodeReach} writes. */
    static int reachLength(MpReach reach, CodecContext ctx) {
        return 5 + nextHopLength(reach) + NlriCodec.encodedLength(reach.nlri(), ctx.isAddPathSend(reach.family()));
    }

    static int unreachLength(MpUnreach unreach, CodecContext ctx) {
        return 3 + NlriCodec.encodedLength(unreach.withdrawn(), ctx.isAddPathSend(unreach.family()));
    }

    static int nextHopLength(MpReach reach) {
        return reach.nextHop().getAddress().length + (reach.linkLocal().isPresent() ? 16 : 0);
    }

    /** Writes an MP_REACH_NLRI value. */
    static void encodeReach(MpReach reach, CodecContext ctx, ByteBuf out) {
        NlriCodec codec = requireCodec(reach.family());
        boolean v4 = reach.family().afi() == 1;
        if (v4 != reach.nextHop() instanceof Inet4Address || (v4 && reach.linkLocal().isPresent())) {
            throw new IllegalArgumentException("encodeReach: next hop " + reach.nextHop() + " does not fit " + reach.family());
        }
        out.writeShort(reach.family().afi()).writeByte(reach.family().safi());
        out.writeByte(nextHopLength(reach));
        out.writeBytes(reach.nextHop().getAddress());
        reach.linkLocal().ifPresent(ll -> out.writeBytes(ll.getAddress()));
        out.writeByte(0); // Reserved
        codec.encode(reach.nlri(), ctx.isAddPathSend(reach.family()), out);
    }

    /** Writes an MP_UNREACH_NLRI value. */
    static void encodeUnreach(MpUnreach unreach, CodecContext ctx, ByteBuf out) {
        NlriCodec codec = requireCodec(unreach.family());
        out.writeShort(unreach.family().afi()).writeByte(unreach.family().safi());
        codec.encode(unreach.withdrawn(), ctx.isAddPathSend(unreach.family()), out);
    }

    private static NlriCodec requireCodec(AddressFamily family) {
        NlriCodec codec = NlriCodec.of(family);
        if (codec == null) {
            throw new IllegalArgumentException("no NLRI codec for " + family);
        }
        return codec;
    }
}
