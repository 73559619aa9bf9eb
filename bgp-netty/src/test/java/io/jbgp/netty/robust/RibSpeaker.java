package io.jbgp.netty.robust;

import io.jbgp.core.config.PeerConfig;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.fsm.SessionState;
import io.jbgp.core.peer.PeerKey;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import io.jbgp.netty.NettyBgpSpeaker;
import io.jbgp.netty.SpeakerEvent;
import io.jbgp.rib.Rib;
import io.jbgp.rib.RibConfig;
import io.jbgp.rib.RibExecutor;
import io.jbgp.rib.RibListener;
import io.jbgp.rib.RibPeerEventHandler;
import io.jbgp.rib.RibPeerSettings;
import io.jbgp.rib.RibSnapshot;
import io.jbgp.rib.fib.FibSink;
import io.jbgp.rib.fib.ForwardingTable;
import io.jbgp.rib.origin.SystemRoute;
import io.jbgp.rib.policy.Policies;
import io.jbgp.rib.table.BestPathChange;
import io.jbgp.rib.table.PeerSource;
import io.jbgp.rib.table.Route;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A speaker as an embedder builds it (the composition on main: {@link Rib} on a
 * {@link RibExecutor}, {@link NettyBgpSpeaker} with {@link RibPeerEventHandler} as its inbound
 * port and the RIB thread as its callback executor), listening on an ephemeral loopback port,
 * with allow-all policies and 127.0.0.0/8 as a connected route so loopback next hops resolve.
 * Records every {@link SpeakerEvent}; waits are bounded and woken by RIB and session changes.
 */
final class RibSpeaker implements AutoCloseable {
    static final Asn LOCAL_AS = Asn.of(65001);
    static final RouterId ROUTER_ID = RouterId.parse("10.0.0.1");
    static final String V6_NEXT_HOP_NET = "2001:db8:ffff::/48";

    final RibExecutor ribThread;
    final Rib rib;
    final NettyBgpSpeaker speaker;
    final List<SpeakerEvent> events = new CopyOnWriteArrayList<>();
    /** Per-neighbor RIB prefix limits (RibPeerSettings.maxPrefixes), read when a session comes up. */
    final java.util.Map<InetAddress, Long> maxPrefixes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Object changes = new Object();
    private long version;

    RibSpeaker(InetAddress listen, FibSink fib, TimerConfig timers) {
        this(listen, fib, timers, 1);
    }

    RibSpeaker(InetAddress listen, FibSink fib, TimerConfig timers, int threads) {
        this(listen, fib, timers, threads, h -> h);
    }

    /** With {@code wrap} around the RIB's inbound port (tests that watch or count what reaches the RIB). */
    RibSpeaker(InetAddress listen, FibSink fib, TimerConfig timers, int threads,
               java.util.function.UnaryOperator<io.jbgp.core.peer.PeerEventHandler> wrap) {
        ribThread = RibExecutor.singleThread("rib-robust");
        rib = new Rib(RibConfig.of(LOCAL_AS, ROUTER_ID).withFibSink(fib), ribThread);
        rib.systemRouteListener().added(SystemRoute.connected(IpPrefix.parse("127.0.0.0/8"), "lo"));
        // IPv6 next hops of the raw peers (RIB memory only, never a kernel route)
        rib.systemRouteListener().added(SystemRoute.connected(IpPrefix.parse(V6_NEXT_HOP_NET), "lo"));
        rib.addListener(new RibListener() {
            @Override
            public void bestPathChanged(BestPathChange change) {
                bump();
            }

            @Override
            public void fibChanged(ForwardingTable.FibChange change) {
                bump();
            }
        });
        speaker = NettyBgpSpeaker.builder().localAs(LOCAL_AS).routerId(ROUTER_ID)
                .listen(new InetSocketAddress(listen, 0)).threads(threads).timers(timers)
                .callbackExecutor(ribThread)
                .peerEventHandler(wrap.apply(new RibPeerEventHandler(rib,
                        // IPv6 over the IPv4 sessions: next hop self from the raw peers' next-hop net
                        peer -> {
                            RibPeerSettings s = new RibPeerSettings(Optional.of(Policies.allowAll()),
                                    Optional.of(Policies.allowAll()), Optional.empty(),
                                    Optional.of((java.net.Inet6Address) Tables.V6_NEXT_HOP));
                            Long limit = maxPrefixes.get(peer.address());
                            return limit == null ? s : s.withMaxPrefixes(limit);
                        })))
                .build();
        speaker.events().subscribe(e -> {
            events.add(e);
            bump();
        });
        speaker.start();
    }

    private void bump() {
        synchronized (changes) {
            version++;
            changes.notifyAll();
        }
    }

