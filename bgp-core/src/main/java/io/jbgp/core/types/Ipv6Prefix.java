package io.jbgp.core.types;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv6 prefix as two 64-bit halves. The compact constructor zeroes host bits.
 *
 * @param hi     the upper 64 bits of the network address
 * @param lo     the lower 64 bits
 * @param length prefix length 0..128
 */
public record Ipv6Prefix(long hi, long lo, int length) implements IpPrefix {

    /**
     * Checks the length is 0..128 and clears the host bits, so equal prefixes are equal records.
     *
     * @param hi the upper 64 bits of the network address
     * @param lo the lower 64 bits
     * @param length prefix length 0..128
     */
    public Ipv6Prefix {
        if (length < 0 || length > 128) {
            throw new IllegalArgumentException("IPv6 prefix length out of range: " + length);
        }
        hi &= hiMask(length);
        lo &= loMask(length);
    }

    /** A well-mixed hash (the murmur3 64-bit finaliser), for the same reason as {@link Ipv4Prefix#hashCode()}. */
    @Override
    public int hashCode() {
        long h = hi * 0x9E3779B97F4A7C15L + lo;
        h = h * 0x9E3779B97F4A7C15L + length;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (int) h;
    }

    /**
     * @param hi the upper 64 bits of the address
     * @param lo the lower 64 bits
     * @param length prefix length, 0..128
     * @return the prefix, host bits cleared
     */
    public static Ipv6Prefix of(long hi, long lo, int length) {
        return new Ipv6Prefix(hi, lo, length);
    }

    static long hiMask(int length) {
        return length >= 64 ? -1L : length == 0 ? 0L : -1L << (64 - length);
    }

    static long loMask(int length) {
        return length <= 64 ? 0L : length == 128 ? -1L : -1L << (128 - length);
    }

    @Override
    public Afi afi() {
        return Afi.IPV6;
    }

    @Override
    public int maxLength() {
        return 128;
    }

    @Override
    public Inet6Address address() {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[i + 8] = (byte) (lo >>> (56 - 8 * i));
        }
        try {
            return (Inet6Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public boolean contains(IpPrefix other) {
        return other instanceof Ipv6Prefix o && o.length >= length
                && (o.hi & hiMask(length)) == hi && (o.lo & loMask(length)) == lo;
    }

    @Override
    public boolean containsAddress(InetAddress address) {
        return address instanceof Inet6Address && contains(IpPrefix.of(address, 128));
    }

    @Override
    public String toString() {
        String a = address().getHostAddress();
        // compress the longest run of zero groups the way iproute2 and FRR print it
        return compress(a) + "/" + length;
    }

    /** RFC 5952 text form of a fully expanded Java address string. */
    static String compress(String javaForm) {
        String[] g = javaForm.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < g.length; ) {
            if (g[i].equals("0")) {
                int j = i;
                while (j < g.length && g[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < g.length; i++) {
            if (i == bestStart) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            sb.append(g[i]);
            if (i < g.length - 1) {
                sb.append(':');
            }
        }
        return sb.toString();
    }
}
