package io.jbgp.netty.robust;

import static io.jbgp.netty.robust.MalformedUpdateTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.core.attr.AsPath;
import io.jbgp.core.attr.MultiExitDisc;
import io.jbgp.core.attr.Origin;
import io.jbgp.core.attr.PathAttributes;
import io.jbgp.core.config.TimerConfig;
import io.jbgp.core.message.MpReach;
import io.jbgp.core.message.MpUnreach;
import io.jbgp.core.message.Nlri;
import io.jbgp.core.message.UpdateMessage;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv6Prefix;
import io.jbgp.rib.RibSnapshot;
import io.jbgp.rib.fib.InMemoryFibSink;
import io.netty.util.ResourceLeakDetector;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The soak harness (not part of {@code mvn verify}: the class name matches no surefire pattern;
 * {@code scripts/soak.sh} runs it). A speaker with the RIB and 50 neighbors on 127.0.0.150-199,
 * each owning 200 IPv6 prefixes and all of them sharing 100 more (so best paths compete), churns
 * for {@code -Djbgp.soak.minutes} (default 5): announcements with changing MEDs and withdrawals,
 * at about {@code -Djbgp.soak.rate} UPDATEs per second. Then it restores the initial state and
 * checks: no session dropped, the Loc-RIB and forwarding table exactly as the neighbors
 * announced, a listening neighbor's wire view equal to the Loc-RIB's best paths, and the heap
 * after GC at the end close to the heap after GC at the start.
 */
class SoakRun {
    private static final int NEIGHBORS = 50;
    private static final int OWN = 200;
    private static final int SHARED = 100;

    @Test
    void soak() throws Exception {
        int minutes = Integer.getInteger("jbgp.soak.minutes", 5);
        int rate = Integer.getInteger("jbgp.soak.rate", 200);
        // paranoid leak tracking costs a stack trace per buffer access: sample instead
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
        SplittableRandom random = new SplittableRandom(42);
        TimerConfig timers = TimerConfig.builder().holdTime(Duration.ofSeconds(9)).build();
        InetAddress listener = ip("127.0.0.149");
        try (RibSpeaker speaker = new RibSpeaker(ip("127.0.0.1"), new InMemoryFibSink(), timers, 2)) {
            List<InetAddress> addrs = new ArrayList<>();
            for (int i = 0; i < NEIGHBORS; i++) {
                addrs.add(ip("127.0.0." + (150 + i)));
                speaker.addDualStackPeer(addrs.get(i), Asn.of(65150 + i), b -> { });
            }
            speaker.addDualStackPeer(listener, Asn.of(65149), b -> { });
            List<RawPeer> peers = new ArrayList<>();
            try {
                RawPeer watch = RawPeer.establishDualStack(listener, speaker.address(), Asn.of(65149), 9);
                peers.add(watch);
                watch.discardUpdates();
                watch.keepAlive(Duration.ofSeconds(3));
                for (int i = 0; i < NEIGHBORS; i++) {
                    RawPeer p = RawPeer.establishDualStack(addrs.get(i), speaker.address(), Asn.of(65150 + i), 9);
                    p.discardUpdates();
                    p.keepAlive(Duration.ofSeconds(3));
                    peers.add(p);
                }
                // expected state: prefix -> neighbors announcing it
                Map<IpPrefix, Set<Integer>> expected = new HashMap<>();
                for (int i = 0; i < NEIGHBORS; i++) {
                    for (int k = 0; k < OWN; k++) {
                        send(peers.get(i + 1), i, own(i, k), true, 0);
                        expected.computeIfAbsent(own(i, k), x -> new HashSet<>()).add(i);
                    }
                    for (int k = 0; k < SHARED; k++) {
                        send(peers.get(i + 1), i, shared(k), true, i);
                        expected.computeIfAbsent(shared(k), x -> new HashSet<>()).add(i);
                    }
                }
                Map<IpPrefix, Set<Integer>> initial = deepCopy(expected);
                awaitConsistent(speaker, expected, watch);
                long heapStart = heapAfterGc();
                System.out.printf("soak: %d neighbors, %d prefixes loaded; heap after GC %d KiB; churning %d min at ~%d UPDATE/s%n",
                        NEIGHBORS, expected.size(), heapStart / 1024, minutes, rate);

                long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
                long sent = 0;
                long started = System.nanoTime();
                while (System.nanoTime() < end) {
                    int i = random.nextInt(NEIGHBORS);
                    IpPrefix p = random.nextBoolean() ? own(i, random.nextInt(OWN)) : shared(random.nextInt(SHARED));
                    boolean announce = random.nextInt(3) != 0;
                    send(peers.get(i + 1), i, p, announce, random.nextInt(1000));
                    Set<Integer> who = expected.computeIfAbsent(p, x -> new HashSet<>());
                    if (announce) {
                        who.add(i);
                    } else {
                        who.remove(i);
                    }
                    sent++;
                    // pace: the harness, not the speaker, sets the rate
                    long due = started + sent * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    if (sent % (rate * 60L) == 0) {
                        System.out.printf("soak: %d UPDATEs sent, %d sessions lost so far%n", sent,
                                addrs.stream().mapToLong(speaker::sessionsLost).sum());
                    }
                }
                expected.values().removeIf(Set::isEmpty);
                awaitConsistent(speaker, expected, watch);
                // back to the initial announcements, so the heap compares like for like
                for (int i = 0; i < NEIGHBORS; i++) {
                    for (Map.Entry<IpPrefix, Set<Integer>> e : initial.entrySet()) {
                        if (e.getValue().contains(i)) {
                            send(peers.get(i + 1), i, e.getKey(), true, isShared(e.getKey()) ? i : 0);
                        }
                    }
                    for (Map.Entry<IpPrefix, Set<Integer>> e : expected.entrySet()) {
                        if (e.getValue().contains(i) && !initial.getOrDefault(e.getKey(), Set.of()).contains(i)) {
                            send(peers.get(i + 1), i, e.getKey(), false, 0);
                        }
                    }
                }
                awaitConsistent(speaker, initial, watch);
                long heapEnd = heapAfterGc();
                long lost = addrs.stream().mapToLong(speaker::sessionsLost).sum() + speaker.sessionsLost(listener);
                System.out.printf("soak: %d UPDATEs in %d s; sessions lost %d; heap after GC start %d KiB, end %d KiB (%+.1f%%)%n",
                        sent, (System.nanoTime() - started) / 1_000_000_000L, lost, heapStart / 1024, heapEnd / 1024,
                        100.0 * (heapEnd - heapStart) / heapStart);
                assertEquals(0, lost, "sessions dropped during the soak");
                assertTrue(heapEnd < heapStart * 1.25 + 8 * 1024 * 1024, "heap grew: " + heapStart + " -> " + heapEnd);
            } finally {
                peers.forEach(RawPeer::close);
            }
        }
    }

