package io.jbgp.rib.attr;

import com.google.common.collect.Interner;
import com.google.common.collect.Interners;

/**
 * Makes equal attribute sets the same object, so a full table holds each distinct set once and
 * the RIB can compare by reference first. Weak references let the GC free sets no route uses
 * any more, which replaces OpenBGPD's {@code refcnt} and BIRD's use counts. Community sets are
 * interned separately (STYLE §5). Thread-safe; the RIB interns at the Adj-RIB-In boundary (after
 * import policy) and at the Adj-RIB-Out boundary (after export policy).
 */
public final class AttributeInterner {

    private static final AttributeInterner SHARED = new AttributeInterner();

    private final Interner<AttributeSet> sets = Interners.newWeakInterner();
    private final Interner<CommunitySet> communities = Interners.newWeakInterner();

    /** The process-wide interner (interning across RIB instances is harmless and saves memory). */
    public static AttributeInterner shared() {
        return SHARED;
    }

    /** The canonical instance equal to {@code set}, whose community set is canonical too. */
    public AttributeSet intern(AttributeSet set) {
        CommunitySet c = communities.intern(set.communities());
        AttributeSet withCanonical = c == set.communities() ? set : set.withCommunities(c);
        return sets.intern(withCanonical);
    }

    /** The canonical instance equal to {@code set}. */
    public CommunitySet intern(CommunitySet set) {
        return communities.intern(set);
    }
}
