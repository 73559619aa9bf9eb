package io.jbgp.examples.bgpd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.fsm.NegotiatedSession;
import io.jbgp.core.fsm.Negotiation;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.examples.ctl.NeighborDetailView;
import io.jbgp.netty.SpeakerEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The negotiated session, the last down reason, and the negotiated session in words. */
class NeighborActivityTest {
    private static final InetAddress PEER = IpPrefix.parseAddress("198.51.100.9");
    private static final PeerKey KEY = PeerKey.of(PEER);

    private static NegotiatedSession session() {
        List<Capability> caps = List.of(new Capability.MultiProtocol(AddressFamily.IPV4_UNICAST),
                new Capability.RouteRefresh(), new Capability.FourOctetAs(Asn.of(65509)));
        OpenMessage local = OpenMessage.of(Asn.of(65501), 90, RouterId.parse("10.1.0.1"),
                List.of(new Capability.MultiProtocol(AddressFamily.IPV4_UNICAST), new Capability.RouteRefresh(),
                        new Capability.FourOctetAs(Asn.of(65501))));
        OpenMessage remote = OpenMessage.of(Asn.of(65509), 30, RouterId.parse("10.0.0.9"), caps);
        return Negotiation.negotiate(local, remote, 0, new InetSocketAddress(IpPrefix.parseAddress("198.51.100.1"),
                179), new InetSocketAddress(PEER, 40000));
    }

    private static DownReason notificationReceived() {
        return DownReason.of(DownReason.Kind.NOTIFICATION_RECEIVED,
                BgpError.CEASE_ADMINISTRATIVE_SHUTDOWN.toNotification(new byte[0]), "");
    }

    @Test
    void theSessionIsKnownWhileEstablishedAndTheDownReasonAfter() {
        NeighborActivity a = new NeighborActivity();
        assertEquals(Optional.empty(), a.session(PEER));
        NegotiatedSession s = session();
        a.established(KEY, s);
        assertEquals(Optional.of(s), a.session(PEER));
        assertEquals(Optional.empty(), a.lastDown(PEER));
        a.down(KEY, notificationReceived());
        assertEquals(Optional.empty(), a.session(PEER));
        assertEquals(Optional.of(notificationReceived()), a.lastDown(PEER));
        a.forget(PEER);
        assertEquals(Optional.empty(), a.lastDown(PEER));
    }

    @Test
    void connectRetriesDoNotBuryTheLastDownReason() {
        NeighborActivity a = new NeighborActivity();
        a.established(KEY, session());
        a.down(KEY, notificationReceived());
        DownReason tcp = DownReason.of(DownReason.Kind.TCP_FAILURE, "connection refused");
        a.event(new SpeakerEvent.SessionClosed(KEY, tcp, false));
        a.event(new SpeakerEvent.SessionClosed(KEY, DownReason.of(DownReason.Kind.COLLISION_LOST,
                BgpError.CEASE_CONNECTION_COLLISION_RESOLUTION.toNotification(new byte[0]), ""), false));
        assertEquals(Optional.of(notificationReceived()), a.lastDown(PEER));
        assertEquals("NOTIFICATION received: Cease / Administrative Shutdown",
                a.lastDown(PEER).orElseThrow().toString().replaceAll(",.*", ""));
        // an OPEN the neighbor refused is worth showing
        DownReason badAs = DownReason.of(DownReason.Kind.NOTIFICATION_RECEIVED,
                BgpError.OPEN_BAD_PEER_AS.toNotification(new byte[0]), "");
        a.event(new SpeakerEvent.SessionClosed(KEY, badAs, false));
        assertEquals(Optional.of(badAs), a.lastDown(PEER));
    }

    @Test
    void negotiatedSessionInWords() {
        NeighborDetailView.Session s = NeighborDetails.session(session());
        assertEquals(IpPrefix.parseAddress("198.51.100.1"), s.localAddress());
        assertEquals(RouterId.parse("10.0.0.9"), s.remoteRouterId());
        assertEquals(30, s.holdTimeSeconds(), "the smaller hold time (RFC 4271 §4.2)");
        assertEquals(10, s.keepaliveSeconds());
        assertEquals(List.of("IPv4 unicast"), s.families());
        assertEquals(List.of("multiprotocol IPv4 unicast", "4-octet AS", "route refresh"), s.capabilities());
        assertEquals(List.of("Multiprotocol extensions: IPv4 unicast", "Route Refresh",
                "4-byte AS numbers (AS 65509)"), s.peerCapabilities());
    }
}
