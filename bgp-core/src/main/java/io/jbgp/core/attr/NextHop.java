package io.jbgp.core.attr;

import io.jbgp.core.types.RouterId;
import java.net.Inet4Address;

/**
 * NEXT_HOP (RFC 4271 §5.1.3), type 3, well-known mandatory for IPv4 NLRI in the classic fields.
 *
 * @param address the IPv4 next hop as 32 bits
 */
public record NextHop(int address) implements PathAttribute {

    /**
     * @param dotted an IPv4 address in dotted-quad form
     * @return the attribute
     */
    public static NextHop parse(String dotted) {
        return new NextHop(RouterId.Ipv4.parse(dotted));
    }

    /**
     * @param address the IPv4 next hop
     * @return the attribute
     */
    public static NextHop of(Inet4Address address) {
        return new NextHop(RouterId.Ipv4.toInt(address));
    }

    /** {@return the next hop as an {@link Inet4Address}} */
    public Inet4Address toInetAddress() {
        return RouterId.Ipv4.toInetAddress(address);
    }

    @Override
    public int typeCode() {
        return NEXT_HOP;
    }

    @Override
    public String toString() {
        return RouterId.Ipv4.toString(address);
    }
}
