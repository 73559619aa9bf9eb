package io.jbgp.core.fsm;

import static io.jbgp.core.fsm.FsmFixtures.LOCAL_AS;
import static io.jbgp.core.fsm.FsmFixtures.LOCAL_END;
import static io.jbgp.core.fsm.FsmFixtures.LOCAL_ID;
import static io.jbgp.core.fsm.FsmFixtures.REMOTE_AS;
import static io.jbgp.core.fsm.FsmFixtures.REMOTE_END;
import static io.jbgp.core.fsm.FsmFixtures.REMOTE_ID;
import static io.jbgp.core.fsm.FsmFixtures.peerBuilder;
import static io.jbgp.core.fsm.FsmFixtures.speaker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.config.SpeakerConfig;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.message.Capability;
import io.jbgp.core.message.Capability.AddPath.Mode;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Building our OPEN and combining two OPENs (RFC 4271 §4.2, RFC 4760, RFC 6793, RFC 7911, RFC 8654). */
class NegotiationTest {
    private static final AddressFamily V4 = AddressFamily.IPV4_UNICAST;
    private static final AddressFamily V6 = AddressFamily.IPV6_UNICAST;

    private static OpenMessage open(Asn as, int hold, List<Capability> caps) {
        return OpenMessage.of(as, hold, as.equals(LOCAL_AS) ? LOCAL_ID : REMOTE_ID, caps);
    }

    private static NegotiatedSession negotiate(OpenMessage local, OpenMessage remote, int keepalive) {
        return Negotiation.negotiate(local, remote, keepalive, LOCAL_END, REMOTE_END);
    }

    @Test
    void localOpenCarriesConfiguredCapabilitiesInStableOrder() {
        PeerConfig config = peerBuilder().family(V6).family(V4).extendedMessage(true)
                .addPath(V4, Mode.BOTH).role(Capability.Role.PEER, false)
                .timers(TimerConfig.builder().holdTime(Duration.ofSeconds(30)).build()).build();
        OpenMessage o = Negotiation.localOpen(speaker(), config);
        assertEquals(List.of(new Capability.MultiProtocol(V4), new Capability.MultiProtocol(V6),
                new Capability.RouteRefresh(), new Capability.ExtendedMessage(),
                new Capability.FourOctetAs(LOCAL_AS),
                new Capability.AddPath(List.of(new Capability.AddPath.Entry(V4, Mode.BOTH))),
                new Capability.BgpRole(Capability.Role.PEER)), o.capabilities());
        assertEquals(30, o.holdTime());
        assertEquals(65001, o.myAs());
        assertEquals(LOCAL_ID, o.bgpId());
    }

    @Test
    void fourOctetLocalAsGoesBehindAsTrans() {
        SpeakerConfig big = SpeakerConfig.builder(Asn.of(4_200_000_000L), LOCAL_ID).build();
        OpenMessage o = Negotiation.localOpen(big, peerBuilder().build());
        assertEquals(23456, o.myAs());
        assertEquals(Asn.of(4_200_000_000L), o.asn());
    }

    @Test
    void holdTimeIsTheMinimumAndKeepaliveAThird() {
        NegotiatedSession n = negotiate(open(LOCAL_AS, 90, List.of()), open(REMOTE_AS, 45, List.of()), 0);
        assertEquals(45, n.holdTime().seconds());
        assertEquals(15, n.keepaliveSeconds());
    }

    @Test
    void configuredKeepaliveIsCappedAtAThirdOfTheHoldTime() {
        assertEquals(5, negotiate(open(LOCAL_AS, 90, List.of()), open(REMOTE_AS, 90, List.of()), 5)
                .keepaliveSeconds());
        assertEquals(3, negotiate(open(LOCAL_AS, 90, List.of()), open(REMOTE_AS, 9, List.of()), 60)
                .keepaliveSeconds());
    }

