package io.jbgp.core.fsm;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.HoldTime;
import io.jbgp.core.types.RouterId;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What two OPENs agreed on (RFC 4271 §4.2, RFC 5492), produced by {@link Negotiation}. A value:
 * the codec reads only its {@link #codecContext()}, the RIB reads families, ADD-PATH modes and
 * addresses.
 *
 * @param localOpen            the OPEN we sent
 * @param remoteOpen           the OPEN the peer sent
 * @param localAddress         our end of the TCP connection (next-hop-self uses it)
 * @param remoteAddress        the peer's end
 * @param localAs              our AS
 * @param peerAs               the peer's AS (from the 4-octet capability when present)
 * @param peerRouterId         the peer's BGP Identifier
 * @param holdTime             the smaller of the two proposed hold times (RFC 4271 §4.2)
 * @param keepaliveSeconds     our keepalive interval: hold/3 or the configured value if smaller;
 *                             0 when the hold time is 0
 * @param families             AFI/SAFIs both sides advertised (RFC 4760 §8), in our order
 * @param addPath              per family, the ADD-PATH directions in effect from our point of view
 *                             (SEND: we send path ids), only families where some direction is on
 * @param fourOctetAs          both sides advertised 4-octet AS support (RFC 6793)
 * @param extendedMessage      both sides advertised Extended Message (RFC 8654)
 * @param routeRefresh         both sides advertised Route Refresh (RFC 2918)
 * @param enhancedRouteRefresh both sides advertised Enhanced Route Refresh (RFC 7313)
 * @param codecContext         what the codec needs from all the above
 */
public record NegotiatedSession(OpenMessage localOpen, OpenMessage remoteOpen,
                                InetSocketAddress localAddress, InetSocketAddress remoteAddress,
                                Asn localAs, Asn peerAs, RouterId peerRouterId, HoldTime holdTime,
                                int keepaliveSeconds, List<AddressFamily> families,
                                Map<AddressFamily, Capability.AddPath.Mode> addPath,
                                boolean fourOctetAs, boolean extendedMessage, boolean routeRefresh,
                                boolean enhancedRouteRefresh, CodecContext codecContext) {

    public NegotiatedSession {
        Objects.requireNonNull(localOpen, "localOpen");
        Objects.requireNonNull(remoteOpen, "remoteOpen");
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(localAs, "localAs");
        Objects.requireNonNull(peerAs, "peerAs");
        Objects.requireNonNull(peerRouterId, "peerRouterId");
        Objects.requireNonNull(holdTime, "holdTime");
        if (keepaliveSeconds < 0 || (holdTime.isZero() && keepaliveSeconds != 0)) {
            throw new IllegalArgumentException("bad keepalive " + keepaliveSeconds + " for hold " + holdTime);
        }
        families = List.copyOf(families);
        addPath = Map.copyOf(addPath);
        Objects.requireNonNull(codecContext, "codecContext");
    }

    /** True when the peer is in another AS (RFC 4271 §1.1 external peer). */
    public boolean isEbgp() {
        return !localAs.equals(peerAs);
    }

    /** The peer's capabilities, in wire order. */
    public List<Capability> peerCapabilities() {
        return remoteOpen.capabilities();
    }
}
