package io.jbgp.rib.table;

import io.jbgp.core.message.Nlri;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.rib.attr.AttributeSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one neighbor announced (RFC 4271 §3.2 Adj-RIB-In), per address family, in two views:
 * <ul>
 *   <li>pre-policy: the attributes as received, kept so that an import policy change is applied
 *       by re-running the policy over them, without a session reset or ROUTE-REFRESH (BIRD's
 *       import table, Cisco's soft-reconfiguration inbound);
 *   <li>post-policy: what the import policy accepted, possibly modified; what the Loc-RIB holds
 *       for this neighbor.
 * </ul>
 * Import policy nearly always accepts a path unchanged, and the Loc-RIB then holds a
 * {@link Route} of this neighbor with exactly the received attributes. Such a path is kept
 * nowhere else: the Adj-RIB-In shares the Loc-RIB's {@code Route} (OpenBGPD's {@code prefix}
 * struct serves the Adj-RIB-In and the Loc-RIB at once the same way). Only a path the policy
 * rejected or modified has an entry here, an {@code Outcome} with the received and the accepted
 * attributes, keyed by prefix in a {@link PrefixTable}; ADD-PATH paths (prefix and path ID) are
 * all kept in a hash map. Two maps per path with a per-session {@code Nlri} key used to cost
 * ~130 bytes of every path of a full table, one packed table ~22 (benchmarks/notes/ribmem.md).
 * The price: listing a neighbor's paths ({@link #forEach}, for session down, policy reload and
 * "show") walks the family's Loc-RIB, which only reads.
 *
 * <p>Invariant, kept by the RIB: {@link #put} is called before the Loc-RIB is changed to match
 * (the accepted path added or replaced, the rejected one removed), and {@link #remove} before the
 * path is withdrawn from it. Owned by the RIB executor; not thread-safe.
 */
public final class AdjRibIn {

    /** A received path whose import outcome differs from "accepted as received". */
    private record Outcome(AttributeSet received, AttributeSet accepted) {
    }

    /** One family's paths. */
    private static final class Family {
        final PrefixTable<Outcome> exceptions = new PrefixTable<>(); // no path ID, not accepted as received
        Map<Nlri, Object> addPath;                                   // created on the first path ID
        int size;                                                    // all paths, ADD-PATH included
        int accepted;
    }

    private final LocRib locRib;
    private final RouteSource source;
    private final Map<AddressFamily, Family> families = new HashMap<>(4);

    /**
     * An empty Adj-RIB-In for one neighbor.
     *
     * @param locRib the Loc-RIB that holds the neighbor's accepted paths
     * @param source the neighbor's route source in that Loc-RIB
     */
    public AdjRibIn(LocRib locRib, RouteSource source) {
        this.locRib = locRib;
        this.source = source;
    }

    // the neighbor's path in the Loc-RIB for a prefix (no path ID), or null
    private Route inLocRib(io.jbgp.core.types.IpPrefix prefix) {
        Destination d = locRib.get(prefix);
        return d == null ? null : d.find(source, Nlri.NO_PATH_ID);
    }

    // the entry of a path without path ID: its Outcome, the Loc-RIB route's attributes, or null
    private Object single(Family f, io.jbgp.core.types.IpPrefix prefix) {
        Outcome o = f.exceptions.get(prefix);
        if (o != null) {
            return o;
        }
        Route r = inLocRib(prefix);
        return r == null ? null : r.attrs();
    }

    /**
     * Records a received path and its import outcome, replacing what the neighbor sent before
     * for the same prefix and path ID.
     *
     * @param nlri the prefix and path ID as received
     * @param received the interned attributes as received
     * @param accepted the interned attributes after import policy ({@code received} itself when
     *     the policy accepted them unchanged), or {@code null} when the policy rejected the path
     */
    public void put(Nlri nlri, AttributeSet received, AttributeSet accepted) {
        Family f = family(nlri.prefix().family());
        Object entry = accepted == received ? received : new Outcome(received, accepted);
        Object old;
        if (nlri.hasPathId()) {
            old = addPath(f).put(nlri, entry);
        } else {
            old = single(f, nlri.prefix());
            if (entry instanceof Outcome o) {
                f.exceptions.put(nlri.prefix(), o);
            } else if (old instanceof Outcome) {
                f.exceptions.remove(nlri.prefix()); // accepted as received: the Loc-RIB route says it all
            }
        }
        f.size += old == null ? 1 : 0;
        f.accepted += (accepted != null ? 1 : 0) - (isAccepted(old) ? 1 : 0);
    }

    /**
     * Removes a withdrawn path; returns whether it was accepted before.
     *
     * @param nlri the prefix and path ID withdrawn
     * @return true when the path had passed import policy (so the Loc-RIB holds it)
     */
    public boolean remove(Nlri nlri) {
        Family f = families.get(nlri.prefix().family());
        if (f == null) {
            return false;
        }
        Object old;
        if (nlri.hasPathId()) {
            old = f.addPath == null ? null : f.addPath.remove(nlri);
        } else {
            old = f.exceptions.remove(nlri.prefix());
            if (old == null) {
                Route r = inLocRib(nlri.prefix());
                old = r == null ? null : r.attrs();
            }
        }
        if (old != null) {
            f.size--;
        }
        if (isAccepted(old)) {
            f.accepted--;
            return true;
        }
        return false;
    }

    /**
     * Whether the neighbor announced this path and has not withdrawn it.
     *
     * @param nlri the prefix and path ID
     * @return true when the path is in the table, accepted or not
     */
    public boolean contains(Nlri nlri) {
        Family f = families.get(nlri.prefix().family());
        if (f == null) {
            return false;
        }
        return nlri.hasPathId() ? f.addPath != null && f.addPath.containsKey(nlri) : single(f, nlri.prefix()) != null;
    }

    /**
     * The attributes a path was received with, or {@code null}.
     *
     * @param nlri the prefix and path ID
     * @return the attributes before policy, or {@code null} when the path is not in the table
     */
    public AttributeSet received(Nlri nlri) {
        return received(entry(nlri));
    }

    /**
     * The attributes a path was accepted with, or {@code null}.
     *
     * @param nlri the prefix and path ID
     * @return the attributes after policy, or {@code null} when absent or rejected
     */
    public AttributeSet accepted(Nlri nlri) {
        return accepted(entry(nlri));
    }

    /** Receives every path of a family with its import outcome. */
    @FunctionalInterface
    public interface PathVisitor {
        /**
         * One path.
         *
         * @param nlri the prefix and path ID
         * @param received the attributes as received
         * @param accepted the attributes after import policy, or {@code null} when rejected
         */
        void visit(Nlri nlri, AttributeSet received, AttributeSet accepted);
    }

    /**
     * Calls {@code visitor} for every path of a family, in no particular order: a walk of the
     * family's Loc-RIB for the paths accepted as received. Neither table may change during the
     * walk (copy what you need first).
     *
     * @param family an address family
     * @param visitor called once per path
     */
    public void forEach(AddressFamily family, PathVisitor visitor) {
        Family f = families.get(family);
        if (f == null) {
            return;
        }
        f.exceptions.forEach((p, o) -> visitor.visit(Nlri.of(p), o.received(), o.accepted()));
        if (f.size - f.exceptions.size() - (f.addPath == null ? 0 : f.addPath.size()) > 0) {
            for (Destination d : locRib.destinations(family).values()) {
                Route r = d.find(source, Nlri.NO_PATH_ID);
                if (r != null && f.exceptions.get(d.prefix()) == null) {
                    visitor.visit(Nlri.of(d.prefix()), r.attrs(), r.attrs());
                }
            }
        }
        if (f.addPath != null) {
            f.addPath.forEach((n, e) -> visitor.visit(n, received(e), accepted(e)));
        }
    }

    /**
     * The received paths of a family, before policy: a copy in prefix order.
     *
     * @param family an address family
     * @return an unmodifiable map from NLRI to attributes as received
     */
    public Map<Nlri, AttributeSet> prePolicy(AddressFamily family) {
        return view(family, false);
    }

    /**
     * The accepted paths of a family, after policy: a copy in prefix order.
     *
     * @param family an address family
     * @return an unmodifiable map from NLRI to accepted attributes
     */
    public Map<Nlri, AttributeSet> postPolicy(AddressFamily family) {
        return view(family, true);
    }

    /**
     * The number of received paths in a family (O(1), for max-prefix).
     *
     * @param family an address family
     * @return the count, rejected paths included
     */
    public int size(AddressFamily family) {
        Family f = families.get(family);
        return f == null ? 0 : f.size;
    }

    /**
     * The number of accepted paths in a family (O(1)).
     *
     * @param family an address family
     * @return the count of paths that passed import policy
     */
    public int acceptedSize(AddressFamily family) {
        Family f = families.get(family);
        return f == null ? 0 : f.accepted;
    }

    private static final Comparator<Nlri> NLRI_ORDER =
            Comparator.comparing(Nlri::prefix).thenComparingLong(Nlri::pathId);

    // The paths accepted as received come in prefix order from the Loc-RIB's sorted walk; the
    // few others (exceptions, ADD-PATH) are sorted apart and merged in. Sorting everything (a
    // TreeMap of all paths per view) made a 100k-prefix "show" snapshot several times slower.
    private Map<Nlri, AttributeSet> view(AddressFamily family, boolean post) {
        Family f = families.get(family);
        if (f == null) {
            return Map.of();
        }
        TreeMap<Nlri, AttributeSet> side = new TreeMap<>(NLRI_ORDER);
        f.exceptions.forEach((p, o) -> {
            AttributeSet a = post ? o.accepted() : o.received();
            if (a != null) {
                side.put(Nlri.of(p), a);
            }
        });
        if (f.addPath != null) {
            f.addPath.forEach((n, e) -> {
                AttributeSet a = post ? accepted(e) : received(e);
                if (a != null) {
                    side.put(n, a);
                }
            });
        }
        LinkedHashMap<Nlri, AttributeSet> out = new LinkedHashMap<>();
        java.util.Iterator<Map.Entry<Nlri, AttributeSet>> others = side.entrySet().iterator();
        Map.Entry<Nlri, AttributeSet> next = others.hasNext() ? others.next() : null;
        if (f.size - f.exceptions.size() - (f.addPath == null ? 0 : f.addPath.size()) > 0) {
            for (Destination d : locRib.destinations(family).values()) {
                Route r = d.find(source, Nlri.NO_PATH_ID);
                if (r == null || f.exceptions.get(d.prefix()) != null) {
                    continue;
                }
                Nlri n = Nlri.of(d.prefix());
                while (next != null && NLRI_ORDER.compare(next.getKey(), n) < 0) {
                    out.put(next.getKey(), next.getValue());
                    next = others.hasNext() ? others.next() : null;
                }
                out.put(n, r.attrs());
            }
        }
        while (next != null) {
            out.put(next.getKey(), next.getValue());
            next = others.hasNext() ? others.next() : null;
        }
        return Collections.unmodifiableMap(out);
    }

    private Object entry(Nlri nlri) {
        Family f = families.get(nlri.prefix().family());
        if (f == null) {
            return null;
        }
        return nlri.hasPathId() ? (f.addPath == null ? null : f.addPath.get(nlri)) : single(f, nlri.prefix());
    }

    private Family family(AddressFamily family) {
        return families.computeIfAbsent(family, k -> new Family());
    }

    private static Map<Nlri, Object> addPath(Family f) {
        if (f.addPath == null) {
            f.addPath = new HashMap<>();
        }
        return f.addPath;
    }

    private static boolean isAccepted(Object entry) {
        return entry instanceof AttributeSet || entry instanceof Outcome o && o.accepted() != null;
    }

    private static AttributeSet received(Object entry) {
        return entry instanceof Outcome o ? o.received() : (AttributeSet) entry;
    }

    private static AttributeSet accepted(Object entry) {
        return entry instanceof Outcome o ? o.accepted() : (AttributeSet) entry;
    }
}
