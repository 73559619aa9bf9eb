package io.jbgp.core.mrt;

import io.jbgp.core.attr.NextHop;
import io.jbgp.core.attr.PathAttribute;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.codec.DecodeResult;
import io.jbgp.core.codec.UpdateCodec;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads TABLE_DUMP_V2 bodies (RFC 6396 §4.3, RFC 8050 §4): the PEER_INDEX_TABLE and the
 * per-prefix RIB records of the unicast and multicast subtypes. Wire layouts are drawn on
 * {@link PeerIndexTable}, {@link RibEntries} and {@link RibEntry}.
 *
 * <p>RIB entry attributes go to {@link UpdateCodec#decodeAttributes} with 4-octet AS numbers
 * (RFC 6396 §4.3.4). Their MP_REACH_NLRI is cut down to the next hop ("only the next hop
 * address length and next hop address fields"), which no UPDATE decoder accepts, so this class
 * takes it out of the block first and reads the next hop itself.
 */
final class TableDumpV2Codec {
    /** Attributes in RIB entries: always 4-octet AS; any length (the record frames them). */
    static final CodecContext ATTRIBUTE_CONTEXT = new CodecContext(true, true,
            Set.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST), Set.of(), Set.of(), true);

    private static final int FLAG_EXTENDED_LENGTH = 0x10;
    private static final int PEER_TYPE_IPV6 = 0x01;
    private static final int PEER_TYPE_AS4 = 0x02;

    private TableDumpV2Codec() {}

    /** Why a subtype is not decoded, or {@code null} when {@link #decode} handles it. */
    static String unsupportedReason(int subtype) {
        return switch (subtype) {
            case MrtWire.PEER_INDEX_TABLE, MrtWire.RIB_IPV4_UNICAST, MrtWire.RIB_IPV4_MULTICAST,
                    MrtWire.RIB_IPV6_UNICAST, MrtWire.RIB_IPV6_MULTICAST, MrtWire.RIB_IPV4_UNICAST_ADDPATH,
                    MrtWire.RIB_IPV4_MULTICAST_ADDPATH, MrtWire.RIB_IPV6_UNICAST_ADDPATH,
                    MrtWire.RIB_IPV6_MULTICAST_ADDPATH -> null;
            case MrtWire.RIB_GENERIC, MrtWire.RIB_GENERIC_ADDPATH ->
                    "RIB_GENERIC (RFC 6396 §4.3.3) carries NLRI of any AFI/SAFI; only the unicast and "
                            + "multicast RIB subtypes are decoded";
            default -> "TABLE_DUMP_V2 subtype " + subtype + " is not decoded";
        };
    }

    /** Reads a body of a subtype for which {@link #unsupportedReason} is {@code null}. */
    static MrtRecord decode(Instant timestamp, int subtype, ByteBuf body) {
        return switch (subtype) {
            case MrtWire.PEER_INDEX_TABLE -> peerIndexTable(timestamp, body);
            case MrtWire.RIB_IPV4_UNICAST -> rib(timestamp, AddressFamily.IPV4_UNICAST, false, body);
            case MrtWire.RIB_IPV4_MULTICAST -> rib(timestamp, AddressFamily.of(1, 2), false, body);
            case MrtWire.RIB_IPV6_UNICAST -> rib(timestamp, AddressFamily.IPV6_UNICAST, false, body);
            case MrtWire.RIB_IPV6_MULTICAST -> rib(timestamp, AddressFamily.of(2, 2), false, body);
            case MrtWire.RIB_IPV4_UNICAST_ADDPATH -> rib(timestamp, AddressFamily.IPV4_UNICAST, true, body);
            case MrtWire.RIB_IPV4_MULTICAST_ADDPATH -> rib(timestamp, AddressFamily.of(1, 2), true, body);
            case MrtWire.RIB_IPV6_UNICAST_ADDPATH -> rib(timestamp, AddressFamily.IPV6_UNICAST, true, body);
            case MrtWire.RIB_IPV6_MULTICAST_ADDPATH -> rib(timestamp, AddressFamily.of(2, 2), true, body);
            default -> throw new IllegalStateException("decode: subtype " + subtype + " has no reader");
        };
    }

    private static PeerIndexTable peerIndexTable(Instant timestamp, ByteBuf body) {
        RouterId collector = RouterId.of((int) MrtWire.u32(body, "collector BGP ID"));
        int nameLength = MrtWire.u16(body, "view name length");
        MrtWire.need(body, nameLength, "view name");
        String viewName = body.readCharSequence(nameLength, StandardCharsets.UTF_8).toString();
        int count = MrtWire.u16(body, "peer count");
        List<PeerIndexTable.Peer> peers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int type = MrtWire.u8(body, "peer " + i + " type");
            RouterId bgpId = RouterId.of((int) MrtWire.u32(body, "peer " + i + " BGP ID"));
            boolean ipv6 = (type & PEER_TYPE_IPV6) != 0;
            InetAddress address = MrtWire.address(body, ipv6, "peer " + i + " address");
            long asn = MrtWire.asn(body, (type & PEER_TYPE_AS4) != 0, "peer " + i + " AS");
            peers.add(new PeerIndexTable.Peer(bgpId, address, Asn.of(asn)));
        }
        return new PeerIndexTable(timestamp, collector, viewName, peers);
    }

    private static RibEntries rib(Instant timestamp, AddressFamily family, boolean addPath, ByteBuf body) {
        long sequence = MrtWire.u32(body, "sequence number");
        IpPrefix prefix = MrtWire.prefix(body, family.afi() == MrtWire.AFI_IPV6, "prefix");
        int count = MrtWire.u16(body, "entry count");
        // frame every entry first: a short record is reported as such, not as a bad attribute
        List<RawEntry> raw = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int peerIndex = MrtWire.u16(body, "entry " + i + " peer index");
            long originated = MrtWire.u32(body, "entry " + i + " originated time");
            long pathId = addPath ? MrtWire.u32(body, "entry " + i + " path identifier") : Nlri.NO_PATH_ID;
            int length = MrtWire.u16(body, "entry " + i + " attribute length");
            MrtWire.need(body, length, "entry " + i + " attributes");
            raw.add(new RawEntry(peerIndex, originated, pathId, body.readSlice(length)));
        }
        // octets after the last entry are tolerated, as bgpdump does: the count is authoritative
        List<RibEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(entry(raw.get(i), i));
        }
        return new RibEntries(timestamp, family, addPath, sequence, prefix, entries);
    }

    /** An entry framed but not decoded; {@code attributes} is a slice of the record body. */
    private record RawEntry(int peerIndex, long originated, long pathId, ByteBuf attributes) {
    }

    private static RibEntry entry(RawEntry raw, int i) {
        ByteBuf block = raw.attributes;
        MpNextHop mp = findMpReach(block, i);
        ByteBuf attributes = mp == null ? block : without(block, mp.offset, mp.length);
        DecodeResult result;
        try {
            result = UpdateCodec.decodeAttributes(attributes, ATTRIBUTE_CONTEXT);
        } finally {
            if (attributes != block) {
                attributes.release();
            }
        }
        if (!(result instanceof DecodeResult.Ok ok) || !(ok.message() instanceof UpdateMessage update)) {
            throw new MalformedRecordException("entry " + i + " (peer index " + raw.peerIndex + "): "
                    + describe(result));
        }
        // attribute discard (RFC 7606 §2) keeps the path, without the attribute, as a peer would
        PathAttributes attrs = update.attributes();
        Optional<InetAddress> nextHop = mp != null && mp.nextHop != null ? Optional.of(mp.nextHop)
                : attrs.nextHop().map(NextHop::toInetAddress);
        Optional<Inet6Address> linkLocal = mp == null ? Optional.empty() : Optional.ofNullable(mp.linkLocal);
        return new RibEntry(raw.peerIndex, Instant.ofEpochSecond(raw.originated), raw.pathId, attrs, nextHop,
                linkLocal);
    }

    private static String describe(DecodeResult result) {
        if (result instanceof DecodeResult.Failed f) {
            return f.error() + ": " + f.detail();
        }
        if (result instanceof DecodeResult.TreatAsWithdraw t) {
            return t.cause() + " (treat-as-withdraw): " + t.detail();
        }
        return "attributes decoded to " + result;
    }

    /** Where MP_REACH_NLRI sits in an attribute block, and the next hop it holds. */
    private record MpNextHop(int offset, int length, InetAddress nextHop, Inet6Address linkLocal) {
    }

    /**
     * Walks the attribute TLVs (RFC 4271 §4.3) for MP_REACH_NLRI. Does not move the block's
     * reader index. A block whose TLVs overrun it is left to the attribute decoder to reject.
     */
    private static MpNextHop findMpReach(ByteBuf block, int entry) {
        int p = block.readerIndex();
        int end = block.writerIndex();
        while (end - p >= 3) {
            int flags = block.getUnsignedByte(p);
            int type = block.getUnsignedByte(p + 1);
            boolean extended = (flags & FLAG_EXTENDED_LENGTH) != 0;
            int header = extended ? 4 : 3;
            if (end - p < header) {
                return null;
            }
            int length = extended ? block.getUnsignedShort(p + 2) : block.getUnsignedByte(p + 2);
            if (end - p - header < length) {
                return null;
            }
            if (type == PathAttribute.MP_REACH_NLRI) {
                ByteBuf value = block.slice(p + header, length);
                return mpNextHop(value, p - block.readerIndex(), header + length, entry);
            }
            p += header + length;
        }
        return null;
    }

    /**
     * RFC 6396 §4.3.4: the abbreviated form is next hop length (1) and next hop. Some writers
     * (older Quagga) store the full RFC 4760 form instead, AFI (2), SAFI (1), length (1), next
     * hop, reserved and NLRI; as bgpdump does, a first octet equal to the rest's length marks
     * the abbreviated form.
     */
    private static MpNextHop mpNextHop(ByteBuf value, int offset, int length, int entry) {
        if (value.readableBytes() >= 1 && value.getUnsignedByte(0) == value.readableBytes() - 1) {
            value.skipBytes(1);
        } else {
            MrtWire.need(value, 4, "entry " + entry + " MP_REACH_NLRI header");
            value.skipBytes(3);
            int nextHopLength = value.getUnsignedByte(value.readerIndex());
            MrtWire.need(value, 1 + nextHopLength, "entry " + entry + " next hop");
            value = value.slice(value.readerIndex() + 1, nextHopLength);
        }
        byte[] nh = new byte[value.readableBytes()];
        value.readBytes(nh);
        return switch (nh.length) {
            case 0 -> new MpNextHop(offset, length, null, null);
            case 4, 16 -> new MpNextHop(offset, length, MrtWire.toAddress(nh), null);
            case 32 -> {
                // RFC 2545 §3: global address, then link-local
                byte[] global = Arrays.copyOfRange(nh, 0, 16);
                byte[] local = Arrays.copyOfRange(nh, 16, 32);
                Inet6Address linkLocal = (Inet6Address) MrtWire.toAddress(local);
                yield new MpNextHop(offset, length, MrtWire.toAddress(global), linkLocal);
            }
            default -> throw new MalformedRecordException("entry " + entry + " MP_REACH_NLRI next hop of "
                    + nh.length + " octets (only 4, 16 and 32 are read)");
        };
    }

    /** A copy of the block without the {@code length} octets at {@code offset} from its start. */
    private static ByteBuf without(ByteBuf block, int offset, int length) {
        int start = block.readerIndex();
        ByteBuf out = Unpooled.buffer(block.readableBytes() - length);
        out.writeBytes(block, start, offset);
        out.writeBytes(block, start + offset + length, block.readableBytes() - offset - length);
        return out;
    }
}
