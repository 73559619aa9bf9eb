package io.jbgp.examples.embed;

import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.netty.SpeakerEvent;
import io.jbgp.rib.fib.FibRoute;
import io.jbgp.rib.fib.FibSink;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collection;

/**
 * A host program that embeds jbgp: its own {@link FibSink} (here it prints what it would program
 * into a data plane), an event listener, one neighbor, one announced prefix. Run two of them
 * against each other (the test does) and each prints the other's prefix.
 */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    /** A forwarding table sink that prints; a real host would program its data plane here. */
    public static final class PrintingFibSink implements FibSink {
        private final PrintStream out;

        public PrintingFibSink(PrintStream out) {
            this.out = out;
        }

        @Override
        public void install(FibRoute route) {
            out.println("fib: install " + route.prefix() + " via " + route.nextHops());
        }

        @Override
        public void withdraw(IpPrefix prefix) {
            out.println("fib: withdraw " + prefix);
        }

        @Override
        public void resync(Collection<FibRoute> routes) {
            routes.forEach(this::install);
        }
    }

    /**
     * Starts one speaker: AS {@code localAs} on {@code self:port}, one neighbor at
     * {@code peer:port} in AS {@code peerAs}, announcing {@code prefix}.
     */
    public static EmbeddedSpeaker start(long localAs, InetAddress self, long peerAs, InetAddress peer, int port,
                                        IpPrefix prefix, FibSink fib, PrintStream log) {
        EmbeddedSpeaker s = new EmbeddedSpeaker(Asn.of(localAs), RouterId.of((java.net.Inet4Address) self),
                new InetSocketAddress(self, port), fib, e -> {
                    if (e instanceof SpeakerEvent.PeerStateChanged c) {
                        log.println("peer " + c.peer() + ": " + c.previous() + " -> " + c.current());
                    }
                });
        s.addNeighbor(peer, Asn.of(peerAs), port, self);
        s.announce(prefix);
        return s;
    }
}
