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

    public static RouterId of(int value) {
        return new RouterId(value);
    }

    /** Parses dotted-quad notation. */
    public static RouterId parse(String dotted) {
        return new RouterId(Ipv4.parse(dotted));
    }

    public static RouterId of(Inet4Address address) {
        return new RouterId(Ipv4.toInt(address));
    }

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

        public static int toInt(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != 4) {
                throw new IllegalArgumentException("not an IPv4 address: " + address);
            }
            return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
        }

        public static Inet4Address toInetAddress(int v) {
            byte[] b = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
            try {
                return (Inet4Address) InetAddress.getByAddress(b);
            } catch (UnknownHostException e) {
                throw new AssertionError(e); // four bytes are always a valid address
            }
        }

        public static String toString(int v) {
            return (v >>> 24) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
        }
    }
}