    @Test
    void zeroHoldTimeOnEitherSideMeansNoKeepalives() {
        NegotiatedSession n = negotiate(open(LOCAL_AS, 90, List.of()), open(REMOTE_AS, 0, List.of()), 30);
        assertTrue(n.holdTime().isZero());
        assertEquals(0, n.keepaliveSeconds());
    }

    @Test
    void familiesAreIntersectedAndDefaultToIpv4Unicast() {
        OpenMessage local = open(LOCAL_AS, 90, List.of(new Capability.MultiProtocol(V4), new Capability.MultiProtocol(V6)));
        assertEquals(List.of(V6), negotiate(local, open(REMOTE_AS, 90, List.of(new Capability.MultiProtocol(V6))), 0)
                .families());
        // RFC 4760 §8: no Multiprotocol capability at all means IPv4 unicast
        NegotiatedSession plain = negotiate(local, open(REMOTE_AS, 90, List.of()), 0);
        assertEquals(List.of(V4), plain.families());
        assertEquals(Set.of(V4), plain.codecContext().families());
    }

    @Test
    void addPathModesAreIntersectedPerDirection() {
        List<Capability> mp = List.of(new Capability.MultiProtocol(V4), new Capability.MultiProtocol(V6));
        OpenMessage local = open(LOCAL_AS, 90, List.of(mp.get(0), mp.get(1), new Capability.AddPath(List.of(
                new Capability.AddPath.Entry(V4, Mode.BOTH), new Capability.AddPath.Entry(V6, Mode.SEND)))));
        OpenMessage remote = open(REMOTE_AS, 90, List.of(mp.get(0), mp.get(1), new Capability.AddPath(List.of(
                new Capability.AddPath.Entry(V4, Mode.SEND), new Capability.AddPath.Entry(V6, Mode.SEND)))));
        NegotiatedSession n = negotiate(local, remote, 0);
        // v4: we receive (they send); v6: both only send, so nothing
        assertEquals(Map.of(V4, Mode.RECEIVE), n.addPath());
        assertEquals(Set.of(V4), n.codecContext().addPathReceive());
        assertEquals(Set.of(), n.codecContext().addPathSend());

        NegotiatedSession reverse = negotiate(remote, local, 0);
        assertEquals(Map.of(V4, Mode.SEND), reverse.addPath());
    }

    @Test
    void extendedMessageAndFourOctetAsNeedBothSides() {
        OpenMessage local = open(LOCAL_AS, 90, List.of(new Capability.ExtendedMessage(),
                new Capability.FourOctetAs(LOCAL_AS), new Capability.RouteRefresh()));
        NegotiatedSession one = negotiate(local, open(REMOTE_AS, 90, List.of(new Capability.FourOctetAs(REMOTE_AS))), 0);
        assertTrue(one.fourOctetAs());
        assertFalse(one.extendedMessage());
        assertFalse(one.routeRefresh());
        assertEquals(new CodecContext(true, false, Set.of(V4), Set.of(), Set.of()), one.codecContext());

        NegotiatedSession both = negotiate(local, open(REMOTE_AS, 90, List.of(new Capability.ExtendedMessage(),
                new Capability.RouteRefresh())), 0);
        assertTrue(both.extendedMessage());
        assertFalse(both.fourOctetAs());
        assertTrue(both.routeRefresh());
        assertEquals(65535, both.codecContext().maxMessageLength());
    }

    @Test
    void peerIdentityAndAddressesAreRecorded() {
        NegotiatedSession n = negotiate(open(LOCAL_AS, 90, List.of()), open(REMOTE_AS, 90, List.of()), 0);
        assertEquals(REMOTE_AS, n.peerAs());
        assertEquals(LOCAL_AS, n.localAs());
        assertEquals(REMOTE_ID, n.peerRouterId());
        assertEquals(LOCAL_END, n.localAddress());
        assertEquals(REMOTE_END, n.remoteAddress());
        assertTrue(n.isEbgp());
    }
}
