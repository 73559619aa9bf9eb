package io.jbgp.rib.table;

import io.jbgp.core.message.Nlri;
import io.jbgp.core.types.AddressFamily;
import io.jbgp.rib.attr.AttributeSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one neighbor announced (RFC 4271 §3.2 Adj-RIB-In), per address family, in two views:
 * <ul>
 *   <li>pre-policy: the attributes as received, kept so that an import policy change is applied
 *       by re-running the policy over them, without a session reset or ROUTE-REFRESH (BIRD's
 *       import table, Cisco's soft-reconfiguration inbound);
 *   <li>post-policy: what the import policy accepted, possibly modified; what the Loc-RIB holds
 *       for this neighbor.
 * </ul>
 * Keys are {@link Nlri}s, so ADD-PATH paths of the same prefix are distinct entries. Owned by the
 * RIB executor; not thread-safe.
 */
public final class AdjRibIn {

    private final Map<AddressFamily, Map<Nlri, AttributeSet>> pre = new HashMap<>();
    private final Map<AddressFamily, Map<Nlri, AttributeSet>> post = new HashMap<>();

    /**
     * Records a received path before policy.
     *
     * @param nlri the prefix and path ID as received
     * @param attrs the interned attributes as received
     */
    public void putPrePolicy(Nlri nlri, AttributeSet attrs) {
        table(pre, nlri).put(nlri, attrs);
    }

    /**
     * Records the policy outcome: accepted attributes, or {@code null} when rejected.
     *
     * @param nlri the prefix and path ID as received
     * @param attrs the attributes after import policy, or {@code null} when the policy rejected the
     *     path
     */
    public void putPostPolicy(Nlri nlri, AttributeSet attrs) {
        if (attrs == null) {
            table(post, nlri).remove(nlri);
        } else {
            table(post, nlri).put(nlri, attrs);
        }
    }

    /**
     * Removes a withdrawn path from both views; returns whether it was accepted before.
     *
     * @param nlri the prefix and path ID withdrawn
     * @return true when the path had passed import policy (so the Loc-RIB holds it)
     */
    public boolean remove(Nlri nlri) {
        table(pre, nlri).remove(nlri);
        return table(post, nlri).remove(nlri) != null;
    }

    /**
     * The received paths of a family, before policy (read-only, live).
     *
     * @param family an address family
     * @return a live, unmodifiable map from NLRI to attributes
     */
    public Map<Nlri, AttributeSet> prePolicy(AddressFamily family) {
        return Collections.unmodifiableMap(pre.getOrDefault(family, Map.of()));
    }

    /**
     * The accepted paths of a family, after policy (read-only, live).
     *
     * @param family an address family
     * @return a live, unmodifiable map from NLRI to accepted attributes
     */
    public Map<Nlri, AttributeSet> postPolicy(AddressFamily family) {
        return Collections.unmodifiableMap(post.getOrDefault(family, Map.of()));
    }

    /**
     * The number of received paths in a family.
     *
     * @param family an address family
     * @return the count, rejected paths included
     */
    public int size(AddressFamily family) {
        return pre.getOrDefault(family, Map.of()).size();
    }

    private static Map<Nlri, AttributeSet> table(Map<AddressFamily, Map<Nlri, AttributeSet>> views, Nlri nlri) {
        return views.computeIfAbsent(nlri.prefix().family(), f -> new LinkedHashMap<>());
    }
}
