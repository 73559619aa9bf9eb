package io.jbgp.rib.out;

import io.jbgp.core.types.AddressFamily;
import io.jbgp.rib.attr.AttributeSet;
import io.jbgp.rib.policy.PolicyResult;
import java.util.Arrays;

/**
 * The outcome of {@link ExportRules#applyAttributeRules} for one neighbor, remembered per best
 * path attribute set: a full table has ~6 prefixes per set and arrives grouped by UPDATE, and
 * every best-path change used to rebuild, re-encode (to check the size) and re-intern the same
 * outbound set per neighbor (FRR's update groups and OpenBGPD's {@code adjout_attr_get} share
 * this work the same way). A small direct-mapped table: bounded memory (it holds at most
 * {@value #SLOTS} sets alive per neighbor), a miss only costs the rebuild it replaces.
 *
 * <p>The outcome depends on the connected subnets (third-party next hop) and on whether the
 * neighbor has an export policy (RFC 8212): the RIB {@link #clear}s the cache when either
 * changes. Owned by the RIB executor; not thread-safe.
 */
public final class ExportCache {

    /** The slot count, a power of two. */
    static final int SLOTS = 4096;

    /**
     * One remembered outcome.
     *
     * @param result accept with the interned outbound set, or the rejection
     * @param fitsAnyPrefix whether the accepted set fits one UPDATE with the family's longest
     *     NLRI, so no prefix needs the size check again
     */
    public record Outcome(PolicyResult result, boolean fitsAnyPrefix) {
    }

    private final AttributeSet[] keys = new AttributeSet[SLOTS];
    private final int[] kinds = new int[SLOTS];
    private final Outcome[] outcomes = new Outcome[SLOTS];

    // the family and the origin of the best path complete the key
    private static int kind(AddressFamily family, boolean fromPeer) {
        return family.afi() << 9 | family.safi() << 1 | (fromPeer ? 1 : 0);
    }

    private static int slot(AttributeSet attrs, int kind) {
        int h = attrs.hashCode() * 0x9E3779B9 + kind;
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }

    /**
     * The remembered outcome, or {@code null}.
     *
     * @param attrs the best path's (interned) attributes
     * @param family the destination's family
     * @param fromPeer whether the best path was learned from a neighbor
     * @return the outcome, or {@code null} on a miss
     */
    public Outcome get(AttributeSet attrs, AddressFamily family, boolean fromPeer) {
        int k = kind(family, fromPeer);
        int i = slot(attrs, k);
        return keys[i] == attrs && kinds[i] == k ? outcomes[i] : null;
    }

    /**
     * Remembers an outcome, replacing whatever shared its slot.
     *
     * @param attrs the best path's (interned) attributes
     * @param family the destination's family
     * @param fromPeer whether the best path was learned from a neighbor
     * @param outcome the outcome to remember
     */
    public void put(AttributeSet attrs, AddressFamily family, boolean fromPeer, Outcome outcome) {
        int k = kind(family, fromPeer);
        int i = slot(attrs, k);
        keys[i] = attrs;
        kinds[i] = k;
        outcomes[i] = outcome;
    }

    /** Forgets everything (a host route or the export policy changed). */
    public void clear() {
        Arrays.fill(keys, null);
        Arrays.fill(outcomes, null);
    }
}
