package io.jbgp.examples.bgpd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.fsm.NegotiatedSession;
import io.jbgp.core.fsm.Negotiation;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.peer.PeerOutbound;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.examples.ctl.NeighborDetailView;
import io.jbgp.netty.SpeakerEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Per-session UPDATE counters, the last down reason, and the negotiated session in words. */
class NeighborActivityTest {
    private static final InetAddress PEER = IpPrefix.parseAddress("198.51.100.9");
    private static final PeerKey KEY = PeerKey.of(PEER);

    /** A port that records what it was asked to send and can be closed. */
    private static final class FakeOutbound implements PeerOutbound {
        final List<UpdateMessage> sent = new ArrayList<>();
        boolean open = true;

        @Override
        public PeerKey peer() {
            return KEY;
        }

        @Override
        public void send(List<UpdateMessage> updates) {
            if (open) {
                sent.addAll(updates);
            }
        }

        @Override
        public void sendRouteRefresh(RouteRefreshMessage refresh) {
        }

        @Override
        public boolean isWritable() {
            return open;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void whenWritable(Runnable task) {
        }
    }

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
    void countersBelongToOneSession() {
        NeighborActivity a = new NeighborActivity();
        assertEquals(NeighborActivity.Counts.NONE, a.counts(PEER));
        FakeOutbound out = new FakeOutbound();
        PeerOutbound counted = a.established(KEY, session(), out);
        a.updateReceived(KEY);
        a.updateReceived(KEY);
        counted.send(List.of(UpdateMessage.endOfRib(AddressFamily.IPV4_UNICAST), UpdateMessage.endOfRib(AddressFamily.IPV4_UNICAST)));
        counted.send(UpdateMessage.endOfRib(AddressFamily.IPV4_UNICAST));
        assertEquals(3, out.sent.size(), "the wrapper passes everything on");
        assertEquals(new NeighborActivity.Counts(2, 3), a.counts(PEER));
        // a closed port drops sends, so they are not counted; the counts stay after the session
        out.open = false;
        counted.send(UpdateMessage.endOfRib(AddressFamily.IPV4_UNICAST));
        a.down(KEY, notificationReceived());
        assertEquals(new NeighborActivity.Counts(2, 3), a.counts(PEER));
        assertEquals(Optional.empty(), a.session(PEER));
        // the next session starts from zero
        a.established(KEY, session(), new FakeOutbound());
        assertEquals(new NeighborActivity.Counts(0, 0), a.counts(PEER));
    }

    @Test
    void connectRetriesDoNotBuryTheLastDownReason() {
        NeighborActivity a = new NeighborActivity();
        a.established(KEY, session(), new FakeOutbound());
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
