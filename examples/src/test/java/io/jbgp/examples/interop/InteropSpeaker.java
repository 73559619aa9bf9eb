package io.jbgp.examples.interop;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.fsm.SessionState;
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

    /** Ports are picked per test ({@link FreePort}): other checkouts may run these tests too. */
    InteropSpeaker(int port) {
        speaker = NettyBgpSpeaker.builder().localAs(Asn.of(OUR_AS)).routerId(RouterId.parse("10.60.0.1"))
                .listen(new InetSocketAddress(address(OURS), port)).threads(1).build();
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
