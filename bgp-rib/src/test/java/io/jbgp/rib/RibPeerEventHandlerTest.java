package io.jbgp.rib;

import static io.jbgp.rib.TestRoutes.LOCAL_AS;
import static io.jbgp.rib.TestRoutes.LOCAL_ID;
import static io.jbgp.rib.TestRoutes.addr;
import static io.jbgp.rib.TestRoutes.prefix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.fsm.NegotiatedSession;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.OpenMessage;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.HoldTime;
import io.jbgp.core.types.RouterId;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.origin.NetworkStatement;
import io.jbgp.rib.origin.OriginChange;
import io.jbgp.rib.origin.OriginatedRoute;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.rib.policy.Policies;
import io.jbgp.rib.table.LocalSource;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The session port and the origination port are thin adapters onto RIB commands. */
class RibPeerEventHandlerTest {

    private final Rib rib = new Rib(RibConfig.of(LOCAL_AS, LOCAL_ID), RibExecutor.direct());
    private final PeerKey key = PeerKey.of(addr("10.0.0.2"));

    private NegotiatedSession session() {
        OpenMessage local = OpenMessage.of(LOCAL_AS, 90, LOCAL_ID, List.of());
        OpenMessage remote = OpenMessage.of(Asn.of(65002), 90, RouterId.parse("10.0.2.1"), List.of());
        return new NegotiatedSession(local, remote, new InetSocketAddress(addr("10.0.0.1"), 40000),
                new InetSocketAddress(addr("10.0.0.2"), 179), LOCAL_AS, Asn.of(65002), RouterId.parse("10.0.2.1"),
                HoldTime.DEFAULT, 30, List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST), Map.of(),
                true, false, true, false, CodecContext.DEFAULT);
    }

    @Test
    void sessionEventsBecomeRibCommands() {
        RibPeerEventHandler handler = new RibPeerEventHandler(rib,
                k -> RibPeerSettings.of(Policies.allowAll(), Policies.allowAll()));
        rib.post(new RibCommand.SystemRouteChanged(SystemRoute.connected(prefix("10.0.0.0/24"), "eth0"), true));
        RecordingOutbound out = new RecordingOutbound(key);
        handler.established(key, session(), out);
        assertEquals(List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST), out.endOfRibs());
        RibSnapshot.PeerView pv = rib.snapshot().join().peers().get(key.address());
        assertTrue(pv.neighbor().ebgp());
        assertEquals(addr("10.0.0.1"), pv.neighbor().localAddress(AddressFamily.IPV4_UNICAST));

        AttributeSet a = AttributeSet.builder().asPath(AsPath.sequence(65002)).nextHop(addr("10.0.0.2")).build();
        handler.update(key, UpdateMessage.announce(a.toPathAttributes(true), List.of(Nlri.of(prefix("198.51.100.0/24")))));
        assertEquals(1, rib.snapshot().join().bestPaths(AddressFamily.IPV4_UNICAST).size());

        rib.originate(prefix("203.0.113.0/24"), AttributeSet.builder().build(), LocalSource.CONFIGURED);
        int before = out.sent.size();
        handler.routeRefresh(key, RouteRefreshMessage.request(AddressFamily.IPV4_UNICAST));
        assertTrue(out.sent.size() > before, "route refresh re-sends the family");

        handler.down(key, DownReason.of(DownReason.Kind.HOLD_TIMER_EXPIRED, ""));
        RibSnapshot s = rib.snapshot().join();
        assertTrue(s.bestPaths(AddressFamily.IPV4_UNICAST).keySet().equals(java.util.Set.of(prefix("203.0.113.0/24"))));
        assertTrue(s.peers().isEmpty());
    }

    @Test
    void originationChangesBecomeLocalRoutes() {
        var output = rib.originationOutput();
        OriginatedRoute configured = new OriginatedRoute(prefix("198.51.100.0/24"),
                new NetworkStatement.Prefix(prefix("198.51.100.0/24"), PathAttributes.EMPTY), PathAttributes.EMPTY,
                Optional.empty());
        output.changed(List.of(new OriginChange(configured.prefix(), Optional.empty(), Optional.of(configured))));
        var best = rib.snapshot().join().bestPaths(AddressFamily.IPV4_UNICAST).get(configured.prefix());
        assertEquals(LocalSource.CONFIGURED, best.source());
        assertEquals(null, best.attrs().nextHop());
        output.changed(List.of(new OriginChange(configured.prefix(), Optional.of(configured), Optional.empty())));
        assertTrue(rib.snapshot().join().bestPaths(AddressFamily.IPV4_UNICAST).isEmpty());
    }
}
