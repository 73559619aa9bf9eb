package io.jbgp.core.types;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IP prefix: address plus length, always canonical (host bits zero). The two families are
 * records holding primitives, so a prefix costs one small object and hashes fast.
 */
public sealed interface IpPrefix extends Comparable<IpPrefix> permits Ipv4Prefix, Ipv6Prefix {

    /**
     * Prefix length in bits.
     *
     * @return the number of leading network bits, 0..{@link #maxLength()}
     */
    int length();

    /** {@return the address family, IPv4 or IPv6} */
    Afi afi();

    /**
     * Maximum prefix length for this family: 32 or 128.
     *
     * @return 32 for IPv4, 128 for IPv6
     */
    int maxLength();

    /** {@return the family this prefix is routed in (always unicast here)} */
    default AddressFamily family() {
        return afi() == Afi.IPV4 ? AddressFamily.IPV4_UNICAST : AddressFamily.IPV6_UNICAST;
    }

    /** {@return the network address, host bits zero} */
    InetAddress address();

    /**
     * True when {@code other} is this prefix or a more specific one inside it.
     *
     * @param other another prefix, of either family
     * @return false for a prefix of the other family
     */
    boolean contains(IpPrefix other);

    /**
     * True when the address lies inside this prefix.
     *
     * @param address an IPv4 or IPv6 address
     * @return false for an address of the other family
     */
    boolean containsAddress(InetAddress address);

    /**
     * Parses "198.51.100.0/24" or "2001:db8::/32"; host bits must be zero unless lenient.
     *
     * @param text a prefix in slash notation
     * @return the prefix
     * @throws IllegalArgumentException if the text is not a prefix or has host bits set
     */
    static IpPrefix parse(String text) {
        return parse(text, false);
    }

    /**
     * Parses a prefix. With {@code lenient}, host bits are silently cleared (as for interface
     * addresses like 172.19.0.1/30); otherwise they are an error, as in bgpd.conf.
     *
     * @param text a prefix in slash notation
     * @param lenient true to clear host bits instead of rejecting them
     * @return the prefix
     */
    static IpPrefix parse(String text, boolean lenient) {
        String s = text.trim();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        InetAddress a = parseAddress(addr);
        int max = a.getAddress().length * 8;
        int len;
        if (slash < 0) {
            len = max;
        } else {
            try {
                len = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in " + text, e);
            }
        }
        if (len < 0 || len > max) {
            throw new IllegalArgumentException("prefix length out of range in " + text);
        }
        IpPrefix p = of(a, len);
        if (!lenient && !p.address().equals(a)) {
            throw new IllegalArgumentException("host bits set in " + text + " (did you mean " + p + "?)");
        }
        return p;
    }

    /**
     * A prefix from an address and a length; host bits are cleared.
     *
     * @param address an IPv4 or IPv6 address
     * @param length the prefix length, 0..32 or 0..128
     * @return the prefix
     */
    static IpPrefix of(InetAddress address, int length) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return Ipv4Prefix.of(RouterId.Ipv4.toInt(address), length);
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = hi << 8 | (b[i] & 0xFF);
            lo = lo << 8 | (b[i + 8] & 0xFF);
        }
        return Ipv6Prefix.of(hi, lo, length);
    }

    /**
     * Parses a literal IPv4 or IPv6 address without any name lookup.
     *
     * @param literal a dotted-quad IPv4 or an RFC 4291 IPv6 address, never a host name
     * @return the address
     * @throws IllegalArgumentException if the text is not an address literal
     */
    static InetAddress parseAddress(String literal) {
        String s = literal.trim();
        if (s.isEmpty() || !(s.indexOf(':') >= 0 || s.matches("[0-9.]+"))) {
            throw new IllegalArgumentException("not an IP address: " + literal);
        }
        if (s.indexOf(':') < 0) {
            return RouterId.Ipv4.toInetAddress(RouterId.Ipv4.parse(s));
        }
        if (!s.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IP address: " + literal);
        }
        try {
            return InetAddress.getByName(s); // a literal with ':' never triggers a lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }

    @Override
    default int compareTo(IpPrefix o) {
        if (this instanceof Ipv4Prefix a && o instanceof Ipv4Prefix b) {
            int c = Integer.compareUnsigned(a.addr(), b.addr());
            return c != 0 ? c : Integer.compare(a.length(), b.length());
        }
        if (this instanceof Ipv6Prefix a && o instanceof Ipv6Prefix b) {
            int c = Long.compareUnsigned(a.hi(), b.hi());
            if (c == 0) {
                c = Long.compareUnsigned(a.lo(), b.lo());
            }
            return c != 0 ? c : Integer.compare(a.length(), b.length());
        }
        return this instanceof Ipv4Prefix ? -1 : 1;
    }
}
