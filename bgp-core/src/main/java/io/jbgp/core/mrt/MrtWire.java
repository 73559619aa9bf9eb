package io.jbgp.core.mrt;

import io.jbgp.core.types.Ipv4Prefix;
import io.jbgp.core.types.Ipv6Prefix;
import io.jbgp.core.types.IpPrefix;
import io.netty.buffer.ByteBuf;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * MRT type codes (RFC 6396 §4, RFC 8050 §3 and §4) and the bounds-checked reads the record
 * codecs share. Every read checks what is left first, so a short body becomes a
 * {@link MalformedRecordException} naming the field, never an {@code IndexOutOfBoundsException}.
 */
final class MrtWire {
    /** RFC 6396 §2: timestamp (4), type (2), subtype (2), length (4). */
    static final int HEADER_LENGTH = 12;

    static final int TABLE_DUMP = 12;
    static final int TABLE_DUMP_V2 = 13;
    static final int BGP4MP = 16;
    static final int BGP4MP_ET = 17;

    // TABLE_DUMP_V2 subtypes, RFC 6396 §4.3 and RFC 8050 §4
    static final int PEER_INDEX_TABLE = 1;
    static final int RIB_IPV4_UNICAST = 2;
    static final int RIB_IPV4_MULTICAST = 3;
    static final int RIB_IPV6_UNICAST = 4;
    static final int RIB_IPV6_MULTICAST = 5;
    static final int RIB_GENERIC = 6;
    static final int RIB_IPV4_UNICAST_ADDPATH = 8;
    static final int RIB_IPV4_MULTICAST_ADDPATH = 9;
    static final int RIB_IPV6_UNICAST_ADDPATH = 10;
    static final int RIB_IPV6_MULTICAST_ADDPATH = 11;
    static final int RIB_GENERIC_ADDPATH = 12;

    /** RFC 6396 §4.4: the AFI of the BGP4MP addresses. */
    static final int AFI_IPV4 = 1;
    static final int AFI_IPV6 = 2;

    private MrtWire() {}

    static void need(ByteBuf buf, int n, String field) {
        if (buf.readableBytes() < n) {
            throw new MalformedRecordException(field + " needs " + n + " octets, " + buf.readableBytes() + " left");
        }
    }

    static int u8(ByteBuf buf, String field) {
        need(buf, 1, field);
        return buf.readUnsignedByte();
    }

    static int u16(ByteBuf buf, String field) {
        need(buf, 2, field);
        return buf.readUnsignedShort();
    }

    static long u32(ByteBuf buf, String field) {
        need(buf, 4, field);
        return buf.readUnsignedInt();
    }

    /** An AS number field of 2 or 4 octets. */
    static long asn(ByteBuf buf, boolean fourOctet, String field) {
        return fourOctet ? u32(buf, field) : u16(buf, field);
    }

    /** An address of 4 or 16 octets. IPv4-mapped IPv6 addresses stay IPv6 (unlike InetAddress.getByAddress). */
    static InetAddress address(ByteBuf buf, boolean ipv6, String field) {
        byte[] a = new byte[ipv6 ? 16 : 4];
        need(buf, a.length, field);
        buf.readBytes(a);
        return toAddress(a);
    }

    static InetAddress toAddress(byte[] a) {
        try {
            // literal octets: no name lookup happens for either form
            return a.length == 16 ? Inet6Address.getByAddress(null, a, -1) : InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new MalformedRecordException("bad address length " + a.length);
        }
    }

    /**
     * A prefix as in RFC 4271 §4.3 NLRI: a length in bits and as few octets as hold it. Bits past
     * the length are cleared (real dumps carry them, see updates.nlri_mask_trailing_bits).
     */
    static IpPrefix prefix(ByteBuf buf, boolean ipv6, String field) {
        int len = u8(buf, field + " length");
        int max = ipv6 ? 128 : 32;
        if (len > max) {
            throw new MalformedRecordException(field + " length " + len + " exceeds " + max);
        }
        int octets = (len + 7) / 8;
        need(buf, octets, field);
        byte[] a = new byte[max / 8];
        buf.readBytes(a, 0, octets);
        if (!ipv6) {
            return Ipv4Prefix.of((a[0] & 0xFF) << 24 | (a[1] & 0xFF) << 16 | (a[2] & 0xFF) << 8 | (a[3] & 0xFF), len);
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = hi << 8 | (a[i] & 0xFF);
            lo = lo << 8 | (a[i + 8] & 0xFF);
        }
        return Ipv6Prefix.of(hi, lo, len);
    }
}
