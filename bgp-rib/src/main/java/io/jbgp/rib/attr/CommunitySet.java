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

    /** A set holding exactly these members (duplicates are dropped). */
    public static CommunitySet of(Collection<Community> standard, Collection<ExtendedCommunity> extended,
                                  Collection<LargeCommunity> large) {
        if (standard.isEmpty() && extended.isEmpty() && large.isEmpty()) {
            return EMPTY;
        }
        int[] s = standard.stream().mapToInt(Community::value).map(v -> v ^ Integer.MIN_VALUE)
                .sorted().distinct().map(v -> v ^ Integer.MIN_VALUE).toArray();
        long[] e = extended.stream().mapToLong(ExtendedCommunity::toLong).map(v -> v ^ Long.MIN_VALUE)
                .sorted().distinct().map(v -> v ^ Long.MIN_VALUE).toArray();
        TreeSet<LargeCommunity> l = new TreeSet<>(LARGE_ORDER);
        l.addAll(large);
        return new CommunitySet(s, e, List.copyOf(l));
    }

    /** Only standard communities. */
    public static CommunitySet of(Community... standard) {
        return of(List.of(standard), List.of(), List.of());
    }

    /** The standard communities, in ascending unsigned order. */
    public List<Community> standard() {
        List<Community> out = new ArrayList<>(standard.length);
        for (int v : standard) {
            out.add(new Community(v));
        }
        return out;
    }

    /** The extended communities, in ascending unsigned order of their 8-octet value. */
    public List<ExtendedCommunity> extended() {
        List<ExtendedCommunity> out = new ArrayList<>(extended.length);
        for (long v : extended) {
            out.add(ExtendedCommunity.of(v));
        }
        return out;
    }

    /** The large communities, sorted. */
    public List<LargeCommunity> large() {
        return large;
    }

    public boolean isEmpty() {
        return standard.length == 0 && extended.length == 0 && large.isEmpty();
    }

    /** Whether the standard community is present (NO_EXPORT checks run per route on export). */
    public boolean contains(Community c) {
        for (int v : standard) {
            if (v == c.value()) {
                return true;
            }
        }
        return false;
    }

    public boolean contains(LargeCommunity c) {
        return large.contains(c);
    }

    /** This set plus the given members. */
    public CommunitySet with(Collection<Community> addStandard, Collection<LargeCommunity> addLarge) {
        List<Community> s = new ArrayList<>(standard());
        s.addAll(addStandard);
        List<LargeCommunity> l = new ArrayList<>(large);
        l.addAll(addLarge);
        return of(s, extended(), l);
    }

    /** This set without the given members. */
    public CommunitySet without(Collection<Community> removeStandard, Collection<LargeCommunity> removeLarge) {
        List<Community> s = new ArrayList<>(standard());
        s.removeAll(removeStandard);
        List<LargeCommunity> l = new ArrayList<>(large);
        l.removeAll(removeLarge);
        return of(s, extended(), l);
    }

    /** The wire attributes (COMMUNITIES, EXTENDED_COMMUNITIES, LARGE_COMMUNITY), absent ones skipped. */
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
