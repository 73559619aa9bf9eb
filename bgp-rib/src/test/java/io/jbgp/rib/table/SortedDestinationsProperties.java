package io.jbgp.rib.table;

import static io.jbgp.rib.TestRoutes.LOCAL_AS;
import static io.jbgp.rib.TestRoutes.LOCAL_ID;
import static io.jbgp.rib.TestRoutes.attrs;
import static io.jbgp.rib.TestRoutes.peer;
import static io.jbgp.rib.TestRoutes.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.jbgp.core.message.Nlri;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import io.jbgp.core.types.Ipv6Prefix;
import io.jbgp.rib.decision.DecisionOptions;
import io.jbgp.rib.decision.DecisionProcess;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Loc-RIB's on-demand sorted index ({@link SortedDestinations} behind
 * {@link LocRib#destinations}) against a {@link TreeMap} model: after random sequences of
 * announcements and withdrawals (new prefixes, last paths going, prefixes coming back) interleaved
 * with walks and navigation (tail, head and sub maps as the table feeder resumes a walk,
 * ceiling/floor/higher/lower, first/last, get), the view shows exactly the model's prefixes in
 * the model's order, each mapped to the live destination.
 */
class SortedDestinationsProperties {

    private static final DecisionProcess DECISION = new DecisionProcess(DecisionOptions.DEFAULT, LOCAL_AS, LOCAL_ID);
    private static final List<PeerSource> PEERS = List.of(peer(2, 65002), peer(3, 65003), peer(4, 65004),
            peer(5, 65005));

    // 64 keys per family: same address with several lengths, addresses on both sides of the
    // unsigned sign bit (10/8 and 198.51.100/24), IPv6 in 2001:db8::/32
    private static IpPrefix prefix(int i, boolean v6) {
        if (v6) {
            return Ipv6Prefix.of(0x20010DB800000000L | (long) (i >>> 1) << 16, 0, 48 + (i & 1) * 16);
        }
        if (i < 32) {
            return Ipv4Prefix.of(0xC6336400 | (i >>> 2) << 5, 24 + (i & 3) * 2);
        }
        return Ipv4Prefix.of(0x0A000000 | (i & 31) << 16, 16 + (i & 1) * 8);
    }

    @Test
    void sortedWalkMatchesATreeMapModel() {
        qt().withFixedSeed(4271).withExamples(400).forAll(lists().of(integers().all()).ofSizeBetween(1, 400))
                .checkAssert(ops -> {
                    LocRib rib = new LocRib(DECISION);
                    Map<AddressFamily, TreeMap<IpPrefix, Set<Integer>>> model = Map.of(
                            AddressFamily.IPV4_UNICAST, new TreeMap<>(), AddressFamily.IPV6_UNICAST, new TreeMap<>());
                    for (int op : ops) {
                        boolean v6 = (op & 0x1000) != 0;
                        AddressFamily f = v6 ? AddressFamily.IPV6_UNICAST : AddressFamily.IPV4_UNICAST;
                        IpPrefix p = prefix((op >>> 4) & 63, v6);
                        int n = op & 3;
                        TreeMap<IpPrefix, Set<Integer>> m = model.get(f);
                        if ((op & 4) != 0) {
                            rib.withdraw(p, PEERS.get(n), Nlri.NO_PATH_ID);
                            Set<Integer> s = m.get(p);
                            if (s != null && s.remove(n) && s.isEmpty()) {
                                m.remove(p);
                            }
                        } else {
                            rib.update(p, route(PEERS.get(n), attrs(65002 + n).build()));
                            m.computeIfAbsent(p, x -> new HashSet<>()).add(n);
                        }
                        if ((op & 0x300) == 0) { // a walk now and then, between bursts of changes
                            check(rib, f, m, prefix((op >>> 16) & 63, v6), prefix((op >>> 22) & 63, v6));
                        }
                    }
                    for (AddressFamily f : model.keySet()) {
                        check(rib, f, model.get(f), prefix(ops.get(0) & 63, f == AddressFamily.IPV6_UNICAST),
                                prefix(ops.size() & 63, f == AddressFamily.IPV6_UNICAST));
                    }
                });
    }

    private static void check(LocRib rib, AddressFamily f, TreeMap<IpPrefix, Set<Integer>> model, IpPrefix a,
            IpPrefix b) {
        NavigableMap<IpPrefix, Destination> view = rib.destinations(f);
        assertEquals(model.size(), rib.size(f));
        assertEquals(model.size(), view.size());
        assertEquals(new ArrayList<>(model.keySet()), new ArrayList<>(view.keySet()));
        for (Map.Entry<IpPrefix, Destination> e : view.entrySet()) {
            assertSame(rib.get(e.getKey()), e.getValue());
            assertEquals(e.getKey(), e.getValue().prefix());
            assertEquals(model.get(e.getKey()).size(), e.getValue().size());
        }
        List<IpPrefix> visited = new ArrayList<>();
        view.forEach((p, d) -> visited.add(p));
        assertEquals(new ArrayList<>(model.keySet()), visited);
        // navigation, at a probe key that may or may not be present
        assertEquals(model.containsKey(a), view.containsKey(a));
        assertSame(rib.get(a), view.get(a));
        assertEquals(model.ceilingKey(a), view.ceilingKey(a));
        assertEquals(model.floorKey(a), view.floorKey(a));
        assertEquals(model.higherKey(a), view.higherKey(a));
        assertEquals(model.lowerKey(a), view.lowerKey(a));
        if (!model.isEmpty()) {
            assertEquals(model.firstKey(), view.firstKey());
            assertEquals(model.lastKey(), view.lastKey());
        } else {
            assertNull(view.firstEntry());
        }
        for (boolean inclusive : new boolean[] {false, true}) {
            assertEquals(keys(model.tailMap(a, inclusive)), keys(view.tailMap(a, inclusive)));
            assertEquals(keys(model.headMap(a, inclusive)), keys(view.headMap(a, inclusive)));
            assertEquals(model.tailMap(a, inclusive).size(), view.tailMap(a, inclusive).size());
        }
        IpPrefix lo = a.compareTo(b) <= 0 ? a : b;
        IpPrefix hi = a.compareTo(b) <= 0 ? b : a;
        NavigableMap<IpPrefix, Set<Integer>> ms = model.subMap(lo, true, hi, false);
        NavigableMap<IpPrefix, Destination> vs = view.subMap(lo, true, hi, false);
        assertEquals(keys(ms), keys(vs));
        assertEquals(ms.firstEntry() == null ? null : ms.firstKey(), vs.firstEntry() == null ? null : vs.firstKey());
        assertEquals(ms.lastEntry() == null ? null : ms.lastKey(), vs.lastEntry() == null ? null : vs.lastKey());
        assertEquals(ms.ceilingKey(a), vs.ceilingKey(a));
        assertEquals(ms.floorKey(b), vs.floorKey(b));
        assertEquals(ms.higherKey(lo), vs.higherKey(lo));
        assertEquals(ms.lowerKey(hi), vs.lowerKey(hi));
        if (lo.compareTo(hi) < 0) {
            assertEquals(keys(model.tailMap(lo, false).headMap(hi, true)),
                    keys(view.tailMap(lo, false).headMap(hi, true)));
        } else { // a bound outside a sub-map's range is refused, as TreeMap does
            assertThrows(IllegalArgumentException.class, () -> model.tailMap(lo, false).headMap(hi, true));
            assertThrows(IllegalArgumentException.class, () -> view.tailMap(lo, false).headMap(hi, true));
        }
        assertEquals(new ArrayList<>(model.descendingKeySet()), new ArrayList<>(view.descendingKeySet()));
        // the table feeder's walk: chunks of 3, each resumed after the last key it saw
        List<IpPrefix> fed = new ArrayList<>();
        IpPrefix last = null;
        while (true) {
            NavigableMap<IpPrefix, Destination> rest = last == null ? view : view.tailMap(last, false);
            Iterator<IpPrefix> it = rest.keySet().iterator();
            int n = 0;
            while (it.hasNext() && n < 3) {
                last = it.next();
                fed.add(last);
                n++;
            }
            if (n < 3) {
                break;
            }
        }
        assertEquals(new ArrayList<>(model.keySet()), fed);
    }

    private static List<IpPrefix> keys(NavigableMap<IpPrefix, ?> m) {
        return new ArrayList<>(m.keySet());
    }

    /**
     * Flapping prefixes with no walk for a long time: the index compacts itself (its garbage is
     * bounded) and still walks in order afterwards, with one removal-triggered merge or more.
     */
    @Test
    void longFlappingWithoutWalksStaysExact() {
        LocRib rib = new LocRib(DECISION);
        TreeMap<IpPrefix, Integer> model = new TreeMap<>();
        Random random = new Random(7606);
        for (int i = 0; i < 3000; i++) {
            IpPrefix p = Ipv4Prefix.of(0x0A000000 | random.nextInt(1 << 20) << 4, 28);
            rib.update(p, route(PEERS.get(0), attrs(65002).build()));
            model.put(p, 0);
        }
        assertEquals(new ArrayList<>(model.keySet()), new ArrayList<>(rib.destinations(AddressFamily.IPV4_UNICAST)
                .keySet()));
        List<IpPrefix> known = new ArrayList<>(model.keySet());
        for (int i = 0; i < 20_000; i++) {
            IpPrefix p = random.nextInt(4) == 0 ? Ipv4Prefix.of(0x0A000000 | random.nextInt(1 << 20) << 4, 28)
                    : known.get(random.nextInt(known.size()));
            if (model.containsKey(p)) {
                rib.withdraw(p, PEERS.get(0), Nlri.NO_PATH_ID);
                model.remove(p);
            } else {
                rib.update(p, route(PEERS.get(0), attrs(65002).build()));
                model.put(p, 0);
                known.add(p);
            }
        }
        NavigableMap<IpPrefix, Destination> view = rib.destinations(AddressFamily.IPV4_UNICAST);
        assertEquals(new ArrayList<>(model.keySet()), new ArrayList<>(view.keySet()));
        for (Destination d : view.values()) {
            assertSame(rib.get(d.prefix()), d);
        }
        assertEquals(model.size(), rib.size(AddressFamily.IPV4_UNICAST));
    }

    @Test
    void iteratingWhileAPrefixAppearsFailsFast() {
        LocRib rib = new LocRib(DECISION);
        for (int i = 0; i < 4; i++) {
            rib.update(prefix(i, false), route(PEERS.get(0), attrs(65002).build()));
        }
        Iterator<Destination> it = rib.destinations(AddressFamily.IPV4_UNICAST).values().iterator();
        it.next();
        rib.update(prefix(40, false), route(PEERS.get(0), attrs(65002).build()));
        assertThrows(ConcurrentModificationException.class, it::next);
        // a new path for an existing prefix is not a structural change
        Iterator<Destination> again = rib.destinations(AddressFamily.IPV4_UNICAST).values().iterator();
        again.next();
        rib.update(prefix(0, false), route(PEERS.get(1), attrs(65003).build()));
        again.next();
        assertThrows(UnsupportedOperationException.class,
                () -> rib.destinations(AddressFamily.IPV4_UNICAST).pollFirstEntry());
    }
}
