package io.jbgp.examples.embed;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.netty.NettyBgpSpeaker;
import io.jbgp.netty.SpeakerEvent;
import io.jbgp.rib.RibPeerSettings;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.fib.FibSink;
import io.jbgp.rib.origin.InMemorySystemRouteSource;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.rib.policy.Policies;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The embedding example: a host program builds a speaker, plugs in its own {@link FibSink} and an
 * event listener, adds a neighbor and announces a prefix. It uses only the {@link NettyBgpSpeaker}
 * facade, the same calls README's embedding section shows (bgp-netty/EMBEDDING.md).
 */
public final class EmbeddedSpeaker implements AutoCloseable {
    private final NettyBgpSpeaker speaker;

    /**
     * Starts a speaker.
     *
     * @param localAs  our AS
     * @param routerId our BGP identifier
     * @param listen   where to accept sessions (a loopback address and an unprivileged port here)
     * @param fib      where our best routes go: the host's own data plane
     * @param events   told about every session state change and routing change
     */
    public EmbeddedSpeaker(Asn localAs, RouterId routerId, InetSocketAddress listen, FibSink fib,
                           Consumer<SpeakerEvent> events) {
        // next hops must resolve against the host's routes; this host reaches its neighbors on loopback
        InMemorySystemRouteSource hostRoutes = new InMemorySystemRouteSource();
        hostRoutes.add(SystemRoute.connected(IpPrefix.parse("127.0.0.0/8"), "lo"));
        speaker = NettyBgpSpeaker.builder()
                .localAs(localAs).routerId(routerId).listen(listen).threads(1)
                .fibSink(fib)                 // the forwarding table goes into our own sink
                .systemRoutes(hostRoutes)
                .build();                     // started: the RIB runs on its own thread
        speaker.events().subscribe(events);   // delivered on the RIB thread: do not block
    }

    /** Adds a neighbor; the session starts at once (and retries until it is up). */
    public void addNeighbor(InetAddress address, Asn remoteAs, int port, InetAddress localAddress) {
        speaker.addPeer(PeerConfig.builder(address, remoteAs).port(port).localAddress(localAddress).build(),
                // explicit policies: RFC 8212 lets an eBGP session exchange nothing without them
                RibPeerSettings.of(Policies.allowAll(), Policies.allowAll()));
    }

    /** Announces a prefix of our own to every neighbor (ORIGIN IGP, next hop self). */
    public void announce(IpPrefix prefix) {
        speaker.announce(prefix, AttributeSet.builder().build());
    }

    /** Stops announcing it. */
    public void withdraw(IpPrefix prefix) {
        speaker.withdraw(prefix);
    }

    /** The speaker (neighbor states, RIB snapshots, listen addresses). */
    public NettyBgpSpeaker speaker() {
        return speaker;
    }

    /** Ends every session with CEASE Administrative Shutdown and a shutdown communication. */
    @Override
    public void close() {
        speaker.close(Optional.of("host application stopping"));
    }
}
