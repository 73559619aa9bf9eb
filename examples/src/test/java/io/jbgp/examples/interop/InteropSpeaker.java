package io.jbgp.examples.interop;

import io.jbgp.core.testing.FreePort;
import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.fsm.DownReason;
import io.jbgp.core.fsm.NegotiatedSession;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.message.RouteRefreshMessage;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.peer.PeerEventHandler;
import io.jbgp.core.peer.PeerOutbound;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.RouterId;
import io.jbgp.netty.NettyBgpSpeaker;
import io.jbgp.netty.SpeakerEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Our side of an interop test: a {@link NettyBgpSpeaker} on its own loopback address with a
 * 4-octet AS, plus the events it reported. Addresses 127.0.60.x are reserved for these tests.
 */
final class InteropSpeaker implements AutoCloseable {
    static final String OURS = "127.0.60.1";
    static final String FRR = "127.0.60.2";
    static final String OPENBGPD = "127.0.60.3";
    /** A 4-octet AS (RFC 6793): the session only comes up if both sides handle it. */
    static final long OUR_AS = 4200000001L;
    static final Duration ESTABLISH_WAIT = Duration.ofSeconds(30);

    final NettyBgpSpeaker speaker;
    final ConcurrentLinkedQueue<SpeakerEvent> events = new ConcurrentLinkedQueue<>();
    /** Prefixes currently announced to us ("198.51.100.0/24"), from the UPDATEs we decoded. */
    final Set<String> routes = ConcurrentHashMap.newKeySet();
    /** Families whose End-of-RIB marker (RFC 4724 §2) we received. */
    final Set<AddressFamily> endOfRib = ConcurrentHashMap.newKeySet();

    /** Stands in for the RIB: records what the neighbor announced and withdrew. */
    private final PeerEventHandler recorder = new PeerEventHandler() {
        @Override
        public void established(PeerKey peer, NegotiatedSession session, PeerOutbound outbound) {
        }

        @Override
        public void update(PeerKey peer, UpdateMessage update) {
            update.endOfRibFamily().ifPresent(endOfRib::add);
            for (AddressFamily f : List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST)) {
                update.withdrawn(f).forEach(n -> routes.remove(n.prefix().toString()));
                update.announced(f).forEach(n -> routes.add(n.prefix().toString()));
            }
        }

        @Override
        public void routeRefresh(PeerKey peer, RouteRefreshMessage refresh) {
        }

        @Override
        public void down(PeerKey peer, DownReason reason) {
        }
    };

    /** Ports are picked per test ({@link FreePort}): other checkouts may run these tests too. */
    InteropSpeaker(int port) {
        speaker = NettyBgpSpeaker.builder().localAs(Asn.of(OUR_AS)).routerId(RouterId.parse("10.60.0.1"))
                .listen(new InetSocketAddress(address(OURS), port)).threads(1).peerEventHandler(recorder).build();
        speaker.events().subscribe(events::add);
        speaker.start();
    }

    static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A neighbor with IPv4 and IPv6 unicast, route refresh, short connect retry. */
    static PeerConfig.Builder neighbor(String address, long as, int port) {
        return PeerConfig.builder(address(address), Asn.of(as)).localAddress(address(OURS)).port(port)
                .family(AddressFamily.IPV4_UNICAST).family(AddressFamily.IPV6_UNICAST).routeRefresh(true)
                .timers(TimerConfig.builder().connectRetry(Duration.ofSeconds(2)).build());
    }

    Optional<SessionState> state(String neighbor) {
        return speaker.peerState(PeerKey.of(address(neighbor)));
    }

    boolean awaitEstablished(String neighbor, Duration timeout) {
        return Daemon.await(timeout, () -> state(neighbor).equals(Optional.of(SessionState.ESTABLISHED)));
    }

    List<SpeakerEvent> events() {
        return List.copyOf(events);
    }

    void close(String communication) {
        speaker.close(Optional.of(communication));
    }

    @Override
    public void close() {
        speaker.close();
    }
}
