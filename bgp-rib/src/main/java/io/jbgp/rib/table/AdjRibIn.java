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
 * Both views live in ONE entry per path, because import policy nearly always accepts a path
 * unchanged: the entry is then just the received (interned) {@link AttributeSet}, and only a
 * path the policy rejected or modified carries a small {@code Outcome} with both. Paths without
 * a path ID are keyed by prefix in a {@link PrefixTable} (no {@link Nlri} or prefix object kept
 * per neighbor); ADD-PATH paths, keyed by prefix and path ID, go to a hash map. Two maps per
 * path with a per-session {@code Nlri} key used to cost ~130 bytes of every path of a full table
 * (benchmarks/notes/ribmem.md).
 *
 * <p>Owned by the RIB executor; not thread-safe.
 */
public final class AdjRibIn {

    /** A received path whose import outcome differs from "accepted as received". */
    private record Outcome(AttributeSet received, AttributeSet accepted) {
    }

    /** One family's paths. */
    private static final class Family {
        final PrefixTable<Object> single = new PrefixTable<>(); // no path ID
        Map<Nlri, Object> addPath;                              // created on the first path ID
        int accepted;
    }

    private final Map<AddressFamily, Family> families = new HashMap<>(4);

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
        Object old = nlri.hasPathId() ? addPath(f).put(nlri, entry) : f.single.put(nlri.prefix(), entry);
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
        Object old = nlri.hasPathId() ? (f.addPath == null ? null : f.addPath.remove(nlri))
                : f.single.remove(nlri.prefix());
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
        return nlri.hasPathId() ? f.addPath != null && f.addPath.containsKey(nlri) : f.single.get(nlri.prefix()) != null;
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
     * Calls {@code visitor} for every path of a family, in no particular order. The table must not
     * change during the walk (copy what you need first).
     *
     * @param family an address family
     * @param visitor called once per path
     */
    public void forEach(AddressFamily family, PathVisitor visitor) {
        Family f = families.get(family);
        if (f == null) {
            return;
        }
        f.single.forEach((p, e) -> visitor.visit(Nlri.of(p), received(e), accepted(e)));
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
        return f == null ? 0 : f.single.size() + (f.addPath == null ? 0 : f.addPath.size());
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

    private Map<Nlri, AttributeSet> view(AddressFamily family, boolean post) {
        TreeMap<Nlri, AttributeSet> sorted = new TreeMap<>(NLRI_ORDER);
        forEach(family, (n, received, accepted) -> {
            AttributeSet a = post ? accepted : received;
            if (a != null) {
                sorted.put(n, a);
            }
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }

    private Object entry(Nlri nlri) {
        Family f = families.get(nlri.prefix().family());
        if (f == null) {
            return null;
        }
        return nlri.hasPathId() ? (f.addPath == null ? null : f.addPath.get(nlri)) : f.single.get(nlri.prefix());
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
