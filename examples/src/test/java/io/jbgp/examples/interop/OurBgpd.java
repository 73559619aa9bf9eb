package io.jbgp.examples.interop;

import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.examples.bgpd.Bgpd;
import io.jbgp.examples.ctl.RibQuery;
import io.jbgp.examples.ctl.RibRowView;
import io.jbgp.netty.MessageStatistics;
import io.jbgp.rib.fib.InMemoryFibSink;
import java.net.Inet6Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Our bgpd (the examples daemon, in-process) for route-exchange tests against real daemons: one
 * neighbor, its bgpd.conf in a temporary file (so tests can edit it and {@code reload}), an
 * in-memory forwarding table, loopback treated as connected. Nothing reaches the host's kernel.
 */
final class OurBgpd implements AutoCloseable {
    final Path dir;
    final Path conf;
    final InMemoryFibSink fib = new InMemoryFibSink();
    final Bgpd bgpd;
    final String neighbor;

    /**
     * @param extra lines appended to the file (network statements, filter rules)
     */
    OurBgpd(long as, String address, int port, String neighbor, long neighborAs, int neighborPort, String extra,
            String localV6) throws Exception {
        this.neighbor = neighbor;
        dir = Files.createTempDirectory("jbgp-ours-");
        conf = dir.resolve("bgpd.conf");
        Files.writeString(conf, String.join("\n",
                "AS " + as,
                "router-id 10.1.0.1",
                "listen on " + address + " port " + port,
                "connect-retry 2",
                "fib-update yes",
                "neighbor " + neighbor + " {",
                "    remote-as " + neighborAs,
                "    descr \"peer\"",
                "    local-address " + address,
                "    port " + neighborPort,
                "    announce IPv4 unicast",
                "    announce IPv6 unicast",
                "}",
                extra, ""));
        bgpd = Bgpd.start(conf, Bgpd.Options.defaults().withFibSink(fib)
                .withLocalV6((Inet6Address) IpPrefix.parseAddress(localV6)).withIdleHold(Duration.ofSeconds(1)));
    }

    Optional<SessionState> state() {
        return bgpd.speaker().peerState(PeerKey.of(InteropSpeaker.address(neighbor)));
    }

    /** The speaker's message counters for the neighbor. */
    MessageStatistics statistics() {
        return bgpd.speaker().statistics(PeerKey.of(InteropSpeaker.address(neighbor))).orElseThrow();
    }

    boolean awaitEstablished(Duration timeout) {
        return Daemon.await(timeout, () -> state().equals(Optional.of(SessionState.ESTABLISHED)));
    }

    /** The prefixes in our forwarding table. */
    Set<IpPrefix> fibPrefixes() {
        return fib.snapshot().keySet();
    }

    /** Every path we hold for a prefix. */
    List<RibRowView> paths(String prefix) {
        IpPrefix p = IpPrefix.parse(prefix);
        return bgpd.rib(new RibQuery(Optional.of(p), Optional.empty(), Optional.empty(), false, false));
    }

    /** Best paths learned from the neighbor (not our own, not ineligible echoes). */
    boolean hasBestFromNeighbor(String prefix) {
        return paths(prefix).stream().anyMatch(r -> r.best() && r.from().isPresent());
    }

    /** Rewrites the file (replacing {@code from} by {@code to}) and reloads it. */
    String edit(String from, String to) throws Exception {
        String text = Files.readString(conf);
        if (!text.contains(from)) {
            throw new IllegalStateException("edit: \"" + from + "\" not in\n" + text);
        }
        Files.writeString(conf, text.replace(from, to));
        return bgpd.reload().message();
    }

    /** TCP connections in ESTABLISHED between two addresses (ss(8)). */
    static long tcpSessions(String a, String b) {
        return Daemon.run(List.of("ss", "-Htn", "state", "established")).lines()
                .filter(l -> l.contains(a + ":") && l.contains(b + ":")).count();
    }

    /**
     * Both sides connect actively: after collision resolution (RFC 4271 §6.8) one TCP session
     * remains, and over the next two seconds there is never a second one.
     */
    static void assertOneSession(String a, String b) {
        if (!Daemon.await(Duration.ofSeconds(10), () -> tcpSessions(a, b) == 1)) {
            throw new AssertionError("not exactly one session: " + Daemon.run(List.of("ss", "-tn")));
        }
        for (int i = 0; i < 10; i++) {
            long n = tcpSessions(a, b);
            if (n != 1) {
                throw new AssertionError(n + " sessions: " + Daemon.run(List.of("ss", "-tn")));
            }
            try {
                Thread.sleep(200); // sampling the kernel's socket table: nothing to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() throws Exception {
        bgpd.close();
        Files.deleteIfExists(conf);
        Files.deleteIfExists(dir);
    }
}
