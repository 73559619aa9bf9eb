package io.jbgp.core.codec;

import io.jbgp.core.message.Nlri;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import io.jbgp.core.types.Ipv6Prefix;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Prefix lists of one address family: the classic Withdrawn Routes and NLRI fields (IPv4
 * unicast) and the NLRI inside MP_REACH_NLRI / MP_UNREACH_NLRI (RFC 4760 §5), with the ADD-PATH
 * path identifier in front of each prefix when negotiated for the family (RFC 7911 §3).
 * <pre>
 * +--------------------------------+
 * | Path Identifier (4 octets)     |   only with ADD-PATH
 * +--------------------------------+
 * | Length (1 octet)               |   in bits, 0..32 or 0..128
 * +--------------------------------+
 * | Prefix (variable)              |   ceil(Length / 8) octets
 * +--------------------------------+
 * </pre>
 * One descriptor per family, as BIRD's {@code bgp_af_table[]}. Decoding never throws: a
 * syntactically incorrect field (a length over the family maximum, or a prefix running past the
 * end, RFC 7606 §5.3) makes {@link #decode} return {@code null}, and the caller picks the error.
 * Host bits past the length are cleared by {@link Ipv4Prefix} / {@link Ipv6Prefix}: real peers
 * send them (see {@code updates.nlri_mask_trailing_bits.gz}).
 */
abstract class NlriCodec {

    /** IPv4 unicast: also the codec of the classic UPDATE fields. */
    static final NlriCodec IPV4 = new NlriCodec(AddressFamily.IPV4_UNICAST, 32) {
        @Override
        IpPrefix read(ByteBuf buf, int index, int length) {
            int n = (length + 7) >>> 3;
            int addr = 0;
            for (int i = 0; i < n; i++) {
                addr |= buf.getUnsignedByte(index + i) << (24 - 8 * i);
            }
            return new Ipv4Prefix(addr, length);
        }

        @Override
        void write(IpPrefix prefix, ByteBuf out) {
            Ipv4Prefix p = (Ipv4Prefix) prefix;
            int n = (p.length() + 7) >>> 3;
            out.writeByte(p.length());
            int addr = p.addr();
            for (int i = 0; i < n; i++) {
                out.writeByte(addr >>> (24 - 8 * i));
            }
        }
    };

    /** IPv6 unicast, only ever inside MP_REACH_NLRI / MP_UNREACH_NLRI. */
    static final NlriCodec IPV6 = new NlriCodec(AddressFamily.IPV6_UNICAST, 128) {
        @Override
        IpPrefix read(ByteBuf buf, int index, int length) {
            int n = (length + 7) >>> 3;
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < n; i++) {
                long b = buf.getUnsignedByte(index + i);
                if (i < 8) {
                    hi |= b << (56 - 8 * i);
                } else {
                    lo |= b << (120 - 8 * i);
                }
            }
            return new Ipv6Prefix(hi, lo, length);
        }

        @Override
        void write(IpPrefix prefix, ByteBuf out) {
            Ipv6Prefix p = (Ipv6Prefix) prefix;
            int n = (p.length() + 7) >>> 3;
            out.writeByte(p.length());
            for (int i = 0; i < n; i++) {
                out.writeByte((int) (i < 8 ? p.hi() >>> (56 - 8 * i) : p.lo() >>> (120 - 8 * i)));
            }
        }
    };

    private final AddressFamily family;
    private final int maxLength;

    private NlriCodec(AddressFamily family, int maxLength) {
        this.family = family;
        this.maxLength = maxLength;
    }

    /** The codec for a family, or {@code null} for families we do not route. */
    static NlriCodec of(AddressFamily family) {
        if (family.equals(AddressFamily.IPV4_UNICAST)) {
            return IPV4;
        }
        if (family.equals(AddressFamily.IPV6_UNICAST)) {
            return IPV6;
        }
        return null;
    }

    AddressFamily family() {
        return family;
    }

    /** The prefix of {@code length} bits whose octets start at {@code index}. */
    abstract IpPrefix read(ByteBuf buf, int index, int length);

    /** Writes length and prefix octets (no path identifier). */
    abstract void write(IpPrefix prefix, ByteBuf out);

    /**
     * Decodes the prefixes in {@code [from, to)}. A first pass validates and counts without
     * allocating, so the list is built in one exactly sized array.
     *
     * @return the prefixes, or {@code null} when the field is syntactically incorrect
     */
    final List<Nlri> decode(ByteBuf buf, int from, int to, boolean addPath) {
        int count = count(buf, from, to, addPath);
        if (count < 0) {
            return null;
        }
        if (count == 0) {
            return List.of();
        }
        Nlri[] out = new Nlri[count];
        int p = from;
        for (int i = 0; i < count; i++) {
            long pathId = Nlri.NO_PATH_ID;
            if (addPath) {
                pathId = buf.getUnsignedInt(p);
                p += 4;
            }
            int length = buf.getUnsignedByte(p);
            out[i] = new Nlri(read(buf, p + 1, length), pathId);
            p += 1 + ((length + 7) >>> 3);
        }
        return List.of(out);
    }

    /** The number of prefixes in {@code [from, to)}, or −1 when the field is malformed. */
    final int count(ByteBuf buf, int from, int to, boolean addPath) {
        int p = from;
        int count = 0;
        int header = addPath ? 5 : 1;
        while (p < to) {
            if (to - p < header) {
                return -1; // RFC 7606 §5.3 (b): the entry overruns the field
            }
            int length = buf.getUnsignedByte(p + header - 1);
            if (length > maxLength) {
                return -1; // RFC 7606 §5.3 (a): longer than the family allows
            }
            p += header + ((length + 7) >>> 3);
            if (p > to) {
                return -1;
            }
            count++;
        }
        return count;
    }

    /** Writes the prefixes, each with a path identifier when {@code addPath} (0 when it has none). */
    final void encode(List<Nlri> nlri, boolean addPath, ByteBuf out) {
        for (int i = 0, n = nlri.size(); i < n; i++) {
            encode(nlri.get(i), addPath, out);
        }
    }

    final void encode(Nlri nlri, boolean addPath, ByteBuf out) {
        if (nlri.prefix().family() != family && !nlri.prefix().family().equals(family)) {
            throw new IllegalArgumentException("encode: " + nlri + " is not " + family);
        }
        if (addPath) {
            // RFC 7911 §3: every NLRI carries an identifier; 0 for one we never numbered
            out.writeInt((int) (nlri.hasPathId() ? nlri.pathId() : 0));
        }
        write(nlri.prefix(), out);
    }

    /** The octets one entry takes on the wire. */
    static int encodedLength(Nlri nlri, boolean addPath) {
        return (addPath ? 5 : 1) + ((nlri.prefix().length() + 7) >>> 3);
    }

    static int encodedLength(List<Nlri> nlri, boolean addPath) {
        int n = 0;
        for (int i = 0, size = nlri.size(); i < size; i++) {
            n += encodedLength(nlri.get(i), addPath);
        }
        return n;
    }
}
