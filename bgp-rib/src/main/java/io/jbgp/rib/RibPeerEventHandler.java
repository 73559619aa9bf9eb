package io.jbgp.rib;

import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.fsm.NegotiatedSession;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.peer.PeerEventHandler;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.peer.PeerOutbound;
import io.jbgp.rib.table.Neighbor;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The inbound port implemented by the RIB: turns each session event into a {@link RibCommand}
 * posted to the RIB executor. Nothing else happens here, so the session layer can be tested with
 * a fake RIB and the RIB without sessions.
 *
 * <p>One {@link Rib} is one routing instance: the VRF of a {@link PeerKey} is not looked at, an
 * embedder running several instances creates one Rib (and one handler) per instance.
 */
public final class RibPeerEventHandler implements PeerEventHandler {

    private final Rib rib;
    private final Function<PeerKey, RibPeerSettings> settings;

    /**
     * @param rib      the RIB to feed
     * @param settings the policies and extra next-hop-self addresses of each neighbor, looked up
     *                 when its session comes up
     */
    public RibPeerEventHandler(Rib rib, Function<PeerKey, RibPeerSettings> settings) {
        this.rib = Objects.requireNonNull(rib, "rib");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void established(PeerKey peer, NegotiatedSession session, PeerOutbound outbound) {
        RibPeerSettings s = settings.apply(peer);
        InetAddress local = session.localAddress().getAddress();
        Optional<Inet4Address> v4 = local instanceof Inet4Address a ? Optional.of(a) : s.localV4();
        Optional<Inet6Address> v6 = local instanceof Inet6Address a ? Optional.of(a) : s.localV6();
        Neighbor n = new Neighbor(peer.address(), session.peerAs(), session.peerRouterId(), session.isEbgp(), v4, v6);
        rib.post(new RibCommand.PeerUp(n, session.codecContext(), outbound,
                s.importPolicy(), s.exportPolicy(), session.enhancedRouteRefresh(), s.maxPrefixes()));
    }

    @Override
    public void update(PeerKey peer, UpdateMessage update) {
        rib.post(new RibCommand.Update(peer.address(), update));
    }

    @Override
    public void routeRefresh(PeerKey peer, RouteRefreshMessage refresh) {
        // RFC 7313 BoRR/EoRR markers from the neighbor are about its own re-send, not a request
        if (refresh.subtype() == RouteRefreshMessage.NORMAL) {
            rib.post(new RibCommand.RouteRefresh(peer.address(), refresh.family()));
        }
    }

    @Override
    public void down(PeerKey peer, DownReason reason) {
        rib.post(new RibCommand.PeerDown(peer.address()));
    }
}