    InetSocketAddress address() {
        return speaker.listenAddresses().get(0);
    }

    /** A neighbor that only accepts (the raw peers connect to us). */
    void addPassivePeer(InetAddress address, Asn as, Consumer<PeerConfig.Builder> tweak) {
        PeerConfig.Builder b = PeerConfig.builder(address, as).passive(true);
        tweak.accept(b);
        speaker.addPeer(b.build());
    }

    /** A passive neighbor carrying IPv4 and IPv6 unicast. */
    void addDualStackPeer(InetAddress address, Asn as, Consumer<PeerConfig.Builder> tweak) {
        addPassivePeer(address, as, b -> {
            b.family(AddressFamily.IPV4_UNICAST).family(AddressFamily.IPV6_UNICAST);
            tweak.accept(b);
        });
    }

    void addPassivePeer(InetAddress address, Asn as) {
        addPassivePeer(address, as, b -> { });
    }

    SessionState state(InetAddress peer) {
        return speaker.peerState(new PeerKey(peer, Optional.empty())).orElse(SessionState.IDLE);
    }

    RibSnapshot snapshot() {
        try {
            return rib.snapshot().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("RibSpeaker.snapshot: the RIB did not answer", e);
        }
    }

    /**
     * Waits until the condition holds on a fresh snapshot, re-checking after every RIB or session
     * change (and at least every 100 ms, since some changes, e.g. Adj-RIB-Out, raise no event).
     */
    RibSnapshot awaitRib(String what, Predicate<RibSnapshot> condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen;
            synchronized (changes) {
                seen = version;
            }
            RibSnapshot s = snapshot();
            if (condition.test(s)) {
                return s;
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what + "\nRIB: "
                        + describe(s));
            }
            waitForChange(seen, Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 100));
        }
    }

    /** Waits until {@code condition} holds, woken like {@link #awaitRib}. */
    void await(String what, java.util.function.BooleanSupplier condition, Duration timeout) {
        await(() -> what, condition, timeout);
    }

    /** Like {@link #await(String, java.util.function.BooleanSupplier, Duration)}, the text computed on failure. */
    void await(java.util.function.Supplier<String> what, java.util.function.BooleanSupplier condition,
               Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen;
            synchronized (changes) {
                seen = version;
            }
            if (condition.getAsBoolean()) {
                return;
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what.get());
            }
            waitForChange(seen, Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 100));
        }
    }

    void awaitState(InetAddress peer, SessionState state, Duration timeout) {
        await(peer.getHostAddress() + " in " + state, () -> state(peer) == state, timeout);
    }

    private void waitForChange(long seen, long millis) {
        synchronized (changes) {
            if (version == seen) {
                try {
                    changes.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    /** The best path of a prefix, if any. */
    static Optional<Route> best(RibSnapshot s, IpPrefix prefix) {
        return Optional.ofNullable(s.bestPaths(prefix.family()).get(prefix));
    }

    /** True if the prefix's best path was learned from {@code peer}. */
    static boolean bestFrom(RibSnapshot s, IpPrefix prefix, InetAddress peer) {
        return best(s, prefix).filter(r -> r.source() instanceof PeerSource p && p.address().equals(peer)).isPresent();
    }

    /** True if {@code prefix} appears nowhere: no candidate, no forwarding entry, no Adj-RIB-Out. */
    static boolean absentEverywhere(RibSnapshot s, IpPrefix prefix) {
        boolean candidate = s.routes(prefix.family()).stream().anyMatch(d -> d.prefix().equals(prefix));
        boolean forwarding = s.forwarding().containsKey(prefix);
        boolean out = s.peers().values().stream().anyMatch(p -> p.adjRibOut().containsKey(prefix));
        return !candidate && !forwarding && !out;
    }

    /** How many established sessions of {@code peer} went down so far. */
    long sessionsLost(InetAddress peer) {
        return events.stream().filter(e -> e instanceof SpeakerEvent.SessionClosed c && c.wasEstablished()
                && c.peer().address().equals(peer)).count();
    }

    static String describe(RibSnapshot s) {
        StringBuilder b = new StringBuilder();
        for (AddressFamily f : List.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST)) {
            int n = s.routes(f).size();
            b.append(f).append(": ").append(n).append(" prefixes");
            if (n <= 20) {
                s.routes(f).forEach(d -> b.append("\n  ").append(d.prefix()).append(' ')
                        .append(d.best().map(r -> r.source().toString()).orElse("(no best)")));
            }
            b.append('\n');
        }
        b.append("forwarding: ").append(s.forwarding().size()).append(", peers: ").append(s.peers().keySet());
        return b.toString();
    }

    @Override
    public void close() {
        try {
            speaker.close(Optional.empty());
        } finally {
            rib.close();
        }
    }
}
