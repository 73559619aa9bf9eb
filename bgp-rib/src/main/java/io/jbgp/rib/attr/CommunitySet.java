package io.jbgp.rib.attr;

import io.jbgp.core.attr.Communities;
import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.ExtendedCommunities;
import io.jbgp.core.attr.ExtendedCommunity;
import io.jbgp.core.attr.LargeCommunities;
import io.jbgp.core.attr.LargeCommunity;
import io.jbgp.core.attr.PathAttribute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The standard (RFC 1997), extended (RFC 4360) and large (RFC 8092) communities of a path, kept
 * sorted and free of duplicates so that two sets with the same members are equal. Interned apart
 * from {@link AttributeSet} because policies rewrite communities far more often than anything
 * else (OpenBGPD {@code rde_community}, Holo {@code AttrSets}).
 */
public final class CommunitySet {

    /** No communities at all. */
    public static final CommunitySet EMPTY = new CommunitySet(new int[0], new long[0], List.of());

    private static final Comparator<LargeCommunity> LARGE_ORDER = Comparator
            .comparingLong(LargeCommunity::global)
            .thenComparingLong(LargeCommunity::local1)
            .thenComparingLong(LargeCommunity::local2);

    private final int[] standard;      // sorted unsigned
    private final long[] extended;     // sorted unsigned, raw 8-octet values
    private final List<LargeCommunity> large; // sorted by (global, local1, local2)
    private final int hash;

    private CommunitySet(int[] standard, long[] extended, List<LargeCommunity> large) {
        this.standard = standard;
        this.extended = extended;
        this.large = large;
        this.hash = (Arrays.hashCode(standard) * 31 + Arrays.hashCode(extended)) * 31 + large.hashCode();
    }

    /**
     * A set holding exactly these members (duplicates are dropped).
     *
     * @param standard RFC 1997 communities
     * @param extended RFC 4360 extended communities
     * @param large RFC 8092 large communities
     * @return the set, not interned
     */
    public static CommunitySet of(Collection<Community> standard, Collection<ExtendedCommunity> extended,
                                  Collection<LargeCommunity> large) {
        if (standard.isEmpty() && extended.isEmpty() && large.isEmpty()) {
            return EMPTY;
        }
        // arrays sorted and deduplicated in place: the stream pipelines this replaces (one per
        // kind, boxing every extended community in distinct()) were ~45% of the bytes the RIB
        // allocated per received UPDATE (benchmarks/README.md, Interning)
        int[] s = new int[standard.size()];
        int n = 0;
        for (Community c : standard) {
            s[n++] = c.value() ^ Integer.MIN_VALUE; // flipped: signed order is then unsigned order
        }
        Arrays.sort(s);
        n = dedupe(s);
        for (int i = 0; i < n; i++) {
            s[i] ^= Integer.MIN_VALUE;
        }
        long[] e = new long[extended.size()];
        int m = 0;
        for (ExtendedCommunity c : extended) {
            e[m++] = c.toLong() ^ Long.MIN_VALUE;
        }
        Arrays.sort(e);
        m = dedupe(e);
        for (int i = 0; i < m; i++) {
            e[i] ^= Long.MIN_VALUE;
        }
        List<LargeCommunity> l = List.of();
        if (!large.isEmpty()) {
            TreeSet<LargeCommunity> sorted = new TreeSet<>(LARGE_ORDER);
            sorted.addAll(large);
            l = List.copyOf(sorted);
        }
        return new CommunitySet(n == s.length ? s : Arrays.copyOf(s, n), m == e.length ? e : Arrays.copyOf(e, m), l);
    }

    // drops repeats from a sorted array; returns how many distinct values lead it
    private static int dedupe(int[] a) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (n == 0 || a[i] != a[n - 1]) {
                a[n++] = a[i];
            }
        }
        return n;
    }

    private static int dedupe(long[] a) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (n == 0 || a[i] != a[n - 1]) {
                a[n++] = a[i];
            }
        }
        return n;
    }

    /**
     * Only standard communities.
     *
     * @param standard RFC 1997 communities
     * @return the set, not interned
     */
    public static CommunitySet of(Community... standard) {
        return of(List.of(standard), List.of(), List.of());
    }

    /** {@return the standard communities, in ascending unsigned order} */
    public List<Community> standard() {
        List<Community> out = new ArrayList<>(standard.length);
        for (int v : standard) {
            out.add(new Community(v));
        }
        return out;
    }

    /** {@return the extended communities, in ascending unsigned order of their 8-octet value} */
    public List<ExtendedCommunity> extended() {
        List<ExtendedCommunity> out = new ArrayList<>(extended.length);
        for (long v : extended) {
            out.add(ExtendedCommunity.of(v));
        }
        return out;
    }

    /** {@return the large communities, sorted} */
    public List<LargeCommunity> large() {
        return large;
    }

    /** {@return true when the set holds no community of any kind} */
    public boolean isEmpty() {
        return standard.length == 0 && extended.length == 0 && large.isEmpty();
    }

    /**
     * Whether the standard community is present (NO_EXPORT checks run per route on export).
     *
     * @param c a standard community
     * @return true when present
     */
    public boolean contains(Community c) {
        for (int v : standard) {
            if (v == c.value()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the large community is present.
     *
     * @param c a large community
     * @return true when present
     */
    public boolean contains(LargeCommunity c) {
        return large.contains(c);
    }

    /**
     * This set plus the given members.
     *
     * @param addStandard standard communities to add
     * @param addLarge large communities to add
     * @return a new set; this one is unchanged
     */
    public CommunitySet with(Collection<Community> addStandard, Collection<LargeCommunity> addLarge) {
        List<Community> s = new ArrayList<>(standard());
        s.addAll(addStandard);
        List<LargeCommunity> l = new ArrayList<>(large);
        l.addAll(addLarge);
        return of(s, extended(), l);
    }

    /**
     * This set without the given members.
     *
     * @param removeStandard standard communities to remove
     * @param removeLarge large communities to remove
     * @return a new set; this one is unchanged
     */
    public CommunitySet without(Collection<Community> removeStandard, Collection<LargeCommunity> removeLarge) {
        List<Community> s = new ArrayList<>(standard());
        s.removeAll(removeStandard);
        List<LargeCommunity> l = new ArrayList<>(large);
        l.removeAll(removeLarge);
        return of(s, extended(), l);
    }

    /**
     * {@return the wire attributes (COMMUNITIES, EXTENDED_COMMUNITIES, LARGE_COMMUNITY), absent
     * ones skipped}
     */
    public List<PathAttribute> toAttributes() {
        List<PathAttribute> out = new ArrayList<>(3);
        if (standard.length > 0) {
            out.add(new Communities(standard()));
        }
        if (extended.length > 0) {
            out.add(new ExtendedCommunities(extended()));
        }
        if (!large.isEmpty()) {
            out.add(new LargeCommunities(large));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof CommunitySet c && c.hash == hash && Arrays.equals(c.standard, standard)
                && Arrays.equals(c.extended, extended) && c.large.equals(large);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        standard().forEach(c -> parts.add(c.toString()));
        extended().forEach(c -> parts.add(c.toString()));
        large.forEach(c -> parts.add(c.toString()));
        return String.join(" ", parts);
    }
}
