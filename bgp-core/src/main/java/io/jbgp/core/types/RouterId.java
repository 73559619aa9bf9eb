package io.jbgp.core.types;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A BGP Identifier (RFC 4271 §4.2, RFC 6286): a 4-octet unsigned value, usually written as an
 * IPv4 address. Also used for ORIGINATOR_ID and CLUSTER_LIST entries.
 *
 * @param value the 32 bits as an {@code int}; compare with {@link #compareTo}, which is unsigned
 */
public record RouterId(int value) implements Comparable<RouterId> {

    /**
     * @param value the 32 bits
     * @return the identifier
     */
    public static RouterId of(int value) {
        return new RouterId(value);
    }

    /**
     * Parses dotted-quad notation.
     *
     * @param dotted e.g. "198.51.100.1"
     * @return the identifier
     * @throws IllegalArgumentException if the text is not dotted-quad
     */
    public static RouterId parse(String dotted) {
        return new RouterId(Ipv4.parse(dotted));
    }

    /**
     * @param address an IPv4 address
     * @return the identifier with the same 32 bits
     */
    public static RouterId of(Inet4Address address) {
        return new RouterId(Ipv4.toInt(address));
    }

    /** {@return the identifier as an IPv4 address} */
    public Inet4Address toInetAddress() {
        return Ipv4.toInetAddress(value);
    }

    @Override
    public int compareTo(RouterId o) {
        return Integer.compareUnsigned(value, o.value);
    }

    @Override
    public String toString() {
        return Ipv4.toString(value);
    }

    /** Helpers for IPv4 addresses held as {@code int}. */
    public static final class Ipv4 {
        private Ipv4() {}

        /**
         * Parses dotted-quad notation.
         *
         * @param dotted four decimal octets 0..255 separated by dots
         * @return the address as 32 bits, first octet highest
         * @throws IllegalArgumentException if the text is not dotted-quad
         */
        public static int parse(String dotted) {
            String[] parts = dotted.trim().split("\\.", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            int v = 0;
            for (String p : parts) {
                int octet;
                try {
                    octet = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not an IPv4 address: " + dotted, e);
                }
                if (p.isEmpty() || octet < 0 || octet > 255) {
                    throw new IllegalArgumentException("not an IPv4 address: " + dotted);
                }
                v = v << 8 | octet;
            }
            return v;
        }

        /**
         * @param address an address that must be IPv4
         * @return the address as 32 bits, first octet highest
         * @throws IllegalArgumentException for an IPv6 address
         */
        public static int toInt(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != 4) {
                throw new IllegalArgumentException("not an IPv4 address: " + address);
            }
            return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
        }

        /**
         * @param v the address as 32 bits
         * @return the same address as an {@link Inet4Address}
         */
        public static Inet4Address toInetAddress(int v) {
            byte[] b = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
            try {
                return (Inet4Address) InetAddress.getByAddress(b);
            } catch (UnknownHostException e) {
                throw new AssertionError(e); // four bytes are always a valid address
            }
        }

        /**
         * @param v the address as 32 bits
         * @return dotted-quad text
         */
        public static String toString(int v) {
            return (v >>> 24) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
        }
    }
}
