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

    /** Records a received path before policy. */
    public void putPrePolicy(Nlri nlri, AttributeSet attrs) {
        table(pre, nlri).put(nlri, attrs);
    }

    /** Records the policy outcome: accepted attributes, or {@code null} when rejected. */
    public void putPostPolicy(Nlri nlri, AttributeSet attrs) {
        if (attrs == null) {
            table(post, nlri).remove(nlri);
        } else {
            table(post, nlri).put(nlri, attrs);
        }
    }

    /** Removes a withdrawn path from both views; returns whether it was accepted before. */
    public boolean remove(Nlri nlri) {
        table(pre, nlri).remove(nlri);
        return table(post, nlri).remove(nlri) != null;
    }

    /** The received paths of a family, before policy (read-only, live). */
    public Map<Nlri, AttributeSet> prePolicy(AddressFamily family) {
        return Collections.unmodifiableMap(pre.getOrDefault(family, Map.of()));
    }

    /** The accepted paths of a family, after policy (read-only, live). */
    public Map<Nlri, AttributeSet> postPolicy(AddressFamily family) {
        return Collections.unmodifiableMap(post.getOrDefault(family, Map.of()));
    }

    /** The number of received paths in a family. */
    public int size(AddressFamily family) {
        return pre.getOrDefault(family, Map.of()).size();
    }

    private static Map<Nlri, AttributeSet> table(Map<AddressFamily, Map<Nlri, AttributeSet>> views, Nlri nlri) {
        return views.computeIfAbsent(nlri.prefix().family(), f -> new LinkedHashMap<>());
    }
}
