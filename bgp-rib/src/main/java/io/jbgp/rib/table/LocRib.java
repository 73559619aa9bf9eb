package io.jbgp.rib.table;

import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.Ipv4Prefix;
import io.jbgp.rib.decision.DecisionProcess;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The routing table: for each address family, every prefix with all its candidate paths and
 * the best (RFC 4271 §3.2 Loc-RIB, extended to hold the losers as OpenBGPD and BIRD do, so
 * "show rib" can explain the choice). Sorted by prefix so the table feeder can resume a walk
 * from a saved key. Owned by the RIB executor; not thread-safe.
 *
 * <p>Each family is held twice: a hash map for the lookup every UPDATE does, and a sorted map
 * for walks that changes only when a prefix appears or disappears. Churn mostly replaces paths
 * of existing prefixes, and a 577k-prefix red-black tree costs ~20 dependent cache misses per
 * lookup (half the churn time before this split; see benchmarks/README.md).
 */
public final class LocRib {

    private final DecisionProcess decision;
    private final Map<AddressFamily, Table> tables = new HashMap<>();
    private Table ipv4; // IPV4_UNICAST without the map lookup (an AddressFamily hash per UPDATE)

    /**
     * An empty Loc-RIB.
     *
     * @param decision the decision process for every destination
     */
    public LocRib(DecisionProcess decision) {
        this.decision = decision;
    }

    /** {@return the decision process that ranks each destination's candidates} */
    public DecisionProcess decision() {
        return decision;
    }

    /**
     * Adds or replaces a path.
     *
     * @param prefix the destination
     * @param route the new or changed path
     * @return the change of best path or ECMP set, if any
     */
    public Optional<BestPathChange> update(IpPrefix prefix, Route route) {
        // the route's decision inputs first: its attribute set and the destination are two
        // independent chains of cache misses, and this order lets the CPU follow both at once
        long primaryKey = decision.keys().primaryKey(route);
        long groupKey = decision.keys().groupKey(route);
        Table t = table(prefix);
        Destination d = t.get(prefix);
        if (d == null) {
            d = new Destination(prefix, decision);
            t.add(prefix, d);
        }
        return d.update(route, primaryKey, groupKey);
    }

    /**
     * Removes a path; drops the destination when it was the last.
     *
     * @param prefix the destination
     * @param source the route's origin
     * @param pathId the ADD-PATH path ID, or {@link io.jbgp.core.message.Nlri#NO_PATH_ID}
     * @return the change of best path or ECMP set, if any
     */
    public Optional<BestPathChange> withdraw(IpPrefix prefix, RouteSource source, long pathId) {
        Table t = table(prefix);
        Destination d = t.get(prefix);
        if (d == null) {
            return Optional.empty();
        }
        Optional<BestPathChange> change = d.withdraw(source, pathId);
        if (d.isEmpty()) {
            t.remove(prefix);
        }
        return change;
    }

    /**
     * The destination for a prefix, or {@code null}.
     *
     * @param prefix the destination
     * @return the destination, or {@code null} when there is no path
     */
    public Destination get(IpPrefix prefix) {
        Table t = prefix instanceof Ipv4Prefix ? ipv4 : tables.get(prefix.family());
        return t == null ? null : t.get(prefix);
    }

    /**
     * The best path for a prefix, or {@code null}.
     *
     * @param prefix the destination
     * @return the best path, or {@code null} when there is none or none is eligible
     */
    public Route best(IpPrefix prefix) {
        Destination d = get(prefix);
        return d == null ? null : d.best();
    }

    /**
     * A read-only sorted view of one family's destinations (live; use on the RIB executor only).
     *
     * @param family an address family
     * @return the destinations keyed by prefix
     */
    public NavigableMap<IpPrefix, Destination> destinations(AddressFamily family) {
        return table(family).sortedView;
    }

    /**
     * The number of prefixes in a family.
     *
     * @param family an address family
     * @return the prefix count
     */
    public int size(AddressFamily family) {
        Table t = tables.get(family);
        return t == null ? 0 : t.sorted.size();
    }

    private Table table(IpPrefix prefix) {
        if (prefix instanceof Ipv4Prefix) {
            Table t = ipv4;
            return t != null ? t : (ipv4 = table(AddressFamily.IPV4_UNICAST));
        }
        return table(prefix.family());
    }

    private Table table(AddressFamily family) {
        return tables.computeIfAbsent(family, f -> new Table());
    }

    /**
     * One family: the same destinations by hash (lookups) and in prefix order (walks). IPv4
     * prefixes fit a long, so they get an open-addressing table; other families a HashMap.
     */
    private static final class Table {
        final Ipv4DestinationTable ipv4 = new Ipv4DestinationTable();
        final Map<IpPrefix, Destination> byPrefix = new HashMap<>();
        final NavigableMap<IpPrefix, Destination> sorted = new TreeMap<>();
        final NavigableMap<IpPrefix, Destination> sortedView = Collections.unmodifiableNavigableMap(sorted);

        Destination get(IpPrefix prefix) {
            return prefix instanceof Ipv4Prefix p ? ipv4.get(p) : byPrefix.get(prefix);
        }

        void add(IpPrefix prefix, Destination d) {
            if (prefix instanceof Ipv4Prefix p) {
                ipv4.add(p, d);
            } else {
                byPrefix.put(prefix, d);
            }
            sorted.put(prefix, d);
        }

        void remove(IpPrefix prefix) {
            if (prefix instanceof Ipv4Prefix p) {
                ipv4.remove(p);
            } else {
                byPrefix.remove(prefix);
            }
            sorted.remove(prefix);
        }
    }
}
