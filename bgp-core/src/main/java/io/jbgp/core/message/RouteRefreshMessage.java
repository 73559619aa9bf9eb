package io.jbgp.core.message;

import io.jbgp.core.types.AddressFamily;

/**
 * ROUTE-REFRESH (RFC 2918), with the RFC 7313 message subtype in the formerly reserved octet.
 * <pre>
 *  0       7      15      23      31
 *  +-------+-------+-------+-------+
 *  |      AFI      | Subty |  SAFI |
 *  +-------+-------+-------+-------+
 * </pre>
 *
 * @param family  the AFI/SAFI asked for
 * @param subtype 0 normal request, 1 BoRR, 2 EoRR (RFC 7313 §3.2); other values are kept as-is
 */
public record RouteRefreshMessage(AddressFamily family, int subtype) implements BgpMessage {
    /** RFC 2918 plain request; also the subtype for a peer without Enhanced Route Refresh. */
    public static final int NORMAL = 0;
    /** RFC 7313: Beginning of Route Refresh. */
    public static final int BORR = 1;
    /** RFC 7313: End of Route Refresh. */
    public static final int EORR = 2;

    /**
     * Rejects a null family and checks the subtype is an octet.
     *
     * @param family the AFI/SAFI asked for
     * @param subtype 0 normal request, 1 BoRR, 2 EoRR (RFC 7313 §3.2); other values are kept as-is
     */
    public RouteRefreshMessage {
        java.util.Objects.requireNonNull(family, "family");
        if (subtype < 0 || subtype > 255) {
            throw new IllegalArgumentException("subtype out of range: " + subtype);
        }
    }

    /**
     * @param family the family to be re-advertised
     * @return a normal (subtype 0) request
     */
    public static RouteRefreshMessage request(AddressFamily family) {
        return new RouteRefreshMessage(family, NORMAL);
    }

    @Override
    public MessageType type() {
        return MessageType.ROUTE_REFRESH;
    }
}