    private static IpPrefix own(int neighbor, int k) {
        return Ipv6Prefix.of(0x2001_0db8_0000_0000L | ((long) (0x100 + neighbor) << 16) | k, 0, 64);
    }

    private static IpPrefix shared(int k) {
        return Ipv6Prefix.of(0x2001_0db8_0000_0000L | (0xFFEEL << 16) | k, 0, 64);
    }

    private static boolean isShared(IpPrefix p) {
        return ((((Ipv6Prefix) p).hi() >>> 16) & 0xFFFF) == 0xFFEE;
    }

    private static void send(RawPeer peer, int neighbor, IpPrefix p, boolean announce, long med) {
        UpdateMessage u = announce
                ? new UpdateMessage(List.of(), PathAttributes.of(Origin.IGP, AsPath.sequence(65150 + neighbor),
                        MultiExitDisc.of(med)), Optional.of(new MpReach(AddressFamily.IPV6_UNICAST, Tables.V6_NEXT_HOP,
                        List.of(Nlri.of(p)))), Optional.empty(), List.of())
                : new UpdateMessage(List.of(), PathAttributes.EMPTY, Optional.empty(),
                        Optional.of(new MpUnreach(AddressFamily.IPV6_UNICAST, List.of(Nlri.of(p)))), List.of());
        peer.send(u);
    }

    /** Loc-RIB candidates, forwarding table and the listener's wire view all match {@code expected}. */
    private static void awaitConsistent(RibSpeaker speaker, Map<IpPrefix, Set<Integer>> expected, RawPeer watch) {
        Set<IpPrefix> want = new HashSet<>(expected.keySet());
        speaker.await(() -> "the listener's view (" + watch.routes().size() + " of " + want.size() + ")",
                () -> watch.routes().equals(want), Duration.ofMinutes(2));
        RibSnapshot s = speaker.snapshot();
        Map<IpPrefix, Integer> candidates = new HashMap<>();
        s.routes(AddressFamily.IPV6_UNICAST).forEach(d -> candidates.put(d.prefix(), d.candidates().size()));
        Map<IpPrefix, Integer> wantCandidates = new HashMap<>();
        expected.forEach((p, who) -> wantCandidates.put(p, who.size()));
        assertEquals(wantCandidates, candidates, "Loc-RIB candidates differ from what the neighbors announced");
        assertEquals(want, s.forwarding().keySet().stream().filter(p -> p.family().equals(AddressFamily.IPV6_UNICAST))
                .collect(java.util.stream.Collectors.toSet()), "forwarding table differs");
    }

    private static Map<IpPrefix, Set<Integer>> deepCopy(Map<IpPrefix, Set<Integer>> m) {
        Map<IpPrefix, Set<Integer>> c = new HashMap<>();
        m.forEach((k, v) -> c.put(k, new HashSet<>(v)));
        return c;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
