package io.jbgp.examples.embed;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.netty.NettyBgpSpeaker;
import io.jbgp.netty.SpeakerEvent;
import io.jbgp.rib.Rib;
import io.jbgp.rib.RibConfig;
import io.jbgp.rib.RibExecutor;
import io.jbgp.rib.RibPeerEventHandler;
import io.jbgp.rib.RibPeerSettings;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.fib.FibSink;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.rib.policy.Policies;
import io.jbgp.rib.table.LocalSource;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The embedding example (EMBEDDING.md holds the same code): a host program builds a speaker,
 * plugs in its own {@link FibSink} and an event listener, adds a neighbor and announces a prefix.
 * Four library objects do the work: a {@link RibExecutor} (the one thread that owns routing
 * state), a {@link Rib}, a {@link NettyBgpSpeaker} whose callbacks run on that executor, and the
 * {@link RibPeerEventHandler} that connects the two.
 */
public final class EmbeddedSpeaker implements AutoCloseable {
    private final Rib rib;
    private final NettyBgpSpeaker speaker;

    /**
     * Starts a speaker.
     *
     * @param localAs  our AS
     * @param routerId our BGP identifier
     * @param listen   where to accept sessions (a loopback address and an unprivileged port here)
     * @param fib      where our best routes go: the host's own data plane
     * @param events   told about every session state change
     */
    public EmbeddedSpeaker(Asn localAs, RouterId routerId, InetSocketAddress listen, FibSink fib,
                           Consumer<SpeakerEvent> events) {
        // the RIB: decisions on one thread; the forwarding table goes into our own sink
        RibExecutor ribThread = RibExecutor.singleThread("rib-" + localAs);
        rib = new Rib(RibConfig.of(localAs, routerId).withFibSink(fib), ribThread);
        // next hops resolve against the host's routes; this host reaches its neighbors on loopback
        rib.systemRouteListener().added(SystemRoute.connected(IpPrefix.parse("127.0.0.0/8"), "lo"));
        // the speaker: sessions on Netty, their events delivered on the RIB thread
        speaker = NettyBgpSpeaker.builder()
                .localAs(localAs).routerId(routerId).listen(listen).threads(1)
                .callbackExecutor(ribThread)
                .peerEventHandler(new RibPeerEventHandler(rib,
                        // explicit policies: RFC 8212 lets an eBGP session exchange nothing without them
                        peer -> RibPeerSettings.of(Policies.allowAll(), Policies.allowAll())))
                .build();
        speaker.events().subscribe(events);
        speaker.start();
    }

    /** Adds a neighbor; the session starts at once (and retries until it is up). */
    public void addNeighbor(InetAddress address, Asn remoteAs, int port, InetAddress localAddress) {
        speaker.addPeer(PeerConfig.builder(address, remoteAs).port(port).localAddress(localAddress).build());
    }

    /** Announces a prefix of our own to every neighbor (ORIGIN IGP, next hop self). */
    public void announce(IpPrefix prefix) {
        rib.originate(prefix, AttributeSet.builder().build(), LocalSource.CONFIGURED);
    }

    /** Stops announcing it. */
    public void withdraw(IpPrefix prefix) {
        rib.withdrawLocal(prefix, LocalSource.CONFIGURED);
    }

    /** The speaker (neighbor states, listen addresses). */
    public NettyBgpSpeaker speaker() {
        return speaker;
    }

    /** The RIB (snapshots of the routing and forwarding tables). */
    public Rib rib() {
        return rib;
    }

    /** Ends every session with CEASE Administrative Shutdown and a shutdown communication. */
    @Override
    public void close() {
        speaker.close(Optional.of("host application stopping"));
        rib.close();
    }
}
