package io.jbgp.core.types;

/**
 * An AFI/SAFI pair (RFC 4760). Holds the raw wire codes so that families we do not route (seen in
 * a peer's Multiprotocol capability or ROUTE-REFRESH) survive decoding and re-encoding.
 *
 * @param afi  AFI code, 0..65535
 * @param safi SAFI code, 0..255
 */
public record AddressFamily(int afi, int safi) {
    /** IPv4 unicast (AFI 1, SAFI 1): the family of the classic UPDATE fields. */
    public static final AddressFamily IPV4_UNICAST = new AddressFamily(1, 1);
    /**
     * IPv6 unicast (AFI 2, SAFI 1), carried in MP_REACH_NLRI and MP_UNREACH_NLRI (RFC 4760, RFC
     * 2545).
     */
    public static final AddressFamily IPV6_UNICAST = new AddressFamily(2, 1);

    /**
     * Checks AFI is 0..65535 and SAFI 0..255.
     *
     * @param afi AFI code, 0..65535
     * @param safi SAFI code, 0..255
     */
    public AddressFamily {
        if (afi < 0 || afi > 0xFFFF) {
            throw new IllegalArgumentException("AFI out of range: " + afi);
        }
        if (safi < 0 || safi > 0xFF) {
            throw new IllegalArgumentException("SAFI out of range: " + safi);
        }
    }

    /**
     * @param afi the address family
     * @param safi the subsequent address family
     * @return the family; the shared constant for IPv4 and IPv6 unicast
     */
    public static AddressFamily of(Afi afi, Safi safi) {
        if (afi == Afi.IPV4 && safi == Safi.UNICAST) {
            return IPV4_UNICAST;
        }
        if (afi == Afi.IPV6 && safi == Safi.UNICAST) {
            return IPV6_UNICAST;
        }
        return new AddressFamily(afi.code(), safi.code());
    }

    /**
     * @param afi AFI code, 0..65535
     * @param safi SAFI code, 0..255
     * @return the family; the shared constant for IPv4 and IPv6 unicast
     * @throws IllegalArgumentException if a code is out of range
     */
    public static AddressFamily of(int afi, int safi) {
        if (afi == 1 && safi == 1) {
            return IPV4_UNICAST;
        }
        if (afi == 2 && safi == 1) {
            return IPV6_UNICAST;
        }
        return new AddressFamily(afi, safi);
    }

    /** {@return the AFI as an enum, or {@code null} when unknown} */
    public Afi afiEnum() {
        return Afi.fromCode(afi);
    }

    /**
     * {@return true for the families whose NLRI this speaker can decode (IPv4 and IPv6 unicast)}
     */
    public boolean isSupported() {
        return equals(IPV4_UNICAST) || equals(IPV6_UNICAST);
    }

    @Override
    public String toString() {
        if (equals(IPV4_UNICAST)) {
            return "IPv4 unicast";
        }
        if (equals(IPV6_UNICAST)) {
            return "IPv6 unicast";
        }
        return "afi " + afi + " safi " + safi;
    }
}
