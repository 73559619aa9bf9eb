package io.jbgp.rib.table;

import io.jbgp.core.types.AddressFamily;
import io.jbgp.core.types.IpPrefix;
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
 */
public final class LocRib {

    private final DecisionProcess decision;
    private final Map<AddressFamily, NavigableMap<IpPrefix, Destination>> tables = new HashMap<>();

    public LocRib(DecisionProcess decision) {
        this.decision = decision;
    }

    public DecisionProcess decision() {
        return decision;
    }

    /** Adds or replaces a path. */
    public Optional<BestPathChange> update(IpPrefix prefix, Route route) {
        return table(prefix.family()).computeIfAbsent(prefix, p -> new Destination(p, decision)).update(route);
    }

    /** Removes a path; drops the destination when it was the last. */
    public Optional<BestPathChange> withdraw(IpPrefix prefix, RouteSource source, long pathId) {
        NavigableMap<IpPrefix, Destination> t = table(prefix.family());
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

    /** The destination for a prefix, or {@code null}. */
    public Destination get(IpPrefix prefix) {
        return table(prefix.family()).get(prefix);
    }

    /** The best path for a prefix, or {@code null}. */
    public Route best(IpPrefix prefix) {
        Destination d = get(prefix);
        return d == null ? null : d.best();
    }

    /** A read-only sorted view of one family's destinations (live; use on the RIB executor only). */
    public NavigableMap<IpPrefix, Destination> destinations(AddressFamily family) {
        return Collections.unmodifiableNavigableMap(table(family));
    }

    /** The number of prefixes in a family. */
    public int size(AddressFamily family) {
        return table(family).size();
    }

    private NavigableMap<IpPrefix, Destination> table(AddressFamily family) {
        return tables.computeIfAbsent(family, f -> new TreeMap<>());
    }
}
